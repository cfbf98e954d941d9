//! The setup the in-process suites share (`api.rs`, `pages.rs`, `staff.rs`): a fresh in-memory
//! SQLite migrated by the real migrations with every seed imported through the store plus one
//! hostile question, the rows the matcher would write, and requests sent through the router.

// Each suite uses part of this module.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use http_body_util::BodyExt;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::Value;
use tower::ServiceExt;
use vigie_store::entity::{action, link, link_passage, passage, question, status_proposal};

/// The subject of the hostile copy of seed 000: markup and an attribute injection.
pub const EVIL_SUBJECT: &str = "<script>alert(1)</script> \"onmouseover=alert(2) numérique";

pub fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// Seed 000 turned hostile: the subject is [`EVIL_SUBJECT`], the number differs (another
/// identity: 9252) and the answer is cut off; then each `(from, to)` of `more` is replaced.
pub fn evil_question(more: &[(&str, &str)]) -> String {
    let text = std::fs::read_to_string(seeds().join("000_33070bc8ec8b8084.txt")).unwrap();
    let title = text
        .lines()
        .find(|l| l.starts_with("Question écrite concernant"))
        .unwrap()
        .to_string();
    let cut = text.find("\nRéponse").unwrap();
    let mut text = text[..cut]
        .replace(
            &title,
            &format!("Question écrite concernant {EVIL_SUBJECT}"),
        )
        .replace("(question n°252)", "(question n°9252)")
        .replace("Date de réponse: 11/06/2020", "Date de réponse:");
    for (from, to) in more {
        text = text.replace(from, to);
    }
    text
}

/// Seed 000 as asked by another member under another number.
pub fn copy_of_seed(n: usize) -> String {
    std::fs::read_to_string(seeds().join("000_33070bc8ec8b8084.txt"))
        .unwrap()
        .replace("(question n°252)", &format!("(question n°{})", 20_000 + n))
        .replace("\nBianca Debaets\n", &format!("\nMembre Numéro{n}\n"))
}

/// A fresh in-memory database, migrated, holding every seed in name order and then `hostile`
/// (a written question) imported as `evil.txt`.
pub async fn seeded(hostile: &str) -> DatabaseConnection {
    let store = vigie_store::testing::fresh_store().await;
    let mut names: Vec<PathBuf> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in names {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        store
            .import_document(&name, &bytes)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    store
        .import_document("evil.txt", hostile.as_bytes())
        .await
        .expect("the hostile question imports");
    store.conn().clone()
}

/// The moment the fixtures' links and proposals are written.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
}

/// A link from question `q` to action `a` as the matcher writes it (version `test/1`, at
/// [`now`]); change `origin` or `note` with struct update syntax.
pub fn new_link(q: i32, a: i32, score: f64, state: &str) -> link::ActiveModel {
    link::ActiveModel {
        question_id: Set(q),
        action_id: Set(a),
        score: Set(score),
        state: Set(state.into()),
        origin: Set("matcher".into()),
        matcher_version: Set("test/1".into()),
        created_at: Set(now()),
        updated_at: Set(now()),
        ..Default::default()
    }
}

/// Writes the passage `p` of link `l` with its score and its reasons (JSON).
pub async fn add_link_passage(
    db: &DatabaseConnection,
    l: i32,
    p: i32,
    score: f64,
    reasons: impl Into<String>,
) {
    link_passage::ActiveModel {
        link_id: Set(l),
        passage_id: Set(p),
        score: Set(score),
        reasons: Set(reasons.into()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
}

/// Links `q` to `a` on every passage of `q`.
pub async fn link_everywhere(db: &DatabaseConnection, q: i32, a: i32, score: f64) {
    let l = new_link(q, a, score, "proposed").insert(db).await.unwrap();
    for p in passage::Entity::find()
        .filter(passage::Column::QuestionId.eq(q))
        .all(db)
        .await
        .unwrap()
    {
        add_link_passage(db, l.id, p.id, score, r#"{"shared_terms":[{"term":"numer","weight":0.5,"passage_words":["numérique"],"passage_spans":[],"action_words":["numérique"],"related_to":null}]}"#).await;
    }
}

pub async fn question_by_number(db: &DatabaseConnection, n: i32) -> question::Model {
    question::Entity::find()
        .filter(question::Column::Number.eq(n))
        .one(db)
        .await
        .unwrap()
        .unwrap()
}

/// The first passage of question `q` (of that `kind` if given).
pub async fn first_passage(db: &DatabaseConnection, q: i32, kind: Option<&str>) -> passage::Model {
    let mut f = passage::Entity::find().filter(passage::Column::QuestionId.eq(q));
    if let Some(k) = kind {
        f = f.filter(passage::Column::Kind.eq(k));
    }
    f.order_by_asc(passage::Column::Position)
        .one(db)
        .await
        .unwrap()
        .unwrap()
}

/// Where the public suites' evidence differs: the reasons (JSON) of the task force's linked
/// passage and of the hostile question's, and the note of the hostile question's link, which
/// is then a link made by hand (`origin: manual`) rather than by the matcher.
pub struct EvidenceText<'a> {
    pub task_force_reasons: &'a str,
    pub evil_reasons: &'a str,
    pub evil_note: Option<&'a str>,
}

/// What [`write_evidence`] wrote, and about which rows.
pub struct Evidence {
    /// Every action, by id.
    pub actions: Vec<action::Model>,
    /// The task force question (seed 000).
    pub task_force: question::Model,
    /// The hostile question (number 9252).
    pub evil: question::Model,
}

/// The public suites' evidence: the task force question linked (proposed, 0.82) to the first
/// action through its first answer passage, and rejected (0.3) for the second; the hostile
/// question linked (confirmed, 0.4) to the first action; the first action's engine status
/// "in progress" after "announced", the third's "delivered".
pub async fn write_evidence(db: &DatabaseConnection, text: &EvidenceText<'_>) -> Evidence {
    let actions = action::Entity::find()
        .order_by_asc(action::Column::Id)
        .all(db)
        .await
        .unwrap();
    assert!(actions.len() > 10, "the plan seed gives its actions");
    let target = &actions[0];
    let task_force = question_by_number(db, 252).await;
    let evil = question_by_number(db, 9252).await;
    let answer = first_passage(db, task_force.id, Some("answer")).await;
    let evil_passage = first_passage(db, evil.id, None).await;

    let l = new_link(task_force.id, target.id, 0.82, "proposed")
        .insert(db)
        .await
        .unwrap();
    add_link_passage(db, l.id, answer.id, 0.77, text.task_force_reasons).await;
    let evil_link = new_link(evil.id, target.id, 0.4, "confirmed");
    let evil_link = match text.evil_note {
        Some(note) => link::ActiveModel {
            origin: Set("manual".into()),
            note: Set(Some(note.into())),
            ..evil_link
        },
        None => evil_link,
    };
    let l2 = evil_link.insert(db).await.unwrap();
    add_link_passage(db, l2.id, evil_passage.id, 0.4, text.evil_reasons).await;
    new_link(task_force.id, actions[1].id, 0.3, "rejected")
        .insert(db)
        .await
        .unwrap();
    for (status, current, day) in [("announced", false, 1), ("in_progress", true, 2)] {
        status_proposal::ActiveModel {
            action_id: Set(target.id),
            status: Set(status.into()),
            sentence: Set(Some(
                "Pour l’instant mes équipes travaillent intensément".into(),
            )),
            question_id: Set(Some(task_force.id)),
            passage_id: Set(Some(answer.id)),
            evidence_date: Set(Some(NaiveDate::from_ymd_opt(2020, 6, 11).unwrap())),
            matcher_version: Set("test/1".into()),
            computed_at: Set(Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap()),
            current: Set(current),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    status_proposal::ActiveModel {
        action_id: Set(actions[2].id),
        status: Set("delivered".into()),
        sentence: Set(Some("a été lancé".into())),
        matcher_version: Set("test/1".into()),
        computed_at: Set(now()),
        current: Set(true),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    Evidence {
        actions,
        task_force,
        evil,
    }
}

/// A connection that counts the SQL statements run through it.
pub fn counted(db: &DatabaseConnection) -> (DatabaseConnection, Arc<AtomicUsize>) {
    let counter = Arc::new(AtomicUsize::new(0));
    let mut db = db.clone();
    let c = counter.clone();
    db.set_metric_callback(move |_| {
        c.fetch_add(1, Ordering::SeqCst);
    });
    (db, counter)
}

/// A response, read whole.
pub struct Res {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Res {
    /// The header's value, `""` when absent or not text.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// Every header by name, the values as text (`""` when not text).
    pub fn header_map(&self) -> HashMap<String, String> {
        self.headers
            .iter()
            .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
            .collect()
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn location(&self) -> &str {
        self.header(header::LOCATION.as_str())
    }

    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect()
    }
}

/// A request with an empty body.
pub fn request(method: Method, uri: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.body(Body::empty()).unwrap()
}

/// How a response body becomes text.
#[derive(Clone, Copy)]
pub enum BodyText {
    /// Invalid UTF-8 replaced (pages, gzip).
    Lossy,
    /// Invalid UTF-8 fails the test (the JSON API promises UTF-8).
    Strict,
}

/// Sends `req` through the router and reads the whole response. A GET that answers with a
/// permanent redirect (an id address moved to its permalink) is followed, as a browser would, with
/// the same headers; [`send_once`] does not follow.
pub async fn send_as(app: &Router, req: Request<Body>, text: BodyText) -> Res {
    let (method, headers) = (req.method().clone(), req.headers().clone());
    let res = send_once(app, req, text).await;
    if res.status == StatusCode::PERMANENT_REDIRECT && method == Method::GET {
        let mut again = Request::builder().method(Method::GET).uri(res.location());
        for (k, v) in &headers {
            again = again.header(k, v);
        }
        return send_once(app, again.body(Body::empty()).unwrap(), text).await;
    }
    res
}

/// Sends `req` through the router and reads the whole response, redirects included.
pub async fn send_once(app: &Router, req: Request<Body>, text: BodyText) -> Res {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let body = match text {
        BodyText::Lossy => String::from_utf8_lossy(&bytes).into_owned(),
        BodyText::Strict => String::from_utf8(bytes.to_vec()).expect("UTF-8 body"),
    };
    Res {
        status,
        headers,
        body,
    }
}

/// [`send_as`] with the body read leniently.
pub async fn send(app: &Router, req: Request<Body>) -> Res {
    send_as(app, req, BodyText::Lossy).await
}
