//! `vigie import PATH...`: import plans and written questions from files and folders.
//!
//! Every file is imported whole or not at all: a bad file is reported and skipped, the good ones
//! are imported all the same, and the exit code says whether any was rejected. Files are written
//! in batches (one transaction per batch, one savepoint per file), because on SQLite a commit per
//! file costs more than the import of the file itself.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use vigie_core::read::MAX_DOCUMENT_BYTES;
use vigie_core::{Document, ReadError};
use vigie_store::matching::MatchSummary;
use vigie_store::{
    DocumentKind, ImportBatch, ImportOutcome, ImportStatus, ReadFile, Store, read_ahead,
};

/// A batch is committed after this many files...
const BATCH_FILES: usize = 200;
/// ... or this many bytes of input, whichever comes first.
const BATCH_BYTES: usize = 16 * 1024 * 1024;
/// Files read ahead of the one being written: enough to keep the reader thread busy, few enough
/// that their bytes stay small (at most this many times the 4 MiB a document may hold).
const READ_AHEAD: usize = 16;

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders to import. Folders are read recursively, in name order; hidden files and
    /// folders (names starting with `.`) inside them are skipped.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Skip matching: import the documents without linking questions to plan actions.
    #[arg(long)]
    no_match: bool,
}

/// A file that was not imported, and why (`seeds/x.txt:12: expected …`).
struct Rejected {
    reason: String,
}

pub async fn run(db: &str, args: Args) -> anyhow::Result<ExitCode> {
    let mut rejected = Vec::new();
    let mut files = Vec::new();
    for path in &args.paths {
        collect(path, true, &mut files, &mut rejected);
    }
    let store = Store::open(db)
        .await
        .with_context(|| format!("cannot open the database {db}"))?;

    let bar = if std::io::stderr().is_terminal() {
        let bar =
            ProgressBar::with_draw_target(Some(files.len() as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut outcomes = Vec::new();
    let mut batch = Batch::default();
    // Files are read (from disk, then by the readers) on another thread, a few ahead of the
    // writes: an HTML page takes longer to read than to write.
    let mut reading = read_ahead(
        files.into_iter().map(|path| {
            let name = path.display().to_string();
            let bytes = read_file(&path, &name);
            (name, bytes)
        }),
        READ_AHEAD,
    );
    while let Some(ReadFile { name, file }) = reading.next().await {
        bar.set_message(name.clone());
        match file {
            Ok((bytes, read)) => {
                batch
                    .import(&store, name, &bytes, read, &mut rejected)
                    .await?
            }
            Err(reason) => rejected.push(Rejected { reason }),
        }
        if batch.files >= BATCH_FILES || batch.bytes >= BATCH_BYTES {
            batch.commit(&mut outcomes, &mut rejected).await;
        }
        bar.inc(1);
    }
    batch.commit(&mut outcomes, &mut rejected).await;
    bar.finish_and_clear();

    // Linking questions to actions is the last step of an import, over the whole database (the
    // matcher's statistics are the batch's), unless `--no-match`.
    let matched = match args.no_match {
        true => None,
        false => Some(store.run_matcher().await),
    };
    let ok = matched.as_ref().and_then(|m| m.as_ref().ok());
    print!("{}", summary(&outcomes, ok, &rejected));
    if let Some(Err(e)) = matched {
        return Err(e)
            .context("matching failed (the documents are imported; run `vigie match` again)");
    }
    Ok(if rejected.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Adds the regular files under `path` to `files`, in name order. A path the user named is taken
/// even when hidden; inside folders, hidden entries are skipped and symbolic links to folders are
/// not followed (no cycles).
fn collect(path: &Path, named: bool, files: &mut Vec<PathBuf>, rejected: &mut Vec<Rejected>) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            rejected.push(Rejected {
                reason: format!("{}: cannot read: {e}", path.display()),
            });
            return;
        }
    };
    if meta.is_file() {
        files.push(path.to_path_buf());
        return;
    }
    if !meta.is_dir() {
        if named {
            rejected.push(Rejected {
                reason: format!("{}: not a regular file or a folder", path.display()),
            });
        }
        return;
    }
    if !named && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) => {
            rejected.push(Rejected {
                reason: format!("{}: cannot list the folder: {e}", path.display()),
            });
            return;
        }
    };
    let mut children: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) if entry.file_name().to_string_lossy().starts_with('.') => {}
            Ok(entry) => children.push(entry.path()),
            Err(e) => rejected.push(Rejected {
                reason: format!("{}: cannot list the folder: {e}", path.display()),
            }),
        }
    }
    children.sort();
    for child in children {
        collect(&child, false, files, rejected);
    }
}

/// Files imported in the open transaction; their outcomes count once it is committed.
#[derive(Default)]
struct Batch {
    open: Option<ImportBatch>,
    pending: Vec<(String, ImportOutcome)>,
    files: usize,
    bytes: usize,
}

impl Batch {
    async fn import(
        &mut self,
        store: &Store,
        name: String,
        bytes: &[u8],
        read: Result<Document, ReadError>,
        rejected: &mut Vec<Rejected>,
    ) -> anyhow::Result<()> {
        let open = match &mut self.open {
            Some(open) => open,
            None => self.open.insert(
                store
                    .begin_import_batch()
                    .await
                    .context("cannot start a transaction")?,
            ),
        };
        match open.import_read(&name, bytes, read).await {
            Ok(outcome) => self.pending.push((name, outcome)),
            Err(e) => rejected.push(Rejected {
                reason: e.to_string(),
            }),
        }
        self.files += 1;
        self.bytes += bytes.len();
        Ok(())
    }

    /// Commits the open transaction. If the commit fails, none of its files were imported.
    async fn commit(&mut self, outcomes: &mut Vec<ImportOutcome>, rejected: &mut Vec<Rejected>) {
        let pending = std::mem::take(&mut self.pending);
        self.files = 0;
        self.bytes = 0;
        let Some(open) = self.open.take() else { return };
        match open.commit().await {
            Ok(()) => outcomes.extend(pending.into_iter().map(|(_, o)| o)),
            Err(e) => rejected.extend(pending.into_iter().map(|(name, _)| Rejected {
                reason: format!("{name}: database error when committing: {e}"),
            })),
        }
    }
}

/// Reads one file, refusing an oversized one before reading it.
fn read_file(path: &Path, name: &str) -> Result<Vec<u8>, String> {
    let limit = MAX_DOCUMENT_BYTES as u64;
    let too_large = |size: u64| {
        format!(
            "{name}: refused: {size} bytes, more than the {} MiB a document may hold (plans and written questions are a few kilobytes)",
            limit / (1024 * 1024)
        )
    };
    let file = File::open(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let size = file
        .metadata()
        .map_err(|e| format!("{name}: cannot read: {e}"))?
        .len();
    if size > limit {
        return Err(too_large(size));
    }
    // `take` bounds the read even if the file grows after the size check.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: cannot read: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

#[derive(Default)]
struct Tally {
    imported: usize,
    updated: usize,
    unchanged: usize,
}

impl Tally {
    fn add(&mut self, status: ImportStatus) {
        match status {
            ImportStatus::Imported => self.imported += 1,
            ImportStatus::Updated => self.updated += 1,
            ImportStatus::Unchanged => self.unchanged += 1,
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn summary(
    outcomes: &[ImportOutcome],
    matched: Option<&MatchSummary>,
    rejected: &[Rejected],
) -> String {
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    for kind in [DocumentKind::Plan, DocumentKind::Question] {
        tallies.insert(kind.as_str(), Tally::default());
    }
    for o in outcomes {
        tallies.entry(o.kind.as_str()).or_default().add(o.status);
    }
    let mut out = String::new();
    for (kind, label) in [
        (DocumentKind::Plan, "plans:    "),
        (DocumentKind::Question, "questions:"),
    ] {
        let t = &tallies[kind.as_str()];
        out.push_str(&format!(
            "{label} {} imported, {} updated, {} unchanged\n",
            t.imported, t.updated, t.unchanged
        ));
        if kind == DocumentKind::Plan {
            for o in outcomes.iter().filter(|o| o.kind == DocumentKind::Plan) {
                out.push_str(&format!(
                    "  {} ({}): {}, {}, {}\n",
                    o.label,
                    o.status.as_str(),
                    plural(o.counts.axes as usize, "axis", "axes"),
                    plural(o.counts.actions as usize, "action", "actions"),
                    plural(o.counts.partners as usize, "partner", "partners"),
                ));
            }
        }
    }
    let warnings: Vec<&String> = outcomes.iter().flat_map(|o| &o.warnings).collect();
    if !warnings.is_empty() {
        // Quirks of real pages, read anyway: say so, never silently.
        out.push_str(&format!(
            "warnings:  {} (imported anyway)\n",
            plural(warnings.len(), "warning", "warnings")
        ));
        for w in warnings {
            out.push_str(&format!("  {w}\n"));
        }
    }
    if let Some(m) = matched {
        out.push_str(&m.to_string());
    }
    out.push_str(&format!(
        "rejected:  {}\n",
        plural(rejected.len(), "file", "files")
    ));
    for r in rejected {
        out.push_str(&format!("  {}\n", r.reason));
    }
    out
}
