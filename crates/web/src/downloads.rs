//! Open-data downloads, at stable URLs the overview links to. They hold exactly what
//! `vigie export` prints (the same store functions write both):
//!
//! - `/downloads/actions.csv`: every action with the status it shows and what it rests on
//!   (`vigie export statuses --format csv`);
//! - `/downloads/links.csv`: every link between a question and an action, with its passages,
//!   scores and reasons (`vigie export links --format csv`);
//! - `/downloads/dataset.json`: plans, questions, links and statuses in one document.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use vigie_store::Store;
use vigie_store::export_records::{write_links_csv, write_statuses_csv};

use crate::error::AppError;
use crate::state::AppState;

pub const ACTIONS_CSV: &str = "/downloads/actions.csv";
pub const LINKS_CSV: &str = "/downloads/links.csv";
pub const DATASET_JSON: &str = "/downloads/dataset.json";

pub fn router() -> Router<AppState> {
    Router::new()
        .route(ACTIONS_CSV, get(actions_csv))
        .route(LINKS_CSV, get(links_csv))
        .route(DATASET_JSON, get(dataset_json))
}

fn store(st: &AppState) -> Store {
    Store::from_connection(st.db().clone())
}

fn attachment(content_type: &'static str, filename: &'static str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
            // The data changes with every import or review: let clients revalidate.
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

fn io_error(e: std::io::Error) -> AppError {
    AppError::Internal(format!("writing a download: {e}"))
}

async fn actions_csv(State(st): State<AppState>) -> Result<Response, AppError> {
    let records = store(&st).export_statuses().await?;
    let body = write_statuses_csv(Vec::new(), &records).map_err(io_error)?;
    Ok(attachment(
        "text/csv; charset=utf-8; header=present",
        "vigie-actions.csv",
        body,
    ))
}

async fn links_csv(State(st): State<AppState>) -> Result<Response, AppError> {
    let records = store(&st).export_links().await?;
    let body = write_links_csv(Vec::new(), &records).map_err(io_error)?;
    Ok(attachment(
        "text/csv; charset=utf-8; header=present",
        "vigie-links.csv",
        body,
    ))
}

async fn dataset_json(State(st): State<AppState>) -> Result<Response, AppError> {
    let dataset = store(&st).export_dataset().await?;
    let body = serde_json::to_vec(&dataset)
        .map_err(|e| AppError::Internal(format!("serialising the dataset: {e}")))?;
    Ok(attachment("application/json", "vigie-dataset.json", body))
}
