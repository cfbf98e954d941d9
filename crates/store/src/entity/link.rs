//! A link between a question and an action: one per pair, proposed by the matcher or made by staff.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "link")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub question_id: i32,
    pub action_id: i32,
    pub score: f64,
    /// `proposed`, `confirmed` or `rejected` ([`vigie_core::LinkState::as_str`]).
    pub state: String,
    /// `matcher` or `manual`.
    pub origin: String,
    pub matcher_version: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<DateTimeUtc>,
    /// The question's answer date, else its reception date: a copy the database keeps by
    /// triggers (migration `000045`), for the evidence trail's index. Never written by the store,
    /// nor published (the question's dates are). On SQLite, the model an insert returns lacks it
    /// (the trigger runs after the row is returned): read the row again to see it.
    #[serde(skip)]
    pub evidence_date: Option<Date>,
}

impl ActiveModelBehavior for ActiveModel {}
