//! Vigie's web site: server-rendered pages (axum 0.8 + maud), no JavaScript needed.
//!
//! [`router`] assembles the site from sub-routers (`pages::router()`, static assets; the JSON
//! API and staff pages merge theirs the same way) and wraps them in the layers every response
//! needs: error rendering ([`error::render_errors`]), security headers, compression, tracing.
//!
//! ```no_run
//! # async fn run(db: sea_orm::DatabaseConnection) -> std::io::Result<()> {
//! let state = vigie_web::AppState::new(db);
//! vigie_web::serve(state, "127.0.0.1:8080".parse().unwrap()).await
//! # }
//! ```

pub mod api;
pub mod assets;
pub mod ctx;
pub mod downloads;
pub mod error;
pub mod feeds;
pub mod i18n;
pub mod pages;
pub mod state;
pub mod views;

use std::net::SocketAddr;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

pub use ctx::{CsrfToken, Ctx, CurrentUser};
pub use error::AppError;
pub use i18n::Lang;
pub use state::AppState;

/// Sub-routers of the site, without the outer layers: merge more into it, then call [`finish`].
pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(pages::router())
        .merge(assets::router())
        .merge(api::router())
}

/// The whole site.
pub fn router(state: AppState) -> Router {
    finish(routes(), state)
}

/// Adds the fallback and the layers every response needs to a set of routes.
pub fn finish(routes: Router<AppState>, state: AppState) -> Router {
    routes
        .fallback(not_found)
        .layer(middleware::from_fn(error::render_errors))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; \
                 base-uri 'none'; form-action 'self'",
            ),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("x-frame-options"),
            HeaderValue::from_static("DENY"),
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

async fn not_found() -> AppError {
    AppError::NotFound("no such page".into())
}

/// Serves the site on `addr` until the process is stopped.
pub async fn serve(state: AppState, addr: SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    serve_on(state, listener).await
}

/// Serves the site on an already bound listener (tests bind `127.0.0.1:0`).
pub async fn serve_on(state: AppState, listener: tokio::net::TcpListener) -> std::io::Result<()> {
    axum::serve(listener, router(state)).await
}

/// Serves `app` on `listener` until `shutdown` completes, then lets requests under way finish.
pub async fn serve_until(
    app: Router,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}
