//! Pieces shared by several pages: status badge, pagination, filter form, evidence card,
//! highlighted excerpts, staff forms.
//!
//! Document text is only ever inserted as a plain string (maud escapes it). Highlighting finds
//! ranges in the raw text, then emits each piece as escaped text inside or outside `<mark>`.

use maud::{Markup, html};
use vigie_core::Status;
use vigie_store::query::common::{ActionRef, MemberRef, MinisterRef, QuestionRef, fold_char};

use crate::ctx::Ctx;
use crate::paths;

/// Status as text with a colour that only reinforces it.
pub fn status_badge(ctx: &Ctx, status: Status) -> Markup {
    html! { span class={ "badge st-" (status.as_str()) } { (ctx.t().status(status)) } }
}

/// An action's status as every page shows it: the badge, marked "not reviewed" when it rests
/// only on links nobody reviewed.
pub fn action_status(ctx: &Ctx, a: &ActionRef) -> Markup {
    html! {
        (status_badge(ctx, a.status))
        @if a.unreviewed {
            " " span.unreviewed title=(ctx.t().unreviewed_title) { (ctx.t().unreviewed) }
        }
    }
}

/// A status badge linking to the list of actions with that status.
pub fn status_link(ctx: &Ctx, status: Status) -> Markup {
    html! { a href=(ctx.href("/actions", &[("status", status.as_str().to_string())])) { (status_badge(ctx, status)) } }
}

pub fn action_link(ctx: &Ctx, a: &ActionRef) -> Markup {
    html! { a href=(ctx.link(&paths::action(a))) { span.code { (a.code) } " " (a.title()) } }
}

pub fn question_link(ctx: &Ctx, q: &QuestionRef) -> Markup {
    html! { a href=(ctx.link(&paths::question(q))) { (q.subject) } }
}

pub fn member_link(ctx: &Ctx, m: &MemberRef) -> Markup {
    html! { a href=(ctx.link(&paths::member(m))) { (m.name) } }
}

pub fn minister_link(ctx: &Ctx, m: &MinisterRef) -> Markup {
    html! { a href=(ctx.link(&paths::minister(m))) title=(m.portfolio) { (m.display()) } }
}

/// One line of question metadata: number, dates, member → minister.
pub fn question_meta(ctx: &Ctx, q: &QuestionRef) -> Markup {
    let t = ctx.t();
    html! {
        div.meta {
            span { (ctx.lang.question_number(q.number.into(), &q.legislature)) }
            span { (t.asked_by) " " (member_link(ctx, &q.member)) }
            span { (t.addressed_to) " " (minister_link(ctx, &q.minister)) }
            span { (t.received) " " (ctx.lang.opt_date(q.received)) }
            @match q.answered {
                Some(d) => span { (t.answered) " " (ctx.lang.date(d)) },
                None => span { (t.no_answer) },
            }
        }
    }
}

/// Marks every whole-word occurrence of `words` in `text` (case and accents ignored).
pub fn highlight(text: &str, words: &[String]) -> Markup {
    let ranges = match_ranges(text, words);
    let mut pieces: Vec<(bool, &str)> = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for (start, end) in ranges {
        if start > at {
            pieces.push((false, &text[at..start]));
        }
        pieces.push((true, &text[start..end]));
        at = end;
    }
    if at < text.len() {
        pieces.push((false, &text[at..]));
    }
    html! {
        @for (marked, piece) in pieces {
            @if marked { mark { (piece) } } @else { (piece) }
        }
    }
}

/// Byte ranges of `text` matching one of `words` on word boundaries, sorted and merged.
pub fn match_ranges(text: &str, words: &[String]) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| (i, fold_char(c)))
        .collect();
    // A match starts where no letter or digit comes before it: only those positions are tried,
    // for every word (found once; a passage of 400 characters has about 130 of them).
    let starts: Vec<usize> = (0..chars.len())
        .filter(|&i| i == 0 || !chars[i - 1].1.is_alphanumeric())
        .collect();
    let mut ranges = Vec::new();
    let mut needle: Vec<char> = Vec::new();
    for word in words {
        needle.clear();
        needle.extend(word.trim().chars().map(fold_char));
        if needle.len() < 2 || needle.len() > 200 {
            continue;
        }
        let mut covered = 0; // matches of one word do not overlap
        for &i in &starts {
            let after = i + needle.len();
            if i < covered || after > chars.len() {
                continue;
            }
            let hit = chars[i].1 == needle[0]
                && (after == chars.len() || !chars[after].1.is_alphanumeric())
                && chars[i..after]
                    .iter()
                    .zip(&needle)
                    .all(|((_, a), b)| a == b);
            if hit {
                let start = chars[i].0;
                let end = chars.get(after).map(|(b, _)| *b).unwrap_or(text.len());
                ranges.push((start, end));
                covered = after;
            }
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Start and end markers the search query asks FTS5's `snippet()` to put around matches. They
/// are control characters that documents do not contain; any that do appear are dropped.
pub const SNIPPET_START: char = '\u{2}';
pub const SNIPPET_END: char = '\u{3}';

/// Turns an FTS5 snippet into markup: text between the markers goes into `<mark>`, everything
/// is escaped by maud.
pub fn snippet(s: &str) -> Markup {
    let mut pieces: Vec<(bool, String)> = vec![];
    let mut inside = false;
    let mut current = String::new();
    for c in s.chars() {
        match c {
            SNIPPET_START | SNIPPET_END => {
                if !current.is_empty() {
                    pieces.push((inside, std::mem::take(&mut current)));
                }
                inside = c == SNIPPET_START;
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        pieces.push((inside, current));
    }
    html! {
        @for (marked, piece) in &pieces {
            @if *marked { mark { (piece) } } @else { (piece) }
        }
    }
}

/// Previous/next links and "page x of y"; every other parameter of the URL is kept.
pub fn pagination(ctx: &Ctx, page: u64, pages: u64) -> Markup {
    pagination_to(ctx, page, pages, "")
}

/// [`pagination`] whose links end with `anchor` (`#trail`), to land on the paginated section
/// of a longer page.
pub fn pagination_to(ctx: &Ctx, page: u64, pages: u64, anchor: &str) -> Markup {
    let t = ctx.t();
    if pages <= 1 {
        return html! {};
    }
    html! {
        nav.pagination aria-label=(t.pagination) {
            ul {
                @if page > 1 {
                    li { a rel="prev" href={ (ctx.with_params(&[("page", Some((page - 1).to_string()))])) (anchor) } { "← " (t.previous) } }
                }
                li aria-current="page" { (ctx.lang.page_of(page, pages)) }
                @if page < pages {
                    li { a rel="next" href={ (ctx.with_params(&[("page", Some((page + 1).to_string()))])) (anchor) } { (t.next) " →" } }
                }
            }
        }
    }
}

/// One control of a filter form.
pub enum Field<'a> {
    /// A `<select>`: name, label, options (value, text); the empty value means "any".
    Select {
        name: &'a str,
        label: &'a str,
        options: Vec<(String, String)>,
    },
    Date {
        name: &'a str,
        label: &'a str,
    },
    Search {
        name: &'a str,
        label: &'a str,
    },
}

/// A GET form over the current page; each control shows the value currently in the URL.
pub fn filter_form(ctx: &Ctx, action: &str, fields: Vec<Field<'_>>) -> Markup {
    let t = ctx.t();
    // Values in the URL the list cannot use (an unknown status, a malformed date) are ignored,
    // and the page says so rather than showing the full list as if it were filtered.
    let ignored: Vec<String> = fields
        .iter()
        .filter_map(|field| match field {
            Field::Select {
                name,
                label,
                options,
            } => {
                let v = ctx.param(name).filter(|v| !v.is_empty())?;
                (!options.iter().any(|(value, _)| value == v))
                    .then(|| ctx.lang.ignored_filter(label, v))
            }
            Field::Date { name, label } => {
                let v = ctx.param(name).filter(|v| !v.is_empty())?;
                // Ignored exactly when the list handler ignores it (`pages::date_param`).
                crate::ctx::parse_date(v)
                    .is_none()
                    .then(|| ctx.lang.ignored_filter(label, v))
            }
            Field::Search { .. } => None,
        })
        .collect();
    html! {
        @for message in &ignored { p.notice role="alert" { (message) } }
        form.filters method="get" action=(action) aria-label=(t.filters) {
            @for field in &fields {
                @match field {
                    Field::Select { name, label, options } => {
                        @let id = format!("f-{name}");
                        @let current = ctx.param(name).unwrap_or("");
                        div {
                            label for=(id) { (label) }
                            select id=(id) name=(name) {
                                option value="" selected[current.is_empty()] { (t.any) }
                                @for (value, text) in options {
                                    option value=(value) selected[current == value] { (text) }
                                }
                            }
                        }
                    }
                    Field::Date { name, label } => {
                        @let id = format!("f-{name}");
                        div {
                            label for=(id) { (label) }
                            input id=(id) type="date" name=(name) value=(ctx.param(name).unwrap_or(""));
                        }
                    }
                    Field::Search { name, label } => {
                        @let id = format!("f-{name}");
                        div {
                            label for=(id) { (label) }
                            input id=(id) type="search" name=(name) maxlength="200" value=(ctx.param(name).unwrap_or(""));
                        }
                    }
                }
            }
            @if ctx.lang_explicit { input type="hidden" name="lang" value=(ctx.lang.code()); }
            div.form-actions {
                button type="submit" { (t.filter_apply) }
                a href=(ctx.link(action)) { (t.filter_reset) }
            }
        }
    }
}

/// A POST form for staff pages: carries the session's CSRF token when there is one.
pub fn post_form(ctx: &Ctx, action: &str, body: Markup) -> Markup {
    html! {
        form method="post" action=(action) {
            @if let Some(token) = &ctx.csrf { input type="hidden" name="csrf" value=(token.0); }
            (body)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_escapes_then_marks() {
        let text = "Le <script>alert(1)</script> numérique, Numerique et numériques.";
        let html = highlight(text, &["numerique".into(), "<script>".into()]).into_string();
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("<mark>numérique</mark>"), "{html}");
        assert!(html.contains("<mark>Numerique</mark>"), "{html}");
        // whole words only
        assert!(html.contains("numériques."), "{html}");
    }

    #[test]
    fn snippet_marks_and_escapes() {
        let s = format!("a {SNIPPET_START}<b>x</b>{SNIPPET_END} \"onmouseover=");
        let html = snippet(&s).into_string();
        assert_eq!(
            html,
            "a <mark>&lt;b&gt;x&lt;/b&gt;</mark> &quot;onmouseover="
        );
    }

    #[test]
    fn ranges_merge_and_respect_boundaries() {
        let r = match_ranges(
            "task force numérique",
            &["task force".into(), "force".into(), "orce".into()],
        );
        assert_eq!(r, vec![(0, 10)]);
    }
}
