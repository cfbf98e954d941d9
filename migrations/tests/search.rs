//! The search migrations: the FTS5 index follows inserts, updates and cascade deletes once the
//! pending rows are flushed (as the store does before each commit), ignores accents and case,
//! and goes away with `down`.

use sea_orm_migration::sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement,
};
use vigie_migrations::{Migrator, MigratorTrait, SEARCH_FLUSH_SQL};

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

async fn flush(db: &DatabaseConnection) {
    for sql in SEARCH_FLUSH_SQL {
        db.execute_unprepared(sql).await.unwrap();
    }
}

async fn pending(db: &DatabaseConnection) -> i64 {
    db.query_one_raw(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT count(*) FROM search_pending",
    ))
    .await
    .unwrap()
    .unwrap()
    .try_get_by_index::<i64>(0)
    .unwrap()
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
    // Rows are noted, not indexed, until the flush.
    assert_eq!(pending(&db).await, 3);
    assert!(hits(&db, "numerique").await.is_empty());
    flush(&db).await;
    assert_eq!(pending(&db).await, 0);
    assert_eq!(hits(&db, "numerique").await, ["question:1"]);
    assert_eq!(hits(&db, "lance").await, ["passage:1"]);
    assert_eq!(hits(&db, "pole").await, ["action:1"]);

    db.execute_unprepared("UPDATE passage SET text = 'Rien à signaler' WHERE id = 1")
        .await
        .unwrap();
    flush(&db).await;
    assert!(hits(&db, "lance").await.is_empty());
    assert_eq!(hits(&db, "signaler").await, ["passage:1"]);

    // Deleting the document cascades to the question and its passages, and so to the index.
    db.execute_unprepared("DELETE FROM document WHERE id = 2")
        .await
        .unwrap();
    flush(&db).await;
    assert!(hits(&db, "signaler OR numerique").await.is_empty());
    assert_eq!(hits(&db, "pole").await, ["action:1"]);
}

/// The cases a row-by-row trigger got right by construction and a deferred flush must too: a
/// row inserted then changed before the flush, a row deleted then its id reused, a row inserted
/// then deleted, and a savepoint rolled back (a refused file inside an import batch).
#[tokio::test]
async fn deferred_index_survives_every_order_of_changes() {
    let db = memory_db().await;
    Migrator::up(&db, None).await.unwrap();
    db.execute_unprepared(DATA).await.unwrap();
    db.execute_unprepared("UPDATE passage SET text = 'Texte corrigé' WHERE id = 1")
        .await
        .unwrap();
    flush(&db).await;
    assert_eq!(hits(&db, "corrige").await, ["passage:1"]);
    assert!(hits(&db, "lance").await.is_empty());

    // Delete passage 1, then insert a new passage with the same id: the old words must go.
    db.execute_unprepared(
        "DELETE FROM passage WHERE id = 1; \
         INSERT INTO passage (id, question_id, position, kind, text) \
             VALUES (1, 1, 1, 'answer', 'Une réponse nouvelle');",
    )
    .await
    .unwrap();
    flush(&db).await;
    assert!(hits(&db, "corrige").await.is_empty());
    assert_eq!(hits(&db, "nouvelle").await, ["passage:1"]);

    // Inserted then deleted before any flush: never indexed.
    db.execute_unprepared(
        "INSERT INTO passage (id, question_id, position, kind, text) \
             VALUES (2, 1, 2, 'answer', 'Éphémère'); \
         DELETE FROM passage WHERE id = 2;",
    )
    .await
    .unwrap();
    flush(&db).await;
    assert!(hits(&db, "ephemere").await.is_empty());

    // A savepoint rolled back takes its pending notes with it; the flush then indexes only
    // what was kept.
    db.execute_unprepared(
        "BEGIN; \
         INSERT INTO passage (id, question_id, position, kind, text) \
             VALUES (3, 1, 3, 'answer', 'Gardé'); \
         SAVEPOINT refused_file; \
         INSERT INTO passage (id, question_id, position, kind, text) \
             VALUES (4, 1, 4, 'answer', 'Refusé'); \
         ROLLBACK TO refused_file; RELEASE refused_file;",
    )
    .await
    .unwrap();
    flush(&db).await;
    db.execute_unprepared("COMMIT").await.unwrap();
    assert_eq!(hits(&db, "garde").await, ["passage:3"]);
    assert!(hits(&db, "refuse").await.is_empty());
    assert_eq!(pending(&db).await, 0);
}

/// Going down from the deferred triggers indexes what is pending and restores the row triggers.
#[tokio::test]
async fn down_from_deferred_indexes_what_is_pending() {
    let db = memory_db().await;
    Migrator::up(&db, None).await.unwrap();
    db.execute_unprepared(DATA).await.unwrap();
    let deferred = Migrator::migrations()
        .iter()
        .position(|m| m.name() == "m20261122_000030_search_deferred")
        .expect("the deferred-index migration");
    let steps = u32::try_from(Migrator::migrations().len() - deferred).unwrap();
    Migrator::down(&db, Some(steps)).await.unwrap();
    assert_eq!(hits(&db, "numerique").await, ["question:1"]);
    // The row triggers of 000003 are back: a change is indexed at once.
    db.execute_unprepared("UPDATE question SET subject = 'Un autre sujet' WHERE id = 1")
        .await
        .unwrap();
    assert_eq!(hits(&db, "autre").await, ["question:1"]);
    assert!(hits(&db, "numerique").await.is_empty());
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
