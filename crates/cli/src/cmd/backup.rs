//! `vigie backup PATH`: a consistent copy of the SQLite database, safe while `vigie serve`
//! runs (SQLite `VACUUM INTO`). Refuses to overwrite an existing file, then opens the copy
//! read-only and checks it. Restoring: stop the server, copy the file over the database, start
//! the server (docs/staff.md).

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
