//! `/actions/{id}`: the commitment, its proposed status and what it rests on, the evidence trail
//! and the status history.

use maud::{Markup, html};
use vigie_store::query::action::{ActionPage, Evidence, StatusRow};
use vigie_store::query::reasons::Why;

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
                    (reasons(ctx, &p.why))
                }
            }
            @if e.passages_total > e.passages.len() {
                p.more { a href=(ctx.link(&paths::question(q))) { (ctx.lang.more_passages(e.passages_total - e.passages.len())) } }
            }
            @if let Some(note) = &e.note { p { em { (note) } } }
        }
    }
}

/// Why a passage supports a link, as sentences in the page's language: the words the passage and
/// the action share (as each writes them, never the matcher's stems or concept names), the
/// subject line's, the pilot minister, the partner organisations named, staff decisions that
/// moved the score, or who linked it by hand and why. `Why` is decoded by the store, once.
pub fn reasons(ctx: &Ctx, why: &Why) -> Markup {
    let r = ctx.lang.reasons();
    let quoted = |words: &[String]| {
        words
            .iter()
            .map(|w| format!("« {w} »"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let organisations: Vec<String> = why
        .organisations
        .iter()
        .map(|o| match &o.partner {
            Some(p) => format!("{} ({p})", o.written),
            None => o.written.clone(),
        })
        .collect();
    html! {
        ul.reasons {
            @if let Some(m) = &why.manual {
                li {
                    (r.manual) @if let Some(by) = &m.by { " (" (by) ")" } "."
                    @if let Some(from) = &m.moved_from { " " (r.moved_from) " " (from) "." }
                    @if let Some(note) = &m.note { " " (r.note) " " q { (note) } }
                }
            }
            @if !why.shared.is_empty() {
                li {
                    (r.shared) " "
                    @for (i, s) in why.shared.iter().enumerate() {
                        @if i > 0 { ", " }
                        span lang="fr" { (quoted(&s.passage)) }
                        @if !s.action.is_empty() && s.action != s.passage { " " (r.action_says) " " span lang="fr" { (quoted(&s.action)) } ")" }
                    }
                    "."
                }
            }
            @if !why.subject_words.is_empty() {
                li { (r.subject) " " span lang="fr" { (quoted(&why.subject_words)) } "." }
            }
            @if let Some(m) = &why.minister {
                li {
                    @match &m.addressee {
                        Some(who) => { (who) " " (r.pilots) }
                        None => { (r.minister_pilots) }
                    }
                }
            }
            @if !organisations.is_empty() {
                li { (r.organisations) " " (organisations.join(", ")) "." }
            }
            @if let Some(st) = &why.staff {
                li {
                    (ctx.lang.staff_decisions(st.confirmed, st.rejected))
                    @if !st.words.is_empty() { " " (r.words_in_common) " " span lang="fr" { (quoted(&st.words)) } ")" }
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
        let stored = Why::parse(&stored.to_string());
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
