//! One action's page: text, axis, pilots, partners, proposed status and its history, and the
//! evidence trail (linked questions, their passages, scores and reasons).
//!
//! A fixed number of queries whatever the amount of evidence (the page is the one the load
//! benchmark hammers). The HTML page shows the evidence trail one window at a time
//! ([`EvidenceWindow`]): the busiest action of a parliament with 10,000 questions has hundreds of
//! linked questions, and a page of them all weighs megabytes. Each question of a window comes with
//! its best passage ([`PASSAGES_PER_EVIDENCE`]).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, JoinType, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde::Serialize;
use vigie_core::{LinkOrigin, LinkState, Status};

use super::common::{
    ActionRef, AxisRef, LinkedPassage, MinisterRef, QuestionRef, best_passages_of_links,
    confirmed_actions, passages_of_links, questions_by_ids, shown_status,
};
use super::overview::{PartnerRef, dedup, is_steering_role};
use crate::decode::decode;
use crate::entity::{
    action, axis, axis_pilot, link, minister, organisation, passage, plan, plan_partner,
    status_proposal,
};

#[derive(Clone, Debug, Serialize)]
pub struct ActionPage {
    pub action: ActionRef,
    pub plan_title: String,
    pub axis: AxisRef,
    pub pilots: Vec<MinisterRef>,
    pub partners: Vec<PartnerRef>,
    /// The engine's current proposal, when it made one.
    pub current: Option<StatusRow>,
    /// Every proposal, newest first (the current one included).
    pub history: Vec<StatusRow>,
    /// Linked questions (rejected links left out), newest evidence first: all of them, or the
    /// window asked for.
    pub evidence: Vec<Evidence>,
    /// How many linked questions there are in all (`evidence.len()` when no window was asked).
    #[serde(skip)]
    pub evidence_total: u64,
    /// The window shown, when one was asked.
    #[serde(skip)]
    pub evidence_window: Option<EvidenceWindow>,
    /// The staff assessment in force (it wins over `current` in `action.status`).
    pub assessment: Option<crate::staff::assessments::Assessment>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StatusRow {
    pub status: Status,
    pub sentence: Option<String>,
    pub question: Option<QuestionRef>,
    /// Position of the passage the sentence comes from (for the `#p3` anchor).
    pub passage_position: Option<i32>,
    pub evidence_date: Option<NaiveDate>,
    pub matcher_version: String,
    pub computed_at: DateTime<Utc>,
    pub current: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    pub link_id: i32,
    pub score: f64,
    pub state: LinkState,
    pub origin: LinkOrigin,
    pub note: Option<String>,
    pub question: QuestionRef,
    /// Linked passages, best score first: all of them, or with a window the best
    /// [`PASSAGES_PER_EVIDENCE`].
    pub passages: Vec<LinkedPassage>,
    /// How many passages the link has in all (the question page shows the others).
    #[serde(skip)]
    pub passages_total: usize,
}

/// One page of an action's evidence trail (1-based `page`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EvidenceWindow {
    pub page: u64,
    pub per_page: u64,
}

impl EvidenceWindow {
    /// How many pages `total` linked questions make.
    pub fn pages(&self, total: u64) -> u64 {
        Ord::max(total.div_ceil(Ord::max(self.per_page, 1)), 1)
    }
}

/// How many linked questions the action page shows at a time.
pub const EVIDENCE_PER_PAGE: u64 = 10;

/// How many of a linked question's passages a window of the trail shows: its best one. A trail
/// is read question by question (who asked what, when, the words that tie it to the action); a
/// question's other passages are on its own page. (All of them made the busiest action's page
/// 110 kB for ten questions, and rendering them most of its cost.)
pub const PASSAGES_PER_EVIDENCE: usize = 1;

/// An action with its whole evidence trail (the JSON API's `/actions/{id}`).
pub async fn action_page<C: ConnectionTrait>(db: &C, id: i32) -> Result<Option<ActionPage>, DbErr> {
    action_page_window(db, id, None).await
}

/// An action's links (rejected left out) in the order the trail shows them: newest evidence
/// date (answer, else reception) first, then best score; `window` cuts one page. Read from the
/// index `ix_link_trail` in that order, stopping after the window (the link's `evidence_date` is
/// its question's, kept by triggers).
async fn trail_links<C: ConnectionTrait>(
    db: &C,
    id: i32,
    window: Option<EvidenceWindow>,
) -> Result<Vec<link::Model>, DbErr> {
    let mut q = link::Entity::find()
        .filter(link::Column::ActionId.eq(id))
        .filter(link::Column::State.ne(LinkState::Rejected.as_str()))
        .order_by_desc(link::Column::EvidenceDate)
        .order_by_desc(link::Column::Score)
        .order_by_asc(link::Column::Id);
    if let Some(w) = window {
        q = q
            .limit(w.per_page)
            .offset(w.page.saturating_sub(1).saturating_mul(w.per_page));
    }
    q.all(db).await
}

/// An action's page with the evidence trail cut to `window` (all of it with `None`).
pub async fn action_page_window<C: ConnectionTrait>(
    db: &C,
    id: i32,
    window: Option<EvidenceWindow>,
) -> Result<Option<ActionPage>, DbErr> {
    let Some(a) = action::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    // The action's axis with its plan, the axis' pilots with their ministers, the plan's partners
    // with their organisations: one joined query each.
    let (axis_model, plan_model) = axis::Entity::find_by_id(a.axis_id)
        .join(
            JoinType::LeftJoin,
            axis::Entity::belongs_to(plan::Entity)
                .from(axis::Column::PlanId)
                .to(plan::Column::Id)
                .into(),
        )
        .select_also(plan::Entity)
        .one(db)
        .await?
        .map_or((None, None), |(axis, plan)| (Some(axis), plan));
    let plan_title = plan_model.map(|p| p.title).unwrap_or_default();
    let pilots: Vec<MinisterRef> = axis_pilot::Entity::find()
        .join(
            JoinType::InnerJoin,
            axis_pilot::Entity::belongs_to(minister::Entity)
                .from(axis_pilot::Column::MinisterId)
                .to(minister::Column::Id)
                .into(),
        )
        .select_also(minister::Entity)
        .filter(axis_pilot::Column::AxisId.eq(a.axis_id))
        .order_by_asc(axis_pilot::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(_, m)| m.map(Into::into))
        .collect();
    let partner_rows: Vec<(plan_partner::Model, Option<organisation::Model>)> =
        plan_partner::Entity::find()
            .join(
                JoinType::InnerJoin,
                plan_partner::Entity::belongs_to(organisation::Entity)
                    .from(plan_partner::Column::OrganisationId)
                    .to(organisation::Column::Id)
                    .into(),
            )
            .select_also(organisation::Entity)
            .filter(plan_partner::Column::PlanId.eq(a.plan_id))
            .order_by_asc(plan_partner::Column::Position)
            .all(db)
            .await?;
    let proposals = status_proposal::Entity::find()
        .filter(status_proposal::Column::ActionId.eq(id))
        .order_by_desc(status_proposal::Column::ComputedAt)
        .order_by_desc(status_proposal::Column::Id)
        .all(db)
        .await?;
    let links = trail_links(db, id, window).await?;
    let link_ids: Vec<i32> = links.iter().map(|l| l.id).collect();
    let evidence_total = match window {
        None => links.len() as u64,
        // Counted from the index on (action, state), without reading a link.
        Some(_) => {
            link::Entity::find()
                .filter(link::Column::ActionId.eq(id))
                .filter(link::Column::State.ne(LinkState::Rejected.as_str()))
                .count(db)
                .await?
        }
    };
    let (mut passages_by_link, passage_totals) = match window {
        Some(_) => best_passages_of_links(db, &link_ids, PASSAGES_PER_EVIDENCE).await?,
        None => {
            let all = passages_of_links(db, &link_ids).await?;
            let totals = all.iter().map(|(l, ps)| (*l, ps.len())).collect();
            (all, totals)
        }
    };
    // The proposals' passages, for their `#p3` anchors.
    let positions: HashMap<i32, i32> = passage::Entity::find()
        .select_only()
        .column(passage::Column::Id)
        .column(passage::Column::Position)
        .filter(passage::Column::Id.is_in(proposals.iter().filter_map(|p| p.passage_id)))
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let q_ids = dedup(
        links
            .iter()
            .map(|l| l.question_id)
            .chain(proposals.iter().filter_map(|p| p.question_id)),
    );
    let questions: HashMap<i32, QuestionRef> = questions_by_ids(db, &q_ids)
        .await?
        .into_iter()
        .map(|q| (q.id, q))
        .collect();
    let confirmed = confirmed_actions(db, Some(&[id])).await?.contains(&id);
    let assessment = crate::staff::assessments::latest(db, id).await?;

    let history: Vec<StatusRow> = proposals
        .into_iter()
        .map(|p| -> Result<StatusRow, DbErr> {
            Ok(StatusRow {
                status: decode("status_proposal.status", &p.status)?,
                sentence: p.sentence,
                question: p.question_id.and_then(|q| questions.get(&q).cloned()),
                passage_position: p.passage_id.and_then(|pid| positions.get(&pid).copied()),
                evidence_date: p.evidence_date,
                matcher_version: p.matcher_version,
                computed_at: p.computed_at,
                current: p.current,
            })
        })
        .collect::<Result<_, DbErr>>()?;
    // The newest proposal flagged current (proposals are newest first: a later row wins, as in
    // `current_statuses`); the badge and the "current" block come from this one row.
    let current = history.iter().find(|h| h.current).cloned();
    let status = shown_status(
        current.as_ref().map(|c| c.status),
        confirmed,
        assessment.as_ref().map(|a| a.status),
    );

    // Already in trail order (see `trail_links`).
    let mut evidence: Vec<Evidence> = Vec::with_capacity(links.len());
    for l in links {
        let Some(question) = questions.get(&l.question_id).cloned() else {
            continue;
        };
        evidence.push(Evidence {
            link_id: l.id,
            score: l.score,
            state: decode("link.state", &l.state)?,
            origin: decode("link.origin", &l.origin)?,
            note: l.note,
            question,
            passages: passages_by_link.remove(&l.id).unwrap_or_default(),
            passages_total: passage_totals.get(&l.id).copied().unwrap_or(0),
        });
    }

    let partners = partner_rows
        .into_iter()
        .filter(|(p, _)| !is_steering_role(&p.role))
        .filter_map(|(p, o)| {
            Some(PartnerRef {
                organisation: o?.into(),
                qualifier: p.qualifier,
                role: p.role,
            })
        })
        .collect();
    Ok(Some(ActionPage {
        plan_title,
        axis: axis_model.map(Into::into).unwrap_or(AxisRef {
            id: a.axis_id,
            plan_id: a.plan_id,
            number: 0,
            title: String::new(),
        }),
        pilots,
        partners,
        current,
        history,
        evidence,
        evidence_total,
        evidence_window: window,
        assessment,
        action: ActionRef::from_model(a, status),
    }))
}
