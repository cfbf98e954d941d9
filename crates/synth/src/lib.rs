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
//!
//! Each question can also be written as the Parliament's web page ([`html`]): the fragment the
//! corpus keeps, or the whole page as a browser saves it ([`Format`]).

pub mod html;
mod plan;
mod question;
pub mod rng;
mod text;
mod vocab;

use std::path::{Path, PathBuf};

pub use plan::{SynthPlan, plan, plan_file};
pub use question::{LEGISLATURE, SynthQuestion, identity, moncode, question, question_file};

/// How a question is written to disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The text layout of the seed questions (`q000042.txt`).
    Text,
    /// The Parliament's page as the corpus keeps it, logo to question section (`400042.html`).
    HtmlFragment,
    /// The whole page as a browser saves it, with the site's chrome (`400042.html`).
    HtmlWhole,
}

impl Format {
    /// The file name and content of question `i` of `seed`.
    pub fn file(self, seed: u64, i: usize) -> (String, String) {
        match self {
            Format::Text => (question_file_name(i), question_file(seed, i)),
            Format::HtmlFragment | Format::HtmlWhole => {
                let q = question(seed, i);
                let shape = if self == Format::HtmlFragment {
                    html::Shape::Fragment
                } else {
                    html::Shape::WholePage
                };
                (html::page_file_name(&q), html::render(&q, shape))
            }
        }
    }
}

/// The file name of the `i`-th question: `q000042.txt`, so that a directory listing sorts in
/// generation order.
pub fn question_file_name(i: usize) -> String {
    format!("q{i:06}.txt")
}

/// Writes questions `0..n` of `seed` into `dir` (created if missing) and returns their paths.
pub fn write_questions(dir: &Path, seed: u64, n: usize) -> std::io::Result<Vec<PathBuf>> {
    write_questions_as(dir, seed, n, Format::Text)
}

/// Writes questions `0..n` of `seed` into `dir` (created if missing) in `format`, and returns their
/// paths in generation order.
pub fn write_questions_as(
    dir: &Path,
    seed: u64,
    n: usize,
    format: Format,
) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    (0..n)
        .map(|i| {
            let (name, content) = format.file(seed, i);
            let path = dir.join(name);
            std::fs::write(&path, content)?;
            Ok(path)
        })
        .collect()
}
