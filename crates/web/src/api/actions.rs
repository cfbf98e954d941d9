//! `/actions`, `/actions/{id}`: the plan's commitments with their status, and one action with
//! its evidence (linked questions, passages, scores, reasons), the engine's proposal and its
//! history, and the staff assessment in force.

use axum::Json;
use axum::extract::{Path, State};
use vigie_store::query::api::{self, ActionDetail};
use vigie_store::query::lists::{self, ActionFilter, ActionRow, ActionSort, Review};

use super::params::{Envelope, Params, RawParams, by_path_id, envelope};
use crate::error::AppError;
use crate::state::AppState;

pub const LIST_PARAMS: &[&str] = &[
    "status",
    "axis",
    "minister",
    "member",
    "organisation",
    "from",
    "to",
    "sort",
    "review",
    "page",
    "per_page",
];

pub async fn list(
    State(st): State<AppState>,
    q: RawParams,
) -> Result<Json<Envelope<ActionRow>>, AppError> {
    let p = Params::parse(q, LIST_PARAMS)?;
    let f = p.list_filters(&ActionSort::ALL, ActionSort::as_str, ActionSort::parse)?;
    let review_names: Vec<&str> = Review::ALL.iter().map(|r| r.as_str()).collect();
    let filter = ActionFilter {
        status: f.status,
        review: p.choice("review", &review_names, Review::parse)?,
        axis: f.axis,
        minister: f.minister,
        member: f.member,
        organisation: f.organisation,
        from: f.from,
        to: f.to,
        sort: f.sort,
        page: f.paging.page,
    };
    let page = lists::actions_per_page(st.db(), &filter, f.paging.per_page).await?;
    Ok(envelope(page, "/api/v1/actions", &p))
}

pub async fn one(
    State(st): State<AppState>,
    Path(raw): Path<String>,
    q: RawParams,
) -> Result<Json<ActionDetail>, AppError> {
    Params::parse(q, &[])?;
    by_path_id(&raw, "action", |id| api::action_detail(st.db(), id))
        .await
        .map(Json)
}
