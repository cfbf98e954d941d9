//! `/organisations/{id}`: other names, plans it partners, actions and answers naming it.

use maud::{Markup, html};
use vigie_store::query::organisation::OrganisationPage;
use vigie_store::query::overview::is_steering_role;

use super::components::{action_link, action_status, question_link, question_meta, snippet};
use super::layout::{Section, page as layout};
use crate::ctx::Ctx;
use crate::paths;

pub fn page(ctx: &Ctx, p: &OrganisationPage) -> Markup {
    let t = ctx.t();
    let o = &p.organisation;
    layout(
        ctx,
        Section::Other,
        &o.name,
        html! {
            h1 { (o.name) }
            dl.facts {
                dt { (t.organisation) }
                dd { (o.name) }
                @if !p.aliases.is_empty() {
                    dt { (t.aliases) }
                    dd { (p.aliases.join(", ")) }
                }
            }
            section aria-labelledby="plans" {
                h2 #plans { (t.partner_of) }
                @if p.plans.is_empty() { p { (t.nothing_here) } } @else {
                    ul.list {
                        @for r in &p.plans {
                            li {
                                a href=(ctx.href("/actions", &[("organisation", o.id.to_string())])) { (r.plan_title) }
                                " — " (if is_steering_role(&r.role) { t.role_steering } else { t.role_partner })
                                @if let Some(q) = &r.qualifier { " (" (q) ")" }
                            }
                        }
                    }
                }
            }
            section aria-labelledby="naming-actions" {
                h2 #naming-actions { (t.actions_naming) }
                @if p.actions_naming.is_empty() { p { (t.nothing_here) } } @else {
                    ul.list { @for a in &p.actions_naming { li { (action_status(ctx, a)) " " (action_link(ctx, a)) } } }
                }
            }
            section aria-labelledby="naming-answers" {
                h2 #naming-answers { (t.answers_naming) }
                @if p.answers_naming.is_empty() { p { (t.nothing_here) } } @else {
                    ul.list {
                        @for m in &p.answers_naming {
                            li {
                                (question_link(ctx, &m.question))
                                (question_meta(ctx, &m.question))
                                p.excerpt {
                                    a href={ (ctx.link(&paths::question(&m.question))) "#p" (m.passage_position) } { (ctx.lang.passage_n(m.passage_position.into())) }
                                    " — " (snippet(&m.snippet))
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}
