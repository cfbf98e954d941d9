//! `vigie demo`, the README's first command, run as a user runs it: the real binary in a fresh
//! working directory, on a free port. It must import the seeds, match them and serve a dashboard
//! that shows evidence.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn demo_imports_matches_and_serves_the_seeds() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let cwd = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["demo", "--addr", "127.0.0.1:0", "--seeds"])
        .arg(&seeds)
        .current_dir(cwd.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("vigie demo starts");
    let stdout = child.stdout.take().unwrap();
    let _guard = Killed(child);

    // Read what the demo prints until it says where it serves.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut printed = String::new();
    let base = loop {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .unwrap_or_else(|_| panic!("the demo did not print its URL; it printed:\n{printed}"));
        printed.push_str(&line);
        printed.push('\n');
        if let Some(i) = line.find("http://") {
            let url = line[i..].split_whitespace().next().unwrap();
            break url.trim_end_matches('/').to_string();
        }
    };
    assert!(printed.contains("Imported 5 of 5 documents"), "{printed}");
    assert!(
        printed.contains("links:"),
        "the demo runs the matcher: {printed}"
    );
    assert!(
        cwd.path().join("vigie-demo.db").exists(),
        "the demo database is a local file"
    );

    let http = reqwest::Client::new();
    let overview = http.get(format!("{base}/")).send().await.unwrap();
    assert_eq!(overview.status(), 200);
    let html = overview.text().await.unwrap();
    assert!(
        html.contains("Assurer la transition numérique"),
        "the overview shows the plan"
    );

    // The evidence feed has entries only if the matcher linked questions to actions.
    let feed = http
        .get(format!("{base}/feeds/evidence.atom"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(feed.contains("<entry>"), "the demo serves evidence: {feed}");
}
