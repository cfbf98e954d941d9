//! What the readers take and what they refuse, from the fixtures in `tests/fixtures/`:
//! - `bad/`: every file is refused with its file, line and what was expected (table below, and a
//!   snapshot of the full messages);
//! - `encoding/`: Windows-1252 copies of seeds, which must read exactly as the UTF-8 seeds;
//! - all seeds and `good/` fixtures: no word of the input is lost, and layout noise (CRLF, BOM,
//!   final newline, trailing spaces, no-break-space lines) changes nothing.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::{bad_files, display_name, fixtures, good_files, read, repo_root};
use vigie_core::read::MAX_DOCUMENT_BYTES;
use vigie_core::{Document, PassageKind, read_document};

/// Every bad fixture: (file, line, part of what was expected, part of what was found).
const BAD: &[(&str, usize, &str, &str)] = &[
    (
        "act_row.txt",
        16,
        "an act row \"dd/mm/yyyy <label> <reference>\"",
        "\"voir annexe\"",
    ),
    (
        "act_row_glued_not_a_row.txt",
        14,
        "an act row \"dd/mm/yyyy <label> <reference>\" after the acts header",
        "\"voir annexe\"",
    ),
    (
        "addressee_without_number.txt",
        8,
        "(question n°<number>)",
        "Ministre de l'Emploi",
    ),
    (
        "binary.txt",
        2,
        "a text document (UTF-8 or Windows-1252)",
        "a binary file (byte 0x00)",
    ),
    ("blank.txt", 1, "a written question", "an empty file"),
    (
        "cut_after_a.txt",
        8,
        "\"<name>, <role and portfolio> (question n°<number>)\"",
        "the end of the file",
    ),
    (
        "cut_after_logo.txt",
        2,
        "\"Question écrite concernant <subject>\"",
        "the end of the file",
    ),
    (
        "cut_after_reception.txt",
        12,
        "\"Législature: NN/NN Session: NN/NN\"",
        "the end of the file",
    ),
    ("doubled_a.txt", 8, "the addressee's name", "\"à\""),
    ("doubled_de.txt", 6, "the author's name", "\"de\""),
    (
        "empty.txt",
        1,
        "a written question (\"Question écrite concernant …\") or a plan",
        "an empty file",
    ),
    (
        "legislature.txt",
        12,
        "\"Législature: NN/NN Session: NN/NN\"",
        "2019-2024",
    ),
    (
        "logo_extra_words.txt",
        1,
        "the logo line \"Logo Parlement Buxellois\" alone",
        "\"Logo Parlement Buxellois Imprimer cette page\"",
    ),
    (
        "mojibake.txt",
        3,
        "text decoded once",
        "\"Question Ã©crite concernant",
    ),
    (
        "plan_axis_without_actions.txt",
        23,
        "at least one action (a bullet or a paragraph) under axis 3",
        "\"Pilote(s)",
    ),
    (
        "plan_text_after_pilots.txt",
        27,
        "axis 4 \"4. <title>\" or the end of the plan",
        "\"Une ligne perdue",
    ),
    (
        "plan_unknown_field.txt",
        10,
        "\"Partenaires :\"",
        "\"Budget : 12 millions\"",
    ),
    (
        "unknown_document.txt",
        1,
        "or a plan (with \"Qui s'en charge?\")",
        "\"Compte rendu de la séance plénière\"",
    ),
    (
        "unknown_header_line.txt",
        12,
        "\"Législature: NN/NN Session: NN/NN\"",
        "\"Commission des Affaires économiques\"",
    ),
    (
        "year_0000.txt",
        11,
        "between 1989 and 2100",
        "\"01/01/0000\"",
    ),
    (
        "year_9999.txt",
        15,
        "between 1989 and 2100",
        "\"31/12/9999\"",
    ),
];

#[test]
fn every_bad_fixture_is_refused_with_file_line_and_expectation() {
    let files = bad_files();
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let listed: Vec<&str> = BAD.iter().map(|b| b.0).collect();
    assert_eq!(
        names, listed,
        "every bad fixture has exactly one row in BAD"
    );

    let mut messages = Vec::new();
    for (path, &(name, line, expected, found)) in files.iter().zip(BAD) {
        let err = match read(path) {
            Ok(doc) => panic!("{name} was read: {doc:?}"),
            Err(e) => e,
        };
        assert_eq!(err.file, format!("tests/fixtures/bad/{name}"));
        assert_eq!(err.line, line, "{err}");
        assert!(
            err.expected.contains(expected),
            "{name}: expected {expected:?} in {err}"
        );
        assert!(
            err.found.as_deref().unwrap_or_default().contains(found),
            "{name}: found {found:?} in {err}"
        );
        assert!(
            err.to_string()
                .starts_with(&format!("tests/fixtures/bad/{name}:{line}: expected "))
        );
        messages.push(err.to_string());
    }
    insta::assert_yaml_snapshot!("bad_input_messages", messages);
}

#[test]
fn a_file_over_the_limit_is_refused_before_reading() {
    let seed = std::fs::read(good_files()[0].1.clone()).unwrap();
    let mut big = seed.clone();
    while big.len() <= MAX_DOCUMENT_BYTES {
        big.extend_from_slice(b"\n\nUn paragraphe de plus dans la r\xC3\xA9ponse.");
    }
    let err = read_document("big.txt", &big).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "big.txt:1: expected a document under 4 MiB (a question page is under 100 KiB, even saved whole), found a file of {} bytes",
            big.len()
        )
    );
    // An HTML page says so.
    let mut page = b"<!DOCTYPE html><html><body>".to_vec();
    page.resize(MAX_DOCUMENT_BYTES + 1, b' ');
    let err = read_document("page.html", &page).unwrap_err();
    assert_eq!(
        err.found,
        Some(format!("an HTML page of {} bytes", MAX_DOCUMENT_BYTES + 1))
    );
}

#[test]
fn a_large_file_under_the_limit_is_read_whole() {
    // Seed 004's answer is in paragraphs: each added paragraph is one more answer passage.
    let seed_q = match common::seed("004") {
        Document::Question(q) => q,
        Document::Plan(_) => unreachable!(),
    };
    let (_, path) = good_files()
        .into_iter()
        .find(|(n, _)| n == "seed_004")
        .unwrap();
    let mut big = std::fs::read(path).unwrap();
    let block = "\n\nUn paragraphe de plus dans la réponse.";
    let n = (MAX_DOCUMENT_BYTES - big.len()) / block.len();
    for _ in 0..n {
        big.extend_from_slice(block.as_bytes());
    }
    assert!(big.len() <= MAX_DOCUMENT_BYTES && big.len() > MAX_DOCUMENT_BYTES - block.len());
    let started = std::time::Instant::now();
    let Document::Question(q) = read_document("big.txt", &big).unwrap() else {
        panic!("not a question")
    };
    assert!(
        q.passages.len() == seed_q.passages.len() + n,
        "{} passages",
        q.passages.len()
    );
    assert!(q.passages.last().unwrap().text == "Un paragraphe de plus dans la réponse.");
    assert!(
        started.elapsed().as_secs() < 20,
        "reading took {:?}",
        started.elapsed()
    );
}

#[test]
fn windows_1252_files_read_exactly_as_their_utf8_originals() {
    for seed in ["001", "004"] {
        let path = fixtures().join(format!("encoding/seed_{seed}_windows1252.txt"));
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "{seed}: the fixture must not be UTF-8"
        );
        let from_1252 = read_document("x", &bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(from_1252, common::seed(seed), "seed {seed}");
    }
}

/// Words the readers consume as structure (labels, headings, markers) rather than keep as text.
const STRUCTURE_WORDS: &[&str] = &[
    "logo",
    "parlement",
    "buxellois",
    "question",
    "écrite",
    "concernant",
    "de",
    "à",
    "n",
    "date",
    "réception",
    "publication",
    "législature",
    "session",
    "réponse",
    "intitulé",
    "l",
    "acte",
    "référence",
    "page",
    "qui",
    "s",
    "en",
    "charge",
    "ministre",
    "porteur",
    "associé",
    "partenaires",
    "comité",
    "pilotage",
    "pilote",
];

fn word_counts(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

fn strings(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

#[test]
fn no_word_of_any_seed_or_good_fixture_is_lost() {
    for (name, path) in good_files() {
        let input = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
        let doc = read(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut output = String::new();
        strings(&serde_json::to_value(&doc).unwrap(), &mut output);
        let have = word_counts(&output);
        for (word, n) in word_counts(&input) {
            if STRUCTURE_WORDS.contains(&word.as_str()) {
                continue;
            }
            let kept = have.get(&word).copied().unwrap_or(0);
            assert!(
                kept >= n,
                "{name}: {word:?} appears {n} times in the input, {kept} in the document"
            );
        }
    }
}

#[test]
fn the_check_for_lost_words_can_fail() {
    // Guard for the test above: a document missing a sentence is caught.
    let path = repo_root().join("seeds");
    let (_, seed) = good_files()
        .into_iter()
        .find(|(n, _)| n == "seed_004")
        .unwrap();
    assert!(seed.starts_with(&path));
    let input = std::fs::read_to_string(&seed).unwrap();
    let mut doc = read(&seed).unwrap();
    if let Document::Question(q) = &mut doc {
        q.passages.pop();
    }
    let mut output = String::new();
    strings(&serde_json::to_value(&doc).unwrap(), &mut output);
    let have = word_counts(&output);
    let lost: Vec<String> = word_counts(&input)
        .into_iter()
        .filter(|(w, n)| have.get(w).copied().unwrap_or(0) < *n)
        .map(|(w, _)| w)
        .collect();
    assert!(lost.contains(&"notons".to_string()), "{lost:?}");
}

/// The same text with layout noise: CRLF, a BOM, a final newline or not, trailing spaces and tabs,
/// extra lines of no-break spaces between header lines.
fn noisy_variants(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let crlf = text.replace('\n', "\r\n");
    let bom = format!("\u{FEFF}{text}");
    let final_newline = format!("{}\n", text.trim_end_matches('\n'));
    let no_final_newline = text.trim_end_matches('\n').to_string();
    let trailing: String = text
        .split('\n')
        .map(|l| format!("{l} \t\u{a0}"))
        .collect::<Vec<_>>()
        .join("\n");
    vec![
        ("crlf", crlf.into_bytes()),
        ("bom", bom.into_bytes()),
        ("final newline", final_newline.into_bytes()),
        ("no final newline", no_final_newline.into_bytes()),
        ("trailing spaces", trailing.into_bytes()),
    ]
}

#[test]
fn layout_noise_changes_nothing() {
    for (name, path) in good_files() {
        let text = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
        let text = text.trim_start_matches('\u{FEFF}').replace("\r\n", "\n");
        let clean = read_document("x", text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (variant, bytes) in noisy_variants(&text) {
            let noisy =
                read_document("x", &bytes).unwrap_or_else(|e| panic!("{name} ({variant}): {e}"));
            assert_eq!(noisy, clean, "{name}: {variant}");
        }
    }
}

#[test]
fn passages_are_numbered_one_to_n_with_intro_first_and_answers_last() {
    for (name, path) in good_files() {
        let Document::Question(q) = read(&path).unwrap() else {
            continue;
        };
        let positions: Vec<u32> = q.passages.iter().map(|p| p.position).collect();
        let expected: Vec<u32> = (1..=u32::try_from(q.passages.len()).unwrap()).collect();
        assert_eq!(positions, expected, "{name}");
        let kinds: Vec<PassageKind> = q.passages.iter().map(|p| p.kind).collect();
        let mut sorted = kinds.clone();
        sorted.sort();
        assert_eq!(
            kinds, sorted,
            "{name}: intro, then sub-questions, then answers"
        );
        assert!(
            q.passages.iter().all(|p| !p.text.trim().is_empty()),
            "{name}: empty passage"
        );
    }
}

#[test]
fn error_messages_name_the_file_given() {
    let err = read_document("seeds/x.txt", b"").unwrap_err();
    assert!(
        err.to_string().starts_with("seeds/x.txt:1: expected "),
        "{err}"
    );
    assert_eq!(
        display_name(Path::new("/a/b/tests/fixtures/bad/x.txt")),
        "tests/fixtures/bad/x.txt"
    );
}
