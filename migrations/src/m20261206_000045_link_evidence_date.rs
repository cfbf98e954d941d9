//! Each link carries its question's evidence date (`evidence_date`: the answer's date, else the
//! reception's), so an action's evidence trail, newest evidence first, is read from one index
//! (`ix_link_trail`: action, date, score, id) and stops after the page it shows. Before, the
//! trail joined every link of the action to its question and sorted them all: 4 ms per request
//! for an action with 1,125 links, half of its page's time.
//!
//! The copy is kept by triggers, on both engines, so no writer can forget it: a new link (or one
//! moved to another question) takes its question's date, and a question whose dates change
//! passes the new date to its links. Nothing in the store writes the column.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Link {
    Table,
    EvidenceDate,
}

const INDEX: &str = "ix_link_trail";

const BACKFILL: &str = "UPDATE link SET evidence_date = \
     (SELECT COALESCE(q.answered, q.received) FROM question q WHERE q.id = link.question_id)";

const SQLITE_UP: &[&str] = &[
    "CREATE TRIGGER link_evidence_date_ai AFTER INSERT ON link BEGIN \
     UPDATE link SET evidence_date = (SELECT COALESCE(answered, received) FROM question \
     WHERE id = new.question_id) WHERE id = new.id; END",
    "CREATE TRIGGER link_evidence_date_au AFTER UPDATE OF question_id ON link BEGIN \
     UPDATE link SET evidence_date = (SELECT COALESCE(answered, received) FROM question \
     WHERE id = new.question_id) WHERE id = new.id; END",
    "CREATE TRIGGER question_evidence_date_au AFTER UPDATE OF answered, received ON question \
     WHEN new.answered IS NOT old.answered OR new.received IS NOT old.received BEGIN \
     UPDATE link SET evidence_date = COALESCE(new.answered, new.received) \
     WHERE question_id = new.id; END",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS link_evidence_date_ai",
    "DROP TRIGGER IF EXISTS link_evidence_date_au",
    "DROP TRIGGER IF EXISTS question_evidence_date_au",
];

const POSTGRES_UP: &[&str] = &[
    "CREATE FUNCTION link_evidence_date() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
     NEW.evidence_date := (SELECT COALESCE(answered, received) FROM question \
     WHERE id = NEW.question_id); RETURN NEW; END $$",
    "CREATE TRIGGER link_evidence_date BEFORE INSERT OR UPDATE OF question_id ON link \
     FOR EACH ROW EXECUTE FUNCTION link_evidence_date()",
    "CREATE FUNCTION question_evidence_date() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
     UPDATE link SET evidence_date = COALESCE(NEW.answered, NEW.received) \
     WHERE question_id = NEW.id; RETURN NULL; END $$",
    "CREATE TRIGGER question_evidence_date AFTER UPDATE OF answered, received ON question \
     FOR EACH ROW WHEN (NEW.answered IS DISTINCT FROM OLD.answered \
     OR NEW.received IS DISTINCT FROM OLD.received) \
     EXECUTE FUNCTION question_evidence_date()",
];

const POSTGRES_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS link_evidence_date ON link",
    "DROP FUNCTION IF EXISTS link_evidence_date()",
    "DROP TRIGGER IF EXISTS question_evidence_date ON question",
    "DROP FUNCTION IF EXISTS question_evidence_date()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Link::Table)
                .add_column(ColumnDef::new(Link::EvidenceDate).date().null())
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        db.execute_unprepared(BACKFILL).await?;
        let triggers = match m.get_database_backend() {
            DbBackend::Postgres => POSTGRES_UP,
            _ => SQLITE_UP,
        };
        for sql in triggers {
            db.execute_unprepared(sql).await?;
        }
        // The trail's order: newest evidence first, then best score, then oldest link.
        db.execute_unprepared(&format!(
            "CREATE INDEX {INDEX} ON link (action_id, evidence_date DESC, score DESC, id)"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let triggers = match m.get_database_backend() {
            DbBackend::Postgres => POSTGRES_DOWN,
            _ => SQLITE_DOWN,
        };
        for sql in triggers {
            db.execute_unprepared(sql).await?;
        }
        m.drop_index(Index::drop().name(INDEX).table(Link::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(Link::Table)
                .drop_column(Link::EvidenceDate)
                .to_owned(),
        )
        .await
    }
}
