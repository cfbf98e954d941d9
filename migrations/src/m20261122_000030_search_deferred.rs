//! The full-text index is brought up to date once per transaction instead of once per row.
//!
//! Migration `000003` kept `search_index` (FTS5) in sync with row triggers. That is correct but
//! slow for imports: `vigie import` writes 200 files per transaction with a SAVEPOINT per file,
//! and FTS5 writes its pending terms to disk as a new segment at every savepoint once the table
//! was touched in the transaction, then merges those segments: about 28 % of an import's time.
//!
//! From here on the triggers only note *which* index rows are out of date, in the plain table
//! `search_pending` (one B-tree insert, no FTS work), and [`SEARCH_FLUSH_SQL`] rewrites those
//! rows in a few set-based statements. The store runs the flush just before every commit that
//! wrote actions, questions or passages (`vigie_store::import`), and when it opens a database
//! (so rows written by another tool are indexed at the latest then).
//!
//! `search_pending.fresh` is 1 for a row inserted since the last flush: it has nothing in the
//! index yet, so the flush only inserts it. Any other change (update, delete, or an insert that
//! reuses the id of a row already indexed) leaves `fresh = 0`, and the flush deletes the old
//! index row first. The index row is found by its rowid (`id * 4 + 1` action, `+ 2` question,
//! `+ 3` passage, as in `000003`), and the source row by `rowid / 4`.
//!
//! SQLite only, like `000003` (PostgreSQL's index, `000044`, needs no flush).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

use crate::m20261122_000003_search as search;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (table, rowid offset) of each indexed source, as in `000003`.
const SOURCES: &[(&str, u8)] = &[("action", 1), ("question", 2), ("passage", 3)];

/// Brings `search_index` up to date with every row noted in `search_pending`, then empties it.
/// Cheap when nothing is pending; run it inside the transaction that wrote the rows.
pub const SEARCH_FLUSH_SQL: [&str; 5] = [
    "DELETE FROM search_index WHERE rowid IN (SELECT fts_rowid FROM search_pending WHERE fresh = 0)",
    "INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
        SELECT p.fts_rowid, 'action', s.id, NULL, COALESCE(s.label, ''), s.text \
        FROM search_pending p JOIN action s ON s.id = p.fts_rowid / 4 WHERE p.fts_rowid % 4 = 1",
    "INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
        SELECT p.fts_rowid, 'question', s.id, s.id, s.subject, '' \
        FROM search_pending p JOIN question s ON s.id = p.fts_rowid / 4 WHERE p.fts_rowid % 4 = 2",
    "INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
        SELECT p.fts_rowid, 'passage', s.id, s.question_id, COALESCE(s.heading, ''), s.text \
        FROM search_pending p JOIN passage s ON s.id = p.fts_rowid / 4 WHERE p.fts_rowid % 4 = 3",
    "DELETE FROM search_pending",
];

fn up_sql() -> Vec<String> {
    let mut sql = vec![
        "CREATE TABLE IF NOT EXISTS search_pending (\
            fts_rowid INTEGER NOT NULL PRIMARY KEY, \
            fresh INTEGER NOT NULL)"
            .to_string(),
    ];
    for (table, k) in SOURCES {
        for suffix in ["ai", "au", "ad"] {
            sql.push(format!("DROP TRIGGER IF EXISTS search_{table}_{suffix}"));
        }
        // An insert is fresh unless the id was already noted (a delete then an insert that
        // reused the id: the old index row must still go).
        sql.push(format!(
            "CREATE TRIGGER search_{table}_ai AFTER INSERT ON \"{table}\" BEGIN \
                INSERT INTO search_pending(fts_rowid, fresh) VALUES (new.id * 4 + {k}, 1) \
                ON CONFLICT(fts_rowid) DO NOTHING; END"
        ));
        // An update of a fresh row stays fresh: the flush reads the row as it is at the end.
        sql.push(format!(
            "CREATE TRIGGER search_{table}_au AFTER UPDATE ON \"{table}\" BEGIN \
                INSERT INTO search_pending(fts_rowid, fresh) VALUES (old.id * 4 + {k}, 0) \
                ON CONFLICT(fts_rowid) DO NOTHING; \
                INSERT INTO search_pending(fts_rowid, fresh) VALUES (new.id * 4 + {k}, 0) \
                ON CONFLICT(fts_rowid) DO NOTHING; END"
        ));
        sql.push(format!(
            "CREATE TRIGGER search_{table}_ad AFTER DELETE ON \"{table}\" BEGIN \
                INSERT INTO search_pending(fts_rowid, fresh) VALUES (old.id * 4 + {k}, 0) \
                ON CONFLICT(fts_rowid) DO NOTHING; END"
        ));
    }
    sql
}

fn down_sql() -> Vec<String> {
    // Index what is pending with the rules of this migration, then go back to `000003`'s
    // row triggers, which need no pending table.
    let mut sql: Vec<String> = SEARCH_FLUSH_SQL.iter().map(|s| String::from(*s)).collect();
    for (table, _) in SOURCES {
        for suffix in ["ai", "au", "ad"] {
            sql.push(format!("DROP TRIGGER IF EXISTS search_{table}_{suffix}"));
        }
    }
    sql.extend(
        search::UP
            .iter()
            .filter(|s| s.starts_with("CREATE TRIGGER"))
            .map(|s| String::from(*s)),
    );
    sql.push("DROP TABLE IF EXISTS search_pending".to_string());
    sql
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DbBackend::Sqlite {
            return Ok(());
        }
        // One call, so one connection of the pool runs every statement in order: statements
        // spread over several connections saw a trigger dropped on another one as still there.
        m.get_connection()
            .execute_unprepared(&up_sql().join(";\n"))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DbBackend::Sqlite {
            return Ok(());
        }
        m.get_connection()
            .execute_unprepared(&down_sql().join(";\n"))
            .await?;
        Ok(())
    }
}
