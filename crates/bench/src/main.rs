//! `vigie-bench`: Vigie's benchmarks, run in release mode (`cargo run --release -p vigie-bench -- …`).
//!
//! - `import`: generate N written questions to a temporary folder, then read them one file at a
//!   time and import them into a fresh SQLite file the way `vigie import` does: batches of 200
//!   files in one transaction (`Store::begin_import_batch`, one savepoint per file), or one
//!   transaction per file (`Store::import_document`) with `--batch-files 1`. The matcher is not run
//!   (as `vigie import --no-match`). `--formats txt,html,html-whole` measures the same questions as
//!   text files, as the Parliament's page fragments and as whole saved pages, the formats taking
//!   turns within each run so that a noisy machine weighs on all of them alike.
//! - `match`: read N generated questions and a generated plan of A actions (not timed), then time
//!   `PlanIndex::new` and `PlanIndex::match_all`. `--side-by-side` also times matcher 1.6.0's
//!   per-question cut (no second subjects) on the same questions in the same runs.
//!
//! Each prints the machine, every run, the median over runs and the peak resident memory (VmHWM).

mod machine;

/// The allocator `vigie` runs with, so the import and matching figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use vigie_core::{Document, Question, read_document};
use vigie_matcher::{PlanIndex, default_aliases};
use vigie_store::{ImportBatch, ImportStatus, Store};

/// `vigie import` commits a batch after this many files or this many bytes, whichever comes first
/// (`crates/cli/src/cmd/import.rs`); the benchmark writes the same way.
const BATCH_FILES: usize = 200;
const BATCH_BYTES: usize = 16 * 1024 * 1024;
/// Files read ahead of the writes, as `vigie import` does.
const READ_AHEAD: usize = 16;

#[derive(Parser)]
#[command(
    name = "vigie-bench",
    about = "Vigie's benchmarks (run with --release)"
)]
struct Cli {
    /// Seed of the document generator.
    #[arg(long, default_value_t = 1, global = true)]
    seed: u64,
    /// Timed runs; the median is reported.
    #[arg(long, default_value_t = 3, global = true)]
    runs: usize,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Import generated question files into a fresh SQLite file, read one at a time, written in
    /// batches as `vigie import` writes them.
    Import {
        /// How many question files to generate and import.
        #[arg(long, default_value_t = 10_000)]
        files: usize,
        /// Files per transaction (one savepoint per file), as `vigie import` commits: every 200
        /// files or 16 MiB. 1 = `Store::import_document`, one transaction per file.
        #[arg(long, default_value_t = BATCH_FILES)]
        batch_files: usize,
        /// Where to put the generated files and the databases (a temporary folder inside it,
        /// removed at the end). Defaults to the system's temporary folder.
        #[arg(long)]
        work_dir: Option<PathBuf>,
        /// Formats to import, comma-separated: txt (the seeds' text layout), html (the Parliament's
        /// page as the corpus keeps it), html-whole (the whole page as a browser saves it).
        #[arg(long, value_delimiter = ',', default_value = "txt")]
        formats: Vec<FormatArg>,
    },
    /// Match generated questions against a generated plan.
    Match {
        /// Numbers of questions to match, comma-separated (`5000,10000` shows how the cost grows).
        #[arg(long, value_delimiter = ',', default_value = "10000")]
        questions: Vec<usize>,
        /// Actions in the generated plan.
        #[arg(long, default_value_t = 1000)]
        actions: usize,
        /// Also time matcher 1.6.0's per-question cut (no second subjects), alternating with the
        /// shipped rule within each run: the baseline of the 1.7.0 change, side by side.
        #[arg(long)]
        side_by_side: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    Txt,
    Html,
    HtmlWhole,
}

impl FormatArg {
    fn synth(self) -> vigie_synth::Format {
        match self {
            FormatArg::Txt => vigie_synth::Format::Text,
            FormatArg::Html => vigie_synth::Format::HtmlFragment,
            FormatArg::HtmlWhole => vigie_synth::Format::HtmlWhole,
        }
    }

    fn name(self) -> &'static str {
        match self {
            FormatArg::Txt => "txt",
            FormatArg::Html => "html",
            FormatArg::HtmlWhole => "html-whole",
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cfg!(debug_assertions) {
        eprintln!("warning: this is a debug build; figures are only meaningful with --release");
    }
    println!(
        "{}; load average {}",
        machine::describe(),
        machine::load_average()
    );
    let result = match cli.cmd {
        Cmd::Import {
            files,
            batch_files,
            work_dir,
            mut formats,
        } => {
            formats.dedup();
            let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
            runtime.block_on(import(
                cli.seed,
                cli.runs,
                files,
                batch_files.max(1),
                work_dir,
                &formats,
            ))
        }
        Cmd::Match {
            questions,
            actions,
            side_by_side,
        } => matching(cli.seed, cli.runs, &questions, actions, side_by_side),
    };
    println!("load average at the end: {}", machine::load_average());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// CPU seconds used since `start` (NaN when /proc is unavailable).
fn cpu_since(start: Option<Duration>) -> f64 {
    match (start, machine::cpu_time()) {
        (Some(a), Some(b)) => secs(b.saturating_sub(a)),
        _ => f64::NAN,
    }
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

/// Bytes of the SQLite database and its WAL.
fn db_bytes(db: &Path) -> u64 {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|suffix| std::fs::metadata(format!("{}{suffix}", db.display())).ok())
        .map(|m| m.len())
        .sum()
}

/// One format's files and the figures of its runs.
struct Series {
    format: FormatArg,
    paths: Vec<PathBuf>,
    /// Time spent reading the files, and in `read_document`, outside the store (one pass).
    read_io: Duration,
    parse: Duration,
    read_cpu: f64,
    rates: Vec<f64>,
    times: Vec<f64>,
    cpus: Vec<f64>,
    peaks: Vec<u64>,
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

async fn import(
    seed: u64,
    runs: usize,
    files: usize,
    batch_files: usize,
    work_dir: Option<PathBuf>,
    formats: &[FormatArg],
) -> anyhow::Result<()> {
    let parent = work_dir.unwrap_or_else(std::env::temp_dir);
    std::fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let work = tempfile::Builder::new()
        .prefix("vigie-bench-")
        .tempdir_in(&parent)?;
    println!(
        "import: {} per transaction",
        if batch_files == 1 {
            "1 file".to_string()
        } else {
            format!("up to {batch_files} files or 16 MiB")
        }
    );
    let several = formats.len() > 1;
    let mut series = Vec::new();
    for &format in formats {
        let dir = work.path().join(match format {
            FormatArg::Txt => "questions".to_string(),
            other => format!("questions-{}", other.name()),
        });
        let t = Instant::now();
        let paths = vigie_synth::write_questions_as(&dir, seed, files, format.synth())
            .with_context(|| format!("writing {}", dir.display()))?;
        let total_bytes: u64 = paths
            .iter()
            .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
            .sum();
        println!(
            "import: generated {files} {} files ({:.1} MB, seed {seed}) in {:.2} s into {}",
            match format {
                FormatArg::Txt => "question",
                FormatArg::Html => "HTML page (fragment)",
                FormatArg::HtmlWhole => "HTML whole-page",
            },
            total_bytes as f64 / 1e6,
            secs(t.elapsed()),
            dir.display()
        );

        // Phase costs outside the store: reading the files, and the document reader alone. What
        // the import costs beyond their sum is the store's (hashing, lookups, inserts, commits).
        let t = Instant::now();
        let read_cpu0 = machine::cpu_time();
        let mut read_io = Duration::ZERO;
        let mut refused = 0usize;
        for p in &paths {
            let t_io = Instant::now();
            let bytes = std::fs::read(p)?;
            read_io += t_io.elapsed();
            if read_document(&file_name(p), &bytes).is_err() {
                refused += 1;
            }
        }
        let read_total = t.elapsed();
        let read_cpu = cpu_since(read_cpu0);
        let parse = read_total.saturating_sub(read_io);
        println!(
            "{}phases outside the store: file reads {:.2} s, read_document {:.2} s ({:.0} files/s); CPU of both {read_cpu:.2} s; \
             {refused} refused",
            if several {
                format!("{}: ", format.name())
            } else {
                String::new()
            },
            secs(read_io),
            secs(parse),
            files as f64 / secs(parse)
        );
        series.push(Series {
            format,
            paths,
            read_io,
            parse,
            read_cpu,
            rates: Vec::new(),
            times: Vec::new(),
            cpus: Vec::new(),
            peaks: Vec::new(),
        });
    }

    // Each run imports every format in turn, so that the machine's mood weighs on all alike.
    for run in 1..=runs {
        for s in &mut series {
            let db = work.path().join(format!("run{run}-{}.db", s.format.name()));
            let label = if several {
                format!("run {run} {}", s.format.name())
            } else {
                format!("run {run}")
            };
            import_run(&label, &db, batch_files, s).await?;
        }
    }

    for s in &series {
        let prefix = if several {
            format!("{} ", s.format.name())
        } else {
            String::new()
        };
        let med_time = median(&s.times);
        let med_cpu = median(&s.cpus);
        let (read_io, parse, read_cpu) = (s.read_io, s.parse, s.read_cpu);
        let store_share = med_time - secs(read_io) - secs(parse);
        println!(
            "{prefix}import median over {runs} runs: {:.0} files/s ({med_time:.2} s for {files} files, CPU {:.2} s); \
             peak RSS max {:.1} MB",
            median(&s.rates),
            median(&s.cpus),
            s.peaks.iter().copied().max().map(mb).unwrap_or(f64::NAN)
        );
        println!(
            "{prefix}where the time goes (median run): file reads {:.2} s ({:.0} %), read_document {:.2} s ({:.0} %), \
             store (hash, queries, inserts, commits) {:.2} s ({:.0} %)",
            secs(read_io),
            100.0 * secs(read_io) / med_time,
            secs(parse),
            100.0 * secs(parse) / med_time,
            store_share,
            100.0 * store_share / med_time
        );
        println!(
            "{prefix}in CPU time (median run): reading the files and the documents {read_cpu:.2} s ({:.0} %), \
             the store {:.2} s ({:.0} %)",
            100.0 * read_cpu / med_cpu,
            med_cpu - read_cpu,
            100.0 * (med_cpu - read_cpu) / med_cpu
        );
    }
    if several {
        println!("side by side (medians over {runs} runs, {files} files each):");
        println!(
            "  {:<11} {:>8} {:>8} {:>9} {:>15} {:>12}",
            "format", "files/s", "wall s", "CPU s", "read_document/s", "peak RSS MB"
        );
        for s in &series {
            println!(
                "  {:<11} {:>8.0} {:>8.2} {:>9.2} {:>15.0} {:>12.1}",
                s.format.name(),
                median(&s.rates),
                median(&s.times),
                median(&s.cpus),
                files as f64 / secs(s.parse),
                s.peaks.iter().copied().max().map(mb).unwrap_or(f64::NAN)
            );
        }
    }
    println!("target: >= 1000 files/s and < 200 MB peak memory");
    Ok(())
}

/// One timed import of `s`'s files into a fresh database `db`, recorded into `s`.
async fn import_run(
    label: &str,
    db: &Path,
    batch_files: usize,
    s: &mut Series,
) -> anyhow::Result<()> {
    let paths = &s.paths;
    let files = paths.len();
    let reset = machine::reset_peak_rss();
    let t_open = Instant::now();
    let store = Store::open(&db.display().to_string())
        .await
        .with_context(|| format!("opening {}", db.display()))?;
    let open = t_open.elapsed();
    let t = Instant::now();
    let cpu0 = machine::cpu_time();
    let (mut imported, mut other) = (0usize, 0usize);
    let mut errors = Vec::new();
    let mut batch: Option<ImportBatch> = None;
    let (mut in_batch, mut bytes_in_batch) = (0usize, 0usize);
    // As `vigie import` does: files read on another thread, a few ahead of the writes.
    let mut reading = vigie_store::read_ahead(
        paths.clone().into_iter().map(|p| {
            let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()));
            (file_name(&p), bytes)
        }),
        READ_AHEAD,
    );
    while let Some(vigie_store::ReadFile { name, file }) = reading.next().await {
        let (bytes, read) = file.map_err(anyhow::Error::msg)?;
        let result = if batch_files == 1 {
            store.import_document(&name, &bytes).await
        } else {
            let open = match &mut batch {
                Some(open) => open,
                None => batch.insert(store.begin_import_batch().await?),
            };
            open.import_read(&name, &bytes, read).await
        };
        match result {
            Ok(o) if o.status == ImportStatus::Imported => imported += 1,
            Ok(_) => other += 1,
            Err(e) => errors.push(e.to_string()),
        }
        in_batch += 1;
        bytes_in_batch += bytes.len();
        if in_batch >= batch_files || bytes_in_batch >= BATCH_BYTES {
            if let Some(open) = batch.take() {
                open.commit().await.context("committing a batch")?;
            }
            (in_batch, bytes_in_batch) = (0, 0);
        }
    }
    if let Some(open) = batch.take() {
        open.commit().await.context("committing the last batch")?;
    }
    let elapsed = t.elapsed();
    let cpu = cpu_since(cpu0);
    let peak = machine::peak_rss_kb();
    drop(store);
    let rate = files as f64 / secs(elapsed);
    println!(
        "{label}: {imported} imported, {other} updated/unchanged, {} rejected in {:.2} s = {rate:.0} files/s \
         (CPU {:.2} s; open + migrate {:.3} s); peak RSS {:.1} MB{}; database {:.1} MB",
        errors.len(),
        secs(elapsed),
        cpu,
        secs(open),
        peak.map(mb).unwrap_or(f64::NAN),
        if reset {
            ""
        } else {
            " (process peak: could not reset between runs)"
        },
        db_bytes(db) as f64 / 1e6,
    );
    for e in errors.iter().take(5) {
        println!("  rejected: {e}");
    }
    if imported != files {
        bail!("{label}: only {imported} of {files} files were imported");
    }
    s.rates.push(rate);
    s.times.push(secs(elapsed));
    s.cpus.push(cpu);
    s.peaks.extend(peak);
    Ok(())
}

/// Runs each size in its own process, so that memory one size leaves to the allocator does not
/// count in the next size's peak; then compares the cost per question across sizes.
fn matching(
    seed: u64,
    runs: usize,
    sizes: &[usize],
    actions: usize,
    side_by_side: bool,
) -> anyhow::Result<()> {
    let mut sorted = sizes.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    if let [n] = sorted[..] {
        match_size(seed, runs, n, actions, side_by_side)?;
    } else {
        let exe = std::env::current_exe().context("finding this program to run each size")?;
        let mut per_question = Vec::new();
        for &n in &sorted {
            let out = std::process::Command::new(&exe)
                .args([
                    "--seed",
                    &seed.to_string(),
                    "--runs",
                    &runs.to_string(),
                    "match",
                ])
                .args([
                    "--questions",
                    &n.to_string(),
                    "--actions",
                    &actions.to_string(),
                ])
                .args(side_by_side.then_some("--side-by-side"))
                .stderr(std::process::Stdio::inherit())
                .output()
                .with_context(|| format!("running {}", exe.display()))?;
            let stdout = String::from_utf8_lossy(&out.stdout);
            // The child repeats the machine line; keep only its figures.
            for line in stdout.lines().filter(|l| {
                !["machine:", "load average", "target:"]
                    .iter()
                    .any(|p| l.starts_with(p))
            }) {
                println!("{line}");
            }
            if !out.status.success() {
                bail!("matching {n} questions failed");
            }
            let summary = stdout
                .lines()
                .find_map(|l| l.strip_prefix(SUMMARY))
                .with_context(|| format!("no summary line in the output for {n} questions"))?;
            let fields: Vec<f64> = summary
                .split_whitespace()
                .filter_map(|f| f.parse().ok())
                .collect();
            if let [wall, cpu, ..] = fields[..] {
                per_question.push((n, wall / n as f64, cpu / n as f64));
            }
        }
        if let [(n0, w0, c0), .., (n1, w1, c1)] = per_question[..] {
            println!(
                "cost per question: {:.3} ms at {n0}, {:.3} ms at {n1} (ratio {:.2}; 1.00 = linear); \
                 in CPU time {:.3} ms and {:.3} ms (ratio {:.2})",
                w0 * 1e3,
                w1 * 1e3,
                w1 / w0,
                c0 * 1e3,
                c1 * 1e3,
                c1 / c0
            );
        }
    }
    println!(
        "target: < 10 s for 10000 questions x 1000 actions, cost linear in the number of questions"
    );
    Ok(())
}

/// Prefix of the machine-readable line `match_size` ends with: median match_all wall seconds,
/// median CPU seconds, peak RSS in MB.
const SUMMARY: &str = "summary (match_all wall s, CPU s, peak MB): ";

fn match_size(
    seed: u64,
    runs: usize,
    n: usize,
    actions: usize,
    side_by_side: bool,
) -> anyhow::Result<()> {
    let t = Instant::now();
    let plan_text = vigie_synth::plan_file(seed, actions);
    let plan = match read_document("synthetic-plan.txt", plan_text.as_bytes())? {
        Document::Plan(p) => p,
        Document::Question(_) => bail!("the generated plan was read as a question"),
    };
    let n_actions: usize = plan.axes.iter().map(|a| a.actions.len()).sum();
    println!(
        "match: plan of {n_actions} actions in {} axes ({:.0} KB), generated and read in {:.2} s",
        plan.axes.len(),
        plan_text.len() as f64 / 1e3,
        secs(t.elapsed())
    );
    let aliases = default_aliases();
    let t = Instant::now();
    let questions: Vec<Question> = (0..n)
        .map(|i| {
            match read_document(
                &vigie_synth::question_file_name(i),
                vigie_synth::question_file(seed, i).as_bytes(),
            ) {
                Ok(Document::Question(q)) => Ok(q),
                Ok(Document::Plan(_)) => bail!("generated question {i} was read as a plan"),
                Err(e) => Err(e.into()),
            }
        })
        .collect::<anyhow::Result<_>>()?;
    let passages: usize = questions.iter().map(|q| q.passages.len()).sum();
    println!(
        "{n} questions ({passages} passages) generated and read in {:.2} s (not timed); RSS with them loaded {:.1} MB",
        secs(t.elapsed()),
        machine::rss_kb().map(mb).unwrap_or(f64::NAN)
    );
    let mut index_times = Vec::new();
    let mut match_times = Vec::new();
    let mut match_cpus = Vec::new();
    let mut base_times = Vec::new();
    let mut base_cpus = Vec::new();
    // 1.6.0's per-question cut on the same questions, for `--side-by-side`.
    let mut baseline = |run: usize| {
        let index = PlanIndex::new(&plan, &aliases, &[]).with_second_subjects(false);
        let t = Instant::now();
        let cpu0 = machine::cpu_time();
        let links = index.match_all(&questions);
        base_times.push(secs(t.elapsed()));
        base_cpus.push(cpu_since(cpu0));
        let n_links: usize = links.iter().map(Vec::len).sum();
        println!(
            "  run {run}, 1.6.0's cut (no second subjects): match_all {:.2} s (CPU {:.2} s); {n_links} links",
            base_times.last().copied().unwrap_or_default(),
            base_cpus.last().copied().unwrap_or_default()
        );
    };
    for run in 1..=runs {
        // The baseline first in odd runs, second in even ones: a noisy machine weighs on both.
        if side_by_side && run % 2 == 1 {
            baseline(run);
        }
        let t = Instant::now();
        let index = PlanIndex::new(&plan, &aliases, &[]);
        let index_time = t.elapsed();
        let t = Instant::now();
        let cpu0 = machine::cpu_time();
        let links = index.match_all(&questions);
        let match_time = t.elapsed();
        let cpu = cpu_since(cpu0);
        let n_links: usize = links.iter().map(Vec::len).sum();
        let linked = links.iter().filter(|l| !l.is_empty()).count();
        let passage_links: usize = links.iter().flatten().map(|l| l.passages.len()).sum();
        println!(
            "  run {run}: index {:.3} s, match_all {:.2} s (CPU {cpu:.2} s, {:.0} questions/s); {n_links} links \
             ({passage_links} passage links) on {linked} of {n} questions",
            secs(index_time),
            secs(match_time),
            n as f64 / secs(match_time),
        );
        index_times.push(secs(index_time));
        match_times.push(secs(match_time));
        match_cpus.push(cpu);
        if side_by_side && run % 2 == 0 {
            baseline(run);
        }
    }
    if side_by_side {
        println!(
            "  side by side, median over {runs} runs: 1.6.0's cut {:.2} s (CPU {:.2} s), shipped {:.2} s (CPU {:.2} s): {:+.1} % wall",
            median(&base_times),
            median(&base_cpus),
            median(&match_times),
            median(&match_cpus),
            (median(&match_times) / median(&base_times) - 1.0) * 100.0
        );
    }
    let peak = machine::peak_rss_kb().map(mb).unwrap_or(f64::NAN);
    let med = median(&match_times);
    let med_cpu = median(&match_cpus);
    println!(
        "  median over {runs} runs: index {:.3} s + match_all {med:.2} s (CPU {med_cpu:.2} s) = {:.2} s for {n} questions \
         x {n_actions} actions; peak RSS {peak:.1} MB",
        median(&index_times),
        median(&index_times) + med,
    );
    println!("{SUMMARY}{med:.3} {med_cpu:.3} {peak:.1}");
    Ok(())
}
