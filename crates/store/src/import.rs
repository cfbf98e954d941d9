//! Importing one document: read it, then write everything it holds in one transaction.
//!
//! Re-importing updates in place instead of duplicating: a plan is found again by its title, its
//! axes by number, its actions by code; a question by its identity (legislature, addressee,
//! number), its passages by position. Their row ids stay the same, so links and human decisions
//! keep pointing at the right rows. Rows that only describe a document (ministers and partners of
//! a plan, pilots of an axis, acts of a question) are replaced wholesale: nothing points at them.
//!
//! The import never writes to the alias table: staff own it.

use std::collections::HashMap;
use std::fmt;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    DbBackend, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryResult, QueryTrait, Set,
    Statement,
};
use serde::Serialize;
use sha2::{Digest, Sha256};
use vigie_core::{Document, Minister, Partner, Plan, Question, ReadError};

use crate::Store;
use crate::entity::{
    act, action, axis, axis_pilot, document, member, minister, organisation, organisation_alias,
    passage, plan, plan_minister, plan_partner, question,
};

/// Rows per multi-row INSERT: far under SQLite's bound-parameter limit for any of our tables.
const INSERT_CHUNK: usize = 500;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Plan,
    Question,
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Plan => "plan",
            DocumentKind::Question => "question",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// A document the database did not know.
    Imported,
    /// A new version of a known plan (same title) or question (same identity).
    Updated,
    /// A file whose exact bytes (SHA-256) were already imported: nothing was read or written.
    Unchanged,
}

impl ImportStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportStatus::Imported => "imported",
            ImportStatus::Updated => "updated",
            ImportStatus::Unchanged => "unchanged",
        }
    }
}

/// How much a document holds, for summaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportCounts {
    pub axes: u64,
    pub actions: u64,
    /// Partners of a plan (the steering committee is not counted).
    pub partners: u64,
    pub acts: u64,
    pub passages: u64,
}

/// What importing one file did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportOutcome {
    pub kind: DocumentKind,
    pub status: ImportStatus,
    /// The plan's title, or the question's identity (`n°252 (19/24, Bernard Clerfayt)`).
    pub label: String,
    /// The `plan` or `question` row.
    pub id: i32,
    pub document_id: i32,
    pub sha256: String,
    pub counts: ImportCounts,
    /// What the reader warned about, ready to print: `file: where: what` (quirks of real pages
    /// that were read anyway, e.g. an impossible date left empty).
    pub warnings: Vec<String>,
}

/// A file that was not imported. The database is left exactly as it was.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The document cannot be read: `file:line: expected …`.
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{file}: database error: {source}")]
    Db {
        file: String,
        #[source]
        source: DbErr,
    },
}

impl ImportError {
    fn db(file: &str) -> impl FnOnce(DbErr) -> ImportError + '_ {
        move |source| ImportError::Db {
            file: file.to_string(),
            source,
        }
    }
}

/// The SHA-256 of a file, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest {
        use fmt::Write;
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

/// A question's identity, as shown to people.
pub fn question_label(legislature: &str, number: i64, addressee: &Minister) -> String {
    let who = addressee.name.as_deref().unwrap_or(&addressee.portfolio);
    format!("n°{number} ({legislature}, {who})")
}

impl Store {
    /// Imports one file: skipped when its SHA-256 is already stored, else read and written in one
    /// transaction (all or nothing). `source_name` is kept with the document and names the file
    /// in error messages.
    pub async fn import_document(
        &self,
        source_name: &str,
        bytes: &[u8],
    ) -> Result<ImportOutcome, ImportError> {
        // A batch of one file: the same path as `vigie import`, full-text flush included.
        let mut batch = self
            .begin_import_batch()
            .await
            .map_err(ImportError::db(source_name))?;
        let outcome = batch.import_document(source_name, bytes).await?;
        batch.commit().await.map_err(ImportError::db(source_name))?;
        Ok(outcome)
    }

    /// Starts a batch: many files in one database transaction, each file in its own savepoint.
    ///
    /// Every file is still all or nothing (a refused file rolls back to its savepoint and leaves
    /// the others alone), but the cost of a commit is paid once per batch instead of once per
    /// file. Nothing of the batch is visible to others, or durable, before [`ImportBatch::commit`];
    /// if the commit fails, none of the batch's files are imported.
    pub async fn begin_import_batch(&self) -> Result<ImportBatch, DbErr> {
        Ok(ImportBatch {
            txn: crate::write::begin(self.conn()).await?,
            files: 0,
            unfinished: false,
        })
    }
}

/// A file read ahead of its import, on the reader thread of [`read_ahead`].
#[derive(Debug)]
pub struct ReadFile {
    pub name: String,
    /// The file's bytes and what [`vigie_core::read_document`] made of them; or why the file could
    /// not be read from disk (a message naming the file).
    pub file: Result<(Vec<u8>, Result<Document, ReadError>), String>,
}

/// Files being read on a thread of their own, in order, a few ahead of the import that consumes
/// them (see [`read_ahead`]).
#[derive(Debug)]
pub struct ReadAhead {
    files: tokio::sync::mpsc::Receiver<ReadFile>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl ReadAhead {
    /// The next file, in the order given; `None` after the last. A panic of the reader thread (a
    /// bug) is raised here rather than ending the import early as if the files had run out.
    pub async fn next(&mut self) -> Option<ReadFile> {
        let next = self.files.recv().await;
        if next.is_none()
            && let Some(thread) = self.thread.take()
            && let Err(panic) = thread.join()
        {
            std::panic::resume_unwind(panic);
        }
        next
    }
}

/// Reads files with [`vigie_core::read_document`] on a thread of their own, at most `depth` files
/// ahead of the caller, so that reading the next files (most of an HTML page's import) overlaps
/// writing this one. `files` yields each file's name and bytes (or why they could not be read);
/// it runs on the reader thread, so reading from disk happens there too. Reading is pure: doing it
/// early changes nothing, and the import stays all or nothing per file.
pub fn read_ahead<I>(files: I, depth: usize) -> ReadAhead
where
    I: IntoIterator<Item = (String, Result<Vec<u8>, String>)> + Send + 'static,
    I::IntoIter: Send,
{
    let (tx, rx) = tokio::sync::mpsc::channel(depth.max(1));
    let files = files.into_iter();
    let thread = std::thread::Builder::new()
        .name("vigie-read".into())
        .spawn(move || {
            for (name, bytes) in files {
                let file = bytes.map(|bytes| {
                    let read = vigie_core::read_document(&name, &bytes);
                    (bytes, read)
                });
                if tx.blocking_send(ReadFile { name, file }).is_err() {
                    // The import stopped early: nothing left to read for.
                    return;
                }
            }
        })
        .expect("spawning the reader thread");
    ReadAhead {
        files: rx,
        thread: Some(thread),
    }
}

/// Files imported in one transaction (see [`Store::begin_import_batch`]).
pub struct ImportBatch {
    txn: crate::write::WriteTxn,
    files: usize,
    /// A file's savepoint was opened and neither released nor rolled back (its import was
    /// interrupted, or the rollback failed): committing would keep half a file, so it is refused.
    unfinished: bool,
}

impl std::fmt::Debug for ImportBatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportBatch")
            .field("files", &self.files)
            .finish_non_exhaustive()
    }
}

impl ImportBatch {
    /// Imports one file inside the batch, in its own savepoint. See [`Store::import_document`].
    pub async fn import_document(
        &mut self,
        source_name: &str,
        bytes: &[u8],
    ) -> Result<ImportOutcome, ImportError> {
        let read = vigie_core::read_document(source_name, bytes);
        self.import_read(source_name, bytes, read).await
    }

    /// Imports one file that the caller has already read with [`vigie_core::read_document`]
    /// (`read` is its result, error included). Reading is pure and takes most of an HTML page's
    /// import, so `vigie import` reads the next files on another thread while this one is written.
    pub async fn import_read(
        &mut self,
        source_name: &str,
        bytes: &[u8],
        read: Result<Document, ReadError>,
    ) -> Result<ImportOutcome, ImportError> {
        if self.unfinished {
            return Err(ImportError::Db {
                file: source_name.to_string(),
                source: DbErr::Custom(UNFINISHED.into()),
            });
        }
        // Set while the file's writes are under way: if this future is dropped half-way, the
        // batch knows it holds half a file.
        self.unfinished = true;
        let mut writing = false;
        let outcome = import_into(self.txn.txn(), source_name, bytes, read, &mut writing).await;
        if outcome.is_err() && writing {
            // Undo the file's writes and keep the batch's other files. If even that fails, the
            // batch stays unfinished and refuses to commit.
            let undo = format!("ROLLBACK TO {FILE_SAVEPOINT}; RELEASE {FILE_SAVEPOINT}");
            if self.txn.execute_unprepared(&undo).await.is_ok() {
                self.unfinished = false;
            }
        } else {
            self.unfinished = false;
        }
        if outcome.is_ok() {
            self.files += 1;
        }
        outcome
    }

    /// How many files the batch imported (or found unchanged) so far.
    pub fn len(&self) -> usize {
        self.files
    }

    pub fn is_empty(&self) -> bool {
        self.files == 0
    }

    /// Makes the batch's files durable and visible, with the full-text index brought up to date
    /// in the same transaction.
    pub async fn commit(self) -> Result<(), DbErr> {
        if self.unfinished {
            return Err(DbErr::Custom(UNFINISHED.into()));
        }
        self.txn.commit().await
    }
}

/// The savepoint each file of a batch is written in. It is opened and released by hand rather
/// than as a nested sea-orm transaction so that both ride along with other statements in one
/// round trip (see [`round_trip`]); [`ImportBatch::import_document`] rolls it back on error.
const FILE_SAVEPOINT: &str = "vigie_file";

const UNFINISHED: &str =
    "an earlier file of this import batch was left half-written; the batch cannot be committed";

/// Imports one file inside the batch's transaction, in the savepoint [`FILE_SAVEPOINT`]. On
/// success the savepoint is released. `writing` is set once the file is read and its writes
/// begin: an error after that leaves the savepoint for the caller to roll back; an error before
/// (a read error, a failed lookup) has opened and written nothing.
async fn import_into(
    db: &DatabaseTransaction,
    source_name: &str,
    bytes: &[u8],
    read: Result<Document, ReadError>,
    writing: &mut bool,
) -> Result<ImportOutcome, ImportError> {
    let sha = sha256_hex(bytes);
    let on_db = ImportError::db;
    // Read first: a question file then needs its hash looked up in no round trip of its own
    // (see `write_question`). A file that cannot be read but is already stored, byte for byte,
    // is still "unchanged", as it was before the reader was asked.
    let parsed = match read {
        Ok(parsed) => parsed,
        Err(e) => {
            return match stored_document(db, &sha)
                .await
                .map_err(on_db(source_name))?
            {
                Some(doc) => unchanged(db, doc).await.map_err(on_db(source_name)),
                None => Err(e.into()),
            };
        }
    };
    let source = Source {
        name: source_name,
        sha256: &sha,
        now: Utc::now(),
    };
    let write = async {
        match &parsed {
            Document::Plan(p) => {
                if let Some(doc) = stored_document(db, &sha).await? {
                    return unchanged(db, doc).await;
                }
                *writing = true;
                db.execute_unprepared(&format!("SAVEPOINT {FILE_SAVEPOINT}"))
                    .await?;
                let outcome = write_plan(db, &source, p).await?;
                db.execute_unprepared(&format!("RELEASE {FILE_SAVEPOINT}"))
                    .await?;
                Ok(outcome)
            }
            Document::Question(q) => {
                let number = to_i32(q.number, "question number")?;
                *writing = true;
                match write_question(db, &source, q, number).await? {
                    Written::Done(outcome) => Ok(outcome),
                    Written::AlreadyStored(document_id) => {
                        let doc = document::Entity::find_by_id(document_id)
                            .one(db)
                            .await?
                            .ok_or_else(|| missing_document(document_id))?;
                        unchanged(db, doc).await
                    }
                }
            }
        }
    };
    write.await.map_err(ImportError::db(source_name))
}

/// The stored document with these exact bytes, if any.
async fn stored_document(
    db: &DatabaseTransaction,
    sha: &str,
) -> Result<Option<document::Model>, DbErr> {
    document::Entity::find()
        .filter(document::Column::Sha256.eq(sha))
        .one(db)
        .await
}

fn missing_document(id: i32) -> DbErr {
    DbErr::RecordNotFound(format!("document {id}"))
}

/// What [`write_question`] did.
enum Written {
    Done(ImportOutcome),
    /// The file's bytes were stored already (as this document): nothing was written, and the
    /// file's savepoint is released.
    AlreadyStored(i32),
}

/// Runs statements in one round trip to the database where the driver allows it, and returns
/// the rows of all of them in order.
///
/// Why: an import is bound by round trips more than by SQL. Each statement is a hand-off
/// between the caller's thread and the driver's SQLite thread, and a question file is a handful
/// of small statements. SQLite (through sqlx) runs a multi-statement query in order on one
/// connection, binding the parameters of each statement in sequence, so the statements of one
/// step can travel together. Other backends get them one at a time.
async fn round_trip(
    db: &DatabaseTransaction,
    statements: Vec<Statement>,
) -> Result<Vec<QueryResult>, DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite {
        let mut rows = Vec::new();
        for stmt in statements {
            rows.extend(db.query_all_raw(stmt).await?);
        }
        return Ok(rows);
    }
    let mut sql = String::new();
    let mut values = Vec::new();
    for stmt in statements {
        if !sql.is_empty() {
            sql.push_str(";\n");
        }
        sql.push_str(&stmt.sql);
        if let Some(v) = stmt.values {
            values.extend(v.0);
        }
    }
    db.query_all_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        sql,
        values,
    ))
    .await
}

fn raw(backend: DbBackend, sql: String) -> Statement {
    Statement::from_string(backend, sql)
}

struct Source<'a> {
    name: &'a str,
    sha256: &'a str,
    now: DateTime<Utc>,
}

/// Inserts the document row, or points the existing one at the new file.
async fn upsert_document(
    txn: &DatabaseTransaction,
    source: &Source<'_>,
    kind: DocumentKind,
    existing: Option<i32>,
) -> Result<i32, DbErr> {
    match existing {
        Some(id) => {
            document::Entity::update_many()
                .col_expr(document::Column::Kind, Expr::val(kind.as_str()))
                .col_expr(document::Column::SourceName, Expr::val(source.name))
                .col_expr(document::Column::Sha256, Expr::val(source.sha256))
                .col_expr(document::Column::UpdatedAt, Expr::val(source.now))
                .filter(document::Column::Id.eq(id))
                .exec(txn)
                .await?;
            Ok(id)
        }
        None => {
            let row = document::ActiveModel {
                id: NotSet,
                kind: Set(kind.as_str().to_string()),
                source_name: Set(source.name.to_string()),
                sha256: Set(source.sha256.to_string()),
                imported_at: Set(source.now),
                updated_at: Set(source.now),
            };
            Ok(document::Entity::insert(row)
                .exec(txn)
                .await?
                .last_insert_id)
        }
    }
}

/// The outcome for a file already stored: what it holds, read back from the database.
async fn unchanged(
    db: &impl ConnectionTrait,
    doc: document::Model,
) -> Result<ImportOutcome, DbErr> {
    let base = |kind, label, id, counts| ImportOutcome {
        kind,
        status: ImportStatus::Unchanged,
        label,
        id,
        document_id: doc.id,
        sha256: doc.sha256.clone(),
        counts,
        warnings: Vec::new(),
    };
    if let Some(p) = plan::Entity::find()
        .filter(plan::Column::DocumentId.eq(doc.id))
        .one(db)
        .await?
    {
        let counts = ImportCounts {
            axes: axis::Entity::find()
                .filter(axis::Column::PlanId.eq(p.id))
                .count(db)
                .await?,
            actions: action::Entity::find()
                .filter(action::Column::PlanId.eq(p.id))
                .count(db)
                .await?,
            partners: plan_partner::Entity::find()
                .filter(plan_partner::Column::PlanId.eq(p.id))
                .filter(plan_partner::Column::Role.eq(ROLE_PARTNER))
                .count(db)
                .await?,
            ..ImportCounts::default()
        };
        return Ok(base(DocumentKind::Plan, p.title, p.id, counts));
    }
    if let Some(q) = question::Entity::find()
        .filter(question::Column::DocumentId.eq(doc.id))
        .one(db)
        .await?
    {
        let addressee = minister::Entity::find_by_id(q.minister_id)
            .one(db)
            .await?
            .ok_or_else(|| DbErr::RecordNotFound(format!("minister {}", q.minister_id)))?;
        let counts = ImportCounts {
            acts: act::Entity::find()
                .filter(act::Column::QuestionId.eq(q.id))
                .count(db)
                .await?,
            passages: passage::Entity::find()
                .filter(passage::Column::QuestionId.eq(q.id))
                .count(db)
                .await?,
            ..ImportCounts::default()
        };
        let label = question_label(
            &q.legislature,
            q.number.into(),
            &Minister {
                name: addressee.name,
                portfolio: addressee.portfolio,
            },
        );
        return Ok(base(DocumentKind::Question, label, q.id, counts));
    }
    Err(DbErr::RecordNotFound(format!(
        "document {} ({}) holds neither a plan nor a question",
        doc.id, doc.source_name
    )))
}

/// Finds or creates rows shared between documents (ministers, members, organisations), caching
/// them for the length of one import only — a cache across imports would outlive a rollback.
#[derive(Default)]
struct Lookups {
    ministers: HashMap<Minister, i32>,
    organisations: HashMap<String, i32>,
}

impl Lookups {
    async fn minister(&mut self, txn: &DatabaseTransaction, m: &Minister) -> Result<i32, DbErr> {
        if let Some(id) = self.ministers.get(m) {
            return Ok(*id);
        }
        let by_name = match &m.name {
            Some(name) => minister::Column::Name.eq(name.as_str()),
            None => minister::Column::Name.is_null(),
        };
        let found = minister::Entity::find()
            .filter(by_name)
            .filter(minister::Column::Portfolio.eq(m.portfolio.as_str()))
            .one(txn)
            .await?;
        let id = match found {
            Some(row) => row.id,
            None => insert_minister(txn, m).await?,
        };
        self.ministers.insert(m.clone(), id);
        Ok(id)
    }

    /// An organisation by its canonical name, then by one of its aliases; created (without
    /// aliases) when neither is known.
    async fn organisation(&mut self, txn: &DatabaseTransaction, name: &str) -> Result<i32, DbErr> {
        if let Some(id) = self.organisations.get(name) {
            return Ok(*id);
        }
        let id = if let Some(row) = organisation::Entity::find()
            .filter(organisation::Column::Name.eq(name))
            .one(txn)
            .await?
        {
            row.id
        } else if let Some(alias) = organisation_alias::Entity::find()
            .filter(organisation_alias::Column::Alias.eq(name))
            .one(txn)
            .await?
        {
            alias.organisation_id
        } else {
            let row = organisation::ActiveModel {
                id: NotSet,
                name: Set(name.to_string()),
            };
            organisation::Entity::insert(row)
                .exec(txn)
                .await?
                .last_insert_id
        };
        self.organisations.insert(name.to_string(), id);
        Ok(id)
    }
}

/// Inserts rows in chunks (one statement per chunk).
async fn insert_chunked<A>(txn: &DatabaseTransaction, rows: Vec<A>) -> Result<(), DbErr>
where
    A: ActiveModelTrait + Send,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(INSERT_CHUNK).collect();
        A::Entity::insert_many(chunk)
            .exec_without_returning(txn)
            .await?;
    }
    Ok(())
}

fn to_i32(n: impl TryInto<i32> + Copy + fmt::Display, what: &str) -> Result<i32, DbErr> {
    n.try_into()
        .map_err(|_| DbErr::Custom(format!("{what} {n} is too large to store")))
}

pub(crate) const ROLE_LEAD: &str = "lead";
pub(crate) const ROLE_ASSOCIATED: &str = "associated";
pub(crate) const ROLE_PARTNER: &str = "partner";
pub(crate) const ROLE_STEERING: &str = "steering";

/// Intro paragraphs are stored as one text, paragraphs separated by a blank line.
pub(crate) const INTRO_SEPARATOR: &str = "\n\n";

async fn write_plan(
    txn: &DatabaseTransaction,
    source: &Source<'_>,
    p: &Plan,
) -> Result<ImportOutcome, DbErr> {
    let mut lookups = Lookups::default();
    let existing = plan::Entity::find()
        .filter(plan::Column::Title.eq(p.title.as_str()))
        .one(txn)
        .await?;
    let document_id = upsert_document(
        txn,
        source,
        DocumentKind::Plan,
        existing.as_ref().map(|e| e.document_id),
    )
    .await?;
    let intro = p.intro.join(INTRO_SEPARATOR);
    let (plan_id, status) = match &existing {
        Some(e) => {
            plan::Entity::update_many()
                .col_expr(plan::Column::DocumentId, Expr::val(document_id))
                .col_expr(plan::Column::Kind, Expr::val(p.kind.as_str()))
                .col_expr(plan::Column::Intro, Expr::val(intro.as_str()))
                .col_expr(plan::Column::UpdatedAt, Expr::val(source.now))
                .filter(plan::Column::Id.eq(e.id))
                .exec(txn)
                .await?;
            (e.id, ImportStatus::Updated)
        }
        None => {
            let row = plan::ActiveModel {
                id: NotSet,
                document_id: Set(document_id),
                title: Set(p.title.clone()),
                kind: Set(p.kind.clone()),
                intro: Set(intro),
                imported_at: Set(source.now),
                updated_at: Set(source.now),
            };
            (
                plan::Entity::insert(row).exec(txn).await?.last_insert_id,
                ImportStatus::Imported,
            )
        }
    };

    // Ministers and partners: nothing points at these rows, so they are replaced.
    plan_minister::Entity::delete_many()
        .filter(plan_minister::Column::PlanId.eq(plan_id))
        .exec(txn)
        .await?;
    let mut rows = Vec::new();
    for (role, list) in [
        (ROLE_LEAD, &p.lead_ministers),
        (ROLE_ASSOCIATED, &p.associated_ministers),
    ] {
        for (i, m) in list.iter().enumerate() {
            rows.push(plan_minister::ActiveModel {
                id: NotSet,
                plan_id: Set(plan_id),
                minister_id: Set(lookups.minister(txn, m).await?),
                role: Set(role.to_string()),
                position: Set(to_i32(i + 1, "position")?),
            });
        }
    }
    insert_chunked(txn, rows).await?;

    plan_partner::Entity::delete_many()
        .filter(plan_partner::Column::PlanId.eq(plan_id))
        .exec(txn)
        .await?;
    let mut rows = Vec::new();
    for (role, list) in [
        (ROLE_PARTNER, &p.partners),
        (ROLE_STEERING, &p.steering_committee),
    ] {
        for (i, Partner { name, qualifier }) in list.iter().enumerate() {
            rows.push(plan_partner::ActiveModel {
                id: NotSet,
                plan_id: Set(plan_id),
                organisation_id: Set(lookups.organisation(txn, name).await?),
                qualifier: Set(qualifier.clone()),
                role: Set(role.to_string()),
                position: Set(to_i32(i + 1, "position")?),
            });
        }
    }
    insert_chunked(txn, rows).await?;

    // Axes by number, actions by code: updated in place so their ids survive.
    let old_axes: HashMap<i32, axis::Model> = axis::Entity::find()
        .filter(axis::Column::PlanId.eq(plan_id))
        .all(txn)
        .await?
        .into_iter()
        .map(|a| (a.number, a))
        .collect();
    let mut axis_ids: HashMap<u32, i32> = HashMap::new();
    for a in &p.axes {
        let number = to_i32(a.number, "axis number")?;
        let id = match old_axes.get(&number) {
            Some(old) => {
                if old.title != a.title || old.description != a.description {
                    axis::Entity::update_many()
                        .col_expr(axis::Column::Title, Expr::val(a.title.as_str()))
                        .col_expr(axis::Column::Description, Expr::val(a.description.as_str()))
                        .filter(axis::Column::Id.eq(old.id))
                        .exec(txn)
                        .await?;
                }
                old.id
            }
            None => {
                let row = axis::ActiveModel {
                    id: NotSet,
                    plan_id: Set(plan_id),
                    number: Set(number),
                    title: Set(a.title.clone()),
                    description: Set(a.description.clone()),
                };
                axis::Entity::insert(row).exec(txn).await?.last_insert_id
            }
        };
        axis_ids.insert(a.number, id);
    }

    let all_axis_ids: Vec<i32> = old_axes
        .values()
        .map(|a| a.id)
        .chain(axis_ids.values().copied())
        .collect();
    axis_pilot::Entity::delete_many()
        .filter(axis_pilot::Column::AxisId.is_in(all_axis_ids))
        .exec(txn)
        .await?;
    let mut rows = Vec::new();
    for a in &p.axes {
        for (i, m) in a.pilots.iter().enumerate() {
            rows.push(axis_pilot::ActiveModel {
                id: NotSet,
                axis_id: Set(axis_ids[&a.number]),
                minister_id: Set(lookups.minister(txn, m).await?),
                position: Set(to_i32(i + 1, "position")?),
            });
        }
    }
    insert_chunked(txn, rows).await?;

    let mut old_actions: HashMap<String, action::Model> = action::Entity::find()
        .filter(action::Column::PlanId.eq(plan_id))
        .all(txn)
        .await?
        .into_iter()
        .map(|a| (a.code.clone(), a))
        .collect();
    let mut new_actions = Vec::new();
    let mut action_count = 0u64;
    for a in &p.axes {
        let axis_id = axis_ids[&a.number];
        for act in &a.actions {
            action_count += 1;
            let position = to_i32(act.position, "action position")?;
            match old_actions.remove(&act.code) {
                Some(old) => {
                    if old.axis_id != axis_id
                        || old.position != position
                        || old.label != act.label
                        || old.text != act.text
                    {
                        action::Entity::update_many()
                            .col_expr(action::Column::AxisId, Expr::val(axis_id))
                            .col_expr(action::Column::Position, Expr::val(position))
                            .col_expr(action::Column::Label, Expr::val(act.label.clone()))
                            .col_expr(action::Column::Text, Expr::val(act.text.as_str()))
                            .filter(action::Column::Id.eq(old.id))
                            .exec(txn)
                            .await?;
                    }
                }
                None => new_actions.push(action::ActiveModel {
                    id: NotSet,
                    plan_id: Set(plan_id),
                    axis_id: Set(axis_id),
                    code: Set(act.code.clone()),
                    position: Set(position),
                    label: Set(act.label.clone()),
                    text: Set(act.text.clone()),
                }),
            }
        }
    }
    // Actions the new version no longer holds go, with their links and status proposals.
    if !old_actions.is_empty() {
        let gone: Vec<i32> = old_actions.values().map(|a| a.id).collect();
        action::Entity::delete_many()
            .filter(action::Column::Id.is_in(gone))
            .exec(txn)
            .await?;
    }
    insert_chunked(txn, new_actions).await?;
    let gone_axes: Vec<i32> = old_axes
        .values()
        .filter(|a| !axis_ids.values().any(|id| *id == a.id))
        .map(|a| a.id)
        .collect();
    if !gone_axes.is_empty() {
        axis::Entity::delete_many()
            .filter(axis::Column::Id.is_in(gone_axes))
            .exec(txn)
            .await?;
    }

    Ok(ImportOutcome {
        kind: DocumentKind::Plan,
        status,
        label: p.title.clone(),
        id: plan_id,
        document_id,
        sha256: source.sha256.to_string(),
        counts: ImportCounts {
            axes: p.axes.len() as u64,
            actions: action_count,
            partners: p.partners.len() as u64,
            ..ImportCounts::default()
        },
        warnings: Vec::new(),
    })
}

/// The rows a question file refers to, when the database already has them.
struct QuestionLookup {
    /// A document with the file's exact bytes: the file is already stored.
    stored_document: Option<i32>,
    member_id: Option<i32>,
    minister_id: Option<i32>,
    question: Option<KnownQuestion>,
}

struct KnownQuestion {
    id: i32,
    document_id: i32,
}

impl QuestionLookup {
    /// One SELECT that finds a document with the same bytes, the author, the addressee and the
    /// question if they are known.
    fn statement(q: &Question, number: i32, sha256: &str) -> SelectStatement {
        let minister = || {
            let by_name = match &q.addressee.name {
                Some(name) => Expr::col(minister::Column::Name).eq(name.as_str()),
                None => Expr::col(minister::Column::Name).is_null(),
            };
            Query::select()
                .column(minister::Column::Id)
                .from(minister::Entity)
                .and_where(by_name)
                .and_where(
                    Expr::col(minister::Column::Portfolio).eq(q.addressee.portfolio.as_str()),
                )
                .limit(1)
                .to_owned()
        };
        let question = |col: question::Column| {
            Query::select()
                .column(col)
                .from(question::Entity)
                .and_where(Expr::col(question::Column::Legislature).eq(q.legislature.as_str()))
                .and_where(Expr::col(question::Column::MinisterId).eq(Expr::from(minister())))
                .and_where(Expr::col(question::Column::Number).eq(number))
                .to_owned()
        };
        let member = Query::select()
            .column(member::Column::Id)
            .from(member::Entity)
            .and_where(Expr::col(member::Column::Name).eq(q.author.as_str()))
            .to_owned();
        Query::select()
            .expr(Expr::from(member))
            .expr(Expr::from(minister()))
            .expr(Expr::from(question(question::Column::Id)))
            .expr(Expr::from(question(question::Column::DocumentId)))
            .expr(Expr::from(document_by_hash(sha256)))
            .to_owned()
    }

    fn from_row(row: Option<&QueryResult>) -> Result<Self, DbErr> {
        let row = row.ok_or_else(|| {
            DbErr::RecordNotFound("the lookup of a question's rows returned nothing".into())
        })?;
        let question = match (
            row.try_get_by_index::<Option<i32>>(2)?,
            row.try_get_by_index::<Option<i32>>(3)?,
        ) {
            (Some(id), Some(document_id)) => Some(KnownQuestion { id, document_id }),
            _ => None,
        };
        Ok(QuestionLookup {
            stored_document: row.try_get_by_index(4)?,
            member_id: row.try_get_by_index(0)?,
            minister_id: row.try_get_by_index(1)?,
            question,
        })
    }
}

async fn insert_member(txn: &DatabaseTransaction, name: &str) -> Result<i32, DbErr> {
    let row = member::ActiveModel {
        id: NotSet,
        name: Set(name.to_string()),
    };
    Ok(member::Entity::insert(row).exec(txn).await?.last_insert_id)
}

async fn insert_minister(txn: &DatabaseTransaction, m: &Minister) -> Result<i32, DbErr> {
    let row = minister::ActiveModel {
        id: NotSet,
        name: Set(m.name.clone()),
        portfolio: Set(m.portfolio.clone()),
    };
    Ok(minister::Entity::insert(row)
        .exec(txn)
        .await?
        .last_insert_id)
}

async fn write_question(
    txn: &DatabaseTransaction,
    source: &Source<'_>,
    q: &Question,
    number: i32,
) -> Result<Written, DbErr> {
    let backend = txn.get_database_backend();
    // Round trip 1: open the file's savepoint and find a document with the same bytes, the
    // author, the addressee and the question if they are known.
    let rows = round_trip(
        txn,
        vec![
            raw(backend, format!("SAVEPOINT {FILE_SAVEPOINT}")),
            backend.build(&QuestionLookup::statement(q, number, source.sha256)),
        ],
    )
    .await?;
    let known = QuestionLookup::from_row(rows.first())?;
    if let Some(document_id) = known.stored_document {
        txn.execute_unprepared(&format!("RELEASE {FILE_SAVEPOINT}"))
            .await?;
        return Ok(Written::AlreadyStored(document_id));
    }
    let member_id = match known.member_id {
        Some(id) => id,
        None => insert_member(txn, &q.author).await?,
    };
    let minister_id = match known.minister_id {
        Some(id) => id,
        None => insert_minister(txn, &q.addressee).await?,
    };
    let outcome = |id, document_id, status| ImportOutcome {
        kind: DocumentKind::Question,
        status,
        label: question_label(&q.legislature, q.number.into(), &q.addressee),
        id,
        document_id,
        sha256: source.sha256.to_string(),
        counts: ImportCounts {
            acts: q.acts.len() as u64,
            passages: q.passages.len() as u64,
            ..ImportCounts::default()
        },
        warnings: q
            .warnings
            .iter()
            .map(|w| format!("{}: {}: {}", source.name, w.location, w.message))
            .collect(),
    };
    let Some(existing) = known.question else {
        // A new question, the common case of a large import: one more round trip.
        let (question_id, document_id) =
            insert_new_question(txn, source, q, number, member_id, minister_id).await?;
        return Ok(Written::Done(outcome(
            question_id,
            document_id,
            ImportStatus::Imported,
        )));
    };
    // A known question: updated in place, so links to it and to its passages stay valid.
    let document_id = upsert_document(
        txn,
        source,
        DocumentKind::Question,
        Some(existing.document_id),
    )
    .await?;
    let question_id = existing.id;
    question::Entity::update_many()
        .set(question_row(q, number, document_id, member_id, minister_id))
        .filter(question::Column::Id.eq(question_id))
        .exec(txn)
        .await?;

    // Acts: nothing points at them, so a new version replaces them.
    act::Entity::delete_many()
        .filter(act::Column::QuestionId.eq(question_id))
        .exec(txn)
        .await?;
    let mut statements = act_inserts(backend, Expr::val(question_id), &q.acts)?;

    // Passages by position: links point at them, so they are updated in place; only the
    // difference is deleted or inserted.
    let mut old: HashMap<i32, passage::Model> = passage::Entity::find()
        .filter(passage::Column::QuestionId.eq(question_id))
        .all(txn)
        .await?
        .into_iter()
        .map(|p| (p.position, p))
        .collect();
    let mut inserts = Vec::new();
    for p in &q.passages {
        match old.remove(&to_i32(p.position, "passage position")?) {
            Some(o) => {
                let kind = p.kind.as_str();
                if o.kind != kind || o.heading != p.heading || o.text != p.text {
                    passage::Entity::update_many()
                        .col_expr(passage::Column::Kind, Expr::val(kind))
                        .col_expr(passage::Column::Heading, Expr::val(p.heading.clone()))
                        .col_expr(passage::Column::Text, Expr::val(p.text.as_str()))
                        .filter(passage::Column::Id.eq(o.id))
                        .exec(txn)
                        .await?;
                }
            }
            None => inserts.push(p),
        }
    }
    if !old.is_empty() {
        let gone: Vec<i32> = old.values().map(|p| p.id).collect();
        passage::Entity::delete_many()
            .filter(passage::Column::Id.is_in(gone))
            .exec(txn)
            .await?;
    }
    statements.extend(passage_inserts(backend, Expr::val(question_id), &inserts)?);
    statements.push(raw(backend, format!("RELEASE {FILE_SAVEPOINT}")));
    round_trip(txn, statements).await?;
    Ok(Written::Done(outcome(
        question_id,
        document_id,
        ImportStatus::Updated,
    )))
}

/// Writes a question the database did not know, and releases the file's savepoint, in one
/// round trip. Returns the question's and the document's ids.
async fn insert_new_question(
    txn: &DatabaseTransaction,
    source: &Source<'_>,
    q: &Question,
    number: i32,
    member_id: i32,
    minister_id: i32,
) -> Result<(i32, i32), DbErr> {
    let backend = txn.get_database_backend();
    // The statements travel together, so those after the document's INSERT cannot be given the
    // new ids: they find the document by the file's hash (unique), and the question by its
    // document.
    let document = document::Entity::insert(document::ActiveModel {
        id: NotSet,
        kind: Set(DocumentKind::Question.as_str().to_string()),
        source_name: Set(source.name.to_string()),
        sha256: Set(source.sha256.to_string()),
        imported_at: Set(source.now),
        updated_at: Set(source.now),
    })
    .build(backend);
    let question_id = Query::select()
        .column(question::Column::Id)
        .from(question::Entity)
        .and_where(
            Expr::col(question::Column::DocumentId).eq(Expr::from(document_by_hash(source.sha256))),
        )
        .to_owned();
    use question::Column as C;
    let question = Query::insert()
        .into_table(question::Entity)
        .columns([
            C::DocumentId,
            C::Legislature,
            C::Session,
            C::Number,
            C::Subject,
            C::MemberId,
            C::MinisterId,
            C::Received,
            C::Published,
            C::Answered,
            C::SourceMoncode,
            C::SourceUrl,
            C::ReadWarnings,
        ])
        .values_panic([
            Expr::from(document_by_hash(source.sha256)),
            Expr::val(q.legislature.as_str()),
            Expr::val(q.session.as_str()),
            Expr::val(number),
            Expr::val(q.subject.as_str()),
            Expr::val(member_id),
            Expr::val(minister_id),
            Expr::val(q.received),
            Expr::val(q.published),
            Expr::val(q.answered),
            Expr::val(q.source.as_ref().and_then(|s| s.moncode.clone())),
            Expr::val(q.source.as_ref().and_then(|s| s.url.clone())),
            Expr::val(warnings_json(&q.warnings)),
        ])
        .returning(Query::returning().columns([C::Id, C::DocumentId]))
        .to_owned();
    let mut statements = vec![document, backend.build(&question)];
    let passages: Vec<&vigie_core::Passage> = q.passages.iter().collect();
    statements.extend(act_inserts(
        backend,
        Expr::from(question_id.clone()),
        &q.acts,
    )?);
    statements.extend(passage_inserts(
        backend,
        Expr::from(question_id),
        &passages,
    )?);
    statements.push(raw(backend, format!("RELEASE {FILE_SAVEPOINT}")));
    // The question's RETURNING row is the only row the statements give.
    let rows = round_trip(txn, statements).await?;
    let row = rows.first().ok_or(DbErr::RecordNotInserted)?;
    Ok((row.try_get_by_index(0)?, row.try_get_by_index(1)?))
}

/// `SELECT id FROM document WHERE sha256 = ?`: the document of a file, by its bytes.
fn document_by_hash(sha256: &str) -> SelectStatement {
    Query::select()
        .column(document::Column::Id)
        .from(document::Entity)
        .and_where(Expr::col(document::Column::Sha256).eq(sha256))
        .to_owned()
}

fn question_row(
    q: &Question,
    number: i32,
    document_id: i32,
    member_id: i32,
    minister_id: i32,
) -> question::ActiveModel {
    question::ActiveModel {
        id: NotSet,
        document_id: Set(document_id),
        legislature: Set(q.legislature.clone()),
        session: Set(q.session.clone()),
        number: Set(number),
        subject: Set(q.subject.clone()),
        member_id: Set(member_id),
        minister_id: Set(minister_id),
        received: Set(q.received),
        published: Set(q.published),
        answered: Set(q.answered),
        // A document without an official page (a text file) keeps the one a page gave before.
        source_moncode: match q.source.as_ref().and_then(|s| s.moncode.clone()) {
            Some(m) => Set(Some(m)),
            None => NotSet,
        },
        source_url: match q.source.as_ref().and_then(|s| s.url.clone()) {
            Some(u) => Set(Some(u)),
            None => NotSet,
        },
        // The warnings are those of the document read last.
        read_warnings: Set(warnings_json(&q.warnings)),
    }
}

/// The reader's warnings as stored: a JSON array, or `None` when there are none.
pub fn warnings_json(warnings: &[vigie_core::ReadWarning]) -> Option<String> {
    if warnings.is_empty() {
        return None;
    }
    serde_json::to_string(warnings).ok()
}

/// The INSERTs of a question's acts (positions from 1), `question` giving its id:
/// a value, or a subquery when the question is inserted in the same round trip. Every value is
/// converted (positions fit the database) before anything is sent.
fn act_inserts(
    backend: DbBackend,
    question: Expr,
    acts: &[vigie_core::Act],
) -> Result<Vec<Statement>, DbErr> {
    let mut statements = Vec::new();
    for (c, chunk) in acts.chunks(INSERT_CHUNK).enumerate() {
        let mut insert = Query::insert();
        insert.into_table(act::Entity).columns([
            act::Column::QuestionId,
            act::Column::Position,
            act::Column::Date,
            act::Column::Label,
            act::Column::Reference,
            act::Column::Person,
            act::Column::Url,
        ]);
        for (i, a) in chunk.iter().enumerate() {
            let position = c * INSERT_CHUNK + i + 1;
            insert.values_panic([
                question.clone(),
                Expr::val(to_i32(position, "act position")?),
                Expr::val(a.date),
                Expr::val(a.label.as_str()),
                Expr::val(a.reference.clone()),
                Expr::val(a.person.clone()),
                Expr::val(a.url.clone()),
            ]);
        }
        statements.push(backend.build(&insert));
    }
    Ok(statements)
}

/// The INSERTs of some passages of a question, as [`act_inserts`].
fn passage_inserts(
    backend: DbBackend,
    question: Expr,
    passages: &[&vigie_core::Passage],
) -> Result<Vec<Statement>, DbErr> {
    let mut statements = Vec::new();
    for chunk in passages.chunks(INSERT_CHUNK) {
        let mut insert = Query::insert();
        insert.into_table(passage::Entity).columns([
            passage::Column::QuestionId,
            passage::Column::Position,
            passage::Column::Kind,
            passage::Column::Heading,
            passage::Column::Text,
        ]);
        for p in chunk {
            insert.values_panic([
                question.clone(),
                Expr::val(to_i32(p.position, "passage position")?),
                Expr::val(p.kind.as_str()),
                Expr::val(p.heading.clone()),
                Expr::val(p.text.as_str()),
            ]);
        }
        statements.push(backend.build(&insert));
    }
    Ok(statements)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Readers finish in any order (a refused file is read faster than a question); the import
    /// gets the files in the order given, each with its own reading.
    #[tokio::test]
    async fn read_ahead_hands_files_over_in_order() {
        let question = include_bytes!("../../../seeds/004_1ba9ee2feec5e6ec.txt");
        let files: Vec<(String, Result<Vec<u8>, String>)> = (0..60)
            .map(|i| {
                let name = format!("f{i}.txt");
                let bytes = match i % 3 {
                    0 => Ok(question.to_vec()),
                    1 => Ok(b"not a question".to_vec()),
                    _ => Err(format!("{name}: cannot read")),
                };
                (name, bytes)
            })
            .collect();
        let mut reading = read_ahead(files, 4);
        let mut seen = 0;
        while let Some(ReadFile { name, file }) = reading.next().await {
            assert_eq!(name, format!("f{seen}.txt"));
            match (seen % 3, file) {
                (0, Ok((_, read))) => assert!(read.is_ok(), "{name}: {read:?}"),
                (1, Ok((_, read))) => assert!(read.is_err(), "{name}"),
                (2, Err(reason)) => assert!(reason.starts_with(&name)),
                (_, other) => panic!("{name}: {other:?}"),
            }
            seen += 1;
        }
        assert_eq!(seen, 60);
        assert!(reading.next().await.is_none());
    }
}
