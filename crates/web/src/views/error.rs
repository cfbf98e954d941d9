//! The error page.

use maud::{Markup, html};

use super::layout::{Section, page as layout};
use crate::ctx::Ctx;
use crate::error::AppError;

pub fn page(ctx: &Ctx, err: &AppError) -> Markup {
    let t = ctx.t();
    let message = match err {
        AppError::NotFound(_) => t.error_not_found,
        AppError::BadRequest(_) => t.error_bad_request,
        AppError::Unauthorized => t.error_unauthorized,
        AppError::Forbidden => t.error_forbidden,
        AppError::MethodNotAllowed => t.error_method,
        AppError::Busy => t.error_busy,
        AppError::PayloadTooLarge => t.error_too_large,
        AppError::Internal(_) => t.error_internal,
    };
    let title = format!("{} {}", t.error_title, err.status().as_u16());
    layout(
        ctx,
        Section::Other,
        &title,
        html! {
            h1 { (title) }
            p.lead { (message) }
            p { a href=(ctx.link("/")) { (t.back_home) } }
        },
    )
}
