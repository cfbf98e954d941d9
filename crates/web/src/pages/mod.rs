//! The public HTML pages: handlers that read the query string leniently, call one query
//! function of `vigie_store::query` and render one view.
//!
//! Query parameters are parsed by [`Ctx`] (never rejected): an unknown status, a non-numeric id
//! or a malformed date is ignored as a filter, so odd URLs give a normal page. Ids in the path
//! that are not numbers, or not in the database, give the 404 page.

use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;
use chrono::NaiveDate;
use maud::Markup;
use vigie_core::Status;
use vigie_store::query::action::action_page_window;
use vigie_store::query::member::member_page;
use vigie_store::query::minister::minister_page;
use vigie_store::query::organisation::organisation_page;
use vigie_store::query::question::question_page;
use vigie_store::query::{self, common::clamp_page};

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::views;

/// How many recent links the overview lists.
pub const NEWEST_EVIDENCE: u64 = 8;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(overview))
        .route("/actions", get(actions_list))
        .route("/actions/{id}", get(action))
        .route("/questions", get(questions_list))
        .route("/questions/{id}", get(question))
        .route("/members/{id}", get(member))
        .route("/ministers/{id}", get(minister))
        .route("/organisations/{id}", get(organisation))
        .route("/search", get(search))
        .route("/statuses", get(statuses))
}

/// A path id: a positive integer that fits the column, else "not found".
pub fn path_id(raw: &str, what: &str) -> Result<i32, AppError> {
    raw.parse::<i32>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or_else(|| AppError::not_found(format!("{what} {raw:?}")))
}

/// The record named by the path id `raw`, read by `load`; "not found" when the id cannot exist
/// (see [`path_id`]) or names nothing.
pub async fn by_path_id<T, E, F>(
    raw: &str,
    what: &str,
    load: impl FnOnce(i32) -> F,
) -> Result<T, AppError>
where
    F: Future<Output = Result<Option<T>, E>>,
    AppError: From<E>,
{
    let id = path_id(raw, what)?;
    load(id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("{what} {id}")))
}

fn status_param(ctx: &Ctx) -> Option<Status> {
    ctx.param("status").and_then(Status::parse)
}

fn date_param(ctx: &Ctx, key: &str) -> Option<NaiveDate> {
    ctx.param(key)
        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
}

fn page_param(ctx: &Ctx) -> u64 {
    clamp_page(ctx.param("page").and_then(|p| p.parse().ok()))
}

async fn overview(State(st): State<AppState>, ctx: Ctx) -> Result<Markup, AppError> {
    let o = query::overview::overview(st.db(), NEWEST_EVIDENCE).await?;
    Ok(views::overview::page(&ctx, &o))
}

async fn actions_list(State(st): State<AppState>, ctx: Ctx) -> Result<Markup, AppError> {
    let filter = query::lists::ActionFilter {
        status: status_param(&ctx),
        review: ctx.param("review").and_then(query::lists::Review::parse),
        axis: ctx.param_id("axis"),
        minister: ctx.param_id("minister"),
        member: ctx.param_id("member"),
        organisation: ctx.param_id("organisation"),
        from: date_param(&ctx, "from"),
        to: date_param(&ctx, "to"),
        sort: ctx
            .param("sort")
            .and_then(query::lists::ActionSort::parse)
            .unwrap_or_default(),
        page: page_param(&ctx),
    };
    let rows = query::lists::actions(st.db(), &filter).await?;
    let options = query::lists::filter_options(st.db()).await?;
    Ok(views::actions_list::page(&ctx, &rows, &options))
}

async fn action(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(raw): Path<String>,
) -> Result<Markup, AppError> {
    let window = query::action::EvidenceWindow {
        page: page_param(&ctx),
        per_page: query::action::EVIDENCE_PER_PAGE,
    };
    let page = by_path_id(&raw, "action", |id| {
        action_page_window(st.db(), id, Some(window))
    })
    .await?;
    Ok(views::action::page(&ctx, &page))
}

async fn questions_list(State(st): State<AppState>, ctx: Ctx) -> Result<Markup, AppError> {
    let filter = query::lists::QuestionFilter {
        status: status_param(&ctx),
        axis: ctx.param_id("axis"),
        action: ctx.param_id("action"),
        minister: ctx.param_id("minister"),
        member: ctx.param_id("member"),
        organisation: ctx.param_id("organisation"),
        from: date_param(&ctx, "from"),
        to: date_param(&ctx, "to"),
        sort: ctx
            .param("sort")
            .and_then(query::lists::QuestionSort::parse)
            .unwrap_or_default(),
        page: page_param(&ctx),
    };
    let rows = query::lists::questions(st.db(), &filter).await?;
    let options = query::lists::filter_options(st.db()).await?;
    Ok(views::questions_list::page(&ctx, &rows, &options))
}

async fn question(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(raw): Path<String>,
) -> Result<Markup, AppError> {
    let page = by_path_id(&raw, "question", |id| question_page(st.db(), id)).await?;
    Ok(views::question::page(&ctx, &page))
}

async fn member(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(raw): Path<String>,
) -> Result<Markup, AppError> {
    let page = by_path_id(&raw, "member", |id| member_page(st.db(), id)).await?;
    Ok(views::member::page(&ctx, &page))
}

async fn minister(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(raw): Path<String>,
) -> Result<Markup, AppError> {
    let page = by_path_id(&raw, "minister", |id| minister_page(st.db(), id)).await?;
    Ok(views::minister::page(&ctx, &page))
}

async fn organisation(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(raw): Path<String>,
) -> Result<Markup, AppError> {
    let page = by_path_id(&raw, "organisation", |id| organisation_page(st.db(), id)).await?;
    Ok(views::organisation::page(&ctx, &page))
}

async fn search(State(st): State<AppState>, ctx: Ctx) -> Result<Markup, AppError> {
    let q = ctx.param("q").unwrap_or("").to_string();
    let filter = query::search::SearchFilter {
        q: q.clone(),
        kind: ctx.param("kind").and_then(query::search::HitKind::parse),
        status: status_param(&ctx),
        axis: ctx.param_id("axis"),
        minister: ctx.param_id("minister"),
        member: ctx.param_id("member"),
        from: date_param(&ctx, "from"),
        to: date_param(&ctx, "to"),
        page: page_param(&ctx),
    };
    let hits = query::search::search(st.db(), &filter).await?;
    let numbered = query::search::questions_numbered(st.db(), &q).await?;
    let options = query::lists::filter_options(st.db()).await?;
    Ok(views::search::page(&ctx, &q, &hits, &numbered, &options))
}

async fn statuses(ctx: Ctx) -> Markup {
    views::statuses::page(&ctx)
}
