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
