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

/// Which minister rows are one person (or one post): the plan names a post by its portfolio,
/// sometimes in several wordings ("de la Recherche", "à la Recherche"), and each question names
/// its minister with the portfolio of the day, so one person has several rows. Every page shows
/// one of them, the *canonical* row, and gathers the others' questions and pilots.
///
/// - Named rows with the same name (accents and case folded) are one person.
/// - Portfolio rows (no name) with the same significant words ([`portfolio_words`]) are one post.
/// - A post is its holder's when staff mapped it to a minister, or when exactly one person's
///   portfolio matches it ([`portfolios_match`]); a post several people held (across legislatures)
///   stays a post page listing them.
///
/// The canonical row of a group is its named row with the smallest id, else its smallest id.
#[derive(Clone, Debug, Default)]
pub struct People {
    canonical: HashMap<i32, i32>,
    rows: HashMap<i32, Vec<i32>>,
}

impl People {
    pub fn resolve(
        all: &[minister::Model],
        mappings: &[crate::staff::entity::minister_mapping::Model],
    ) -> People {
        // Union-find over row ids, small enough to be a map.
        let mut parent: HashMap<i32, i32> = all.iter().map(|m| (m.id, m.id)).collect();
        fn find(parent: &mut HashMap<i32, i32>, x: i32) -> i32 {
            let mut r = x;
            while parent[&r] != r {
                r = parent[&r];
            }
            parent.insert(x, r);
            r
        }
        fn union(parent: &mut HashMap<i32, i32>, a: i32, b: i32) {
            let (ra, rb) = (find(parent, a), find(parent, b));
            if ra != rb {
                parent.insert(ra.max(rb), ra.min(rb));
            }
        }
        let mut by_name: HashMap<String, i32> = HashMap::new();
        let mut by_post: HashMap<BTreeSet<String>, i32> = HashMap::new();
        for m in all {
            match &m.name {
                Some(n) => {
                    let first = *by_name.entry(fold(n.trim())).or_insert(m.id);
                    union(&mut parent, first, m.id);
                }
                None => {
                    let first = *by_post.entry(portfolio_words(&m.portfolio)).or_insert(m.id);
                    union(&mut parent, first, m.id);
                }
            }
        }
        for post in all.iter().filter(|m| m.name.is_none()) {
            let mapped = mappings
                .iter()
                .find(|x| fold(x.portfolio.trim()) == fold(post.portfolio.trim()))
                .map(|x| x.minister_id)
                .filter(|id| parent.contains_key(id));
            let holder = match mapped {
                Some(id) => Some(id),
                None => {
                    let holders: BTreeSet<i32> = all
                        .iter()
                        .filter(|m| {
                            m.name.is_some() && portfolios_match(&post.portfolio, &m.portfolio)
                        })
                        .map(|m| m.id)
                        .collect();
                    let persons: BTreeSet<i32> =
                        holders.iter().map(|h| find(&mut parent, *h)).collect();
                    (persons.len() == 1).then(|| *holders.iter().next().expect("one holder"))
                }
            };
            if let Some(h) = holder {
                union(&mut parent, h, post.id);
            }
        }
        // Canonical: the group's named row with the smallest id, else its smallest id.
        let mut rows: HashMap<i32, Vec<i32>> = HashMap::new();
        for m in all {
            let root = find(&mut parent, m.id);
            rows.entry(root).or_default().push(m.id);
        }
        let named: HashSet<i32> = all
            .iter()
            .filter(|m| m.name.is_some())
            .map(|m| m.id)
            .collect();
        let mut canonical = HashMap::new();
        let mut by_canonical = HashMap::new();
        for (_, mut ids) in rows {
            ids.sort_unstable();
            let head = ids
                .iter()
                .copied()
                .find(|id| named.contains(id))
                .unwrap_or(ids[0]);
            for id in &ids {
                canonical.insert(*id, head);
            }
            by_canonical.insert(head, ids);
        }
        People {
            canonical,
            rows: by_canonical,
        }
    }

    /// The row whose page shows `id`'s person or post.
    pub fn canonical(&self, id: i32) -> i32 {
        self.canonical.get(&id).copied().unwrap_or(id)
    }

    /// Every row of the person or post whose canonical row is `canonical` (itself included).
    pub fn rows(&self, canonical: i32) -> Vec<i32> {
        self.rows
            .get(&canonical)
            .cloned()
            .unwrap_or_else(|| vec![canonical])
    }

    pub fn is_canonical(&self, id: i32) -> bool {
        self.canonical(id) == id
    }
}

/// [`People::resolve`] over the database's minister rows and staff mappings.
pub async fn people<C: ConnectionTrait>(db: &C) -> Result<(Vec<minister::Model>, People), DbErr> {
    let all = minister::Entity::find()
        .order_by_asc(minister::Column::Id)
        .all(db)
        .await?;
    let mappings = crate::staff::entity::minister_mapping::Entity::find()
        .all(db)
        .await?;
    let people = People::resolve(&all, &mappings);
    Ok((all, people))
}

/// Axis ids piloted by minister `id`: directly (plan pilot row) or through a matching portfolio.
pub async fn piloted_axis_ids<C: ConnectionTrait>(db: &C, id: i32) -> Result<HashSet<i32>, DbErr> {
    let (all, people) = people(db).await?;
    let Some(m) = all.iter().find(|m| m.id == id) else {
        return Ok(HashSet::new());
    };
    let (roles, _) = related(m, &all);
    let ids: Vec<i32> = people
        .rows(people.canonical(id))
        .into_iter()
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
    let (all, people) = people(db).await?;
    page_of(db, &all, &people, id).await
}

/// Where minister row `id` is shown: its page when it is the canonical row of its person (or
/// post), else `Err(canonical id)` to redirect to; `None` when there is no such row. Loads the
/// people once (the page does not load them a second time).
pub async fn minister_page_or_canonical<C: ConnectionTrait>(
    db: &C,
    id: i32,
) -> Result<Option<Result<MinisterPage, i32>>, DbErr> {
    let (all, people) = people(db).await?;
    if !all.iter().any(|m| m.id == id) {
        return Ok(None);
    }
    let canonical = people.canonical(id);
    if canonical != id {
        return Ok(Some(Err(canonical)));
    }
    Ok(page_of(db, &all, &people, id).await?.map(Ok))
}

async fn page_of<C: ConnectionTrait>(
    db: &C,
    all: &[minister::Model],
    people: &People,
    id: i32,
) -> Result<Option<MinisterPage>, DbErr> {
    let Some(m) = all.iter().find(|m| m.id == id).cloned() else {
        return Ok(None);
    };
    // The page of the person's (or post's) canonical row gathers every row of it.
    let group = people.rows(people.canonical(id));
    let (mut pilot_roles, holders) = related(&m, all);
    for r in &group {
        if *r != id
            && let Some(row) = all.iter().find(|x| x.id == *r && x.name.is_none())
            && !pilot_roles.iter().any(|p| p.id == *r)
        {
            pilot_roles.push(row.clone().into());
        }
    }
    // A post's page counts its holders' questions too.
    let askers: Vec<i32> = group
        .iter()
        .copied()
        .chain(holders.iter().map(|h| h.id))
        .collect();
    // Dates of every question addressed to the minister, for the count and the median delay.
    let dates: Vec<(i32, Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)> =
        question::Entity::find()
            .select_only()
            .column(question::Column::Id)
            .column(question::Column::Received)
            .column(question::Column::Answered)
            .filter(question::Column::MinisterId.is_in(askers))
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
    fn one_person_one_page() {
        let row = |id, name: Option<&str>, portfolio: &str| minister::Model {
            id,
            name: name.map(str::to_string),
            portfolio: portfolio.to_string(),
        };
        let emploi_q = "Ministre chargé de l'Emploi et de la Formation professionnelle, de la Transition numérique, des Pouvoirs locaux";
        let emploi_q2 = "Ministre chargé de l'Emploi, de la Formation professionnelle et de la Transition numérique";
        let all = vec![
            row(1, Some("Bernard Clerfayt"), emploi_q),
            row(
                2,
                None,
                "Ministre en charge de l’Emploi et de la Formation professionnelle, de la Transition numérique et de la Simplification Administrative",
            ),
            row(
                3,
                None,
                "Secrétaire d’Etat en charge de la transition économique et de la recherche scientifique",
            ),
            row(
                5,
                None,
                "Secrétaire d’Etat en charge de la Transition économique et à la Recherche scientifique",
            ),
            row(
                6,
                None,
                "Ministre en charge de l’Emploi et de la Formation professionnelle, de la Transition Numérique et de la Simplification Administrative",
            ),
            row(8, Some("BERNARD CLERFAYT"), emploi_q2),
            row(
                9,
                Some("Alain Maron"),
                "Ministre chargé de la Transition climatique, de l'Environnement",
            ),
            row(
                10,
                Some("Laurent Hublet"),
                "Ministre chargé de l'Emploi, de l'Économie et de la Transition numérique",
            ),
            row(
                11,
                None,
                "Ministre chargé de la Transition climatique, de l'Environnement, de l'Energie",
            ),
        ];
        let p = People::resolve(&all, &[]);
        // One person in two wordings and two case spellings.
        assert_eq!(p.canonical(8), 1);
        // The same post in two wordings.
        assert_eq!(p.canonical(5), 3);
        // A post two people match (Clerfayt, Hublet) stays a post, both its wordings together.
        assert_eq!(p.canonical(6), 2);
        assert_eq!(p.canonical(2), 2);
        // A post one person matches is theirs.
        assert_eq!(p.canonical(11), 9);
        assert_eq!(p.rows(1), vec![1, 8]);
        assert_eq!(p.rows(9), vec![9, 11]);
        // Staff mapping settles the ambiguous post.
        let mapping = crate::staff::entity::minister_mapping::Model {
            id: 1,
            portfolio: all[1].portfolio.clone(),
            minister_id: 10,
            created_by: "test".into(),
            created_at: chrono::Utc::now(),
        };
        let p = People::resolve(&all, &[mapping]);
        assert_eq!(p.canonical(2), 10);
        assert_eq!(p.canonical(6), 10);
    }

    #[test]
    fn median_of_even_and_odd() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5, 1, 3]), Some(3.0));
        assert_eq!(median(vec![4, 1, 3, 10]), Some(3.5));
    }
}
