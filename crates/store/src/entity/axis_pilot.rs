//! A pilot minister of an axis.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "axis_pilot")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub axis_id: i32,
    pub minister_id: i32,
    pub position: i32,
}

impl ActiveModelBehavior for ActiveModel {}
