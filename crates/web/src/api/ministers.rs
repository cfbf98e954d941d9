//! `/ministers`, `/ministers/{id}`: ministers as questions name them (name and portfolio) and as
//! plans name them (portfolio only), with the questions they answered and the actions they pilot.

use axum::Json;
use axum::extract::{Path, State};
use vigie_store::query::api::{self, MinisterItem};
use vigie_store::query::minister::{MinisterPage, minister_page};

use super::params::{Envelope, PAGING, Params, RawParams, by_path_id, envelope};
use crate::error::AppError;
use crate::state::AppState;

pub const LIST_PARAMS: &[&str] = &PAGING;

pub async fn list(
    State(st): State<AppState>,
    q: RawParams,
) -> Result<Json<Envelope<MinisterItem>>, AppError> {
    let p = Params::parse(q, LIST_PARAMS)?;
    let page = api::minister_list(st.db(), p.paging()?).await?;
    Ok(envelope(page, "/api/v1/ministers", &p))
}

pub async fn one(
    State(st): State<AppState>,
    Path(raw): Path<String>,
    q: RawParams,
) -> Result<Json<MinisterPage>, AppError> {
    Params::parse(q, &[])?;
    by_path_id(&raw, "minister", |id| minister_page(st.db(), id))
        .await
        .map(Json)
}
