//! Vigie's storage: sea-orm entities, the transactional import of documents, and named queries.
//!
//! [`Store`] wraps a sea-orm [`DatabaseConnection`]. It opens SQLite (the embedded default) or
//! any database sea-orm supports, and brings the schema up to date with `vigie-migrations`.
//! No HTTP or HTML types here: the web and CLI crates build on these queries.

pub mod decode;
pub mod dump;
pub mod entity;
pub mod export;
pub mod export_records;
pub mod import;
pub mod matching;
pub mod query;
pub mod staff;
pub mod testing;
pub mod write;

use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use vigie_migrations::{Migrator, MigratorTrait};

pub use export::{
    ActExport, ActionExport, AxisExport, MinisterExport, PartnerExport, PassageExport, PlanExport,
    QuestionExport, SourceExport,
};
pub use import::{
    DocumentKind, ImportBatch, ImportCounts, ImportError, ImportOutcome, ImportStatus, ReadAhead,
    ReadFile, read_ahead,
};

/// Bytes of the SQLite file each connection reads through a memory map.
const MMAP_SIZE: u64 = 1 << 30;

/// How long an SQLite connection waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The database and the queries Vigie runs on it.
#[derive(Clone, Debug)]
pub struct Store {
    db: DatabaseConnection,
    /// The SQLite file, when the database is one.
    file: Option<std::path::PathBuf>,
}

/// A cheap test of "has any process committed to this SQLite database since I last looked?",
/// without a query: the WAL index header (the first 48 bytes of the `-shm` file, which every
/// connection of every process shares) carries a counter SQLite increments at each commit and the
/// last frame of the log. Equal headers mean no commit in between; a different one (or none) means
/// "read the data revision again". See <https://www.sqlite.org/walformat.html> (the wal-index).
#[derive(Clone, Debug)]
pub struct ChangeProbe {
    shm: std::path::PathBuf,
}

impl ChangeProbe {
    /// The current header, or `None` when it cannot be read (then nothing may be assumed).
    pub fn read(&self) -> Option<[u8; 48]> {
        use std::io::Read;
        let mut f = std::fs::File::open(&self.shm).ok()?;
        let mut header = [0u8; 48];
        f.read_exact(&mut header).ok()?;
        Some(header)
    }
}

impl Store {
    /// Opens (creating when missing) the database at `url` and runs pending migrations, for a
    /// command that runs and ends (`vigie import`, `match`, `export`…).
    ///
    /// Accepts `sqlite://path.db?mode=rwc`, `sqlite::memory:`, a bare file path (opened as an
    /// SQLite file, created when missing), or another sea-orm URL (`postgres://…`). SQLite
    /// connections use WAL, `foreign_keys=ON`, `synchronous=NORMAL`, `temp_store=MEMORY`, a
    /// 32 MiB page cache and a busy timeout.
    pub async fn open(url: &str) -> Result<Store, DbErr> {
        Store::open_with(url, false).await
    }

    /// [`Store::open`] for the web server: SQLite connections also read the file through a
    /// memory map of up to 1 GiB.
    ///
    /// Why only there: the dashboard reads far more than it writes, and a mapped page is read
    /// without a system call. An import mostly writes, gains nothing from the map, and the pages
    /// it maps would count in its resident memory (about 80 MB more for 10,000 questions).
    pub async fn open_for_serving(url: &str) -> Result<Store, DbErr> {
        Store::open_with(url, true).await
    }

    async fn open_with(url: &str, memory_map: bool) -> Result<Store, DbErr> {
        let url = database_url(url);
        let mut opts = ConnectOptions::new(url.clone());
        opts.sqlx_logging(false);
        if url.starts_with("sqlite:") {
            opts.map_sqlx_sqlite_opts(move |o| {
                o.journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    .busy_timeout(BUSY_TIMEOUT)
                    // Savepoints (one per file in an import batch) journal the pages they
                    // change: in memory, not in a temporary file.
                    .pragma("temp_store", "memory")
                    // With `open_for_serving`, reads map the file instead of copying each page
                    // out of the OS cache with a system call; the mapping only reserves address
                    // space, the OS shares the pages between connections.
                    .pragma(
                        "mmap_size",
                        if memory_map { MMAP_SIZE } else { 0 }.to_string(),
                    )
                    // Each connection keeps up to 32 MiB of pages (the default is 2 MiB).
                    .pragma("cache_size", "-32768")
            });
            if url.contains(":memory:") || url.contains("mode=memory") {
                // An in-memory database lives as long as its connection: keep exactly one, forever.
                opts.max_connections(1)
                    .min_connections(1)
                    .idle_timeout(None)
                    .max_lifetime(None);
            } else {
                // SQLite has one writer at a time; a few readers are enough for the web pages.
                opts.max_connections(4).min_connections(1);
            }
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            // Vigie's statements are short; PostgreSQL's JIT compiler costs more than it saves
            // on them (17 ms of a 100 ms search at 10,000 questions).
            opts.map_sqlx_postgres_opts(|o| o.options([("jit", "off")]));
        }
        let file = sqlite_file(&url);
        let db = Database::connect(opts).await?;
        Migrator::up(&db, None).await?;
        // Rows written by another tool since (the store flushes its own before each commit).
        if query::search::has_pending(&db).await? {
            // The commit indexes them.
            write::begin(&db).await?.commit().await?;
        }
        Ok(Store { db, file })
    }

    /// Wraps a connection that is already open and migrated (tests, tools).
    pub fn from_connection(db: DatabaseConnection) -> Store {
        Store { db, file: None }
    }

    /// The [`ChangeProbe`] of an SQLite file database in WAL mode; `None` otherwise (in memory,
    /// another engine), when every check must read the database.
    pub fn change_probe(&self) -> Option<ChangeProbe> {
        let file = self.file.as_ref()?;
        let mut shm = file.clone().into_os_string();
        shm.push("-shm");
        let probe = ChangeProbe { shm: shm.into() };
        probe.read().map(|_| probe)
    }

    pub fn conn(&self) -> &DatabaseConnection {
        &self.db
    }
}

/// The file of an SQLite URL (`sqlite://path.db?mode=rwc` → `path.db`); `None` for memory.
fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && !path.contains(":memory:") && !url.contains("mode=memory"))
        .then(|| std::path::PathBuf::from(path))
}

/// Turns what a user gives `--db` into a sea-orm URL: a bare path becomes an SQLite file URL.
pub fn database_url(given: &str) -> String {
    if given.contains("://") || given.starts_with("sqlite:") {
        given.to_string()
    } else {
        format!("sqlite://{given}?mode=rwc")
    }
}

#[cfg(test)]
mod tests {
    use super::database_url;

    #[test]
    fn bare_paths_become_sqlite_files() {
        assert_eq!(database_url("vigie.db"), "sqlite://vigie.db?mode=rwc");
        assert_eq!(database_url("/tmp/x/v.db"), "sqlite:///tmp/x/v.db?mode=rwc");
        assert_eq!(database_url("sqlite::memory:"), "sqlite::memory:");
        assert_eq!(
            database_url("sqlite://a.db?mode=rwc"),
            "sqlite://a.db?mode=rwc"
        );
        assert_eq!(database_url("postgres://u@h/db"), "postgres://u@h/db");
    }

    /// The bundled SQLite is built with the query planner stability guarantee
    /// (`.cargo/config.toml`): without it, every statement with a bound `LIMIT` (each `.one()`)
    /// is prepared again at each execution. A build that lost the flag fails here.
    #[tokio::test]
    async fn sqlite_is_built_with_a_stable_query_planner() {
        use sea_orm::{ConnectionTrait, Statement};
        let store = super::Store::open("sqlite::memory:").await.unwrap();
        let db = store.conn();
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT sqlite_compileoption_used('ENABLE_QPSG') AS used",
            ))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.try_get::<i32>("", "used").unwrap(), 1);
    }
}
