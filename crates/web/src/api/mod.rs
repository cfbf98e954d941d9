//! The public JSON API under `/api/v1/`: read-only, one file per resource.
//!
//! Every route is declared once, in [`table`], with the query parameters it accepts; the router,
//! the parameter check and the OpenAPI consistency test all read that table. The OpenAPI
//! document itself is hand-written (`static/openapi.json`) and served at `/api/v1/openapi.json`.
//!
//! Conventions (documented in `docs/api.md`):
//! - lists answer `{"items": […], "page", "per_page", "total", "next"}`;
//! - errors answer `{"error": "<code>", "message": "…"}` (rendered by [`crate::error`]);
//! - a query parameter the route does not know, given twice, or with a value it cannot use is a
//!   400, never a silently ignored filter: a client with a typo learns about it.

mod actions;
mod axes;
mod links;
mod members;
mod ministers;
mod organisations;
pub mod params;
mod plans;
mod questions;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};

use crate::state::AppState;

/// Where the API lives; the paths of [`table`] are relative to it.
pub const PREFIX: &str = "/api/v1";

/// The OpenAPI 3.1 document, written by hand next to `docs/api.md`.
pub const OPENAPI: &str = include_str!("../../static/openapi.json");

/// One route of the API.
pub struct ApiRoute {
    /// Relative to [`PREFIX`], in the `{param}` syntax axum and OpenAPI share.
    pub path: &'static str,
    /// The query parameters the route accepts; anything else is a 400.
    pub params: &'static [&'static str],
    handler: fn() -> MethodRouter<AppState>,
}

/// Every route of the API (all `GET`).
pub fn table() -> Vec<ApiRoute> {
    fn r(
        path: &'static str,
        params: &'static [&'static str],
        handler: fn() -> MethodRouter<AppState>,
    ) -> ApiRoute {
        ApiRoute {
            path,
            params,
            handler,
        }
    }
    vec![
        r("/openapi.json", &[], || get(openapi)),
        r("/plans", plans::LIST_PARAMS, || get(plans::list)),
        r("/plans/{id}", &[], || get(plans::one)),
        r("/axes", axes::LIST_PARAMS, || get(axes::list)),
        r("/axes/{id}", &[], || get(axes::one)),
        r("/actions", actions::LIST_PARAMS, || get(actions::list)),
        r("/actions/{id}", &[], || get(actions::one)),
        r("/questions", questions::LIST_PARAMS, || {
            get(questions::list)
        }),
        r("/questions/{id}", &[], || get(questions::one)),
        r("/links", links::LIST_PARAMS, || get(links::list)),
        r("/members", members::LIST_PARAMS, || get(members::list)),
        r("/members/{id}", &[], || get(members::one)),
        r("/ministers", ministers::LIST_PARAMS, || {
            get(ministers::list)
        }),
        r("/ministers/{id}", &[], || get(ministers::one)),
        r("/organisations", organisations::LIST_PARAMS, || {
            get(organisations::list)
        }),
        r("/organisations/{id}", &[], || get(organisations::one)),
    ]
}

/// The full paths of every route (`/api/v1/plans`, …).
pub fn paths() -> Vec<String> {
    table()
        .iter()
        .map(|r| format!("{PREFIX}{}", r.path))
        .collect()
}

/// The open-data surface of the site: the JSON API, the downloads and the Atom feeds.
pub fn router() -> Router<AppState> {
    table()
        .into_iter()
        .fold(Router::new(), |router, r| {
            router.route(&format!("{PREFIX}{}", r.path), (r.handler)())
        })
        .merge(crate::downloads::router())
        .merge(crate::feeds::router())
}

async fn openapi(q: params::RawParams) -> Result<Response, crate::AppError> {
    params::Params::parse(q, &[])?;
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        OPENAPI,
    )
        .into_response())
}
