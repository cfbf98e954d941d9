//! A minister's page, and the link between how plans name ministers (by portfolio only) and how
//! questions name them (name and portfolio).
//!
//! Until staff keep an explicit minister ↔ portfolio mapping, a named minister pilots an axis
//! when their portfolio shares most of its significant words with the plan pilot's portfolio
//! ([`portfolios_match`]).

use std::collections::{BTreeSet, HashMap, HashSet};

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;

use super::common::{
    ActionRef, MinisterRef, QuestionRef, current_statuses, fold, questions_by_ids, status_of,
};
use crate::entity::{action, axis_pilot, minister, question};

/// How many questions a person page lists (newest first); the questions list has the rest.
pub const PERSON_QUESTIONS_LIMIT: u64 = 200;

#[derive(Clone, Debug, Serialize)]
pub struct MinisterPage {
    pub minister: MinisterRef,
    pub question_count: u64,
    /// Newest first, at most [`PERSON_QUESTIONS_LIMIT`].
    pub questions: Vec<QuestionRef>,
    pub median_delay_days: Option<f64>,
    /// The plan pilots (portfolio rows) this minister is, or matches.
    pub pilot_roles: Vec<MinisterRef>,
    pub actions_piloted: Vec<ActionRef>,
    /// For a plan portfolio: the named ministers who hold it (from the questions).
    pub holders: Vec<MinisterRef>,
}

/// Words of a portfolio that say what it covers (accents and case folded, titles dropped).
fn portfolio_words(p: &str) -> BTreeSet<String> {
    const GENERIC: &[&str] = &[
        "ministre",
        "ministres",
        "gouvernement",
        "region",
        "regional",
        "regionale",
        "bruxelles",
        "capitale",
        "charge",
        "chargee",
        "secretaire",
        "etat",
        "president",
        "presidente",
        "membre",
        "college",
        "dans",
        "avec",
        "pour",
        "ainsi",
    ];
    fold(p)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !GENERIC.contains(w))
        .map(str::to_string)
        .collect()
}

/// Whether two portfolio texts describe the same portfolio: at least two significant words in
/// common, covering at least half of the shorter one.
pub fn portfolios_match(a: &str, b: &str) -> bool {
    let wa = portfolio_words(a);
    let wb = portfolio_words(b);
    let shared = wa.intersection(&wb).count();
    let smaller = wa.len().min(wb.len());
    shared >= 2 && smaller > 0 && shared * 2 >= smaller
}

/// The minister rows that are "the same person or post" as `m`: itself, plus plan portfolios it
/// matches (for a named minister) or named ministers holding it (for a plan portfolio).
fn related(m: &minister::Model, all: &[minister::Model]) -> (Vec<MinisterRef>, Vec<MinisterRef>) {
    let mut roles = vec![];
    let mut holders = vec![];
    for other in all.iter().filter(|o| o.id != m.id) {
        if !portfolios_match(&m.portfolio, &other.portfolio) {
            continue;
        }
        match (m.name.is_some(), other.name.is_some()) {
            (true, false) => roles.push(other.clone().into()),
            (false, true) => holders.push(other.clone().into()),
            _ => {}
        }
    }
    (roles, holders)
}

/// Axis ids piloted by minister `id`: directly (plan pilot row) or through a matching portfolio.
pub async fn piloted_axis_ids<C: ConnectionTrait>(db: &C, id: i32) -> Result<HashSet<i32>, DbErr> {
    let all = minister::Entity::find().all(db).await?;
    let Some(m) = all.iter().find(|m| m.id == id) else {
        return Ok(HashSet::new());
    };
    let (roles, _) = related(m, &all);
    let ids: Vec<i32> = std::iter::once(id)
        .chain(roles.iter().map(|r| r.id))
        .collect();
    Ok(axis_pilot::Entity::find()
        .filter(axis_pilot::Column::MinisterId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.axis_id)
        .collect())
}

/// The median of a list of day counts.
pub fn median(mut v: Vec<i64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2] as f64
    } else {
        (v[n / 2 - 1] + v[n / 2]) as f64 / 2.0
    })
}

pub async fn minister_page<C: ConnectionTrait>(
    db: &C,
    id: i32,
) -> Result<Option<MinisterPage>, DbErr> {
    let all = minister::Entity::find().all(db).await?;
    let Some(m) = all.iter().find(|m| m.id == id).cloned() else {
        return Ok(None);
    };
    let (pilot_roles, holders) = related(&m, &all);
    // Dates of every question addressed to the minister, for the count and the median delay.
    let dates: Vec<(i32, Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)> =
        question::Entity::find()
            .select_only()
            .column(question::Column::Id)
            .column(question::Column::Received)
            .column(question::Column::Answered)
            .filter(question::Column::MinisterId.eq(id))
            .order_by_desc(question::Column::Received)
            .order_by_desc(question::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
    let delays: Vec<i64> = dates
        .iter()
        .filter_map(|(_, r, a)| Some((a.as_ref()?.signed_duration_since(*r.as_ref()?)).num_days()))
        .collect();
    let shown: Vec<i32> = dates
        .iter()
        .take(PERSON_QUESTIONS_LIMIT as usize)
        .map(|d| d.0)
        .collect();
    let questions = questions_by_ids(db, &shown).await?;

    let pilot_ids: Vec<i32> = std::iter::once(id)
        .chain(pilot_roles.iter().map(|r| r.id))
        .collect();
    let axis_ids: Vec<i32> = axis_pilot::Entity::find()
        .filter(axis_pilot::Column::MinisterId.is_in(pilot_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.axis_id)
        .collect();
    let actions = action::Entity::find()
        .filter(action::Column::AxisId.is_in(axis_ids))
        .order_by_asc(action::Column::PlanId)
        .order_by_asc(action::Column::AxisId)
        .order_by_asc(action::Column::Position)
        .all(db)
        .await?;
    let ids: Vec<i32> = actions.iter().map(|a| a.id).collect();
    let statuses: HashMap<_, _> = current_statuses(db, Some(&ids)).await?;
    let actions_piloted = actions
        .into_iter()
        .map(|a| {
            let st = status_of(&statuses, a.id);
            ActionRef::from_model(a, st)
        })
        .collect();
    Ok(Some(MinisterPage {
        minister: m.into(),
        question_count: dates.len() as u64,
        questions,
        median_delay_days: median(delays),
        pilot_roles,
        actions_piloted,
        holders,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_portfolio_matches_the_questions_minister() {
        let plan = "Ministre en charge de l’Emploi et de la Formation professionnelle, de la Transition numérique et de la Simplification Administrative";
        let q = "Ministre du Gouvernement de la Région de Bruxelles-Capitale chargé de l'Emploi et de la Formation professionnelle, de la Transition numérique, des Pouvoirs locaux et du Bien-Être animal";
        let other = "Secrétaire d’Etat en charge de la transition économique et de la recherche scientifique";
        assert!(portfolios_match(plan, q));
        assert!(!portfolios_match(other, q));
    }

    #[test]
    fn median_of_even_and_odd() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5, 1, 3]), Some(3.0));
        assert_eq!(median(vec![4, 1, 3, 10]), Some(3.5));
    }
}
