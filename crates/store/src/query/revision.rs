//! The revision number of the published data (see the `data_revision` migration): it changes
//! with every committed write to a table a public page shows, whichever process wrote it.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement};

/// The current revision, or `None` when the database keeps none (not SQLite): then nothing
/// derived from the data may be kept between requests.
pub async fn data_revision<C: ConnectionTrait>(db: &C) -> Result<Option<i64>, DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Ok(None);
    }
    let row = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT n FROM data_revision WHERE id = 1",
        ))
        .await?;
    row.map(|r| r.try_get::<i64>("", "n")).transpose()
}
