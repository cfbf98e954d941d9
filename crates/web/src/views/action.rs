//! `/actions/{id}`: the commitment, its proposed status and what it rests on, the evidence trail
//! and the status history.

use maud::{Markup, html};
use vigie_store::query::action::{ActionPage, Evidence, StatusRow};

use super::components::{
    highlight, member_link, minister_link, pagination_to, question_link, status_badge,
};
use super::layout::{Section, page as layout};
use crate::ctx::Ctx;

pub fn page(ctx: &Ctx, p: &ActionPage) -> Markup {
    let t = ctx.t();
    let a = &p.action;
    let title = format!("{} {} {}", t.action, a.code, a.title());
    layout(
        ctx,
        Section::Actions,
        &title,
        html! {
            nav.breadcrumb aria-label=(t.breadcrumb) {
                ol {
                    li { a href=(ctx.link("/")) { (t.nav_overview) } }
                    li { a href=(ctx.href("/actions", &[("axis", p.axis.id.to_string())])) { (ctx.lang.axis_n(p.axis.number.into())) " — " (p.axis.title) } }
                    li aria-current="page" { (t.action) " " (a.code) }
                }
            }
            h1 { span.code { (a.code) } " " (a.title()) }
            p { (status_badge(ctx, a.status)) }
            p.lead { @if let Some(l) = &a.label { strong { (l) } " " } (a.text) }
            dl.facts {
                dt { (t.plan) }
                dd { a href=(ctx.link("/")) { (p.plan_title) } }
                dt { (t.axis) }
                dd { a href=(ctx.href("/actions", &[("axis", p.axis.id.to_string())])) { (ctx.lang.axis_n(p.axis.number.into())) " — " (p.axis.title) } }
                @if !p.pilots.is_empty() {
                    dt { (t.pilots) }
                    dd { @for (i, m) in p.pilots.iter().enumerate() { @if i > 0 { "; " } (minister_link(ctx, m)) } }
                }
                @if !p.partners.is_empty() {
                    dt { (t.partners) }
                    dd {
                        @for (i, o) in p.partners.iter().enumerate() {
                            @if i > 0 { ", " }
                            a href=(ctx.link(&format!("/organisations/{}", o.organisation.id))) { (o.organisation.name) }
                            @if let Some(q) = &o.qualifier { " (" (q) ")" }
                        }
                    }
                }
            }

            section.status-box aria-labelledby="proposed" {
                h2 #proposed { (t.proposed_status) }
                @match &p.current {
                    Some(s) => (status_detail(ctx, s)),
                    None => p { (status_badge(ctx, a.status)) " " (t.no_status_evidence) },
                }
            }

            (crate::staff::actions::assessment_section(ctx, p))

            section aria-labelledby="trail" {
                h2 #trail { (t.evidence_trail) }
                @if p.evidence_total == 0 {
                    p { (t.no_evidence) }
                } @else {
                    p role="status" { (ctx.lang.n_questions(p.evidence_total)) }
                    ol.timeline {
                        @for e in &p.evidence { li { (evidence(ctx, e)) } }
                    }
                    @if let Some(w) = p.evidence_window {
                        (pagination_to(ctx, w.page, w.pages(p.evidence_total), "#trail"))
                    }
                }
            }

            section aria-labelledby="history" {
                h2 #history { (t.status_history) }
                @if p.history.is_empty() {
                    p { (t.no_history) }
                } @else {
                    div.table-scroll {
                        table {
                            thead { tr {
                                th scope="col" { (t.computed_at) }
                                th scope="col" { (t.status_label) }
                                th scope="col" { (t.evidence_date) }
                                th scope="col" { (t.rests_on) }
                                th scope="col" { (t.engine_version) }
                            } }
                            tbody {
                                @for h in &p.history {
                                    tr {
                                        td { (ctx.lang.date(h.computed_at.date_naive())) @if h.current { " (" (t.current) ")" } }
                                        td { (status_badge(ctx, h.status)) }
                                        td { (ctx.lang.opt_date(h.evidence_date)) }
                                        td { @if let Some(q) = &h.question { (question_link(ctx, q)) } @else { (t.none) } }
                                        td { (h.matcher_version) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}

fn status_detail(ctx: &Ctx, s: &StatusRow) -> Markup {
    let t = ctx.t();
    html! {
        p { (status_badge(ctx, s.status)) " — " (t.status_definition(s.status)) }
        @if let Some(sentence) = &s.sentence {
            blockquote { (sentence) }
        }
        dl.facts {
            @if let Some(q) = &s.question {
                dt { (t.rests_on) }
                dd {
                    @let anchor = s.passage_position.map(|p| format!("#p{p}")).unwrap_or_default();
                    a href={ (ctx.link(&format!("/questions/{}", q.id))) (anchor) } { (q.subject) }
                    " — " (member_link(ctx, &q.member)) " → " (minister_link(ctx, &q.minister))
                }
            }
            dt { (t.evidence_date) }
            dd { (ctx.lang.opt_date(s.evidence_date)) }
        }
    }
}

fn evidence(ctx: &Ctx, e: &Evidence) -> Markup {
    let t = ctx.t();
    let q = &e.question;
    html! {
        article.evidence aria-labelledby={ "ev-" (e.link_id) } {
            h3 id={ "ev-" (e.link_id) } {
                time datetime=[q.evidence_date().map(|d| d.to_string())] { (ctx.lang.opt_date(q.evidence_date())) }
                " — " (question_link(ctx, q))
            }
            div.meta {
                span { (t.asked_by) " " (member_link(ctx, &q.member)) }
                span { (t.addressed_to) " " (minister_link(ctx, &q.minister)) }
                span { (t.score) " " (ctx.lang.score(e.score)) }
                span { (t.link_state) ": " (t.link_state(e.state)) }
            }
            @if e.passages.is_empty() {
                p.muted { (t.question_matched_whole) }
            }
            @for p in &e.passages {
                div.excerpt {
                    a href={ (ctx.link(&format!("/questions/{}", q.id))) "#p" (p.position) } {
                        (t.passage_kind(p.kind)) " · " (ctx.lang.passage_n(p.position.into()))
                    }
                    @if let Some(h) = &p.heading { " — " strong { (h) } }
                    div { (highlight(&p.text, &p.words)) }
                }
                details.reasons {
                    summary { (t.why_this_link) " (" (t.score) " " (ctx.lang.score(p.score)) ")" }
                    @if !p.words.is_empty() {
                        p { (t.matched_words) ": " @for (i, w) in p.words.iter().enumerate() { @if i > 0 { ", " } mark { (w) } } }
                    }
                    (reasons(&p.reasons))
                }
            }
            @if let Some(note) = &e.note { p { em { (note) } } }
        }
    }
}

/// The matcher's reasons, whatever their shape: objects as definition lists, arrays as lists,
/// values as escaped text.
pub fn reasons(v: &serde_json::Value) -> Markup {
    fn render(v: &serde_json::Value, depth: usize) -> Markup {
        if depth > 6 {
            return html! { "…" };
        }
        match v {
            serde_json::Value::Object(map) => html! {
                dl.facts {
                    @for (k, v) in map.iter().filter(|(k, _)| !is_offset_key(k)) {
                        dt { (k.replace('_', " ")) }
                        dd { (render(v, depth + 1)) }
                    }
                }
            },
            serde_json::Value::Array(items)
                if items.iter().all(|i| !i.is_object() && !i.is_array()) =>
            {
                html! {
                    @for (i, item) in items.iter().enumerate() { @if i > 0 { ", " } (render(item, depth + 1)) }
                }
            }
            serde_json::Value::Array(items) => html! {
                ul { @for item in items { li { (render(item, depth + 1)) } } }
            },
            serde_json::Value::String(s) => html! { (s) },
            serde_json::Value::Number(n) => match n.as_f64() {
                Some(f) if n.is_f64() => html! { (format!("{f:.3}")) },
                _ => html! { (n.to_string()) },
            },
            serde_json::Value::Bool(b) => html! { (b.to_string()) },
            serde_json::Value::Null => html! {},
        }
    }
    render(v, 0)
}

/// Byte offsets in the reasons are for machines (highlighting), not for readers.
fn is_offset_key(k: &str) -> bool {
    k.ends_with("_spans") || matches!(k, "start" | "end" | "spans")
}
