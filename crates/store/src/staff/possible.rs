//! The review queue's **possible missed links**: (question, action) pairs `vigie match` scored
//! just under the link threshold (`possible_link`, [`vigie_matcher::PlanIndex::possible_links`]),
//! offered nearest the threshold first. Staff accept one — it becomes a confirmed link with the
//! passage that came closest, and the action's status is recomputed at once — or dismiss it — it is
//! kept as a rejected link, so the matcher never offers it again and learns from it. Each decision
//! writes its audit row in the same transaction.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    ModelTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde::Serialize;
use serde_json::json;
use vigie_core::{LinkOrigin, LinkState};

use super::audit::{self, AuditKind};
use super::review::{MAX_PER_PAGE, confirm_pair_with_passage, link_view};
use super::{Actor, Field, MAX_TEXT, StaffError, optional_text};
use crate::entity::{link, link_passage, passage, possible_link};
use crate::query::common::LinkedPassage;
use crate::query::common::{ActionRef, QuestionRef, actions_by_ids, questions_by_ids};

/// One possible missed link.
#[derive(Clone, Debug, Serialize)]
pub struct PossibleItem {
    pub id: i32,
    pub score: f64,
    pub question: QuestionRef,
    pub action: ActionRef,
    /// The passage that came closest, with its reasons.
    pub passage: LinkedPassage,
}

#[derive(Clone, Debug, Serialize)]
pub struct PossibleQueue {
    pub items: Vec<PossibleItem>,
    pub total: u64,
}

/// The first `limit` possible missed links, nearest the threshold first (a fixed number of
/// queries).
pub async fn possible<C: ConnectionTrait>(db: &C, limit: u64) -> Result<PossibleQueue, DbErr> {
    let total = possible_link::Entity::find().count(db).await?;
    let rows = possible_link::Entity::find()
        .order_by_desc(possible_link::Column::Score)
        .order_by_asc(possible_link::Column::Id)
        .limit(limit.clamp(1, MAX_PER_PAGE))
        .all(db)
        .await?;
    let ids = |f: fn(&possible_link::Model) -> i32| {
        let mut v: Vec<i32> = rows.iter().map(f).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let questions = questions_by_ids(db, &ids(|r| r.question_id)).await?;
    let actions = actions_by_ids(db, &ids(|r| r.action_id)).await?;
    let passage_ids = ids(|r| r.passage_id);
    let passages = if passage_ids.is_empty() {
        Vec::new()
    } else {
        passage::Entity::find()
            .filter(passage::Column::Id.is_in(passage_ids))
            .all(db)
            .await?
    };
    let mut items = Vec::with_capacity(rows.len());
    for r in rows {
        let (Some(q), Some(a), Some(p)) = (
            questions.iter().find(|q| q.id == r.question_id),
            actions.iter().find(|a| a.id == r.action_id),
            passages.iter().find(|p| p.id == r.passage_id),
        ) else {
            continue;
        };
        items.push(PossibleItem {
            id: r.id,
            score: r.score,
            question: q.clone(),
            action: a.clone(),
            passage: LinkedPassage::new(p, r.score, &r.reasons)?,
        });
    }
    Ok(PossibleQueue { items, total })
}

async fn load(db: &impl ConnectionTrait, id: i32) -> Result<possible_link::Model, StaffError> {
    possible_link::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| StaffError::NotFound(format!("possible link {id}")))
}

/// Accepts possible link `id`: the pair becomes a confirmed link carrying the passage that came
/// closest (with the matcher's reasons), the action's status is recomputed. Returns the link id.
pub async fn accept(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i32,
    note: Option<&str>,
) -> Result<i32, StaffError> {
    let note = optional_text(note, Field::Note, MAX_TEXT)?;
    let txn = crate::write::begin(db).await?;
    let row = load(&txn, id).await?;
    let l = confirm_pair_with_passage(
        &txn,
        actor,
        row.question_id,
        row.action_id,
        note.as_deref(),
        (row.passage_id, row.score, &row.reasons),
    )
    .await?;
    row.delete(&txn).await?;
    crate::matching::recompute_statuses(&txn, &[l.action_id]).await?;
    txn.commit().await?;
    Ok(l.id)
}

/// Dismisses possible link `id`: the pair is stored as a rejected link of the matcher (reviewed by
/// `actor`), which the matcher never proposes again and learns from. Returns the link id.
pub async fn dismiss(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i32,
    note: Option<&str>,
) -> Result<i32, StaffError> {
    let note = optional_text(note, Field::Note, MAX_TEXT)?;
    let txn = crate::write::begin(db).await?;
    let row = load(&txn, id).await?;
    let now = Utc::now();
    let l = link::ActiveModel {
        question_id: Set(row.question_id),
        action_id: Set(row.action_id),
        score: Set(row.score),
        state: Set(LinkState::Rejected.as_str().to_string()),
        origin: Set(LinkOrigin::Matcher.as_str().to_string()),
        matcher_version: Set(row.matcher_version.clone()),
        note: Set(note.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        reviewed_by: Set(Some(actor.name.clone())),
        reviewed_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    link_passage::ActiveModel {
        link_id: Set(l.id),
        passage_id: Set(row.passage_id),
        score: Set(row.score),
        reasons: Set(row.reasons.clone()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::write(
        &txn,
        actor,
        audit::Change {
            kind: AuditKind::LinkReject,
            entity: "link",
            entity_id: Some(l.id),
            action_id: Some(row.action_id),
            before: Some(json!({ "possible_link": row.id, "score": row.score })),
            after: Some(link_view(&l)),
            why: note.as_deref(),
        },
    )
    .await?;
    row.delete(&txn).await?;
    txn.commit().await?;
    Ok(l.id)
}
