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
pub mod auth;
pub mod cache;
pub mod ctx;
pub mod downloads;
pub mod error;
pub mod feeds;
pub mod i18n;
pub mod pages;
pub mod paths;
pub mod security;
pub mod staff;
pub mod state;
pub mod views;

use std::net::SocketAddr;

use axum::Router;
use axum::middleware;
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;
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
        .merge(auth::login::router())
        .merge(staff::router())
}

/// `GET /_baseline/{bytes}`: a static body of that many bytes, sent as it is (no compression),
/// for the load benchmark to compare each page with the cheapest response of the same size from
/// the same server and middleware (`vigie serve --baseline-route`, hidden; never on by default).
pub fn baseline_routes() -> Router<AppState> {
    use axum::extract::Path;
    use axum::http::header;
    use axum::routing::get;
    static BODY: [u8; 1 << 20] = [b'x'; 1 << 20];
    Router::new().route(
        "/_baseline/{bytes}",
        get(|Path(n): Path<usize>| async move {
            (
                [
                    (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                    // Sent as is, like a cached page already compressed.
                    (header::CONTENT_ENCODING, "identity"),
                ],
                axum::body::Bytes::from_static(&BODY[..n.min(BODY.len())]),
            )
        }),
    )
}

/// The whole site.
pub fn router(state: AppState) -> Router {
    finish(routes(), state)
}

/// Adds the fallback and the layers every response needs to a set of routes: from the inside
/// out, the page cache of anonymous visitors ([`cache::middleware`]), the staff session and
/// CSRF guard ([`auth::middleware`]), the body limit, error rendering, the security headers
/// ([`security`]), compression, tracing.
pub fn finish(routes: Router<AppState>, state: AppState) -> Router {
    let routes = routes
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            cache::middleware,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::middleware,
        ))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            security::BODY_LIMIT,
        ))
        .layer(middleware::from_fn(error::render_errors));
    let https = state.auth.secure_cookies;
    security::headers(routes, https)
        // Responses made at each request (searches, lists with filters, staff pages, the API)
        // are compressed at the fastest level, as nginx does by default: on the busiest action
        // page the default level takes 2.5 times the CPU (1.7 ms instead of 0.7 ms) for 30 %
        // fewer bytes. Cached pages come compressed already, at the default level.
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
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
    // The client address feeds login throttling.
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}

/// Serves `app` on `listener` until `shutdown` completes, then lets requests under way finish.
pub async fn serve_until(
    app: Router,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
