//! A partner organisation of a plan (`partner`) or a member of its steering committee (`steering`).

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "plan_partner")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub plan_id: i32,
    pub organisation_id: i32,
    /// As the plan writes it in parentheses (`SPRB`, `pour le volet e-santé`).
    pub qualifier: Option<String>,
    /// `partner` or `steering`.
    pub role: String,
    pub position: i32,
}

impl ActiveModelBehavior for ActiveModel {}
