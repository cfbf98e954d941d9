//! The overview page: plans, status counts overall and per axis, coverage, newest evidence.

use std::collections::{HashMap, HashSet};

use sea_orm::sea_query::{Expr, ExprTrait, Func, Order, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use super::common::{
    ActionRef, AxisRef, MinisterRef, OrganisationRef, QuestionRef, StatusCounts, actions_by_ids,
    current_statuses, followed_action_ids, questions_by_ids, status_of,
};
use crate::entity::{
    action, axis, link, minister, organisation, plan, plan_minister, plan_partner, question,
};

#[derive(Clone, Debug, Serialize)]
pub struct PartnerRef {
    pub organisation: OrganisationRef,
    pub qualifier: Option<String>,
    /// As stored by the import (partner or steering committee).
    pub role: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct PlanSummary {
    pub id: i32,
    pub title: String,
    pub kind: String,
    pub intro: String,
    pub lead_ministers: Vec<MinisterRef>,
    pub associated_ministers: Vec<MinisterRef>,
    pub partners: Vec<PartnerRef>,
    pub steering_committee: Vec<PartnerRef>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AxisSummary {
    pub axis: AxisRef,
    pub counts: StatusCounts,
}

#[derive(Clone, Debug, Serialize)]
pub struct EvidenceRef {
    pub question: QuestionRef,
    pub action: ActionRef,
    pub score: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Overview {
    pub plans: Vec<PlanSummary>,
    pub axes: Vec<AxisSummary>,
    pub totals: StatusCounts,
    /// Actions with at least one question or answer linked (not rejected).
    pub covered: u64,
    pub total_actions: u64,
    pub question_count: u64,
    /// The period the questions cover: the first reception date and the latest evidence date
    /// (answer, else reception).
    pub period: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// When the data last changed (the latest import or update of a document).
    pub last_updated: Option<chrono::DateTime<chrono::Utc>>,
    pub newest: Vec<EvidenceRef>,
}

/// Whether a stored role names the plan's lead ministers / its steering committee. The import
/// writes the role names; anything else counts as associated / partner.
pub fn is_lead_role(role: &str) -> bool {
    matches!(role, "lead" | "porteur" | "lead_minister")
}

pub fn is_steering_role(role: &str) -> bool {
    matches!(
        role,
        "steering" | "steering_committee" | "comite" | "committee"
    )
}

/// Plans with their ministers and partners (five queries whatever the number of plans).
pub async fn plans<C: ConnectionTrait>(db: &C) -> Result<Vec<PlanSummary>, DbErr> {
    let plans = plan::Entity::find()
        .order_by_asc(plan::Column::Id)
        .all(db)
        .await?;
    let plan_ids: Vec<i32> = plans.iter().map(|p| p.id).collect();
    let pms = plan_minister::Entity::find()
        .filter(plan_minister::Column::PlanId.is_in(plan_ids.clone()))
        .order_by_asc(plan_minister::Column::Position)
        .all(db)
        .await?;
    let pps = plan_partner::Entity::find()
        .filter(plan_partner::Column::PlanId.is_in(plan_ids))
        .order_by_asc(plan_partner::Column::Position)
        .all(db)
        .await?;
    let ministers: HashMap<i32, MinisterRef> = minister::Entity::find()
        .filter(
            minister::Column::Id.is_in(pms.iter().map(|m| m.minister_id).collect::<HashSet<_>>()),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.into()))
        .collect();
    let orgs: HashMap<i32, OrganisationRef> = organisation::Entity::find()
        .filter(
            organisation::Column::Id.is_in(
                pps.iter()
                    .map(|p| p.organisation_id)
                    .collect::<HashSet<_>>(),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.into()))
        .collect();
    Ok(plans
        .into_iter()
        .map(|p| {
            let mut s = PlanSummary {
                id: p.id,
                title: p.title,
                kind: p.kind,
                intro: p.intro,
                lead_ministers: vec![],
                associated_ministers: vec![],
                partners: vec![],
                steering_committee: vec![],
            };
            for pm in pms.iter().filter(|m| m.plan_id == p.id) {
                if let Some(m) = ministers.get(&pm.minister_id) {
                    if is_lead_role(&pm.role) {
                        s.lead_ministers.push(m.clone());
                    } else {
                        s.associated_ministers.push(m.clone());
                    }
                }
            }
            for pp in pps.iter().filter(|x| x.plan_id == p.id) {
                if let Some(o) = orgs.get(&pp.organisation_id) {
                    let r = PartnerRef {
                        organisation: o.clone(),
                        qualifier: pp.qualifier.clone(),
                        role: pp.role.clone(),
                    };
                    if is_steering_role(&pp.role) {
                        s.steering_committee.push(r);
                    } else {
                        s.partners.push(r);
                    }
                }
            }
            s
        })
        .collect())
}

/// Everything the overview shows.
pub async fn overview<C: ConnectionTrait>(db: &C, newest_limit: u64) -> Result<Overview, DbErr> {
    let plans = plans(db).await?;
    let axes = axis::Entity::find()
        .order_by_asc(axis::Column::PlanId)
        .order_by_asc(axis::Column::Number)
        .all(db)
        .await?;
    let actions = action::Entity::find().all(db).await?;
    let statuses = current_statuses(db, None).await?;
    let covered_ids = followed_action_ids(db).await?;
    // The count, the period and the last update in one statement.
    let facts = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT (SELECT COUNT(*) FROM question) AS n, \
             (SELECT MIN(received) FROM question) AS first, \
             (SELECT MAX(COALESCE(answered, received)) FROM question) AS last, \
             (SELECT MAX(updated_at) FROM document) AS updated",
        ))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("the overview's facts".into()))?;
    let question_count = Ord::max(facts.try_get::<i64>("", "n")?, 0) as u64;
    let first: Option<chrono::NaiveDate> = facts.try_get("", "first")?;
    let last: Option<chrono::NaiveDate> = facts.try_get("", "last")?;
    let last_updated: Option<chrono::DateTime<chrono::Utc>> = facts.try_get("", "updated")?;

    let mut totals = StatusCounts::default();
    let mut per_axis: HashMap<i32, StatusCounts> = HashMap::new();
    for a in &actions {
        let st = status_of(&statuses, a.id);
        totals.add(st);
        per_axis.entry(a.axis_id).or_default().add(st);
    }
    let axes = axes
        .into_iter()
        .map(|a| AxisSummary {
            counts: per_axis.remove(&a.id).unwrap_or_default(),
            axis: a.into(),
        })
        .collect();
    let action_ids: HashSet<i32> = actions.iter().map(|a| a.id).collect();
    let covered = covered_ids.intersection(&action_ids).count() as u64;
    let newest = newest_evidence(db, newest_limit).await?;
    Ok(Overview {
        plans,
        axes,
        totals,
        covered,
        total_actions: actions.len() as u64,
        question_count,
        period: first.zip(last),
        last_updated,
        newest,
    })
}

/// The most recent links (by the question's answer date, else its reception date), newest first.
pub async fn newest_evidence<C: ConnectionTrait>(
    db: &C,
    limit: u64,
) -> Result<Vec<EvidenceRef>, DbErr> {
    let date = Func::coalesce([
        Expr::col((question::Entity, question::Column::Answered)),
        Expr::col((question::Entity, question::Column::Received)),
    ]);
    let stmt = Query::select()
        .column((link::Entity, link::Column::QuestionId))
        .column((link::Entity, link::Column::ActionId))
        .column((link::Entity, link::Column::Score))
        .from(link::Entity)
        .inner_join(
            question::Entity,
            Expr::col((question::Entity, question::Column::Id))
                .equals((link::Entity, link::Column::QuestionId)),
        )
        .and_where(Expr::col((link::Entity, link::Column::State)).ne("rejected"))
        .order_by_expr(date.into(), Order::Desc)
        .order_by((link::Entity, link::Column::Score), Order::Desc)
        .limit(limit)
        .to_owned();
    let rows = db.query_all(&stmt).await?;
    let mut triples = Vec::with_capacity(rows.len());
    for r in rows {
        triples.push((
            r.try_get::<i32>("", "question_id")?,
            r.try_get::<i32>("", "action_id")?,
            r.try_get::<f64>("", "score")?,
        ));
    }
    let q_ids: Vec<i32> = dedup(triples.iter().map(|t| t.0));
    let a_ids: Vec<i32> = dedup(triples.iter().map(|t| t.1));
    let questions: HashMap<i32, QuestionRef> = questions_by_ids(db, &q_ids)
        .await?
        .into_iter()
        .map(|q| (q.id, q))
        .collect();
    let actions: HashMap<i32, ActionRef> = actions_by_ids(db, &a_ids)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    Ok(triples
        .into_iter()
        .filter_map(|(q, a, score)| {
            Some(EvidenceRef {
                question: questions.get(&q)?.clone(),
                action: actions.get(&a)?.clone(),
                score,
            })
        })
        .collect())
}

/// Distinct values in first-seen order.
pub fn dedup(it: impl Iterator<Item = i32>) -> Vec<i32> {
    let mut seen = HashSet::new();
    it.filter(|x| seen.insert(*x)).collect()
}
