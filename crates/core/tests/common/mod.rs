//! Helpers shared by the reader tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use vigie_core::{Document, ReadError, read_document};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// The seeds (`seed_000` …) and the good fixtures (`good_q_crlf` …), with a snapshot name each.
pub fn good_files() -> Vec<(String, PathBuf)> {
    let seeds = txt_files(&repo_root().join("seeds")).into_iter().map(|p| {
        (
            format!("seed_{}", &p.file_stem().unwrap().to_string_lossy()[..3]),
            p,
        )
    });
    let good = txt_files(&fixtures().join("good")).into_iter().map(|p| {
        (
            format!("good_{}", p.file_stem().unwrap().to_string_lossy()),
            p,
        )
    });
    seeds.chain(good).collect()
}

pub fn bad_files() -> Vec<PathBuf> {
    txt_files(&fixtures().join("bad"))
}

/// Reads a file as the CLI does, naming it relative to the crate for readable messages.
pub fn read(path: &Path) -> Result<Document, ReadError> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    read_document(&display_name(path), &bytes)
}

pub fn display_name(path: &Path) -> String {
    let s = path.to_string_lossy();
    match s.find("/tests/fixtures/").or_else(|| s.find("/seeds/")) {
        Some(i) => s[i + 1..].to_string(),
        None => s.into_owned(),
    }
}

pub fn seed(prefix: &str) -> Document {
    let (_, path) = good_files()
        .into_iter()
        .find(|(n, _)| n == &format!("seed_{prefix}"))
        .expect("seed");
    read(&path).unwrap_or_else(|e| panic!("{e}"))
}
