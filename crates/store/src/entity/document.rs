//! An imported file: its kind, source file name and SHA-256 (an unchanged file is skipped).

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "document")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `plan` or `question`.
    pub kind: String,
    pub source_name: String,
    #[sea_orm(unique)]
    pub sha256: String,
    pub imported_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
