//! Fresh databases for the test suites, on the engine the run asks for.
//!
//! By default a test gets an in-memory SQLite database. With `VIGIE_TEST_POSTGRES` set to a
//! PostgreSQL URL on which the user may create databases (`.ci/postgres start` prints one), each
//! call creates a new, empty database on that server instead, so the same store, web and CLI
//! suites run on both engines (`.ci/run` runs them twice). The databases are not dropped: the
//! server is a throwaway cluster, deleted with its folder at the end of the run.

use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

use sea_orm::{ConnectionTrait, Database, DbErr};

use crate::Store;

/// The variable naming the PostgreSQL server of the tests.
pub const POSTGRES_VAR: &str = "VIGIE_TEST_POSTGRES";

/// The PostgreSQL server the tests run on, when the run asks for one.
pub fn postgres_server() -> Option<String> {
    std::env::var(POSTGRES_VAR).ok().filter(|s| !s.is_empty())
}

/// Whether this run's tests use PostgreSQL.
pub fn on_postgres() -> bool {
    postgres_server().is_some()
}

/// A new empty database on the tests' PostgreSQL server, by URL.
pub async fn new_postgres_database(server: &str) -> Result<String, DbErr> {
    static N: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "vigie_test_{}_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    );
    let admin = Database::connect(server).await?;
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await?;
    admin.close().await?;
    // The server's URL with its database replaced.
    let (base, query) = match server.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (server, String::new()),
    };
    let authority_end = base
        .find("://")
        .map(|i| i + 3)
        .and_then(|start| base[start..].find('/').map(|j| start + j))
        .unwrap_or(base.len());
    Ok(format!("{}/{name}{query}", &base[..authority_end]))
}

/// The database a test gives `vigie --db`: an SQLite file at `sqlite_file`, or a new database
/// on the tests' PostgreSQL server.
pub async fn database_for_test(sqlite_file: &Path) -> String {
    match postgres_server() {
        Some(server) => new_postgres_database(&server)
            .await
            .unwrap_or_else(|e| panic!("a test database on {server}: {e}")),
        None => sqlite_file.to_string_lossy().into_owned(),
    }
}

/// A fresh, migrated, empty store: in memory on SQLite, a new database on PostgreSQL.
pub async fn fresh_store() -> Store {
    let url = match postgres_server() {
        Some(server) => new_postgres_database(&server)
            .await
            .unwrap_or_else(|e| panic!("a test database on {server}: {e}")),
        None => "sqlite::memory:".to_string(),
    };
    Store::open(&url)
        .await
        .unwrap_or_else(|e| panic!("opening the test database {url}: {e}"))
}

/// [`database_for_test`] for callers that are not async (or already inside a runtime): runs it
/// on a thread of its own.
pub fn database_for_test_blocking(sqlite_file: &Path) -> String {
    std::thread::scope(|s| {
        s.spawn(|| {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime for the test database")
                .block_on(database_for_test(sqlite_file))
        })
        .join()
        .expect("creating the test database")
    })
}
