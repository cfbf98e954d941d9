//! The request context every page needs: language, the query string (to rebuild links and keep
//! filters), and the staff slots (who is logged in, the CSRF token for forms).
//!
//! Staff middleware (added later) fills the slots by inserting [`CurrentUser`] and [`CsrfToken`]
//! into the request extensions; public pages then show "logged in as" without any change here.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use std::convert::Infallible;

use crate::i18n::{Lang, Strings};

/// Longest value kept from one query parameter. Longer input is cut (on a char boundary) rather
/// than refused: a pasted paragraph in the search box still gives a normal page.
pub const MAX_PARAM_LEN: usize = 200;
/// At most this many parameters are read from a query string; the rest is ignored.
pub const MAX_PARAMS: usize = 32;

/// The staff member a session belongs to (inserted into request extensions by the staff layer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrentUser {
    pub name: String,
    pub role: vigie_store::staff::Role,
}

/// The CSRF token of the session (inserted into request extensions by the staff layer); forms
/// built with [`crate::views::components::post_form`] carry it as a hidden field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsrfToken(pub String);

/// Per-request context for views.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub lang: Lang,
    /// The language came from `?lang=`: links must carry it on, since nothing else remembers it.
    pub lang_explicit: bool,
    /// The request path (no query), used by the language switcher.
    pub path: String,
    /// Parsed query parameters (lang excluded), each value cut to [`MAX_PARAM_LEN`].
    pub params: Vec<(String, String)>,
    pub user: Option<CurrentUser>,
    pub csrf: Option<CsrfToken>,
}

impl Ctx {
    /// Builds the context from a request's parts without ever failing: a malformed query string
    /// is treated as empty.
    pub fn from_parts(parts: &Parts) -> Ctx {
        let raw = parts.uri.query().unwrap_or("");
        let all = parse_query(raw);
        let explicit = all
            .iter()
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Lang::from_code(v));
        let lang = explicit
            .or_else(|| accept_language(&parts.headers))
            .unwrap_or(Lang::Fr);
        Ctx {
            lang,
            lang_explicit: explicit.is_some(),
            path: parts.uri.path().to_string(),
            params: all.into_iter().filter(|(k, _)| k != "lang").collect(),
            user: parts.extensions.get::<CurrentUser>().cloned(),
            csrf: parts.extensions.get::<CsrfToken>().cloned(),
        }
    }

    /// A context for tests and error pages built outside a handler.
    pub fn plain(lang: Lang) -> Ctx {
        Ctx {
            lang,
            lang_explicit: false,
            path: "/".into(),
            params: vec![],
            user: None,
            csrf: None,
        }
    }

    pub fn t(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// The first value of a query parameter, trimmed; `None` when absent or blank.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// A parameter parsed as a positive id; garbage is ignored (a filter that cannot match).
    pub fn param_id(&self, key: &str) -> Option<i32> {
        self.param(key)
            .and_then(|v| v.parse::<i32>().ok())
            .filter(|v| *v > 0)
    }

    /// A link to `path` with `params`, carrying the explicit language choice.
    pub fn href(&self, path: &str, params: &[(&str, String)]) -> String {
        let mut pairs: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
        if self.lang_explicit {
            pairs.push(("lang", self.lang.code()));
        }
        build_url(path, &pairs)
    }

    /// A plain link to `path` (no parameters other than the language).
    pub fn link(&self, path: &str) -> String {
        self.href(path, &[])
    }

    /// The current page in another language (all other parameters kept).
    pub fn switch_lang(&self, lang: Lang) -> String {
        let mut pairs: Vec<(&str, &str)> = self
            .params
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        pairs.push(("lang", lang.code()));
        build_url(&self.path, &pairs)
    }

    /// The current page with some parameters replaced (`None` removes one); used by pagination
    /// and sort links so every other filter stays in the URL.
    pub fn with_params(&self, changes: &[(&str, Option<String>)]) -> String {
        let mut pairs: Vec<(String, String)> = self
            .params
            .iter()
            .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
            .cloned()
            .collect();
        for (k, v) in changes {
            if let Some(v) = v {
                pairs.push(((*k).to_string(), v.clone()));
            }
        }
        if self.lang_explicit {
            pairs.push(("lang".into(), self.lang.code().into()));
        }
        let refs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        build_url(&self.path, &refs)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Ctx::from_parts(parts))
    }
}

/// The preferred supported language of an `Accept-Language` header (highest q first).
pub fn accept_language(headers: &HeaderMap) -> Option<Lang> {
    let value = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut best: Option<(f32, Lang)> = None;
    for item in value.split(',').take(MAX_PARAMS) {
        let mut bits = item.trim().split(';');
        let tag = bits.next().unwrap_or("").trim();
        let q = bits
            .find_map(|b| b.trim().strip_prefix("q="))
            .and_then(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        if let Some(lang) = Lang::from_code(primary)
            && best.is_none_or(|(bq, _)| q > bq)
        {
            best = Some((q, lang));
        }
    }
    best.map(|(_, l)| l)
}

/// Parses `a=1&b=x%20y` leniently: bad percent escapes are kept literally, invalid UTF-8 is
/// replaced, values are cut to [`MAX_PARAM_LEN`] chars, at most [`MAX_PARAMS`] pairs.
pub fn parse_query(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .take(MAX_PARAMS)
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (
                truncate(&decode(k), 40),
                truncate(&decode(v), MAX_PARAM_LEN),
            )
        })
        .collect()
}

fn truncate(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => s[..i].to_string(),
        None => s.to_string(),
    }
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a query component (everything but unreserved characters).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `path?k=v&…` with encoded components; `path` alone when there are no pairs.
/// A date in a query string, written `YYYY-MM-DD` (the pages' filters and the API read dates so).
pub fn parse_date(v: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()
}

pub fn build_url(path: &str, pairs: &[(&str, &str)]) -> String {
    let mut url = path.to_string();
    for (i, (k, v)) in pairs.iter().enumerate() {
        url.push(if i == 0 { '?' } else { '&' });
        url.push_str(&encode(k));
        url.push('=');
        url.push_str(&encode(v));
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_parsing_is_lenient_and_bounded() {
        let q = parse_query("q=caf%C3%A9+cr%E9me&x=%zz&&lang=en&bad=%");
        assert_eq!(q[0], ("q".to_string(), "café cr\u{fffd}me".to_string()));
        assert_eq!(q[1], ("x".to_string(), "%zz".to_string()));
        assert_eq!(q[2], ("lang".to_string(), "en".to_string()));
        assert_eq!(q[3], ("bad".to_string(), "%".to_string()));
        let long = format!("q={}", "é".repeat(5000));
        assert_eq!(parse_query(&long)[0].1.chars().count(), MAX_PARAM_LEN);
        let many = vec!["a=1"; 500].join("&");
        assert_eq!(parse_query(&many).len(), MAX_PARAMS);
    }

    #[test]
    fn urls_round_trip() {
        let url = build_url("/search", &[("q", "l'été & <b>"), ("page", "2")]);
        assert_eq!(url, "/search?q=l%27%C3%A9t%C3%A9%20%26%20%3Cb%3E&page=2");
        let parsed = parse_query(url.split_once('?').unwrap().1);
        assert_eq!(parsed[0].1, "l'été & <b>");
    }

    #[test]
    fn accept_language_prefers_highest_quality() {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_LANGUAGE,
            "de-DE,en-GB;q=0.8,fr;q=0.5".parse().unwrap(),
        );
        assert_eq!(accept_language(&h), Some(Lang::En));
        h.insert(
            header::ACCEPT_LANGUAGE,
            "nl, fr-BE;q=0.9, en;q=0.1".parse().unwrap(),
        );
        assert_eq!(accept_language(&h), Some(Lang::Fr));
        h.insert(header::ACCEPT_LANGUAGE, "zz".parse().unwrap());
        assert_eq!(accept_language(&h), None);
    }
}
