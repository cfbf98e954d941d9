//! Staff pages: the review queue and its decisions, the matcher's measured precision, status
//! assessments, the alias editor, and the public history of each action.
//!
//! Every POST here has already passed [`crate::auth::middleware`] (session + CSRF); each
//! handler also asks for its role ([`Editor`](crate::auth::Editor) or
//! [`Admin`](crate::auth::Admin)). After a change, a 303 leads back to the page the form was on
//! (post/redirect/get). An input the store refuses gives a 400 page that says what was wrong.

pub mod actions;
pub mod admin;
pub mod review;

use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use vigie_store::staff::{Problem, StaffError};

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::views::layout::{Section, page as layout};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(review::router())
        .merge(actions::router())
        .merge(admin::router())
}

/// The hidden CSRF field, for forms that are not built with `post_form`.
pub fn csrf_field(ctx: &Ctx) -> Markup {
    html! { @if let Some(t) = &ctx.csrf { input type="hidden" name=(crate::auth::CSRF_FIELD) value=(t.0); } }
}

/// A store refusal as a response: a 400 page naming the problem for bad input, the usual error
/// pages otherwise.
pub fn refused(ctx: &Ctx, err: StaffError) -> Response {
    match err {
        StaffError::Invalid(msg) | StaffError::Conflict(msg) => {
            problem(ctx, StatusCode::BAD_REQUEST, &msg)
        }
        StaffError::Refused(p) => {
            let status = match p {
                Problem::WouldMerge(_) | Problem::AliasTaken(..) | Problem::MappingExists => {
                    StatusCode::CONFLICT
                }
                _ => StatusCode::BAD_REQUEST,
            };
            problem(ctx, status, &ctx.lang.staff().refusal(&p))
        }
        StaffError::NotFound(what) => AppError::NotFound(what).into_response(),
        StaffError::Busy => AppError::Busy.into_response(),
        StaffError::Db(e) => AppError::from(e).into_response(),
    }
}

/// A page explaining why a change was not made, with a link back.
pub fn problem(ctx: &Ctx, status: StatusCode, message: &str) -> Response {
    let s = ctx.lang.staff();
    let body = html! {
        h1 { (s.not_saved) }
        p.error role="alert" { (message) }
        p { a href=(ctx.link("/review")) { (s.nav_review) } }
    };
    (status, layout(ctx, Section::Other, s.not_saved, body)).into_response()
}

/// The `back` field of a form when it is a local path, else `fallback`.
pub fn back(fields: &crate::auth::FormFields, fallback: &str) -> String {
    crate::auth::safe_next(fields.get("back"), fallback)
}
