//! `/axes`, `/axes/{id}`: the axes of the plans, with pilots, status counts and actions.

use axum::Json;
use axum::extract::{Path, State};
use vigie_store::query::api::{self, AxisDetail, AxisItem};

use super::params::{Envelope, Params, RawParams, by_path_id, envelope};
use crate::error::AppError;
use crate::state::AppState;

pub const LIST_PARAMS: &[&str] = &["plan", "page", "per_page"];

pub async fn list(
    State(st): State<AppState>,
    q: RawParams,
) -> Result<Json<Envelope<AxisItem>>, AppError> {
    let p = Params::parse(q, LIST_PARAMS)?;
    let page = api::axis_list(st.db(), p.id("plan")?, p.paging()?).await?;
    Ok(envelope(page, "/api/v1/axes", &p))
}

pub async fn one(
    State(st): State<AppState>,
    Path(raw): Path<String>,
    q: RawParams,
) -> Result<Json<AxisDetail>, AppError> {
    Params::parse(q, &[])?;
    by_path_id(&raw, "axis", |id| api::axis_detail(st.db(), id))
        .await
        .map(Json)
}
