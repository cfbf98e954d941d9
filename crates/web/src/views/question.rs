//! `/questions/{id}`: metadata, procedural acts, the question and the answer passage by passage
//! (anchored `#p3`), each tagged with the actions it is linked to.

use maud::{Markup, html};
use vigie_core::PassageKind;
use vigie_store::query::question::{PassageRow, QuestionPage};

use super::components::{action_link, action_status, highlight, member_link, minister_link};
use super::layout::{Section, page as layout};
use crate::ctx::Ctx;

pub fn page(ctx: &Ctx, p: &QuestionPage) -> Markup {
    let t = ctx.t();
    let q = &p.question;
    let (question_part, answer_part): (Vec<&PassageRow>, Vec<&PassageRow>) =
        p.passages.iter().partition(|x| !x.kind.is_answer());
    layout(
        ctx,
        Section::Questions,
        &q.subject,
        html! {
            nav.breadcrumb aria-label=(t.breadcrumb) {
                ol {
                    li { a href=(ctx.link("/questions")) { (t.nav_questions) } }
                    li aria-current="page" { (ctx.lang.question_number(q.number.into(), &q.legislature)) }
                }
            }
            h1 { (q.subject) }
            dl.facts {
                dt { (t.asked_by) }
                dd { (member_link(ctx, &q.member)) }
                dt { (t.addressed_to) }
                dd { (minister_link(ctx, &q.minister)) div.muted { (q.minister.portfolio) } }
                dt { (t.number) }
                dd { (ctx.lang.question_number(q.number.into(), &q.legislature)) }
                dt { (t.legislature) " / " (t.session) }
                dd { (q.legislature) " / " (q.session) }
                dt { (t.received) }
                dd { (ctx.lang.opt_date(q.received)) }
                dt { (t.published) }
                dd { (ctx.lang.opt_date(p.published)) }
                dt { (t.answered) }
                dd { @match q.answered { Some(d) => (ctx.lang.date(d)), None => (t.no_answer) } }
                @if let Some(days) = p.delay_days {
                    dt { (t.answer_delay) }
                    dd { (ctx.lang.days(days)) }
                }
                @if let Some(url) = &p.source_url {
                    dt { (t.official_page) }
                    dd { a href=(url) rel="external" { (t.official_page_link) } }
                }
            }
            // Staff see what the reader warned about when it read the question's page.
            @if ctx.user.is_some() && !p.warnings.is_empty() {
                section.notice aria-labelledby="read-warnings" {
                    h2 #read-warnings { (t.read_warnings) }
                    ul {
                        @for w in &p.warnings {
                            li { span lang="en" { (w.location) ": " (w.message) } }
                        }
                    }
                }
            }

            section aria-labelledby="linked" {
                h2 #linked { (t.linked_actions) }
                @if p.links.is_empty() {
                    p { (t.no_linked_actions) }
                } @else {
                    ul.list {
                        @for l in &p.links {
                            li {
                                (action_status(ctx, &l.action)) " " (action_link(ctx, &l.action))
                                div.meta { span { (t.score) " " (ctx.lang.score(l.score)) } span { (t.link_state(l.state)) } }
                            }
                        }
                    }
                }
            }

            @if !p.acts.is_empty() {
                section aria-labelledby="acts" {
                    h2 #acts { (t.procedure) }
                    div.table-scroll {
                        table {
                            thead { tr { th scope="col" { (t.date) } th scope="col" { (t.act) } th scope="col" { (t.reference) } } }
                            tbody {
                                @for a in &p.acts {
                                    tr {
                                        td { (ctx.lang.opt_date(a.date)) }
                                        td {
                                            @if let Some(url) = &a.url { a href=(url) rel="external" { (a.label) } } @else { (a.label) }
                                            @if let Some(who) = &a.person { " — " (who) }
                                        }
                                        td { (a.reference.as_deref().unwrap_or("")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            section aria-labelledby="question-text" {
                h2 #question-text { (t.question) }
                @for x in &question_part { (passage(ctx, x)) }
            }
            section aria-labelledby="answer-text" {
                h2 #answer-text { (t.answer) }
                @if answer_part.is_empty() {
                    p { strong { (t.no_answer) } }
                }
                @for x in &answer_part { (passage(ctx, x)) }
            }
        },
    )
}

fn passage(ctx: &Ctx, p: &PassageRow) -> Markup {
    let t = ctx.t();
    let words: Vec<String> = p
        .links
        .iter()
        .flat_map(|l| l.words.iter().cloned())
        .collect();
    html! {
        div.passage id={ "p" (p.position) } {
            div.meta {
                a href={ "#p" (p.position) } { (ctx.lang.passage_n(p.position.into())) }
                @if p.kind == PassageKind::SubQuestion { span { (t.passage_kind(p.kind)) } }
            }
            @if let Some(h) = &p.heading { h3 { (h) } }
            div.passage-text { (highlight(&p.text, &words)) }
            @if !p.links.is_empty() {
                ul.tags aria-label=(t.linked_actions) {
                    @for l in &p.links {
                        li { (action_status(ctx, &l.action)) " " (action_link(ctx, &l.action)) " (" (ctx.lang.score(l.score)) ")" }
                    }
                }
            }
        }
    }
}
