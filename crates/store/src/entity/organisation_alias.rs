//! Another name an organisation is known by (`Paradigm` for `CIRB`). Staff edit these.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "organisation_alias")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organisation_id: i32,
    #[sea_orm(unique)]
    pub alias: String,
}

impl ActiveModelBehavior for ActiveModel {}
