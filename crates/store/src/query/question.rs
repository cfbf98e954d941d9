//! One question's page: metadata, procedural acts, passages (each with the actions linked to it),
//! the answer delay.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use vigie_core::{LinkState, PassageKind};

use super::common::{ActionRef, QuestionRef, actions_by_ids, questions_by_ids};
use super::overview::dedup;
use super::reasons::Why;
use crate::decode::decode;
use crate::entity::{act, link, link_passage, passage};

#[derive(Clone, Debug, Serialize)]
pub struct QuestionPage {
    pub question: QuestionRef,
    pub published: Option<NaiveDate>,
    /// The question's official page on the Parliament's site, when an HTML import gave it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// What the reader warned about when it read the question's document (shown to staff).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<vigie_core::ReadWarning>,
    /// Days from reception to answer, when both dates are known.
    pub delay_days: Option<i64>,
    pub acts: Vec<ActRow>,
    pub passages: Vec<PassageRow>,
    /// Every action linked to the question (rejected links left out), best score first.
    pub links: Vec<QuestionLink>,
}

impl QuestionPage {
    pub fn has_answer(&self) -> bool {
        self.passages.iter().any(|p| p.kind.is_answer())
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ActRow {
    pub date: Option<NaiveDate>,
    pub label: String,
    pub reference: Option<String>,
    /// The person the row names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// An annex's link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PassageRow {
    pub id: i32,
    pub position: i32,
    pub kind: PassageKind,
    pub heading: Option<String>,
    pub text: String,
    /// Actions this passage is linked to, with the passage's score and the words to highlight.
    pub links: Vec<PassageLink>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PassageLink {
    pub action: ActionRef,
    pub score: f64,
    pub words: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct QuestionLink {
    pub action: ActionRef,
    pub score: f64,
    pub state: LinkState,
}

pub async fn question_page<C: ConnectionTrait>(
    db: &C,
    id: i32,
) -> Result<Option<QuestionPage>, DbErr> {
    let Some(question) = questions_by_ids(db, &[id]).await?.into_iter().next() else {
        return Ok(None);
    };
    let row = crate::entity::question::Entity::find_by_id(id)
        .one(db)
        .await?;
    let published = row.as_ref().and_then(|q| q.published);
    let source_url = row.as_ref().and_then(|q| q.source_url.clone());
    let warnings = match row.as_ref().and_then(|q| q.read_warnings.as_deref()) {
        None => Vec::new(),
        Some(json) => serde_json::from_str(json)
            .map_err(|e| DbErr::Type(format!("question {id}: unreadable read_warnings ({e})")))?,
    };
    let acts = act::Entity::find()
        .filter(act::Column::QuestionId.eq(id))
        .order_by_asc(act::Column::Position)
        .all(db)
        .await?;
    let passages = passage::Entity::find()
        .filter(passage::Column::QuestionId.eq(id))
        .order_by_asc(passage::Column::Position)
        .all(db)
        .await?;
    let links = link::Entity::find()
        .filter(link::Column::QuestionId.eq(id))
        .filter(link::Column::State.ne(LinkState::Rejected.as_str()))
        .order_by_desc(link::Column::Score)
        .all(db)
        .await?;
    let lps = link_passage::Entity::find()
        .filter(link_passage::Column::LinkId.is_in(links.iter().map(|l| l.id).collect::<Vec<_>>()))
        .order_by_desc(link_passage::Column::Score)
        .all(db)
        .await?;
    let action_ids = dedup(links.iter().map(|l| l.action_id));
    let actions: HashMap<i32, ActionRef> = actions_by_ids(db, &action_ids)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let link_action: HashMap<i32, i32> = links.iter().map(|l| (l.id, l.action_id)).collect();

    let passages = passages
        .into_iter()
        .map(|p| -> Result<PassageRow, DbErr> {
            let links = lps
                .iter()
                .filter(|lp| lp.passage_id == p.id)
                .filter_map(|lp| {
                    let action = actions.get(link_action.get(&lp.link_id)?)?.clone();
                    Some(PassageLink {
                        action,
                        score: lp.score,
                        words: Why::parse(&lp.reasons).words(),
                    })
                })
                .collect();
            Ok(PassageRow {
                id: p.id,
                position: p.position,
                kind: decode("passage.kind", &p.kind)?,
                heading: p.heading,
                text: p.text,
                links,
            })
        })
        .collect::<Result<_, DbErr>>()?;
    let delay_days = match (question.received, question.answered) {
        (Some(r), Some(a)) => Some((a - r).num_days()),
        _ => None,
    };
    Ok(Some(QuestionPage {
        published,
        source_url,
        warnings,
        delay_days,
        acts: acts
            .into_iter()
            .map(|a| ActRow {
                date: a.date,
                label: a.label,
                reference: a.reference,
                person: a.person,
                url: a.url,
            })
            .collect(),
        passages,
        links: links
            .into_iter()
            .filter_map(|l| {
                let action = actions.get(&l.action_id)?.clone();
                Some(decode("link.state", &l.state).map(|state| QuestionLink {
                    action,
                    score: l.score,
                    state,
                }))
            })
            .collect::<Result<_, DbErr>>()?,
        question,
    }))
}
