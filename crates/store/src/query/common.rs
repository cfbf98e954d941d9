//! Small row types shared by the page queries, and the loaders that fill them for a whole list
//! of ids at once (one query per kind, never one per row).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use vigie_core::Status;

use crate::decode::decode;
use crate::entity::{
    action, axis, link, member, minister, organisation, question, status_proposal,
};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MinisterRef {
    pub id: i32,
    pub name: Option<String>,
    pub portfolio: String,
}

impl MinisterRef {
    /// The name when known (questions), else the portfolio (plans).
    pub fn display(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.portfolio)
    }
}

impl From<minister::Model> for MinisterRef {
    fn from(m: minister::Model) -> Self {
        MinisterRef {
            id: m.id,
            name: m.name,
            portfolio: m.portfolio,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MemberRef {
    pub id: i32,
    pub name: String,
}

impl From<member::Model> for MemberRef {
    fn from(m: member::Model) -> Self {
        MemberRef {
            id: m.id,
            name: m.name,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OrganisationRef {
    pub id: i32,
    pub name: String,
}

impl From<organisation::Model> for OrganisationRef {
    fn from(m: organisation::Model) -> Self {
        OrganisationRef {
            id: m.id,
            name: m.name,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AxisRef {
    pub id: i32,
    pub plan_id: i32,
    pub number: i32,
    pub title: String,
}

impl From<axis::Model> for AxisRef {
    fn from(a: axis::Model) -> Self {
        AxisRef {
            id: a.id,
            plan_id: a.plan_id,
            number: a.number,
            title: a.title,
        }
    }
}

/// An action with its current status, as lists show it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionRef {
    pub id: i32,
    pub plan_id: i32,
    pub axis_id: i32,
    pub code: String,
    pub position: i32,
    pub label: Option<String>,
    pub text: String,
    pub status: Status,
    /// The status is the engine's and rests only on links nobody reviewed (see [`Shown`]).
    pub unreviewed: bool,
}

impl ActionRef {
    pub fn from_model(a: action::Model, shown: Shown) -> Self {
        ActionRef {
            id: a.id,
            plan_id: a.plan_id,
            axis_id: a.axis_id,
            code: a.code,
            position: a.position,
            label: a.label,
            text: a.text,
            status: shown.status,
            unreviewed: shown.unreviewed,
        }
    }

    /// The displayed status and whether it is reviewed.
    pub fn shown(&self) -> Shown {
        Shown {
            status: self.status,
            unreviewed: self.unreviewed,
        }
    }

    /// A short title: the label when the plan gives one, else the text's first words.
    pub fn title(&self) -> String {
        match &self.label {
            Some(l) if !l.trim().is_empty() => l.clone(),
            _ => first_words(&self.text, 16),
        }
    }
}

/// The first `n` words of `text`, with an ellipsis when cut; the first sentence when shorter.
pub fn first_words(text: &str, n: usize) -> String {
    let first_sentence = text.split_inclusive(". ").next().unwrap_or(text).trim();
    let words: Vec<&str> = first_sentence.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{}…", words[..n].join(" "))
    }
}

/// A question as lists show it: identity, subject, who asked whom, dates.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionRef {
    pub id: i32,
    pub legislature: String,
    pub session: String,
    pub number: i32,
    pub subject: String,
    pub member: MemberRef,
    pub minister: MinisterRef,
    pub received: Option<NaiveDate>,
    pub answered: Option<NaiveDate>,
}

impl QuestionRef {
    /// The date evidence from this question is dated at: the answer, else the reception.
    pub fn evidence_date(&self) -> Option<NaiveDate> {
        self.answered.or(self.received)
    }
}

/// One page of a list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    /// 1-based.
    pub page: u64,
    pub per_page: u64,
}

impl<T> Page<T> {
    pub fn pages(&self) -> u64 {
        Ord::max(self.total.div_ceil(Ord::max(self.per_page, 1)), 1)
    }
}

/// A page number from user input, clamped to something a query can use.
pub fn clamp_page(page: Option<u64>) -> u64 {
    page.unwrap_or(1).clamp(1, 100_000)
}

/// Counts of actions per status.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub delivered: u64,
    pub in_progress: u64,
    pub announced: u64,
    pub stalled: u64,
    pub no_follow_up: u64,
    /// Of the counted actions, those whose status rests only on unreviewed links
    /// ([`Shown::unreviewed`]).
    pub unreviewed: u64,
}

impl StatusCounts {
    pub fn get(&self, s: Status) -> u64 {
        match s {
            Status::Delivered => self.delivered,
            Status::InProgress => self.in_progress,
            Status::Announced => self.announced,
            Status::Stalled => self.stalled,
            Status::NoFollowUp => self.no_follow_up,
        }
    }

    pub fn add(&mut self, shown: Shown) {
        self.unreviewed += u64::from(shown.unreviewed);
        match shown.status {
            Status::Delivered => self.delivered += 1,
            Status::InProgress => self.in_progress += 1,
            Status::Announced => self.announced += 1,
            Status::Stalled => self.stalled += 1,
            Status::NoFollowUp => self.no_follow_up += 1,
        }
    }

    pub fn total(&self) -> u64 {
        Status::ALL.iter().map(|s| self.get(*s)).sum()
    }
}

/// The status the public sees for an action, and whether a person stands behind it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Shown {
    pub status: Status,
    /// The status is the engine's proposal and every link it can rest on is one the matcher
    /// proposed and nobody reviewed: no staff assessment, no confirmed or manual link. Pages
    /// mark it ("not reviewed"), the API and the CSV carry it, and lists can filter on it.
    pub unreviewed: bool,
}

/// The status the public sees for each action: the newest staff assessment, else the engine's
/// current proposal; `no_follow_up` when there is neither. `ids = None` loads every action's.
///
/// The rule is [`shown_status`]; this loads what it needs for many actions at once (the action
/// page, which has the action's proposals and assessment in hand already, asks the rule itself).
pub async fn current_statuses<C: ConnectionTrait>(
    db: &C,
    ids: Option<&[i32]>,
) -> Result<HashMap<i32, Shown>, DbErr> {
    let mut q = status_proposal::Entity::find()
        .filter(status_proposal::Column::Current.eq(true))
        .order_by_asc(status_proposal::Column::Id);
    if let Some(ids) = ids {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        q = q.filter(status_proposal::Column::ActionId.is_in(ids.iter().copied()));
    }
    let rows = q.all(db).await?;
    let confirmed = confirmed_actions(db, ids).await?;
    let assessed = crate::staff::assessments::latest_statuses(db, ids).await?;
    // Later rows win if several are flagged current (a half-finished run must not hide one).
    let mut proposed: HashMap<i32, Status> = HashMap::new();
    for r in rows {
        proposed.insert(r.action_id, decode("status_proposal.status", &r.status)?);
    }
    let actions: HashSet<i32> = proposed.keys().chain(assessed.keys()).copied().collect();
    Ok(actions
        .into_iter()
        .map(|id| {
            let shown = shown_status(
                proposed.get(&id).copied(),
                confirmed.contains(&id),
                assessed.get(&id).copied(),
            );
            (id, shown)
        })
        .collect())
}

/// The actions among `ids` (all when `None`) with a link a person confirmed (or made: manual
/// links are confirmed).
pub(crate) async fn confirmed_actions<C: ConnectionTrait>(
    db: &C,
    ids: Option<&[i32]>,
) -> Result<HashSet<i32>, DbErr> {
    let mut confirmed = Query::select()
        .distinct()
        .column(link::Column::ActionId)
        .from(link::Entity)
        .and_where(Expr::col(link::Column::State).eq(vigie_core::LinkState::Confirmed.as_str()))
        .to_owned();
    if let Some(ids) = ids {
        confirmed.and_where(Expr::col(link::Column::ActionId).is_in(ids.iter().copied()));
    }
    db.query_all(&confirmed)
        .await?
        .iter()
        .map(|r| r.try_get::<i32>("", "action_id"))
        .collect()
}

/// The one rule of what an action shows: the staff assessment in force wins, and is a review;
/// else the engine's current proposal, unreviewed unless a person confirmed one of the action's
/// links; else no follow-up.
pub(crate) fn shown_status(
    proposed: Option<Status>,
    confirmed: bool,
    assessed: Option<Status>,
) -> Shown {
    match (assessed, proposed) {
        (Some(status), _) => Shown {
            status,
            unreviewed: false,
        },
        (None, Some(status)) => Shown {
            status,
            unreviewed: status != Status::NoFollowUp && !confirmed,
        },
        (None, None) => Shown {
            status: Status::NoFollowUp,
            unreviewed: false,
        },
    }
}

/// Status of one action from a map filled by [`current_statuses`].
pub fn status_of(map: &HashMap<i32, Shown>, id: i32) -> Shown {
    map.get(&id)
        .copied()
        .unwrap_or_else(|| shown_status(None, false, None))
}

/// `stored` as a raw JSON value when it is JSON, else as a JSON string holding it.
pub(crate) fn raw_json(stored: &str) -> Box<serde_json::value::RawValue> {
    serde_json::value::RawValue::from_string(stored.to_string()).unwrap_or_else(|_| {
        serde_json::value::to_raw_value(stored).expect("a string is always valid JSON")
    })
}

/// Loads actions by id with their statuses, in the given order.
pub async fn actions_by_ids<C: ConnectionTrait>(
    db: &C,
    ids: &[i32],
) -> Result<Vec<ActionRef>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let rows = action::Entity::find()
        .filter(action::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let statuses = current_statuses(db, Some(ids)).await?;
    let mut by_id: HashMap<i32, action::Model> = rows.into_iter().map(|a| (a.id, a)).collect();
    Ok(ids
        .iter()
        .filter_map(|id| by_id.remove(id))
        .map(|a| {
            let st = status_of(&statuses, a.id);
            ActionRef::from_model(a, st)
        })
        .collect())
}

/// Loads questions by id with their member and minister (one query joining the three), in the
/// given order.
pub async fn questions_by_ids<C: ConnectionTrait>(
    db: &C,
    ids: &[i32],
) -> Result<Vec<QuestionRef>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let q = |c: question::Column| Expr::col((question::Entity, c));
    let stmt = Query::select()
        .expr_as(q(question::Column::Id), "id")
        .expr_as(q(question::Column::Legislature), "legislature")
        .expr_as(q(question::Column::Session), "session")
        .expr_as(q(question::Column::Number), "number")
        .expr_as(q(question::Column::Subject), "subject")
        .expr_as(q(question::Column::MemberId), "member_id")
        .expr_as(q(question::Column::MinisterId), "minister_id")
        .expr_as(q(question::Column::Received), "received")
        .expr_as(q(question::Column::Answered), "answered")
        .expr_as(
            Expr::col((member::Entity, member::Column::Name)),
            "member_name",
        )
        .expr_as(
            Expr::col((minister::Entity, minister::Column::Name)),
            "minister_name",
        )
        .expr_as(
            Expr::col((minister::Entity, minister::Column::Portfolio)),
            "portfolio",
        )
        .from(question::Entity)
        .left_join(
            member::Entity,
            Expr::col((member::Entity, member::Column::Id))
                .equals((question::Entity, question::Column::MemberId)),
        )
        .left_join(
            minister::Entity,
            Expr::col((minister::Entity, minister::Column::Id))
                .equals((question::Entity, question::Column::MinisterId)),
        )
        .and_where(q(question::Column::Id).is_in(ids.iter().copied()))
        .to_owned();
    let mut by_id: HashMap<i32, QuestionRef> = HashMap::with_capacity(ids.len());
    for r in db.query_all(&stmt).await? {
        let id: i32 = r.try_get("", "id")?;
        by_id.insert(
            id,
            QuestionRef {
                id,
                member: MemberRef {
                    id: r.try_get("", "member_id")?,
                    name: r
                        .try_get::<Option<String>>("", "member_name")?
                        .unwrap_or_default(),
                },
                minister: MinisterRef {
                    id: r.try_get("", "minister_id")?,
                    name: r.try_get("", "minister_name")?,
                    portfolio: r
                        .try_get::<Option<String>>("", "portfolio")?
                        .unwrap_or_default(),
                },
                legislature: r.try_get("", "legislature")?,
                session: r.try_get("", "session")?,
                number: r.try_get("", "number")?,
                subject: r.try_get("", "subject")?,
                received: r.try_get("", "received")?,
                answered: r.try_get("", "answered")?,
            },
        );
    }
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// Ids of actions with at least one link that was not rejected (the "followed up" ones).
pub async fn followed_action_ids<C: ConnectionTrait>(db: &C) -> Result<HashSet<i32>, DbErr> {
    use crate::entity::link;
    let stmt = Query::select()
        .distinct()
        .column(link::Column::ActionId)
        .from(link::Entity)
        .and_where(Expr::col(link::Column::State).ne("rejected"))
        .to_owned();
    let rows = db.query_all(&stmt).await?;
    let mut out = HashSet::new();
    for r in rows {
        out.insert(r.try_get::<i32>("", "action_id")?);
    }
    Ok(out)
}

/// Lower-cases and strips the accents of Latin letters, one char for one char, so byte offsets
/// of the folded text map back to the original char by char.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        // Most characters of French text: no case table lookup.
        return c.to_ascii_lowercase();
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        '’' | '‘' => '\'',
        other => other,
    }
}

/// `fold_char` over a whole string.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_reasons_are_published_as_stored_or_as_a_string() {
        assert_eq!(raw_json(r#" {"a": [1, 2]}"#).get(), r#"{"a": [1, 2]}"#);
        assert_eq!(
            raw_json("staff note, not JSON").get(),
            r#""staff note, not JSON""#
        );
        assert_eq!(raw_json(r#"{"a": "#).get(), r#""{\"a\": ""#);
    }

    #[test]
    fn folding_lowers_and_strips_accents() {
        assert_eq!(
            fold("Économie NUMÉRIQUE d’Ixelles"),
            "economie numerique d'ixelles"
        );
    }

    #[test]
    fn first_words_cuts_on_sentence_then_words() {
        assert_eq!(
            first_words("Lancement du Pôle. Suite du texte", 16),
            "Lancement du Pôle."
        );
        assert_eq!(first_words("un deux trois quatre", 2), "un deux…");
    }

    #[test]
    fn fold_keeps_one_char_per_char() {
        let s = "Numérique À l’été";
        assert_eq!(fold(s), "numerique a l'ete");
        assert_eq!(fold(s).chars().count(), s.chars().count());
    }
}

/// One passage supporting a link (or a possible missed link), as every page, feed, API list and
/// the review queue show it. Built by [`LinkedPassage::new`] only.
#[derive(Clone, Debug, Serialize)]
pub struct LinkedPassage {
    pub passage_id: i32,
    pub position: i32,
    pub kind: vigie_core::PassageKind,
    pub heading: Option<String>,
    pub text: String,
    /// The passage's own score for the link.
    pub score: f64,
    /// The reasons as stored (the matcher's `Reasons`, or who linked it by hand), as the API
    /// publishes them (the stored text, checked but not rebuilt); a row that is not JSON is kept
    /// as a string, never dropped.
    pub reasons: Box<serde_json::value::RawValue>,
    /// The same, decoded for pages.
    #[serde(skip)]
    pub why: crate::query::reasons::Why,
    /// The passage's words the reasons name (to highlight).
    pub words: Vec<String>,
}

impl LinkedPassage {
    /// The passage `p` with its `score` and its stored `reasons`, decoded once.
    pub(crate) fn new(
        p: &crate::entity::passage::Model,
        score: f64,
        reasons: &str,
    ) -> Result<LinkedPassage, DbErr> {
        let why = crate::query::reasons::Why::parse(reasons);
        Ok(LinkedPassage {
            passage_id: p.id,
            position: p.position,
            kind: decode("passage.kind", &p.kind)?,
            heading: p.heading.clone(),
            text: p.text.clone(),
            score,
            reasons: raw_json(reasons),
            words: why.words(),
            why,
        })
    }

    /// Best score first, then in document order: how every list shows a link's passages.
    pub(crate) fn sort_best_first(passages: &mut [LinkedPassage]) {
        passages.sort_by(|a, b| best_first((a.score, a.position), (b.score, b.position)));
    }
}

/// The order of a link's passages, as (score, position): best score first, then in document
/// order. [`LinkedPassage::sort_best_first`] and [`best_passages_of_links`]' choice both use it.
fn best_first(a: (f64, i32), b: (f64, i32)) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
}

/// The `per_link` best passages of each of `link_ids` (best first, then in document order, as
/// [`passages_of_links`] orders them all), and how many passages each link has in all: what a
/// page listing many links shows (the action page's evidence trail shows each question's best
/// passage; its question page has the others). Only the passages shown are read in full and have
/// their reasons decoded. Three queries for any number of links.
pub async fn best_passages_of_links<C: ConnectionTrait>(
    db: &C,
    link_ids: &[i32],
    per_link: usize,
) -> Result<(HashMap<i32, Vec<LinkedPassage>>, HashMap<i32, usize>), DbErr> {
    use crate::entity::{link_passage, passage};
    use sea_orm::{JoinType, QuerySelect};
    // (link passage id, link, passage, score, the passage's position): no text, no reasons.
    let on_passage: sea_orm::RelationDef = link_passage::Entity::belongs_to(passage::Entity)
        .from(link_passage::Column::PassageId)
        .to(passage::Column::Id)
        .into();
    let rows: Vec<(i32, i32, i32, f64, i32)> = link_passage::Entity::find()
        .select_only()
        .column(link_passage::Column::Id)
        .column(link_passage::Column::LinkId)
        .column(link_passage::Column::PassageId)
        .column(link_passage::Column::Score)
        .column(passage::Column::Position)
        .join(JoinType::InnerJoin, on_passage)
        .filter(link_passage::Column::LinkId.is_in(link_ids.to_vec()))
        .into_tuple()
        .all(db)
        .await?;
    let mut by_link: HashMap<i32, Vec<(i32, i32, f64, i32)>> = HashMap::new();
    for (lp, link, passage, score, position) in rows {
        by_link
            .entry(link)
            .or_default()
            .push((lp, passage, score, position));
    }
    let totals: HashMap<i32, usize> = by_link.iter().map(|(l, ps)| (*l, ps.len())).collect();
    let mut shown: Vec<i32> = Vec::new();
    for ps in by_link.values_mut() {
        ps.sort_by(|a, b| best_first((a.2, a.3), (b.2, b.3)));
        shown.extend(ps.iter().take(per_link).map(|p| p.0));
    }
    let lps = link_passage::Entity::find()
        .filter(link_passage::Column::Id.is_in(shown))
        .all(db)
        .await?;
    Ok((with_passages(db, lps).await?, totals))
}

/// The passages of `link_ids`, per link, best first (then in document order): the one loader of
/// the links-with-their-passages the action page, the action feed, the API and the review queue
/// show. Two queries for any number of links, none included: a page runs the same statements
/// whatever its data (`no_page_runs_a_query_per_row`).
pub async fn passages_of_links<C: ConnectionTrait>(
    db: &C,
    link_ids: &[i32],
) -> Result<HashMap<i32, Vec<LinkedPassage>>, DbErr> {
    use crate::entity::link_passage;
    let lps = link_passage::Entity::find()
        .filter(link_passage::Column::LinkId.is_in(link_ids.to_vec()))
        .all(db)
        .await?;
    with_passages(db, lps).await
}

/// The rows `lps` with their passages (one query), as [`LinkedPassage`]s per link, best first.
async fn with_passages<C: ConnectionTrait>(
    db: &C,
    lps: Vec<crate::entity::link_passage::Model>,
) -> Result<HashMap<i32, Vec<LinkedPassage>>, DbErr> {
    use crate::entity::passage;
    let wanted: HashSet<i32> = lps.iter().map(|lp| lp.passage_id).collect();
    let passages: HashMap<i32, passage::Model> = passage::Entity::find()
        .filter(passage::Column::Id.is_in(wanted))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut out: HashMap<i32, Vec<LinkedPassage>> = HashMap::new();
    for lp in lps {
        let Some(p) = passages.get(&lp.passage_id) else {
            continue;
        };
        out.entry(lp.link_id)
            .or_default()
            .push(LinkedPassage::new(p, lp.score, &lp.reasons)?);
    }
    for ps in out.values_mut() {
        LinkedPassage::sort_best_first(ps);
    }
    Ok(out)
}
