//! `/members`, `/members/{id}`: members of parliament, the questions they asked and the actions
//! those probed.

use axum::Json;
use axum::extract::{Path, State};
use vigie_store::query::api::{self, MemberDetail, MemberItem};
use vigie_store::query::member::member_page;

use super::params::{Envelope, PAGING, Params, RawParams, by_path_id, envelope};
use crate::error::AppError;
use crate::state::AppState;

pub const LIST_PARAMS: &[&str] = &PAGING;

pub async fn list(
    State(st): State<AppState>,
    q: RawParams,
) -> Result<Json<Envelope<MemberItem>>, AppError> {
    let p = Params::parse(q, LIST_PARAMS)?;
    let page = api::member_list(st.db(), p.paging()?).await?;
    Ok(envelope(page, "/api/v1/members", &p))
}

pub async fn one(
    State(st): State<AppState>,
    Path(raw): Path<String>,
    q: RawParams,
) -> Result<Json<MemberDetail>, AppError> {
    Params::parse(q, &[])?;
    by_path_id(&raw, "member", |id| member_page(st.db(), id))
        .await
        .map(|p| Json(p.into()))
}
