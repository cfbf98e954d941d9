//! A 50 MB file is refused by its size, without being read: the process' peak memory stays that of
//! an ordinary import. Alone in its test binary, so the peak memory of child processes
//! (`getrusage(RUSAGE_CHILDREN)`) only counts the two `vigie` runs below.

use std::path::Path;

use nix::sys::resource::{UsageWho, getrusage};

mod common;
use common::vigie_on;

/// Largest resident set of any child waited for so far, in bytes (Linux reports KiB).
fn children_peak_rss() -> u64 {
    getrusage(UsageWho::RUSAGE_CHILDREN).unwrap().max_rss() as u64 * 1024
}

#[tokio::test]
async fn a_50_mb_file_is_refused_by_size_with_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("vigie.db");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let vigie = |path: &Path| vigie_on(&db).arg("import").arg(path).output().unwrap();

    // Baseline: an ordinary import (the seeds: a plan and four questions).
    let out = vigie(&seeds);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let baseline = children_peak_rss();
    let store = vigie_store::Store::open(db.to_str().unwrap())
        .await
        .unwrap();
    let before = store.dump().await.unwrap();
    drop(store);

    // 50 MB that start like a written question. Grown with `set_len` so that this test process
    // never holds them (a forked child starts with its parent's resident memory).
    let big = dir.path().join("big.txt");
    std::fs::copy(seeds.join("000_33070bc8ec8b8084.txt"), &big).unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&big)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();

    let out = vigie(&big);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "  {}: refused: 52428800 bytes, more than the 4 MiB a document may hold",
            big.display()
        )),
        "{stdout}"
    );
    let peak = children_peak_rss();
    assert!(
        peak < baseline + 20 * 1024 * 1024,
        "refusing a 50 MB file took {} MiB at peak, an ordinary import {} MiB",
        peak / (1024 * 1024),
        baseline / (1024 * 1024)
    );
    let store = vigie_store::Store::open(db.to_str().unwrap())
        .await
        .unwrap();
    assert_eq!(store.dump().await.unwrap(), before);
}
