//! Experiment: the cost of parts of the real import path, by switching them off on the store's own
//! database (never do this to a real database).
//!
//! `cargo run --release -p vigie-bench --example import_variants -- <variant> [files]`, where the
//! variant names what is changed (several may be combined, e.g. `nofts-ct`):
//! - `base`: nothing, `Store::import_document` as `vigie import` uses it;
//! - `nofts`: the full-text triggers on `question` and `passage` dropped;
//! - `nomerge`: FTS5 automerge off during the import, one `optimize` at the end;
//! - `syncoff`: `PRAGMA synchronous=OFF`;
//! - `ct`: a current-thread tokio runtime instead of the multi-threaded one.
use sea_orm::ConnectionTrait;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let variant = args.next().unwrap_or_default();
    let files: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3000);
    let rt = if variant.contains("ct") {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    } else {
        tokio::runtime::Runtime::new().unwrap()
    };
    rt.block_on(async {
        let work = tempfile::tempdir().unwrap();
        let paths = vigie_synth::write_questions(&work.path().join("q"), 1, files).unwrap();
        let db = work.path().join("x.db");
        let store = vigie_store::Store::open(&db.display().to_string())
            .await
            .unwrap();
        if variant.contains("nofts") {
            for t in ["search_question_ai", "search_passage_ai"] {
                store
                    .conn()
                    .execute_unprepared(&format!("DROP TRIGGER {t}"))
                    .await
                    .unwrap();
            }
        }
        if variant.contains("nomerge") {
            store
                .conn()
                .execute_unprepared(
                    "INSERT INTO search_index(search_index, rank) VALUES('automerge', 0)",
                )
                .await
                .unwrap();
            store
                .conn()
                .execute_unprepared(
                    "INSERT INTO search_index(search_index, rank) VALUES('crisismerge', 64)",
                )
                .await
                .unwrap();
        }
        if variant.contains("syncoff") {
            store
                .conn()
                .execute_unprepared("PRAGMA synchronous=OFF")
                .await
                .unwrap();
        }
        let t = Instant::now();
        let c0 = cpu();
        for p in &paths {
            let bytes = std::fs::read(p).unwrap();
            store
                .import_document(&p.display().to_string(), &bytes)
                .await
                .unwrap();
        }
        let e = t.elapsed().as_secs_f64();
        let c = cpu() - c0;
        let t2 = Instant::now();
        if variant.contains("nomerge") {
            store
                .conn()
                .execute_unprepared("INSERT INTO search_index(search_index) VALUES('optimize')")
                .await
                .unwrap();
        }
        println!(
            "{variant}: {files} files in {e:.2} s = {:.0} files/s; CPU {c:.2} s = {:.0} files per CPU-second (+ {:.2} s after)",
            files as f64 / e,
            files as f64 / c,
            t2.elapsed().as_secs_f64()
        );
    });
}

fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    (f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()) as f64 / 100.0
}
