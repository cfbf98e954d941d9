//! Status assessments: a status chosen by staff for an action, with a mandatory justification.
//! Rows are history; the newest of an action is the one in force and wins over the engine's
//! proposal on every public page ([`crate::query::common::current_statuses`]).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set,
};
use serde::Serialize;
use serde_json::json;
use vigie_core::Status;

use super::audit::AuditKind;
use super::entity::status_assessment;
use super::{Actor, Field, MAX_TEXT, Problem, StaffError, audit, required_text};
use crate::decode::decode;
use crate::entity::action;

/// An assessment as pages show it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessment {
    pub id: i32,
    pub action_id: i32,
    pub status: Status,
    pub justification: String,
    pub user_name: String,
    pub created_at: DateTime<Utc>,
}

impl Assessment {
    fn from_model(m: status_assessment::Model) -> Result<Assessment, DbErr> {
        Ok(Assessment {
            id: m.id,
            action_id: m.action_id,
            status: decode("status_assessment.status", &m.status)?,
            justification: m.justification,
            user_name: m.user_name,
            created_at: m.created_at,
        })
    }
}

/// Records `status` for `action_id` with its justification (required, at most 4,000 characters).
pub async fn assess(
    db: &DatabaseConnection,
    actor: &Actor,
    action_id: i32,
    status: Status,
    justification: &str,
) -> Result<Assessment, StaffError> {
    let justification = required_text(justification, Field::Justification, MAX_TEXT)?;
    let user_id = actor
        .user_id
        .ok_or(StaffError::Refused(Problem::NeedsAccount))?;
    let txn = crate::write::begin(db).await?;
    if action::Entity::find_by_id(action_id)
        .one(&txn)
        .await?
        .is_none()
    {
        return Err(StaffError::NotFound(format!("action {action_id}")));
    }
    let before = latest(&txn, action_id).await?;
    let m = status_assessment::ActiveModel {
        action_id: Set(action_id),
        status: Set(status.as_str().to_string()),
        justification: Set(justification.clone()),
        user_id: Set(user_id),
        user_name: Set(actor.name.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::write(
        &txn,
        actor,
        audit::Change {
            kind: AuditKind::AssessmentSet,
            entity: "status_assessment",
            entity_id: Some(m.id),
            action_id: Some(action_id),
            before: before.map(
                |b| json!({ "status": b.status.as_str(), "by": b.user_name, "at": b.created_at }),
            ),
            after: Some(json!({ "status": status.as_str() })),
            why: Some(&justification),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Assessment::from_model(m)?)
}

/// The assessment in force for one action.
pub async fn latest<C: ConnectionTrait>(
    db: &C,
    action_id: i32,
) -> Result<Option<Assessment>, DbErr> {
    status_assessment::Entity::find()
        .filter(status_assessment::Column::ActionId.eq(action_id))
        .order_by_desc(status_assessment::Column::Id)
        .one(db)
        .await?
        .map(Assessment::from_model)
        .transpose()
}

/// Every assessment of one action, newest first.
pub async fn history<C: ConnectionTrait>(db: &C, action_id: i32) -> Result<Vec<Assessment>, DbErr> {
    status_assessment::Entity::find()
        .filter(status_assessment::Column::ActionId.eq(action_id))
        .order_by_desc(status_assessment::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(Assessment::from_model)
        .collect()
}

/// The assessment in force for each of `ids` (every action when `None`), in one query.
pub async fn latest_statuses<C: ConnectionTrait>(
    db: &C,
    ids: Option<&[i32]>,
) -> Result<HashMap<i32, Status>, DbErr> {
    use sea_orm::sea_query::{Expr, Func, Query};
    let newest = Query::select()
        .expr(Func::max(Expr::col(status_assessment::Column::Id)))
        .from(status_assessment::Entity)
        .group_by_col(status_assessment::Column::ActionId)
        .to_owned();
    let mut q = status_assessment::Entity::find()
        .filter(status_assessment::Column::Id.in_subquery(newest))
        .order_by_asc(status_assessment::Column::Id);
    if let Some(ids) = ids {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        q = q.filter(status_assessment::Column::ActionId.is_in(ids.iter().copied()));
    }
    q.all(db)
        .await?
        .into_iter()
        .map(|r| Ok((r.action_id, decode("status_assessment.status", &r.status)?)))
        .collect()
}
