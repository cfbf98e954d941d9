//! One commitment of a plan. Its id is kept across re-imports (matched by `code`).

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "action")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub plan_id: i32,
    pub axis_id: i32,
    /// `<axis number>.<position>`, unique within the plan.
    pub code: String,
    pub position: i32,
    pub label: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub text: String,
}

impl ActiveModelBehavior for ActiveModel {}
