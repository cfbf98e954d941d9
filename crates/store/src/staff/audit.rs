//! The audit log: who changed what, when, from what to what, and why.
//!
//! [`write`] takes the transaction the change runs in, so the change and its record are
//! committed together. Rows are never updated or deleted (the database refuses it).

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;
use serde_json::Value;

use super::Actor;
use super::entity::audit_log;

/// One change to record.
#[derive(Clone, Debug, Default)]
pub struct Change<'a> {
    /// `link.confirm`, `link.reject`, `link.move`, `link.add`, `assessment.set`, `alias.add`,
    /// `alias.remove`, `minister_mapping.add`, `minister_mapping.remove`, `user.add`,
    /// `user.disable`, `user.password`.
    pub kind: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<i32>,
    /// The plan action concerned, if any: the row then shows on that action's history page.
    pub action_id: Option<i32>,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub why: Option<&'a str>,
}

/// Appends `change`, made by `actor`, to the log. Call it inside the change's transaction.
pub async fn write<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    change: Change<'_>,
) -> Result<i32, DbErr> {
    let row = audit_log::ActiveModel {
        at: Set(Utc::now()),
        user_id: Set(actor.user_id),
        user_name: Set(actor.name.clone()),
        kind: Set(change.kind.to_string()),
        entity: Set(change.entity.to_string()),
        entity_id: Set(change.entity_id),
        action_id: Set(change.action_id),
        before: Set(change.before.map(|v| v.to_string())),
        after: Set(change.after.map(|v| v.to_string())),
        why: Set(change.why.map(str::to_string)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// An audit row as pages show it.
#[derive(Clone, Debug, Serialize)]
pub struct Entry {
    pub id: i32,
    pub at: DateTime<Utc>,
    pub user_name: String,
    pub kind: String,
    pub entity: String,
    pub entity_id: Option<i32>,
    pub action_id: Option<i32>,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub why: Option<String>,
}

impl From<audit_log::Model> for Entry {
    fn from(m: audit_log::Model) -> Self {
        // A value that is not JSON (never written by this crate) is shown as a string.
        let parse =
            |s: Option<String>| s.map(|s| serde_json::from_str(&s).unwrap_or(Value::String(s)));
        Entry {
            id: m.id,
            at: m.at,
            user_name: m.user_name,
            kind: m.kind,
            entity: m.entity,
            entity_id: m.entity_id,
            action_id: m.action_id,
            before: parse(m.before),
            after: parse(m.after),
            why: m.why,
        }
    }
}

/// The changes that concern one plan action, newest first.
pub async fn for_action<C: ConnectionTrait>(
    db: &C,
    action_id: i32,
    limit: u64,
) -> Result<Vec<Entry>, DbErr> {
    let rows = audit_log::Entity::find()
        .filter(audit_log::Column::ActionId.eq(action_id))
        .order_by_desc(audit_log::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(Entry::from).collect())
}

/// The latest changes of any kind, newest first.
pub async fn recent<C: ConnectionTrait>(db: &C, limit: u64) -> Result<Vec<Entry>, DbErr> {
    let rows = audit_log::Entity::find()
        .order_by_desc(audit_log::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(Entry::from).collect())
}

/// How many audit rows of `kind` exist (tests and consistency checks).
pub async fn count_kind<C: ConnectionTrait>(db: &C, kind: &str) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    audit_log::Entity::find()
        .filter(audit_log::Column::Kind.eq(kind))
        .count(db)
        .await
}
