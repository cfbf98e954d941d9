//! `login_burst`: the server's memory during a burst of failed logins (issue: 100 simultaneous
//! failed logins grew `vigie serve` from 15 MB to 1.5–2.5 GB, and it stayed there).
//!
//! ```sh
//! cargo run --release -p vigie-bench --bin login_burst
//! ```
//!
//! 1. builds the release `vigie` binary, imports the seeds into a fresh SQLite file;
//! 2. starts `vigie serve` on a free loopback port (a separate process);
//! 3. reads its resident memory at rest (VmRSS, after a few pages);
//! 4. opens `--logins` connections at once, each from its own loopback address (127.0.1.x) and
//!    for its own unknown name, so that throttling lets every attempt reach the password check
//!    (the worst case for memory), and posts a wrong password through the real login form;
//! 5. samples the server's VmRSS every 5 ms during the burst, then 3 s after it, and prints the
//!    idle, peak and after figures, the peak above idle, the answers by status and the burst's
//!    wall time. Repeated `--runs` times on the same server; medians are printed.
//!
//! The target (issue 8): peak < 300 MB above idle.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::Parser;

#[path = "../machine.rs"]
#[allow(dead_code)] // the other benchmarks use the rest
mod machine;

#[derive(Parser)]
#[command(
    name = "login_burst",
    about = "vigie serve's memory during a burst of failed logins"
)]
struct Cli {
    /// Simultaneous failed logins.
    #[arg(long, default_value_t = 100)]
    logins: usize,
    /// Bursts (on one server); medians are printed.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Use this vigie binary instead of building the release one.
    #[arg(long)]
    vigie: Option<PathBuf>,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("login_burst: {e:#}");
            ExitCode::FAILURE
        }
    }
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let vigie = match cli.vigie.clone() {
        Some(v) => v,
        None => {
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let ok = Command::new(cargo)
                .current_dir(&root)
                .args(["build", "--release", "-p", "vigie-cli"])
                .status()?
                .success();
            if !ok {
                bail!("cargo build --release -p vigie-cli failed");
            }
            root.join("target/release/vigie")
        }
    };
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("vigie.db");
    let ok = Command::new(&vigie)
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(root.join("seeds"))
        .stdout(Stdio::null())
        .status()?
        .success();
    if !ok {
        bail!("vigie import seeds/ failed");
    }
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let server = Server(
        Command::new(&vigie)
            .arg("--db")
            .arg(&db)
            .args(["serve", "--addr", &addr.to_string()])
            .env("VIGIE_LOG", "error")
            .stdout(Stdio::null())
            .spawn()
            .context("cannot start vigie serve")?,
    );
    let pid = server.0.id();
    let start = Instant::now();
    while http(addr, None, "GET /statuses HTTP/1.1", &[], "").is_err() {
        if start.elapsed() > Duration::from_secs(30) {
            bail!("vigie serve did not start");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    for p in ["/", "/actions", "/login", "/search?q=emploi"] {
        http(addr, None, &format!("GET {p} HTTP/1.1"), &[], "")?;
    }
    println!("machine: {}", machine::describe());
    println!(
        "{} simultaneous failed logins, each from its own address, {} runs",
        cli.logins, cli.runs
    );
    let mut rows: Vec<Row> = Vec::new();
    let at_start = rss_kb(pid)?;
    for r in 0..cli.runs {
        std::thread::sleep(Duration::from_secs(1));
        let idle = rss_kb(pid)?;
        let peak = Arc::new(Mutex::new(idle));
        let done = Arc::new(AtomicBool::new(false));
        let sampler = {
            let (peak, done) = (peak.clone(), done.clone());
            std::thread::spawn(move || {
                while !done.load(Ordering::Relaxed) {
                    if let Ok(kb) = rss_kb(pid) {
                        let mut p = peak.lock().unwrap();
                        *p = (*p).max(kb);
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
            })
        };
        let began = Instant::now();
        let workers: Vec<_> = (0..cli.logins)
            .map(|i| {
                // 127.0.1.x, 127.0.2.x, … : one address per login, a new range each run.
                let src =
                    std::net::Ipv4Addr::new(127, 1 + r as u8, (i / 250) as u8, (i % 250 + 2) as u8);
                std::thread::spawn(move || failed_login(addr, src, &format!("nobody{r}x{i}")))
            })
            .collect();
        let mut by_status = std::collections::BTreeMap::new();
        for w in workers {
            let status = w
                .join()
                .map_err(|_| anyhow::anyhow!("a login thread panicked"))??;
            *by_status.entry(status).or_insert(0usize) += 1;
        }
        let wall = began.elapsed();
        std::thread::sleep(Duration::from_secs(3));
        done.store(true, Ordering::Relaxed);
        sampler.join().ok();
        let peak = *peak.lock().unwrap();
        let after = rss_kb(pid)?;
        println!(
            "run {}: idle {:.1} MB, peak {:.1} MB (+{:.1} MB), 3 s after {:.1} MB; burst {:.2} s; answers {:?}",
            r + 1,
            mb(idle),
            mb(peak),
            mb(peak.saturating_sub(idle)),
            mb(after),
            wall.as_secs_f64(),
            by_status
        );
        rows.push((idle, peak, after, wall.as_secs_f64()));
    }
    let med = |f: &dyn Fn(&Row) -> f64| {
        let mut v: Vec<f64> = rows.iter().map(f).collect();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let highest = rows.iter().map(|r| r.1).max().unwrap_or(at_start);
    println!(
        "server at rest before any burst {:.1} MB; highest peak {:.1} MB: {:.1} MB above it (target < 300)",
        mb(at_start),
        mb(highest),
        mb(highest.saturating_sub(at_start))
    );
    println!(
        "median: idle {:.1} MB, peak {:.1} MB, peak above idle {:.1} MB, after {:.1} MB, burst {:.2} s",
        med(&|r| mb(r.0)),
        med(&|r| mb(r.1)),
        med(&|r| mb(r.1.saturating_sub(r.0))),
        med(&|r| mb(r.2)),
        med(&|r| r.3)
    );
    drop(server);
    Ok(())
}

/// One burst: idle, peak and after (kB), wall time (s).
type Row = (u64, u64, u64, f64);

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

fn rss_kb(pid: u32) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .context("no VmRSS")
}

/// GET /login (cookie + token), then POST a wrong password; returns the POST's status.
fn failed_login(addr: SocketAddr, src: std::net::Ipv4Addr, name: &str) -> anyhow::Result<u16> {
    let (status, head, body) = http(addr, Some(src), "GET /login HTTP/1.1", &[], "")?;
    if status != 200 {
        bail!("GET /login answered {status}");
    }
    let cookie = head
        .lines()
        .filter_map(|l| {
            l.strip_prefix("set-cookie: ")
                .or_else(|| l.strip_prefix("Set-Cookie: "))
        })
        .find(|c| c.starts_with("vigie_login="))
        .and_then(|c| c.split(';').next())
        .context("no login cookie")?
        .to_string();
    let marker = "name=\"login_csrf\" value=\"";
    let at = body.find(marker).context("no login token")? + marker.len();
    let token = &body[at..at + body[at..].find('"').context("token")?];
    let form = format!("name={name}&password=wrong-password-123&login_csrf={token}");
    let (status, _, _) = http(
        addr,
        Some(src),
        "POST /login HTTP/1.1",
        &[
            ("Cookie", cookie.as_str()),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        &form,
    )?;
    Ok(status)
}

/// One HTTP/1.1 exchange from `src` (any 127.x address binds on Linux): status, head, body.
fn http(
    addr: SocketAddr,
    src: Option<std::net::Ipv4Addr>,
    request_line: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> anyhow::Result<(u16, String, String)> {
    let mut s = match src {
        Some(ip) => {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            let std_stream = rt.block_on(async {
                let sock = tokio::net::TcpSocket::new_v4()?;
                sock.bind(SocketAddr::from((ip, 0)))?;
                let stream = sock.connect(addr).await?;
                stream.into_std()
            })?;
            std_stream.set_nonblocking(false)?;
            std_stream
        }
        None => TcpStream::connect_timeout(&addr, Duration::from_secs(2))?,
    };
    s.set_read_timeout(Some(Duration::from_secs(60)))?;
    let mut req = format!("{request_line}\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    s.write_all(req.as_bytes())?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .with_context(|| format!("not an HTTP response: {head:?}"))?;
    Ok((status, head.to_string(), body.to_string()))
}
