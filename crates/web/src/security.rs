//! Headers every response carries and the request body limit.
//!
//! The Content-Security-Policy allows nothing but the site's own files: no inline script or
//! style (the views use none), no framing, no `<base>`, forms posting only to the site. The body
//! limit stops large requests before any handler reads them (413).

use axum::Router;
use axum::http::{HeaderName, HeaderValue};
use tower_http::set_header::SetResponseHeaderLayer;

/// Largest request body accepted (forms are far smaller).
pub const BODY_LIMIT: usize = 64 * 1024;

pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// The security headers, as (name, value), in the order they are added.
pub const HEADERS: [(&str, &str); 4] = [
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "same-origin"),
];

/// Wraps `router` with the security headers, on every response (errors and static files
/// included). Outside of error rendering so error pages get them too.
/// With `https` (`vigie serve --secure-cookies`, i.e. the site is served over HTTPS), also
/// `Strict-Transport-Security`, so browsers never fall back to plain HTTP for a year.
pub fn headers<S: Clone + Send + Sync + 'static>(router: Router<S>, https: bool) -> Router<S> {
    let mut router = router;
    if https {
        router = router.layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("strict-transport-security"),
            HeaderValue::from_static(HSTS),
        ));
    }
    for (name, value) in HEADERS {
        router = router.layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    router
}

/// `Strict-Transport-Security` when served over HTTPS: one year, subdomains left alone (the
/// deployment may not own them).
pub const HSTS: &str = "max-age=31536000";

/// `Cache-Control` for pages that hold a staff member's data or a CSRF token.
pub const PRIVATE: HeaderValue = HeaderValue::from_static("private, no-store");
