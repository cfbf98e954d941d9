//! The link and status records of `vigie export links|statuses` and of the dashboard's downloads
//! (`/downloads/links.csv`, `/downloads/actions.csv`, `/downloads/dataset.json`), in JSON and CSV,
//! so that both give the same thing.
//!
//! A question is named the way people cite it: legislature, number and addressee (numbers restart
//! for each minister and each legislature). Every export runs a fixed number of queries; related
//! rows are selected with subqueries rather than long `IN (…)` lists, so ten thousand questions
//! do not hit SQLite's limit on bound parameters.
//!
//! The CSV is RFC 4180: comma separated, CRLF line ends, a header row, and every field that holds
//! a comma, a quote, a line break or surrounding spaces is quoted with inner quotes doubled.

use std::collections::HashMap;
use std::io::{self, Write};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use vigie_core::{LinkOrigin, LinkState, PassageKind, Status};

use crate::Store;
use crate::decode::decode;
use crate::entity::{
    action, axis, link, link_passage, member, minister, passage, plan, question, status_proposal,
};
use crate::export::{PlanExport, QuestionExport};
use crate::staff::entity::status_assessment;

/// How a question is cited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuestionKey {
    pub legislature: String,
    pub number: i32,
    /// The minister's name (or portfolio when the name is unknown).
    pub addressee: String,
}

/// One linked (question, action) pair.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LinkRecord {
    pub question: QuestionKey,
    pub subject: String,
    pub author: String,
    /// The answer's date, else the reception's.
    pub evidence_date: Option<NaiveDate>,
    pub plan: String,
    /// The action's code in its plan (`1.3`).
    pub action: String,
    pub score: f64,
    pub state: LinkState,
    /// `matcher` or `manual`.
    pub origin: LinkOrigin,
    pub matcher_version: String,
    pub note: Option<String>,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<DateTime<Utc>>,
    /// Best score first.
    pub passages: Vec<LinkPassageRecord>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LinkPassageRecord {
    /// 1-based position in the question document (the page's `#p3` anchor).
    pub position: i32,
    pub kind: PassageKind,
    pub score: f64,
    pub reasons: serde_json::Value,
}

/// Who decided the status an action shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecidedBy {
    /// A staff assessment (it wins over the engine).
    Staff,
    /// The status engine's proposal.
    Engine,
    /// Neither: no evidence, no assessment.
    None,
}

impl DecidedBy {
    pub fn as_str(self) -> &'static str {
        match self {
            DecidedBy::Staff => "staff",
            DecidedBy::Engine => "engine",
            DecidedBy::None => "none",
        }
    }
}

/// One action with the status it shows and what that rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatusRecord {
    pub plan: String,
    pub axis: i32,
    pub action: String,
    pub label: Option<String>,
    pub text: String,
    /// The status shown: the staff assessment when there is one, else the engine's proposal.
    pub status: Status,
    pub decided_by: DecidedBy,
    /// The engine's proposal and the sentence, question and date it rests on.
    pub engine_status: Option<Status>,
    pub sentence: Option<String>,
    pub question: Option<QuestionKey>,
    pub evidence_date: Option<NaiveDate>,
    pub staff_status: Option<Status>,
    pub staff_justification: Option<String>,
    pub staff_author: Option<String>,
    pub staff_at: Option<DateTime<Utc>>,
    /// Linked questions (rejected links left out).
    pub linked_questions: u64,
    /// The status is the engine's and rests only on links nobody reviewed (no staff assessment,
    /// no confirmed or manual link).
    pub unreviewed: bool,
}

/// Everything the public may download, in one document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DatasetExport {
    pub generated_at: DateTime<Utc>,
    pub plans: Vec<PlanExport>,
    pub questions: Vec<QuestionExport>,
    pub links: Vec<LinkRecord>,
    pub statuses: Vec<StatusRecord>,
}

/// Minimal RFC 4180 writer.
#[derive(Debug)]
pub struct CsvWriter<W: Write> {
    out: W,
}

impl<W: Write> CsvWriter<W> {
    pub fn new(out: W) -> Self {
        CsvWriter { out }
    }

    pub fn write_record<S: AsRef<str>>(&mut self, fields: &[S]) -> io::Result<()> {
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                self.out.write_all(b",")?;
            }
            self.out.write_all(csv_field(f.as_ref()).as_bytes())?;
        }
        self.out.write_all(b"\r\n")
    }

    pub fn into_inner(self) -> W {
        self.out
    }
}

/// One CSV field, quoted when it must be.
///
/// A field that a spreadsheet would take for a formula (it begins with `=`, `+`, `-`, `@`, a tab
/// or a carriage return) gets a leading apostrophe, so that opening the download shows the text
/// instead of running it: document text is not ours, and a question's subject or a staff note
/// could hold `=HYPERLINK(…)` (OWASP, "CSV injection"). The JSON exports carry the text as is.
pub fn csv_field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        return format!("\"'{}\"", s.replace('"', "\"\"")).into();
    }
    let needs = s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ');
    if needs {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn rfc3339(t: &Option<DateTime<Utc>>) -> String {
    t.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

pub const LINK_CSV_HEADER: [&str; 17] = [
    "legislature",
    "number",
    "addressee",
    "subject",
    "author",
    "evidence_date",
    "plan",
    "action",
    "score",
    "state",
    "origin",
    "matcher_version",
    "note",
    "reviewed_by",
    "reviewed_at",
    "passages",
    "reasons",
];

/// Links as CSV: one row per linked (question, action); `passages` lists the linked passages as
/// `p3 (0.77); p5 (0.41)`, `reasons` holds the same passages with their reasons as JSON.
pub fn write_links_csv<W: Write>(out: W, records: &[LinkRecord]) -> io::Result<W> {
    let mut w = CsvWriter::new(out);
    w.write_record(&LINK_CSV_HEADER)?;
    for r in records {
        let passages = r
            .passages
            .iter()
            .map(|p| format!("p{} ({})", p.position, p.score))
            .collect::<Vec<_>>()
            .join("; ");
        let reasons = serde_json::to_string(&r.passages).map_err(io::Error::other)?;
        w.write_record(&[
            r.question.legislature.clone(),
            r.question.number.to_string(),
            r.question.addressee.clone(),
            r.subject.clone(),
            r.author.clone(),
            opt(&r.evidence_date),
            r.plan.clone(),
            r.action.clone(),
            r.score.to_string(),
            r.state.as_str().to_string(),
            r.origin.as_str().to_string(),
            r.matcher_version.clone(),
            opt(&r.note),
            opt(&r.reviewed_by),
            rfc3339(&r.reviewed_at),
            passages,
            reasons,
        ])?;
    }
    Ok(w.into_inner())
}

pub const STATUS_CSV_HEADER: [&str; 19] = [
    "plan",
    "axis",
    "action",
    "label",
    "text",
    "status",
    "decided_by",
    "engine_status",
    "sentence",
    "legislature",
    "number",
    "addressee",
    "evidence_date",
    "staff_status",
    "staff_justification",
    "staff_author",
    "staff_at",
    "linked_questions",
    "unreviewed",
];

/// Statuses as CSV: one row per action, in plan order.
pub fn write_statuses_csv<W: Write>(out: W, records: &[StatusRecord]) -> io::Result<W> {
    let mut w = CsvWriter::new(out);
    w.write_record(&STATUS_CSV_HEADER)?;
    for r in records {
        let q = r.question.as_ref();
        w.write_record(&[
            r.plan.clone(),
            r.axis.to_string(),
            r.action.clone(),
            opt(&r.label),
            r.text.clone(),
            r.status.as_str().to_string(),
            r.decided_by.as_str().to_string(),
            r.engine_status
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
            opt(&r.sentence),
            q.map(|q| q.legislature.clone()).unwrap_or_default(),
            q.map(|q| q.number.to_string()).unwrap_or_default(),
            q.map(|q| q.addressee.clone()).unwrap_or_default(),
            opt(&r.evidence_date),
            r.staff_status
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
            opt(&r.staff_justification),
            opt(&r.staff_author),
            rfc3339(&r.staff_at),
            r.linked_questions.to_string(),
            r.unreviewed.to_string(),
        ])?;
    }
    Ok(w.into_inner())
}

/// Questions cited by key, with their subject, author and evidence date.
struct QuestionInfo {
    key: QuestionKey,
    subject: String,
    author: String,
    evidence_date: Option<NaiveDate>,
}

async fn question_infos<C: sea_orm::ConnectionTrait>(
    db: &C,
    rows: Vec<question::Model>,
) -> Result<HashMap<i32, QuestionInfo>, DbErr> {
    // Ministers and members are a few hundred at most: one query each, no id list.
    let ministers: HashMap<i32, minister::Model> = minister::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let members: HashMap<i32, String> = member::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect();
    Ok(rows
        .into_iter()
        .map(|q| {
            let addressee = ministers
                .get(&q.minister_id)
                .map(|m| m.name.clone().unwrap_or_else(|| m.portfolio.clone()))
                .unwrap_or_default();
            (
                q.id,
                QuestionInfo {
                    key: QuestionKey {
                        legislature: q.legislature,
                        number: q.number,
                        addressee,
                    },
                    subject: q.subject,
                    author: members.get(&q.member_id).cloned().unwrap_or_default(),
                    evidence_date: q.answered.or(q.received),
                },
            )
        })
        .collect())
}

/// Actions by id with their plan's title and their axis number.
async fn action_infos<C: sea_orm::ConnectionTrait>(
    db: &C,
) -> Result<(Vec<action::Model>, HashMap<i32, String>, HashMap<i32, i32>), DbErr> {
    let actions = action::Entity::find()
        .order_by_asc(action::Column::PlanId)
        .order_by_asc(action::Column::AxisId)
        .order_by_asc(action::Column::Position)
        .all(db)
        .await?;
    let plans = plan::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect();
    let axes = axis::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.number))
        .collect();
    Ok((actions, plans, axes))
}

impl Store {
    /// Every link, whatever its state, ordered by question then best score.
    pub async fn export_links(&self) -> Result<Vec<LinkRecord>, DbErr> {
        let db = self.conn();
        let links = link::Entity::find()
            .order_by_asc(link::Column::QuestionId)
            .order_by_desc(link::Column::Score)
            .order_by_asc(link::Column::Id)
            .all(db)
            .await?;
        let linked_questions = Query::select()
            .distinct()
            .column(link::Column::QuestionId)
            .from(link::Entity)
            .to_owned();
        let questions = question::Entity::find()
            .filter(question::Column::Id.in_subquery(linked_questions))
            .all(db)
            .await?;
        let questions = question_infos(db, questions).await?;
        let (actions, plans, _) = action_infos(db).await?;
        let actions: HashMap<i32, action::Model> = actions.into_iter().map(|a| (a.id, a)).collect();
        let lps = link_passage::Entity::find()
            .order_by_asc(link_passage::Column::Id)
            .all(db)
            .await?;
        let used = Query::select()
            .distinct()
            .column(link_passage::Column::PassageId)
            .from(link_passage::Entity)
            .to_owned();
        let passages: HashMap<i32, (i32, String)> = passage::Entity::find()
            .filter(passage::Column::Id.in_subquery(used))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, (p.position, p.kind)))
            .collect();
        let mut per_link: HashMap<i32, Vec<LinkPassageRecord>> = HashMap::new();
        for lp in lps {
            let Some((position, kind)) = passages.get(&lp.passage_id) else {
                continue;
            };
            let kind = decode("passage.kind", kind)?;
            per_link
                .entry(lp.link_id)
                .or_default()
                .push(LinkPassageRecord {
                    position: *position,
                    kind,
                    score: lp.score,
                    reasons: serde_json::from_str(&lp.reasons)
                        .unwrap_or(serde_json::Value::String(lp.reasons)),
                });
        }
        links
            .into_iter()
            .map(|l| {
                let q = questions.get(&l.question_id).ok_or_else(|| {
                    DbErr::RecordNotFound(format!("question {} of link {}", l.question_id, l.id))
                })?;
                let a = actions.get(&l.action_id).ok_or_else(|| {
                    DbErr::RecordNotFound(format!("action {} of link {}", l.action_id, l.id))
                })?;
                let state = decode("link.state", &l.state)?;
                let mut passages = per_link.remove(&l.id).unwrap_or_default();
                passages.sort_by(|x, y| {
                    y.score
                        .total_cmp(&x.score)
                        .then(x.position.cmp(&y.position))
                });
                Ok(LinkRecord {
                    question: q.key.clone(),
                    subject: q.subject.clone(),
                    author: q.author.clone(),
                    evidence_date: q.evidence_date,
                    plan: plans.get(&a.plan_id).cloned().unwrap_or_default(),
                    action: a.code.clone(),
                    score: l.score,
                    state,
                    origin: decode("link.origin", &l.origin)?,
                    matcher_version: l.matcher_version,
                    note: l.note,
                    reviewed_by: l.reviewed_by,
                    reviewed_at: l.reviewed_at,
                    passages,
                })
            })
            .collect()
    }

    /// Every action with the status it shows (a staff assessment wins over the engine), in plan
    /// order.
    pub async fn export_statuses(&self) -> Result<Vec<StatusRecord>, DbErr> {
        let db = self.conn();
        let (actions, plans, axes) = action_infos(db).await?;
        let proposals: HashMap<i32, status_proposal::Model> = status_proposal::Entity::find()
            .filter(status_proposal::Column::Current.eq(true))
            .order_by_asc(status_proposal::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.action_id, p))
            .collect();
        let newest = Query::select()
            .expr(Expr::col(status_assessment::Column::Id).max())
            .from(status_assessment::Entity)
            .group_by_col(status_assessment::Column::ActionId)
            .to_owned();
        let assessments: HashMap<i32, status_assessment::Model> = status_assessment::Entity::find()
            .filter(status_assessment::Column::Id.in_subquery(newest))
            .all(db)
            .await?
            .into_iter()
            .map(|a| (a.action_id, a))
            .collect();
        let cited = Query::select()
            .distinct()
            .column(status_proposal::Column::QuestionId)
            .from(status_proposal::Entity)
            .and_where(Expr::col(status_proposal::Column::Current).eq(true))
            .to_owned();
        let questions = question::Entity::find()
            .filter(question::Column::Id.in_subquery(cited))
            .all(db)
            .await?;
        let questions = question_infos(db, questions).await?;
        let count = Query::select()
            .column(link::Column::ActionId)
            .expr_as(
                Expr::col(link::Column::QuestionId).count_distinct(),
                Alias::new("n"),
            )
            .from(link::Entity)
            .and_where(Expr::col(link::Column::State).ne(LinkState::Rejected.as_str()))
            .group_by_col(link::Column::ActionId)
            .to_owned();
        // The status shown, decided where every page decides it.
        let shown = crate::query::common::current_statuses(db, None).await?;
        let mut linked: HashMap<i32, u64> = HashMap::new();
        for r in db.query_all(&count).await? {
            let id: i32 = r.try_get("", "action_id")?;
            let n: i64 = r.try_get("", "n")?;
            linked.insert(id, Ord::max(n, 0) as u64);
        }
        actions
            .into_iter()
            .map(|a| {
                let engine = proposals.get(&a.id);
                let staff = assessments.get(&a.id);
                let engine_status = engine
                    .map(|p| decode("status_proposal.status", &p.status))
                    .transpose()?;
                let staff_status = staff
                    .map(|s| decode("status_assessment.status", &s.status))
                    .transpose()?;
                let decided_by = match (staff_status, engine_status) {
                    (Some(_), _) => DecidedBy::Staff,
                    (None, Some(_)) => DecidedBy::Engine,
                    (None, None) => DecidedBy::None,
                };
                let shown = crate::query::common::status_of(&shown, a.id);
                let status = shown.status;
                Ok(StatusRecord {
                    plan: plans.get(&a.plan_id).cloned().unwrap_or_default(),
                    axis: axes.get(&a.axis_id).copied().unwrap_or_default(),
                    label: a.label,
                    text: a.text,
                    status,
                    decided_by,
                    engine_status,
                    sentence: engine.and_then(|p| p.sentence.clone()),
                    question: engine
                        .and_then(|p| p.question_id)
                        .and_then(|q| questions.get(&q))
                        .map(|q| q.key.clone()),
                    evidence_date: engine.and_then(|p| p.evidence_date),
                    staff_status,
                    staff_justification: staff.map(|s| s.justification.clone()),
                    staff_author: staff.map(|s| s.user_name.clone()),
                    staff_at: staff.map(|s| s.created_at),
                    linked_questions: linked.get(&a.id).copied().unwrap_or(0),
                    unreviewed: shown.unreviewed,
                    action: a.code,
                })
            })
            .collect()
    }

    /// Plans, questions, links and statuses in one document (the open-data download).
    pub async fn export_dataset(&self) -> Result<DatasetExport, DbErr> {
        Ok(DatasetExport {
            generated_at: Utc::now(),
            plans: self.export_plans().await?,
            questions: self.export_questions().await?,
            links: self.export_links().await?,
            statuses: self.export_statuses().await?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(rows: &[&[&str]]) -> String {
        let mut w = CsvWriter::new(Vec::new());
        for r in rows {
            w.write_record(r).unwrap();
        }
        String::from_utf8(w.into_inner()).unwrap()
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(csv(&[&["a", "b c", ""]]), "a,b c,\r\n");
        assert_eq!(
            csv(&[&["x,y", "say \"hi\"", "two\nlines", "cr\rhere", " pad"]]),
            "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\" pad\"\r\n"
        );
        assert_eq!(csv(&[&["é, ü"], &["ok"]]), "\"é, ü\"\r\nok\r\n");
    }

    #[test]
    fn what_a_spreadsheet_would_run_is_shown_as_text() {
        assert_eq!(
            csv(&[&[
                "=HYPERLINK(\"http://x\",\"y\")",
                "+1",
                "- Réseau Women In Tech",
                "@SUM(A1)",
                "\tx",
                "0.77",
                "a=b"
            ]]),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'+1\",\"'- Réseau Women In Tech\",\"'@SUM(A1)\",\"'\tx\",0.77,a=b\r\n"
        );
    }
}
