//! `/questions`, `/questions/{id}`: written questions, and one question with its procedural
//! acts, its passages and the actions each passage is linked to.

use axum::Json;
use axum::extract::{Path, State};
use vigie_store::query::lists::{self, QuestionFilter, QuestionRow, QuestionSort};
use vigie_store::query::question::{QuestionPage, question_page};

use super::params::{Envelope, Params, RawParams, envelope, path_id};
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
    let paging = p.paging()?;
    let sorts: Vec<&str> = QuestionSort::ALL.iter().map(|s| s.as_str()).collect();
    let filter = QuestionFilter {
        status: p.status()?,
        axis: p.id("axis")?,
        action: p.id("action")?,
        minister: p.id("minister")?,
        member: p.id("member")?,
        organisation: p.id("organisation")?,
        from: p.date("from")?,
        to: p.date("to")?,
        sort: p
            .choice("sort", &sorts, QuestionSort::parse)?
            .unwrap_or_default(),
        page: paging.page,
    };
    let page = lists::questions_per_page(st.db(), &filter, paging.per_page).await?;
    Ok(envelope(page, "/api/v1/questions", &p))
}

pub async fn one(
    State(st): State<AppState>,
    Path(id): Path<String>,
    q: RawParams,
) -> Result<Json<QuestionPage>, AppError> {
    Params::parse(q, &[])?;
    let id = path_id(&id, "question")?;
    question_page(st.db(), id)
        .await?
        .map(Json)
        .ok_or_else(|| AppError::not_found(format!("question {id}")))
}
