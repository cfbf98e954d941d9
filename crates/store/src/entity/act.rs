//! A procedural act of a question (`29/04/2020 Recevable p.m.`).

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "act")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub question_id: i32,
    pub position: i32,
    pub date: Option<Date>,
    #[sea_orm(column_type = "Text")]
    pub label: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub reference: Option<String>,
    /// The person the row names (a member who withdrew the question, …).
    #[sea_orm(column_type = "Text", nullable)]
    pub person: Option<String>,
    /// An annex's link.
    #[sea_orm(column_type = "Text", nullable)]
    pub url: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
