//! Static files, embedded in the binary: the stylesheet is served at `/static/vigie.css` with a
//! long cache lifetime; pages link to it with a content hash in the query string so a new
//! stylesheet is fetched as soon as it changes.

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

pub const CSS: &str = include_str!("../static/vigie.css");

/// FNV-1a of the stylesheet, computed at compile time.
pub const CSS_HASH: u64 = fnv1a(CSS.as_bytes());

const fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf29ce484222325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x100000001b3);
        i += 1;
    }
    hash
}

/// The stylesheet's URL, versioned by content.
pub fn css_url() -> String {
    format!("/static/vigie.css?v={:012x}", CSS_HASH & 0xffff_ffff_ffff)
}

async fn css() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/css; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            ),
        ],
        CSS,
    )
        .into_response()
}

pub fn router<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new().route("/static/vigie.css", get(css))
}

#[cfg(test)]
mod tests {
    use super::CSS;

    /// The colour a rule sets for `property` (`color: #fff;`), from the stylesheet's text.
    fn rule_colour(selector: &str, property: &str) -> String {
        let at = CSS
            .find(&format!("{selector} {{"))
            .unwrap_or_else(|| panic!("no rule {selector}"));
        let open = at + selector.len() + 2;
        let body = &CSS[open..open + CSS[open..].find('}').unwrap()];
        let v = body
            .split(';')
            .find_map(|d| d.trim().strip_prefix(&format!("{property}:")))
            .unwrap_or_else(|| panic!("{selector} sets no {property}"))
            .trim()
            .to_string();
        match v.strip_prefix("var(").and_then(|x| x.strip_suffix(')')) {
            Some(name) => {
                let at = CSS.find(&format!("{name}:")).unwrap() + name.len() + 1;
                CSS[at..at + CSS[at..].find(';').unwrap()]
                    .trim()
                    .to_string()
            }
            None => v,
        }
    }

    fn luminance(hex: &str) -> f64 {
        let hex = hex.trim_start_matches('#');
        let hex = if hex.len() == 3 {
            hex.chars().flat_map(|c| [c, c]).collect::<String>()
        } else {
            hex.to_string()
        };
        let channel = |i: usize| {
            let c = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// The logout button sits in the dark header: its text meets WCAG AA (4.5:1) there.
    #[test]
    fn the_logout_control_meets_contrast_in_the_header() {
        let fg = rule_colour(".site-header .user-slot .link-button", "color");
        let bg = rule_colour(".site-header", "background");
        let ratio = contrast(&fg, &bg);
        assert!(ratio >= 4.5, "{fg} on {bg}: {ratio:.2}:1");
    }
}
