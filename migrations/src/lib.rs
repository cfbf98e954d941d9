//! Vigie's database schema, as sea-orm-migration migrations (one per file, frozen once landed).
//!
//! `Migrator::up(&db, None)` brings any database to the current schema; `vigie-store` runs it
//! when it opens a database.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_init;
mod m20261122_000002_default_aliases;
mod m20261122_000003_search;
mod m20261122_000010_staff;
mod m20261122_000020_data_revision;
mod m20261122_000021_link_action_state_index;
mod m20261122_000030_search_deferred;
mod m20261206_000040_audit_no_replace;
mod m20261206_000041_server_secret;
mod m20261206_000042_question_source;
mod m20261206_000043_possible_link;
mod m20261206_000044_postgres_search_revision;
mod m20261206_000045_link_evidence_date;

pub use m20261122_000002_default_aliases::DEFAULT_ALIASES;
pub use m20261122_000020_data_revision::COUNTED_TABLES;
pub use m20261122_000030_search_deferred::SEARCH_FLUSH_SQL;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_init::Migration),
            Box::new(m20261122_000002_default_aliases::Migration),
            Box::new(m20261122_000003_search::Migration),
            Box::new(m20261122_000010_staff::Migration),
            Box::new(m20261122_000020_data_revision::Migration),
            Box::new(m20261122_000021_link_action_state_index::Migration),
            Box::new(m20261122_000030_search_deferred::Migration),
            Box::new(m20261206_000040_audit_no_replace::Migration),
            Box::new(m20261206_000041_server_secret::Migration),
            Box::new(m20261206_000042_question_source::Migration),
            Box::new(m20261206_000043_possible_link::Migration),
            Box::new(m20261206_000044_postgres_search_revision::Migration),
            Box::new(m20261206_000045_link_evidence_date::Migration),
        ]
    }
}
