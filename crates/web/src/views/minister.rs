//! `/ministers/{id}`: questions answered, median answer delay, actions piloted with statuses.

use maud::{Markup, html};
use vigie_store::query::minister::MinisterPage;

use super::components::{action_link, action_status, minister_link, question_link, question_meta};
use super::layout::{Section, page as layout};
use crate::ctx::Ctx;

pub fn page(ctx: &Ctx, p: &MinisterPage) -> Markup {
    let t = ctx.t();
    let m = &p.minister;
    layout(
        ctx,
        Section::Other,
        m.display(),
        html! {
            h1 { (m.display()) }
            dl.facts {
                dt { (t.portfolio) }
                dd { (m.portfolio) }
                dt { (t.questions_answered) }
                dd { a href=(ctx.href("/questions", &[("minister", m.id.to_string())])) { (ctx.lang.n_questions(p.question_count)) } }
                dt { (t.median_delay) }
                dd { @match p.median_delay_days { Some(d) => (ctx.lang.median_days(d)), None => (t.none) } }
                @if !p.pilot_roles.is_empty() {
                    dt { (t.piloted_via) }
                    dd { @for (i, r) in p.pilot_roles.iter().enumerate() { @if i > 0 { "; " } (minister_link(ctx, r)) } }
                }
                @if !p.holders.is_empty() {
                    dt { (t.minister) }
                    dd { @for (i, r) in p.holders.iter().enumerate() { @if i > 0 { "; " } (minister_link(ctx, r)) } }
                }
            }
            section aria-labelledby="piloted" {
                h2 #piloted { (t.actions_piloted) }
                @if p.actions_piloted.is_empty() { p { (t.nothing_here) } } @else {
                    p { a href=(ctx.href("/actions", &[("minister", m.id.to_string())])) { (ctx.lang.n_actions(p.actions_piloted.len() as u64)) } }
                    ul.list { @for a in &p.actions_piloted { li { (action_status(ctx, a)) " " (action_link(ctx, a)) } } }
                }
            }
            section aria-labelledby="answered" {
                h2 #answered { (t.questions_answered) }
                @if p.questions.is_empty() { p { (t.nothing_here) } } @else {
                    ul.list { @for q in &p.questions { li { (question_link(ctx, q)) (question_meta(ctx, q)) } } }
                }
            }
        },
    )
}
