//! One error type for every handler, pages and API alike.
//!
//! A handler returns `Result<_, AppError>`. The error's `IntoResponse` only records the error in
//! the response extensions; the [`render_errors`] middleware, which knows the request (path and
//! language), turns it into an HTML page for the site or into the JSON shape
//! `{"error": "<code>", "message": "…"}` under `/api`. Responses axum makes by itself (unknown
//! route, method not allowed, extractor rejections) get the same treatment, so a visitor never
//! sees a bare text body and an API client never sees HTML.

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

use crate::ctx::Ctx;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// What was not found, for the logs and the API message (`action 42`).
    #[error("not found: {0}")]
    NotFound(String),
    /// What was wrong with the request, shown to the user.
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("authentication required")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("request too large")]
    PayloadTooLarge,
    /// The path exists, the method does not (axum sets `Allow`, kept by [`render_errors`]).
    #[error("method not allowed")]
    MethodNotAllowed,
    /// Too many requests of a costly kind at once (password checks): try again shortly.
    #[error("the server is busy; try again in a few seconds")]
    Busy,
    /// The detail is logged, never shown (it may hold SQL or paths).
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn not_found(what: impl std::fmt::Display) -> Self {
        AppError::NotFound(what.to_string())
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable machine code of the JSON shape.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound(_) => "not_found",
            AppError::BadRequest(_) => "bad_request",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::PayloadTooLarge => "payload_too_large",
            AppError::MethodNotAllowed => "method_not_allowed",
            AppError::Busy => "busy",
            AppError::Internal(_) => "internal",
        }
    }

    /// The message safe to show (English; the HTML page shows a translated text instead).
    pub fn public_message(&self) -> String {
        match self {
            AppError::Internal(_) => "internal error; it has been logged".to_string(),
            other => other.to_string(),
        }
    }

    /// The error from a bare status code (axum's own rejections and fallbacks).
    pub fn from_status(status: StatusCode) -> Self {
        match status {
            StatusCode::NOT_FOUND => AppError::NotFound("no such page".into()),
            StatusCode::UNAUTHORIZED => AppError::Unauthorized,
            StatusCode::FORBIDDEN => AppError::Forbidden,
            StatusCode::PAYLOAD_TOO_LARGE => AppError::PayloadTooLarge,
            StatusCode::METHOD_NOT_ALLOWED => AppError::MethodNotAllowed,
            StatusCode::SERVICE_UNAVAILABLE => AppError::Busy,
            s if s.is_server_error() => AppError::Internal(format!("status {s}")),
            s => AppError::BadRequest(s.canonical_reason().unwrap_or("bad request").to_lowercase()),
        }
    }

    /// The JSON response, for API handlers that want it without the middleware.
    pub fn json_response(&self) -> Response {
        let body = serde_json::json!({ "error": self.code(), "message": self.public_message() });
        (self.status(), axum::Json(body)).into_response()
    }

    /// The HTML error page in the context's language.
    pub fn html_response(&self, ctx: &Ctx) -> Response {
        let markup = crate::views::error::page(ctx, self);
        (self.status(), markup).into_response()
    }
}

/// Marker left in the response extensions for [`render_errors`].
#[derive(Clone)]
struct ErrorMarker(Arc<AppError>);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(detail) = &self {
            tracing::error!(%detail, "internal error");
        }
        let mut res = (self.status(), self.public_message()).into_response();
        if let AppError::Busy = self {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        res.extensions_mut().insert(ErrorMarker(Arc::new(self)));
        res
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        AppError::Internal(format!("database: {e}"))
    }
}

/// Whether a path belongs to the JSON API.
pub fn is_api_path(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// Renders every error response (ours or axum's) as an HTML page or the API's JSON shape.
pub async fn render_errors(req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let ctx = Ctx::from_parts(&parts);
    let req = Request::from_parts(parts, body);
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let marker = res.extensions().get::<ErrorMarker>().cloned();
    let already_rendered = marker.is_none()
        && res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("text/html") || ct.starts_with("application/json"));
    if already_rendered {
        return res;
    }
    let err = match &marker {
        Some(m) => m.0.clone(),
        None => Arc::new(AppError::from_status(status)),
    };
    let mut out = if is_api_path(&ctx.path) {
        err.json_response()
    } else {
        err.html_response(&ctx)
    };
    // Keep headers a handler set on purpose (e.g. `Allow` on 405, `WWW-Authenticate` on 401).
    for (name, value) in res.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            out.headers_mut().insert(name.clone(), value.clone());
        }
    }
    out.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    out
}
