//! A written question. Identity: (`legislature`, `minister_id`, `number`); its id is kept across re-imports.

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "question")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub document_id: i32,
    /// `19/24`.
    pub legislature: String,
    /// `19/20`.
    pub session: String,
    pub number: i32,
    #[sea_orm(column_type = "Text")]
    pub subject: String,
    /// The author.
    pub member_id: i32,
    /// The addressee.
    pub minister_id: i32,
    pub received: Option<Date>,
    pub published: Option<Date>,
    pub answered: Option<Date>,
    /// The page's number on the Parliament's site (HTML imports).
    pub source_moncode: Option<String>,
    /// The official page (HTML imports; kept by a later text import).
    #[sea_orm(column_type = "Text", nullable)]
    pub source_url: Option<String>,
    /// What the reader warned about, as JSON `[{"location", "message"}]`; `None` when nothing.
    #[sea_orm(column_type = "Text", nullable)]
    pub read_warnings: Option<String>,
}

impl ActiveModelBehavior for ActiveModel {}
