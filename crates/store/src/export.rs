//! Everything the database understood of the imported documents, as plain serialisable values
//! (what `vigie export` prints). Row ids are included where later commands refer to them.
//!
//! Questions are loaded in pages ([`Store::export_questions_page`]) with a fixed number of queries
//! per page, so exporting tens of thousands of questions needs neither one query per question nor
//! all of them in memory at once.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;
use vigie_core::PassageKind;

use crate::Store;
use crate::decode::decode;
use crate::entity::{
    act, action, axis, axis_pilot, document, member, minister, organisation, passage, plan,
    plan_minister, plan_partner, question,
};
use crate::import::{INTRO_SEPARATOR, ROLE_ASSOCIATED, ROLE_LEAD, ROLE_PARTNER, ROLE_STEERING};

/// The file a plan or question was last imported from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceExport {
    pub file: String,
    pub sha256: String,
    pub imported_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MinisterExport {
    pub name: Option<String>,
    pub portfolio: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartnerExport {
    pub organisation_id: i32,
    /// The organisation's canonical name (an alias in the plan resolves to it).
    pub name: String,
    pub qualifier: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionExport {
    pub id: i32,
    pub code: String,
    pub axis: i32,
    pub position: i32,
    pub label: Option<String>,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AxisExport {
    pub id: i32,
    pub number: i32,
    pub title: String,
    pub description: String,
    pub pilots: Vec<MinisterExport>,
    pub actions: Vec<ActionExport>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanExport {
    pub id: i32,
    pub title: String,
    pub kind: String,
    pub intro: Vec<String>,
    pub lead_ministers: Vec<MinisterExport>,
    pub associated_ministers: Vec<MinisterExport>,
    pub partners: Vec<PartnerExport>,
    pub steering_committee: Vec<PartnerExport>,
    pub axes: Vec<AxisExport>,
    pub source: SourceExport,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActExport {
    pub date: Option<NaiveDate>,
    pub label: String,
    pub reference: Option<String>,
    /// The person the row names (HTML imports), left out when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// An annex's link (HTML imports), left out when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PassageExport {
    pub id: i32,
    pub kind: PassageKind,
    pub position: i32,
    pub heading: Option<String>,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionExport {
    pub id: i32,
    pub legislature: String,
    pub session: String,
    pub number: i32,
    pub subject: String,
    pub addressee: MinisterExport,
    pub author: String,
    pub received: Option<NaiveDate>,
    pub published: Option<NaiveDate>,
    pub answered: Option<NaiveDate>,
    pub acts: Vec<ActExport>,
    pub passages: Vec<PassageExport>,
    /// The question's official page on the Parliament's site (from its HTML page), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_url: Option<String>,
    /// The page's number on the Parliament's site, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moncode: Option<String>,
    pub source: SourceExport,
}

fn source_of(doc: &document::Model) -> SourceExport {
    SourceExport {
        file: doc.source_name.clone(),
        sha256: doc.sha256.clone(),
        imported_at: doc.imported_at,
        updated_at: doc.updated_at,
    }
}

fn minister_of(m: &minister::Model) -> MinisterExport {
    MinisterExport {
        name: m.name.clone(),
        portfolio: m.portfolio.clone(),
    }
}

fn missing(what: &str, id: i32) -> DbErr {
    DbErr::RecordNotFound(format!("{what} {id}"))
}

/// Loads rows of `E` by id, as a map.
async fn by_ids<E, C>(
    db: &C,
    col: E::Column,
    ids: impl IntoIterator<Item = i32>,
) -> Result<Vec<E::Model>, DbErr>
where
    E: EntityTrait,
    C: sea_orm::ConnectionTrait,
{
    let mut ids: Vec<i32> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    E::find().filter(col.is_in(ids)).all(db).await
}

/// The largest page [`Store::export_questions_page`] returns.
pub const QUESTION_PAGE: u64 = 500;

impl Store {
    /// Every plan, with its ministers, partners, axes (pilots, actions) and source file.
    pub async fn export_plans(&self) -> Result<Vec<PlanExport>, DbErr> {
        let db = self.conn();
        let plans = plan::Entity::find()
            .order_by_asc(plan::Column::Id)
            .all(db)
            .await?;
        let docs: HashMap<i32, document::Model> = by_ids::<document::Entity, _>(
            db,
            document::Column::Id,
            plans.iter().map(|p| p.document_id),
        )
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
        let mut out = Vec::with_capacity(plans.len());
        for p in plans {
            let ministers_rows = plan_minister::Entity::find()
                .filter(plan_minister::Column::PlanId.eq(p.id))
                .order_by_asc(plan_minister::Column::Position)
                .all(db)
                .await?;
            let partner_rows = plan_partner::Entity::find()
                .filter(plan_partner::Column::PlanId.eq(p.id))
                .order_by_asc(plan_partner::Column::Position)
                .all(db)
                .await?;
            let axes = axis::Entity::find()
                .filter(axis::Column::PlanId.eq(p.id))
                .order_by_asc(axis::Column::Number)
                .all(db)
                .await?;
            let pilot_rows = by_ids::<axis_pilot::Entity, _>(
                db,
                axis_pilot::Column::AxisId,
                axes.iter().map(|a| a.id),
            )
            .await?;
            let actions = action::Entity::find()
                .filter(action::Column::PlanId.eq(p.id))
                .order_by_asc(action::Column::AxisId)
                .order_by_asc(action::Column::Position)
                .all(db)
                .await?;
            let minister_ids = ministers_rows
                .iter()
                .map(|r| r.minister_id)
                .chain(pilot_rows.iter().map(|r| r.minister_id));
            let ministers: HashMap<i32, minister::Model> =
                by_ids::<minister::Entity, _>(db, minister::Column::Id, minister_ids)
                    .await?
                    .into_iter()
                    .map(|m| (m.id, m))
                    .collect();
            let organisations: HashMap<i32, organisation::Model> =
                by_ids::<organisation::Entity, _>(
                    db,
                    organisation::Column::Id,
                    partner_rows.iter().map(|r| r.organisation_id),
                )
                .await?
                .into_iter()
                .map(|o| (o.id, o))
                .collect();

            let ministers_with = |role: &str| -> Result<Vec<MinisterExport>, DbErr> {
                ministers_rows
                    .iter()
                    .filter(|r| r.role == role)
                    .map(|r| {
                        ministers
                            .get(&r.minister_id)
                            .map(minister_of)
                            .ok_or_else(|| missing("minister", r.minister_id))
                    })
                    .collect()
            };
            let partners_with = |role: &str| -> Result<Vec<PartnerExport>, DbErr> {
                partner_rows
                    .iter()
                    .filter(|r| r.role == role)
                    .map(|r| {
                        let org = organisations
                            .get(&r.organisation_id)
                            .ok_or_else(|| missing("organisation", r.organisation_id))?;
                        Ok(PartnerExport {
                            organisation_id: org.id,
                            name: org.name.clone(),
                            qualifier: r.qualifier.clone(),
                        })
                    })
                    .collect()
            };
            let mut pilots: HashMap<i32, Vec<&axis_pilot::Model>> = HashMap::new();
            for r in &pilot_rows {
                pilots.entry(r.axis_id).or_default().push(r);
            }
            let mut axes_out = Vec::with_capacity(axes.len());
            for a in &axes {
                let mut pilot_rows = pilots.remove(&a.id).unwrap_or_default();
                pilot_rows.sort_by_key(|r| r.position);
                let pilots = pilot_rows
                    .iter()
                    .map(|r| {
                        ministers
                            .get(&r.minister_id)
                            .map(minister_of)
                            .ok_or_else(|| missing("minister", r.minister_id))
                    })
                    .collect::<Result<_, _>>()?;
                let actions = actions
                    .iter()
                    .filter(|x| x.axis_id == a.id)
                    .map(|x| ActionExport {
                        id: x.id,
                        code: x.code.clone(),
                        axis: a.number,
                        position: x.position,
                        label: x.label.clone(),
                        text: x.text.clone(),
                    })
                    .collect();
                axes_out.push(AxisExport {
                    id: a.id,
                    number: a.number,
                    title: a.title.clone(),
                    description: a.description.clone(),
                    pilots,
                    actions,
                });
            }
            let doc = docs
                .get(&p.document_id)
                .ok_or_else(|| missing("document", p.document_id))?;
            out.push(PlanExport {
                id: p.id,
                intro: if p.intro.is_empty() {
                    Vec::new()
                } else {
                    p.intro.split(INTRO_SEPARATOR).map(str::to_string).collect()
                },
                title: p.title,
                kind: p.kind,
                lead_ministers: ministers_with(ROLE_LEAD)?,
                associated_ministers: ministers_with(ROLE_ASSOCIATED)?,
                partners: partners_with(ROLE_PARTNER)?,
                steering_committee: partners_with(ROLE_STEERING)?,
                axes: axes_out,
                source: source_of(doc),
            });
        }
        Ok(out)
    }

    /// Questions with an id above `after_id`, in id order, at most `limit` (capped at
    /// [`QUESTION_PAGE`]). An empty page means there are no more.
    pub async fn export_questions_page(
        &self,
        after_id: i32,
        limit: u64,
    ) -> Result<Vec<QuestionExport>, DbErr> {
        let db = self.conn();
        let questions = question::Entity::find()
            .filter(question::Column::Id.gt(after_id))
            .order_by_asc(question::Column::Id)
            .limit(limit.clamp(1, QUESTION_PAGE))
            .all(db)
            .await?;
        if questions.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i32> = questions.iter().map(|q| q.id).collect();
        let members: HashMap<i32, member::Model> = by_ids::<member::Entity, _>(
            db,
            member::Column::Id,
            questions.iter().map(|q| q.member_id),
        )
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
        let ministers: HashMap<i32, minister::Model> = by_ids::<minister::Entity, _>(
            db,
            minister::Column::Id,
            questions.iter().map(|q| q.minister_id),
        )
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
        let docs: HashMap<i32, document::Model> = by_ids::<document::Entity, _>(
            db,
            document::Column::Id,
            questions.iter().map(|q| q.document_id),
        )
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
        let mut acts: HashMap<i32, Vec<ActExport>> = HashMap::new();
        for a in act::Entity::find()
            .filter(act::Column::QuestionId.is_in(ids.clone()))
            .order_by_asc(act::Column::QuestionId)
            .order_by_asc(act::Column::Position)
            .all(db)
            .await?
        {
            acts.entry(a.question_id).or_default().push(ActExport {
                date: a.date,
                label: a.label,
                reference: a.reference,
                person: a.person,
                url: a.url,
            });
        }
        let mut passages: HashMap<i32, Vec<PassageExport>> = HashMap::new();
        for p in passage::Entity::find()
            .filter(passage::Column::QuestionId.is_in(ids))
            .order_by_asc(passage::Column::QuestionId)
            .order_by_asc(passage::Column::Position)
            .all(db)
            .await?
        {
            let kind = decode("passage.kind", &p.kind)?;
            passages
                .entry(p.question_id)
                .or_default()
                .push(PassageExport {
                    id: p.id,
                    kind,
                    position: p.position,
                    heading: p.heading,
                    text: p.text,
                });
        }
        questions
            .into_iter()
            .map(|q| {
                let author = members
                    .get(&q.member_id)
                    .ok_or_else(|| missing("member", q.member_id))?;
                let addressee = ministers
                    .get(&q.minister_id)
                    .ok_or_else(|| missing("minister", q.minister_id))?;
                let doc = docs
                    .get(&q.document_id)
                    .ok_or_else(|| missing("document", q.document_id))?;
                Ok(QuestionExport {
                    id: q.id,
                    legislature: q.legislature,
                    session: q.session,
                    number: q.number,
                    subject: q.subject,
                    addressee: minister_of(addressee),
                    author: author.name.clone(),
                    received: q.received,
                    published: q.published,
                    answered: q.answered,
                    acts: acts.remove(&q.id).unwrap_or_default(),
                    passages: passages.remove(&q.id).unwrap_or_default(),
                    official_url: q.source_url,
                    moncode: q.source_moncode,
                    source: source_of(doc),
                })
            })
            .collect()
    }

    /// Every question (all pages of [`Store::export_questions_page`]), in id order.
    pub async fn export_questions(&self) -> Result<Vec<QuestionExport>, DbErr> {
        let mut out = Vec::new();
        let mut after = 0;
        loop {
            let page = self.export_questions_page(after, QUESTION_PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.id;
            out.extend(page);
        }
        Ok(out)
    }
}
