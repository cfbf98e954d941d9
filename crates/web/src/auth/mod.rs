//! Staff authentication and the guard in front of every change.
//!
//! [`middleware`] runs on every request:
//! - it reads the `vigie_session` cookie and, when the session is valid, puts the staff member
//!   ([`Staff`], [`CurrentUser`], [`CsrfToken`]) into the request extensions, so pages show who
//!   is logged in and forms carry the token;
//! - every request that is not `GET`/`HEAD` must come from a session (otherwise a 303 to the
//!   login page, or 401 under `/api`) and carry the session's CSRF token (form field `csrf` or
//!   header `x-csrf-token`, compared in constant time; otherwise 403). The middleware decides
//!   ([`ChangeVerdict`]); the change routes, all made with [`change`], enforce — so a method a
//!   path does not take is a 405 with `Allow`, never a handler run. The login form itself is
//!   protected by a double-submit token (cookie `vigie_login` = form field `login_csrf`) that
//!   the server issued and signed (`vigie_store::staff::login_token`), not any value a client
//!   picks;
//! - it reads the (size-limited) form body once and hands the fields to handlers as
//!   [`FormFields`].
//!
//! Handlers then ask for a role with the [`Editor`] or [`Admin`] extractor (403 when the role is
//! too low). Nothing secret is logged: not passwords, tokens, hashes nor form bodies.

pub mod login;

use std::net::SocketAddr;

use axum::body::{Body, to_bytes};
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use vigie_store::staff::sessions::{self, Lifetimes};
use vigie_store::staff::throttle::Policy;
use vigie_store::staff::users::UserInfo;
use vigie_store::staff::{Actor, Role, constant_time_eq};

use crate::ctx::{CsrfToken, CurrentUser, build_url};
use crate::error::{AppError, is_api_path};
use crate::security::{BODY_LIMIT, PRIVATE};
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "vigie_session";
/// Pre-login cookie holding the login form's CSRF token.
pub const LOGIN_COOKIE: &str = "vigie_login";
/// The form field carrying the session's CSRF token.
pub const CSRF_FIELD: &str = "csrf";
/// The header an API client sends the CSRF token in.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// How staff authentication behaves.
#[derive(Clone, Debug, Default)]
pub struct AuthConfig {
    /// Marks cookies `Secure` (only sent over HTTPS): `vigie serve --secure-cookies`.
    pub secure_cookies: bool,
    pub lifetimes: Lifetimes,
    pub throttle: Policy,
}

/// The logged-in staff member of this request.
#[derive(Clone)]
pub struct Staff {
    pub user: UserInfo,
    pub session_id: i32,
    pub csrf: String,
}

impl std::fmt::Debug for Staff {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Staff")
            .field("user", &self.user.name)
            .field("session_id", &self.session_id)
            .finish_non_exhaustive()
    }
}

impl Staff {
    pub fn actor(&self) -> Actor {
        self.user.actor()
    }
}

/// The fields of a POSTed form (`application/x-www-form-urlencoded`), in order.
#[derive(Clone, Debug, Default)]
pub struct FormFields(pub Vec<(String, String)>);

impl FormFields {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// All values of a repeated field (checkboxes).
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// A field parsed as a positive id.
    pub fn id(&self, name: &str) -> Option<i32> {
        self.get(name)
            .and_then(|v| v.trim().parse::<i32>().ok())
            .filter(|v| *v > 0)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for FormFields {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<FormFields>()
            .cloned()
            .unwrap_or_default())
    }
}

/// The value of cookie `name` in the request, if any.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Strict, Path=/, Secure when configured.
pub fn set_cookie(cfg: &AuthConfig, name: &str, value: &str, max_age_secs: i64) -> HeaderValue {
    let secure = if cfg.secure_cookies { "; Secure" } else { "" };
    let v = format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age_secs}{secure}"
    );
    HeaderValue::from_str(&v).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The client's address, for login throttling (`unknown` in in-process tests).
pub fn client_ip(parts_ext: &axum::http::Extensions) -> String {
    parts_ext
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// A local path safe to redirect to after login: starts with one `/`, no scheme, no `//`, no
/// backslash, no control characters. Anything else becomes `fallback`.
pub fn safe_next(next: Option<&str>, fallback: &str) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.contains('\\')
                && !n.chars().any(|c| c.is_control())
                && n.len() <= 512 =>
        {
            n.to_string()
        }
        _ => fallback.to_string(),
    }
}

/// Where to come back to after logging in, for a request refused for lack of a session: the
/// page itself for a GET, the page the form was on for a POST.
fn next_after_login(method: &Method, path: &str, query: Option<&str>) -> String {
    if method == Method::GET || method == Method::HEAD {
        return match query {
            Some(q) if !q.is_empty() => format!("{path}?{q}"),
            _ => path.to_string(),
        };
    }
    let segs: Vec<&str> = path.trim_matches('/').split('/').collect();
    match segs.as_slice() {
        ["actions", id, ..] => format!("/actions/{id}"),
        ["admin", ..] => "/admin/aliases".into(),
        ["review", ..] => "/review".into(),
        _ => "/".into(),
    }
}

/// The answer to a request that needs a session and has none.
pub fn unauthenticated(method: &Method, path: &str, query: Option<&str>) -> Response {
    if is_api_path(path) {
        return AppError::Unauthorized.into_response();
    }
    let next = next_after_login(method, path, query);
    Redirect::to(&build_url("/login", &[("next", &next)])).into_response()
}

fn parse_form(headers: &HeaderMap, body: &[u8]) -> FormFields {
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.trim_start()
                .to_ascii_lowercase()
                .starts_with("application/x-www-form-urlencoded")
        });
    if !is_form {
        return FormFields::default();
    }
    FormFields(serde_urlencoded::from_bytes::<Vec<(String, String)>>(body).unwrap_or_default())
}

/// See the module documentation.
pub async fn middleware(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let cfg = st.auth.clone();
    let now = Utc::now();

    let token = cookie(&parts.headers, SESSION_COOKIE).map(str::to_string);
    let mut stale_cookie = false;
    let mut staff: Option<Staff> = None;
    if let Some(token) = &token {
        match sessions::lookup(st.db(), token, now, cfg.lifetimes).await {
            Ok(Some(s)) => {
                staff = Some(Staff {
                    user: s.user,
                    session_id: s.session_id,
                    csrf: s.csrf,
                });
            }
            Ok(None) => stale_cookie = true,
            Err(e) => return AppError::Internal(format!("session lookup: {e}")).into_response(),
        }
    }
    if let Some(s) = &staff {
        parts.extensions.insert(CurrentUser {
            name: s.user.name.clone(),
            role: s.user.role,
        });
        parts.extensions.insert(CsrfToken(s.csrf.clone()));
        parts.extensions.insert(s.clone());
    }

    let body = if parts.method == Method::GET || parts.method == Method::HEAD {
        body
    } else {
        let bytes = match to_bytes(body, BODY_LIMIT).await {
            Ok(b) => b,
            Err(_) => return AppError::PayloadTooLarge.into_response(),
        };
        let fields = parse_form(&parts.headers, &bytes);
        let path = parts.uri.path().to_string();
        let verdict = if path == "/login" && parts.method == Method::POST {
            let cookie_token = cookie(&parts.headers, LOGIN_COOKIE).unwrap_or("");
            let form_token = fields.get(login::LOGIN_CSRF_FIELD).unwrap_or("");
            let issued_here =
                match vigie_store::staff::login_token::is_valid(st.db(), cookie_token, now).await {
                    Ok(v) => v,
                    Err(e) => return AppError::from(e).into_response(),
                };
            if issued_here && constant_time_eq(cookie_token.as_bytes(), form_token.as_bytes()) {
                ChangeVerdict::Allowed
            } else {
                tracing::warn!(path = %path, "refused a login without a login token this server issued");
                ChangeVerdict::Forbidden
            }
        } else {
            match &staff {
                None => ChangeVerdict::Unauthenticated,
                Some(s) => {
                    let sent = fields
                        .get(CSRF_FIELD)
                        .map(str::to_string)
                        .or_else(|| {
                            parts
                                .headers
                                .get(CSRF_HEADER)
                                .and_then(|v| v.to_str().ok())
                                .map(str::to_string)
                        })
                        .unwrap_or_default();
                    if constant_time_eq(sent.as_bytes(), s.csrf.as_bytes()) {
                        ChangeVerdict::Allowed
                    } else {
                        tracing::warn!(user = %s.user.name, path = %path, "refused a POST without a valid CSRF token");
                        ChangeVerdict::Forbidden
                    }
                }
            }
        };
        parts.extensions.insert(verdict);
        parts.extensions.insert(fields);
        Body::from(bytes)
    };

    let logged_in = staff.is_some();
    let mut res = next.run(Request::from_parts(parts, body)).await;
    if logged_in {
        // Pages for a logged-in person (name, CSRF token) must not be kept by shared caches.
        res.headers_mut().insert(header::CACHE_CONTROL, PRIVATE);
        res.headers_mut()
            .append(header::VARY, HeaderValue::from_static("cookie"));
    }
    with_cleared_cookie(res, &cfg, stale_cookie)
}

/// What [`middleware`] decided about a request that is not `GET`/`HEAD`; [`enforce`] acts on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeVerdict {
    Allowed,
    /// No valid session: 303 to the login page (401 under `/api`).
    Unauthenticated,
    /// A session (or the login form) without the right token: 403.
    Forbidden,
}

/// A route that changes something: `POST` to `handler`, behind the guard.
///
/// Why the guard is split in two: [`middleware`] runs before routing and decides; this layer,
/// on the change handlers only, enforces. So a method a path does not take gets axum's 405 with
/// `Allow` (a POST on a public page is "method not allowed", not "log in first"), while no change
/// handler can run without the verdict `Allowed`. `clippy.toml` forbids axum's `post`, `put`,
/// `patch`, `delete` and `any`, so every change route is made here.
pub fn change<H, T>(handler: H) -> axum::routing::MethodRouter<AppState>
where
    H: axum::handler::Handler<T, AppState>,
    T: 'static,
{
    #[allow(clippy::disallowed_methods)] // the one place allowed to
    let route = axum::routing::post(handler);
    route.route_layer(axum::middleware::from_fn(enforce))
}

/// Refuses a change unless [`middleware`] allowed it. Without a verdict (the middleware did not
/// run), it refuses: fail closed.
async fn enforce(req: Request, next: Next) -> Response {
    match req.extensions().get::<ChangeVerdict>().copied() {
        Some(ChangeVerdict::Allowed) => next.run(req).await,
        // The middleware clears a stale session cookie on the way out.
        Some(ChangeVerdict::Unauthenticated) => {
            unauthenticated(req.method(), req.uri().path(), req.uri().query())
        }
        Some(ChangeVerdict::Forbidden) | None => AppError::Forbidden.into_response(),
    }
}

/// Tells the browser to forget a session cookie that no longer matches a session.
fn with_cleared_cookie(mut res: Response, cfg: &AuthConfig, stale: bool) -> Response {
    if stale && !res.headers().contains_key(header::SET_COOKIE) {
        res.headers_mut()
            .append(header::SET_COOKIE, set_cookie(cfg, SESSION_COOKIE, "", 0));
    }
    res
}

/// Rejection of the role extractors: to the login page without a session, 403 with one.
fn refuse(parts: &Parts, staff: Option<&Staff>) -> Response {
    match staff {
        None => unauthenticated(&parts.method, parts.uri.path(), parts.uri.query()),
        Some(_) => AppError::Forbidden.into_response(),
    }
}

/// The staff member of the request when their role allows `role`; the refusal otherwise.
fn require(parts: &Parts, role: Role) -> Result<Staff, Box<Response>> {
    let staff = parts.extensions.get::<Staff>();
    match staff {
        Some(s) if s.user.role.allows(role) => Ok(s.clone()),
        _ => Err(Box::new(refuse(parts, staff))),
    }
}

/// An editor or an admin.
#[derive(Clone, Debug)]
pub struct Editor(pub Staff);

/// An admin.
#[derive(Clone, Debug)]
pub struct Admin(pub Staff);

impl<S: Send + Sync> FromRequestParts<S> for Editor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        require(parts, Role::Editor).map(Editor).map_err(|r| *r)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Admin {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        require(parts, Role::Admin).map(Admin).map_err(|r| *r)
    }
}

/// The staff member when one is logged in (public pages that show more to staff).
#[derive(Clone, Debug)]
pub struct MaybeStaff(pub Option<Staff>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeStaff {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(MaybeStaff(parts.extensions.get::<Staff>().cloned()))
    }
}

/// 303 to `to` (after a POST).
pub fn see_other(to: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(
            header::LOCATION,
            HeaderValue::from_str(to).unwrap_or(HeaderValue::from_static("/")),
        )],
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_is_local_only() {
        assert_eq!(safe_next(Some("/review?page=2"), "/"), "/review?page=2");
        for bad in [
            "//evil.example/",
            "https://evil.example/",
            "/\\evil.example",
            "javascript:alert(1)",
            "",
            "/a\nb",
        ] {
            assert_eq!(safe_next(Some(bad), "/review"), "/review", "{bad:?}");
        }
        assert_eq!(safe_next(None, "/review"), "/review");
    }

    #[test]
    fn cookies_are_read_by_exact_name() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            "xvigie_session=a; vigie_session=b ; other=c"
                .parse()
                .unwrap(),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("b"));
        assert_eq!(cookie(&h, "missing"), None);
    }

    #[test]
    fn session_cookie_attributes() {
        let cfg = AuthConfig {
            secure_cookies: true,
            ..Default::default()
        };
        let v = set_cookie(&cfg, SESSION_COOKIE, "t", 60);
        assert_eq!(
            v.to_str().unwrap(),
            "vigie_session=t; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure"
        );
        let v = set_cookie(&AuthConfig::default(), SESSION_COOKIE, "t", 60);
        assert!(!v.to_str().unwrap().contains("Secure"));
    }

    #[test]
    fn next_after_a_refused_post_is_a_page() {
        assert_eq!(
            next_after_login(&Method::POST, "/actions/7/assessment", None),
            "/actions/7"
        );
        assert_eq!(
            next_after_login(&Method::POST, "/review/links/3/confirm", None),
            "/review"
        );
        assert_eq!(
            next_after_login(&Method::GET, "/review/stats", Some("a=1")),
            "/review/stats?a=1"
        );
    }
}
