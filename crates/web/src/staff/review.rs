//! `/review`: the queue of proposed links, nearest the threshold first; decisions; links added by hand;
//! `/review/stats`: what reviewers decided, by score band.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::{Markup, html};
use vigie_store::query::common::clamp_page;
use vigie_store::staff::possible::{self, PossibleQueue};
use vigie_store::staff::review::{self, ActionChoice, Decision, Queue, QueueItem, Stats};
use vigie_store::staff::{Problem, StaffError};

use super::{back, csrf_field, refused};
use crate::auth::{Editor, FormFields, change, see_other};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::pages::path_id;
use crate::paths;
use crate::state::AppState;
use crate::views::action::reasons;
use crate::views::components::{action_link, highlight, pagination, question_link, question_meta};
use crate::views::layout::{Section, page as layout};

/// Links per page of the queue.
pub const PER_PAGE: u64 = 20;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/review", get(queue_page))
        .route("/review/stats", get(stats_page))
        .route("/review/new", get(manual_page))
        .route("/review/links", change(add_manual))
        .route("/review/confirm", change(confirm_selected))
        .route("/review/links/{id}/confirm", change(confirm))
        .route("/review/links/{id}/reject", change(reject))
        .route("/review/links/{id}/move", change(move_link))
        .route("/review/links/{id}/undo", change(undo))
        .route("/review/possible/{id}/accept", change(accept_possible))
        .route("/review/possible/{id}/dismiss", change(dismiss_possible))
}

/// Possible missed links shown under the queue.
pub const POSSIBLE_SHOWN: u64 = 20;

async fn accept_possible(
    State(st): State<AppState>,
    ctx: Ctx,
    staff: Editor,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, AppError> {
    decide_possible(st, ctx, staff, id, fields, true).await
}

async fn dismiss_possible(
    State(st): State<AppState>,
    ctx: Ctx,
    staff: Editor,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, AppError> {
    decide_possible(st, ctx, staff, id, fields, false).await
}

/// Links (`accept`) or dismisses a possible missed link, then goes back saying what was done.
async fn decide_possible(
    st: AppState,
    ctx: Ctx,
    staff: Editor,
    id: String,
    fields: FormFields,
    accept: bool,
) -> Result<Response, AppError> {
    let id = path_id(&id, "possible link")?;
    let (actor, note) = (staff.0.actor(), fields.get("note"));
    let (done, decided) = if accept {
        (
            "confirmed",
            possible::accept(st.db(), &actor, id, note).await,
        )
    } else {
        (
            "rejected",
            possible::dismiss(st.db(), &actor, id, note).await,
        )
    };
    match decided {
        Ok(link) => Ok(see_other(&after_decision(&fields, done, link))),
        Err(e) => Ok(refused(&ctx, e)),
    }
}

/// The possible missed links, nearest the threshold first, each with the passage that came
/// closest and the two decisions.
fn possible_view(ctx: &Ctx, p: &PossibleQueue, back_to: &str) -> Markup {
    let s = ctx.lang.staff();
    let t = ctx.t();
    html! {
        section aria-labelledby="possible-title" {
            h2 #possible-title { (s.possible_title) " (" (p.total) ")" }
            p { (s.possible_lead) }
            ol.review-queue {
                @for item in &p.items {
                    li {
                        article.review-item aria-labelledby={ "possible-" (item.id) } {
                            h3 id={ "possible-" (item.id) } {
                                (t.score) " " (ctx.lang.score(item.score)) " — " (action_link(ctx, &item.action))
                            }
                            p { (question_link(ctx, &item.question)) }
                            div.excerpt {
                                a href={ (ctx.link(&paths::question(&item.question))) "#p" (item.passage.position) } {
                                    (t.passage_kind(item.passage.kind)) " · " (ctx.lang.passage_n(item.passage.position.into()))
                                }
                                div { (highlight(&item.passage.text, &item.passage.words)) }
                            }
                            details.reasons {
                                summary { (t.why_this_link) }
                                (reasons(ctx, &item.passage.why))
                            }
                            div.review-actions {
                                (decision_form(ctx, &format!("/review/possible/{}/accept", item.id), s.accept_possible, back_to, item.id, "pa"))
                                (decision_form(ctx, &format!("/review/possible/{}/dismiss", item.id), s.dismiss_possible, back_to, item.id, "pr"))
                            }
                        }
                    }
                }
            }
        }
    }
}

async fn queue_page(
    State(st): State<AppState>,
    ctx: Ctx,
    _staff: Editor,
) -> Result<Markup, AppError> {
    let page = clamp_page(ctx.param("page").and_then(|p| p.parse().ok()));
    let q = review::queue(st.db(), page, PER_PAGE).await?;
    let choices = review::action_choices(st.db()).await?;
    let maybe = possible::possible(st.db(), POSSIBLE_SHOWN).await?;
    // The message after a decision: what changed, with an undo.
    let done = match (ctx.param("done"), ctx.param_id("link")) {
        (Some(_), Some(id)) => review::link_summary(st.db(), id).await?,
        _ => None,
    };
    Ok(queue_view(&ctx, &q, &maybe, &choices, done.as_ref()))
}

/// Where to go after a decision on `link`: back where the form was, saying what was done.
fn after_decision(fields: &FormFields, done: &str, link: i32) -> String {
    let back = back(fields, "/review");
    let (path, query) = back.split_once('?').unwrap_or((back.as_str(), ""));
    let mut params: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("done=") && !p.starts_with("link="))
        .collect();
    let tail = format!("done={done}&link={link}");
    params.push(&tail);
    format!("{path}?{}", params.join("&"))
}

async fn undo(
    State(st): State<AppState>,
    ctx: Ctx,
    staff: Editor,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, AppError> {
    let id = path_id(&id, "link")?;
    match review::undo(st.db(), &staff.0.actor(), id).await {
        Ok(()) => Ok(see_other(&after_decision(&fields, "undone", id))),
        Err(e) => Ok(refused(&ctx, e)),
    }
}

/// The message after a decision, naming the link and its new state, with an undo when there
/// is a decision to take back.
fn decision_notice(ctx: &Ctx, d: &review::LinkSummary) -> Markup {
    let s = ctx.lang.staff();
    let t = ctx.t();
    html! {
        div.notice role="status" {
            p {
                (s.decision_done) " " strong { (t.link_state(d.state)) } " — "
                (question_link(ctx, &d.question)) " → " (action_link(ctx, &d.action))
            }
            @if d.state != vigie_core::LinkState::Proposed && d.origin == vigie_core::LinkOrigin::Matcher {
                form method="post" action={ "/review/links/" (d.link_id) "/undo" } {
                    (csrf_field(ctx))
                    input type="hidden" name="back" value=(here(ctx));
                    button.secondary type="submit" { (s.undo) }
                }
            }
        }
    }
}

/// The page to come back to after a decision.
fn here(ctx: &Ctx) -> String {
    ctx.with_params(&[])
}

fn queue_view(
    ctx: &Ctx,
    q: &Queue,
    maybe: &PossibleQueue,
    choices: &[ActionChoice],
    done: Option<&review::LinkSummary>,
) -> Markup {
    let s = ctx.lang.staff();
    let back_to = here(ctx);
    layout(
        ctx,
        Section::Other,
        s.review_title,
        html! {
            h1 { (s.review_title) }
            @if let Some(d) = done { (decision_notice(ctx, d)) }
            p.lead { (s.n_proposed(q.total)) }
            p {
                a href=(ctx.link("/review/stats")) { (s.stats_title) }
                " · " a href=(ctx.link("/review/new")) { (s.manual_title) }
            }
            @if q.items.is_empty() {
                p { (s.queue_empty) }
            } @else {
                form #bulk method="post" action="/review/confirm" {
                    (csrf_field(ctx))
                    input type="hidden" name="back" value=(back_to);
                    div {
                        label for="bulk-note" { (s.note_optional) }
                        input #bulk-note type="text" name="note" maxlength="4000";
                    }
                    div.form-actions { button type="submit" { (s.confirm_selected) } }
                }
                ol.review-queue {
                    @for item in &q.items { li { (item_view(ctx, item, choices, &back_to)) } }
                }
                (pagination(ctx, q.page, q.pages()))
            }
            @if !maybe.items.is_empty() { (possible_view(ctx, maybe, &back_to)) }
        },
    )
}

fn item_view(ctx: &Ctx, item: &QueueItem, choices: &[ActionChoice], back_to: &str) -> Markup {
    let s = ctx.lang.staff();
    let t = ctx.t();
    let id = item.link_id;
    html! {
        article.review-item aria-labelledby={ "link-" (id) } {
            h2 id={ "link-" (id) } {
                (t.score) " " (ctx.lang.score(item.score)) " — " (action_link(ctx, &item.action))
            }
            p {
                input id={ "sel-" (id) } type="checkbox" name="link" value=(id) form="bulk";
                " " label for={ "sel-" (id) } { (s.select_for_bulk) }
            }
            p { (question_link(ctx, &item.question)) }
            (question_meta(ctx, &item.question))
            @for p in &item.passages {
                div.excerpt {
                    a href={ (ctx.link(&paths::question(&item.question))) "#p" (p.position) } {
                        (t.passage_kind(p.kind)) " · " (ctx.lang.passage_n(p.position.into()))
                    }
                    @if let Some(h) = &p.heading { " — " strong { (h) } }
                    div { (highlight(&p.text, &p.words)) }
                }
                details.reasons {
                    summary { (t.why_this_link) " (" (t.score) " " (ctx.lang.score(p.score)) ")" }
                    (reasons(ctx, &p.why))
                }
            }
            div.review-actions {
                (decision_form(ctx, &format!("/review/links/{id}/confirm"), s.confirm, back_to, id, "c"))
                (decision_form(ctx, &format!("/review/links/{id}/reject"), s.reject, back_to, id, "r"))
                form method="post" action={ "/review/links/" (id) "/move" } {
                    (csrf_field(ctx))
                    input type="hidden" name="back" value=(back_to);
                    label for={ "mv-" (id) } { (s.move_to) }
                    select id={ "mv-" (id) } name="action" required {
                        @for c in choices {
                            @if c.id != item.action.id { option value=(c.id) { (c.code) " " (c.title) } }
                        }
                    }
                    label for={ "mvn-" (id) } { (s.note_optional) }
                    input id={ "mvn-" (id) } type="text" name="note" maxlength="4000";
                    button type="submit" { (s.move_button) }
                }
            }
        }
    }
}

fn decision_form(
    ctx: &Ctx,
    action: &str,
    label: &str,
    back_to: &str,
    id: i32,
    key: &str,
) -> Markup {
    let s = ctx.lang.staff();
    html! {
        form method="post" action=(action) {
            (csrf_field(ctx))
            input type="hidden" name="back" value=(back_to);
            label for={ (key) "n-" (id) } { (s.note_optional) }
            input id={ (key) "n-" (id) } type="text" name="note" maxlength="4000";
            // Rejecting looks different from confirming: an outlined button, not a filled one.
            @if key.ends_with('r') { button.secondary type="submit" { (label) } } @else { button type="submit" { (label) } }
        }
    }
}

async fn decide(
    st: AppState,
    ctx: Ctx,
    staff: Editor,
    id: String,
    fields: FormFields,
    d: Decision,
) -> Result<Response, AppError> {
    let id = path_id(&id, "link")?;
    match review::decide(st.db(), &staff.0.actor(), id, d, fields.get("note")).await {
        Ok(()) => Ok(see_other(&after_decision(
            &fields,
            match d {
                Decision::Confirm => "confirmed",
                Decision::Reject => "rejected",
            },
            id,
        ))),
        Err(e) => Ok(refused(&ctx, e)),
    }
}

async fn confirm(
    State(st): State<AppState>,
    ctx: Ctx,
    staff: Editor,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, AppError> {
    decide(st, ctx, staff, id, fields, Decision::Confirm).await
}

async fn reject(
    State(st): State<AppState>,
    ctx: Ctx,
    staff: Editor,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, AppError> {
    decide(st, ctx, staff, id, fields, Decision::Reject).await
}

async fn move_link(
    State(st): State<AppState>,
    ctx: Ctx,
    staff: Editor,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, AppError> {
    let id = path_id(&id, "link")?;
    let Some(target) = fields.id("action") else {
        return Ok(super::problem(
            &ctx,
            axum::http::StatusCode::BAD_REQUEST,
            ctx.lang.staff().choose_action,
        ));
    };
    let merge = fields.get("merge") == Some("1");
    match review::move_link(
        st.db(),
        &staff.0.actor(),
        id,
        target,
        fields.get("note"),
        merge,
    )
    .await
    {
        Ok(new) => Ok(see_other(&after_decision(&fields, "moved", new))),
        // Landing on a link the question already has: ask before merging the two.
        Err(StaffError::Refused(p @ Problem::WouldMerge(_))) => {
            Ok(confirm_merge(&ctx, id, target, &fields, &p))
        }
        Err(e) => Ok(refused(&ctx, e)),
    }
}

async fn confirm_selected(
    State(st): State<AppState>,
    ctx: Ctx,
    staff: Editor,
    fields: FormFields,
) -> Result<Response, AppError> {
    let ids: Vec<i32> = fields
        .all("link")
        .iter()
        .filter_map(|v| v.trim().parse::<i32>().ok())
        .collect();
    match review::confirm_many(st.db(), &staff.0.actor(), &ids, fields.get("note")).await {
        Ok(_) => Ok(see_other(&back(&fields, "/review"))),
        Err(e) => Ok(refused(&ctx, e)),
    }
}

async fn manual_page(
    State(st): State<AppState>,
    ctx: Ctx,
    _staff: Editor,
) -> Result<Markup, AppError> {
    let s = ctx.lang.staff();
    // The question: by its official reference (legislature, minister, number, as printed on it),
    // or by its id (links from other staff pages).
    let reference = (
        ctx.param("legislature"),
        ctx.param("minister"),
        ctx.param("number"),
    );
    let mut problem: Option<String> = None;
    let mut several: Vec<i32> = Vec::new();
    let question = match (ctx.param_id("question"), reference) {
        (Some(q), _) => Some(q),
        (None, (Some(l), Some(m), Some(n))) => match n.parse::<i32>() {
            Ok(n) if n > 0 => {
                let found: Vec<i32> =
                    vigie_store::query::reference::questions_by_reference(st.db(), l, m, n)
                        .await?
                        .into_iter()
                        .map(|q| q.id)
                        .collect();
                match found.as_slice() {
                    [one] => Some(*one),
                    [] => {
                        problem = Some(s.no_question_with_reference(l, m, n));
                        None
                    }
                    _ => {
                        several = found;
                        None
                    }
                }
            }
            _ => {
                problem = Some(s.bad_question_number(n));
                None
            }
        },
        (None, (None, None, None)) => None,
        (None, _) => {
            problem = Some(s.incomplete_reference.to_string());
            None
        }
    };
    let form = match question {
        Some(q) => Some(
            review::manual_link_form(st.db(), q)
                .await?
                .ok_or_else(|| AppError::not_found(format!("question {q}")))?,
        ),
        None => None,
    };
    Ok(layout(
        &ctx,
        Section::Other,
        s.manual_title,
        html! {
            h1 { (s.manual_title) }
            p { (s.manual_intro) }
            @if let Some(p) = &problem { p.error role="alert" { (p) } }
            form.filters method="get" action="/review/new" {
                div {
                    label for="ml" { (s.ref_legislature) }
                    input #ml type="text" name="legislature" placeholder="24/29" maxlength="5" value=[ctx.param("legislature")];
                }
                div {
                    label for="mm" { (s.ref_minister) }
                    input #mm type="text" name="minister" placeholder="Clerfayt" maxlength="64" value=[ctx.param("minister")];
                }
                div {
                    label for="mq" { (s.ref_number) }
                    input #mq type="number" name="number" min="1" value=[ctx.param("number")];
                }
                div.form-actions { button type="submit" { (s.choose) } }
            }
            @if !several.is_empty() {
                p { (s.several_questions) }
                ul { @for id in &several { li { a href=(ctx.link(&format!("/review/new?question={id}"))) { (s.question_id) " " (id) } } } }
            }
            @if let Some(f) = &form {
                h2 { (question_link(&ctx, &f.question)) }
                (question_meta(&ctx, &f.question))
                form.staff-form method="post" action="/review/links" {
                    (csrf_field(&ctx))
                    fieldset {
                        legend { (s.choose_passage) }
                        @for (i, p) in f.passages.iter().enumerate() {
                            div.choice {
                                input id={ "mp-" (p.id) } type="radio" name="passage" value=(p.id) required checked[i == 0];
                                label for={ "mp-" (p.id) } {
                                    strong { (ctx.lang.passage_n(p.position.into())) } " " (p.text)
                                }
                            }
                        }
                    }
                    div {
                        label for="ma" { (s.action_label) }
                        select #ma name="action" required {
                            @for c in &f.actions { option value=(c.id) { (c.code) " " (c.title) } }
                        }
                    }
                    div {
                        label for="mn" { (s.note_required) }
                        textarea #mn name="note" required maxlength="4000" rows="3" {}
                    }
                    div.form-actions { button type="submit" { (s.add_link) } }
                }
            }
        },
    ))
}

async fn add_manual(
    State(st): State<AppState>,
    ctx: Ctx,
    staff: Editor,
    fields: FormFields,
) -> Result<Response, AppError> {
    let (Some(passage), Some(action)) = (fields.id("passage"), fields.id("action")) else {
        return Ok(super::problem(
            &ctx,
            axum::http::StatusCode::BAD_REQUEST,
            ctx.lang.staff().choose_passage_and_action,
        ));
    };
    match review::add_manual(
        st.db(),
        &staff.0.actor(),
        passage,
        action,
        fields.get("note").unwrap_or(""),
    )
    .await
    {
        Ok(_) => Ok(see_other(&format!("/actions/{action}"))),
        Err(e) => Ok(refused(&ctx, e)),
    }
}

async fn stats_page(
    State(st): State<AppState>,
    ctx: Ctx,
    _staff: Editor,
) -> Result<Markup, AppError> {
    let stats = review::stats(st.db()).await?;
    Ok(stats_view(&ctx, &stats))
}

fn stats_view(ctx: &Ctx, stats: &Stats) -> Markup {
    let s = ctx.lang.staff();
    let pct = |b: &review::Band| match b.precision() {
        Some(p) => ctx.lang.percent((p * 1000.0).round() as u64, 1000),
        None => "—".to_string(),
    };
    layout(
        ctx,
        Section::Other,
        s.stats_title,
        html! {
            h1 { (s.stats_title) }
            p.lead { (s.stats_intro) }
            div.table-scroll {
                table {
                    caption { (s.stats_caption) }
                    thead { tr {
                        th scope="col" { (s.score_band) }
                        th scope="col" { (s.proposed) }
                        th scope="col" { (s.confirmed) }
                        th scope="col" { (s.rejected) }
                        th scope="col" { (s.precision) }
                    } }
                    tbody {
                        @for b in &stats.bands {
                            tr {
                                th scope="row" { (ctx.lang.score(b.from)) " – " (ctx.lang.score(b.to)) }
                                td { (b.proposed) } td { (b.confirmed) } td { (b.rejected) } td { (pct(b)) }
                            }
                        }
                    }
                    tfoot {
                        tr {
                            th scope="row" { (ctx.t().total) }
                            td { (stats.total.proposed) } td { (stats.total.confirmed) } td { (stats.total.rejected) }
                            td { (pct(&stats.total)) }
                        }
                    }
                }
            }
            p { (s.manual_links) ": " (stats.manual) }
            p { a href=(ctx.link("/review")) { (s.review_title) } }
        },
    )
}

/// The question before a move that would merge two links: what happens, then the same move again
/// with `merge=1`, or back to where the form was.
fn confirm_merge(ctx: &Ctx, link: i32, target: i32, fields: &FormFields, p: &Problem) -> Response {
    let s = ctx.lang.staff();
    let back_to = super::back(fields, "/review");
    let body = html! {
        h1 { (s.merge_title) }
        p.notice role="alert" { (s.refusal(p)) }
        form method="post" action=(format!("/review/links/{link}/move")) {
            (csrf_field(ctx))
            input type="hidden" name="action" value=(target);
            input type="hidden" name="merge" value="1";
            @if let Some(n) = fields.get("note") { input type="hidden" name="note" value=(n); }
            input type="hidden" name="back" value=(back_to);
            div.form-actions {
                button type="submit" { (s.merge_button) }
                a href=(ctx.link(&back_to)) { (s.cancel) }
            }
        }
    };
    (
        axum::http::StatusCode::CONFLICT,
        layout(ctx, Section::Other, s.merge_title, body),
    )
        .into_response()
}
