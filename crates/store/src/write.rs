//! The one way the store writes: [`begin`] a [`WriteTxn`], write through it, [`WriteTxn::commit`].
//!
//! Why one helper instead of `db.begin()` at each writer:
//!
//! - **The right kind of transaction.** On SQLite a deferred transaction (`BEGIN`) that reads and
//!   then writes takes its snapshot at the first read and asks for the write lock only at the first
//!   write. If another process committed in between (`vigie match`, an import), the upgrade fails at
//!   once with "database is locked" (`SQLITE_BUSY_SNAPSHOT`: the busy timeout cannot help, the
//!   snapshot is stale). `BEGIN IMMEDIATE` takes the write lock first, waiting for the other
//!   writer up to the busy timeout, so a staff decision during a long `vigie match` waits and then
//!   succeeds. On PostgreSQL the transaction first takes one transaction-scoped advisory lock
//!   ([`WRITE_LOCK`]), so Vigie's writers run one after the other there too, whichever process
//!   or replica they run in, and every read-then-write (the login throttle's check-and-record, a
//!   staff decision, a match) sees the data as the previous writer left it. Readers never wait.
//! - **The search index is current at every commit** (docs/ARCHITECTURE.md): [`WriteTxn::commit`]
//!   indexes the rows the triggers noted before committing, so no writer can forget it.
//!
//! `clippy.toml` forbids `TransactionTrait::begin` in the workspace, so a writer that bypasses
//! this module fails the lint.

use std::ops::Deref;

use sea_orm::prelude::async_trait;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, ExecResult,
    QueryResult, SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait,
};

/// A write transaction. Dropped without [`WriteTxn::commit`], it rolls back.
#[derive(Debug)]
pub struct WriteTxn {
    txn: DatabaseTransaction,
}

/// The options of every write transaction: `BEGIN IMMEDIATE` on SQLite.
pub fn options() -> TransactionOptions {
    TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    }
}

/// The key of the PostgreSQL advisory lock every write transaction holds (any constant: it only
/// has to be the same in every process; these are the bytes of "vigie").
pub const WRITE_LOCK: i64 = 0x0076_6967_6965;

/// Begins a write transaction on `db`.
pub async fn begin(db: &DatabaseConnection) -> Result<WriteTxn, DbErr> {
    let txn = db.begin_with_options(options()).await?;
    if txn.get_database_backend() == DbBackend::Postgres {
        txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({WRITE_LOCK})"))
            .await?;
    }
    Ok(WriteTxn { txn })
}

impl WriteTxn {
    /// Indexes the rows waiting for the search index, then commits.
    pub async fn commit(self) -> Result<(), DbErr> {
        crate::query::search::flush_pending(&self.txn).await?;
        self.txn.commit().await
    }

    /// The underlying transaction, for APIs that want a `DatabaseTransaction` itself.
    pub fn txn(&self) -> &DatabaseTransaction {
        &self.txn
    }
}

impl Deref for WriteTxn {
    type Target = DatabaseTransaction;

    fn deref(&self) -> &DatabaseTransaction {
        &self.txn
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for WriteTxn {
    fn get_database_backend(&self) -> DbBackend {
        self.txn.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.txn.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.txn.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.txn.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.txn.query_all_raw(stmt).await
    }

    fn support_returning(&self) -> bool {
        self.txn.support_returning()
    }

    fn is_mock_connection(&self) -> bool {
        self.txn.is_mock_connection()
    }
}
