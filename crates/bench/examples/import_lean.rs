//! Experiment: how fast could the import of written questions be with a leaner write path on the
//! same schema and driver (sea-orm over sqlx-sqlite)? Same rows as `Store::import_document`
//! (document, question, acts, passages, FTS triggers as migrated), but fewer statements per file,
//! member and minister ids cached across files, and optionally several files per transaction
//! (one SAVEPOINT per file keeps each file all-or-nothing).
//!
//! `cargo run --release -p vigie-bench --example import_lean -- <files per transaction> [files] [nofts]`

use std::collections::HashMap;
use std::time::Instant;

use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait, Value};
use vigie_core::{Document, Question, read_document};

fn stmt(sql: &str, values: Vec<Value>) -> Statement {
    Statement::from_sql_and_values(DbBackend::Sqlite, sql, values)
}

async fn id_of(db: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> i32 {
    let row = db.query_one_raw(stmt(sql, values)).await.unwrap().unwrap();
    row.try_get::<i32>("", "id").unwrap()
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let per_txn: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let files: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5000);
    let mode = args.next().unwrap_or_default();
    // `nofts`: no full-text index at all; `batchfts`: no triggers, the batch's rows are indexed by
    // two INSERT … SELECT before each commit.
    let nofts = mode == "nofts" || mode == "batchfts";
    let batch_fts = mode == "batchfts";
    let work = tempfile::tempdir().unwrap();
    let paths = vigie_synth::write_questions(&work.path().join("q"), 1, files).unwrap();
    let db_path = work.path().join("x.db");
    let store = vigie_store::Store::open(&db_path.display().to_string())
        .await
        .unwrap();
    let db = store.conn();
    if nofts {
        for t in ["search_question_ai", "search_passage_ai"] {
            db.execute_unprepared(&format!("DROP TRIGGER {t}"))
                .await
                .unwrap();
        }
    }
    let mut members: HashMap<String, i32> = HashMap::new();
    let mut ministers: HashMap<(Option<String>, String), i32> = HashMap::new();
    let t = Instant::now();
    let c0 = cpu();
    for chunk in paths.chunks(per_txn) {
        let txn = db.begin().await.unwrap();
        let mut first_last: Option<(i32, i32)> = None;
        for p in chunk {
            let bytes = std::fs::read(p).unwrap();
            let Document::Question(q) = read_document(&p.display().to_string(), &bytes).unwrap()
            else {
                panic!()
            };
            // A savepoint per file: a bad file rolls back alone.
            let file = if per_txn > 1 {
                Some(txn.begin().await.unwrap())
            } else {
                None
            };
            let c = file.as_ref().unwrap_or(&txn);
            let qid = write(
                c,
                &q,
                &p.display().to_string(),
                &mut members,
                &mut ministers,
            )
            .await;
            first_last = Some(first_last.map_or((qid, qid), |(a, _)| (a, qid)));
            if let Some(f) = file {
                f.commit().await.unwrap();
            }
        }
        if let (true, Some((a, b))) = (batch_fts, first_last) {
            txn.execute_raw(stmt(
                "INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
                 SELECT id * 4 + 2, 'question', id, id, subject, '' FROM question WHERE id BETWEEN ? AND ?",
                vec![a.into(), b.into()],
            ))
            .await
            .unwrap();
            txn.execute_raw(stmt(
                "INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
                 SELECT id * 4 + 3, 'passage', id, question_id, COALESCE(heading, ''), text FROM passage \
                 WHERE question_id BETWEEN ? AND ?",
                vec![a.into(), b.into()],
            ))
            .await
            .unwrap();
        }
        txn.commit().await.unwrap();
    }
    let e = t.elapsed().as_secs_f64();
    let c = cpu() - c0;
    println!(
        "{per_txn} files per transaction{}: {files} files in {e:.2} s = {:.0} files/s; CPU {c:.2} s = {:.0} files per CPU-second",
        match mode.as_str() {
            "nofts" => ", no full-text index",
            "batchfts" => ", full-text index filled once per transaction",
            _ => ", full-text index by triggers",
        },
        files as f64 / e,
        files as f64 / c
    );
}

async fn write(
    c: &impl ConnectionTrait,
    q: &Question,
    source: &str,
    members: &mut HashMap<String, i32>,
    ministers: &mut HashMap<(Option<String>, String), i32>,
) -> i32 {
    let member = match members.get(&q.author) {
        Some(id) => *id,
        None => {
            let id = id_of(
                c,
                "INSERT INTO member (name) VALUES (?) RETURNING id",
                vec![q.author.clone().into()],
            )
            .await;
            members.insert(q.author.clone(), id);
            id
        }
    };
    let key = (q.addressee.name.clone(), q.addressee.portfolio.clone());
    let minister = match ministers.get(&key) {
        Some(id) => *id,
        None => {
            let id = id_of(
                c,
                "INSERT INTO minister (name, portfolio) VALUES (?, ?) RETURNING id",
                vec![key.0.clone().into(), key.1.clone().into()],
            )
            .await;
            ministers.insert(key, id);
            id
        }
    };
    let now = chrono::Utc::now();
    let doc = id_of(
        c,
        "INSERT INTO document (kind, source_name, sha256, imported_at, updated_at) VALUES ('question', ?, ?, ?, ?) RETURNING id",
        vec![source.into(), format!("{:064}", q.number as u64 * 131 + u64::from(minister as u32)).into(), now.into(), now.into()],
    )
    .await;
    let question = id_of(
        c,
        "INSERT INTO question (document_id, legislature, session, number, subject, member_id, minister_id, received, published, answered) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        vec![
            doc.into(),
            q.legislature.clone().into(),
            q.session.clone().into(),
            (q.number as i32).into(),
            q.subject.clone().into(),
            member.into(),
            minister.into(),
            q.received.into(),
            q.published.into(),
            q.answered.into(),
        ],
    )
    .await;
    let mut sql =
        String::from("INSERT INTO act (question_id, position, date, label, reference) VALUES ");
    let mut values = Vec::new();
    for (i, a) in q.acts.iter().enumerate() {
        sql.push_str(if i == 0 {
            "(?, ?, ?, ?, ?)"
        } else {
            ", (?, ?, ?, ?, ?)"
        });
        values.extend([
            question.into(),
            (i as i32 + 1).into(),
            a.date.into(),
            a.label.clone().into(),
            a.reference.clone().into(),
        ]);
    }
    if !values.is_empty() {
        c.execute_raw(stmt(&sql, values)).await.unwrap();
    }
    let mut sql =
        String::from("INSERT INTO passage (question_id, position, kind, heading, text) VALUES ");
    let mut values = Vec::new();
    for (i, p) in q.passages.iter().enumerate() {
        sql.push_str(if i == 0 {
            "(?, ?, ?, ?, ?)"
        } else {
            ", (?, ?, ?, ?, ?)"
        });
        values.extend([
            question.into(),
            (p.position as i32).into(),
            p.kind.as_str().into(),
            p.heading.clone().into(),
            p.text.clone().into(),
        ]);
    }
    c.execute_raw(stmt(&sql, values)).await.unwrap();
    question
}

fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    (f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()) as f64 / 100.0
}
