//! A plain-text dump of every row of every table, to check that a refused import left the
//! database exactly as it was (and to compare two databases by eye). SQLite and PostgreSQL.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement};

use crate::Store;

impl Store {
    /// Every table (the migrations' own bookkeeping and the search index included) with every
    /// row, sorted, values quoted by the database (`quote()` on SQLite, `quote_nullable()` on
    /// PostgreSQL).
    pub async fn dump(&self) -> Result<String, DbErr> {
        let db = self.conn();
        let backend = db.get_database_backend();
        let (tables_sql, columns_sql, quote): (&str, &str, &str) = match backend {
            DbBackend::Sqlite => (
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
                 ORDER BY name",
                "SELECT name FROM pragma_table_info('{}') ORDER BY cid",
                "quote(\"{}\")",
            ),
            DbBackend::Postgres => (
                "SELECT table_name::text FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
                 ORDER BY table_name",
                "SELECT column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = '{}' \
                 ORDER BY ordinal_position",
                "quote_nullable(\"{}\"::text)",
            ),
            other => {
                return Err(DbErr::Custom(format!(
                    "dump works on SQLite and PostgreSQL, not {other:?}"
                )));
            }
        };
        let sql = |s: String| Statement::from_string(backend, s);
        let tables = db.query_all_raw(sql(tables_sql.into())).await?;
        let mut out = String::new();
        for t in tables {
            let table: String = t.try_get_by_index(0)?;
            let cols = db
                .query_all_raw(sql(columns_sql.replace("{}", &table.replace('\'', "''"))))
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
                .map(|c| quote.replace("{}", &c.replace('"', "\"\"")))
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
