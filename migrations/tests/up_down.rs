//! The migrations go up, all the way down and up again on SQLite, and the schema they leave
//! enforces what the store relies on (unique identities, cascades, default aliases).

use sea_orm_migration::sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement,
};
use vigie_migrations::{DEFAULT_ALIASES, Migrator, MigratorTrait};

const TABLES: [&str; 27] = [
    "act",
    "action",
    "audit_log",
    "axis",
    "axis_pilot",
    "data_revision",
    "document",
    "link",
    "link_passage",
    "login_attempt",
    "member",
    "minister",
    "minister_mapping",
    "organisation",
    "organisation_alias",
    "passage",
    "plan",
    "plan_minister",
    "plan_partner",
    "possible_link",
    "question",
    "search_pending",
    "server_secret",
    "session",
    "status_assessment",
    "status_proposal",
    "user",
];

async fn memory_db() -> DatabaseConnection {
    // One connection: an in-memory database lives as long as its connection.
    let mut opts = ConnectOptions::new("sqlite::memory:");
    opts.max_connections(1)
        .min_connections(1)
        .sqlx_logging(false);
    let db = Database::connect(opts).await.unwrap();
    db.execute_unprepared("PRAGMA foreign_keys = ON")
        .await
        .unwrap();
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

async fn user_tables(db: &DatabaseConnection) -> Vec<String> {
    strings(
        db,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name <> 'seaql_migrations' AND name NOT LIKE 'search_index%' ORDER BY name",
    )
    .await
}

async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
    db.query_one_raw(Statement::from_string(DbBackend::Sqlite, sql))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i64>(0)
        .unwrap()
}

#[tokio::test]
async fn up_down_up() {
    let db = memory_db().await;
    Migrator::up(&db, None).await.unwrap();
    assert_eq!(user_tables(&db).await, TABLES);
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM organisation_alias").await,
        4
    );

    Migrator::down(&db, None).await.unwrap();
    assert!(
        user_tables(&db).await.is_empty(),
        "down leaves no table behind"
    );
    let indexes = strings(
        &db,
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'",
    )
    .await;
    assert!(
        indexes.is_empty(),
        "down leaves no index behind: {indexes:?}"
    );

    Migrator::up(&db, None).await.unwrap();
    assert_eq!(user_tables(&db).await, TABLES);
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM seaql_migrations").await,
        i64::try_from(Migrator::migrations().len()).unwrap()
    );
}

#[tokio::test]
async fn every_foreign_key_has_an_index() {
    let db = memory_db().await;
    Migrator::up(&db, None).await.unwrap();
    for table in TABLES {
        let fk_cols = strings(
            &db,
            &format!("SELECT \"from\" FROM pragma_foreign_key_list('{table}')"),
        )
        .await;
        let leading = strings(
            &db,
            &format!(
                "SELECT ii.name FROM pragma_index_list('{table}') il \
                 JOIN pragma_index_info(il.name) ii ON ii.seqno = 0"
            ),
        )
        .await;
        for col in fk_cols {
            assert!(
                leading.contains(&col),
                "{table}.{col} is a foreign key without an index"
            );
        }
    }
}

#[tokio::test]
async fn default_aliases_point_at_canonical_names() {
    let db = memory_db().await;
    Migrator::up(&db, None).await.unwrap();
    let pairs = strings(
        &db,
        "SELECT o.name || ' <- ' || a.alias FROM organisation_alias a \
         JOIN organisation o ON o.id = a.organisation_id ORDER BY o.name",
    )
    .await;
    let mut expected: Vec<String> = DEFAULT_ALIASES
        .iter()
        .map(|(n, a)| format!("{n} <- {a}"))
        .collect();
    expected.sort();
    assert_eq!(pairs, expected);
}

#[tokio::test]
async fn aliases_down_keeps_staff_rows() {
    let db = memory_db().await;
    Migrator::up(&db, None).await.unwrap();
    // A staff-made alias on a seeded organisation keeps that organisation alive.
    db.execute_unprepared(
        "INSERT INTO organisation_alias (organisation_id, alias) \
         SELECT id, 'Centre d''Informatique pour la Région Bruxelloise' FROM organisation WHERE name = 'CIRB'",
    )
    .await
    .unwrap();
    // Every migration after the aliases, then the aliases.
    let after_init = u32::try_from(Migrator::migrations().len() - 1).unwrap();
    Migrator::down(&db, Some(after_init)).await.unwrap();
    assert_eq!(
        strings(&db, "SELECT name FROM organisation").await,
        ["CIRB"]
    );
    assert_eq!(
        strings(&db, "SELECT alias FROM organisation_alias").await,
        ["Centre d'Informatique pour la Région Bruxelloise"]
    );
    Migrator::up(&db, None).await.unwrap();
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM organisation_alias").await,
        5
    );
}

const PLAN_AND_QUESTION: &str = "
    INSERT INTO document (id, kind, source_name, sha256, imported_at, updated_at)
        VALUES (1, 'plan', 'p.txt', 'aa', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z'),
               (2, 'question', 'q.txt', 'bb', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z');
    INSERT INTO plan (id, document_id, title, kind, intro, imported_at, updated_at)
        VALUES (1, 1, 'Plan', 'Priorité concertée', '', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z');
    INSERT INTO axis (id, plan_id, number, title, description) VALUES (1, 1, 1, 'Axe', '');
    INSERT INTO action (id, plan_id, axis_id, code, position, text) VALUES (1, 1, 1, '1.1', 1, 'Faire');
    INSERT INTO minister (id, name, portfolio) VALUES (1, 'Bernard Clerfayt', 'Ministre');
    INSERT INTO member (id, name) VALUES (1, 'Bianca Debaets');
    INSERT INTO question (id, document_id, legislature, session, number, subject, member_id, minister_id)
        VALUES (1, 2, '19/24', '19/20', 252, 'sujet', 1, 1);
    INSERT INTO passage (id, question_id, position, kind, text) VALUES (1, 1, 1, 'answer', 'réponse');
    INSERT INTO link (id, question_id, action_id, score, state, origin, matcher_version, created_at, updated_at)
        VALUES (1, 1, 1, 0.5, 'proposed', 'matcher', 'v1', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z');
    INSERT INTO link_passage (link_id, passage_id, score, reasons) VALUES (1, 1, 0.5, '[]');
    INSERT INTO status_proposal (action_id, status, question_id, passage_id, matcher_version, computed_at, current)
        VALUES (1, 'in_progress', 1, 1, 'v1', '2026-11-22T00:00:00Z', 1);
";

#[tokio::test]
async fn question_identity_is_unique() {
    let db = memory_db().await;
    Migrator::up(&db, None).await.unwrap();
    db.execute_unprepared(PLAN_AND_QUESTION).await.unwrap();
    let dup = db
        .execute_unprepared(
            "INSERT INTO question (document_id, legislature, session, number, subject, member_id, minister_id) \
             VALUES (2, '19/24', '20/21', 252, 'autre', 1, 1)",
        )
        .await;
    assert!(dup.is_err(), "same (legislature, addressee, number) twice");
    // Another legislature: numbers restart.
    db.execute_unprepared(
        "INSERT INTO question (document_id, legislature, session, number, subject, member_id, minister_id) \
         VALUES (2, '24/29', '24/25', 252, 'autre', 1, 1)",
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn deleting_a_passage_keeps_the_proposal_history() {
    let db = memory_db().await;
    Migrator::up(&db, None).await.unwrap();
    db.execute_unprepared(PLAN_AND_QUESTION).await.unwrap();
    db.execute_unprepared("DELETE FROM passage WHERE id = 1")
        .await
        .unwrap();
    assert_eq!(count(&db, "SELECT COUNT(*) FROM link_passage").await, 0);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM link").await, 1);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM status_proposal WHERE passage_id IS NULL AND question_id = 1"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn deleting_a_document_cascades_to_what_it_holds() {
    let db = memory_db().await;
    Migrator::up(&db, None).await.unwrap();
    db.execute_unprepared(PLAN_AND_QUESTION).await.unwrap();
    // A minister still named by a question cannot go.
    assert!(
        db.execute_unprepared("DELETE FROM minister WHERE id = 1")
            .await
            .is_err()
    );
    db.execute_unprepared("DELETE FROM document WHERE id = 2")
        .await
        .unwrap();
    for table in ["question", "passage", "link", "link_passage"] {
        assert_eq!(
            count(&db, &format!("SELECT COUNT(*) FROM {table}")).await,
            0,
            "{table}"
        );
    }
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM status_proposal WHERE question_id IS NULL"
        )
        .await,
        1
    );
    db.execute_unprepared("DELETE FROM document WHERE id = 1")
        .await
        .unwrap();
    for table in ["plan", "axis", "action", "status_proposal"] {
        assert_eq!(
            count(&db, &format!("SELECT COUNT(*) FROM {table}")).await,
            0,
            "{table}"
        );
    }
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM minister").await,
        1,
        "shared rows stay"
    );
}
