//! A member of parliament's page: the questions they asked and the actions those probed.

use std::collections::HashMap;

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Order, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;

use super::common::{ActionRef, MemberRef, QuestionRef, actions_by_ids, questions_by_ids};
use super::minister::PERSON_QUESTIONS_LIMIT;
use crate::entity::{link, member, question};

#[derive(Clone, Debug, Serialize)]
pub struct MemberPage {
    pub member: MemberRef,
    pub question_count: u64,
    /// Newest first, at most [`PERSON_QUESTIONS_LIMIT`].
    pub questions: Vec<QuestionRef>,
    /// Actions their questions are linked to, with how many of their questions each; most probed first.
    pub actions: Vec<(ActionRef, u64)>,
}

pub async fn member_page<C: ConnectionTrait>(db: &C, id: i32) -> Result<Option<MemberPage>, DbErr> {
    let Some(m) = member::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let ids: Vec<i32> = question::Entity::find()
        .select_only()
        .column(question::Column::Id)
        .filter(question::Column::MemberId.eq(id))
        .order_by_desc(question::Column::Received)
        .order_by_desc(question::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let shown: Vec<i32> = ids
        .iter()
        .take(PERSON_QUESTIONS_LIMIT as usize)
        .copied()
        .collect();
    let questions = questions_by_ids(db, &shown).await?;
    let stmt = Query::select()
        .column((link::Entity, link::Column::ActionId))
        .expr_as(
            Expr::col((link::Entity, link::Column::QuestionId)).count_distinct(),
            Alias::new("n"),
        )
        .from(link::Entity)
        .inner_join(
            question::Entity,
            Expr::col((question::Entity, question::Column::Id))
                .equals((link::Entity, link::Column::QuestionId)),
        )
        .and_where(Expr::col((question::Entity, question::Column::MemberId)).eq(id))
        .and_where(Expr::col((link::Entity, link::Column::State)).ne("rejected"))
        .group_by_col((link::Entity, link::Column::ActionId))
        .order_by(Alias::new("n"), Order::Desc)
        .to_owned();
    let mut counts: Vec<(i32, u64)> = vec![];
    for r in db.query_all(&stmt).await? {
        counts.push((
            r.try_get("", "action_id")?,
            Ord::max(r.try_get::<i64>("", "n")?, 0) as u64,
        ));
    }
    let action_ids: Vec<i32> = counts.iter().map(|c| c.0).collect();
    let mut actions: HashMap<i32, ActionRef> = actions_by_ids(db, &action_ids)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    Ok(Some(MemberPage {
        member: m.into(),
        question_count: ids.len() as u64,
        questions,
        actions: counts
            .into_iter()
            .filter_map(|(id, n)| Some((actions.remove(&id)?, n)))
            .collect(),
    }))
}
