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

use vigie_core::{LinkOrigin, LinkState, Status};

use super::entity::audit_log;
use super::{Actor, Role};
use crate::decode::decode;

/// What kind of change an audit row records. The name (`link.confirm`) is what the `kind` column
/// stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum AuditKind {
    #[serde(rename = "alias.add")]
    AliasAdd,
    #[serde(rename = "alias.remove")]
    AliasRemove,
    #[serde(rename = "minister_mapping.add")]
    MinisterMappingAdd,
    #[serde(rename = "minister_mapping.remove")]
    MinisterMappingRemove,
    #[serde(rename = "user.add")]
    UserAdd,
    #[serde(rename = "user.disable")]
    UserDisable,
    #[serde(rename = "user.enable")]
    UserEnable,
    #[serde(rename = "user.password")]
    UserPassword,
    #[serde(rename = "assessment.set")]
    AssessmentSet,
    #[serde(rename = "link.add")]
    LinkAdd,
    #[serde(rename = "link.confirm")]
    LinkConfirm,
    #[serde(rename = "link.reject")]
    LinkReject,
    #[serde(rename = "link.move")]
    LinkMove,
    /// A confirmation or rejection taken back: the matcher's link is a proposal again.
    #[serde(rename = "link.undo")]
    LinkUndo,
}

impl AuditKind {
    pub const ALL: [AuditKind; 14] = [
        AuditKind::AliasAdd,
        AuditKind::AliasRemove,
        AuditKind::MinisterMappingAdd,
        AuditKind::MinisterMappingRemove,
        AuditKind::UserAdd,
        AuditKind::UserDisable,
        AuditKind::UserEnable,
        AuditKind::UserPassword,
        AuditKind::AssessmentSet,
        AuditKind::LinkAdd,
        AuditKind::LinkConfirm,
        AuditKind::LinkReject,
        AuditKind::LinkMove,
        AuditKind::LinkUndo,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditKind::AliasAdd => "alias.add",
            AuditKind::AliasRemove => "alias.remove",
            AuditKind::MinisterMappingAdd => "minister_mapping.add",
            AuditKind::MinisterMappingRemove => "minister_mapping.remove",
            AuditKind::UserAdd => "user.add",
            AuditKind::UserDisable => "user.disable",
            AuditKind::UserEnable => "user.enable",
            AuditKind::UserPassword => "user.password",
            AuditKind::AssessmentSet => "assessment.set",
            AuditKind::LinkAdd => "link.add",
            AuditKind::LinkConfirm => "link.confirm",
            AuditKind::LinkReject => "link.reject",
            AuditKind::LinkMove => "link.move",
            AuditKind::LinkUndo => "link.undo",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        AuditKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One change to record.
#[derive(Clone, Debug)]
pub struct Change<'a> {
    pub kind: AuditKind,
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
        kind: Set(change.kind.as_str().to_string()),
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
    pub kind: AuditKind,
    pub entity: String,
    pub entity_id: Option<i32>,
    pub action_id: Option<i32>,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub why: Option<String>,
}

impl TryFrom<audit_log::Model> for Entry {
    type Error = DbErr;

    fn try_from(m: audit_log::Model) -> Result<Self, DbErr> {
        // A value that is not JSON (never written by this crate) is shown as a string.
        let parse =
            |s: Option<String>| s.map(|s| serde_json::from_str(&s).unwrap_or(Value::String(s)));
        Ok(Entry {
            id: m.id,
            at: m.at,
            user_name: m.user_name,
            kind: decode("audit_log.kind", &m.kind)?,
            entity: m.entity,
            entity_id: m.entity_id,
            action_id: m.action_id,
            before: parse(m.before),
            after: parse(m.after),
            why: m.why,
        })
    }
}

/// One field of a before/after value, with the names the store writes decoded.
#[derive(Clone, Debug, PartialEq)]
pub enum Field<'a> {
    Status(Status),
    LinkState(LinkState),
    LinkOrigin(LinkOrigin),
    Role(Role),
    Text(&'a str),
    Null,
    Other(&'a Value),
}

/// The fields of a before/after value (an object), in order, or `None` for anything else.
///
/// `status`, `state`, `origin` and `role` are decoded into their enums. An audit row cannot be
/// corrected (the table refuses UPDATE), so a name this version does not know is shown as it was
/// written (`Text`) rather than failing the history page forever; it is never replaced by a
/// default.
pub fn fields(v: &Value) -> Option<Vec<(&str, Field<'_>)>> {
    let Value::Object(map) = v else {
        return None;
    };
    Some(
        map.iter()
            .map(|(k, v)| {
                let field = match (k.as_str(), v) {
                    ("status", Value::String(s)) => Status::parse(s).map(Field::Status),
                    ("state", Value::String(s)) => LinkState::parse(s).map(Field::LinkState),
                    ("origin", Value::String(s)) => LinkOrigin::parse(s).map(Field::LinkOrigin),
                    ("role", Value::String(s)) => Role::parse(s).map(Field::Role),
                    _ => None,
                };
                let field = field.unwrap_or(match v {
                    Value::String(s) => Field::Text(s),
                    Value::Null => Field::Null,
                    other => Field::Other(other),
                });
                (k.as_str(), field)
            })
            .collect(),
    )
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
    rows.into_iter().map(Entry::try_from).collect()
}

/// The latest changes of any kind, newest first.
pub async fn recent<C: ConnectionTrait>(db: &C, limit: u64) -> Result<Vec<Entry>, DbErr> {
    let rows = audit_log::Entity::find()
        .order_by_desc(audit_log::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    rows.into_iter().map(Entry::try_from).collect()
}

/// How many audit rows of `kind` exist (tests and consistency checks).
pub async fn count_kind<C: ConnectionTrait>(db: &C, kind: AuditKind) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    audit_log::Entity::find()
        .filter(audit_log::Column::Kind.eq(kind.as_str()))
        .count(db)
        .await
}
