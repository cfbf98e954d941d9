//! The staff migration: the audit log refuses UPDATE and DELETE, the session table has no room
//! for a cleartext token, and a user name is unique.

use sea_orm_migration::sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement,
};
use vigie_migrations::{Migrator, MigratorTrait};

async fn memory_db() -> DatabaseConnection {
    let mut opts = ConnectOptions::new("sqlite::memory:");
    opts.max_connections(1)
        .min_connections(1)
        .sqlx_logging(false);
    let db = Database::connect(opts).await.unwrap();
    db.execute_unprepared("PRAGMA foreign_keys = ON")
        .await
        .unwrap();
    Migrator::up(&db, None).await.unwrap();
    db
}

async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
    db.query_one_raw(Statement::from_string(DbBackend::Sqlite, sql))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i64>(0)
        .unwrap()
}

const ROW: &str = "INSERT INTO audit_log (at, user_id, user_name, kind, entity, entity_id, action_id, before, after, why) \
    VALUES ('2026-11-22T10:00:00Z', NULL, 'cli', 'user.add', 'user', 1, NULL, NULL, '{\"name\":\"alice\"}', NULL)";

#[tokio::test]
async fn audit_log_is_append_only() {
    let db = memory_db().await;
    db.execute_unprepared(ROW).await.unwrap();
    db.execute_unprepared(ROW).await.unwrap();

    for sql in [
        "UPDATE audit_log SET why = 'rewritten' WHERE id = 1",
        "UPDATE audit_log SET user_name = 'someone else'",
        "DELETE FROM audit_log WHERE id = 1",
        "DELETE FROM audit_log",
        // SQLite runs no delete trigger for REPLACE: migration 000040 refuses it before it acts.
        "REPLACE INTO audit_log (id, at, user_id, user_name, kind, entity, entity_id, action_id, before, after, why) \
         VALUES (1, '2026-11-22T11:00:00Z', NULL, 'mallory', 'user.add', 'user', 1, NULL, NULL, NULL, 'rewritten')",
        "INSERT OR REPLACE INTO audit_log (id, at, user_id, user_name, kind, entity, entity_id, action_id, before, after, why) \
         VALUES (2, '2026-11-22T11:00:00Z', NULL, 'mallory', 'user.add', 'user', 1, NULL, NULL, NULL, 'rewritten')",
        "INSERT INTO audit_log (id, at, user_id, user_name, kind, entity, entity_id, action_id, before, after, why) \
         VALUES (1, '2026-11-22T11:00:00Z', NULL, 'mallory', 'user.add', 'user', 1, NULL, NULL, NULL, 'rewritten') \
         ON CONFLICT(id) DO UPDATE SET why = 'rewritten'",
        "INSERT OR IGNORE INTO audit_log (id, at, user_id, user_name, kind, entity, entity_id, action_id, before, after, why) \
         VALUES (1, '2026-11-22T11:00:00Z', NULL, 'mallory', 'user.add', 'user', 1, NULL, NULL, NULL, 'rewritten')",
    ] {
        let err = db.execute_unprepared(sql).await.expect_err(sql).to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    // Still there, unchanged.
    assert_eq!(count(&db, "SELECT COUNT(*) FROM audit_log").await, 2);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM audit_log WHERE why IS NULL AND user_name = 'cli'"
        )
        .await,
        2
    );

    // Inside a transaction too: the failed statement does not slip through with the commit.
    let err = db
        .execute_unprepared("BEGIN; INSERT INTO audit_log SELECT * FROM audit_log WHERE 0; DELETE FROM audit_log; COMMIT;")
        .await;
    assert!(err.is_err());
    db.execute_unprepared("ROLLBACK").await.ok();
    assert_eq!(count(&db, "SELECT COUNT(*) FROM audit_log").await, 2);
}

#[tokio::test]
async fn user_names_are_unique_and_sessions_die_with_their_user() {
    let db = memory_db().await;
    let add = "INSERT INTO user (name, password_hash, role, disabled, created_at) \
               VALUES ('alice', '$argon2id$x', 'editor', 0, '2026-11-22T10:00:00Z')";
    db.execute_unprepared(add).await.unwrap();
    assert!(db.execute_unprepared(add).await.is_err());
    db.execute_unprepared(
        "INSERT INTO session (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) \
         VALUES ('h1', 1, 'c1', '2026-11-22T10:00:00Z', '2026-11-22T18:00:00Z', '2026-11-22T10:00:00Z')",
    )
    .await
    .unwrap();
    // The same token hash twice is refused.
    assert!(
        db.execute_unprepared(
            "INSERT INTO session (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) \
             VALUES ('h1', 1, 'c2', '2026-11-22T10:00:00Z', '2026-11-22T18:00:00Z', '2026-11-22T10:00:00Z')",
        )
        .await
        .is_err()
    );
    db.execute_unprepared("DELETE FROM user WHERE id = 1")
        .await
        .unwrap();
    assert_eq!(count(&db, "SELECT COUNT(*) FROM session").await, 0);
}
