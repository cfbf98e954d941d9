//! The Parliament's pages as published, imported as a user would: `vigie import` on the
//! development corpus (`../shared/corpus/brussels-qe-24-29`, read in place, never copied), and one
//! question imported as HTML and as text stays one question.

use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;
use common::{repo, vigie_on};

fn corpus() -> PathBuf {
    let c = repo().join("../shared/corpus/brussels-qe-24-29");
    assert!(
        c.join("manifest.tsv").is_file(),
        "the development corpus is expected at {} (the checkout's sibling `shared/`)",
        c.display()
    );
    c
}

fn vigie(db: &Path, args: &[&str]) -> (bool, String, String) {
    let out = vigie_on(db).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn questions(db: &Path) -> Vec<Value> {
    let (ok, out, err) = vigie(db, &["export", "questions", "--format", "json"]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    v.as_array().unwrap().clone()
}

#[test]
fn the_whole_html_corpus_imports_with_its_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("vigie.db");
    let html = corpus().join("html");
    let (ok, out, err) = vigie(&db, &["import", "--no-match", html.to_str().unwrap()]);
    assert!(ok, "{out}\n{err}");
    assert!(
        out.contains("questions: 48 imported, 0 updated, 0 unchanged"),
        "{out}"
    );
    assert!(out.contains("rejected:  0 files"), "{out}");
    // The quirks SOURCES.md names, each listed with its file.
    for (page, what) in [
        ("170113.html", "1/09/2026"),
        ("170113.html", "0/07/2026"),
        ("170249.html", "no published question text"),
        ("170153.html", "malformed tags"),
    ] {
        assert!(
            out.lines().any(|l| l.contains(page) && l.contains(what)),
            "no warning about {what} for {page}:\n{out}"
        );
    }
    // Every question knows its official page, from its file name.
    let qs = questions(&db);
    assert_eq!(qs.len(), 48);
    for q in &qs {
        let moncode = q["moncode"].as_str().expect("a moncode");
        assert!(
            q["official_url"].as_str().is_some_and(|u| u
                .starts_with("https://www.parlement.brussels/")
                && u.contains(moncode)),
            "{q}"
        );
    }
    // Re-importing the same pages changes nothing.
    let (ok, out, _) = vigie(&db, &["import", "--no-match", html.to_str().unwrap()]);
    assert!(ok);
    assert!(
        out.contains("questions: 0 imported, 0 updated, 48 unchanged"),
        "{out}"
    );
}

/// HTML then text, and text then HTML: one question, updated in place, which keeps its official
/// page and has the same passages' words.
#[test]
fn one_question_whatever_its_format() {
    for order in [["html", "txt"], ["txt", "html"]] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("vigie.db");
        let mut words = Vec::new();
        for ext in order {
            let file = corpus().join(ext).join(format!("166345.{ext}"));
            let (ok, out, err) = vigie(&db, &["import", "--no-match", file.to_str().unwrap()]);
            assert!(ok, "{out}\n{err}");
            let qs = questions(&db);
            assert_eq!(qs.len(), 1, "{order:?}: one question after the {ext} file");
            let text: Vec<String> = qs[0]["passages"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|p| {
                    p["text"]
                        .as_str()
                        .unwrap()
                        .split_whitespace()
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect();
            words.push(text);
            if ext == "html" || order[0] == "html" {
                assert!(
                    qs[0]["official_url"]
                        .as_str()
                        .is_some_and(|u| u.contains("166345")),
                    "{order:?} after {ext}: the official page is kept"
                );
            }
        }
        assert_eq!(words[0], words[1], "{order:?}: same passages' words");
    }
}
