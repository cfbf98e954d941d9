//! A possible missed link: a (question, action) pair the matcher scored just under the link
//! threshold, offered to staff in the review queue (migration `m20261206_000043_possible_link`).

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "possible_link")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub question_id: i32,
    pub action_id: i32,
    /// The passage that came closest.
    pub passage_id: i32,
    pub score: f64,
    /// That passage's reasons (JSON, as `link_passage.reasons`).
    #[sea_orm(column_type = "Text")]
    pub reasons: String,
    pub matcher_version: String,
}

impl ActiveModelBehavior for ActiveModel {}
