//! `/questions`, `/questions/{id}`: written questions, and one question with its procedural
//! acts, its passages and the actions each passage is linked to.

use axum::Json;
use axum::extract::{Path, State};
use vigie_store::query::lists::{self, QuestionFilter, QuestionRow, QuestionSort};
use vigie_store::query::question::{QuestionPage, question_page};

use super::params::{Envelope, Params, RawParams, by_path_id, envelope};
use crate::error::AppError;
use crate::state::AppState;

pub const LIST_PARAMS: &[&str] = &[
    "status",
    "axis",
    "action",
    "minister",
    "member",
    "organisation",
    "from",
    "to",
    "sort",
    "page",
    "per_page",
];

pub async fn list(
    State(st): State<AppState>,
    q: RawParams,
) -> Result<Json<Envelope<QuestionRow>>, AppError> {
    let p = Params::parse(q, LIST_PARAMS)?;
    let f = p.list_filters(
        &QuestionSort::ALL,
        QuestionSort::as_str,
        QuestionSort::parse,
    )?;
    let filter = QuestionFilter {
        status: f.status,
        axis: f.axis,
        action: f.action,
        minister: f.minister,
        member: f.member,
        organisation: f.organisation,
        from: f.from,
        to: f.to,
        sort: f.sort,
        page: f.paging.page,
    };
    let page = lists::questions_per_page(st.db(), &filter, f.paging.per_page).await?;
    Ok(envelope(page, "/api/v1/questions", &p))
}

pub async fn one(
    State(st): State<AppState>,
    Path(raw): Path<String>,
    q: RawParams,
) -> Result<Json<QuestionPage>, AppError> {
    Params::parse(q, &[])?;
    by_path_id(&raw, "question", |id| question_page(st.db(), id))
        .await
        .map(Json)
}
