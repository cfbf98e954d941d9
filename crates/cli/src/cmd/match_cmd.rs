//! `vigie match`: recompute the links between questions and plan actions, and the statuses the
//! engine proposes, for the whole database.
//!
//! Links a person reviewed (confirmed or rejected) or made by hand are never changed; the
//! matcher's own proposals are inserted, updated or removed. Running it twice changes nothing the
//! second time.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use vigie_store::{Store, database_url};

#[derive(clap::Args)]
pub struct Args {
    /// Print the summary as JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub async fn run(db: &str, args: Args) -> anyhow::Result<ExitCode> {
    let store = open_existing(db).await?;
    let summary = store
        .run_matcher()
        .await
        .context("matching failed; the database is unchanged")?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print!("{summary}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens the database, refusing to create an empty SQLite file where the user expected their
/// data (matching, explaining or evaluating an empty database tells nothing).
pub async fn open_existing(db: &str) -> anyhow::Result<Store> {
    let url = database_url(db);
    if let Some(rest) = url.strip_prefix("sqlite://") {
        let path = rest.split('?').next().unwrap_or(rest);
        if !path.is_empty() && !Path::new(path).exists() {
            bail!(
                "no database at {path}: import documents first (`vigie import seeds/`), or name it with --db"
            );
        }
    }
    Store::open(db)
        .await
        .with_context(|| format!("cannot open the database {db}"))
}
