//! The migrations on a real PostgreSQL server: up, all the way down and up again; the audit log
//! append-only against every statement; the data revision bumped by changes and only by changes.
//! (Search on PostgreSQL is checked through the store: `crates/store/tests/search.rs`.)
//!
//! They run when `VIGIE_TEST_POSTGRES` names a server on which the user may create databases
//! (`.ci/run` starts a throwaway one, see `.ci/postgres`); without it they say so on stderr and
//! check nothing.

use sea_orm_migration::sea_orm::{
    ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement,
};
use vigie_migrations::{DEFAULT_ALIASES, Migrator, MigratorTrait};

/// A new empty database on the tests' server, or `None` when the run has no server.
async fn fresh_db(test: &str) -> Option<DatabaseConnection> {
    let Ok(server) = std::env::var("VIGIE_TEST_POSTGRES") else {
        eprintln!("{test}: skipped, VIGIE_TEST_POSTGRES is not set");
        return None;
    };
    let name = format!(
        "vigie_migrations_{}_{}",
        std::process::id(),
        test.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
    );
    let admin = Database::connect(&server).await.unwrap();
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}"))
        .await
        .unwrap();
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    admin.close().await.unwrap();
    let base = server.rsplit_once('/').unwrap().0;
    Some(Database::connect(format!("{base}/{name}")).await.unwrap())
}

fn pg(sql: &str) -> Statement {
    Statement::from_string(DbBackend::Postgres, sql)
}

async fn strings(db: &DatabaseConnection, sql: &str) -> Vec<String> {
    db.query_all_raw(pg(sql))
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get_by_index::<String>(0).unwrap())
        .collect()
}

async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
    db.query_one_raw(pg(sql))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i64>(0)
        .unwrap()
}

async fn tables(db: &DatabaseConnection) -> Vec<String> {
    strings(
        db,
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = 'public' AND table_name <> 'seaql_migrations' ORDER BY 1",
    )
    .await
}

#[tokio::test]
async fn up_down_up_on_postgres() {
    let Some(db) = fresh_db("up_down_up").await else {
        return;
    };
    Migrator::up(&db, None).await.unwrap();
    let up = tables(&db).await;
    for t in [
        "action",
        "audit_log",
        "data_revision",
        "search_index",
        "question",
    ] {
        assert!(up.contains(&t.to_string()), "{t} in {up:?}");
    }
    assert!(
        !up.contains(&"search_pending".to_string()),
        "the SQLite flush table has no use here"
    );
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM organisation_alias").await,
        i64::try_from(DEFAULT_ALIASES.len()).unwrap()
    );

    Migrator::down(&db, None).await.unwrap();
    assert_eq!(
        tables(&db).await,
        Vec::<String>::new(),
        "down leaves no table"
    );
    let functions = strings(
        &db,
        "SELECT proname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace \
         WHERE n.nspname = 'public' AND p.prokind = 'f' AND proname NOT LIKE 'unaccent%'",
    )
    .await;
    assert!(
        functions.is_empty(),
        "down leaves no function: {functions:?}"
    );

    Migrator::up(&db, None).await.unwrap();
    assert_eq!(tables(&db).await, up);
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM seaql_migrations").await,
        i64::try_from(Migrator::migrations().len()).unwrap()
    );
}

#[tokio::test]
async fn audit_log_is_append_only_on_postgres() {
    let Some(db) = fresh_db("audit").await else {
        return;
    };
    Migrator::up(&db, None).await.unwrap();
    db.execute_unprepared(
        "INSERT INTO audit_log (at, user_id, user_name, kind, entity, entity_id, action_id, \
         before, after, why) VALUES (now(), NULL, 'cli', 'user.add', 'user', 1, NULL, NULL, NULL, 'x')",
    )
    .await
    .unwrap();
    for sql in [
        "UPDATE audit_log SET why = 'rewritten' WHERE id = 1",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "INSERT INTO audit_log (id, at, user_name, kind, entity, why) \
         VALUES (1, now(), 'x', 'user.add', 'user', 'x') \
         ON CONFLICT (id) DO UPDATE SET why = 'rewritten'",
    ] {
        let err = db.execute_unprepared(sql).await.expect_err(sql).to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    assert_eq!(
        strings(&db, "SELECT why FROM audit_log").await,
        vec!["x".to_string()]
    );
}

#[tokio::test]
async fn data_revision_counts_changes_only_on_postgres() {
    let Some(db) = fresh_db("revision").await else {
        return;
    };
    Migrator::up(&db, None).await.unwrap();
    let rev = || async { count(&db, "SELECT n FROM data_revision WHERE id = 1").await };
    let r0 = rev().await;
    db.execute_unprepared("INSERT INTO minister (name, portfolio) VALUES ('Ann Example', 'Tests')")
        .await
        .unwrap();
    let r1 = rev().await;
    assert!(r1 > r0, "an insert bumps the revision");
    db.execute_unprepared("UPDATE minister SET name = 'Nobody' WHERE id = -1")
        .await
        .unwrap();
    assert_eq!(
        rev().await,
        r1,
        "a statement that changed no row bumps nothing"
    );
    db.execute_unprepared("DELETE FROM minister").await.unwrap();
    assert!(rev().await > r1, "a delete bumps the revision");
    // Staff bookkeeping is not published.
    let r2 = rev().await;
    db.execute_unprepared(
        "INSERT INTO login_attempt (at, ip, name, success) VALUES (now(), '1.2.3.4', 'x', false)",
    )
    .await
    .unwrap();
    assert_eq!(rev().await, r2);
}
