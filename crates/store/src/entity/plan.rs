//! A government priority plan. Identified by its title on re-import.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "plan")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub document_id: i32,
    #[sea_orm(unique)]
    pub title: String,
    pub kind: String,
    /// Intro paragraphs joined by a blank line.
    #[sea_orm(column_type = "Text")]
    pub intro: String,
    pub imported_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
