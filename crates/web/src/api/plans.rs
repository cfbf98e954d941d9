//! `/plans`, `/plans/{id}`: the plans with their ministers, partners and status counts.

use axum::Json;
use axum::extract::{Path, State};
use vigie_store::query::api::{self, PlanDetail, PlanItem};

use super::params::{Envelope, PAGING, Params, RawParams, by_path_id, envelope};
use crate::error::AppError;
use crate::state::AppState;

pub const LIST_PARAMS: &[&str] = &PAGING;

pub async fn list(
    State(st): State<AppState>,
    q: RawParams,
) -> Result<Json<Envelope<PlanItem>>, AppError> {
    let p = Params::parse(q, LIST_PARAMS)?;
    let page = api::plan_list(st.db(), p.paging()?).await?;
    Ok(envelope(page, "/api/v1/plans", &p))
}

pub async fn one(
    State(st): State<AppState>,
    Path(raw): Path<String>,
    q: RawParams,
) -> Result<Json<PlanDetail>, AppError> {
    Params::parse(q, &[])?;
    by_path_id(&raw, "plan", |id| api::plan_detail(st.db(), id))
        .await
        .map(Json)
}
