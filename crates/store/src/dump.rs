//! A plain-text dump of every row of every SQLite table, to check that a refused import left the
//! database exactly as it was (and to compare two databases by eye).

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement};

use crate::Store;

impl Store {
    /// Every table (the migrations' own bookkeeping and the search index included) with every
    /// row, sorted, values `quote()`d by SQLite. SQLite only.
    pub async fn dump_sqlite(&self) -> Result<String, DbErr> {
        let db = self.conn();
        if db.get_database_backend() != DbBackend::Sqlite {
            return Err(DbErr::Custom(
                "dump_sqlite works on SQLite databases only".into(),
            ));
        }
        let sql = |s: String| Statement::from_string(DbBackend::Sqlite, s);
        let tables = db
            .query_all_raw(sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name".into(),
            ))
            .await?;
        let mut out = String::new();
        for t in tables {
            let table: String = t.try_get_by_index(0)?;
            let cols = db
                .query_all_raw(sql(format!(
                    "SELECT name FROM pragma_table_info('{}') ORDER BY cid",
                    table.replace('\'', "''")
                )))
                .await?;
            let cols: Vec<String> = cols
                .iter()
                .map(|c| c.try_get_by_index::<String>(0))
                .collect::<Result<_, _>>()?;
            out.push_str(&format!("## {table} ({})\n", cols.join(", ")));
            if cols.is_empty() {
                continue;
            }
            let row_expr = cols
                .iter()
                .map(|c| format!("quote(\"{}\")", c.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(" || '|' || ");
            // Ordered by the row's text: some tables (FTS5 shadow tables) have no rowid.
            let rows = db
                .query_all_raw(sql(format!(
                    "SELECT {row_expr} FROM \"{}\" ORDER BY 1",
                    table.replace('"', "\"\"")
                )))
                .await?;
            for r in rows {
                out.push_str(&r.try_get_by_index::<String>(0)?);
                out.push('\n');
            }
        }
        Ok(out)
    }
}
