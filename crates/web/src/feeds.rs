//! Atom 1.0 feeds of new evidence: `/feeds/evidence.atom` (every action) and
//! `/actions/{id}/feed.atom` (one action). One entry per link (rejected links left out), newest
//! answer first, at most [`FEED_LIMIT`].
//!
//! Feed readers need absolute URLs, so links are built from the request's `Host` (and
//! `X-Forwarded-Proto` behind a TLS proxy); a `Host` that is not a plain host name falls back to
//! `localhost`. Entry ids are the entry's permalink and never change for a given link.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, NaiveTime, Utc};
use vigie_core::LinkState;
use vigie_store::query::common::{ActionRef, actions_by_ids};
use vigie_store::query::feeds::{FEED_LIMIT, FeedEntry, evidence_entries};

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::AppState;

pub const EVIDENCE_FEED: &str = "/feeds/evidence.atom";

/// The path of an action's feed.
pub fn action_feed_path(id: i32) -> String {
    format!("/actions/{id}/feed.atom")
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route(EVIDENCE_FEED, get(evidence))
        .route("/actions/{id}/feed.atom", get(action_feed))
}

/// Longest passage excerpt an entry summary quotes, in characters.
const EXCERPT_CHARS: usize = 400;

/// `?lang=en` (or `Accept-Language`) as on the pages; the links inside keep the language when it
/// was asked for explicitly.
async fn evidence(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let entries = evidence_entries(st.db(), None, FEED_LIMIT).await?;
    let base = base_url(&headers);
    let t = ctx.lang.feed();
    let feed = FeedMeta {
        id: format!("{base}{EVIDENCE_FEED}"),
        title: t.evidence_title.into(),
        subtitle: t.evidence_subtitle.into(),
        self_href: format!("{base}{}", ctx.link(EVIDENCE_FEED)),
        alternate_href: format!("{base}{}", ctx.link("/")),
    };
    Ok(atom_response(render(ctx.lang, &feed, &entries, &base)))
}

async fn action_feed(
    State(st): State<AppState>,
    Path(id): Path<String>,
    ctx: Ctx,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let id = crate::pages::path_id(&id, "action")?;
    let action: ActionRef = actions_by_ids(st.db(), &[id])
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| AppError::not_found(format!("action {id}")))?;
    let entries = evidence_entries(st.db(), Some(id), FEED_LIMIT).await?;
    let base = base_url(&headers);
    let path = action_feed_path(id);
    let t = ctx.lang.feed();
    let feed = FeedMeta {
        id: format!("{base}{path}"),
        title: format!(
            "{} {}{}{}",
            t.action_title,
            action.code,
            t.colon,
            action.title()
        ),
        subtitle: format!(
            "{} {} ({})",
            t.action_subtitle,
            action.code,
            ctx.lang.strings().status(action.status)
        ),
        self_href: format!("{base}{}", ctx.link(&path)),
        alternate_href: format!("{base}{}", ctx.link(&format!("/actions/{id}"))),
    };
    Ok(atom_response(render(ctx.lang, &feed, &entries, &base)))
}

fn atom_response(body: String) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/atom+xml; charset=utf-8"),
        )],
        body,
    )
        .into_response()
}

/// `scheme://host` of the request, for absolute links.
pub fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        })
        .unwrap_or("localhost");
    let https = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .is_some_and(|p| p.eq_ignore_ascii_case("https"));
    format!("{}://{host}", if https { "https" } else { "http" })
}

struct FeedMeta {
    id: String,
    title: String,
    subtitle: String,
    self_href: String,
    alternate_href: String,
}

/// Escapes text for XML content and attribute values, dropping the characters XML 1.0 forbids
/// (control characters other than tab and line breaks), which documents sometimes carry.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// When an entry's evidence dates from: the answer (else the reception) at midnight UTC, else
/// when the link was made.
fn entry_time(e: &FeedEntry) -> DateTime<Utc> {
    e.evidence_date()
        .map(|d| d.and_time(NaiveTime::MIN).and_utc())
        .unwrap_or(e.link_updated_at)
}

/// The first `n` characters of `s` (whitespace collapsed), with an ellipsis when cut.
fn excerpt(s: &str, n: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}

fn render(lang: Lang, feed: &FeedMeta, entries: &[FeedEntry], base: &str) -> String {
    let t = lang.strings();
    let f = lang.feed();
    let updated = entries
        .iter()
        .map(entry_time)
        .max()
        .unwrap_or_else(Utc::now);
    let mut x = String::with_capacity(1024 + entries.len() * 1024);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        lang.code()
    ));
    push_el(&mut x, 1, "id", &feed.id);
    push_el(&mut x, 1, "title", &feed.title);
    push_el(&mut x, 1, "subtitle", &feed.subtitle);
    push_el(&mut x, 1, "updated", &rfc3339(updated));
    x.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml_escape(&feed.self_href)
    ));
    x.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_escape(&feed.alternate_href)
    ));
    x.push_str("  <author><name>Vigie</name></author>\n");
    x.push_str("  <generator>Vigie</generator>\n");
    for e in entries {
        let q = &e.question;
        let a = &e.action;
        let when = rfc3339(entry_time(e));
        let best = e.passages.first();
        let question_href = match best {
            Some(p) => format!("{base}/questions/{}#p{}", q.id, p.position),
            None => format!("{base}/questions/{}", q.id),
        };
        let mut summary = format!(
            "{}{} ({}) {} {} {} {}",
            f.question_number,
            q.number,
            q.legislature,
            f.asked_by,
            q.member.name,
            f.asked_to,
            q.minister.display()
        );
        match q.answered {
            Some(d) => summary.push_str(&format!(", {} {}", f.answered_on, lang.date(d))),
            None => summary.push_str(&format!(", {}", f.not_answered)),
        }
        summary.push_str(&format!(
            ". {} {} ({}){}{} — score {:.2}, {} {}.",
            f.linked_to_action,
            a.code,
            t.status(a.status),
            f.colon,
            a.title(),
            e.score,
            f.link,
            match e.state {
                LinkState::Proposed => f.link_proposed,
                LinkState::Confirmed => f.link_confirmed,
                LinkState::Rejected => f.link_rejected,
            }
        ));
        if let Some(p) = best {
            summary.push_str(&format!(" « {} »", excerpt(&p.text, EXCERPT_CHARS)));
        }
        x.push_str("  <entry>\n");
        push_el(
            &mut x,
            2,
            "id",
            &format!("{base}/actions/{}#link-{}", a.id, e.link_id),
        );
        push_el(
            &mut x,
            2,
            "title",
            &format!("Action {} — {}", a.code, q.subject),
        );
        push_el(&mut x, 2, "published", &when);
        push_el(&mut x, 2, "updated", &when);
        x.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            xml_escape(&q.member.name)
        ));
        x.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&question_href)
        ));
        x.push_str(&format!(
            "    <link rel=\"related\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&format!("{base}/actions/{}", a.id))
        ));
        x.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\"/>\n",
            a.status.as_str(),
            xml_escape(t.status(a.status))
        ));
        x.push_str(&format!(
            "    <summary type=\"text\">{}</summary>\n",
            xml_escape(&summary)
        ));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

fn push_el(x: &mut String, indent: usize, name: &str, text: &str) {
    for _ in 0..indent {
        x.push_str("  ");
    }
    x.push_str(&format!("<{name}>{}</{name}>\n", xml_escape(text)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_quotes_and_forbidden_characters() {
        assert_eq!(
            xml_escape("<script>a&b</script> \"x\" 'y'\u{1}\u{b}ok\n"),
            "&lt;script&gt;a&amp;b&lt;/script&gt; &quot;x&quot; &apos;y&apos;ok\n"
        );
    }

    #[test]
    fn host_header_is_used_only_when_plain() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("vigie.example:8080"));
        assert_eq!(base_url(&h), "http://vigie.example:8080");
        h.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        assert_eq!(base_url(&h), "https://vigie.example:8080");
        h.insert(header::HOST, HeaderValue::from_static("evil\"><x"));
        assert_eq!(base_url(&h), "https://localhost");
    }

    #[test]
    fn excerpts_collapse_space_and_cut_on_characters() {
        assert_eq!(excerpt("a  b\n c", 10), "a b c");
        assert_eq!(excerpt("éééé", 2), "éé…");
    }
}
