//! Running the matcher over the whole database: links between questions and plan actions, and the
//! status the engine proposes for every action.
//!
//! [`Store::load_match_input`] reads every plan, question, organisation alias and minister mapping
//! with a fixed number of queries (whatever the number of rows), into the core model the matcher
//! reads. [`Store::run_matcher`] matches all questions against every plan as one batch (the batch
//! gives the corpus statistics, so `vigie explain` and `vigie eval` see the same numbers), but reads
//! and links it [`MATCH_CHUNK`] questions at a time: a first pass counts the document frequencies of
//! every question, page by page; the second links each chunk against them and writes its links;
//! the statuses come last, from the evidence collected on the way. Its memory grows with a chunk,
//! not with the database, and its results do not depend on the chunk size. Everything is written
//! in one transaction:
//!
//! - links the matcher proposes (`origin = matcher`, `state = proposed`) are inserted, updated when
//!   their score, passages or reasons changed, and deleted when the matcher no longer proposes
//!   them;
//! - a link a person has reviewed (confirmed or rejected) or made by hand (`origin = manual`) is
//!   never touched;
//! - statuses are proposed from the links that count: the matcher's, plus confirmed and manual
//!   ones, minus rejected ones. A new `status_proposal` row is written only when an action's
//!   proposal changed (status, sentence or evidence), so the table is the history of proposals.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::RangeInclusive;

use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, NotSet, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use serde::Serialize;
use vigie_core::{
    Axis, LinkOrigin, LinkState, Minister, Organisation, Partner, Passage, Plan, Question,
};
use vigie_matcher::{
    MATCHER_VERSION, PassageLink, PlanIndex, QuestionKey, QuestionLink, Reasons, StaffDecision,
    StatusCollector, StatusEvidence, StatusProposal, SubjectReason, Verdict, question_key,
};

use crate::Store;
use crate::decode::decode;
use crate::entity::{
    action, axis, axis_pilot, link, link_passage, member, minister, organisation,
    organisation_alias, passage, plan, plan_minister, plan_partner, possible_link, question,
    status_proposal,
};
use crate::import::{INTRO_SEPARATOR, ROLE_ASSOCIATED, ROLE_LEAD, ROLE_PARTNER, ROLE_STEERING};

/// Rows per multi-row INSERT or `IN (…)` list: well under SQLite's limit on bound parameters.
const CHUNK: usize = 400;

/// Questions [`Store::run_matcher`] reads, links and writes at a time: its memory grows with this,
/// not with the database (about 0.1 MB a question while it is linked, reasons included).
pub const MATCH_CHUNK: usize = 500;

/// A plan as the matcher reads it, with the database ids of its actions.
#[derive(Clone, Debug)]
pub struct LoadedPlan {
    pub id: i32,
    pub plan: Plan,
    /// Action code → `action.id`.
    pub action_ids: BTreeMap<String, i32>,
}

/// Everything the matcher needs from the database.
#[derive(Clone, Debug)]
pub struct MatchInput {
    pub plans: Vec<LoadedPlan>,
    /// Every question, in id order (the batch the matcher sees).
    pub questions: Vec<Question>,
    /// `question.id` of each of [`MatchInput::questions`], same order.
    pub question_ids: Vec<i32>,
    /// Staff decisions the matcher learns from, per plan ([`vigie_matcher::learn`]).
    pub decisions: Vec<Vec<StaffDecision>>,
    /// (`question.id`, passage position) → `passage.id`.
    pub passage_ids: HashMap<(i32, u32), i32>,
    /// The organisation alias table.
    pub aliases: Vec<Organisation>,
    /// Staff's minister mapping: (plan portfolio, addressee name — or portfolio when unnamed).
    pub minister_map: Vec<(String, String)>,
}

impl MatchInput {
    /// The matcher's index of plan number `i` (in [`MatchInput::plans`]).
    pub fn index(&self, i: usize) -> PlanIndex {
        PlanIndex::new(&self.plans[i].plan, &self.aliases, &self.minister_map)
    }

    /// [`Self::index`] learning from the staff decisions, as `vigie match` links.
    pub fn learning_index(&self, i: usize) -> PlanIndex {
        self.index(i).with_decisions(&self.decisions[i])
    }

    /// Position in [`MatchInput::questions`] of the question with database id `id`.
    pub fn question_by_id(&self, id: i32) -> Option<usize> {
        self.question_ids.binary_search(&id).ok()
    }

    /// Positions of the questions whose identity is (`legislature`, `number`, addressee surname);
    /// the surname is compared without case or accents.
    pub fn questions_by_key(&self, legislature: &str, number: u32, surname: &str) -> Vec<usize> {
        let surname = vigie_core::text::fold(surname);
        self.questions
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                q.legislature == legislature
                    && q.number == number
                    && vigie_core::text::fold(&q.addressee_key()) == surname
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The (legislature, number, addressee surname, action code) pairs the matcher links, over
    /// every plan: what `vigie eval` scores. Computed in memory, whatever the database's links.
    pub fn predicted_pairs(&self) -> Vec<(String, u32, String, String)> {
        let mut out = Vec::new();
        for i in 0..self.plans.len() {
            let links = self.index(i).match_all(&self.questions);
            push_pairs(&self.questions, &links, &mut out);
        }
        out
    }
}

/// Appends the (question key, action) pairs of `links` (one list per question) to `out`.
pub fn push_pairs(
    questions: &[Question],
    links: &[Vec<QuestionLink>],
    out: &mut Vec<(String, u32, String, String)>,
) {
    for (q, ql) in questions.iter().zip(links) {
        let (leg, number, surname) = question_key(q);
        for l in ql {
            out.push((leg.clone(), number, surname.clone(), l.action_code.clone()));
        }
    }
}

/// What one run of the matcher changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MatchSummary {
    pub matcher_version: String,
    pub plans: usize,
    pub actions: usize,
    pub questions: usize,
    /// Proposed links inserted.
    pub links_new: u64,
    /// Proposed links whose score, passages or reasons changed.
    pub links_updated: u64,
    /// Proposed links the matcher produced again, identical.
    pub links_unchanged: u64,
    /// Proposed links the matcher no longer produces, deleted.
    pub links_removed: u64,
    /// Links left untouched because a person reviewed them (confirmed or rejected) or made them.
    pub links_kept_reviewed: u64,
    /// Actions whose proposed status (status, sentence or evidence) changed: a new history row.
    pub statuses_changed: u64,
    pub statuses_unchanged: u64,
    /// Possible missed links offered to staff after the run (pairs just under the threshold).
    pub possible_links: u64,
    /// Possible missed links added, changed or withdrawn by the run.
    pub possible_changed: u64,
}

impl MatchSummary {
    /// Whether the run changed nothing in the database.
    pub fn is_noop(&self) -> bool {
        self.links_new == 0
            && self.links_updated == 0
            && self.links_removed == 0
            && self.statuses_changed == 0
            && self.possible_changed == 0
    }
}

impl std::fmt::Display for MatchSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "matched {} question(s) against {} plan(s) ({} actions) with {}",
            self.questions, self.plans, self.actions, self.matcher_version
        )?;
        writeln!(
            f,
            "links:    {} new, {} updated, {} unchanged, {} removed; {} reviewed or manual link(s) kept as they are",
            self.links_new,
            self.links_updated,
            self.links_unchanged,
            self.links_removed,
            self.links_kept_reviewed
        )?;
        writeln!(
            f,
            "statuses: {} changed, {} unchanged",
            self.statuses_changed, self.statuses_unchanged
        )?;
        writeln!(
            f,
            "possible missed links for review: {} (just under the threshold)",
            self.possible_links
        )
    }
}

fn missing(what: &str, id: i32) -> DbErr {
    DbErr::RecordNotFound(format!("{what} {id}"))
}

fn to_u32(v: i32, what: &str) -> Result<u32, DbErr> {
    u32::try_from(v).map_err(|_| DbErr::Type(format!("{what} {v} is negative")))
}

fn minister_model(m: &minister::Model) -> Minister {
    Minister {
        name: m.name.clone(),
        portfolio: m.portfolio.clone(),
    }
}

/// The matcher's passages of a link stored in the database (confirmed or manual links the matcher
/// does not produce), so they can feed the status engine.
fn stored_link(
    q: &Question,
    code: &str,
    score: f64,
    stored: &[(u32, f64)],
    summary: &str,
) -> QuestionLink {
    let reasons = |s: f64| Reasons {
        text_score: s,
        shared_terms: Vec::new(),
        organisations: Vec::new(),
        minister: None,
        subject: SubjectReason {
            subject: q.subject.clone(),
            score: 0.0,
            shared_words: Vec::new(),
        },
        summary: summary.to_string(),
        staff: None,
    };
    let mut passages: Vec<PassageLink> = stored
        .iter()
        .filter_map(|&(pos, s)| {
            q.passages
                .iter()
                .find(|p| p.position == pos)
                .map(|p| PassageLink {
                    position: p.position,
                    kind: p.kind,
                    score: s,
                    reasons: reasons(s),
                })
        })
        .collect();
    if !passages.iter().any(|p| p.kind.is_answer()) {
        // A person linked the question without pointing at an answer passage (or the passages
        // they pointed at are gone): the whole answer speaks to the action, at the link's score.
        passages.extend(
            q.passages
                .iter()
                .filter(|p| p.kind.is_answer())
                .map(|p| PassageLink {
                    position: p.position,
                    kind: p.kind,
                    score,
                    reasons: reasons(score),
                }),
        );
    }
    passages.sort_by_key(|p| p.position);
    QuestionLink {
        action_code: code.to_string(),
        score,
        passages,
    }
}

/// One link row to write: its passages as (passage id, score, reasons JSON), by passage id.
type PassageRows = Vec<(i32, f64, String)>;
/// A link to write: its score and passages.
type LinkRows = (f64, PassageRows);

impl Store {
    /// Reads every plan, question, organisation alias and minister mapping into the model the
    /// matcher reads, with a fixed number of queries.
    pub async fn load_match_input(&self) -> Result<MatchInput, DbErr> {
        load_input(self.conn()).await
    }

    /// Recomputes the links and the proposed statuses of the whole database (see the module
    /// docs), [`MATCH_CHUNK`] questions at a time. Deterministic: a second run over the same
    /// documents changes nothing.
    pub async fn run_matcher(&self) -> Result<MatchSummary, DbErr> {
        self.run_matcher_in_chunks(MATCH_CHUNK).await
    }

    /// [`Store::run_matcher`] reading, linking and writing `chunk` questions at a time (at least
    /// one). The database it leaves and the summary it returns do not depend on `chunk` (only the
    /// ids of `link_passage` rows may differ); its memory does.
    pub async fn run_matcher_in_chunks(&self, chunk: usize) -> Result<MatchSummary, DbErr> {
        let txn = crate::write::begin(self.conn()).await?;
        let summary = run(&txn, chunk.max(1)).await?;
        txn.commit().await?;
        Ok(summary)
    }

    /// The stored link between a question and an action, if any.
    pub async fn link_between(
        &self,
        question_id: i32,
        action_id: i32,
    ) -> Result<Option<link::Model>, DbErr> {
        link::Entity::find()
            .filter(link::Column::QuestionId.eq(question_id))
            .filter(link::Column::ActionId.eq(action_id))
            .one(self.conn())
            .await
    }
}

/// What the matcher reads besides the questions: the plans, the alias table and the minister
/// mapping, with the people questions name.
struct Base {
    plans: Vec<LoadedPlan>,
    aliases: Vec<Organisation>,
    minister_map: Vec<(String, String)>,
    ministers: HashMap<i32, minister::Model>,
    /// `member.id` → name.
    members: HashMap<i32, String>,
}

impl Base {
    fn index(&self, i: usize) -> PlanIndex {
        PlanIndex::new(&self.plans[i].plan, &self.aliases, &self.minister_map)
    }
}

/// The staff decisions the matcher learns from ([`vigie_matcher::learn`]), per plan in
/// [`Base::plans`] order: every confirmed link (reviewed proposals, moved and manual links) and
/// every rejected one, in link id order, each with its whole question. One query for the links,
/// then the questions they name, a chunk of ids at a time.
async fn load_decisions<C: ConnectionTrait>(
    db: &C,
    base: &Base,
) -> Result<Vec<Vec<StaffDecision>>, DbErr> {
    let rows: Vec<(i32, i32, String)> = link::Entity::find()
        .select_only()
        .column(link::Column::QuestionId)
        .column(link::Column::ActionId)
        .column(link::Column::State)
        .filter(
            link::Column::State
                .is_in([LinkState::Confirmed.as_str(), LinkState::Rejected.as_str()]),
        )
        .order_by_asc(link::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut per_plan: Vec<Vec<StaffDecision>> = vec![Vec::new(); base.plans.len()];
    if rows.is_empty() {
        return Ok(per_plan);
    }
    let mut ids: Vec<i32> = rows.iter().map(|r| r.0).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut questions: HashMap<i32, Question> = HashMap::new();
    for chunk in ids.chunks(500) {
        let loaded = load_questions_by_id(db, base, chunk).await?;
        questions.extend(loaded.question_ids.into_iter().zip(loaded.questions));
    }
    for (question_id, action_id, state) in rows {
        let verdict = match decode::<LinkState>("link.state", &state)? {
            LinkState::Confirmed => Verdict::Confirmed,
            LinkState::Rejected => Verdict::Rejected,
            LinkState::Proposed => continue,
        };
        let Some(q) = questions.get(&question_id) else {
            continue;
        };
        for (pi, lp) in base.plans.iter().enumerate() {
            if let Some((code, _)) = lp.action_ids.iter().find(|(_, id)| **id == action_id) {
                per_plan[pi].push(StaffDecision {
                    action_code: code.clone(),
                    question: q.clone(),
                    verdict,
                });
            }
        }
    }
    Ok(per_plan)
}

/// Some questions as the matcher reads them.
struct LoadedQuestions {
    /// In id order.
    questions: Vec<Question>,
    /// `question.id` of each question, same order.
    question_ids: Vec<i32>,
    /// (`question.id`, passage position) → `passage.id`.
    passage_ids: HashMap<(i32, u32), i32>,
}

impl LoadedQuestions {
    fn position_of(&self, id: i32) -> Option<usize> {
        self.question_ids.binary_search(&id).ok()
    }
}

async fn load_input<C: ConnectionTrait>(db: &C) -> Result<MatchInput, DbErr> {
    let base = load_base(db).await?;
    let loaded = load_questions(db, &base, i32::MIN..=i32::MAX).await?;
    let decisions = load_decisions(db, &base).await?;
    Ok(MatchInput {
        decisions,
        plans: base.plans,
        questions: loaded.questions,
        question_ids: loaded.question_ids,
        passage_ids: loaded.passage_ids,
        aliases: base.aliases,
        minister_map: base.minister_map,
    })
}

async fn load_base<C: ConnectionTrait>(db: &C) -> Result<Base, DbErr> {
    let ministers: HashMap<i32, minister::Model> = minister::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let organisations: BTreeMap<i32, organisation::Model> = organisation::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();

    // Plans: every table read once, then assembled.
    let plans = plan::Entity::find()
        .order_by_asc(plan::Column::Id)
        .all(db)
        .await?;
    let plan_ministers = plan_minister::Entity::find()
        .order_by_asc(plan_minister::Column::PlanId)
        .order_by_asc(plan_minister::Column::Position)
        .all(db)
        .await?;
    let plan_partners = plan_partner::Entity::find()
        .order_by_asc(plan_partner::Column::PlanId)
        .order_by_asc(plan_partner::Column::Position)
        .all(db)
        .await?;
    let axes = axis::Entity::find()
        .order_by_asc(axis::Column::PlanId)
        .order_by_asc(axis::Column::Number)
        .all(db)
        .await?;
    let pilots = axis_pilot::Entity::find()
        .order_by_asc(axis_pilot::Column::AxisId)
        .order_by_asc(axis_pilot::Column::Position)
        .all(db)
        .await?;
    let actions = action::Entity::find()
        .order_by_asc(action::Column::AxisId)
        .order_by_asc(action::Column::Position)
        .all(db)
        .await?;
    let minister_of = |id: i32| {
        ministers
            .get(&id)
            .map(minister_model)
            .ok_or_else(|| missing("minister", id))
    };
    let mut loaded = Vec::with_capacity(plans.len());
    for p in plans {
        let ministers_with = |role: &str| -> Result<Vec<Minister>, DbErr> {
            plan_ministers
                .iter()
                .filter(|r| r.plan_id == p.id && r.role == role)
                .map(|r| minister_of(r.minister_id))
                .collect()
        };
        let partners_with = |role: &str| -> Result<Vec<Partner>, DbErr> {
            plan_partners
                .iter()
                .filter(|r| r.plan_id == p.id && r.role == role)
                .map(|r| {
                    let org = organisations
                        .get(&r.organisation_id)
                        .ok_or_else(|| missing("organisation", r.organisation_id))?;
                    Ok(Partner {
                        name: org.name.clone(),
                        qualifier: r.qualifier.clone(),
                    })
                })
                .collect()
        };
        let mut action_ids = BTreeMap::new();
        let mut plan_axes = Vec::new();
        for a in axes.iter().filter(|a| a.plan_id == p.id) {
            let number = to_u32(a.number, "axis number")?;
            let mut acts = Vec::new();
            for x in actions.iter().filter(|x| x.axis_id == a.id) {
                action_ids.insert(x.code.clone(), x.id);
                acts.push(vigie_core::Action {
                    code: x.code.clone(),
                    axis: number,
                    position: to_u32(x.position, "action position")?,
                    label: x.label.clone(),
                    text: x.text.clone(),
                });
            }
            plan_axes.push(Axis {
                number,
                title: a.title.clone(),
                description: a.description.clone(),
                pilots: pilots
                    .iter()
                    .filter(|r| r.axis_id == a.id)
                    .map(|r| minister_of(r.minister_id))
                    .collect::<Result<_, _>>()?,
                actions: acts,
            });
        }
        loaded.push(LoadedPlan {
            id: p.id,
            action_ids,
            plan: Plan {
                title: p.title.clone(),
                kind: p.kind.clone(),
                intro: if p.intro.is_empty() {
                    Vec::new()
                } else {
                    p.intro.split(INTRO_SEPARATOR).map(str::to_string).collect()
                },
                lead_ministers: ministers_with(ROLE_LEAD)?,
                associated_ministers: ministers_with(ROLE_ASSOCIATED)?,
                partners: partners_with(ROLE_PARTNER)?,
                steering_committee: partners_with(ROLE_STEERING)?,
                axes: plan_axes,
            },
        });
    }

    let members: HashMap<i32, String> = member::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect();
    // The alias table: every organisation with the other names it is known by.
    let mut aliases: BTreeMap<i32, Vec<String>> = BTreeMap::new();
    for a in organisation_alias::Entity::find()
        .order_by_asc(organisation_alias::Column::Id)
        .all(db)
        .await?
    {
        aliases.entry(a.organisation_id).or_default().push(a.alias);
    }
    let aliases = organisations
        .values()
        .map(|o| Organisation {
            name: o.name.clone(),
            aliases: aliases.remove(&o.id).unwrap_or_default(),
        })
        .collect();

    let minister_map = minister_map(db, &ministers).await?;
    Ok(Base {
        plans: loaded,
        aliases,
        minister_map,
        ministers,
        members,
    })
}

/// The questions whose id is in `ids`, with their passages: two queries. Acts are not read: the
/// matcher does not use them.
async fn load_questions<C: ConnectionTrait>(
    db: &C,
    base: &Base,
    ids: RangeInclusive<i32>,
) -> Result<LoadedQuestions, DbErr> {
    load_questions_where(
        db,
        base,
        question::Column::Id.between(*ids.start(), *ids.end()),
        passage::Column::QuestionId.between(*ids.start(), *ids.end()),
    )
    .await
}

/// The questions whose id is one of `ids` (a few hundred at most), like [`load_questions`].
async fn load_questions_by_id<C: ConnectionTrait>(
    db: &C,
    base: &Base,
    ids: &[i32],
) -> Result<LoadedQuestions, DbErr> {
    load_questions_where(
        db,
        base,
        question::Column::Id.is_in(ids.to_vec()),
        passage::Column::QuestionId.is_in(ids.to_vec()),
    )
    .await
}

async fn load_questions_where<C: ConnectionTrait>(
    db: &C,
    base: &Base,
    questions_wanted: sea_orm::sea_query::SimpleExpr,
    passages_wanted: sea_orm::sea_query::SimpleExpr,
) -> Result<LoadedQuestions, DbErr> {
    let minister_of = |id: i32| {
        base.ministers
            .get(&id)
            .map(minister_model)
            .ok_or_else(|| missing("minister", id))
    };
    let rows = question::Entity::find()
        .filter(questions_wanted)
        .order_by_asc(question::Column::Id)
        .all(db)
        .await?;
    let mut passages: HashMap<i32, Vec<passage::Model>> = HashMap::new();
    for p in passage::Entity::find()
        .filter(passages_wanted)
        .order_by_asc(passage::Column::QuestionId)
        .order_by_asc(passage::Column::Position)
        .all(db)
        .await?
    {
        passages.entry(p.question_id).or_default().push(p);
    }
    let mut questions = Vec::with_capacity(rows.len());
    let mut question_ids = Vec::with_capacity(rows.len());
    let mut passage_ids = HashMap::new();
    for q in rows {
        let mut ps = Vec::new();
        for p in passages.remove(&q.id).unwrap_or_default() {
            let kind = decode("passage.kind", &p.kind)?;
            let position = to_u32(p.position, "passage position")?;
            passage_ids.insert((q.id, position), p.id);
            ps.push(Passage {
                kind,
                position,
                heading: p.heading,
                text: p.text,
            });
        }
        questions.push(Question {
            legislature: q.legislature,
            session: q.session,
            number: to_u32(q.number, "question number")?,
            subject: q.subject,
            author: base
                .members
                .get(&q.member_id)
                .cloned()
                .ok_or_else(|| missing("member", q.member_id))?,
            addressee: minister_of(q.minister_id)?,
            received: q.received,
            published: q.published,
            answered: q.answered,
            acts: Vec::new(),
            passages: ps,
            source: None,
            warnings: Vec::new(),
        });
        question_ids.push(q.id);
    }

    Ok(LoadedQuestions {
        questions,
        question_ids,
        passage_ids,
    })
}

/// Staff's minister mapping (`minister_mapping`: a plan portfolio ↔ a minister as questions name
/// them), as the matcher takes it.
async fn minister_map<C: ConnectionTrait>(
    db: &C,
    ministers: &HashMap<i32, minister::Model>,
) -> Result<Vec<(String, String)>, DbErr> {
    let select = Query::select()
        .column(Alias::new("portfolio"))
        .column(Alias::new("minister_id"))
        .from(Alias::new("minister_mapping"))
        .order_by(Alias::new("id"), sea_orm::Order::Asc)
        .to_owned();
    let mut out = Vec::new();
    for row in db.query_all(&select).await? {
        let portfolio: String = row.try_get("", "portfolio")?;
        let id: i32 = row.try_get("", "minister_id")?;
        let m = ministers.get(&id).ok_or_else(|| missing("minister", id))?;
        out.push((
            portfolio,
            m.name.clone().unwrap_or_else(|| m.portfolio.clone()),
        ));
    }
    Ok(out)
}

/// The stored status proposal's fields that make it "the same proposal".
#[derive(PartialEq, Eq, Debug)]
struct ProposalKey {
    status: String,
    sentence: Option<String>,
    question_id: Option<i32>,
    passage_id: Option<i32>,
    evidence_date: Option<NaiveDate>,
}

/// Ranges of question ids that cut `ids` (sorted) into chunks of `size`; together they cover every
/// id, so each link of the database falls in exactly one (an empty database gives one range).
fn id_ranges(ids: &[i32], size: usize) -> Vec<RangeInclusive<i32>> {
    let n = ids.len().div_ceil(size).max(1);
    (0..n)
        .map(|k| {
            let lo = if k == 0 { i32::MIN } else { ids[k * size] };
            let hi = if k + 1 == n {
                i32::MAX
            } else {
                ids[(k + 1) * size - 1]
            };
            lo..=hi
        })
        .collect()
}

/// Recomputes every link and proposal inside the caller's write transaction: what a change to
/// the matcher's inputs (an organisation alias, a minister mapping) needs so that links, statuses,
/// counts and feeds agree with it at once, in the same transaction as the change and its audit
/// row. It costs a full `vigie match` (about a second per thousand questions at a thousand
/// actions), which such rare administrative changes can afford.
pub(crate) async fn rematch<C: ConnectionTrait>(txn: &C) -> Result<MatchSummary, DbErr> {
    run(txn, MATCH_CHUNK).await
}

/// Per plan, per question of a chunk: links (or possible missed links).
type PerPlan = Vec<Vec<Vec<QuestionLink>>>;

/// The whole run, in the caller's transaction. One pass over the questions, `chunk` at a time: each
/// chunk is linked (a question's links depend on the plan and that question only, not on the rest
/// of the database: see [`vigie_matcher::Corpus`]), its links written and its status evidence
/// collected. Statuses are written at the end. What stays in memory across chunks: the plans, the
/// question ids, the question identities evidence names, and the status evidence (cue sentences).
async fn run<C: ConnectionTrait>(txn: &C, chunk: usize) -> Result<MatchSummary, DbErr> {
    let now = Utc::now();
    let base = load_base(txn).await?;
    let decisions = load_decisions(txn, &base).await?;
    let indexes: Vec<PlanIndex> = (0..base.plans.len())
        .map(|i| base.index(i).with_decisions(&decisions[i]))
        .collect();
    let ids: Vec<i32> = question::Entity::find()
        .select_only()
        .column(question::Column::Id)
        .order_by_asc(question::Column::Id)
        .into_tuple()
        .all(txn)
        .await?;
    let mut summary = MatchSummary {
        matcher_version: MATCHER_VERSION.to_string(),
        plans: base.plans.len(),
        actions: base.plans.iter().map(|p| p.action_ids.len()).sum(),
        questions: ids.len(),
        ..MatchSummary::default()
    };
    let ranges = id_ranges(&ids, chunk);

    // The store keeps each action's proposal, not the sentences it won over.
    let mut collectors: Vec<StatusCollector> = indexes
        .iter()
        .map(|ix| StatusCollector::new(ix).evidence_only())
        .collect();
    // Evidence names its question by key; two ministers sharing a surname would share a key: the
    // first question by id is kept, the same on every run.
    let mut by_key: HashMap<QuestionKey, i32> = HashMap::new();
    for r in ranges {
        let qs = load_questions(txn, &base, r.clone()).await?;
        // The links and the possible missed links, in one pass.
        let (fresh, possible): (PerPlan, PerPlan) = indexes
            .iter()
            .map(|ix| ix.match_with_possible(&qs.questions).into_iter().unzip())
            .unzip();
        let stored = load_links(txn, r.clone()).await?;
        write_possible(txn, &base, &qs, &possible, &stored, r.clone(), &mut summary).await?;
        write_links(txn, &base, &qs, &fresh, &stored, r, &mut summary, now).await?;
        collect_statuses(&base, &indexes, &qs, fresh, &stored, &mut collectors, false);
        for (q, &id) in qs.questions.iter().zip(&qs.question_ids) {
            by_key.entry(question_key(q)).or_insert(id);
        }
    }
    write_statuses(txn, &base, collectors, &by_key, &mut summary, now, None).await?;
    Ok(summary)
}

/// Recomputes the status proposals of `action_ids` from their stored links, in the caller's
/// transaction: a staff decision (confirm, reject, move, manual link) calls it in the same
/// transaction, so the page, the API, the CSV, the feeds and the counts agree at once instead of
/// after the next `vigie match`.
///
/// The evidence is what `vigie match` would count for those actions: every stored link that is not
/// rejected (the matcher's proposals, confirmed and manual links), with its stored trail; the
/// status engine and the "no change, no new history row" rule are the run's own.
pub async fn recompute_statuses<C: ConnectionTrait>(
    txn: &C,
    action_ids: &[i32],
) -> Result<(), DbErr> {
    if action_ids.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let only: HashSet<i32> = action_ids.iter().copied().collect();
    let base = load_base(txn).await?;
    let indexes: Vec<PlanIndex> = (0..base.plans.len()).map(|i| base.index(i)).collect();
    let mut collectors: Vec<StatusCollector> = indexes
        .iter()
        .map(|ix| StatusCollector::new(ix).evidence_only())
        .collect();
    let mut question_ids: Vec<i32> = link::Entity::find()
        .select_only()
        .column(link::Column::QuestionId)
        .filter(link::Column::ActionId.is_in(action_ids.to_vec()))
        .filter(link::Column::State.ne(LinkState::Rejected.as_str()))
        .into_tuple()
        .all(txn)
        .await?;
    question_ids.sort_unstable();
    question_ids.dedup();
    let mut by_key: HashMap<QuestionKey, i32> = HashMap::new();
    // One question at a time: a staff decision touches an action or two, with their questions.
    for id in question_ids {
        let qs = load_questions(txn, &base, id..=id).await?;
        let stored = load_links(txn, id..=id).await?;
        let none: Vec<Vec<Vec<QuestionLink>>> = base
            .plans
            .iter()
            .map(|_| vec![Vec::new(); qs.questions.len()])
            .collect();
        collect_statuses(&base, &indexes, &qs, none, &stored, &mut collectors, true);
        for (q, &qid) in qs.questions.iter().zip(&qs.question_ids) {
            by_key.entry(question_key(q)).or_insert(qid);
        }
    }
    let mut summary = MatchSummary::default();
    write_statuses(
        txn,
        &base,
        collectors,
        &by_key,
        &mut summary,
        now,
        Some(&only),
    )
    .await
}

/// Rewrites the possible missed links of the questions in `ids` (see
/// [`vigie_matcher::PlanIndex::possible_links`]): a pair staff already decided on, or that is
/// stored as a link, is not offered. Only rows that differ are written, so a second run is a no-op.
async fn write_possible<C: ConnectionTrait>(
    txn: &C,
    base: &Base,
    qs: &LoadedQuestions,
    possible: &[Vec<Vec<QuestionLink>>],
    stored: &StoredLinks,
    ids: RangeInclusive<i32>,
    summary: &mut MatchSummary,
) -> Result<(), DbErr> {
    let linked: HashSet<(i32, i32)> = stored
        .links
        .iter()
        .map(|l| (l.question_id, l.action_id))
        .collect();
    // (question id, action id) → (passage id, score, reasons)
    let mut wanted: BTreeMap<(i32, i32), (i32, f64, String)> = BTreeMap::new();
    for (pi, per_question) in possible.iter().enumerate() {
        let lp = &base.plans[pi];
        for (qi, links) in per_question.iter().enumerate() {
            let qid = qs.question_ids[qi];
            for l in links {
                let Some(&aid) = lp.action_ids.get(&l.action_code) else {
                    continue;
                };
                let Some(best) = l.passages.iter().max_by(|a, b| {
                    a.score
                        .total_cmp(&b.score)
                        .then(b.position.cmp(&a.position))
                }) else {
                    continue;
                };
                if linked.contains(&(qid, aid)) {
                    continue;
                }
                let pid = *qs.passage_ids.get(&(qid, best.position)).ok_or_else(|| {
                    DbErr::RecordNotFound(format!("passage {} of question {qid}", best.position))
                })?;
                let reasons = serde_json::to_string(&best.reasons)
                    .map_err(|e| DbErr::Custom(format!("reasons as JSON: {e}")))?;
                wanted.insert((qid, aid), (pid, l.score, reasons));
            }
        }
    }
    let existing = possible_link::Entity::find()
        .filter(possible_link::Column::QuestionId.between(*ids.start(), *ids.end()))
        .all(txn)
        .await?;
    let mut stale = Vec::new();
    for row in existing {
        let key = (row.question_id, row.action_id);
        let same = wanted.get(&key).is_some_and(|(pid, score, reasons)| {
            *pid == row.passage_id
                && *score == row.score
                && *reasons == row.reasons
                && row.matcher_version == MATCHER_VERSION
        });
        if same {
            wanted.remove(&key);
            summary.possible_links += 1;
        } else {
            stale.push(row.id);
        }
    }
    summary.possible_changed += (stale.len() + wanted.len()) as u64;
    summary.possible_links += wanted.len() as u64;
    for ids in stale.chunks(CHUNK) {
        possible_link::Entity::delete_many()
            .filter(possible_link::Column::Id.is_in(ids.to_vec()))
            .exec(txn)
            .await?;
    }
    let rows: Vec<possible_link::ActiveModel> = wanted
        .into_iter()
        .map(|((question_id, action_id), (passage_id, score, reasons))| {
            possible_link::ActiveModel {
                question_id: Set(question_id),
                action_id: Set(action_id),
                passage_id: Set(passage_id),
                score: Set(score),
                reasons: Set(reasons),
                matcher_version: Set(MATCHER_VERSION.to_string()),
                ..Default::default()
            }
        })
        .collect();
    // Seven bound values a row.
    for chunk in rows.chunks(CHUNK / 7) {
        possible_link::Entity::insert_many(chunk.to_vec())
            .exec(txn)
            .await?;
    }
    Ok(())
}

/// The links of some questions as the database holds them, before the run writes.
struct StoredLinks {
    /// By id.
    links: Vec<StoredLink>,
    /// `link.id` → its passages, by passage id.
    passages: HashMap<i32, PassageRows>,
}

/// A stored link, its state and origin decoded (the row's own `state`/`origin` strings are
/// shadowed by these fields; everything else reads through to the row).
struct StoredLink {
    row: link::Model,
    state: LinkState,
    origin: LinkOrigin,
}

impl std::ops::Deref for StoredLink {
    type Target = link::Model;
    fn deref(&self) -> &link::Model {
        &self.row
    }
}

/// The links of the questions whose id is in `ids`, with their passages: two queries.
async fn load_links<C: ConnectionTrait>(
    txn: &C,
    ids: RangeInclusive<i32>,
) -> Result<StoredLinks, DbErr> {
    let (lo, hi) = (*ids.start(), *ids.end());
    let links = link::Entity::find()
        .filter(link::Column::QuestionId.between(lo, hi))
        .order_by_asc(link::Column::Id)
        .all(txn)
        .await?
        .into_iter()
        .map(|row| {
            Ok(StoredLink {
                state: decode("link.state", &row.state)?,
                origin: decode("link.origin", &row.origin)?,
                row,
            })
        })
        .collect::<Result<Vec<_>, DbErr>>()?;
    let of_these = Query::select()
        .column(link::Column::Id)
        .from(link::Entity)
        .and_where(link::Column::QuestionId.between(lo, hi))
        .to_owned();
    let mut passages: HashMap<i32, PassageRows> = HashMap::new();
    for lp in link_passage::Entity::find()
        .filter(link_passage::Column::LinkId.in_subquery(of_these))
        .order_by_asc(link_passage::Column::Id)
        .all(txn)
        .await?
    {
        passages
            .entry(lp.link_id)
            .or_default()
            .push((lp.passage_id, lp.score, lp.reasons));
    }
    for rows in passages.values_mut() {
        rows.sort_by_key(|r| r.0);
    }
    Ok(StoredLinks { links, passages })
}

/// Writes the links of one chunk of questions (`ids` covers them, and `stored` holds their links):
/// inserts, refreshes and deletes the matcher's proposals, leaves the others alone.
#[allow(clippy::too_many_arguments)]
async fn write_links<C: ConnectionTrait>(
    txn: &C,
    base: &Base,
    qs: &LoadedQuestions,
    fresh: &[Vec<Vec<QuestionLink>>],
    stored: &StoredLinks,
    ids: RangeInclusive<i32>,
    summary: &mut MatchSummary,
    now: chrono::DateTime<Utc>,
) -> Result<(), DbErr> {
    // What the matcher proposes now, by (question id, action id).
    let mut wanted: BTreeMap<(i32, i32), LinkRows> = BTreeMap::new();
    for (pi, per_question) in fresh.iter().enumerate() {
        let lp = &base.plans[pi];
        for (qi, links) in per_question.iter().enumerate() {
            let qid = qs.question_ids[qi];
            for l in links {
                let aid = *lp.action_ids.get(&l.action_code).ok_or_else(|| {
                    DbErr::RecordNotFound(format!("action {} of plan {}", l.action_code, lp.id))
                })?;
                let mut rows = Vec::with_capacity(l.passages.len());
                for p in &l.passages {
                    let pid = *qs.passage_ids.get(&(qid, p.position)).ok_or_else(|| {
                        DbErr::RecordNotFound(format!("passage {} of question {qid}", p.position))
                    })?;
                    let reasons = serde_json::to_string(&p.reasons)
                        .map_err(|e| DbErr::Custom(format!("reasons as JSON: {e}")))?;
                    rows.push((pid, p.score, reasons));
                }
                rows.sort_by_key(|r| r.0);
                wanted.insert((qid, aid), (l.score, rows));
            }
        }
    }

    let is_matchers =
        |l: &StoredLink| l.origin == LinkOrigin::Matcher && l.state == LinkState::Proposed;
    let mut by_pair: HashSet<(i32, i32)> = HashSet::new();
    let mut to_delete = Vec::new();
    let mut to_refresh: Vec<(&link::Model, f64, &PassageRows)> = Vec::new();
    for l in &stored.links {
        by_pair.insert((l.question_id, l.action_id));
        if !is_matchers(l) {
            summary.links_kept_reviewed += 1;
            continue;
        }
        match wanted.get(&(l.question_id, l.action_id)) {
            None => to_delete.push(l.id),
            Some((score, rows)) => {
                let same = l.score == *score
                    && l.matcher_version == MATCHER_VERSION
                    && stored.passages.get(&l.id).map(Vec::as_slice).unwrap_or(&[])
                        == rows.as_slice();
                if same {
                    summary.links_unchanged += 1;
                } else {
                    to_refresh.push((l, *score, rows));
                }
            }
        }
    }

    for chunk in to_delete.chunks(CHUNK) {
        // Their link_passage rows go with them (ON DELETE CASCADE).
        link::Entity::delete_many()
            .filter(link::Column::Id.is_in(chunk.to_vec()))
            .exec(txn)
            .await?;
    }
    summary.links_removed += to_delete.len() as u64;

    let mut passages_of: Vec<(i32, &PassageRows)> = Vec::new();
    for (l, score, rows) in &to_refresh {
        link::Entity::update_many()
            .col_expr(link::Column::Score, Expr::val(*score))
            .col_expr(link::Column::MatcherVersion, Expr::val(MATCHER_VERSION))
            .col_expr(link::Column::UpdatedAt, Expr::val(now))
            .filter(link::Column::Id.eq(l.id))
            .exec(txn)
            .await?;
        passages_of.push((l.id, rows));
    }
    let refreshed: Vec<i32> = to_refresh.iter().map(|(l, _, _)| l.id).collect();
    for chunk in refreshed.chunks(CHUNK) {
        link_passage::Entity::delete_many()
            .filter(link_passage::Column::LinkId.is_in(chunk.to_vec()))
            .exec(txn)
            .await?;
    }
    summary.links_updated += to_refresh.len() as u64;

    let new_pairs: Vec<((i32, i32), &LinkRows)> = wanted
        .iter()
        .filter(|(pair, _)| !by_pair.contains(pair))
        .map(|(pair, v)| (*pair, v))
        .collect();
    for chunk in new_pairs.chunks(CHUNK) {
        let rows = chunk
            .iter()
            .map(|((qid, aid), (score, _))| link::ActiveModel {
                id: NotSet,
                question_id: Set(*qid),
                action_id: Set(*aid),
                score: Set(*score),
                state: Set(LinkState::Proposed.as_str().to_string()),
                origin: Set(LinkOrigin::Matcher.as_str().to_string()),
                matcher_version: Set(MATCHER_VERSION.to_string()),
                note: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                reviewed_by: Set(None),
                reviewed_at: Set(None),
                // Filled by the database (see `link::Model::evidence_date`).
                evidence_date: NotSet,
            });
        link::Entity::insert_many(rows).exec(txn).await?;
    }
    summary.links_new += new_pairs.len() as u64;
    if !new_pairs.is_empty() {
        // The new rows' ids, in one query.
        let new_ids: HashMap<(i32, i32), i32> = link::Entity::find()
            .filter(link::Column::QuestionId.between(*ids.start(), *ids.end()))
            .filter(link::Column::Origin.eq(LinkOrigin::Matcher.as_str()))
            .filter(link::Column::State.eq(LinkState::Proposed.as_str()))
            .all(txn)
            .await?
            .into_iter()
            .map(|l| ((l.question_id, l.action_id), l.id))
            .collect();
        for (pair, (_, rows)) in &new_pairs {
            let id = *new_ids
                .get(pair)
                .ok_or_else(|| DbErr::RecordNotFound(format!("new link {pair:?}")))?;
            passages_of.push((id, rows));
        }
    }
    // Built before the first await: a lazy iterator of closures held across it makes the future
    // too hard for rustc to prove `Send` once it runs inside a web handler (`rematch`).
    let mut lp_rows: Vec<link_passage::ActiveModel> = Vec::new();
    for (link_id, rows) in &passages_of {
        for (pid, score, reasons) in rows.iter() {
            lp_rows.push(link_passage::ActiveModel {
                id: NotSet,
                link_id: Set(*link_id),
                passage_id: Set(*pid),
                score: Set(*score),
                reasons: Set(reasons.clone()),
            });
        }
    }
    let mut lp_rows = lp_rows.into_iter().peekable();
    while lp_rows.peek().is_some() {
        let chunk: Vec<_> = lp_rows.by_ref().take(CHUNK).collect();
        link_passage::Entity::insert_many(chunk).exec(txn).await?;
    }
    Ok(())
}

/// Gives the status engine the links of one chunk of questions that count: the matcher's, plus
/// confirmed and manual ones, minus rejected ones (as the database held them before the run).
///
/// With `stored_proposals`, the matcher's stored proposals count as well (a recomputation between
/// runs, [`recompute_statuses`]: `fresh` is then empty).
fn collect_statuses(
    base: &Base,
    indexes: &[PlanIndex],
    qs: &LoadedQuestions,
    fresh: Vec<Vec<Vec<QuestionLink>>>,
    stored: &StoredLinks,
    collectors: &mut [StatusCollector],
    stored_proposals: bool,
) {
    // Links a person decided on: rejected pairs never count; confirmed pairs and manual links
    // count even when the matcher does not propose them.
    let rejected: HashSet<(i32, i32)> = stored
        .links
        .iter()
        .filter(|l| l.state == LinkState::Rejected)
        .map(|l| (l.question_id, l.action_id))
        .collect();
    let vouched: Vec<&StoredLink> = stored
        .links
        .iter()
        .filter(|l| {
            l.state == LinkState::Confirmed
                || (l.origin == LinkOrigin::Manual && l.state != LinkState::Rejected)
                || (stored_proposals && l.state == LinkState::Proposed)
        })
        .collect();
    // passage id → position, for stored trails.
    let position_of: HashMap<i32, u32> = qs
        .passage_ids
        .iter()
        .map(|(&(_, pos), &pid)| (pid, pos))
        .collect();
    for (pi, per_question) in fresh.into_iter().enumerate() {
        let lp = &base.plans[pi];
        let codes = indexes[pi].action_codes();
        let code_of: HashMap<i32, &str> = lp
            .action_ids
            .iter()
            .map(|(c, &id)| (id, c.as_str()))
            .collect();
        let mut counted: Vec<Vec<QuestionLink>> = per_question
            .into_iter()
            .enumerate()
            .map(|(qi, links)| {
                let qid = qs.question_ids[qi];
                links
                    .into_iter()
                    .filter(|l| !rejected.contains(&(qid, lp.action_ids[&l.action_code])))
                    .collect()
            })
            .collect();
        for l in &vouched {
            let Some(code) = code_of.get(&l.action_id) else {
                continue;
            };
            let Some(qi) = qs.position_of(l.question_id) else {
                continue;
            };
            if counted[qi].iter().any(|x| x.action_code == *code) {
                continue;
            }
            let trail: Vec<(u32, f64)> = stored
                .passages
                .get(&l.id)
                .map(|rows| {
                    rows.iter()
                        .filter_map(|(pid, s, _)| position_of.get(pid).map(|&pos| (pos, *s)))
                        .collect()
                })
                .unwrap_or_default();
            let why = format!("{} link, {}", l.origin.as_str(), l.state.as_str());
            counted[qi].push(stored_link(&qs.questions[qi], code, l.score, &trail, &why));
        }
        // Plan order within a question, so ties resolve the same way on every run.
        for links in &mut counted {
            links.sort_by_key(|l| codes.iter().position(|c| *c == l.action_code));
        }
        collectors[pi].add(&qs.questions, &counted);
    }
}

/// Makes the proposals from the evidence collected, and writes a history row for each action
/// whose proposal changed.
#[allow(clippy::too_many_arguments)]
async fn write_statuses<C: ConnectionTrait>(
    txn: &C,
    base: &Base,
    collectors: Vec<StatusCollector<'_>>,
    by_key: &HashMap<QuestionKey, i32>,
    summary: &mut MatchSummary,
    now: chrono::DateTime<Utc>,
    only: Option<&HashSet<i32>>,
) -> Result<(), DbErr> {
    let proposals: Vec<Vec<StatusProposal>> = collectors
        .into_iter()
        .map(StatusCollector::finish)
        .collect();
    let evidence_question = |e: &StatusEvidence| {
        by_key
            .get(&(e.legislature.clone(), e.number, e.addressee.clone()))
            .copied()
    };
    // The passages evidence quotes, (question id, position) → passage id: one query per CHUNK
    // questions quoted.
    let quoted: Vec<i32> = proposals
        .iter()
        .flatten()
        .filter_map(|p| p.evidence.as_ref().and_then(evidence_question))
        .collect::<BTreeSet<i32>>()
        .into_iter()
        .collect();
    let mut passage_ids: HashMap<(i32, u32), i32> = HashMap::new();
    for chunk in quoted.chunks(CHUNK) {
        for p in passage::Entity::find()
            .filter(passage::Column::QuestionId.is_in(chunk.to_vec()))
            .all(txn)
            .await?
        {
            passage_ids.insert(
                (p.question_id, to_u32(p.position, "passage position")?),
                p.id,
            );
        }
    }

    let current: HashMap<i32, status_proposal::Model> = status_proposal::Entity::find()
        .filter(status_proposal::Column::Current.eq(true))
        .order_by_asc(status_proposal::Column::Id)
        .all(txn)
        .await?
        .into_iter()
        .map(|p| (p.action_id, p))
        .collect();

    let mut superseded = Vec::new();
    let mut inserts = Vec::new();
    for (lp, proposals) in base.plans.iter().zip(proposals) {
        for p in proposals {
            let action_id = lp.action_ids[&p.action_code];
            if only.is_some_and(|only| !only.contains(&action_id)) {
                continue;
            }
            let key = proposal_key(&passage_ids, by_key, &p);
            let same = current.get(&action_id).is_some_and(|c| {
                key == ProposalKey {
                    status: c.status.clone(),
                    sentence: c.sentence.clone(),
                    question_id: c.question_id,
                    passage_id: c.passage_id,
                    evidence_date: c.evidence_date,
                }
            });
            if same {
                summary.statuses_unchanged += 1;
                continue;
            }
            if let Some(c) = current.get(&action_id) {
                superseded.push(c.id);
            }
            inserts.push(status_proposal::ActiveModel {
                id: NotSet,
                action_id: Set(action_id),
                status: Set(key.status),
                sentence: Set(key.sentence),
                question_id: Set(key.question_id),
                passage_id: Set(key.passage_id),
                evidence_date: Set(key.evidence_date),
                matcher_version: Set(MATCHER_VERSION.to_string()),
                computed_at: Set(now),
                current: Set(true),
            });
        }
    }
    for ids in superseded.chunks(CHUNK) {
        status_proposal::Entity::update_many()
            .col_expr(status_proposal::Column::Current, Expr::val(false))
            .filter(status_proposal::Column::Id.is_in(ids.to_vec()))
            .exec(txn)
            .await?;
    }
    summary.statuses_changed = inserts.len() as u64;
    let mut rows = inserts.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<_> = rows.by_ref().take(CHUNK).collect();
        status_proposal::Entity::insert_many(chunk)
            .exec(txn)
            .await?;
    }
    Ok(())
}

/// The stored form of a proposal: its status, and the sentence, question, passage and date of
/// its evidence.
fn proposal_key(
    passage_ids: &HashMap<(i32, u32), i32>,
    by_key: &HashMap<QuestionKey, i32>,
    p: &StatusProposal,
) -> ProposalKey {
    let Some(e) = &p.evidence else {
        return ProposalKey {
            status: p.status.as_str().to_string(),
            sentence: None,
            question_id: None,
            passage_id: None,
            evidence_date: None,
        };
    };
    let question_id = by_key
        .get(&(e.legislature.clone(), e.number, e.addressee.clone()))
        .copied();
    ProposalKey {
        status: p.status.as_str().to_string(),
        sentence: Some(e.sentence.clone()),
        question_id,
        passage_id: question_id.and_then(|q| passage_ids.get(&(q, e.passage_position)).copied()),
        evidence_date: e.answered,
    }
}
