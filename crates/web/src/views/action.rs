//! `/actions/{id}`: the commitment, its proposed status and what it rests on, the evidence trail
//! and the status history.

use maud::{Markup, html};
use vigie_store::query::action::{ActionPage, Evidence, StatusRow};

use super::components::{
    action_status, highlight, member_link, minister_link, pagination_to, question_link,
    status_badge,
};
use super::layout::{Section, page as layout};
use crate::ctx::Ctx;
use crate::paths;

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
            p { (action_status(ctx, a)) }
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
                            a href=(ctx.link(&paths::organisation(&o.organisation))) { (o.organisation.name) }
                            @if let Some(q) = &o.qualifier { " (" (q) ")" }
                        }
                    }
                }
            }

            section.status-box aria-labelledby="proposed" {
                h2 #proposed { (t.proposed_status) }
                @match &p.current {
                    Some(s) => (status_detail(ctx, s)),
                    None => p { (action_status(ctx, a)) " " (t.no_status_evidence) },
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
                    a href={ (ctx.link(&paths::question(q))) (anchor) } { (q.subject) }
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
                    a href={ (ctx.link(&paths::question(q))) "#p" (p.position) } {
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
                    (reasons(ctx, &p.reasons))
                }
            }
            @if let Some(note) = &e.note { p { em { (note) } } }
        }
    }
}

/// The matcher's reasons as sentences in the page's language: the words the passage and the
/// action share (as each writes them, never the matcher's stems or concept names), the subject
/// line's, the pilot minister, the partner organisations named, or who linked it by hand and why.
/// Read leniently from the stored JSON: a key it does not know is left out, never shown raw.
pub fn reasons(ctx: &Ctx, v: &serde_json::Value) -> Markup {
    let r = ctx.lang.reasons();
    let strings = |v: &serde_json::Value| -> Vec<String> {
        match v {
            serde_json::Value::Array(items) => items
                .iter()
                .filter_map(|i| i.as_str())
                .map(str::to_string)
                .collect(),
            serde_json::Value::String(s) => vec![s.clone()],
            _ => Vec::new(),
        }
    };
    let quoted = |words: &[String]| {
        words
            .iter()
            .map(|w| format!("« {w} »"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let manual = v.get("manual").filter(|m| m.is_object());
    let shared: Vec<(Vec<String>, Vec<String>)> = v
        .get("shared_terms")
        .and_then(|s| s.as_array())
        .map(|items| {
            items
                .iter()
                .map(|i| {
                    let mut words =
                        strings(i.get("passage_words").unwrap_or(&serde_json::Value::Null));
                    if words.is_empty() {
                        words = strings(i.get("surface").unwrap_or(&serde_json::Value::Null));
                    }
                    let theirs = strings(i.get("action_words").unwrap_or(&serde_json::Value::Null));
                    (words, theirs)
                })
                .filter(|(w, _)| !w.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let subject_words = v
        .get("subject")
        .and_then(|s| s.get("shared_words"))
        .map(strings)
        .unwrap_or_default();
    let minister = v.get("minister").filter(|m| !m.is_null());
    // Staff decisions on similar questions that moved the score (vigie_matcher::learn).
    let staff = v.get("staff").filter(|s| s.is_object()).map(|s| {
        let count = |k: &str| s.get(k).and_then(|n| n.as_u64()).unwrap_or(0);
        (
            count("confirmed"),
            count("rejected"),
            strings(s.get("words").unwrap_or(&serde_json::Value::Null)),
        )
    });
    let organisations: Vec<String> = v
        .get("organisations")
        .and_then(|o| o.as_array())
        .map(|items| {
            items
                .iter()
                .filter_map(|o| {
                    let written = o.get("written").and_then(|w| w.as_str())?;
                    Some(match o.get("partner").and_then(|p| p.as_str()) {
                        Some(p) if p != written => format!("{written} ({p})"),
                        _ => written.to_string(),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    html! {
        ul.reasons {
            @if let Some(m) = manual {
                li {
                    (r.manual) @if let Some(by) = m.get("by").and_then(|b| b.as_str()) { " (" (by) ")" } "."
                    @if let Some(from) = m.get("moved_from").and_then(|f| f.as_str()).filter(|f| !f.is_empty()) {
                        " " (r.moved_from) " " (from) "."
                    }
                    @if let Some(note) = m.get("note").and_then(|n| n.as_str()).filter(|n| !n.is_empty()) {
                        " " (r.note) " " q { (note) }
                    }
                }
            }
            @if !shared.is_empty() {
                li {
                    (r.shared) " "
                    @for (i, (words, theirs)) in shared.iter().enumerate() {
                        @if i > 0 { ", " }
                        span lang="fr" { (quoted(words)) }
                        @if !theirs.is_empty() && theirs != words { " " (r.action_says) " " span lang="fr" { (quoted(theirs)) } ")" }
                    }
                    "."
                }
            }
            @if !subject_words.is_empty() {
                li { (r.subject) " " span lang="fr" { (quoted(&subject_words)) } "." }
            }
            @if let Some(m) = minister {
                li {
                    @match m.get("addressee").and_then(|a| a.as_str()) {
                        Some(who) => { (who) " " (r.pilots) }
                        None => { (r.minister_pilots) }
                    }
                }
            }
            @if !organisations.is_empty() {
                li { (r.organisations) " " (organisations.join(", ")) "." }
            }
            @if let Some((confirmed, rejected, words)) = &staff {
                li {
                    (ctx.lang.staff_decisions(*confirmed, *rejected))
                    @if !words.is_empty() { " " (r.words_in_common) " " span lang="fr" { (quoted(words)) } ")" }
                    "."
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// A score moved by staff decisions reads as a sentence in the page's language, with the
    /// question's words, never the stored keys.
    #[test]
    fn staff_decisions_read_as_prose_in_both_languages() {
        let stored = serde_json::json!({
            "text_score": 0.3,
            "shared_terms": [],
            "organisations": [],
            "minister": null,
            "subject": {"subject": "x", "score": 0.1, "shared_words": []},
            "summary": "0.75 × text 0.30 +0.080 staff",
            "staff": {"confirmed": 2, "rejected": 0, "words": ["données ouvertes", "portail"], "adjustment": 0.08}
        });
        let fr = reasons(&Ctx::plain(Lang::Fr), &stored).into_string();
        assert!(
            fr.contains("L'équipe a confirmé pour cette action 2 questions semblables (mots en commun : <span lang=\"fr\">« données ouvertes », « portail »</span>)."),
            "{fr}"
        );
        let en = reasons(&Ctx::plain(Lang::En), &stored).into_string();
        assert!(
            en.contains("Staff confirmed 2 similar questions for this action (words in common:"),
            "{en}"
        );
        for page in [&fr, &en] {
            assert!(
                !page.contains("adjustment") && !page.contains("staff\""),
                "{page}"
            );
        }
    }
}
