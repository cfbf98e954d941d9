//! `vigie export WHAT --format json|csv`: print what the database holds on stdout.
//!
//! Plans and questions are nested (axes hold actions, questions hold passages): they export as
//! JSON only. Links and statuses are flat records: JSON or CSV.

use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use serde::Serialize;
use vigie_store::export_records::{write_links_csv, write_statuses_csv};
use vigie_store::{Store, database_url, export::QUESTION_PAGE};

#[derive(clap::Args)]
pub struct Args {
    /// What to export.
    #[arg(value_enum)]
    what: What,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum What {
    /// Every plan: ministers, partners, steering committee, axes with pilots and actions.
    Plans,
    /// Every written question: identity, author, addressee, dates, acts, passages, source file.
    Questions,
    /// One record per linked (question, action): score, review state, passages with their reasons.
    Links,
    /// One record per action: the status it shows, the sentence, question and date it rests on,
    /// and the staff assessment when there is one.
    Statuses,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Json,
    Csv,
}

pub async fn run(db: &str, args: Args) -> anyhow::Result<ExitCode> {
    let nested = matches!(args.what, What::Plans | What::Questions);
    if args.format == Format::Csv && nested {
        let what = match args.what {
            What::Plans => "plans",
            _ => "questions",
        };
        bail!(
            "`vigie export {what}` has no CSV form: {what} are nested (axes hold actions, questions hold passages); use --format json"
        );
    }
    refuse_missing_sqlite_file(db)?;
    let store = Store::open(db)
        .await
        .with_context(|| format!("cannot open the database {db}"))?;
    let stdout = io::stdout().lock();
    let mut out = BufWriter::new(stdout);
    let written = match args.what {
        What::Plans => {
            let plans = store.export_plans().await?;
            write_array(&mut out, plans.iter())
        }
        What::Questions => write_questions(&store, &mut out).await?,
        // The same store functions write the dashboard's downloads: same records, same bytes.
        What::Links => {
            let links = store.export_links().await?;
            match args.format {
                Format::Json => write_array(&mut out, links.iter()),
                Format::Csv => write_links_csv(&mut out, &links).map(drop),
            }
        }
        What::Statuses => {
            let statuses = store.export_statuses().await?;
            match args.format {
                Format::Json => write_array(&mut out, statuses.iter()),
                Format::Csv => write_statuses_csv(&mut out, &statuses).map(drop),
            }
        }
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // `vigie export questions | head`: the reader left, nothing is wrong.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("cannot write to stdout"),
    }
}

/// Exporting must not create an empty database where the user expected one.
fn refuse_missing_sqlite_file(db: &str) -> anyhow::Result<()> {
    let url = database_url(db);
    let Some(rest) = url.strip_prefix("sqlite://") else {
        return Ok(());
    };
    let path = rest.split('?').next().unwrap_or(rest);
    if !path.is_empty() && !Path::new(path).exists() {
        bail!(
            "no database at {path}: import documents first (`vigie import seeds/`), or name it with --db"
        );
    }
    Ok(())
}

/// Writes a JSON array, one pretty-printed element after the other.
fn write_array<'a, T: Serialize + 'a>(
    out: &mut impl Write,
    items: impl Iterator<Item = &'a T>,
) -> io::Result<()> {
    out.write_all(b"[")?;
    let mut first = true;
    for item in items {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        first = false;
        serde_json::to_writer_pretty(&mut *out, item)?;
    }
    out.write_all(if first { b"]\n" } else { b"\n]\n" })
}

/// Questions are written page by page, so memory stays bounded whatever their number.
async fn write_questions(store: &Store, out: &mut impl Write) -> anyhow::Result<io::Result<()>> {
    let mut after = 0;
    let mut first = true;
    let mut write = |page: &[vigie_store::QuestionExport]| -> io::Result<()> {
        for q in page {
            out.write_all(if first { b"[\n" } else { b",\n" })?;
            first = false;
            serde_json::to_writer_pretty(&mut *out, q)?;
        }
        Ok(())
    };
    loop {
        let page = store.export_questions_page(after, QUESTION_PAGE).await?;
        let Some(last) = page.last() else { break };
        after = last.id;
        if let Err(e) = write(&page) {
            return Ok(Err(e));
        }
    }
    let end: &[u8] = if first { b"[]\n" } else { b"\n]\n" };
    Ok(out.write_all(end))
}
