//! A revision number of the published data: one row, bumped by triggers on every insert, update
//! and delete of a table the public pages show, in the same transaction as the change.
//!
//! The web server keeps rendered public pages in memory and compares this number before serving
//! one (`vigie_web::cache`). Triggers make it right whoever writes: `vigie import` and
//! `vigie match` run in other processes than `vigie serve`, and SQLite's `PRAGMA data_version`
//! is per connection, so neither an in-process counter nor that pragma would see every write.
//!
//! Staff sessions, login attempts and the audit log are left out: they change on every staff
//! request, and no public page shows them. The search index is written by triggers on tables
//! that are counted already.
//!
//! SQLite only: on PostgreSQL this migration does nothing; `000044` builds the same table with
//! statement triggers.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Every table whose rows can appear on a public page.
pub const COUNTED_TABLES: &[&str] = &[
    "document",
    "minister",
    "minister_mapping",
    "member",
    "organisation",
    "organisation_alias",
    "plan",
    "plan_minister",
    "plan_partner",
    "axis",
    "axis_pilot",
    "action",
    "question",
    "act",
    "passage",
    "link",
    "link_passage",
    "status_proposal",
    "status_assessment",
    "user",
];

const EVENTS: &[(&str, &str)] = &[("ai", "INSERT"), ("au", "UPDATE"), ("ad", "DELETE")];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DbBackend::Sqlite {
            return Ok(());
        }
        let db = m.get_connection();
        db.execute_unprepared(
            "CREATE TABLE IF NOT EXISTS data_revision (\
                id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), \
                n INTEGER NOT NULL)",
        )
        .await?;
        db.execute_unprepared("INSERT OR IGNORE INTO data_revision (id, n) VALUES (1, 0)")
            .await?;
        for table in COUNTED_TABLES {
            for (suffix, event) in EVENTS {
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER IF NOT EXISTS revision_{table}_{suffix} AFTER {event} ON \"{table}\" \
                     BEGIN UPDATE data_revision SET n = n + 1 WHERE id = 1; END"
                ))
                .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DbBackend::Sqlite {
            return Ok(());
        }
        let db = m.get_connection();
        for table in COUNTED_TABLES {
            for (suffix, _) in EVENTS {
                db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS revision_{table}_{suffix}"))
                    .await?;
            }
        }
        db.execute_unprepared("DROP TABLE IF EXISTS data_revision")
            .await?;
        Ok(())
    }
}
