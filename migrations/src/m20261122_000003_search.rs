//! Full-text search: one SQLite FTS5 table over action texts, question subjects and passages,
//! accents and case ignored (`unicode61 remove_diacritics 2`), kept in sync by triggers so every
//! import, re-import and cascade delete updates it in the same transaction.
//!
//! One table rather than three so a search is one `MATCH` with one ranking. The rowid encodes
//! the source row (`id * 4 + 1` action, `+ 2` question, `+ 3` passage) so triggers update and
//! delete by rowid, which FTS5 does without a scan.
//!
//! SQLite only: on PostgreSQL this migration does nothing; `000044` builds its search index.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

pub(crate) const UP: &[&str] = &[
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(\
        kind UNINDEXED, ref_id UNINDEXED, question_id UNINDEXED, title, body, \
        tokenize = 'unicode61 remove_diacritics 2')",
    // actions
    "CREATE TRIGGER IF NOT EXISTS search_action_ai AFTER INSERT ON action BEGIN \
        INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
        VALUES (new.id * 4 + 1, 'action', new.id, NULL, COALESCE(new.label, ''), new.text); END",
    "CREATE TRIGGER IF NOT EXISTS search_action_ad AFTER DELETE ON action BEGIN \
        DELETE FROM search_index WHERE rowid = old.id * 4 + 1; END",
    "CREATE TRIGGER IF NOT EXISTS search_action_au AFTER UPDATE ON action BEGIN \
        DELETE FROM search_index WHERE rowid = old.id * 4 + 1; \
        INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
        VALUES (new.id * 4 + 1, 'action', new.id, NULL, COALESCE(new.label, ''), new.text); END",
    // questions (the subject)
    "CREATE TRIGGER IF NOT EXISTS search_question_ai AFTER INSERT ON question BEGIN \
        INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
        VALUES (new.id * 4 + 2, 'question', new.id, new.id, new.subject, ''); END",
    "CREATE TRIGGER IF NOT EXISTS search_question_ad AFTER DELETE ON question BEGIN \
        DELETE FROM search_index WHERE rowid = old.id * 4 + 2; END",
    "CREATE TRIGGER IF NOT EXISTS search_question_au AFTER UPDATE ON question BEGIN \
        DELETE FROM search_index WHERE rowid = old.id * 4 + 2; \
        INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
        VALUES (new.id * 4 + 2, 'question', new.id, new.id, new.subject, ''); END",
    // passages
    "CREATE TRIGGER IF NOT EXISTS search_passage_ai AFTER INSERT ON passage BEGIN \
        INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
        VALUES (new.id * 4 + 3, 'passage', new.id, new.question_id, COALESCE(new.heading, ''), new.text); END",
    "CREATE TRIGGER IF NOT EXISTS search_passage_ad AFTER DELETE ON passage BEGIN \
        DELETE FROM search_index WHERE rowid = old.id * 4 + 3; END",
    "CREATE TRIGGER IF NOT EXISTS search_passage_au AFTER UPDATE ON passage BEGIN \
        DELETE FROM search_index WHERE rowid = old.id * 4 + 3; \
        INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
        VALUES (new.id * 4 + 3, 'passage', new.id, new.question_id, COALESCE(new.heading, ''), new.text); END",
    // rows that existed before this migration
    "DELETE FROM search_index",
    "INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
        SELECT id * 4 + 1, 'action', id, NULL, COALESCE(label, ''), text FROM action",
    "INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
        SELECT id * 4 + 2, 'question', id, id, subject, '' FROM question",
    "INSERT INTO search_index(rowid, kind, ref_id, question_id, title, body) \
        SELECT id * 4 + 3, 'passage', id, question_id, COALESCE(heading, ''), text FROM passage",
];

const DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS search_action_ai",
    "DROP TRIGGER IF EXISTS search_action_ad",
    "DROP TRIGGER IF EXISTS search_action_au",
    "DROP TRIGGER IF EXISTS search_question_ai",
    "DROP TRIGGER IF EXISTS search_question_ad",
    "DROP TRIGGER IF EXISTS search_question_au",
    "DROP TRIGGER IF EXISTS search_passage_ai",
    "DROP TRIGGER IF EXISTS search_passage_ad",
    "DROP TRIGGER IF EXISTS search_passage_au",
    "DROP TABLE IF EXISTS search_index",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DbBackend::Sqlite {
            return Ok(());
        }
        let db = m.get_connection();
        for sql in UP {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DbBackend::Sqlite {
            return Ok(());
        }
        let db = m.get_connection();
        for sql in DOWN {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }
}
