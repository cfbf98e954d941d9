//! A passage of a question (intro, sub-question, answer part). Its id is kept across re-imports (matched by position).

use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "passage")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub question_id: i32,
    /// 1-based, over all passages of the question.
    pub position: i32,
    /// `question_intro`, `sub_question` or `answer` ([`vigie_core::PassageKind::as_str`]).
    pub kind: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub heading: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub text: String,
}

impl ActiveModelBehavior for ActiveModel {}
