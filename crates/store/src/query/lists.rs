//! The lists of actions and of questions, with their filters, sorts and pages, and the options the
//! filter forms offer.
//!
//! Actions are few (a plan holds tens to hundreds): they are filtered and sorted in memory after a
//! fixed number of queries. Questions can be tens of thousands: they are filtered, sorted and
//! paged in SQL.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Order, Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use vigie_core::Status;

use super::common::{
    ActionRef, AxisRef, MemberRef, MinisterRef, OrganisationRef, Page, QuestionRef,
    current_statuses, questions_by_ids, status_of,
};
use super::minister::piloted_axis_ids;
use crate::entity::{action, axis, link, member, organisation, plan_partner, question};

pub const PER_PAGE: u64 = 25;

/// Whether a person stands behind an action's status (see [`super::common::Shown`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Review {
    /// The engine's status, resting only on links nobody reviewed.
    Unreviewed,
    /// A staff assessment, or a status resting on at least one confirmed or manual link.
    Reviewed,
}

impl Review {
    pub const ALL: [Review; 2] = [Review::Unreviewed, Review::Reviewed];

    pub fn as_str(self) -> &'static str {
        match self {
            Review::Unreviewed => "unreviewed",
            Review::Reviewed => "reviewed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether an action showing `a` passes this filter (an action without follow-up is neither).
    pub fn admits(self, a: &ActionRef) -> bool {
        match self {
            Review::Unreviewed => a.unreviewed,
            Review::Reviewed => !a.unreviewed && a.status != Status::NoFollowUp,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub enum ActionSort {
    /// Axis then position in the plan.
    #[default]
    Code,
    Status,
    /// Most linked questions first.
    Evidence,
    /// Most recent evidence first.
    Newest,
}

impl ActionSort {
    pub const ALL: [ActionSort; 4] = [
        ActionSort::Code,
        ActionSort::Status,
        ActionSort::Evidence,
        ActionSort::Newest,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionSort::Code => "code",
            ActionSort::Status => "status",
            ActionSort::Evidence => "evidence",
            ActionSort::Newest => "newest",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ActionFilter {
    pub status: Option<Status>,
    /// Reviewed or unreviewed statuses only.
    pub review: Option<Review>,
    pub axis: Option<i32>,
    /// Pilot minister (directly or through a matching portfolio).
    pub minister: Option<i32>,
    /// Actions probed by this member's questions.
    pub member: Option<i32>,
    /// Actions of the plans this organisation partners.
    pub organisation: Option<i32>,
    /// Actions with evidence dated in this range.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub sort: ActionSort,
    pub page: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct ActionRow {
    pub action: ActionRef,
    pub axis: Option<AxisRef>,
    pub evidence_count: u64,
    pub latest_evidence: Option<NaiveDate>,
}

/// Per action: number of linked questions (not rejected) and the latest evidence date, for the
/// links whose question falls in `[from, to]` when given.
async fn evidence_stats<C: ConnectionTrait>(
    db: &C,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    member: Option<i32>,
) -> Result<HashMap<i32, (u64, Option<NaiveDate>)>, DbErr> {
    let date = evidence_date_expr();
    let mut stmt = Query::select()
        .column((link::Entity, link::Column::ActionId))
        .expr_as(
            Expr::col((link::Entity, link::Column::Id)).count(),
            Alias::new("n"),
        )
        .expr_as(Expr::expr(date.clone()).max(), Alias::new("latest"))
        .from(link::Entity)
        .inner_join(
            question::Entity,
            Expr::col((question::Entity, question::Column::Id))
                .equals((link::Entity, link::Column::QuestionId)),
        )
        .and_where(Expr::col((link::Entity, link::Column::State)).ne("rejected"))
        .group_by_col((link::Entity, link::Column::ActionId))
        .to_owned();
    if let Some(f) = from {
        stmt.and_where(Expr::expr(date.clone()).gte(f));
    }
    if let Some(t) = to {
        stmt.and_where(Expr::expr(date.clone()).lte(t));
    }
    if let Some(m) = member {
        stmt.and_where(Expr::col((question::Entity, question::Column::MemberId)).eq(m));
    }
    let mut out = HashMap::new();
    for r in db.query_all(&stmt).await? {
        let id: i32 = r.try_get("", "action_id")?;
        let n: i64 = r.try_get("", "n")?;
        let latest: Option<NaiveDate> = r.try_get("", "latest").ok().flatten();
        out.insert(id, (Ord::max(n, 0) as u64, latest));
    }
    Ok(out)
}

/// `COALESCE(question.answered, question.received)`: the date a question's evidence carries.
fn evidence_date_expr() -> sea_orm::sea_query::SimpleExpr {
    Func::coalesce([
        Expr::col((question::Entity, question::Column::Answered)),
        Expr::col((question::Entity, question::Column::Received)),
    ])
    .into()
}

pub async fn actions<C: ConnectionTrait>(
    db: &C,
    f: &ActionFilter,
) -> Result<Page<ActionRow>, DbErr> {
    actions_per_page(db, f, PER_PAGE).await
}

/// [`actions`] with a page size chosen by the caller (the JSON API lets clients choose it).
pub async fn actions_per_page<C: ConnectionTrait>(
    db: &C,
    f: &ActionFilter,
    per_page: u64,
) -> Result<Page<ActionRow>, DbErr> {
    let per_page = Ord::max(per_page, 1);
    let all = action::Entity::find()
        .order_by_asc(action::Column::PlanId)
        .order_by_asc(action::Column::Position)
        .all(db)
        .await?;
    let axes: HashMap<i32, AxisRef> = axis::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, AxisRef::from(a)))
        .collect();
    let statuses = current_statuses(db, None).await?;
    let stats = evidence_stats(db, None, None, None).await?;
    let in_range = if f.from.is_some() || f.to.is_some() || f.member.is_some() {
        Some(evidence_stats(db, f.from, f.to, f.member).await?)
    } else {
        None
    };
    let piloted = match f.minister {
        Some(m) => Some(piloted_axis_ids(db, m).await?),
        None => None,
    };
    let partnered: Option<HashSet<i32>> = match f.organisation {
        Some(o) => Some(
            plan_partner::Entity::find()
                .filter(plan_partner::Column::OrganisationId.eq(o))
                .all(db)
                .await?
                .into_iter()
                .map(|p| p.plan_id)
                .collect(),
        ),
        None => None,
    };
    let mut rows: Vec<ActionRow> = all
        .into_iter()
        .filter(|a| f.axis.is_none_or(|x| a.axis_id == x))
        .filter(|a| piloted.as_ref().is_none_or(|s| s.contains(&a.axis_id)))
        .filter(|a| partnered.as_ref().is_none_or(|s| s.contains(&a.plan_id)))
        .filter(|a| in_range.as_ref().is_none_or(|m| m.contains_key(&a.id)))
        .map(|a| {
            let st = status_of(&statuses, a.id);
            let (n, latest) = stats.get(&a.id).copied().unwrap_or((0, None));
            ActionRow {
                axis: axes.get(&a.axis_id).cloned(),
                evidence_count: n,
                latest_evidence: latest,
                action: ActionRef::from_model(a, st),
            }
        })
        .filter(|r| f.status.is_none_or(|s| r.action.status == s))
        .filter(|r| f.review.is_none_or(|v| v.admits(&r.action)))
        .collect();
    let code_key = |r: &ActionRow| {
        (
            r.action.plan_id,
            r.axis.as_ref().map(|a| a.number).unwrap_or(0),
            r.action.position,
        )
    };
    match f.sort {
        ActionSort::Code => rows.sort_by_key(code_key),
        ActionSort::Status => rows.sort_by_key(|r| {
            (
                Status::ALL
                    .iter()
                    .position(|s| *s == r.action.status)
                    .unwrap_or(9),
                code_key(r),
            )
        }),
        ActionSort::Evidence => {
            rows.sort_by_key(|r| (std::cmp::Reverse(r.evidence_count), code_key(r)))
        }
        ActionSort::Newest => {
            rows.sort_by_key(|r| (std::cmp::Reverse(r.latest_evidence), code_key(r)))
        }
    }
    Ok(paginate(rows, f.page, per_page))
}

fn paginate<T>(rows: Vec<T>, page: u64, per_page: u64) -> Page<T> {
    let total = rows.len() as u64;
    let page = Ord::max(page, 1);
    let items = rows
        .into_iter()
        .skip(((page - 1) * per_page) as usize)
        .take(per_page as usize)
        .collect();
    Page {
        items,
        total,
        page,
        per_page,
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub enum QuestionSort {
    #[default]
    Newest,
    Oldest,
}

impl QuestionSort {
    pub const ALL: [QuestionSort; 2] = [QuestionSort::Newest, QuestionSort::Oldest];

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionSort::Newest => "newest",
            QuestionSort::Oldest => "oldest",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct QuestionFilter {
    /// Questions linked to an action with this status.
    pub status: Option<Status>,
    /// Questions linked to an action of this axis.
    pub axis: Option<i32>,
    /// Questions linked to this action.
    pub action: Option<i32>,
    /// Addressee.
    pub minister: Option<i32>,
    pub member: Option<i32>,
    /// Questions whose passages name this organisation (or one of its aliases).
    pub organisation: Option<i32>,
    /// Reception date range.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub sort: QuestionSort,
    pub page: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct QuestionRow {
    pub question: QuestionRef,
    pub linked_actions: u64,
}

/// Links (not rejected) joined to actions: `SELECT link.question_id … WHERE <cond on action>`.
fn linked_questions(cond: sea_orm::sea_query::SimpleExpr) -> SelectStatement {
    Query::select()
        .column((link::Entity, link::Column::QuestionId))
        .from(link::Entity)
        .inner_join(
            action::Entity,
            Expr::col((action::Entity, action::Column::Id))
                .equals((link::Entity, link::Column::ActionId)),
        )
        .and_where(Expr::col((link::Entity, link::Column::State)).ne("rejected"))
        .and_where(cond)
        .to_owned()
}

pub async fn questions<C: ConnectionTrait>(
    db: &C,
    f: &QuestionFilter,
) -> Result<Page<QuestionRow>, DbErr> {
    questions_per_page(db, f, PER_PAGE).await
}

/// [`questions`] with a page size chosen by the caller (the JSON API lets clients choose it).
pub async fn questions_per_page<C: ConnectionTrait>(
    db: &C,
    f: &QuestionFilter,
    per_page: u64,
) -> Result<Page<QuestionRow>, DbErr> {
    let per_page = Ord::max(per_page, 1);
    let mut base = Query::select().from(question::Entity).to_owned();
    let qid = Expr::col((question::Entity, question::Column::Id));
    if let Some(m) = f.minister {
        base.and_where(Expr::col((question::Entity, question::Column::MinisterId)).eq(m));
    }
    if let Some(m) = f.member {
        base.and_where(Expr::col((question::Entity, question::Column::MemberId)).eq(m));
    }
    if let Some(a) = f.action {
        base.and_where(qid.clone().in_subquery(linked_questions(
            Expr::col((action::Entity, action::Column::Id)).eq(a),
        )));
    }
    if let Some(x) = f.axis {
        base.and_where(qid.clone().in_subquery(linked_questions(
            Expr::col((action::Entity, action::Column::AxisId)).eq(x),
        )));
    }
    if let Some(s) = f.status {
        let statuses = current_statuses(db, None).await?;
        let ids: Vec<i32> = statuses
            .iter()
            .filter(|(_, st)| st.status == s)
            .map(|(id, _)| *id)
            .collect();
        base.and_where(qid.clone().in_subquery(linked_questions(
            Expr::col((action::Entity, action::Column::Id)).is_in(ids),
        )));
    }
    if let Some(o) = f.organisation {
        let ids = super::search::questions_naming(db, o, 5000).await?;
        base.and_where(qid.clone().is_in(ids));
    }
    if let Some(d) = f.from {
        base.and_where(Expr::col((question::Entity, question::Column::Received)).gte(d));
    }
    if let Some(d) = f.to {
        base.and_where(Expr::col((question::Entity, question::Column::Received)).lte(d));
    }
    let mut count = base.clone();
    count.expr_as(
        Expr::col((question::Entity, question::Column::Id)).count(),
        Alias::new("n"),
    );
    let total: i64 = match db.query_one(&count).await? {
        Some(r) => r.try_get("", "n")?,
        None => 0,
    };
    let page = Ord::max(f.page, 1);
    let order = match f.sort {
        QuestionSort::Newest => Order::Desc,
        QuestionSort::Oldest => Order::Asc,
    };
    let mut select = base;
    select
        .column((question::Entity, question::Column::Id))
        .order_by(
            (question::Entity, question::Column::Received),
            order.clone(),
        )
        .order_by((question::Entity, question::Column::Id), order)
        .limit(per_page)
        .offset((page - 1) * per_page);
    let mut ids = vec![];
    for r in db.query_all(&select).await? {
        ids.push(r.try_get::<i32>("", "id")?);
    }
    let questions = questions_by_ids(db, &ids).await?;
    let counts = link_counts(db, &ids).await?;
    Ok(Page {
        items: questions
            .into_iter()
            .map(|q| QuestionRow {
                linked_actions: counts.get(&q.id).copied().unwrap_or(0),
                question: q,
            })
            .collect(),
        total: Ord::max(total, 0) as u64,
        page,
        per_page,
    })
}

/// Number of actions linked (not rejected) to each of the given questions.
pub async fn link_counts<C: ConnectionTrait>(
    db: &C,
    question_ids: &[i32],
) -> Result<HashMap<i32, u64>, DbErr> {
    if question_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let stmt = Query::select()
        .column(link::Column::QuestionId)
        .expr_as(Expr::col(link::Column::Id).count(), Alias::new("n"))
        .from(link::Entity)
        .and_where(Expr::col(link::Column::State).ne("rejected"))
        .and_where(Expr::col(link::Column::QuestionId).is_in(question_ids.iter().copied()))
        .group_by_col(link::Column::QuestionId)
        .to_owned();
    let mut out = HashMap::new();
    for r in db.query_all(&stmt).await? {
        out.insert(
            r.try_get::<i32>("", "question_id")?,
            Ord::max(r.try_get::<i64>("", "n")?, 0) as u64,
        );
    }
    Ok(out)
}

/// What the filter forms offer.
#[derive(Clone, Debug, Serialize)]
pub struct FilterOptions {
    pub axes: Vec<AxisRef>,
    pub ministers: Vec<MinisterRef>,
    pub members: Vec<MemberRef>,
    pub organisations: Vec<OrganisationRef>,
}

pub async fn filter_options<C: ConnectionTrait>(db: &C) -> Result<FilterOptions, DbErr> {
    Ok(FilterOptions {
        axes: axis::Entity::find()
            .order_by_asc(axis::Column::PlanId)
            .order_by_asc(axis::Column::Number)
            .all(db)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
        ministers: {
            // One choice per person or post (see `minister::People`).
            let (all, people) = super::minister::people(db).await?;
            let mut v: Vec<MinisterRef> = all
                .into_iter()
                .filter(|m| people.is_canonical(m.id))
                .map(Into::into)
                .collect();
            // Named ministers first (by name), then plan portfolios.
            v.sort_by(|a, b| (a.name.is_none(), a.display()).cmp(&(b.name.is_none(), b.display())));
            v
        },
        members: member::Entity::find()
            .order_by_asc(member::Column::Name)
            .all(db)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
        organisations: organisation::Entity::find()
            .order_by_asc(organisation::Column::Name)
            .all(db)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    })
}
