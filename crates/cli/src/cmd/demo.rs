//! `vigie demo [--addr] [--seeds DIR]`: a fresh local database `vigie-demo.db` filled with the
//! sample documents, then the dashboard on it. The README's first command.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use vigie_store::Store;

use super::serve::DEFAULT_ADDR;

/// The demo's database file, in the working directory; replaced on every run.
pub const DEMO_DB: &str = "vigie-demo.db";

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, default_value = DEFAULT_ADDR)]
    pub addr: SocketAddr,
    /// Folder of documents to import (plans and written questions).
    #[arg(long, default_value = "seeds")]
    pub seeds: PathBuf,
}

/// The files of `dir`, sorted by name (plans and questions may come in any order: the import
/// resolves references by identity).
fn documents(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = vec![];
    for entry in std::fs::read_dir(dir).with_context(|| {
        format!(
            "cannot read the seeds folder {} (run from the repository root or pass --seeds)",
            dir.display()
        )
    })? {
        let path = entry?.path();
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        bail!("{}: no document to import", dir.display());
    }
    Ok(files)
}

pub async fn run(args: Args) -> anyhow::Result<ExitCode> {
    let files = documents(&args.seeds)?;
    // A fresh database each time: the WAL and shared-memory files go with it.
    for suffix in ["", "-wal", "-shm"] {
        let f = format!("{DEMO_DB}{suffix}");
        match std::fs::remove_file(&f) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(e).with_context(|| format!("cannot remove the old demo database {f}"));
            }
        }
    }
    let url = format!("sqlite://{DEMO_DB}?mode=rwc");
    let store = Store::open_for_serving(&url)
        .await
        .with_context(|| format!("cannot create {DEMO_DB}"))?;
    let mut imported = 0;
    for path in &files {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        match store.import_document(&name, &bytes).await {
            Ok(_) => imported += 1,
            Err(e) => eprintln!("vigie demo: {}: {e}", path.display()),
        }
    }
    println!(
        "Imported {imported} of {} documents from {} into {DEMO_DB}",
        files.len(),
        args.seeds.display()
    );
    // The demo is only worth looking at with evidence: link questions to actions and propose
    // statuses, exactly as `vigie import` does after importing.
    let summary = store
        .run_matcher()
        .await
        .context("matching the imported questions to the plan's actions")?;
    println!("{summary}");
    super::serve::serve(store, args.addr).await
}
