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
use vigie_store::query::organisation::organisation_page;
use vigie_store::query::question::question_page;
use vigie_store::query::{self, common::clamp_page};

use axum::response::{IntoResponse, Redirect, Response};
use vigie_store::query::reference;

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::paths;
use crate::state::AppState;
use crate::views;
use crate::views::layout::Section;

/// How many recent links the overview lists.
pub const NEWEST_EVIDENCE: u64 = 8;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(overview))
        .route("/actions", get(actions_list))
        .route("/actions/{id}", get(action))
        .route("/plans/{plan}/actions/{code}", get(action_in_plan))
        .route("/questions", get(questions_list))
        .route("/questions/{id}", get(question))
        .route(
            "/questions/{legislature}/{surname}/{number}",
            get(question_by_reference),
        )
        .route("/members", get(members))
        .route("/ministers", get(ministers))
        .route("/organisations", get(organisations))
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
    ctx.param(key).and_then(crate::ctx::parse_date)
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

/// `/actions/5.1`: the action with that code; the list of them when several plans hold it. An id
/// (`/actions/12`, the address before permalinks) redirects to the action's permalink.
async fn action(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let found = reference::actions_by_code(st.db(), None, &code).await?;
    match found.as_slice() {
        [one] => action_page(&st, &ctx, one.id).await,
        [] => {
            let id = path_id(&code, "action")?;
            let address = reference::action_address(st.db(), id)
                .await?
                .ok_or_else(|| AppError::not_found(format!("action {id}")))?;
            Ok(Redirect::permanent(&ctx.link(&paths::action_address(&address))).into_response())
        }
        several => {
            let items: Vec<(String, String)> = several
                .iter()
                .map(|a| {
                    (
                        paths::action_in_plan(a.plan_id, &a.code),
                        format!("{} — {}", a.code, a.plan_title),
                    )
                })
                .collect();
            let what = format!("{} {code}", ctx.t().action);
            Ok(views::choose::page(&ctx, Section::Actions, &what, &items).into_response())
        }
    }
}

/// `/plans/2/actions/5.1`: the action with that code in that plan.
async fn action_in_plan(
    State(st): State<AppState>,
    ctx: Ctx,
    Path((plan, code)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let plan = path_id(&plan, "plan")?;
    let found = reference::actions_by_code(st.db(), Some(plan), &code).await?;
    match found.first() {
        Some(a) => action_page(&st, &ctx, a.id).await,
        None => Err(AppError::not_found(format!("action {code} of plan {plan}"))),
    }
}

async fn action_page(st: &AppState, ctx: &Ctx, id: i32) -> Result<Response, AppError> {
    let window = query::action::EvidenceWindow {
        page: page_param(ctx),
        per_page: query::action::EVIDENCE_PER_PAGE,
    };
    let page = action_page_window(st.db(), id, Some(window))
        .await?
        .ok_or_else(|| AppError::not_found(format!("action {id}")))?;
    Ok(views::action::page(ctx, &page).into_response())
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

/// `/questions/3`: redirects to the question's permalink by reference; serves the page itself when
/// the question has none (an addressee without a name, a reference two questions share).
async fn question(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(raw): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&raw, "question")?;
    let address = reference::question_address(st.db(), id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("question {id}")))?;
    let permalink = paths::question_address(id, &address);
    if permalink != paths::question_by_id(id) {
        return Ok(Redirect::permanent(&ctx.link(&permalink)).into_response());
    }
    question_page_of(&st, &ctx, id).await
}

/// `/questions/19-24/clerfayt/1176`: the question with that official reference.
async fn question_by_reference(
    State(st): State<AppState>,
    ctx: Ctx,
    Path((legislature, surname, number)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let n = path_id(&number, "question number")?;
    let found = reference::questions_by_reference(st.db(), &legislature, &surname, n).await?;
    match found.as_slice() {
        [one] => question_page_of(&st, &ctx, one.id).await,
        [] => Err(AppError::not_found(format!(
            "question {legislature}/{surname}/{number}"
        ))),
        several => {
            let items: Vec<(String, String)> = several
                .iter()
                .map(|q| {
                    (
                        paths::question_by_id(q.id),
                        format!("{} — {}", q.subject, q.minister),
                    )
                })
                .collect();
            let what = ctx
                .lang
                .question_number(n.into(), &legislature.replace('-', "/"));
            Ok(views::choose::page(&ctx, Section::Questions, &what, &items).into_response())
        }
    }
}

async fn question_page_of(st: &AppState, ctx: &Ctx, id: i32) -> Result<Response, AppError> {
    let page = question_page(st.db(), id)
        .await?
        .ok_or_else(|| AppError::not_found(format!("question {id}")))?;
    Ok(views::question::page(ctx, &page).into_response())
}

/// Rows per page of the index pages.
const INDEX_PER_PAGE: u64 = 50;

async fn members(State(st): State<AppState>, ctx: Ctx) -> Result<Markup, AppError> {
    let paging = query::api::Paging::new(page_param(&ctx), INDEX_PER_PAGE);
    let p = query::api::member_list(st.db(), paging).await?;
    Ok(views::index::members(&ctx, &p))
}

async fn ministers(State(st): State<AppState>, ctx: Ctx) -> Result<Markup, AppError> {
    let paging = query::api::Paging::new(page_param(&ctx), INDEX_PER_PAGE);
    let p = query::api::minister_list(st.db(), paging).await?;
    Ok(views::index::ministers(&ctx, &p))
}

async fn organisations(State(st): State<AppState>, ctx: Ctx) -> Result<Markup, AppError> {
    let paging = query::api::Paging::new(page_param(&ctx), INDEX_PER_PAGE);
    let p = query::api::organisation_list(st.db(), paging).await?;
    Ok(views::index::organisations(&ctx, &p))
}

async fn member(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(raw): Path<String>,
) -> Result<Markup, AppError> {
    let page = by_path_id(&raw, "member", |id| member_page(st.db(), id)).await?;
    Ok(views::member::page(&ctx, &page))
}

/// A minister's page. One person or post has one page: another row of it (a question's wording
/// of the portfolio, the plan's) redirects to its canonical row (see `query::minister::People`).
async fn minister(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(raw): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&raw, "minister")?;
    match query::minister::minister_page_or_canonical(st.db(), id).await? {
        None => Err(AppError::not_found(format!("minister {id}"))),
        Some(Err(canonical)) => {
            Ok(Redirect::to(&ctx.link(&paths::minister_id(canonical))).into_response())
        }
        Some(Ok(page)) => Ok(views::minister::page(&ctx, &page).into_response()),
    }
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
