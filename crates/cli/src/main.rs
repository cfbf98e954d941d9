//! `vigie`: import a government plan and parliament's written questions, link them, serve the dashboard.
//!
//! Each subcommand lives in its own module under `cmd/`; this file only parses arguments and
//! dispatches. The database defaults to the SQLite file `vigie.db` in the working directory.

mod cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// mimalloc rather than glibc's allocator: a page render allocates thousands of small objects on
/// one thread and frees them on another (tokio's workers, SQLite's driver threads), which glibc's
/// arenas serve with locks and consolidation (a fifth of an uncached action page's CPU in a
/// profile); see `docs/performance.md`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Default database: an SQLite file next to where `vigie` runs, created when missing.
pub const DEFAULT_DB: &str = "sqlite://vigie.db?mode=rwc";

#[derive(Parser)]
#[command(
    name = "vigie",
    version,
    about = "Track a government plan's commitments against parliament's written questions"
)]
struct Cli {
    /// Database URL (SQLite: `sqlite://path.db?mode=rwc`, or a bare file path).
    #[arg(long, global = true, env = "VIGIE_DB", default_value = DEFAULT_DB)]
    db: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import plans and written questions from files or folders (recursive).
    Import(cmd::import::Args),
    /// Print everything that was understood, as JSON (or CSV where offered) on stdout.
    Export(cmd::export::Args),
    /// Serve the dashboard over the database.
    Serve(cmd::serve::Args),
    /// Import seeds/ into a fresh vigie-demo.db and serve the dashboard on it.
    Demo(cmd::demo::Args),
    /// Recompute the links between questions and plan actions, and the proposed statuses.
    Match(cmd::match_cmd::Args),
    /// Explain why a question is or is not linked to a plan action.
    Explain(cmd::explain::Args),
    /// Score the matcher against a gold file (precision, recall, F1).
    Eval(cmd::eval::Args),
    /// Manage staff accounts (add, list, disable, enable, passwd).
    User(cmd::user::Args),
    /// Write a consistent copy of the SQLite database, even while the server runs.
    Backup(cmd::backup::Args),
}

/// What is logged when `VIGIE_LOG` is not set: warnings, and the staff sign-in events
/// docs/staff.md promises (logins, failures, lock-outs, logouts), which are `info`.
const DEFAULT_LOG: &str = "warn,vigie_web::auth=info,sqlx=warn";

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("VIGIE_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(DEFAULT_LOG)),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("vigie: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Import(args) => cmd::import::run(&cli.db, args).await,
            Command::Export(args) => cmd::export::run(&cli.db, args).await,
            Command::Serve(args) => cmd::serve::run(&cli.db, args).await,
            Command::Demo(args) => cmd::demo::run(args).await,
            Command::Match(args) => cmd::match_cmd::run(&cli.db, args).await,
            Command::Explain(args) => cmd::explain::run(&cli.db, args).await,
            Command::Eval(args) => cmd::eval::run(&cli.db, args).await,
            Command::User(args) => cmd::user::run(&cli.db, args).await,
            Command::Backup(args) => cmd::backup::run(&cli.db, args).await,
        }
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("vigie: {e:#}");
            ExitCode::FAILURE
        }
    }
}
