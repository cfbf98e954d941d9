//! `/members/{id}`: questions asked, actions probed.

use maud::{Markup, html};
use vigie_store::query::member::MemberPage;

use super::components::{action_link, action_status, question_link, question_meta};
use super::layout::{Section, page as layout};
use crate::ctx::Ctx;

pub fn page(ctx: &Ctx, p: &MemberPage) -> Markup {
    let t = ctx.t();
    layout(
        ctx,
        Section::Other,
        &p.member.name,
        html! {
            h1 { (p.member.name) }
            p.lead { (t.member) " — " a href=(ctx.href("/questions", &[("member", p.member.id.to_string())])) { (ctx.lang.questions_asked_about(p.question_count)) } }
            section aria-labelledby="probed" {
                h2 #probed { (t.actions_probed) }
                @if p.actions.is_empty() { p { (t.nothing_here) } } @else {
                    ul.list {
                        @for (a, n) in &p.actions {
                            li {
                                (action_status(ctx, a)) " " (action_link(ctx, a))
                                div.meta { a href=(ctx.href("/questions", &[("member", p.member.id.to_string()), ("action", a.id.to_string())])) { (ctx.lang.n_questions(*n)) } }
                            }
                        }
                    }
                }
            }
            section aria-labelledby="asked" {
                h2 #asked { (t.questions_asked) }
                @if p.questions.is_empty() { p { (t.nothing_here) } } @else {
                    ul.list { @for q in &p.questions { li { (question_link(ctx, q)) (question_meta(ctx, q)) } } }
                }
            }
        },
    )
}
