//! The status the engine proposes for an action. A new row when the proposal changes; `current` marks the latest.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "status_proposal")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub action_id: i32,
    /// [`vigie_core::Status::as_str`].
    pub status: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub sentence: Option<String>,
    pub question_id: Option<i32>,
    pub passage_id: Option<i32>,
    pub evidence_date: Option<Date>,
    pub matcher_version: String,
    pub computed_at: DateTimeUtc,
    pub current: bool,
}

impl ActiveModelBehavior for ActiveModel {}
