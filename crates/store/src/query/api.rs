//! Read queries of the JSON API that the pages do not already have: plans and axes with their
//! status counts, the list of links, and the lists of members, ministers and organisations.
//!
//! Like every query module, each function runs a fixed number of queries whatever the number of
//! rows (related rows are loaded with `IN (…)` for the whole page at once). Lists are paged in SQL
//! when they can grow with the documents (links, members, ministers, organisations); plans and
//! axes are few and are paged in memory.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::Serialize;
use vigie_core::{LinkOrigin, LinkState, PassageKind};

use super::action::{ActionPage, action_page};
use super::common::{
    ActionRef, AxisRef, MemberRef, MinisterRef, OrganisationRef, Page, QuestionRef, StatusCounts,
    actions_by_ids, current_statuses, passages_of_links, questions_by_ids, status_of,
};
use super::member::MemberPage;
use super::overview::{PlanSummary, dedup, plans};
use crate::decode::decode;
use crate::entity::{
    action, axis, axis_pilot, link, member, minister, organisation, organisation_alias, question,
};
use crate::staff::assessments::{self, Assessment};

/// The largest page a client may ask for.
pub const MAX_PER_PAGE: u64 = 100;
/// The page size when the client does not choose one.
pub const DEFAULT_PER_PAGE: u64 = 25;

/// Which rows of a list to return (1-based page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub page: u64,
    pub per_page: u64,
}

impl Paging {
    pub fn new(page: u64, per_page: u64) -> Paging {
        Paging {
            page: Ord::max(page, 1),
            per_page: per_page.clamp(1, MAX_PER_PAGE),
        }
    }

    fn offset(self) -> u64 {
        (self.page - 1).saturating_mul(self.per_page)
    }

    /// One page of rows already in memory.
    pub fn slice<T>(self, rows: Vec<T>) -> Page<T> {
        let total = rows.len() as u64;
        let items = rows
            .into_iter()
            .skip(usize::try_from(self.offset()).unwrap_or(usize::MAX))
            .take(self.per_page as usize)
            .collect();
        self.wrap(items, total)
    }

    fn wrap<T>(self, items: Vec<T>, total: u64) -> Page<T> {
        Page {
            items,
            total,
            page: self.page,
            per_page: self.per_page,
        }
    }
}

impl Default for Paging {
    fn default() -> Self {
        Paging::new(1, DEFAULT_PER_PAGE)
    }
}

// ---------------------------------------------------------------------------------------------
// Plans and axes

/// A plan with its ministers, partners and how its actions stand.
#[derive(Clone, Debug, Serialize)]
pub struct PlanItem {
    #[serde(flatten)]
    pub plan: PlanSummary,
    pub action_count: u64,
    pub axis_count: u64,
    pub counts: StatusCounts,
}

/// A plan with its axes and actions.
#[derive(Clone, Debug, Serialize)]
pub struct PlanDetail {
    #[serde(flatten)]
    pub plan: PlanItem,
    pub axes: Vec<AxisItem>,
    /// In plan order (axis, then position).
    pub actions: Vec<ActionRef>,
}

/// An axis with its pilots and how its actions stand.
#[derive(Clone, Debug, Serialize)]
pub struct AxisItem {
    #[serde(flatten)]
    pub axis: AxisRef,
    pub description: String,
    pub pilots: Vec<MinisterRef>,
    pub action_count: u64,
    pub counts: StatusCounts,
}

/// An axis with its actions.
#[derive(Clone, Debug, Serialize)]
pub struct AxisDetail {
    #[serde(flatten)]
    pub axis: AxisItem,
    pub actions: Vec<ActionRef>,
}

/// Axes (of one plan, of the given ids, or all), in plan then number order, with their actions
/// (in plan order) and the status of each action. Six queries.
async fn axes_with_actions<C: ConnectionTrait>(
    db: &C,
    plan: Option<i32>,
    ids: Option<&[i32]>,
) -> Result<Vec<(AxisItem, Vec<ActionRef>)>, DbErr> {
    let mut q = axis::Entity::find()
        .order_by_asc(axis::Column::PlanId)
        .order_by_asc(axis::Column::Number);
    if let Some(p) = plan {
        q = q.filter(axis::Column::PlanId.eq(p));
    }
    if let Some(ids) = ids {
        q = q.filter(axis::Column::Id.is_in(ids.iter().copied()));
    }
    let axes = q.all(db).await?;
    if axes.is_empty() {
        return Ok(vec![]);
    }
    let axis_ids: Vec<i32> = axes.iter().map(|a| a.id).collect();
    let pilots = axis_pilot::Entity::find()
        .filter(axis_pilot::Column::AxisId.is_in(axis_ids.clone()))
        .order_by_asc(axis_pilot::Column::Position)
        .all(db)
        .await?;
    let ministers: HashMap<i32, MinisterRef> = minister::Entity::find()
        .filter(
            minister::Column::Id
                .is_in(pilots.iter().map(|p| p.minister_id).collect::<HashSet<_>>()),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.into()))
        .collect();
    let actions = action::Entity::find()
        .filter(action::Column::AxisId.is_in(axis_ids))
        .order_by_asc(action::Column::Position)
        .order_by_asc(action::Column::Id)
        .all(db)
        .await?;
    let action_ids: Vec<i32> = actions.iter().map(|a| a.id).collect();
    let statuses = current_statuses(db, Some(&action_ids)).await?;
    let mut by_axis: HashMap<i32, Vec<ActionRef>> = HashMap::new();
    for a in actions {
        let st = status_of(&statuses, a.id);
        by_axis
            .entry(a.axis_id)
            .or_default()
            .push(ActionRef::from_model(a, st));
    }
    Ok(axes
        .into_iter()
        .map(|a| {
            let actions = by_axis.remove(&a.id).unwrap_or_default();
            let mut counts = StatusCounts::default();
            actions.iter().for_each(|x| counts.add(x.shown()));
            let item = AxisItem {
                pilots: pilots
                    .iter()
                    .filter(|p| p.axis_id == a.id)
                    .filter_map(|p| ministers.get(&p.minister_id).cloned())
                    .collect(),
                action_count: actions.len() as u64,
                counts,
                description: a.description.clone(),
                axis: a.into(),
            };
            (item, actions)
        })
        .collect())
}

fn plan_item(plan: PlanSummary, axes: &[(AxisItem, Vec<ActionRef>)]) -> PlanItem {
    let mut counts = StatusCounts::default();
    let mut action_count = 0;
    let mut axis_count = 0;
    for (a, actions) in axes.iter().filter(|(a, _)| a.axis.plan_id == plan.id) {
        axis_count += 1;
        action_count += a.action_count;
        actions.iter().for_each(|x| counts.add(x.shown()));
    }
    PlanItem {
        plan,
        action_count,
        axis_count,
        counts,
    }
}

pub async fn plan_list<C: ConnectionTrait>(
    db: &C,
    paging: Paging,
) -> Result<Page<PlanItem>, DbErr> {
    let summaries = plans(db).await?;
    let axes = axes_with_actions(db, None, None).await?;
    let items = summaries.into_iter().map(|p| plan_item(p, &axes)).collect();
    Ok(paging.slice(items))
}

pub async fn plan_detail<C: ConnectionTrait>(db: &C, id: i32) -> Result<Option<PlanDetail>, DbErr> {
    // Plans are few: loading their summaries is cheaper than a second way of building one.
    let Some(summary) = plans(db).await?.into_iter().find(|p| p.id == id) else {
        return Ok(None);
    };
    let axes = axes_with_actions(db, Some(id), None).await?;
    let plan = plan_item(summary, &axes);
    let mut actions = vec![];
    let mut items = vec![];
    for (a, acts) in axes {
        items.push(a);
        actions.extend(acts);
    }
    Ok(Some(PlanDetail {
        plan,
        axes: items,
        actions,
    }))
}

pub async fn axis_list<C: ConnectionTrait>(
    db: &C,
    plan: Option<i32>,
    paging: Paging,
) -> Result<Page<AxisItem>, DbErr> {
    let axes = axes_with_actions(db, plan, None).await?;
    Ok(paging.slice(axes.into_iter().map(|(a, _)| a).collect()))
}

pub async fn axis_detail<C: ConnectionTrait>(db: &C, id: i32) -> Result<Option<AxisDetail>, DbErr> {
    Ok(axes_with_actions(db, None, Some(&[id]))
        .await?
        .into_iter()
        .next()
        .map(|(axis, actions)| AxisDetail { axis, actions }))
}

// ---------------------------------------------------------------------------------------------
// Actions

/// One action with its evidence, the engine's proposal (`current`, `history`) and the staff
/// assessment in force, if any.
#[derive(Clone, Debug, Serialize)]
pub struct ActionDetail {
    #[serde(flatten)]
    pub page: ActionPage,
    pub assessment: Option<Assessment>,
}

pub async fn action_detail<C: ConnectionTrait>(
    db: &C,
    id: i32,
) -> Result<Option<ActionDetail>, DbErr> {
    let Some(page) = action_page(db, id).await? else {
        return Ok(None);
    };
    let assessment = assessments::latest(db, id).await?;
    Ok(Some(ActionDetail { page, assessment }))
}

// ---------------------------------------------------------------------------------------------
// Links

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LinkFilter {
    pub state: Option<LinkState>,
    pub action: Option<i32>,
    pub question: Option<i32>,
}

#[derive(Clone, Debug, Serialize)]
pub struct LinkItem {
    pub id: i32,
    pub score: f64,
    pub state: LinkState,
    /// `matcher` or `manual`.
    pub origin: LinkOrigin,
    pub matcher_version: String,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub question: QuestionRef,
    pub action: ActionRef,
    /// Best score first.
    pub passages: Vec<LinkPassageItem>,
}

#[derive(Clone, Debug, Serialize)]
pub struct LinkPassageItem {
    pub passage_id: i32,
    pub position: i32,
    pub kind: PassageKind,
    pub score: f64,
    /// The matcher's reasons, as stored.
    pub reasons: Box<serde_json::value::RawValue>,
}

/// Links in id order (every state unless filtered: the list is the record of what the matcher
/// proposed and what staff decided). Nine queries.
pub async fn link_list<C: ConnectionTrait>(
    db: &C,
    f: &LinkFilter,
    paging: Paging,
) -> Result<Page<LinkItem>, DbErr> {
    let mut q = link::Entity::find();
    if let Some(s) = f.state {
        q = q.filter(link::Column::State.eq(s.as_str()));
    }
    if let Some(a) = f.action {
        q = q.filter(link::Column::ActionId.eq(a));
    }
    if let Some(x) = f.question {
        q = q.filter(link::Column::QuestionId.eq(x));
    }
    let total = q.clone().count(db).await?;
    let links = q
        .order_by_asc(link::Column::Id)
        .limit(paging.per_page)
        .offset(paging.offset())
        .all(db)
        .await?;
    let items = link_items(db, links).await?;
    Ok(paging.wrap(items, total))
}

/// Fills links with their question, action and passages (seven queries for any number).
pub async fn link_items<C: ConnectionTrait>(
    db: &C,
    links: Vec<link::Model>,
) -> Result<Vec<LinkItem>, DbErr> {
    if links.is_empty() {
        return Ok(vec![]);
    }
    let questions: HashMap<i32, QuestionRef> =
        questions_by_ids(db, &dedup(links.iter().map(|l| l.question_id)))
            .await?
            .into_iter()
            .map(|q| (q.id, q))
            .collect();
    let actions: HashMap<i32, ActionRef> =
        actions_by_ids(db, &dedup(links.iter().map(|l| l.action_id)))
            .await?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
    let ids: Vec<i32> = links.iter().map(|l| l.id).collect();
    let mut per_link = passages_of_links(db, &ids).await?;
    links
        .into_iter()
        .filter_map(|l| {
            let passages: Vec<LinkPassageItem> = per_link
                .remove(&l.id)
                .unwrap_or_default()
                .into_iter()
                .map(|p| LinkPassageItem {
                    passage_id: p.passage_id,
                    position: p.position,
                    kind: p.kind,
                    score: p.score,
                    reasons: p.reasons,
                })
                .collect();
            let question = questions.get(&l.question_id)?.clone();
            let action = actions.get(&l.action_id)?.clone();
            let item = || -> Result<LinkItem, DbErr> {
                Ok(LinkItem {
                    question,
                    action,
                    id: l.id,
                    score: l.score,
                    state: decode("link.state", &l.state)?,
                    origin: decode("link.origin", &l.origin)?,
                    matcher_version: l.matcher_version,
                    note: l.note,
                    created_at: l.created_at,
                    updated_at: l.updated_at,
                    reviewed_by: l.reviewed_by,
                    reviewed_at: l.reviewed_at,
                    passages,
                })
            };
            Some(item())
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// People and organisations

#[derive(Clone, Debug, Serialize)]
pub struct MemberItem {
    #[serde(flatten)]
    pub member: MemberRef,
    pub question_count: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct MinisterItem {
    #[serde(flatten)]
    pub minister: MinisterRef,
    pub question_count: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct OrganisationItem {
    #[serde(flatten)]
    pub organisation: OrganisationRef,
    /// Other names it goes by (staff can edit them).
    pub aliases: Vec<String>,
}

/// A member's page, with the probed actions as objects rather than pairs.
#[derive(Clone, Debug, Serialize)]
pub struct MemberDetail {
    pub member: MemberRef,
    pub question_count: u64,
    pub questions: Vec<QuestionRef>,
    pub actions: Vec<ProbedAction>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ProbedAction {
    pub action: ActionRef,
    /// How many of the member's questions are linked to it.
    pub questions: u64,
}

impl From<MemberPage> for MemberDetail {
    fn from(p: MemberPage) -> Self {
        MemberDetail {
            member: p.member,
            question_count: p.question_count,
            questions: p.questions,
            actions: p
                .actions
                .into_iter()
                .map(|(action, questions)| ProbedAction { action, questions })
                .collect(),
        }
    }
}

/// Number of questions per value of `col` (member or minister), for the given ids.
async fn question_counts<C: ConnectionTrait>(
    db: &C,
    col: question::Column,
    ids: &[i32],
) -> Result<HashMap<i32, u64>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let stmt = Query::select()
        .expr_as(Expr::col(col), Alias::new("k"))
        .expr_as(Expr::col(question::Column::Id).count(), Alias::new("n"))
        .from(question::Entity)
        .and_where(Expr::col(col).is_in(ids.iter().copied()))
        .group_by_col(col)
        .to_owned();
    let mut out = HashMap::new();
    for r in db.query_all(&stmt).await? {
        out.insert(
            r.try_get::<i32>("", "k")?,
            Ord::max(r.try_get::<i64>("", "n")?, 0) as u64,
        );
    }
    Ok(out)
}

/// Members by name. Three queries.
pub async fn member_list<C: ConnectionTrait>(
    db: &C,
    paging: Paging,
) -> Result<Page<MemberItem>, DbErr> {
    let total = member::Entity::find().count(db).await?;
    let rows = member::Entity::find()
        .order_by_asc(member::Column::Name)
        .order_by_asc(member::Column::Id)
        .limit(paging.per_page)
        .offset(paging.offset())
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|m| m.id).collect();
    let counts = question_counts(db, question::Column::MemberId, &ids).await?;
    let items = rows
        .into_iter()
        .map(|m| MemberItem {
            question_count: counts.get(&m.id).copied().unwrap_or(0),
            member: m.into(),
        })
        .collect();
    Ok(paging.wrap(items, total))
}

/// One row per person or post ([`super::minister::People`]): named ministers by name, then the
/// posts plans name without a person; each with the questions of all its rows. Three queries.
pub async fn minister_list<C: ConnectionTrait>(
    db: &C,
    paging: Paging,
) -> Result<Page<MinisterItem>, DbErr> {
    let (all, people) = super::minister::people(db).await?;
    let ids: Vec<i32> = all.iter().map(|m| m.id).collect();
    let counts = question_counts(db, question::Column::MinisterId, &ids).await?;
    let mut rows: Vec<minister::Model> = all
        .into_iter()
        .filter(|m| people.is_canonical(m.id))
        .collect();
    rows.sort_by(|a, b| {
        (a.name.is_none(), &a.name, &a.portfolio, a.id).cmp(&(
            b.name.is_none(),
            &b.name,
            &b.portfolio,
            b.id,
        ))
    });
    let items = rows
        .into_iter()
        .map(|m| MinisterItem {
            question_count: people
                .rows(m.id)
                .iter()
                .map(|r| counts.get(r).copied().unwrap_or(0))
                .sum(),
            minister: m.into(),
        })
        .collect();
    Ok(paging.slice(items))
}

/// Organisations by name, with their aliases. Three queries.
pub async fn organisation_list<C: ConnectionTrait>(
    db: &C,
    paging: Paging,
) -> Result<Page<OrganisationItem>, DbErr> {
    let total = organisation::Entity::find().count(db).await?;
    let rows = organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .order_by_asc(organisation::Column::Id)
        .limit(paging.per_page)
        .offset(paging.offset())
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|o| o.id).collect();
    let mut aliases: HashMap<i32, Vec<String>> = HashMap::new();
    if !ids.is_empty() {
        for a in organisation_alias::Entity::find()
            .filter(organisation_alias::Column::OrganisationId.is_in(ids))
            .order_by_asc(organisation_alias::Column::Alias)
            .all(db)
            .await?
        {
            aliases.entry(a.organisation_id).or_default().push(a.alias);
        }
    }
    let items = rows
        .into_iter()
        .map(|o| OrganisationItem {
            aliases: aliases
                .remove(&o.id)
                .unwrap_or_default()
                .into_iter()
                .filter(|a| *a != o.name)
                .collect(),
            organisation: o.into(),
        })
        .collect();
    Ok(paging.wrap(items, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_clamps_and_slices() {
        let p = Paging::new(0, 10_000);
        assert_eq!((p.page, p.per_page), (1, MAX_PER_PAGE));
        let page = Paging::new(2, 2).slice(vec![1, 2, 3, 4, 5]);
        assert_eq!(page.items, vec![3, 4]);
        assert_eq!(page.total, 5);
        let past = Paging::new(u64::MAX, 100).slice(vec![1]);
        assert!(past.items.is_empty());
        assert_eq!(past.total, 1);
    }
}
