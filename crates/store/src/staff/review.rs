//! The review of links: the queue of proposed links (strongest first), decisions on them
//! (confirm, reject, move to another action, confirm several), links added by hand, and the
//! matcher's measured precision by score band.
//!
//! A reviewed link is never changed by the matcher again (it only touches `proposed` links of
//! origin `matcher`). That is why moving a link does not rewrite its action: the original pair
//! is kept as `rejected` — so the matcher does not propose it again — and the new pair is
//! stored as a confirmed link. Each decision sets `reviewed_by`/`reviewed_at` and writes its
//! audit row in the same transaction.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, Statement,
};
use serde::Serialize;
use serde_json::{Value, json};
use vigie_core::{LinkOrigin, LinkState};

use super::audit::AuditKind;
use super::{Actor, Field, MAX_TEXT, Problem, StaffError, audit, optional_text, required_text};
use crate::decode::decode;
use crate::entity::{action, link, link_passage, passage};
use crate::query::common::{
    ActionRef, LinkedPassage, QuestionRef, actions_by_ids, passages_of_links, questions_by_ids,
};

/// `matcher_version` of links staff made.
pub const MANUAL_VERSION: &str = "manual";
/// Score given to a link staff made by hand: a person vouches for it.
pub const MANUAL_SCORE: f64 = 1.0;
/// Most links on one page of the queue.
pub const MAX_PER_PAGE: u64 = 100;
/// Most links confirmed at once.
pub const MAX_BULK: usize = 200;

/// One proposed link in the queue.
#[derive(Clone, Debug, Serialize)]
pub struct QueueItem {
    pub link_id: i32,
    pub score: f64,
    pub matcher_version: String,
    pub question: QuestionRef,
    pub action: ActionRef,
    /// Supporting passages, best first.
    pub passages: Vec<LinkedPassage>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Queue {
    pub items: Vec<QueueItem>,
    /// Proposed links in all.
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
}

impl Queue {
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }
}

/// Page `page` (from 1) of the proposed links, nearest the threshold first: those are the
/// matcher's least sure decisions, where a person's look changes most (the strongest are right
/// nine times out of ten, docs/matching.md).
pub async fn queue<C: ConnectionTrait>(db: &C, page: u64, per_page: u64) -> Result<Queue, DbErr> {
    let per_page = per_page.clamp(1, MAX_PER_PAGE);
    let page = page.clamp(1, 100_000);
    let base = link::Entity::find().filter(link::Column::State.eq(LinkState::Proposed.as_str()));
    let total = base.clone().count(db).await?;
    let links = base
        .order_by_asc(link::Column::Score)
        .order_by_asc(link::Column::Id)
        .offset((page - 1) * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    let items = hydrate(db, links).await?;
    Ok(Queue {
        items,
        total,
        page,
        per_page,
    })
}

/// Loads questions, actions and passages for `links` (a fixed number of queries).
async fn hydrate<C: ConnectionTrait>(
    db: &C,
    links: Vec<link::Model>,
) -> Result<Vec<QueueItem>, DbErr> {
    let link_ids: Vec<i32> = links.iter().map(|l| l.id).collect();
    let question_ids: Vec<i32> = dedup(links.iter().map(|l| l.question_id));
    let action_ids: Vec<i32> = dedup(links.iter().map(|l| l.action_id));
    let questions: HashMap<i32, QuestionRef> = questions_by_ids(db, &question_ids)
        .await?
        .into_iter()
        .map(|q| (q.id, q))
        .collect();
    let actions: HashMap<i32, ActionRef> = actions_by_ids(db, &action_ids)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let mut by_link = passages_of_links(db, &link_ids).await?;
    Ok(links
        .into_iter()
        .filter_map(|l| {
            Some(QueueItem {
                link_id: l.id,
                score: l.score,
                matcher_version: l.matcher_version,
                question: questions.get(&l.question_id)?.clone(),
                action: actions.get(&l.action_id)?.clone(),
                passages: by_link.remove(&l.id).unwrap_or_default(),
            })
        })
        .collect())
}

fn dedup(ids: impl Iterator<Item = i32>) -> Vec<i32> {
    let mut v: Vec<i32> = ids.collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// An action to choose in a select: id, code and short title, in plan order.
#[derive(Clone, Debug, Serialize)]
pub struct ActionChoice {
    pub id: i32,
    pub code: String,
    pub title: String,
}

pub async fn action_choices<C: ConnectionTrait>(db: &C) -> Result<Vec<ActionChoice>, DbErr> {
    let rows = action::Entity::find()
        .order_by_asc(action::Column::PlanId)
        .order_by_asc(action::Column::AxisId)
        .order_by_asc(action::Column::Position)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|a| {
            // The status is not shown in the choice list.
            let shown = crate::query::common::Shown {
                status: vigie_core::Status::NoFollowUp,
                unreviewed: false,
            };
            let r = ActionRef::from_model(a, shown);
            ActionChoice {
                id: r.id,
                code: r.code.clone(),
                title: r.title(),
            }
        })
        .collect())
}

/// A question with its passages, for the "add a link by hand" form.
#[derive(Clone, Debug, Serialize)]
pub struct ManualLinkForm {
    pub question: QuestionRef,
    pub passages: Vec<passage::Model>,
    pub actions: Vec<ActionChoice>,
}

pub async fn manual_link_form<C: ConnectionTrait>(
    db: &C,
    question_id: i32,
) -> Result<Option<ManualLinkForm>, DbErr> {
    let Some(question) = questions_by_ids(db, &[question_id])
        .await?
        .into_iter()
        .next()
    else {
        return Ok(None);
    };
    let passages = passage::Entity::find()
        .filter(passage::Column::QuestionId.eq(question_id))
        .order_by_asc(passage::Column::Position)
        .all(db)
        .await?;
    Ok(Some(ManualLinkForm {
        question,
        passages,
        actions: action_choices(db).await?,
    }))
}

pub(crate) fn link_view(l: &link::Model) -> Value {
    json!({
        "question_id": l.question_id,
        "action_id": l.action_id,
        "state": l.state,
        "origin": l.origin,
        "score": l.score,
        "note": l.note,
    })
}

/// A decision on one link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Confirm,
    Reject,
}

impl Decision {
    fn state(self) -> LinkState {
        match self {
            Decision::Confirm => LinkState::Confirmed,
            Decision::Reject => LinkState::Rejected,
        }
    }

    fn kind(self) -> AuditKind {
        match self {
            Decision::Confirm => AuditKind::LinkConfirm,
            Decision::Reject => AuditKind::LinkReject,
        }
    }
}

async fn find_link<C: ConnectionTrait>(db: &C, id: i32) -> Result<link::Model, StaffError> {
    link::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| StaffError::NotFound(format!("link {id}")))
}

/// Sets the state of `link` (in the caller's transaction) and writes the audit row.
async fn set_state<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    l: link::Model,
    decision: Decision,
    note: Option<&str>,
    kind: AuditKind,
    moved_to: Option<&str>,
) -> Result<link::Model, StaffError> {
    let before = link_view(&l);
    let now = Utc::now();
    let old_note = l.note.clone();
    let mut am = l.into_active_model();
    am.state = Set(decision.state().as_str().to_string());
    am.reviewed_by = Set(Some(actor.name.clone()));
    am.reviewed_at = Set(Some(now));
    am.updated_at = Set(now);
    if let Some(n) = note {
        // A new note is added to the link's note, never written over it.
        am.note = Set(Some(merge_notes(old_note.as_deref(), n)));
    }
    let l = am.update(txn).await?;
    audit::write(
        txn,
        actor,
        audit::Change {
            kind,
            entity: "link",
            entity_id: Some(l.id),
            action_id: Some(l.action_id),
            before: Some(before),
            // A move names its target, so the history can say where the link went.
            after: Some(match moved_to {
                Some(code) => {
                    let mut v = link_view(&l);
                    v["moved_to"] = json!(code);
                    v
                }
                None => link_view(&l),
            }),
            why: note,
        },
    )
    .await?;
    Ok(l)
}

/// `new` after `old`, one per line; `new` alone when there was no note or it says the same.
fn merge_notes(old: Option<&str>, new: &str) -> String {
    match old.map(str::trim) {
        Some(o)
            if !o.is_empty() && o != new.trim() && !o.lines().any(|l| l.trim() == new.trim()) =>
        {
            format!("{o}\n{new}")
        }
        _ => new.to_string(),
    }
}

/// Confirms or rejects one link, with an optional note (kept on the link and in the audit).
pub async fn decide(
    db: &DatabaseConnection,
    actor: &Actor,
    link_id: i32,
    decision: Decision,
    note: Option<&str>,
) -> Result<(), StaffError> {
    let note = optional_text(note, Field::Note, MAX_TEXT)?;
    let txn = crate::write::begin(db).await?;
    let l = find_link(&txn, link_id).await?;
    let action_id = l.action_id;
    set_state(
        &txn,
        actor,
        l,
        decision,
        note.as_deref(),
        decision.kind(),
        None,
    )
    .await?;
    // The status the public sees follows the decision in the same transaction.
    crate::matching::recompute_statuses(&txn, &[action_id]).await?;
    txn.commit().await?;
    Ok(())
}

/// One link as the message after a decision names it: its question, its action, its state now.
#[derive(Clone, Debug, Serialize)]
pub struct LinkSummary {
    pub link_id: i32,
    pub question: QuestionRef,
    pub action: ActionRef,
    pub state: LinkState,
    pub origin: LinkOrigin,
}

pub async fn link_summary<C: ConnectionTrait>(
    db: &C,
    link_id: i32,
) -> Result<Option<LinkSummary>, DbErr> {
    let Some(l) = link::Entity::find_by_id(link_id).one(db).await? else {
        return Ok(None);
    };
    let question = questions_by_ids(db, &[l.question_id])
        .await?
        .into_iter()
        .next();
    let action = actions_by_ids(db, &[l.action_id]).await?.into_iter().next();
    let (Some(question), Some(action)) = (question, action) else {
        return Ok(None);
    };
    Ok(Some(LinkSummary {
        link_id,
        question,
        action,
        state: crate::decode::decode("link.state", &l.state)?,
        origin: crate::decode::decode("link.origin", &l.origin)?,
    }))
}

/// Takes back a confirmation or a rejection of one of the matcher's links: it is a proposal
/// again, as the matcher made it (the note stays; the audit row keeps what was undone). Links
/// made by hand, or already proposed, are refused: there is no decision to take back.
pub async fn undo(db: &DatabaseConnection, actor: &Actor, link_id: i32) -> Result<(), StaffError> {
    let txn = crate::write::begin(db).await?;
    let l = find_link(&txn, link_id).await?;
    let state: LinkState = crate::decode::decode("link.state", &l.state)?;
    let origin: LinkOrigin = crate::decode::decode("link.origin", &l.origin)?;
    if origin != LinkOrigin::Matcher || state == LinkState::Proposed {
        return Err(StaffError::Refused(Problem::NothingToUndo(link_id)));
    }
    let before = link_view(&l);
    let action_id = l.action_id;
    let mut am = l.into_active_model();
    am.state = Set(LinkState::Proposed.as_str().to_string());
    am.reviewed_by = Set(None);
    am.reviewed_at = Set(None);
    am.updated_at = Set(Utc::now());
    let l = am.update(&txn).await?;
    audit::write(
        &txn,
        actor,
        audit::Change {
            kind: AuditKind::LinkUndo,
            entity: "link",
            entity_id: Some(l.id),
            action_id: Some(action_id),
            before: Some(before),
            after: Some(link_view(&l)),
            why: None,
        },
    )
    .await?;
    crate::matching::recompute_statuses(&txn, &[action_id]).await?;
    txn.commit().await?;
    Ok(())
}

/// Confirms several links at once (all or none). Returns how many were confirmed.
pub async fn confirm_many(
    db: &DatabaseConnection,
    actor: &Actor,
    link_ids: &[i32],
    note: Option<&str>,
) -> Result<usize, StaffError> {
    let note = optional_text(note, Field::Note, MAX_TEXT)?;
    let ids = dedup(link_ids.iter().copied());
    if ids.is_empty() {
        return Err(StaffError::Refused(Problem::NothingSelected));
    }
    if ids.len() > MAX_BULK {
        return Err(StaffError::Refused(Problem::TooMany(MAX_BULK)));
    }
    let txn = crate::write::begin(db).await?;
    let rows = link::Entity::find()
        .filter(link::Column::Id.is_in(ids.clone()))
        .all(&txn)
        .await?;
    if rows.len() != ids.len() {
        let found: Vec<i32> = rows.iter().map(|l| l.id).collect();
        let missing: Vec<String> = ids
            .iter()
            .filter(|i| !found.contains(i))
            .map(|i| i.to_string())
            .collect();
        return Err(StaffError::NotFound(format!("link {}", missing.join(", "))));
    }
    let n = rows.len();
    let touched: Vec<i32> = rows.iter().map(|l| l.action_id).collect();
    for l in rows {
        set_state(
            &txn,
            actor,
            l,
            Decision::Confirm,
            note.as_deref(),
            AuditKind::LinkConfirm,
            None,
        )
        .await?;
    }
    crate::matching::recompute_statuses(&txn, &touched).await?;
    txn.commit().await?;
    Ok(n)
}

/// Copies the passages of one link onto another (those it does not have yet), marked as a
/// person's choice.
async fn copy_passages<C: ConnectionTrait>(
    txn: &C,
    from_link: i32,
    to_link: i32,
    reasons: &Value,
) -> Result<(), DbErr> {
    let have: Vec<i32> = link_passage::Entity::find()
        .filter(link_passage::Column::LinkId.eq(to_link))
        .all(txn)
        .await?
        .into_iter()
        .map(|lp| lp.passage_id)
        .collect();
    let from = link_passage::Entity::find()
        .filter(link_passage::Column::LinkId.eq(from_link))
        .all(txn)
        .await?;
    for lp in from.into_iter().filter(|lp| !have.contains(&lp.passage_id)) {
        link_passage::ActiveModel {
            link_id: Set(to_link),
            passage_id: Set(lp.passage_id),
            score: Set(lp.score),
            reasons: Set(reasons.to_string()),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

/// [`confirm_pair`], then makes sure the link carries `passage` (id, score, reasons JSON).
pub(crate) async fn confirm_pair_with_passage<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    question_id: i32,
    action_id: i32,
    note: Option<&str>,
    passage: (i32, f64, &str),
) -> Result<link::Model, StaffError> {
    let l = confirm_pair(txn, actor, question_id, action_id, note).await?;
    let (passage_id, score, reasons) = passage;
    let has = link_passage::Entity::find()
        .filter(link_passage::Column::LinkId.eq(l.id))
        .filter(link_passage::Column::PassageId.eq(passage_id))
        .one(txn)
        .await?
        .is_some();
    if !has {
        link_passage::ActiveModel {
            link_id: Set(l.id),
            passage_id: Set(passage_id),
            score: Set(score),
            reasons: Set(reasons.to_string()),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(l)
}

/// Confirms the link (question, action) — creating it as a manual link when there is none — and
/// withdraws the pair from the possible missed links. Returns the link.
pub(crate) async fn confirm_pair<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    question_id: i32,
    action_id: i32,
    note: Option<&str>,
) -> Result<link::Model, StaffError> {
    crate::entity::possible_link::Entity::delete_many()
        .filter(crate::entity::possible_link::Column::QuestionId.eq(question_id))
        .filter(crate::entity::possible_link::Column::ActionId.eq(action_id))
        .exec(txn)
        .await?;
    let existing = link::Entity::find()
        .filter(link::Column::QuestionId.eq(question_id))
        .filter(link::Column::ActionId.eq(action_id))
        .one(txn)
        .await?;
    if let Some(l) = existing {
        return set_state(
            txn,
            actor,
            l,
            Decision::Confirm,
            note,
            AuditKind::LinkConfirm,
            None,
        )
        .await;
    }
    let now = Utc::now();
    let l = link::ActiveModel {
        question_id: Set(question_id),
        action_id: Set(action_id),
        score: Set(MANUAL_SCORE),
        state: Set(LinkState::Confirmed.as_str().to_string()),
        origin: Set(LinkOrigin::Manual.as_str().to_string()),
        matcher_version: Set(MANUAL_VERSION.to_string()),
        note: Set(note.map(str::to_string)),
        created_at: Set(now),
        updated_at: Set(now),
        reviewed_by: Set(Some(actor.name.clone())),
        reviewed_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    audit::write(
        txn,
        actor,
        audit::Change {
            kind: AuditKind::LinkAdd,
            entity: "link",
            entity_id: Some(l.id),
            action_id: Some(action_id),
            before: None,
            after: Some(link_view(&l)),
            why: note,
        },
    )
    .await?;
    Ok(l)
}

/// Moves a link to another action: the original (question, action) is rejected and kept, the
/// question is linked to `target_action` (confirmed) with the same passages. Returns the id of
/// the target link. When the question is already linked to `target_action`, the move merges into
/// that link, and is refused ([`Problem::WouldMerge`]) unless `merge`; the notes of both are kept.
pub async fn move_link(
    db: &DatabaseConnection,
    actor: &Actor,
    link_id: i32,
    target_action: i32,
    note: Option<&str>,
    merge: bool,
) -> Result<i32, StaffError> {
    let note = optional_text(note, Field::Note, MAX_TEXT)?;
    let txn = crate::write::begin(db).await?;
    let l = find_link(&txn, link_id).await?;
    if l.action_id == target_action {
        return Err(StaffError::Refused(Problem::AlreadyOnAction));
    }
    let target = action::Entity::find_by_id(target_action)
        .one(&txn)
        .await?
        .ok_or_else(|| StaffError::NotFound(format!("action {target_action}")))?;
    // Landing on a link the question already has merges the two: only when staff said so.
    let lands_on_existing = link::Entity::find()
        .filter(link::Column::QuestionId.eq(l.question_id))
        .filter(link::Column::ActionId.eq(target_action))
        .one(&txn)
        .await?
        .is_some();
    if lands_on_existing && !merge {
        return Err(StaffError::Refused(Problem::WouldMerge(target.code)));
    }
    let from_code = action::Entity::find_by_id(l.action_id)
        .one(&txn)
        .await?
        .map(|a| a.code)
        .unwrap_or_default();
    let (question_id, old_id, old_action) = (l.question_id, l.id, l.action_id);
    set_state(
        &txn,
        actor,
        l,
        Decision::Reject,
        note.as_deref(),
        AuditKind::LinkMove,
        Some(&target.code),
    )
    .await?;
    let reasons = json!({ "manual": { "by": actor.name, "moved_from": from_code, "note": note } });
    let new = confirm_pair(&txn, actor, question_id, target.id, note.as_deref()).await?;
    copy_passages(&txn, old_id, new.id, &reasons).await?;
    crate::matching::recompute_statuses(&txn, &[old_action, target.id]).await?;
    txn.commit().await?;
    Ok(new.id)
}

/// Links the passage `passage_id` (and so its question) to `action_id` by hand, confirmed,
/// with a note (required: it is the reason the public sees). Returns the link id.
pub async fn add_manual(
    db: &DatabaseConnection,
    actor: &Actor,
    passage_id: i32,
    action_id: i32,
    note: &str,
) -> Result<i32, StaffError> {
    let note = required_text(note, Field::Note, MAX_TEXT)?;
    let txn = crate::write::begin(db).await?;
    let p = passage::Entity::find_by_id(passage_id)
        .one(&txn)
        .await?
        .ok_or_else(|| StaffError::NotFound(format!("passage {passage_id}")))?;
    if action::Entity::find_by_id(action_id)
        .one(&txn)
        .await?
        .is_none()
    {
        return Err(StaffError::NotFound(format!("action {action_id}")));
    }
    let reasons = json!({ "manual": { "by": actor.name, "note": note } });
    let l = confirm_pair_with_passage(
        &txn,
        actor,
        p.question_id,
        action_id,
        Some(&note),
        (p.id, MANUAL_SCORE, &reasons.to_string()),
    )
    .await?;
    crate::matching::recompute_statuses(&txn, &[action_id]).await?;
    txn.commit().await?;
    Ok(l.id)
}

/// Review outcomes of the matcher's links whose score falls in `[from, to)` (the last band
/// includes 1.0).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Band {
    pub from: f64,
    pub to: f64,
    pub proposed: u64,
    pub confirmed: u64,
    pub rejected: u64,
}

impl Band {
    /// Confirmed among reviewed: the matcher's measured precision in this band.
    pub fn precision(&self) -> Option<f64> {
        let reviewed = self.confirmed + self.rejected;
        (reviewed > 0).then(|| self.confirmed as f64 / reviewed as f64)
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Stats {
    pub bands: Vec<Band>,
    pub total: Band,
    /// Links staff added by hand (the matcher missed them).
    pub manual: u64,
}

/// Number of score bands (0.0–0.2, …, 0.8–1.0).
pub const BANDS: usize = 5;

/// The matcher's links by score band and review state, and the count of manual links.
pub async fn stats<C: ConnectionTrait>(db: &C) -> Result<Stats, DbErr> {
    // Constant SQL (no input): bands computed by the database, one row per (state, band).
    // `CAST … AS BIGINT`: PostgreSQL types the bare CASE as a 4-byte integer.
    let sql = "SELECT state, origin, \
                 CAST(CASE WHEN score >= 0.8 THEN 4 WHEN score >= 0.6 THEN 3 WHEN score >= 0.4 THEN 2 \
                      WHEN score >= 0.2 THEN 1 ELSE 0 END AS BIGINT) AS band, \
                 COUNT(*) AS n \
               FROM link GROUP BY state, origin, band";
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    let mut bands: Vec<Band> = (0..BANDS)
        .map(|i| Band {
            from: i as f64 / BANDS as f64,
            to: (i + 1) as f64 / BANDS as f64,
            ..Default::default()
        })
        .collect();
    let mut total = Band {
        from: 0.0,
        to: 1.0,
        ..Default::default()
    };
    let mut manual = 0;
    for row in rows {
        let state: LinkState = decode("link.state", &row.try_get::<String>("", "state")?)?;
        let origin: LinkOrigin = decode("link.origin", &row.try_get::<String>("", "origin")?)?;
        let band: i64 = row.try_get("", "band")?;
        let n: i64 = row.try_get("", "n")?;
        let n = u64::try_from(n).unwrap_or(0);
        if origin != LinkOrigin::Matcher {
            manual += n;
            continue;
        }
        let b = &mut bands[usize::try_from(band).unwrap_or(0).min(BANDS - 1)];
        for target in [b, &mut total] {
            match state {
                LinkState::Proposed => target.proposed += n,
                LinkState::Confirmed => target.confirmed += n,
                LinkState::Rejected => target.rejected += n,
            }
        }
    }
    Ok(Stats {
        bands,
        total,
        manual,
    })
}
