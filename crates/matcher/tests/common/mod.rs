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
    (0..n)
        .map(|i| {
            let text = vigie_synth::question_file(7, i);
            match read_document(&format!("synth q{i}"), text.as_bytes()) {
                Ok(Document::Question(q)) => q,
                other => panic!("synth q{i}: not a question: {other:?}"),
            }
        })
        .collect()
}
