//! Vigie's synthetic document generator, for benchmarks, load tests and demos.
//!
//! Generates written questions in the Brussels Parliament layout (seeds 000, 001, 003, 004) and
//! priority plans in the layout of seed 002, mixing the layouts and the real-world noise the readers
//! must take: no-break-space lines, runs of spaces after `Question`/`Réponse`, typographic
//! apostrophes and guillemets, `-`/`•`/`·`/`●` bullets, numbered answers (`1/`, `1.`, `QUESTION 1`)
//! or plain paragraphs, small tables, several act rows, `//` dates, CRLF, a BOM, no final newline.
//!
//! Everything is deterministic from a seed (a SplitMix64 generator written here, no crate), and
//! the `i`-th question does not depend on how many others are generated. Question identities
//! (legislature, addressee, number) are distinct for every `i`.

mod plan;
mod question;
pub mod rng;
mod text;
mod vocab;

use std::path::{Path, PathBuf};

pub use plan::{SynthPlan, plan, plan_file};
pub use question::{LEGISLATURE, SynthQuestion, identity, question, question_file};

/// The file name of the `i`-th question: `q000042.txt`, so that a directory listing sorts in
/// generation order.
pub fn question_file_name(i: usize) -> String {
    format!("q{i:06}.txt")
}

/// Writes questions `0..n` of `seed` into `dir` (created if missing) and returns their paths.
pub fn write_questions(dir: &Path, seed: u64, n: usize) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    (0..n)
        .map(|i| {
            let path = dir.join(question_file_name(i));
            std::fs::write(&path, question_file(seed, i))?;
            Ok(path)
        })
        .collect()
}
