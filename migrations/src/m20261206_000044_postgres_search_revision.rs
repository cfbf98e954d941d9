//! PostgreSQL's counterparts of three SQLite-only migrations: the full-text index (`000003`,
//! `000030`) and the data revision (`000020`). On SQLite this migration does nothing.
//!
//! **Search.** One table `search_index` as on SQLite, one row per action, question subject and
//! passage, its `rid` encoding the source row the same way (`id * 4 + 1` action, `+ 2` question,
//! `+ 3` passage) so the store's queries group and page results alike on both engines. Its `doc`
//! is a generated `tsvector` (title weighted `A`, text `D`) with a GIN index, in the text search
//! configuration `vigie_fr`: PostgreSQL's `simple` dictionary behind `unaccent`, so case and
//! accents are ignored and words are not stemmed, as SQLite's `unicode61 remove_diacritics 2`
//! tokenizer does; the store matches words as prefixes and strips French plural marks on the
//! query side (`vigie_store::query::search`), the same on both engines. Before parsing, `.`,
//! `/`, `@`, `:`, `_`, `<`, `>` and `&` become spaces: PostgreSQL's parser would keep
//! `hub.brussels` as one "host" token, where FTS5 (and a reader) see two words, and it reads
//! `<b>` as an HTML tag and skips it, with the text of a `<script>`.
//!
//! Row triggers keep it in sync at once. SQLite defers that work to a flush before each commit
//! because FTS5 rewrites segments at every savepoint; a GIN index has a pending list of its own
//! (`fastupdate`), so PostgreSQL needs no such step.
//!
//! **Data revision.** The same one-row table, bumped by statement triggers that look at their
//! transition table: a statement that changed no row bumps nothing, as with SQLite's row
//! triggers, and a statement that changed a thousand bumps once.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

use crate::m20261122_000020_data_revision::COUNTED_TABLES;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// What the index parses: `.`, `/`, `@`, `:`, `_`, `<`, `>`, `&` read as spaces (see the
/// module header).
const PG_SEARCH_TEXT: &str = "translate({}, './@:_<>&', '        ')";

fn doc_expr() -> String {
    let t = |col: &str| PG_SEARCH_TEXT.replace("{}", col);
    format!(
        "setweight(to_tsvector('vigie_fr'::regconfig, {}), 'A') || \
         setweight(to_tsvector('vigie_fr'::regconfig, {}), 'D')",
        t("title"),
        t("body")
    )
}

/// (source table, rid offset, kind, question id, title, body), as in `000003`.
const SOURCES: &[(&str, u8, &str, &str, &str, &str)] = &[
    (
        "action",
        1,
        "action",
        "NULL",
        "COALESCE(r.label, '')",
        "r.text",
    ),
    ("question", 2, "question", "r.id", "r.subject", "''"),
    (
        "passage",
        3,
        "passage",
        "r.question_id",
        "COALESCE(r.heading, '')",
        "r.text",
    ),
];

fn up_sql() -> Vec<String> {
    let mut sql = vec![
        // Trusted since PostgreSQL 13: the database's owner may create it.
        "CREATE EXTENSION IF NOT EXISTS unaccent".to_string(),
        "DROP TEXT SEARCH CONFIGURATION IF EXISTS vigie_fr".to_string(),
        "CREATE TEXT SEARCH CONFIGURATION vigie_fr (COPY = pg_catalog.simple)".to_string(),
        "ALTER TEXT SEARCH CONFIGURATION vigie_fr ALTER MAPPING FOR \
         asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, \
         hword_numpart WITH unaccent, simple"
            .to_string(),
        format!(
            "CREATE TABLE IF NOT EXISTS search_index (\
                rid BIGINT NOT NULL PRIMARY KEY, \
                kind TEXT NOT NULL, \
                ref_id INTEGER NOT NULL, \
                question_id INTEGER, \
                title TEXT NOT NULL, \
                body TEXT NOT NULL, \
                doc tsvector GENERATED ALWAYS AS ({}) STORED)",
            doc_expr()
        ),
        "CREATE INDEX IF NOT EXISTS ix_search_index_doc ON search_index USING GIN (doc)"
            .to_string(),
    ];
    for (table, k, kind, question, title, body) in SOURCES {
        let row = |r: &str| {
            format!(
                "INSERT INTO search_index (rid, kind, ref_id, question_id, title, body) \
                 VALUES ({r}.id::bigint * 4 + {k}, '{kind}', {r}.id, {q}, {t}, {b})",
                q = question.replace("r.", &format!("{r}.")),
                t = title.replace("r.", &format!("{r}.")),
                b = body.replace("r.", &format!("{r}.")),
            )
        };
        sql.push(format!(
            "CREATE OR REPLACE FUNCTION search_sync_{table}() RETURNS trigger \
             LANGUAGE plpgsql AS $$ BEGIN \
               IF TG_OP <> 'INSERT' THEN \
                 DELETE FROM search_index WHERE rid = OLD.id::bigint * 4 + {k}; \
               END IF; \
               IF TG_OP <> 'DELETE' THEN {insert}; END IF; \
               RETURN NULL; \
             END $$",
            insert = row("NEW"),
        ));
        sql.push(format!(
            "DROP TRIGGER IF EXISTS search_{table} ON \"{table}\""
        ));
        sql.push(format!(
            "CREATE TRIGGER search_{table} AFTER INSERT OR UPDATE OR DELETE ON \"{table}\" \
             FOR EACH ROW EXECUTE FUNCTION search_sync_{table}()"
        ));
        // Rows that existed before this migration.
        sql.push(format!(
            "INSERT INTO search_index (rid, kind, ref_id, question_id, title, body) \
             SELECT r.id::bigint * 4 + {k}, '{kind}', r.id, {question}, {title}, {body} \
             FROM \"{table}\" r ON CONFLICT (rid) DO NOTHING"
        ));
    }

    sql.push(
        "CREATE TABLE IF NOT EXISTS data_revision (\
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), \
            n BIGINT NOT NULL)"
            .to_string(),
    );
    sql.push("INSERT INTO data_revision (id, n) VALUES (1, 0) ON CONFLICT (id) DO NOTHING".into());
    sql.push(
        "CREATE OR REPLACE FUNCTION data_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN \
           IF EXISTS (SELECT 1 FROM changed) THEN \
             UPDATE data_revision SET n = n + 1 WHERE id = 1; \
           END IF; \
           RETURN NULL; \
         END $$"
            .to_string(),
    );
    sql.push(
        "CREATE OR REPLACE FUNCTION data_revision_bump_always() RETURNS trigger \
         LANGUAGE plpgsql AS $$ BEGIN UPDATE data_revision SET n = n + 1 WHERE id = 1; \
         RETURN NULL; END $$"
            .to_string(),
    );
    for table in COUNTED_TABLES {
        // A transition table can serve only one event per trigger, hence three.
        for (suffix, event, transition) in [
            ("ai", "INSERT", "NEW"),
            ("au", "UPDATE", "NEW"),
            ("ad", "DELETE", "OLD"),
        ] {
            sql.push(format!(
                "DROP TRIGGER IF EXISTS revision_{table}_{suffix} ON \"{table}\""
            ));
            sql.push(format!(
                "CREATE TRIGGER revision_{table}_{suffix} AFTER {event} ON \"{table}\" \
                 REFERENCING {transition} TABLE AS changed \
                 FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump()"
            ));
        }
        sql.push(format!(
            "DROP TRIGGER IF EXISTS revision_{table}_at ON \"{table}\""
        ));
        sql.push(format!(
            "CREATE TRIGGER revision_{table}_at AFTER TRUNCATE ON \"{table}\" \
             FOR EACH STATEMENT EXECUTE FUNCTION data_revision_bump_always()"
        ));
    }
    sql
}

fn down_sql() -> Vec<String> {
    let mut sql = vec![];
    for table in COUNTED_TABLES {
        for suffix in ["ai", "au", "ad", "at"] {
            sql.push(format!(
                "DROP TRIGGER IF EXISTS revision_{table}_{suffix} ON \"{table}\""
            ));
        }
    }
    sql.push("DROP FUNCTION IF EXISTS data_revision_bump()".into());
    sql.push("DROP FUNCTION IF EXISTS data_revision_bump_always()".into());
    sql.push("DROP TABLE IF EXISTS data_revision".into());
    for (table, ..) in SOURCES {
        sql.push(format!(
            "DROP TRIGGER IF EXISTS search_{table} ON \"{table}\""
        ));
        sql.push(format!("DROP FUNCTION IF EXISTS search_sync_{table}()"));
    }
    sql.push("DROP TABLE IF EXISTS search_index".into());
    sql.push("DROP TEXT SEARCH CONFIGURATION IF EXISTS vigie_fr".into());
    // The extension stays: other schemas of the database may use it.
    sql
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        let db = m.get_connection();
        for s in up_sql() {
            db.execute_unprepared(&s).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        let db = m.get_connection();
        for s in down_sql() {
            db.execute_unprepared(&s).await?;
        }
        Ok(())
    }
}
