//! A minister as documents name them: plans by portfolio only (`name` NULL), questions by name and portfolio.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "minister")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub portfolio: String,
}

impl ActiveModelBehavior for ActiveModel {}
