//! `/login` and `/logout`.
//!
//! A failed login answers 401 with the form again and one message for every cause (unknown
//! name, wrong password, disabled account), after the throttling delay; a locked name or address
//! answers 429 without checking the password. A successful login opens a new session (new token)
//! and redirects to the local page the user came from.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use maud::{Markup, html};
use vigie_store::staff::throttle::{self, Attempt, Outcome};
use vigie_store::staff::{Role, StaffError, login_token, sessions, users};

use super::{
    AuthConfig, FormFields, LOGIN_COOKIE, MaybeStaff, SESSION_COOKIE, change, cookie, safe_next,
    see_other, set_cookie,
};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::views::components::post_form;
use crate::views::layout::{Section, page as layout};

/// The login form's double-submit token field.
pub const LOGIN_CSRF_FIELD: &str = "login_csrf";
/// Where a login goes when no page is named.
pub const DEFAULT_NEXT: &str = "/review";
/// Lifetime of the login form's token cookie.
const LOGIN_COOKIE_SECS: i64 = login_token::MAX_AGE.num_seconds();

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).merge(change(login)))
        .route("/logout", change(logout))
}

/// Message under the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Problem {
    None,
    Failed,
    Locked,
}

fn form(
    ctx: &Ctx,
    token: &str,
    next: &str,
    name: &str,
    problem: Problem,
    staff: Option<&str>,
) -> Markup {
    let s = ctx.lang.staff();
    layout(
        ctx,
        Section::Other,
        s.login_title,
        html! {
            h1 { (s.login_title) }
            @if let Some(who) = staff {
                p.notice { (s.already_logged_in) " " strong { (who) } }
            }
            @match problem {
                Problem::Failed => p.error role="alert" { (s.login_failed) },
                Problem::Locked => p.error role="alert" { (s.login_locked) },
                Problem::None => {},
            }
            // The chosen language travels with the form, so errors and the page after login
            // stay in it.
            form.staff-form method="post" action=(ctx.link("/login")) {
                input type="hidden" name=(LOGIN_CSRF_FIELD) value=(token);
                input type="hidden" name="next" value=(next);
                div {
                    label for="login-name" { (s.user_name) }
                    input #login-name type="text" name="name" required autocomplete="username" maxlength="64" value=(name);
                }
                div {
                    label for="login-password" { (s.password) }
                    input #login-password type="password" name="password" required autocomplete="current-password" maxlength="1024";
                }
                div.form-actions { button type="submit" { (s.log_in) } }
            }
        },
    )
}

/// The login form's token: the one in the cookie when this server issued it and it is still
/// valid, or a new one to set (see `vigie_store::staff::login_token`).
async fn login_token(st: &AppState, headers: &HeaderMap) -> Result<(String, bool), AppError> {
    let now = Utc::now();
    if let Some(t) = cookie(headers, LOGIN_COOKIE)
        && login_token::is_valid(st.db(), t, now).await?
    {
        return Ok((t.to_string(), false));
    }
    Ok((login_token::issue(st.db(), now).await?, true))
}

fn respond(
    cfg: &AuthConfig,
    status: StatusCode,
    markup: Markup,
    token: &str,
    new_token: bool,
) -> Response {
    let mut res = (status, markup).into_response();
    if new_token {
        res.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(cfg, LOGIN_COOKIE, token, LOGIN_COOKIE_SECS),
        );
    }
    res.headers_mut()
        .insert(header::CACHE_CONTROL, crate::security::PRIVATE);
    res
}

async fn login_page(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    staff: MaybeStaff,
) -> Result<Response, AppError> {
    let (token, new_token) = login_token(&st, &headers).await?;
    let next = safe_next(ctx.param("next"), DEFAULT_NEXT);
    let who = staff.0.as_ref().map(|s| s.user.name.as_str());
    Ok(respond(
        &st.auth,
        StatusCode::OK,
        form(&ctx, &token, &next, "", Problem::None, who),
        &token,
        new_token,
    ))
}

async fn login(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    ext: axum::http::Extensions,
    fields: FormFields,
) -> Result<Response, AppError> {
    let cfg = &st.auth;
    let name = fields.get("name").unwrap_or("").trim().to_string();
    let password = fields.get("password").unwrap_or("");
    let next = safe_next(fields.get("next"), DEFAULT_NEXT);
    let ip = super::client_ip(&ext);
    let (token, new_token) = login_token(&st, &headers).await?;
    let shown_name: String = name.chars().take(64).collect();

    // Check and record in one step: the attempt counts as a failure before its password is
    // verified, so a burst of simultaneous attempts is throttled exactly like a sequence.
    let attempt = match throttle::begin_attempt(st.db(), &name, &ip, Utc::now(), &cfg.throttle)
        .await?
    {
        Attempt::Locked { .. } => {
            tracing::warn!(user = %shown_name, %ip, "login refused: locked after repeated failures");
            let page = form(&ctx, &token, &next, &shown_name, Problem::Locked, None);
            return Ok(respond(
                cfg,
                StatusCode::TOO_MANY_REQUESTS,
                page,
                &token,
                new_token,
            ));
        }
        Attempt::Allowed { id, delay } => {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            id
        }
    };

    let user = match users::authenticate(st.db(), &name, password).await {
        Ok(user) => user,
        Err(StaffError::Busy) => {
            // Not checked: as if the attempt never happened.
            throttle::finish_attempt(st.db(), attempt, Outcome::NotChecked).await?;
            tracing::warn!(user = %shown_name, %ip, "login refused: too many password checks queued");
            return Err(AppError::Busy);
        }
        Err(e) => return Err(AppError::Internal(e.to_string())),
    };
    let Some(user) = user else {
        tracing::info!(user = %shown_name, %ip, "login failed");
        let page = form(&ctx, &token, &next, &shown_name, Problem::Failed, None);
        return Ok(respond(
            cfg,
            StatusCode::UNAUTHORIZED,
            page,
            &token,
            new_token,
        ));
    };
    throttle::finish_attempt(st.db(), attempt, Outcome::Succeeded).await?;
    // A login replaces whatever session the browser had.
    if let Some(old) = cookie(&headers, SESSION_COOKIE) {
        sessions::end(st.db(), old).await?;
    }
    let session = sessions::create(st.db(), user.id, Utc::now(), cfg.lifetimes).await?;
    // Sessions nobody presents again are never looked up: forget the dead ones here.
    sessions::purge_expired(st.db(), Utc::now(), cfg.lifetimes).await?;
    tracing::info!(user = %user.name, "logged in");
    let mut res = see_other(&keep_lang(&ctx, &next));
    let h = res.headers_mut();
    h.append(
        header::SET_COOKIE,
        set_cookie(
            cfg,
            SESSION_COOKIE,
            &session.token,
            cfg.lifetimes.absolute.num_seconds(),
        ),
    );
    h.append(header::SET_COOKIE, set_cookie(cfg, LOGIN_COOKIE, "", 0));
    Ok(res)
}

async fn logout(
    State(st): State<AppState>,
    headers: HeaderMap,
    staff: MaybeStaff,
) -> Result<Response, AppError> {
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        sessions::end(st.db(), token).await?;
    }
    if let Some(s) = staff.0 {
        tracing::info!(user = %s.user.name, "logged out");
    }
    let mut res = see_other("/");
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(&st.auth, SESSION_COOKIE, "", 0),
    );
    Ok(res)
}

/// The header slot for a logged-in staff member: name, role, staff links and a logout button.
pub fn user_slot(ctx: &Ctx) -> Markup {
    let s = ctx.lang.staff();
    let Some(user) = &ctx.user else {
        return html! {};
    };
    html! {
        div.user-slot {
            (ctx.t().logged_in_as) " " strong { (user.name) } " (" (s.role(user.role)) ")"
            " · " a href=(ctx.link("/review")) { (s.nav_review) }
            @if user.role.allows(Role::Admin) { " · " a href=(ctx.link("/admin/aliases")) { (s.nav_aliases) } }
            " · "
            (post_form(ctx, "/logout", html! { button.link-button type="submit" { (s.log_out) } }))
        }
    }
}

/// `next` in the language the login page was shown in, when it was chosen explicitly (`?lang=en`)
/// and `next` does not choose one itself.
fn keep_lang(ctx: &Ctx, next: &str) -> String {
    let has_lang = next
        .split_once('?')
        .is_some_and(|(_, q)| q.split('&').any(|kv| kv.starts_with("lang=")));
    if !ctx.lang_explicit || has_lang {
        return next.to_string();
    }
    let (path, fragment) = next
        .split_once('#')
        .map_or((next, None), |(p, f)| (p, Some(f)));
    let sep = if path.contains('?') { '&' } else { '?' };
    let mut out = format!("{path}{sep}lang={}", ctx.lang.code());
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}
