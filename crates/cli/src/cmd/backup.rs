//! `vigie backup PATH`: a consistent copy of the SQLite database, safe while `vigie serve`
//! runs (SQLite `VACUUM INTO`). Refuses to overwrite an existing file, then opens the copy
//! read-only and checks it. Restoring: stop the server, copy the file over the database, start
//! the server (docs/staff.md). On PostgreSQL it copies nothing and prints the `pg_dump` and
//! `pg_restore` commands for that database instead (docs/deploy.md).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use vigie_store::Store;
use vigie_store::staff::backup;

#[derive(clap::Args)]
pub struct Args {
    /// The file to write; it must not exist.
    path: PathBuf,
}

pub async fn run(db: &str, args: Args) -> anyhow::Result<ExitCode> {
    let url = vigie_store::database_url(db);
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        eprint!("{}", postgres_advice(&url, &args.path));
        return Ok(ExitCode::from(2));
    }
    if args.path.exists() {
        bail!(
            "{} already exists; vigie backup never overwrites a file",
            args.path.display()
        );
    }
    let store = Store::open(db)
        .await
        .with_context(|| format!("cannot open the database {db}"))?;
    let started = Instant::now();
    backup::backup_to(store.conn(), &args.path)
        .await
        .map_err(|e| anyhow::anyhow!("backup to {} failed: {e}", args.path.display()))?;
    let report = backup::inspect(&args.path).await.map_err(|e| {
        anyhow::anyhow!("the copy {} cannot be read back: {e}", args.path.display())
    })?;
    if report.integrity != "ok" {
        bail!(
            "the copy {} failed SQLite's integrity check: {}",
            args.path.display(),
            report.integrity
        );
    }
    let size = std::fs::metadata(&args.path).map(|m| m.len()).unwrap_or(0);
    let rows: i64 = report.tables.iter().map(|(_, n)| n).sum();
    println!(
        "backup written to {} ({} bytes, {} tables, {} rows, integrity ok) in {:.1?}",
        args.path.display(),
        size,
        report.tables.len(),
        rows,
        started.elapsed()
    );
    Ok(ExitCode::SUCCESS)
}

/// What to run instead on PostgreSQL: its own tools take a consistent snapshot while the
/// server runs, and know every object of the database (triggers, the search configuration).
fn postgres_advice(url: &str, path: &std::path::Path) -> String {
    let url = redact_password(url);
    let file = path.display();
    format!(
        "vigie backup copies SQLite databases; this one is on PostgreSQL, whose own tools do it \
         better.\n\
         A consistent copy while vigie serves:\n  \
         pg_dump --format=custom --file='{file}' '{url}'\n\
         Restore into a new, empty database (then point --db at it):\n  \
         pg_restore --no-owner --dbname='<new database URL>' '{file}'\n\
         See docs/deploy.md, \"Backups\".\n"
    )
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`: the advice is printed.
fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((auth, host)) if auth.contains(':') => {
            let user = auth.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}")
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_gets_the_commands_without_the_password() {
        let advice = postgres_advice(
            "postgres://vigie:s3cret@db.example/vigie",
            std::path::Path::new("v.dump"),
        );
        assert!(
            advice.contains(
                "pg_dump --format=custom --file='v.dump' 'postgres://vigie:***@db.example/vigie'"
            ),
            "{advice}"
        );
        assert!(advice.contains("pg_restore"));
        assert!(!advice.contains("s3cret"));
        assert_eq!(redact_password("postgres://u@h/d"), "postgres://u@h/d");
    }
}
