//! A minister carrying (`lead`) or associated with (`associated`) a plan.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "plan_minister")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub plan_id: i32,
    pub minister_id: i32,
    /// `lead` or `associated`.
    pub role: String,
    pub position: i32,
}

impl ActiveModelBehavior for ActiveModel {}
