//! Status assessments on an action page, and the public history of an action
//! (`/actions/{id}/history`): every staff change that concerns it, who made it, when, and why.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use maud::{Markup, html};
use vigie_core::Status;
use vigie_store::query::action::ActionPage;
use vigie_store::query::common::actions_by_ids;
use vigie_store::staff::audit::Field;
use vigie_store::staff::{assessments, audit};

use super::{csrf_field, refused};
use crate::auth::{Editor, FormFields, change, see_other};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::pages::path_id;
use crate::state::AppState;
use crate::views::components::{action_link, status_badge};
use crate::views::layout::{Section, page as layout};

/// Most history rows shown.
pub const HISTORY_LIMIT: u64 = 500;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/actions/{id}/assessment", change(assess))
        .route("/actions/{id}/history", get(history))
}

async fn assess(
    State(st): State<AppState>,
    ctx: Ctx,
    staff: Editor,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, AppError> {
    let id = path_id(&id, "action")?;
    let Some(status) = fields.get("status").and_then(Status::parse) else {
        return Ok(super::problem(
            &ctx,
            axum::http::StatusCode::BAD_REQUEST,
            ctx.lang.staff().choose_status,
        ));
    };
    let justification = fields.get("justification").unwrap_or("");
    match assessments::assess(st.db(), &staff.0.actor(), id, status, justification).await {
        Ok(_) => Ok(see_other(&format!("/actions/{id}#assessment"))),
        Err(e) => Ok(refused(&ctx, e)),
    }
}

/// The staff assessment beside the evidence-based status, the disagreement flag, the form for
/// staff, and the link to the history. Called by the action page.
pub fn assessment_section(ctx: &Ctx, p: &ActionPage) -> Markup {
    let s = ctx.lang.staff();
    let engine = p
        .current
        .as_ref()
        .map(|c| c.status)
        .unwrap_or(Status::NoFollowUp);
    let id = p.action.id;
    html! {
        section.status-box #assessment aria-labelledby="assessment-title" {
            h2 #assessment-title { (s.assessment_title) }
            @match &p.assessment {
                Some(a) => {
                    p { (status_badge(ctx, a.status)) " " (s.set_by(&a.user_name, &ctx.lang.date(a.created_at.date_naive()))) }
                    blockquote.justification { (a.justification) }
                    @if a.status != engine {
                        p.flag role="note" {
                            strong { (s.disagrees) } " " (s.evidence_says) " " (status_badge(ctx, engine))
                        }
                    } @else {
                        p { (s.agrees) }
                    }
                }
                None => p { (s.no_assessment) },
            }
            p { a href=(ctx.link(&format!("/actions/{id}/history"))) { (s.history_link) } }
            @if ctx.user.is_some() {
                form.staff-form method="post" action={ "/actions/" (id) "/assessment" } {
                    (csrf_field(ctx))
                    div {
                        label for="as-status" { (s.new_status) }
                        select #as-status name="status" required {
                            @for st in Status::ALL {
                                option value=(st.as_str()) selected[p.assessment.as_ref().map(|a| a.status) == Some(st)] {
                                    (ctx.t().status(st))
                                }
                            }
                        }
                    }
                    div {
                        label for="as-why" { (s.justification_required) }
                        textarea #as-why name="justification" required maxlength="4000" rows="3" {}
                    }
                    div.form-actions { button type="submit" { (s.save_assessment) } }
                }
            }
        }
    }
}

async fn history(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Markup, AppError> {
    let id = path_id(&id, "action")?;
    let action = actions_by_ids(st.db(), &[id])
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| AppError::not_found(format!("action {id}")))?;
    let entries = audit::for_action(st.db(), id, HISTORY_LIMIT).await?;
    let s = ctx.lang.staff();
    let title = format!("{} {}", s.history_title, action.code);
    Ok(layout(
        &ctx,
        Section::Actions,
        &title,
        html! {
            h1 { (s.history_title) " — " (action_link(&ctx, &action)) }
            p.lead { (s.history_intro) }
            @if entries.is_empty() {
                p { (s.history_empty) }
            } @else {
                div.table-scroll {
                    table.history {
                        thead { tr {
                            th scope="col" { (s.when) }
                            th scope="col" { (s.who) }
                            th scope="col" { (s.what) }
                            th scope="col" { (s.before) }
                            th scope="col" { (s.after) }
                            th scope="col" { (s.why) }
                        } }
                        tbody {
                            @for e in &entries {
                                tr {
                                    td { time datetime=(e.at.to_rfc3339()) { (ctx.lang.date(e.at.date_naive())) " " (e.at.format("%H:%M")) } }
                                    td { (e.user_name) }
                                    td { (s.change_kind(e.kind)) }
                                    td { (change_value(&ctx, e.before.as_ref())) }
                                    td { (change_value(&ctx, e.after.as_ref())) }
                                    td { @if let Some(w) = &e.why { (w) } }
                                }
                            }
                        }
                    }
                }
            }
        },
    ))
}

/// A before/after value: its known fields in words, everything escaped.
fn change_value(ctx: &Ctx, v: Option<&serde_json::Value>) -> Markup {
    let s = ctx.lang.staff();
    let Some(fields) = v.and_then(audit::fields) else {
        return html! { "—" };
    };
    html! {
        ul.plain {
            @for (k, v) in fields {
                @let shown = match v {
                    Field::Status(st) => ctx.t().status(st).to_string(),
                    Field::LinkState(st) => s.link_state(st).to_string(),
                    Field::LinkOrigin(o) => o.as_str().to_string(),
                    Field::Role(r) => r.as_str().to_string(),
                    Field::Text(x) => x.to_string(),
                    Field::Null => "—".into(),
                    Field::Other(other) => other.to_string(),
                };
                li { (s.field_name(k)) ": " (shown) }
            }
        }
    }
}
