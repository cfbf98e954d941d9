//! `/organisations`, `/organisations/{id}`: partner organisations under all their names, the
//! plans they partner, the actions and the answers that name them.

use axum::Json;
use axum::extract::{Path, State};
use vigie_store::query::api::{self, OrganisationItem};
use vigie_store::query::organisation::{OrganisationPage, organisation_page};

use super::params::{Envelope, PAGING, Params, RawParams, by_path_id, envelope};
use crate::error::AppError;
use crate::state::AppState;

pub const LIST_PARAMS: &[&str] = &PAGING;

pub async fn list(
    State(st): State<AppState>,
    q: RawParams,
) -> Result<Json<Envelope<OrganisationItem>>, AppError> {
    let p = Params::parse(q, LIST_PARAMS)?;
    let page = api::organisation_list(st.db(), p.paging()?).await?;
    Ok(envelope(page, "/api/v1/organisations", &p))
}

pub async fn one(
    State(st): State<AppState>,
    Path(raw): Path<String>,
    q: RawParams,
) -> Result<Json<OrganisationPage>, AppError> {
    Params::parse(q, &[])?;
    by_path_id(&raw, "organisation", |id| organisation_page(st.db(), id))
        .await
        .map(Json)
}
