//! Full-text search over actions, question subjects and passages: one `search_index` table on
//! both engines, whose row id says the source (`id * 4 + 1` action, `+ 2` question, `+ 3`
//! passage), so grouping, paging and filters are the same SQL on both.
//!
//! - SQLite: an FTS5 table (migration `m20261122_000003_search`, kept in sync by triggers and a
//!   flush before each commit, see `m20261122_000030_search_deferred`), ranked by `bm25()`,
//!   snippets by `snippet()`.
//! - PostgreSQL: a generated `tsvector` with a GIN index in the `vigie_fr` configuration
//!   (`unaccent` + `simple`, migration `m20261206_000044_postgres_search_revision`), kept in
//!   sync by row triggers, ranked by `ts_rank`, snippets by `ts_headline`.
//!
//! User text is never used as query syntax: [`terms`] splits it into words and quoted phrases,
//! and [`fts_query`] / [`pg_tsquery`] quote each one, so `' OR 1=1 --`, `NEAR(`, `*`, `&`, `!`
//! or a lone `"` are plain words. The same words match on both engines: each word as a prefix,
//! from its singular, a compound as a phrase. Snippets come back with the control characters
//! U+0002 / U+0003 around matches; the view escapes the text and turns those into `<mark>`.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DbBackend, DbErr, EntityTrait, Statement, Value};
use serde::Serialize;
use vigie_core::{PassageKind, Status};

use super::common::{
    ActionRef, Page, QuestionRef, actions_by_ids, current_statuses, questions_by_ids, status_of,
};
use super::minister::piloted_axis_ids;
use crate::decode::decode;
use crate::entity::{action, organisation, organisation_alias, passage};

pub const PER_PAGE: u64 = 20;
/// Words of a query kept (the rest is ignored).
pub const MAX_TERMS: usize = 12;

/// One term of a search: a word matched as a prefix, or a phrase of words matched in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    Prefix(String),
    Phrase(Vec<String>),
}

/// The terms of user input: words (letters and digits) and `"quoted phrases"`, all required.
/// A word matches as a prefix (`numéri` finds `numérique`), from its singular when it ends in a
/// French plural mark (`numériques` and `bâtiments` find `numérique` and `bâtiment`); a compound
/// written with a hyphen, an apostrophe or a dot is one phrase (`e-santé`, `l'emploi`,
/// `hub.brussels`), as the index cut it. At most [`MAX_TERMS`].
pub fn terms(input: &str) -> Vec<Term> {
    let mut parts: Vec<Term> = vec![];
    for (i, chunk) in input.split('"').enumerate() {
        let in_phrase = i % 2 == 1;
        let pieces: Vec<Vec<&str>> = if in_phrase {
            vec![
                chunk
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect(),
            ]
        } else {
            chunk
                .split(char::is_whitespace)
                .map(|t| {
                    t.split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .collect()
                })
                .collect()
        };
        for words in pieces {
            match words.as_slice() {
                [] => {}
                [w] => parts.push(Term::Prefix(singular(w).to_string())),
                many => parts.push(Term::Phrase(many.iter().map(|w| w.to_string()).collect())),
            }
        }
        if parts.len() >= MAX_TERMS {
            break;
        }
    }
    parts.truncate(MAX_TERMS);
    parts
}

/// [`terms`] as an FTS5 query: each term quoted (`"numérique"*`, `"e santé"`). `None` when
/// nothing searchable is left.
pub fn fts_query(input: &str) -> Option<String> {
    let parts: Vec<String> = terms(input)
        .into_iter()
        .map(|t| match t {
            Term::Prefix(w) => format!("\"{w}\"*"),
            Term::Phrase(ws) => format!("\"{}\"", ws.join(" ")),
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// [`terms`] as a PostgreSQL `tsquery` for `to_tsquery('vigie_fr', …)`: each word quoted as a
/// lexeme (`'numérique':*`), a phrase with `<->`, all joined with `&`. Words hold only letters
/// and digits, so a quote cannot appear inside one. `None` when nothing searchable is left.
pub fn pg_tsquery(input: &str) -> Option<String> {
    let parts: Vec<String> = terms(input)
        .into_iter()
        .map(|t| match t {
            Term::Prefix(w) => format!("'{w}':*"),
            Term::Phrase(ws) => pg_phrase(&ws),
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" & "))
}

fn pg_phrase(words: &[impl AsRef<str>]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{}'", w.as_ref())).collect();
    format!("({})", quoted.join(" <-> "))
}

/// The prefix a search word matches from: without a final plural `s` or `x` when the word is
/// long enough to be a plural (`numériques` → `numérique`, `travaux` → `travau`, `bus` stays).
fn singular(word: &str) -> &str {
    let n = word.chars().count();
    match word.strip_suffix(['s', 'x', 'S', 'X']) {
        Some(stem) if n > 4 && !word.chars().all(|c| c.is_ascii_digit()) => stem,
        _ => word,
    }
}

/// The questions whose official number is `input` (a bare number, `n°1176` or `1176`): what
/// someone holding a printed question types. At most 20, newest legislature first.
pub async fn questions_numbered<C: ConnectionTrait>(
    db: &C,
    input: &str,
) -> Result<Vec<QuestionRef>, DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
    let digits = input
        .trim()
        .trim_start_matches("n°")
        .trim_start_matches("N°")
        .trim();
    let Ok(number) = digits.parse::<i32>() else {
        return Ok(Vec::new());
    };
    let ids: Vec<i32> = crate::entity::question::Entity::find()
        .select_only()
        .column(crate::entity::question::Column::Id)
        .filter(crate::entity::question::Column::Number.eq(number))
        .order_by_desc(crate::entity::question::Column::Legislature)
        .order_by_asc(crate::entity::question::Column::Id)
        .limit(20)
        .into_tuple()
        .all(db)
        .await?;
    questions_by_ids(db, &ids).await
}

/// The words of each of `names` (an organisation's name and aliases), for a phrase query.
fn name_phrases(names: &[String]) -> Vec<Vec<&str>> {
    names
        .iter()
        .map(|n| {
            n.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// An FTS5 query matching any of `names` as a phrase.
pub fn any_phrase(names: &[String]) -> Option<String> {
    let phrases: Vec<String> = name_phrases(names)
        .into_iter()
        .map(|p| format!("\"{}\"", p.join(" ")))
        .collect();
    (!phrases.is_empty()).then(|| phrases.join(" OR "))
}

/// [`any_phrase`] as a PostgreSQL `tsquery`.
pub fn pg_any_phrase(names: &[String]) -> Option<String> {
    let phrases: Vec<String> = name_phrases(names)
        .into_iter()
        .map(|p| pg_phrase(&p))
        .collect();
    (!phrases.is_empty()).then(|| phrases.join(" | "))
}

/// The search SQL of one engine: how to match, rank and cut snippets, and how to bind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    fn of<C: ConnectionTrait>(db: &C) -> Option<Engine> {
        match db.get_database_backend() {
            DbBackend::Sqlite => Some(Engine::Sqlite),
            DbBackend::Postgres => Some(Engine::Postgres),
            _ => None,
        }
    }

    /// The user's text as this engine's query, `None` when nothing searchable is left.
    fn query(self, input: &str) -> Option<String> {
        match self {
            Engine::Sqlite => fts_query(input),
            Engine::Postgres => pg_tsquery(input),
        }
    }

    fn any_phrase(self, names: &[String]) -> Option<String> {
        match self {
            Engine::Sqlite => any_phrase(names),
            Engine::Postgres => pg_any_phrase(names),
        }
    }

    /// The condition "this row matches the query bound to the next `?`".
    fn matches(self) -> &'static str {
        match self {
            Engine::Sqlite => "search_index MATCH ?",
            Engine::Postgres => "search_index.doc @@ to_tsquery('vigie_fr', ?)",
        }
    }

    /// The row's id.
    fn rid(self) -> &'static str {
        match self {
            Engine::Sqlite => "search_index.rowid",
            Engine::Postgres => "search_index.rid",
        }
    }

    /// The rank of a matching row, lower is better; matches in titles weigh four times those in
    /// texts. Binds the query once more on PostgreSQL.
    fn rank(self) -> &'static str {
        match self {
            Engine::Sqlite => "bm25(search_index, 0.0, 0.0, 0.0, 4.0, 1.0)",
            // Weights {D, C, B, A}: texts are D, titles A.
            Engine::Postgres => {
                "-ts_rank('{0.25, 0.25, 0.25, 1.0}', search_index.doc, to_tsquery('vigie_fr', ?))"
            }
        }
    }

    /// The SQL of a snippet of column `col` (`title` or `body`) of about `words` words, matches
    /// between U+0002 and U+0003. On PostgreSQL the column itself: [`highlight`] cuts the
    /// snippet, because `ts_headline` parses the text as HTML and drops what looks like a tag.
    fn snippet(self, col: &str, words: u32) -> String {
        match self {
            Engine::Sqlite => {
                let i = if col == "title" { 3 } else { 4 };
                format!("snippet(search_index, {i}, char(2), char(3), '…', {words})")
            }
            Engine::Postgres => col.to_string(),
        }
    }

    /// The snippet of `text` as [`Engine::snippet`] selected it: as is on SQLite, cut and
    /// highlighted here on PostgreSQL.
    fn finish_snippet(self, text: String, terms: &[Term], words: usize) -> String {
        match self {
            Engine::Sqlite => text,
            Engine::Postgres => highlight(&text, terms, words),
        }
    }

    /// A statement of `sql` written with `?` placeholders (PostgreSQL numbers them).
    fn statement(self, sql: String, values: Vec<Value>) -> Statement {
        match self {
            Engine::Sqlite => Statement::from_sql_and_values(DbBackend::Sqlite, sql, values),
            Engine::Postgres => {
                let mut out = String::with_capacity(sql.len() + 16);
                let mut n = 0;
                for c in sql.chars() {
                    if c == '?' {
                        n += 1;
                        out.push_str(&format!("${n}"));
                    } else {
                        out.push(c);
                    }
                }
                Statement::from_sql_and_values(DbBackend::Postgres, out, values)
            }
        }
    }
}

/// Whether the database has a search index (SQLite and PostgreSQL).
pub fn is_available<C: ConnectionTrait>(db: &C) -> bool {
    Engine::of(db).is_some()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Action,
    Question,
    Passage,
}

impl HitKind {
    pub const ALL: [HitKind; 3] = [HitKind::Action, HitKind::Question, HitKind::Passage];

    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Action => "action",
            HitKind::Question => "question",
            HitKind::Passage => "passage",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        HitKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SearchFilter {
    pub q: String,
    pub kind: Option<HitKind>,
    pub status: Option<Status>,
    pub axis: Option<i32>,
    /// Addressee of questions; pilot of actions.
    pub minister: Option<i32>,
    pub member: Option<i32>,
    /// Reception date range of questions.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub page: u64,
}

/// One result: an action, or a question with its best matching passages. A question appears
/// once, however many of its passages match (up to [`PASSAGES_PER_QUESTION`] are shown, best
/// first).
#[derive(Clone, Debug, Serialize)]
pub struct SearchHit {
    /// `Action`; `Question` when the question's own subject or text matched; `Passage` when only
    /// passages of it did.
    pub kind: HitKind,
    pub action: Option<ActionRef>,
    pub question: Option<QuestionRef>,
    /// With U+0002 / U+0003 around matches: the action's or question's title and text (empty when
    /// only passages matched).
    pub title_snippet: String,
    pub body_snippet: String,
    /// The question's matching passages, best first.
    pub passages: Vec<PassageHit>,
}

/// A matching passage of a question hit.
#[derive(Clone, Debug, Serialize)]
pub struct PassageHit {
    pub position: i32,
    pub kind: Option<PassageKind>,
    /// With U+0002 / U+0003 around matches.
    pub snippet: String,
}

/// How many passages a question hit shows.
pub const PASSAGES_PER_QUESTION: usize = 3;

/// The result a row of the index belongs to: an action (negative, so it never meets a question
/// id), or the question of a question or passage row. Computed from the row id (`id * 4 + 1`
/// action, `+ 2` question, `+ 3` passage, see the search migrations). On SQLite a passage's
/// question comes from the passage table, not from the index's own column: reading FTS5's
/// columns for every match of a common word cost three quarters of a search. On PostgreSQL the
/// column is in the row already read, and a lookup per match would cost a fifth of the search.
fn group(e: Engine) -> String {
    let rid = e.rid();
    let passage_question = match e {
        Engine::Sqlite => format!("(SELECT question_id FROM passage WHERE passage.id = {rid} / 4)"),
        Engine::Postgres => "search_index.question_id".to_string(),
    };
    format!(
        "CAST(CASE {rid} % 4 WHEN 1 THEN -({rid} / 4) WHEN 2 THEN {rid} / 4 \
         ELSE {passage_question} END AS INTEGER)"
    )
}

/// `?, ?, ?` for n values (at least one `NULL` so `IN ()` stays valid).
fn placeholders(n: usize) -> String {
    if n == 0 {
        "NULL".to_string()
    } else {
        vec!["?"; n].join(", ")
    }
}

pub async fn search<C: ConnectionTrait>(
    db: &C,
    f: &SearchFilter,
) -> Result<Page<SearchHit>, DbErr> {
    let page = f.page.max(1);
    let empty = Page {
        items: vec![],
        total: 0,
        page,
        per_page: PER_PAGE,
    };
    let Some(e) = Engine::of(db) else {
        return Ok(empty);
    };
    let Some(query) = e.query(&f.q) else {
        return Ok(empty);
    };
    let mut cond = String::from(e.matches());
    let mut values: Vec<Value> = vec![query.clone().into()];
    if let Some(k) = f.kind {
        cond.push_str(" AND kind = ?");
        values.push(k.as_str().into());
    }

    // Actions: by status, axis, pilot. Filters that only make sense for questions leave actions out.
    let mut action_conds: Vec<String> = vec![];
    let mut question_conds: Vec<String> = vec![];
    let mut action_vals: Vec<Value> = vec![];
    let mut question_vals: Vec<Value> = vec![];
    if let Some(s) = f.status {
        let all: Vec<i32> = action::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|a| a.id)
            .collect();
        let statuses = current_statuses(db, None).await?;
        let ids: Vec<i32> = all
            .into_iter()
            .filter(|id| status_of(&statuses, *id).status == s)
            .collect();
        action_conds.push(format!("ref_id IN ({})", placeholders(ids.len())));
        action_vals.extend(ids.iter().map(|i| Value::from(*i)));
        question_conds.push(format!(
            "question_id IN (SELECT question_id FROM link WHERE state <> 'rejected' AND action_id IN ({}))",
            placeholders(ids.len())
        ));
        question_vals.extend(ids.iter().map(|i| Value::from(*i)));
    }
    if let Some(a) = f.axis {
        action_conds.push("ref_id IN (SELECT id FROM action WHERE axis_id = ?)".into());
        action_vals.push(a.into());
        question_conds.push(
            "question_id IN (SELECT link.question_id FROM link JOIN action ON action.id = link.action_id \
             WHERE link.state <> 'rejected' AND action.axis_id = ?)"
                .into(),
        );
        question_vals.push(a.into());
    }
    if let Some(m) = f.minister {
        let axes: Vec<i32> = piloted_axis_ids(db, m).await?.into_iter().collect();
        action_conds.push(format!(
            "ref_id IN (SELECT id FROM action WHERE axis_id IN ({}))",
            placeholders(axes.len())
        ));
        action_vals.extend(axes.iter().map(|i| Value::from(*i)));
        question_conds
            .push("question_id IN (SELECT id FROM question WHERE minister_id = ?)".into());
        question_vals.push(m.into());
    }
    let question_only = f.member.is_some() || f.from.is_some() || f.to.is_some();
    if let Some(m) = f.member {
        question_conds.push("question_id IN (SELECT id FROM question WHERE member_id = ?)".into());
        question_vals.push(m.into());
    }
    if let Some(d) = f.from {
        question_conds.push("question_id IN (SELECT id FROM question WHERE received >= ?)".into());
        question_vals.push(d.into());
    }
    if let Some(d) = f.to {
        question_conds.push("question_id IN (SELECT id FROM question WHERE received <= ?)".into());
        question_vals.push(d.into());
    }
    let action_conds_empty = action_conds.is_empty();
    let has_question_conds = !question_conds.is_empty();
    let action_branch = if question_only {
        "1 = 0".to_string()
    } else {
        std::iter::once("kind = 'action'".to_string())
            .chain(action_conds)
            .collect::<Vec<_>>()
            .join(" AND ")
    };
    let question_branch = std::iter::once("kind <> 'action'".to_string())
        .chain(question_conds)
        .collect::<Vec<_>>()
        .join(" AND ");
    // `kind` is not indexed: FTS5 reads every match's row to test it, which costs more than the
    // ranking itself for a common word. Without filters the condition holds for every row, so
    // it is left out.
    if question_only || !action_conds_empty || has_question_conds {
        cond.push_str(&format!(" AND (({action_branch}) OR ({question_branch}))"));
        if !question_only {
            values.extend(action_vals);
        }
        values.extend(question_vals);
    }

    // Results are grouped (an action; a question with its passages) before they are cut into
    // pages, so a question appears once. One statement ranks every match once (FTS5's `bm25()`
    // cannot run inside an aggregate, hence the materialised step), groups them, counts the
    // groups, keeps the page's groups and, in each, the question row and its best passages. A
    // second one makes the snippets of those rows only.
    let keep = PASSAGES_PER_QUESTION + 1;
    let (group, rank, rid) = (group(e), e.rank(), e.rid());
    let page_sql = format!(
        "WITH m AS MATERIALIZED (SELECT {group} AS g, {rank} AS score, {rid} AS rid \
           FROM search_index WHERE {cond}), \
         gr AS MATERIALIZED (SELECT g, MIN(score) AS best, MIN(rid) AS first, \
           COUNT(*) OVER () AS total FROM m GROUP BY g ORDER BY best, first LIMIT ? OFFSET ?), \
         ranked AS (SELECT m.*, ROW_NUMBER() OVER (PARTITION BY m.g ORDER BY m.score, m.rid) AS k \
           FROM m JOIN gr ON gr.g = m.g) \
         SELECT ranked.rid AS rid, ranked.g AS g, gr.total AS total \
         FROM ranked JOIN gr ON gr.g = ranked.g \
         WHERE ranked.k <= {keep} OR ranked.rid % 4 <> 3 \
         ORDER BY gr.best, gr.first, ranked.score, ranked.rid"
    );
    // The rank binds the query once more on PostgreSQL, before the condition's values.
    let mut vals = Vec::with_capacity(values.len() + 3);
    if e == Engine::Postgres {
        vals.push(query.clone().into());
    }
    vals.extend(values.iter().cloned());
    vals.push((PER_PAGE as i64).into());
    vals.push((((page - 1) * PER_PAGE) as i64).into());
    let rows = db.query_all_raw(e.statement(page_sql, vals)).await?;
    let total: i64 = match rows.first() {
        Some(r) => r.try_get("", "total")?,
        // Past the last page: the count is still due.
        None if page > 1 => {
            let count_sql = format!(
                "SELECT count(*) AS n FROM (SELECT 1 FROM search_index WHERE {cond} GROUP BY {group}) AS x"
            );
            match db.query_one_raw(e.statement(count_sql, values)).await? {
                Some(r) => r.try_get("", "n")?,
                None => 0,
            }
        }
        None => 0,
    };
    if rows.is_empty() {
        return Ok(Page {
            items: vec![],
            total: total.max(0) as u64,
            page,
            per_page: PER_PAGE,
        });
    }
    struct Raw {
        rid: i64,
        kind: HitKind,
        ref_id: i32,
        question_id: Option<i32>,
        group: i32,
        title: String,
        body: String,
    }
    let mut raws = Vec::with_capacity(rows.len());
    let mut groups: Vec<i32> = Vec::new();
    for r in rows {
        let rid: i64 = r.try_get("", "rid")?;
        let group: i32 = r.try_get("", "g")?;
        if groups.last() != Some(&group) {
            groups.push(group);
        }
        // The row id says the kind and the row (see `group`).
        let kind = match rid % 4 {
            1 => HitKind::Action,
            2 => HitKind::Question,
            3 => HitKind::Passage,
            _ => {
                return Err(DbErr::Type(format!(
                    "search_index rowid {rid}: expected id * 4 + 1, 2 or 3"
                )));
            }
        };
        let ref_id = i32::try_from(rid / 4)
            .map_err(|_| DbErr::Type(format!("search_index rowid {rid}: id out of range")))?;
        raws.push(Raw {
            rid,
            kind,
            ref_id,
            question_id: (kind != HitKind::Action).then_some(group),
            group,
            title: String::new(),
            body: String::new(),
        });
    }
    const TITLE_WORDS: u32 = 12;
    const BODY_WORDS: u32 = 28;
    let (title_snippet, body_snippet) = (
        e.snippet("title", TITLE_WORDS),
        e.snippet("body", BODY_WORDS),
    );
    let snippets_sql = match e {
        // `+rowid`: the list filters the matches as they come, instead of being handed to FTS5
        // as one lookup per rowid, each of which would evaluate the query again (a prefix query
        // merges its terms' lists every time: 70 ms instead of 3 for a page of `numerique`).
        Engine::Sqlite => format!(
            "SELECT rowid AS rid, {title_snippet} AS title_snippet, {body_snippet} AS body_snippet \
             FROM search_index WHERE search_index MATCH ? AND +rowid IN ({})",
            placeholders(raws.len())
        ),
        // The page's rows by key; `highlight` cuts the snippets.
        Engine::Postgres => format!(
            "SELECT rid, {title_snippet} AS title_snippet, {body_snippet} AS body_snippet \
             FROM search_index WHERE rid IN ({})",
            placeholders(raws.len())
        ),
    };
    let mut vals: Vec<Value> = match e {
        Engine::Sqlite => vec![query.clone().into()],
        Engine::Postgres => vec![],
    };
    vals.extend(raws.iter().map(|r| Value::from(r.rid)));
    let terms = terms(&f.q);
    let mut snippets: HashMap<i64, (String, String)> = HashMap::new();
    for r in db.query_all_raw(e.statement(snippets_sql, vals)).await? {
        let title = r.try_get::<Option<String>>("", "title_snippet")?;
        let body = r.try_get::<Option<String>>("", "body_snippet")?;
        snippets.insert(
            r.try_get("", "rid")?,
            (
                e.finish_snippet(title.unwrap_or_default(), &terms, TITLE_WORDS as usize),
                e.finish_snippet(body.unwrap_or_default(), &terms, BODY_WORDS as usize),
            ),
        );
    }
    for r in &mut raws {
        if let Some((t, b)) = snippets.remove(&r.rid) {
            (r.title, r.body) = (t, b);
        }
    }
    let action_ids: Vec<i32> = raws
        .iter()
        .filter(|r| r.kind == HitKind::Action)
        .map(|r| r.ref_id)
        .collect();
    let question_ids: Vec<i32> = raws
        .iter()
        .filter_map(|r| r.question_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let passage_ids: Vec<i32> = raws
        .iter()
        .filter(|r| r.kind == HitKind::Passage)
        .map(|r| r.ref_id)
        .collect();
    let actions: HashMap<i32, ActionRef> = actions_by_ids(db, &action_ids)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let questions: HashMap<i32, QuestionRef> = questions_by_ids(db, &question_ids)
        .await?
        .into_iter()
        .map(|q| (q.id, q))
        .collect();
    let passages: HashMap<i32, passage::Model> = if passage_ids.is_empty() {
        HashMap::new()
    } else {
        use sea_orm::{ColumnTrait, QueryFilter};
        passage::Entity::find()
            .filter(passage::Column::Id.is_in(passage_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect()
    };
    // One hit per group, in the page's order; the rows come best first.
    let mut by_group: HashMap<i32, SearchHit> = HashMap::new();
    for r in raws {
        let hit = by_group.entry(r.group).or_insert_with(|| SearchHit {
            kind: HitKind::Passage,
            action: None,
            question: r.question_id.and_then(|q| questions.get(&q).cloned()),
            title_snippet: String::new(),
            body_snippet: String::new(),
            passages: Vec::new(),
        });
        match r.kind {
            HitKind::Action => {
                hit.kind = HitKind::Action;
                hit.action = actions.get(&r.ref_id).cloned();
                hit.title_snippet = r.title;
                hit.body_snippet = r.body;
            }
            HitKind::Question => {
                hit.kind = HitKind::Question;
                hit.title_snippet = r.title;
                hit.body_snippet = r.body;
            }
            HitKind::Passage => {
                let Some(p) = passages.get(&r.ref_id) else {
                    continue;
                };
                if hit.passages.len() < PASSAGES_PER_QUESTION {
                    hit.passages.push(PassageHit {
                        position: p.position,
                        kind: Some(decode::<PassageKind>("passage.kind", &p.kind)?),
                        snippet: r.body,
                    });
                }
            }
        }
    }
    let mut items = Vec::with_capacity(groups.len());
    for g in groups {
        // A row whose target vanished between the queries is dropped, not shown half.
        if let Some(hit) = by_group.remove(&g)
            && (hit.action.is_some() || hit.question.is_some())
        {
            items.push(hit);
        }
    }
    Ok(Page {
        items,
        total: total.max(0) as u64,
        page,
        per_page: PER_PAGE,
    })
}

/// The organisation's name and aliases.
pub async fn organisation_names<C: ConnectionTrait>(
    db: &C,
    organisation_id: i32,
) -> Result<Vec<String>, DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let Some(o) = organisation::Entity::find_by_id(organisation_id)
        .one(db)
        .await?
    else {
        return Ok(vec![]);
    };
    let mut names = vec![o.name];
    names.extend(
        organisation_alias::Entity::find()
            .filter(organisation_alias::Column::OrganisationId.eq(organisation_id))
            .all(db)
            .await?
            .into_iter()
            .map(|a| a.alias),
    );
    Ok(names)
}

/// A passage of an answer that names an organisation.
#[derive(Clone, Debug, Serialize)]
pub struct Mention {
    pub question: QuestionRef,
    pub passage_position: i32,
    /// With U+0002 / U+0003 around the name.
    pub snippet: String,
}

/// Rows of `search_index` of `kind` matching any of `names`: (ref_id, question_id, body snippet).
async fn naming<C: ConnectionTrait>(
    db: &C,
    names: &[String],
    kind: &str,
    answers_only: bool,
    limit: u64,
) -> Result<Vec<(i32, Option<i32>, String)>, DbErr> {
    let Some(e) = Engine::of(db) else {
        return Ok(vec![]);
    };
    let Some(q) = e.any_phrase(names) else {
        return Ok(vec![]);
    };
    let join = if answers_only {
        " AND ref_id IN (SELECT id FROM passage WHERE kind = 'answer')"
    } else {
        ""
    };
    const WORDS: u32 = 20;
    let (snippet, matches, rid) = (e.snippet("body", WORDS), e.matches(), e.rid());
    let sql = format!(
        "SELECT ref_id, question_id, {snippet} AS s \
         FROM search_index WHERE {matches} AND kind = ?{join} ORDER BY {rid} DESC LIMIT ?"
    );
    let values: Vec<Value> = vec![q.into(), kind.into(), (limit as i64).into()];
    let rows = db.query_all_raw(e.statement(sql, values)).await?;
    let phrases: Vec<Term> = name_phrases(names)
        .into_iter()
        .map(|p| Term::Phrase(p.iter().map(|w| w.to_string()).collect()))
        .collect();
    let mut out = vec![];
    for r in rows {
        let text = r.try_get::<Option<String>>("", "s")?.unwrap_or_default();
        out.push((
            r.try_get("", "ref_id")?,
            r.try_get("", "question_id")?,
            e.finish_snippet(text, &phrases, WORDS as usize),
        ));
    }
    Ok(out)
}

/// Ids of questions with an answer passage naming the organisation (or an alias).
pub async fn questions_naming<C: ConnectionTrait>(
    db: &C,
    organisation_id: i32,
    limit: u64,
) -> Result<Vec<i32>, DbErr> {
    let names = organisation_names(db, organisation_id).await?;
    let rows = naming(db, &names, "passage", true, limit).await?;
    let set: HashSet<i32> = rows.into_iter().filter_map(|r| r.1).collect();
    Ok(set.into_iter().collect())
}

/// Answer passages naming one of `names`, newest rows first.
pub async fn answers_naming<C: ConnectionTrait>(
    db: &C,
    names: &[String],
    limit: u64,
) -> Result<Vec<Mention>, DbErr> {
    let rows = naming(db, names, "passage", true, limit).await?;
    let passage_ids: Vec<i32> = rows.iter().map(|r| r.0).collect();
    let positions: HashMap<i32, i32> = if passage_ids.is_empty() {
        HashMap::new()
    } else {
        use sea_orm::{ColumnTrait, QueryFilter};
        passage::Entity::find()
            .filter(passage::Column::Id.is_in(passage_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.position))
            .collect()
    };
    let q_ids: Vec<i32> = super::overview::dedup(rows.iter().filter_map(|r| r.1));
    let questions: HashMap<i32, QuestionRef> = questions_by_ids(db, &q_ids)
        .await?
        .into_iter()
        .map(|q| (q.id, q))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|(pid, qid, s)| {
            Some(Mention {
                question: questions.get(&qid?)?.clone(),
                passage_position: *positions.get(&pid)?,
                snippet: s,
            })
        })
        .collect())
}

/// Ids of actions whose text names one of `names`.
pub async fn actions_naming<C: ConnectionTrait>(
    db: &C,
    names: &[String],
    limit: u64,
) -> Result<Vec<i32>, DbErr> {
    Ok(naming(db, names, "action", false, limit)
        .await?
        .into_iter()
        .map(|r| r.0)
        .collect())
}

/// Indexes the rows the triggers noted as changed since the last flush (migration
/// `m20261122_000030_search_deferred`). The store runs it inside every transaction that writes
/// actions, questions or passages, just before the commit, and when it opens a database.
///
/// SQLite only: PostgreSQL's triggers index each row as it is written.
pub async fn flush_pending<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Ok(());
    }
    for sql in vigie_migrations::SEARCH_FLUSH_SQL {
        db.execute_unprepared(sql).await?;
    }
    Ok(())
}

/// Whether rows wait for [`flush_pending`].
pub async fn has_pending<C: ConnectionTrait>(db: &C) -> Result<bool, DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Ok(false);
    }
    let row = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT EXISTS (SELECT 1 FROM search_pending) AS pending",
        ))
        .await?;
    match row {
        Some(r) => r.try_get::<bool>("", "pending"),
        None => Ok(false),
    }
}

/// Rebuilds the whole index from the tables (after a bulk load that bypassed triggers, or to
/// repair it). The triggers and [`flush_pending`] keep it in sync otherwise.
pub async fn rebuild_index<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    let statements: &[&str] = match Engine::of(db) {
        Some(Engine::Sqlite) => &REBUILD_SQL,
        Some(Engine::Postgres) => &PG_REBUILD_SQL,
        None => &[],
    };
    for sql in statements {
        db.execute_unprepared(sql).await?;
    }
    Ok(())
}

/// [`REBUILD_SQL`] on PostgreSQL (the generated `doc` column follows).
pub const PG_REBUILD_SQL: [&str; 4] = [
    "DELETE FROM search_index",
    "INSERT INTO search_index(rid, kind, ref_id, question_id, title, body) \
     SELECT id::bigint * 4 + 1, 'action', id, NULL, COALESCE(label, ''), text FROM action",
    "INSERT INTO search_index(rid, kind, ref_id, question_id, title, body) \
     SELECT id::bigint * 4 + 2, 'question', id, id, subject, '' FROM question",
    "INSERT INTO search_index(rid, kind, ref_id, question_id, title, body) \
     SELECT id::bigint * 4 + 3, 'passage', id, question_id, COALESCE(heading, ''), text FROM passage",
];

/// The statements that fill `search_index` from the tables.
pub const REBUILD_SQL: [&str; 5] = [
    "DELETE FROM search_index",
    "DELETE FROM search_pending",
    "INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
     SELECT id * 4 + 1, 'action', id, NULL, COALESCE(label, ''), text FROM action",
    "INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
     SELECT id * 4 + 2, 'question', id, id, subject, '' FROM question",
    "INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
     SELECT id * 4 + 3, 'passage', id, question_id, COALESCE(heading, ''), text FROM passage",
];

/// A snippet of `text` as FTS5's `snippet()` cuts one, for PostgreSQL: about `max_words` words
/// around the best run of matches of `terms`, U+0002 / U+0003 around each matching word, `…`
/// where the text was cut. Words are runs of letters and digits compared without case or
/// accents, as both indexes compare them; a prefix term matches the start of a word, a phrase
/// its words in a row.
pub fn highlight(text: &str, terms: &[Term], max_words: usize) -> String {
    let words = vigie_core::text::words(text);
    if words.is_empty() || max_words == 0 {
        return String::new();
    }
    let mut hit = vec![false; words.len()];
    for term in terms {
        match term {
            Term::Prefix(w) => {
                let w = vigie_core::text::fold(w);
                for (i, word) in words.iter().enumerate() {
                    if word.folded.starts_with(&w) {
                        hit[i] = true;
                    }
                }
            }
            Term::Phrase(ws) => {
                let ws: Vec<String> = ws.iter().map(|w| vigie_core::text::fold(w)).collect();
                if ws.is_empty() || ws.len() > words.len() {
                    continue;
                }
                for start in 0..=words.len() - ws.len() {
                    if ws
                        .iter()
                        .zip(&words[start..])
                        .all(|(w, word)| &word.folded == w)
                    {
                        hit[start..start + ws.len()].fill(true);
                    }
                }
            }
        }
    }
    // The window holding the most matches, the earliest of them; then begun a few words before
    // its first match, so the match has some context.
    let n = words.len();
    let len = max_words.min(n);
    let mut count = hit[..len].iter().filter(|h| **h).count();
    let (mut best, mut best_start) = (count, 0);
    for s in 1..=n - len {
        count = count + usize::from(hit[s + len - 1]) - usize::from(hit[s - 1]);
        if count > best {
            (best, best_start) = (count, s);
        }
    }
    let start = match hit[best_start..].iter().position(|h| *h) {
        Some(first) if best > 0 => (best_start + first).saturating_sub(3).min(n - len),
        _ => best_start,
    };
    let end = start + len;
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    // The whole text when nothing was cut, punctuation around the words included.
    let mut at = if start == 0 {
        0
    } else {
        words[start].surface.start
    };
    for i in start..end {
        let r = &words[i].surface;
        out.push_str(&text[at..r.start]);
        if hit[i] {
            out.push('\u{2}');
            out.push_str(&text[r.clone()]);
            out.push('\u{3}');
        } else {
            out.push_str(&text[r.clone()]);
        }
        at = r.end;
    }
    if end < n {
        out.push('…');
    } else {
        out.push_str(&text[at..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_quoted_never_syntax() {
        assert_eq!(
            fts_query("task force numérique").unwrap(),
            "\"task\"* \"force\"* \"numérique\"*"
        );
        // Plurals find singulars; compounds are one phrase, as the index cut them.
        assert_eq!(
            fts_query("numériques e-santé").unwrap(),
            "\"numérique\"* \"e santé\""
        );
        assert_eq!(fts_query("l'emploi bus").unwrap(), "\"l emploi\" \"bus\"*");
        assert_eq!(fts_query("' OR 1=1 --").unwrap(), "\"OR\"* \"1 1\"");
        assert_eq!(
            fts_query("\"task force\" NEAR(x)").unwrap(),
            "\"task force\" \"NEAR x\""
        );
        assert_eq!(fts_query("<b>\"").unwrap(), "\"b\"*");
        assert_eq!(fts_query("a<b>c").unwrap(), "\"a b c\"");
        assert_eq!(fts_query("  -- * ^ ").as_deref(), None);
        assert_eq!(
            fts_query(&"mot ".repeat(100)).unwrap().matches('*').count(),
            MAX_TERMS
        );
    }

    #[test]
    fn highlight_cuts_and_marks_like_fts5() {
        let t = |q: &str| terms(q);
        assert_eq!(
            highlight("La stratégie Numérique de la Région", &t("numeriques"), 12),
            "La stratégie \u{2}Numérique\u{3} de la Région"
        );
        // Markup-like text stays text; a compound matches as a phrase.
        assert_eq!(
            highlight(
                "<script>alert(1)</script> e-santé",
                &t("script e-santé"),
                12
            ),
            "<\u{2}script\u{3}>alert(1)</\u{2}script\u{3}> \u{2}e\u{3}-\u{2}santé\u{3}"
        );
        assert_eq!(
            highlight(
                "un appel de hub.brussels cette année",
                &t("hub.brussels"),
                12
            ),
            "un appel de \u{2}hub\u{3}.\u{2}brussels\u{3} cette année"
        );
        // A long text is cut around the match, with ellipses where it was cut.
        let long = format!("{}cible {}", "mot ".repeat(20), "fin ".repeat(20));
        let s = highlight(&long, &t("cible"), 6);
        assert_eq!(s, "…mot mot mot \u{2}cible\u{3} fin fin…");
        // No match: the start of the text.
        assert_eq!(highlight("a b c d", &t("zzz"), 2), "a b…");
    }

    #[test]
    fn names_become_phrases() {
        assert_eq!(
            any_phrase(&["easy.brussels".into(), "CIRB".into()]).unwrap(),
            "\"easy brussels\" OR \"CIRB\""
        );
    }
}
