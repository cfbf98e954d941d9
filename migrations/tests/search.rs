//! The search migration: the FTS5 index follows inserts, updates and cascade deletes, ignores
//! accents and case, and goes away with `down`.

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
    db
}

async fn hits(db: &DatabaseConnection, q: &str) -> Vec<String> {
    db.query_all_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "SELECT kind || ':' || ref_id FROM search_index WHERE search_index MATCH ? ORDER BY rowid",
        [q.into()],
    ))
    .await
    .unwrap()
    .iter()
    .map(|r| r.try_get_by_index::<String>(0).unwrap())
    .collect()
}

const DATA: &str = "
    INSERT INTO document (id, kind, source_name, sha256, imported_at, updated_at)
        VALUES (1, 'plan', 'p.txt', 'aa', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z'),
               (2, 'question', 'q.txt', 'bb', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z');
    INSERT INTO plan (id, document_id, title, kind, intro, imported_at, updated_at)
        VALUES (1, 1, 'Plan', 'Priorité concertée', '', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z');
    INSERT INTO axis (id, plan_id, number, title, description) VALUES (1, 1, 1, 'Axe', '');
    INSERT INTO action (id, plan_id, axis_id, code, position, label, text)
        VALUES (1, 1, 1, '1.1', 1, 'Pôle Formation', 'Lancement du Pôle Formation Emploi ICT');
    INSERT INTO minister (id, name, portfolio) VALUES (1, 'Bernard Clerfayt', 'Ministre');
    INSERT INTO member (id, name) VALUES (1, 'Bianca Debaets');
    INSERT INTO question (id, document_id, legislature, session, number, subject, member_id, minister_id)
        VALUES (1, 2, '19/24', '19/20', 252, 'Une task force numérique', 1, 1);
    INSERT INTO passage (id, question_id, position, kind, text)
        VALUES (1, 1, 1, 'answer', 'Le projet a été LANCÉ avec Paradigm.');
";

#[tokio::test]
async fn index_follows_the_tables() {
    let db = memory_db().await;
    Migrator::up(&db, None).await.unwrap();
    db.execute_unprepared(DATA).await.unwrap();
    assert_eq!(hits(&db, "numerique").await, ["question:1"]);
    assert_eq!(hits(&db, "lance").await, ["passage:1"]);
    assert_eq!(hits(&db, "pole").await, ["action:1"]);

    db.execute_unprepared("UPDATE passage SET text = 'Rien à signaler' WHERE id = 1")
        .await
        .unwrap();
    assert!(hits(&db, "lance").await.is_empty());
    assert_eq!(hits(&db, "signaler").await, ["passage:1"]);

    // Deleting the document cascades to the question and its passages, and so to the index.
    db.execute_unprepared("DELETE FROM document WHERE id = 2")
        .await
        .unwrap();
    assert!(hits(&db, "signaler OR numerique").await.is_empty());
    assert_eq!(hits(&db, "pole").await, ["action:1"]);
}

#[tokio::test]
async fn rows_present_before_the_migration_are_indexed() {
    let db = memory_db().await;
    Migrator::up(&db, Some(2)).await.unwrap();
    db.execute_unprepared(DATA).await.unwrap();
    Migrator::up(&db, None).await.unwrap();
    assert_eq!(hits(&db, "task force").await, ["question:1"]);
    // Undo everything down to (and including) the search migration, the third.
    let after_init = u32::try_from(Migrator::migrations().len() - 2).unwrap();
    Migrator::down(&db, Some(after_init)).await.unwrap();
    let left = db
        .query_all_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT name FROM sqlite_master WHERE name LIKE 'search%'",
        ))
        .await
        .unwrap();
    assert!(left.is_empty());
}
