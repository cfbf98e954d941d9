//! The data revision (read by the web server's page cache) moves with every write to a table a
//! public page can show, and only those tables may be left without its triggers.

use sea_orm_migration::sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement,
};
use vigie_migrations::{Migrator, MigratorTrait};

/// Tables no public page shows, written on every staff request (or, for `search_pending`, only
/// alongside a counted table): they do not move the revision.
const NOT_COUNTED: &[&str] = &[
    "audit_log",
    "data_revision",
    "login_attempt",
    "search_pending",
    "session",
    "server_secret",
    // Staff-only: the review queue's possible missed links (no public page shows them).
    "possible_link",
];

async fn db() -> DatabaseConnection {
    let mut opts = ConnectOptions::new("sqlite::memory:");
    opts.max_connections(1)
        .min_connections(1)
        .sqlx_logging(false);
    let db = Database::connect(opts).await.unwrap();
    Migrator::up(&db, None).await.unwrap();
    db
}

async fn strings(db: &DatabaseConnection, sql: &str) -> Vec<String> {
    db.query_all_raw(Statement::from_string(DbBackend::Sqlite, sql))
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get_by_index::<String>(0).unwrap())
        .collect()
}

async fn revision(db: &DatabaseConnection) -> i64 {
    db.query_one_raw(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT n FROM data_revision WHERE id = 1",
    ))
    .await
    .unwrap()
    .unwrap()
    .try_get_by_index::<i64>(0)
    .unwrap()
}

#[tokio::test]
async fn every_published_table_moves_the_revision() {
    let db = db().await;
    let tables = strings(
        &db,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name <> 'seaql_migrations' AND name NOT LIKE 'search_index%' ORDER BY name",
    )
    .await;
    let triggers = strings(
        &db,
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%data_revision%'",
    )
    .await;
    for t in tables.iter().filter(|t| !NOT_COUNTED.contains(&t.as_str())) {
        for ev in ["ai", "au", "ad"] {
            let name = format!("revision_{t}_{ev}");
            assert!(
                triggers.contains(&name),
                "table {t} has no trigger {name}: a new published table needs the data \
                 revision triggers (in a new migration), or a place in NOT_COUNTED"
            );
        }
    }
}

#[tokio::test]
async fn inserts_updates_and_deletes_move_it() {
    let db = db().await;
    let r0 = revision(&db).await;
    db.execute_unprepared(
        "INSERT INTO member (name) VALUES ('Anne Exemple'); \
         UPDATE member SET name = 'Anne Exemple-Test'; \
         DELETE FROM member",
    )
    .await
    .unwrap();
    assert_eq!(revision(&db).await, r0 + 3);
    // Staff sessions come and go without touching it.
    db.execute_unprepared(
        "INSERT INTO user (name, password_hash, role, disabled, created_at) \
         VALUES ('ed', 'x', 'editor', 0, '2026-11-22T10:00:00Z')",
    )
    .await
    .unwrap();
    let r1 = revision(&db).await;
    assert_eq!(r1, r0 + 4);
    db.execute_unprepared(
        "INSERT INTO session (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) \
         VALUES ('h', 1, 'c', '2026-11-22T10:00:00Z', '2026-11-23T10:00:00Z', '2026-11-22T10:00:00Z'); \
         UPDATE session SET last_seen_at = '2026-11-22T11:00:00Z'; DELETE FROM session",
    )
    .await
    .unwrap();
    assert_eq!(revision(&db).await, r1);
}
