//! The entries of the Atom feeds: the newest evidence (one entry per link that was not
//! rejected), overall or for one action, newest answer first.
//!
//! Eight queries whatever the number of entries.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, Order, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use serde::Serialize;
use vigie_core::{LinkState, PassageKind};

use super::common::{ActionRef, QuestionRef, actions_by_ids, passages_of_links, questions_by_ids};
use super::overview::dedup;
use crate::decode::decode;
use crate::entity::{link, question};

/// The most entries a feed carries.
pub const FEED_LIMIT: u64 = 50;

#[derive(Clone, Debug, Serialize)]
pub struct FeedEntry {
    pub link_id: i32,
    pub score: f64,
    pub state: LinkState,
    /// When the link last changed (made, reviewed).
    pub link_updated_at: DateTime<Utc>,
    pub question: QuestionRef,
    pub action: ActionRef,
    /// The linked passages, best score first.
    pub passages: Vec<FeedPassage>,
}

impl FeedEntry {
    /// The date the evidence carries: the answer's, else the question's reception.
    pub fn evidence_date(&self) -> Option<NaiveDate> {
        self.question.evidence_date()
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct FeedPassage {
    pub position: i32,
    pub kind: PassageKind,
    pub score: f64,
    pub text: String,
}

/// The newest links (by the question's answer date, else its reception), for one action or all,
/// at most `limit` (capped at [`FEED_LIMIT`]).
pub async fn evidence_entries<C: ConnectionTrait>(
    db: &C,
    action: Option<i32>,
    limit: u64,
) -> Result<Vec<FeedEntry>, DbErr> {
    let date = Func::coalesce([
        Expr::col((question::Entity, question::Column::Answered)),
        Expr::col((question::Entity, question::Column::Received)),
    ]);
    let mut stmt = Query::select()
        .column((link::Entity, link::Column::Id))
        .from(link::Entity)
        .inner_join(
            question::Entity,
            Expr::col((question::Entity, question::Column::Id))
                .equals((link::Entity, link::Column::QuestionId)),
        )
        .and_where(Expr::col((link::Entity, link::Column::State)).ne(LinkState::Rejected.as_str()))
        .order_by_expr(date.into(), Order::Desc)
        .order_by((link::Entity, link::Column::Score), Order::Desc)
        .order_by((link::Entity, link::Column::Id), Order::Desc)
        .limit(limit.clamp(1, FEED_LIMIT))
        .to_owned();
    if let Some(a) = action {
        stmt.and_where(Expr::col((link::Entity, link::Column::ActionId)).eq(a));
    }
    let mut order = vec![];
    for r in db.query_all(&stmt).await? {
        order.push(r.try_get::<i32>("", "id")?);
    }
    if order.is_empty() {
        return Ok(vec![]);
    }
    let mut links: HashMap<i32, link::Model> = link::Entity::find()
        .filter(link::Column::Id.is_in(order.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|l| (l.id, l))
        .collect();
    let links_in_order: Vec<link::Model> = order.iter().filter_map(|id| links.remove(id)).collect();
    let questions: HashMap<i32, QuestionRef> =
        questions_by_ids(db, &dedup(links_in_order.iter().map(|l| l.question_id)))
            .await?
            .into_iter()
            .map(|q| (q.id, q))
            .collect();
    let actions: HashMap<i32, ActionRef> =
        actions_by_ids(db, &dedup(links_in_order.iter().map(|l| l.action_id)))
            .await?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
    let mut per_link = passages_of_links(db, &order).await?;
    links_in_order
        .into_iter()
        .filter_map(|l| {
            let passages: Vec<FeedPassage> = per_link
                .remove(&l.id)
                .unwrap_or_default()
                .into_iter()
                .map(|p| FeedPassage {
                    position: p.position,
                    kind: p.kind,
                    score: p.score,
                    text: p.text,
                })
                .collect();
            let question = questions.get(&l.question_id)?.clone();
            let action = actions.get(&l.action_id)?.clone();
            Some(decode("link.state", &l.state).map(|state| FeedEntry {
                question,
                action,
                link_id: l.id,
                score: l.score,
                state,
                link_updated_at: l.updated_at,
                passages,
            }))
        })
        .collect()
}
