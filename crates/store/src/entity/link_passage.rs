//! A passage supporting a link, with its own score and the reasons (JSON) a person can read.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "link_passage")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub link_id: i32,
    pub passage_id: i32,
    pub score: f64,
    /// JSON.
    #[sea_orm(column_type = "Text")]
    pub reasons: String,
}

impl ActiveModelBehavior for ActiveModel {}
