//! Loading the real seeds and the fixture questions through the real readers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use vigie_core::{Document, Plan, Question, read_document};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> Document {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    read_document(&path.display().to_string(), &bytes).unwrap_or_else(|e| panic!("{e}"))
}

fn sorted_txt(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

pub fn plan() -> Plan {
    for p in sorted_txt(&root().join("seeds")) {
        if let Document::Plan(plan) = read(&p) {
            return plan;
        }
    }
    panic!("no plan in seeds/");
}

/// (set, file stem, question): the seed questions, then the fixtures.
pub fn questions() -> Vec<(String, String, Question)> {
    let mut out = Vec::new();
    for (set, dir) in [
        ("seeds", root().join("seeds")),
        ("fixtures", root().join("tests/data/questions")),
    ] {
        for p in sorted_txt(&dir) {
            if let Document::Question(q) = read(&p) {
                let stem = p.file_stem().unwrap().to_string_lossy().to_string();
                out.push((set.to_string(), stem, q));
            }
        }
    }
    out
}

pub fn gold_text() -> String {
    std::fs::read_to_string(root().join("tests/data/gold-seeds.tsv")).unwrap()
}

/// Questions `0..n` of `vigie-synth`'s generator seed 7, read by the real reader.
pub fn synth_questions(n: usize) -> Vec<Question> {
    (0..n).map(synth_question).collect()
}

/// Question `i` of `vigie-synth`'s generator seed 7, read by the real reader.
pub fn synth_question(i: usize) -> Question {
    let text = vigie_synth::question_file(7, i);
    match read_document(&format!("synth q{i}"), text.as_bytes()) {
        Ok(Document::Question(q)) => q,
        other => panic!("synth q{i}: not a question: {other:?}"),
    }
}

/// The development corpus of real pages (`../shared/corpus/brussels-qe-24-29`), read in place.
pub fn dev_corpus() -> PathBuf {
    let c = root().join("../shared/corpus/brussels-qe-24-29");
    assert!(
        c.join("gold-dev.tsv").is_file(),
        "the development corpus is expected at {}",
        c.display()
    );
    c
}

/// The real questions: the seeds' four, then the 48 pages of the development corpus in file order.
pub fn real_questions() -> Vec<Question> {
    let mut out: Vec<Question> = questions()
        .into_iter()
        .filter(|(set, _, _)| set == "seeds")
        .map(|(_, _, q)| q)
        .collect();
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dev_corpus().join("html"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    for p in pages {
        match read(&p) {
            Document::Question(q) => out.push(q),
            other => panic!("{}: not a question: {other:?}", p.display()),
        }
    }
    out
}
