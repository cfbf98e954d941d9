//! Consistent copies of an SQLite database while the server runs.
//!
//! `VACUUM INTO` reads the database inside one read transaction, so the copy is the database as
//! of one instant even while another connection writes (WAL lets the writer go on), and it is
//! written compacted, as a single file with no `-wal` beside it. Restoring is copying the file
//! back while the server is stopped (see `docs/staff.md`).

use std::path::Path;

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DbBackend, Statement, Value};

use super::StaffError;

/// What a copy holds: SQLite's integrity verdict and the number of rows per table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupReport {
    /// `ok` when the copy is sound.
    pub integrity: String,
    pub tables: Vec<(String, i64)>,
}

/// Writes a copy of the database `db` to `path`, which must not exist yet.
pub async fn backup_to<C: ConnectionTrait>(db: &C, path: &Path) -> Result<(), StaffError> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Err(StaffError::Invalid(
            "vigie backup copies SQLite databases; on PostgreSQL use pg_dump (docs/deploy.md)"
                .into(),
        ));
    }
    if path.exists() {
        return Err(StaffError::Conflict(format!(
            "{} already exists; choose a new file name",
            path.display()
        )));
    }
    let Some(target) = path.to_str() else {
        return Err(StaffError::Invalid(format!(
            "{} is not a UTF-8 path",
            path.display()
        )));
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(StaffError::Invalid(format!(
            "the folder {} does not exist",
            dir.display()
        )));
    }
    // A bound parameter, not string splicing: any path is taken literally.
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "VACUUM INTO ?",
        [Value::from(target)],
    ))
    .await?;
    Ok(())
}

/// Opens the copy at `path` read-only and checks it.
pub async fn inspect(path: &Path) -> Result<BackupReport, StaffError> {
    let Some(p) = path.to_str() else {
        return Err(StaffError::Invalid(format!(
            "{} is not a UTF-8 path",
            path.display()
        )));
    };
    if !path.is_file() {
        return Err(StaffError::NotFound(path.display().to_string()));
    }
    let mut opts = ConnectOptions::new(format!("sqlite://{p}?mode=ro"));
    opts.sqlx_logging(false).max_connections(1);
    let db = Database::connect(opts).await?;
    let integrity: String = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "PRAGMA integrity_check",
        ))
        .await?
        .map(|r| r.try_get_by_index::<String>(0))
        .transpose()?
        .unwrap_or_default();
    let names: Vec<String> = db
        .query_all_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name NOT LIKE 'search_index_%' ORDER BY name",
        ))
        .await?
        .iter()
        .map(|r| r.try_get_by_index::<String>(0))
        .collect::<Result<_, _>>()?;
    let mut tables = Vec::with_capacity(names.len());
    for name in names {
        // Names come from sqlite_master, quoted as identifiers.
        let sql = format!("SELECT COUNT(*) FROM \"{}\"", name.replace('"', "\"\""));
        let n = db
            .query_one_raw(Statement::from_string(DbBackend::Sqlite, sql))
            .await?
            .map(|r| r.try_get_by_index::<i64>(0))
            .transpose()?
            .unwrap_or(0);
        tables.push((name, n));
    }
    db.close().await?;
    Ok(BackupReport { integrity, tables })
}
