//! `/search?q=`: full text over actions, questions and answers, with highlighted snippets and
//! the same filters as the lists.

use maud::{Markup, html};
use vigie_store::query::common::{Page, QuestionRef};
use vigie_store::query::lists::FilterOptions;
use vigie_store::query::search::{HitKind, SearchHit};

use super::actions_list::{axis_options, member_options, minister_options, status_options};
use super::components::{
    Field, action_status, filter_form, pagination, question_link, question_meta, snippet,
};
use super::layout::{Section, page as layout};
use crate::ctx::Ctx;
use crate::paths;

pub fn page(
    ctx: &Ctx,
    query: &str,
    hits: &Page<SearchHit>,
    numbered: &[QuestionRef],
    options: &FilterOptions,
) -> Markup {
    let t = ctx.t();
    let kinds = vec![
        (
            HitKind::Action.as_str().to_string(),
            t.kind_actions.to_string(),
        ),
        (
            HitKind::Question.as_str().to_string(),
            t.kind_questions.to_string(),
        ),
        (
            HitKind::Passage.as_str().to_string(),
            t.kind_answers.to_string(),
        ),
    ];
    layout(
        ctx,
        Section::Search,
        t.search_title,
        html! {
            h1 { (t.search_title) }
            p.muted { (t.search_hint) }
            (filter_form(ctx, "/search", vec![
                Field::Search { name: "q", label: t.search_label },
                Field::Select { name: "kind", label: t.search_in, options: kinds },
                Field::Select { name: "status", label: t.status_label, options: status_options(ctx) },
                Field::Select { name: "axis", label: t.axis, options: axis_options(ctx, options) },
                Field::Select { name: "minister", label: t.minister, options: minister_options(options) },
                Field::Select { name: "member", label: t.member, options: member_options(options) },
                Field::Date { name: "from", label: t.from },
                Field::Date { name: "to", label: t.to },
            ]))
            // A number is first the official number of a question.
            @if !numbered.is_empty() {
                section aria-labelledby="numbered" {
                    h2 #numbered { (t.questions_with_number) " " (query.trim()) }
                    ul.list {
                        @for q in numbered {
                            li { (question_link(ctx, q)) div.meta { (ctx.lang.question_number(q.number.into(), &q.legislature)) } }
                        }
                    }
                }
            }
            @if !query.trim().is_empty() {
                p role="status" { (ctx.lang.n_results(hits.total)) }
                @if hits.items.is_empty() { p { (t.no_results) } } @else {
                    ol.list {
                        @for h in &hits.items { li { (hit(ctx, h)) } }
                    }
                }
                (pagination(ctx, hits.page, hits.pages()))
            }
        },
    )
}

fn hit(ctx: &Ctx, h: &SearchHit) -> Markup {
    let t = ctx.t();
    html! {
        @match (&h.action, &h.question) {
            (Some(a), _) => {
                div.meta { span { (t.hit_action) } (action_status(ctx, a)) }
                a href=(ctx.link(&paths::action(a))) {
                    span.code { (a.code) } " "
                    @if h.title_snippet.trim().is_empty() { (a.title()) } @else { (snippet(&h.title_snippet)) }
                }
                @if !h.body_snippet.trim().is_empty() { p.excerpt { (snippet(&h.body_snippet)) } }
            }
            (None, Some(q)) => {
                // One entry per question: its subject (highlighted when it matched), then its best
                // matching passages, each linking to its place in the question.
                div.meta { span { @if h.kind == HitKind::Question { (t.hit_question) } @else { (t.hit_passage) } } }
                a href=(ctx.link(&paths::question(q))) {
                    @if h.title_snippet.trim().is_empty() { (q.subject) } @else { (snippet(&h.title_snippet)) }
                }
                (question_meta(ctx, q))
                @for p in &h.passages {
                    p.excerpt {
                        a href={ (ctx.link(&paths::question(q))) "#p" (p.position) } {
                            @if let Some(k) = p.kind { (t.passage_kind(k)) } @else { (t.hit_passage) }
                            " · " (ctx.lang.passage_n(p.position.into()))
                        }
                        " — " (snippet(&p.snippet))
                    }
                }
            }
            _ => {}
        }
    }
}
