//! The audit log refuses `REPLACE INTO` and `INSERT OR REPLACE` as well.
//!
//! Migration 000010 aborts every `UPDATE` and `DELETE` on `audit_log`, but SQLite's REPLACE
//! conflict resolution deletes the conflicting row without running delete triggers (unless
//! `recursive_triggers` is on), so `REPLACE INTO audit_log(id, …)` with an existing id rewrote a
//! row. A `BEFORE INSERT` trigger runs before conflict resolution: it aborts any insert whose id
//! is already taken, whatever the statement's conflict clause. (`INSERT … ON CONFLICT DO UPDATE`
//! runs the update triggers, already refused.) PostgreSQL has no REPLACE; its upsert runs the
//! `UPDATE` trigger of 000010, so nothing is needed there.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TRIGGER: &str = "CREATE TRIGGER IF NOT EXISTS audit_log_no_replace \
     BEFORE INSERT ON audit_log \
     WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id) \
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == DbBackend::Sqlite {
            m.get_connection().execute_unprepared(TRIGGER).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == DbBackend::Sqlite {
            m.get_connection()
                .execute_unprepared("DROP TRIGGER IF EXISTS audit_log_no_replace")
                .await?;
        }
        Ok(())
    }
}
