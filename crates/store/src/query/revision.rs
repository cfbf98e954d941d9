//! The revision number of the published data (see the `data_revision` migration): it changes
//! with every committed write to a table a public page shows, whichever process wrote it.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement};

/// The current revision, or `None` when the database keeps none (an engine other than SQLite
/// and PostgreSQL): then nothing derived from the data may be kept between requests.
///
/// On PostgreSQL every replica reads this same row, so a page one replica cached is dropped as
/// soon as another replica, an import or `vigie match` commits a change.
pub async fn data_revision<C: ConnectionTrait>(db: &C) -> Result<Option<i64>, DbErr> {
    let backend = db.get_database_backend();
    if !matches!(backend, DbBackend::Sqlite | DbBackend::Postgres) {
        return Ok(None);
    }
    let row = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT n FROM data_revision WHERE id = 1",
        ))
        .await?;
    row.map(|r| r.try_get::<i64>("", "n")).transpose()
}
