//! `/questions`: written questions, filterable (status and axis of linked actions, minister,
//! member, organisation named in the answer, dates), sortable, paginated.

use maud::{Markup, html};
use vigie_store::query::common::Page;
use vigie_store::query::lists::{FilterOptions, QuestionRow, QuestionSort};

use super::actions_list::list_filters;
use super::components::{filter_form, pagination, question_link, question_meta};
use super::layout::{Section, page as layout};
use crate::ctx::Ctx;

pub fn page(ctx: &Ctx, rows: &Page<QuestionRow>, options: &FilterOptions) -> Markup {
    let t = ctx.t();
    let sorts = QuestionSort::ALL
        .iter()
        .map(|s| {
            let label = match s {
                QuestionSort::Newest => t.sort_newest,
                QuestionSort::Oldest => t.sort_oldest,
            };
            (s.as_str().to_string(), label.to_string())
        })
        .collect();
    layout(
        ctx,
        Section::Questions,
        t.questions_title,
        html! {
            h1 { (t.questions_title) }
            (filter_form(ctx, "/questions", list_filters(ctx, options, t.minister, sorts)))
            @if let Some(a) = ctx.param_id("action") {
                p { a href=(ctx.link(&format!("/actions/{a}"))) { (t.action) " #" (a) } }
            }
            p role="status" { (ctx.lang.n_questions(rows.total)) }
            @if rows.items.is_empty() { p { (t.no_results) } } @else {
                ul.list {
                    @for r in &rows.items {
                        li {
                            (question_link(ctx, &r.question))
                            (question_meta(ctx, &r.question))
                            @if r.linked_actions > 0 {
                                div.meta { span { (t.linked_actions) ": " (r.linked_actions) } }
                            }
                        }
                    }
                }
            }
            (pagination(ctx, rows.page, rows.pages()))
        },
    )
}
