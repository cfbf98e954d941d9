//! One action's page: text, axis, pilots, partners, proposed status and its history, and the
//! evidence trail (linked questions, their passages, scores and reasons).
//!
//! A fixed number of queries whatever the amount of evidence (the page is the one the load
//! benchmark hammers). The HTML page shows the evidence trail one window at a time
//! ([`EvidenceWindow`]): the busiest action of a parliament with 10,000 questions has hundreds of
//! linked questions, and a page of them all weighs megabytes.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::Serialize;
use vigie_core::{LinkOrigin, LinkState, Status};

use super::common::{
    ActionRef, AxisRef, LinkedPassage, MinisterRef, QuestionRef, current_statuses,
    passages_of_links, questions_by_ids, status_of,
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
    /// Linked passages, best score first.
    pub passages: Vec<LinkedPassage>,
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
    let plan_title = plan::Entity::find_by_id(a.plan_id)
        .one(db)
        .await?
        .map(|p| p.title)
        .unwrap_or_default();
    let axis_model = axis::Entity::find_by_id(a.axis_id).one(db).await?;
    let pilots_rows = axis_pilot::Entity::find()
        .filter(axis_pilot::Column::AxisId.eq(a.axis_id))
        .order_by_asc(axis_pilot::Column::Position)
        .all(db)
        .await?;
    let partner_rows = plan_partner::Entity::find()
        .filter(plan_partner::Column::PlanId.eq(a.plan_id))
        .order_by_asc(plan_partner::Column::Position)
        .all(db)
        .await?;
    let ministers: HashMap<i32, MinisterRef> = minister::Entity::find()
        .filter(
            minister::Column::Id.is_in(
                pilots_rows
                    .iter()
                    .map(|p| p.minister_id)
                    .collect::<HashSet<_>>(),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.into()))
        .collect();
    let orgs: HashMap<i32, organisation::Model> = organisation::Entity::find()
        .filter(
            organisation::Column::Id.is_in(
                partner_rows
                    .iter()
                    .map(|p| p.organisation_id)
                    .collect::<HashSet<_>>(),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
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
    let mut passages_by_link = passages_of_links(db, &link_ids).await?;
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
    let statuses = current_statuses(db, Some(&[id])).await?;

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
    let current = history.iter().find(|h| h.current).cloned();

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
        });
    }

    let partners = partner_rows
        .into_iter()
        .filter(|p| !is_steering_role(&p.role))
        .filter_map(|p| {
            let o = orgs.get(&p.organisation_id)?;
            Some(PartnerRef {
                organisation: o.clone().into(),
                qualifier: p.qualifier,
                role: p.role,
            })
        })
        .collect();
    let status = status_of(&statuses, id);
    Ok(Some(ActionPage {
        plan_title,
        axis: axis_model.map(Into::into).unwrap_or(AxisRef {
            id: a.axis_id,
            plan_id: a.plan_id,
            number: 0,
            title: String::new(),
        }),
        pilots: pilots_rows
            .iter()
            .filter_map(|p| ministers.get(&p.minister_id).cloned())
            .collect(),
        partners,
        current,
        history,
        evidence,
        evidence_total,
        evidence_window: window,
        assessment: crate::staff::assessments::latest(db, id).await?,
        action: ActionRef::from_model(a, status),
    }))
}
