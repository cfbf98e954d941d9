//! `load`: the dashboard under load, as a visitor's browser would put it — through a real socket,
//! from a separate load generator.
//!
//! ```sh
//! cargo run --release -p vigie-bench --bin load
//! ```
//!
//! 1. builds the release `vigie` binary (`cargo build --release -p vigie-cli`);
//! 2. writes N generated questions (`vigie-synth`, seed 1) into a temporary folder and imports
//!    them with the seed plan and the four seed questions into a fresh SQLite file through
//!    `vigie import` (which also matches);
//! 3. starts `vigie serve` on a free loopback port, as a separate process — once as users start
//!    it, once with `--no-page-cache` (every request renders its page);
//! 4. for each page — the overview, the action with the most evidence, every action in turn
//!    (a wrk Lua script), the question with the most links, a search — warms up, then runs
//!    `wrk -t2 -c32 -d15s --latency` (separate process) and reads its figures;
//! 5. repeats step 4 `--runs` times and prints the median of each figure, with the machine, the
//!    load average before the run and the size of the database.
//!
//! `--postgres URL` builds the database on that PostgreSQL server instead (a new database
//! `vigie_load_<time>`, left in place and printed, to reuse with `--db`), and prints how long the
//! import and the match took. `--replicas 2` starts two `vigie serve` processes on the database
//! and splits the connections between them (one wrk process each, side by side): requests/s are
//! summed, p50 and p90 averaged, p99 the worse of the two.
//!
//! A non-2xx response or a socket error (wrk's 2 s timeout included) is counted in its page's row
//! and makes the run fail (exit 1): a fast error page is not a result.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::Parser;
use sea_orm::{ConnectionTrait, Statement};

#[derive(Parser)]
#[command(
    name = "load",
    about = "Vigie's dashboard under load: import generated questions, serve, hammer with wrk"
)]
struct Cli {
    /// Generated questions to import (besides the seeds).
    #[arg(long, default_value_t = 10_000)]
    questions: usize,
    /// Seed of the question generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Measured runs over every page; the median is reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Seconds each measured wrk run lasts.
    #[arg(long, default_value_t = 15)]
    duration: u64,
    /// Seconds of warm-up per page before the measured runs.
    #[arg(long, default_value_t = 3)]
    warmup: u64,
    /// Open connections (wrk -c).
    #[arg(long, default_value_t = 32)]
    connections: usize,
    /// wrk threads (wrk -t).
    #[arg(long, default_value_t = 2)]
    threads: usize,
    /// Use this database (an SQLite file, or a `postgres://` URL) instead of building one (it
    /// must hold imported, matched data). Without it, a fresh database is built in a temporary
    /// folder and removed at the end, or on `--postgres`.
    #[arg(long)]
    db: Option<String>,
    /// Build the database on this PostgreSQL server (a URL whose user may create databases).
    #[arg(long, conflicts_with = "db")]
    postgres: Option<String>,
    /// `vigie serve` processes sharing the database; the connections are split between them.
    #[arg(long, default_value_t = 1)]
    replicas: usize,
    /// Keep the database built for this run at this path (to reuse it with --db).
    #[arg(long, conflicts_with = "db")]
    keep_db: Option<PathBuf>,
    /// Do not run `cargo build --release -p vigie-cli` first (use the `vigie` next to this binary).
    #[arg(long)]
    no_build: bool,
    /// How to start the server, comma-separated: `default` (as users do), `no-cache`
    /// (`--no-page-cache`: every request renders its page).
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "default,no-cache"
    )]
    modes: Vec<Mode>,
}

/// The action page must reach this throughput...
const TARGET_RPS: f64 = 1000.0;
/// ... with its 99th percentile latency under this many milliseconds.
const TARGET_P99_MS: f64 = 50.0;
/// The action pages rendered at every request (`--no-page-cache`) must answer 99 % of requests
/// within this many milliseconds (reported, not part of the exit status: it measures the machine's
/// mood as much as the code).
const UNCACHED_P99_MS: f64 = 50.0;

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("load: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<bool> {
    let root = workspace_root();
    let bin_dir = std::env::current_exe()
        .context("cannot find this binary's path")?
        .parent()
        .context("this binary has no folder")?
        .to_path_buf();
    if !cli.no_build {
        eprintln!("== building the release vigie binary");
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--release", "-p", "vigie-cli"])
            .current_dir(&root)
            .status()
            .context("cannot run cargo")?;
        if !status.success() {
            bail!("cargo build --release -p vigie-cli failed");
        }
    }
    let vigie = bin_dir.join("vigie");
    if !vigie.exists() {
        bail!(
            "{} not found (build it with cargo build --release -p vigie-cli)",
            vigie.display()
        );
    }
    which("wrk").context("wrk is not installed (apt-get install wrk)")?;

    if cli.replicas == 0 {
        bail!("--replicas must be at least 1");
    }
    let tmp = tempfile::tempdir().context("cannot create a temporary folder")?;
    let mut built = None;
    let db: String = match (&cli.db, &cli.postgres) {
        (Some(db), _) => {
            if !is_postgres(db) && !Path::new(db).exists() {
                bail!("{db}: no such database");
            }
            db.clone()
        }
        (None, Some(server)) => {
            let db = new_postgres_database(server)?;
            eprintln!("== database {db} (kept: reuse it with --db)");
            built = Some(build_database(&cli, &root, &vigie, tmp.path(), &db)?);
            db
        }
        (None, None) => {
            let db = cli
                .keep_db
                .clone()
                .unwrap_or_else(|| tmp.path().join("load.db"));
            let db = db.to_string_lossy().into_owned();
            built = Some(build_database(&cli, &root, &vigie, tmp.path(), &db)?);
            db
        }
    };

    let targets = pick_targets(&db)?;
    let db_size = targets.bytes;
    let lua = tmp.path().join("actions.lua");
    std::fs::write(&lua, rotation_script(&targets.action_paths))
        .context("writing the Lua script")?;
    let pages: Vec<Page> = vec![
        Page::url("overview", "/"),
        Page::url(
            &format!(
                "action (most evidence: {} links)",
                targets.heaviest_action_links
            ),
            &targets.heaviest_action_path,
        ),
        Page {
            name: format!("action (all {} in turn)", targets.action_paths.len()),
            path: "/".into(),
            script: Some(lua.clone()),
        },
        Page::url(
            &format!("question (most links: {})", targets.heaviest_question_links),
            &targets.heaviest_question_path,
        ),
        Page::url("search ?q=numerique", "/search?q=numerique"),
    ];

    let load_before = load_average();
    let mut tables = String::new();
    let mut ok = true;
    let mut uncached_ok = true;
    let mut any_failed = false;
    for mode in &cli.modes {
        let results = measure(&cli, &vigie, &db, &pages, *mode)?;
        writeln!(
            tables,
            "\n`vigie serve{}` ({})\n",
            mode.flag().map(|f| format!(" {f}")).unwrap_or_default(),
            mode.describe()
        )?;
        writeln!(
            tables,
            "| page | req/s | p50 ms | p90 ms | p99 ms | runs (req/s) | same-size static req/s | page / static | failed |"
        )?;
        writeln!(tables, "|---|---:|---:|---:|---:|---|---:|---:|---:|")?;
        let (measured, baselines) = results;
        for (p, rs) in pages.iter().zip(&measured) {
            let m = |f: fn(&WrkResult) -> f64| median(rs.iter().map(f).collect());
            let (rps, p50, p90, p99) = (m(|r| r.rps), m(|r| r.p50), m(|r| r.p90), m(|r| r.p99));
            let runs: Vec<String> = rs.iter().map(|r| format!("{:.0}", r.rps)).collect();
            let (base, ratio) = match baselines.iter().find(|(name, _)| *name == p.name) {
                Some((_, b)) => {
                    let b = median(b.iter().map(|r| r.rps).collect());
                    (format!("{b:.0}"), format!("{:.0} %", 100.0 * rps / b))
                }
                None => ("—".into(), "—".into()),
            };
            // Summed over the runs: every failed request counts.
            let failed: u64 = rs.iter().map(|r| r.failed).sum();
            writeln!(
                tables,
                "| {} | {rps:.0} | {p50:.2} | {p90:.2} | {p99:.2} | {} | {base} | {ratio} | {failed} |",
                p.name,
                runs.join(", ")
            )?;
            if failed > 0 {
                any_failed = true;
            }
            // The target is for what visitors get: the server as `vigie serve` starts it.
            if *mode == Mode::Default
                && p.name.starts_with("action")
                && (rps < TARGET_RPS || p99 >= TARGET_P99_MS)
            {
                ok = false;
            }
            if *mode == Mode::NoCache && p.name.starts_with("action") && p99 >= UNCACHED_P99_MS {
                uncached_ok = false;
            }
        }
    }

    let mut out = String::new();
    writeln!(out, "\n{}", machine())?;
    writeln!(out, "load average before the runs: {load_before}")?;
    writeln!(
        out,
        "database: {}, {} questions (generated + seeds), {} actions, {:.1} MB{}",
        if is_postgres(&db) {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        targets.questions,
        targets.action_paths.len(),
        db_size as f64 / 1e6,
        if is_postgres(&db) { "" } else { " (with WAL)" },
    )?;
    if let Some(b) = built {
        writeln!(
            out,
            "built with `vigie import --no-match` in {:.1} s, then `vigie match` in {:.1} s",
            b.import_s, b.match_s
        )?;
    }
    writeln!(
        out,
        "{} `vigie serve` process{} on the database",
        cli.replicas,
        if cli.replicas == 1 { "" } else { "es" }
    )?;
    writeln!(
        out,
        "wrk -t{} -c{} -d{}s --latency -H 'Accept-Encoding: gzip', {} s warm-up per page, \
         median of {} runs",
        cli.threads, cli.connections, cli.duration, cli.warmup, cli.runs
    )?;
    out.push_str(&tables);
    if cli.modes.contains(&Mode::Default) {
        writeln!(
            out,
            "\ntarget for the action pages: ≥ {TARGET_RPS:.0} req/s and p99 < {TARGET_P99_MS:.0} ms: {}",
            if ok { "met" } else { "MISSED" }
        )?;
    }
    if cli.modes.contains(&Mode::NoCache) {
        writeln!(
            out,
            "\ntarget for the uncached action pages: p99 < {UNCACHED_P99_MS:.0} ms: {}",
            if uncached_ok { "met" } else { "MISSED" }
        )?;
    }
    if any_failed {
        writeln!(
            out,
            "\nSOME REQUESTS FAILED (error status, or no answer within wrk's 2 s): see the last column"
        )?;
    }
    print!("{out}");
    Ok(ok && !any_failed)
}

/// How `vigie serve` is started.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Mode {
    /// As a user starts it: rendered public pages are kept until the data changes.
    Default,
    /// `--no-page-cache`: every request renders its page (the queries and the templates).
    NoCache,
}

impl Mode {
    fn flag(self) -> Option<&'static str> {
        match self {
            Mode::Default => None,
            Mode::NoCache => Some("--no-page-cache"),
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Mode::Default => "as started by users: page cache on",
            Mode::NoCache => "every request renders its page",
        }
    }
}

/// Starts the server in `mode`, checks every page answers, warms up, then runs wrk `runs` times
/// over every page; returns the runs of each page.
fn measure(
    cli: &Cli,
    vigie: &Path,
    db: &str,
    pages: &[Page],
    mode: Mode,
) -> anyhow::Result<Measured> {
    let pages_len = pages.len();
    let mut servers = Vec::new();
    let mut addrs = Vec::new();
    for _ in 0..cli.replicas {
        let addr: SocketAddr = ([127, 0, 0, 1], free_port()?).into();
        eprintln!("== starting vigie serve on {addr} ({})", mode.describe());
        let mut cmd = Command::new(vigie);
        cmd.arg("--db")
            .arg(db)
            .args(["serve", "--addr", &addr.to_string(), "--baseline-route"]);
        if let Some(f) = mode.flag() {
            cmd.arg(f);
        }
        servers.push(Server(
            cmd.stdout(Stdio::null())
                .stderr(Stdio::inherit())
                .spawn()
                .context("cannot start vigie serve")?,
        ));
        wait_until_up(addr, Duration::from_secs(30))?;
        addrs.push(addr);
    }
    let addr = addrs[0];
    // Each page answers once before the load starts: a failing page stops the benchmark here.
    // Each page then gets its baseline: a static body of the size it is sent at (gzip), from the
    // same server, measured in the same rounds.
    let mut measured: Vec<Page> = pages.to_vec();
    for p in pages.iter().filter(|p| p.script.is_none()) {
        let (status, bytes) = http_get(addr, &p.path)?;
        if status != 200 {
            bail!("GET {} answered {status}", p.path);
        }
        eprintln!("   GET {} → 200, {bytes} bytes (gzip body)", p.path);
        measured.push(Page::url(
            &format!("{BASELINE}{}", p.name),
            &format!("/_baseline/{bytes}"),
        ));
    }
    let pages = &measured[..];
    eprintln!("== warm-up ({} s per page)", cli.warmup);
    for p in pages {
        wrk_all(cli, &addrs, p, cli.warmup)?;
    }
    let mut results: Vec<Vec<WrkResult>> = vec![vec![]; pages.len()];
    for r in 1..=cli.runs {
        eprintln!("== run {r}/{} (load average {})", cli.runs, load_average());
        for (i, p) in pages.iter().enumerate() {
            let res = wrk_all(cli, &addrs, p, cli.duration)?;
            eprintln!(
                "   {:<40} {:>8.0} req/s  p50 {:>7.2} ms  p90 {:>7.2} ms  p99 {:>7.2} ms",
                p.name, res.rps, res.p50, res.p90, res.p99
            );
            results[i].push(res);
        }
    }
    drop(servers);
    // The pages' results, then each baseline by the name of its page.
    let baselines = measured
        .iter()
        .zip(results.iter())
        .filter_map(|(p, r)| Some((p.name.strip_prefix(BASELINE)?.to_string(), r.clone())))
        .collect();
    results.truncate(pages_len);
    Ok((results, baselines))
}

/// The name prefix of a page's same-size static baseline.
const BASELINE: &str = "static, same size as: ";

/// Each page's runs, and each baseline's runs by the name of its page.
type Measured = (Vec<Vec<WrkResult>>, Vec<(String, Vec<WrkResult>)>);

/// The workspace root: two levels above this crate.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// How long building the database took.
struct Built {
    import_s: f64,
    match_s: f64,
}

fn build_database(
    cli: &Cli,
    root: &Path,
    vigie: &Path,
    tmp: &Path,
    db: &str,
) -> anyhow::Result<Built> {
    if !is_postgres(db) && Path::new(db).exists() {
        bail!("{db} exists already: remove it or pass --db");
    }
    let qdir = tmp.join("questions");
    eprintln!(
        "== writing {} generated questions into {}",
        cli.questions,
        qdir.display()
    );
    vigie_synth::write_questions(&qdir, cli.seed, cli.questions)
        .with_context(|| format!("writing questions into {}", qdir.display()))?;
    eprintln!("== vigie import --no-match seeds/ + generated questions, then vigie match");
    let t = Instant::now();
    let status = Command::new(vigie)
        .arg("--db")
        .arg(db)
        .args(["import", "--no-match"])
        .arg(root.join("seeds"))
        .arg(&qdir)
        .stdout(Stdio::null())
        .status()
        .context("cannot run vigie import")?;
    if !status.success() {
        bail!("vigie import failed ({status})");
    }
    let import_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let status = Command::new(vigie)
        .arg("--db")
        .arg(db)
        .arg("match")
        .stdout(Stdio::null())
        .status()
        .context("cannot run vigie match")?;
    if !status.success() {
        bail!("vigie match failed ({status})");
    }
    let match_s = t.elapsed().as_secs_f64();
    eprintln!("   imported in {import_s:.1} s, matched in {match_s:.1} s");
    std::fs::remove_dir_all(&qdir).ok();
    Ok(Built { import_s, match_s })
}

fn is_postgres(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// Creates `vigie_load_<unix time>` on the server; returns its URL.
fn new_postgres_database(server: &str) -> anyhow::Result<String> {
    let name = format!(
        "vigie_load_{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_secs()
    );
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let admin = sea_orm::Database::connect(server)
            .await
            .with_context(|| format!("cannot connect to {server}"))?;
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await?;
        admin.close().await?;
        anyhow::Ok(())
    })?;
    let base = server
        .split('?')
        .next()
        .and_then(|b| b.rsplit_once('/'))
        .map(|(b, _)| b)
        .context("a server URL ends with /database")?;
    Ok(format!("{base}/{name}"))
}

struct Targets {
    /// The database's size on disk.
    bytes: u64,
    questions: i64,
    heaviest_action_path: String,
    heaviest_action_links: i64,
    action_paths: Vec<String>,
    heaviest_question_path: String,
    heaviest_question_links: i64,
}

/// Reads from the database which pages to load: the action and the question with the most
/// (non-rejected) links, and every action id.
fn pick_targets(db: &str) -> anyhow::Result<Targets> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let url = if is_postgres(db) {
            db.to_string()
        } else {
            format!("sqlite://{db}?mode=ro")
        };
        let conn = sea_orm::Database::connect(url.as_str())
            .await
            .with_context(|| format!("cannot open {db}"))?;
        let bytes = if is_postgres(db) {
            conn.query_one_raw(Statement::from_string(
                conn.get_database_backend(),
                "SELECT pg_database_size(current_database()) AS n",
            ))
            .await?
            .context("the database's size")?
            .try_get::<i64>("", "n")?
            .max(0) as u64
        } else {
            db_bytes(Path::new(db))
        };
        let pair = |sql: &'static str| {
            let conn = &conn;
            async move {
                let row = conn
                    .query_one_raw(Statement::from_string(conn.get_database_backend(), sql))
                    .await?
                    .with_context(|| format!("no row for {sql}"))?;
                anyhow::Ok((row.try_get::<i64>("", "id")?, row.try_get::<i64>("", "n")?))
            }
        };
        let (heaviest_action, heaviest_action_links) = pair(
            "SELECT CAST(action_id AS BIGINT) AS id, COUNT(*) AS n FROM link WHERE state <> 'rejected' \
             GROUP BY action_id ORDER BY n DESC, action_id LIMIT 1",
        )
        .await?;
        let (heaviest_question, heaviest_question_links) = pair(
            "SELECT CAST(question_id AS BIGINT) AS id, COUNT(*) AS n FROM link WHERE state <> 'rejected' \
             GROUP BY question_id ORDER BY n DESC, question_id LIMIT 1",
        )
        .await?;
        let (_, questions) = pair("SELECT CAST(0 AS BIGINT) AS id, COUNT(*) AS n FROM question").await?;
        // Pages are requested at their permalinks (an id address answers with a redirect):
        // `/actions/<code>`, `/questions/<legislature>/<surname>/<number>`.
        let codes: Vec<(i64, String)> = conn
            .query_all_raw(Statement::from_string(
                conn.get_database_backend(),
                "SELECT CAST(id AS BIGINT) AS id, code FROM action ORDER BY id",
            ))
            .await?
            .iter()
            .map(|r| Ok((r.try_get::<i64>("", "id")?, r.try_get::<String>("", "code")?)))
            .collect::<Result<Vec<_>, sea_orm::DbErr>>()?;
        let action_path = |code: &str| format!("/actions/{code}");
        let heaviest_action_path = codes
            .iter()
            .find(|(id, _)| *id == heaviest_action)
            .map(|(_, c)| action_path(c))
            .context("the heaviest action has a code")?;
        let action_paths: Vec<String> = codes.iter().map(|(_, c)| action_path(c)).collect();
        let q = conn
            .query_one_raw(Statement::from_string(
                conn.get_database_backend(),
                format!(
                    "SELECT question.legislature AS legislature, CAST(question.number AS BIGINT) AS number, \
                     minister.name AS name, minister.portfolio AS portfolio FROM question \
                     JOIN minister ON minister.id = question.minister_id WHERE question.id = {heaviest_question}"
                ),
            ))
            .await?
            .context("the heaviest question")?;
        let who = vigie_core::Minister {
            name: q.try_get::<Option<String>>("", "name")?,
            portfolio: q.try_get::<String>("", "portfolio")?,
        };
        let heaviest_question_path = match &who.name {
            Some(_) => format!(
                "/questions/{}/{}/{}",
                q.try_get::<String>("", "legislature")?.replace('/', "-"),
                vigie_core::text::slug(&who.surname()),
                q.try_get::<i64>("", "number")?
            ),
            None => format!("/questions/{heaviest_question}"),
        };
        conn.close().await?;
        Ok(Targets {
            bytes,
            questions,
            heaviest_action_path,
            heaviest_action_links,
            action_paths,
            heaviest_question_path,
            heaviest_question_links,
        })
    })
}

/// A wrk script that sends each connection's requests to the actions in turn.
fn rotation_script(paths: &[String]) -> String {
    let list: Vec<String> = paths.iter().map(|p| format!("{p:?}")).collect();
    format!(
        "local paths = {{{}}}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  \
         return wrk.format(\"GET\", paths[i])\nend\n",
        list.join(", ")
    )
}

#[derive(Clone)]
struct Page {
    name: String,
    path: String,
    script: Option<PathBuf>,
}

impl Page {
    fn url(name: &str, path: &str) -> Page {
        Page {
            name: name.into(),
            path: path.into(),
            script: None,
        }
    }
}

#[derive(Clone, Debug)]
struct WrkResult {
    rps: f64,
    p50: f64,
    p90: f64,
    p99: f64,
    /// Requests answered with an error status or not answered (socket errors, timeouts).
    failed: u64,
}

/// wrk on every replica at once, the connections split between them; the figures combined
/// (requests/s summed, p50 and p90 averaged, the worse p99).
fn wrk_all(cli: &Cli, addrs: &[SocketAddr], page: &Page, secs: u64) -> anyhow::Result<WrkResult> {
    let n = addrs.len();
    let (threads, connections) = ((cli.threads / n).max(1), (cli.connections / n).max(1));
    let results = std::thread::scope(|s| {
        let runs: Vec<_> = addrs
            .iter()
            .map(|addr| s.spawn(move || wrk(threads, connections, *addr, page, secs)))
            .collect();
        runs.into_iter()
            .map(|r| r.join().expect("a wrk thread"))
            .collect::<anyhow::Result<Vec<_>>>()
    })?;
    let mean = |f: fn(&WrkResult) -> f64| results.iter().map(f).sum::<f64>() / n as f64;
    Ok(WrkResult {
        rps: results.iter().map(|r| r.rps).sum(),
        p50: mean(|r| r.p50),
        p90: mean(|r| r.p90),
        p99: results.iter().map(|r| r.p99).fold(0.0, f64::max),
        failed: results.iter().map(|r| r.failed).sum(),
    })
}

fn wrk(
    threads: usize,
    connections: usize,
    addr: SocketAddr,
    page: &Page,
    secs: u64,
) -> anyhow::Result<WrkResult> {
    let mut cmd = Command::new("wrk");
    cmd.arg(format!("-t{threads}"))
        .arg(format!("-c{connections}"))
        .arg(format!("-d{secs}s"))
        .arg("--latency")
        // A browser's headers: the pages are compressed as they would be for a visitor.
        .args(["-H", "Accept-Encoding: gzip"]);
    if let Some(s) = &page.script {
        cmd.arg("-s").arg(s);
    }
    cmd.arg(format!("http://{addr}{}", page.path));
    let out = cmd.output().context("cannot run wrk")?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        bail!(
            "wrk failed on {}: {}{}",
            page.path,
            text,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    parse_wrk(&text).with_context(|| format!("reading wrk's output for {}:\n{text}", page.name))
}

/// Reads `Requests/sec:`, the 50/90/99% lines of `--latency`, and the failed requests
/// (`Non-2xx or 3xx responses: N`, `Socket errors: connect N, read N, write N, timeout N`).
fn parse_wrk(text: &str) -> anyhow::Result<WrkResult> {
    let mut failed = 0u64;
    for bad in ["Non-2xx or 3xx responses:", "Socket errors:"] {
        if let Some(l) = text.lines().find_map(|l| l.trim_start().strip_prefix(bad)) {
            failed += l
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse::<u64>().ok())
                .sum::<u64>();
        }
    }
    let rps = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Requests/sec:"))
        .context("no Requests/sec line")?
        .trim()
        .parse::<f64>()?;
    let pct = |p: &str| -> anyhow::Result<f64> {
        let v = text
            .lines()
            .map(str::trim)
            .find_map(|l| l.strip_prefix(p).filter(|r| r.starts_with(' ')))
            .with_context(|| format!("no {p} latency line"))?;
        duration_ms(v.trim())
    };
    Ok(WrkResult {
        rps,
        p50: pct("50%")?,
        p90: pct("90%")?,
        p99: pct("99%")?,
        failed,
    })
}

/// wrk's durations: `812.00us`, `3.41ms`, `1.02s`, `2.00m`.
fn duration_ms(v: &str) -> anyhow::Result<f64> {
    let split = v
        .find(|c: char| c.is_ascii_alphabetic())
        .with_context(|| format!("no unit in {v:?}"))?;
    let (n, unit) = v.split_at(split);
    let n: f64 = n.parse().with_context(|| format!("not a number: {v:?}"))?;
    Ok(match unit {
        "us" => n / 1000.0,
        "ms" => n,
        "s" => n * 1000.0,
        "m" => n * 60_000.0,
        _ => bail!("unknown unit in {v:?}"),
    })
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// The server process, stopped (SIGTERM, then kill) when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let pid = self.0.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        for _ in 0..50 {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> anyhow::Result<u16> {
    let l = TcpListener::bind("127.0.0.1:0").context("cannot bind a loopback port")?;
    Ok(l.local_addr()?.port())
}

fn wait_until_up(addr: SocketAddr, limit: Duration) -> anyhow::Result<()> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if http_get(addr, "/statuses").is_ok_and(|(s, _)| s == 200) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    bail!("vigie serve did not answer on {addr} within {limit:?}")
}

/// One plain HTTP/1.1 GET; returns the status and the size of the (uncompressed) response.
/// The status and the body's size of `GET path` as a browser gets it (gzip accepted).
fn http_get(addr: SocketAddr, path: &str) -> anyhow::Result<(u16, usize)> {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(2))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n"
    )?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)?;
    let head = String::from_utf8_lossy(&buf[..buf.len().min(64)]).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .with_context(|| format!("not an HTTP response: {head:?}"))?;
    let body = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(buf.len(), |i| buf.len() - i - 4);
    Ok((status, body))
}

fn which(prog: &str) -> anyhow::Result<PathBuf> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join(prog))
        .find(|p| p.is_file())
        .with_context(|| format!("{prog} not found in PATH"))
}

/// The database file and its WAL.
fn db_bytes(db: &Path) -> u64 {
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    [db.to_path_buf(), wal]
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

/// `CPU model, nproc N, total RAM`.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .map(|r| r.trim_start_matches([' ', '\t', ':']).trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let nproc = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mem_gb = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        })
        .map_or("?".into(), |kb| format!("{:.0}", kb / 1024.0 / 1024.0));
    format!("machine: {model}, nproc {nproc}, {mem_gb} GB RAM")
}

/// The 1, 5 and 15 minute load averages (`/proc/loadavg`).
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    const WRK: &str = "Running 15s test @ http://127.0.0.1:8080/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     9.12ms    2.31ms  41.20ms   80.12%
    Req/Sec     1.76k   120.33     2.01k    70.00%
  Latency Distribution
     50%    8.80ms
     75%   10.10ms
     90%   11.95ms
     99%  812.00us
  52634 requests in 15.01s, 301.22MB read
Requests/sec:   3506.40
Transfer/sec:     20.07MB
";

    #[test]
    fn wrk_output_is_read() {
        let r = parse_wrk(WRK).unwrap();
        assert_eq!(r.rps, 3506.40);
        assert_eq!(r.p50, 8.8);
        assert_eq!(r.p90, 11.95);
        assert!((r.p99 - 0.812).abs() < 1e-9);
    }

    #[test]
    fn failed_requests_are_counted() {
        assert_eq!(parse_wrk(WRK).unwrap().failed, 0);
        let bad = WRK.replace(
            "Requests/sec",
            "  Non-2xx or 3xx responses: 12\n  Socket errors: connect 0, read 1, write 0, timeout 7\nRequests/sec",
        );
        assert_eq!(parse_wrk(&bad).unwrap().failed, 20);
    }

    #[test]
    fn durations_in_every_unit() {
        assert_eq!(duration_ms("1.50s").unwrap(), 1500.0);
        assert_eq!(duration_ms("250.00us").unwrap(), 0.25);
        assert!(duration_ms("3 parsecs").is_err());
    }

    #[test]
    fn medians() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0]), 2.5);
    }
}
