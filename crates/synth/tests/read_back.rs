//! Generated documents must be read by Vigie's real readers, and read as the generator meant them:
//! every field of the reader's output is checked against the generator's ground truth.

use std::collections::HashSet;

use vigie_core::{Document, PassageKind, read_document};
use vigie_synth::{plan, question, question_file, write_questions};

const SEED: u64 = 20_240_611;

#[test]
fn generated_questions_are_read_as_generated() {
    let mut failures = Vec::new();
    for i in 0..400 {
        let q = question(SEED, i);
        let name = format!("q{i}.txt");
        let doc = match read_document(&name, q.text.as_bytes()) {
            Ok(Document::Question(doc)) => doc,
            Ok(Document::Plan(_)) => {
                failures.push(format!("{name}: read as a plan"));
                continue;
            }
            Err(e) => {
                failures.push(format!("{e}"));
                continue;
            }
        };
        let mut check = |what: &str, ok: bool, detail: String| {
            if !ok {
                failures.push(format!("{name}: {what}: {detail}"));
            }
        };
        check(
            "legislature",
            doc.legislature == q.legislature,
            format!("{:?} vs {:?}", doc.legislature, q.legislature),
        );
        check(
            "session",
            doc.session == q.session,
            format!("{:?} vs {:?}", doc.session, q.session),
        );
        check(
            "number",
            doc.number == q.number,
            format!("{} vs {}", doc.number, q.number),
        );
        check(
            "addressee",
            doc.addressee.name.as_deref() == Some(q.addressee_name),
            format!("{:?}", doc.addressee.name),
        );
        check(
            "portfolio",
            doc.addressee.portfolio == q.addressee_portfolio,
            format!("{:?}", doc.addressee.portfolio),
        );
        check(
            "author",
            doc.author == q.author,
            format!("{:?} vs {:?}", doc.author, q.author),
        );
        // The reader may normalise apostrophes; compare on a prefix that holds none.
        let prefix: String = q
            .subject
            .chars()
            .take_while(|c| *c != '’' && *c != '\'')
            .collect();
        check(
            "subject",
            doc.subject.starts_with(&prefix),
            format!("{:?} vs {:?}", doc.subject, q.subject),
        );
        if q.subject_runs_on {
            check(
                "subject run-on",
                doc.subject.chars().count() <= q.subject.chars().count() + 2,
                format!("{:?} vs {:?}", doc.subject, q.subject),
            );
        }
        check(
            "received",
            doc.received == Some(q.received),
            format!("{:?}", doc.received),
        );
        check(
            "published",
            doc.published == q.published,
            format!("{:?} vs {:?}", doc.published, q.published),
        );
        check(
            "answered",
            doc.answered == q.answered,
            format!("{:?} vs {:?}", doc.answered, q.answered),
        );
        check(
            "acts",
            doc.acts.len() == q.acts,
            format!("{} vs {}", doc.acts.len(), q.acts),
        );
        let subs = doc
            .passages
            .iter()
            .filter(|p| p.kind == PassageKind::SubQuestion)
            .count();
        check(
            "sub-questions",
            subs == q.sub_questions,
            format!("{subs} vs {}", q.sub_questions),
        );
        let intros = doc
            .passages
            .iter()
            .filter(|p| p.kind == PassageKind::QuestionIntro)
            .count();
        check("question intro", intros >= 1, format!("{intros}"));
        let answers = doc
            .passages
            .iter()
            .filter(|p| p.kind == PassageKind::Answer)
            .count();
        check(
            "has answer",
            doc.has_answer() == q.has_answer,
            format!("{answers} answer passages"),
        );
        if let Some(parts) = q.numbered_answer_parts {
            check(
                "answer parts",
                answers == parts,
                format!("{answers} vs {parts}"),
            );
        }
        // No text lost: the passages hold (about) all of the body's words.
        let body_words = q.text.split_whitespace().count();
        let read_words: usize = doc
            .passages
            .iter()
            .map(|p| {
                p.text.split_whitespace().count()
                    + p.heading
                        .as_deref()
                        .map_or(0, |h| h.split_whitespace().count())
            })
            .sum();
        check(
            "text kept",
            read_words * 10 >= body_words * 7,
            format!("{read_words} of {body_words} words"),
        );
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn generated_plans_are_read_as_generated() {
    for (seed, n) in [(1, 13), (2, 40), (3, 1000)] {
        let p = plan(seed, n);
        let doc = match read_document("plan.txt", p.text.as_bytes()) {
            Ok(Document::Plan(doc)) => doc,
            Ok(Document::Question(_)) => panic!("plan {seed}/{n} read as a question"),
            Err(e) => panic!("plan {seed}/{n}: {e}"),
        };
        assert_eq!(doc.title, p.title);
        assert_eq!(
            doc.partners.len(),
            p.partners,
            "partners of plan {seed}/{n}"
        );
        let per_axis: Vec<usize> = doc.axes.iter().map(|a| a.actions.len()).collect();
        assert_eq!(
            per_axis, p.actions_per_axis,
            "actions per axis of plan {seed}/{n}"
        );
        assert_eq!(per_axis.iter().sum::<usize>(), n);
        for a in &doc.axes {
            assert!(!a.pilots.is_empty(), "axis {} has no pilot", a.number);
        }
        let labels: Vec<(String, String)> = doc
            .axes
            .iter()
            .flat_map(|a| a.actions.iter())
            .filter_map(|a| a.label.clone().map(|l| (a.code.clone(), l)))
            .collect();
        assert_eq!(labels, p.labels, "labels of plan {seed}/{n}");
    }
}

#[test]
fn identities_are_unique_over_ten_thousand_questions() {
    let mut seen = HashSet::new();
    for i in 0..10_000 {
        let (minister, number) = vigie_synth::identity(i);
        assert!(
            seen.insert((minister, number)),
            "identity of question {i} repeats"
        );
    }
    // And the files say so: identities read back from a sample are distinct too.
    let mut read = HashSet::new();
    for i in (0..10_000).step_by(97) {
        let q = question(SEED, i);
        assert!(
            read.insert((q.legislature, q.addressee_name, q.number)),
            "question {i}"
        );
    }
}

#[test]
fn generation_is_deterministic_and_seeded() {
    for i in [0, 1, 17, 9_999] {
        assert_eq!(question_file(SEED, i), question_file(SEED, i));
        assert_ne!(question_file(SEED, i), question_file(SEED + 1, i));
    }
    assert_eq!(plan(5, 100).text, plan(5, 100).text);
    assert_ne!(plan(5, 100).title, plan(6, 100).title);
    assert_ne!(plan(5, 100).title, plan(5, 101).title);
}

#[test]
fn corpus_mixes_layouts_and_noise() {
    let qs: Vec<_> = (0..500).map(|i| question(SEED, i)).collect();
    let n = |f: &dyn Fn(&vigie_synth::SynthQuestion) -> bool| qs.iter().filter(|q| f(q)).count();
    let sizes: Vec<usize> = qs.iter().map(|q| q.text.len()).collect();
    assert!(
        sizes.iter().all(|&s| (2_900..=8_400).contains(&s)),
        "sizes {:?}",
        (sizes.iter().min(), sizes.iter().max())
    );
    assert!(n(&|q| q.crlf) > 25 && n(&|q| !q.crlf) > 350);
    assert!(n(&|q| q.final_newline) > 100 && n(&|q| !q.final_newline) > 100);
    assert!(n(&|q| q.bom) > 2);
    assert!(n(&|q| !q.has_answer) > 10);
    assert!(n(&|q| q.subject_runs_on) > 20);
    assert!(n(&|q| q.published.is_none() && q.has_answer) > 0);
    assert!(n(&|q| q.acts > 1) > 50);
    assert!(n(&|q| q.in_plan) > 100 && n(&|q| !q.in_plan) > 100);
    assert!(n(&|q| q.numbered_answer_parts.is_none() && q.has_answer) > 50);
    for needle in [
        "•",
        "· ",
        "● ",
        "QUESTION 1",
        "1/",
        "\u{a0}?",
        "’",
        "«",
        "“",
        "Annexe à la réponse",
        "Question orale transformée",
        "\t",
    ] {
        assert!(
            qs.iter().any(|q| q.text.contains(needle)),
            "no file contains {needle:?}"
        );
    }
    assert!(
        qs.iter()
            .any(|q| q.text.lines().any(|l| l.trim_end_matches('\r') == "\u{a0}"))
    );
    let keys: HashSet<&str> = qs.iter().map(|q| q.topic).collect();
    assert!(keys.len() >= 20, "{} topics", keys.len());
}

#[test]
fn write_questions_writes_readable_files() {
    let dir = tempfile::tempdir().unwrap();
    let paths = write_questions(dir.path(), SEED, 12).unwrap();
    assert_eq!(paths.len(), 12);
    for (i, p) in paths.iter().enumerate() {
        let bytes = std::fs::read(p).unwrap();
        assert_eq!(bytes, question_file(SEED, i).into_bytes());
        read_document(&p.display().to_string(), &bytes).unwrap();
    }
}

/// The whole benchmark corpus (10,000 files) is readable. Slow in debug builds (about 40 s):
/// `cargo test -p vigie-synth --release -- --ignored`.
#[test]
#[ignore]
fn the_benchmark_corpus_is_readable() {
    let refused: Vec<String> = (0..10_000)
        .filter_map(|i| read_document(&format!("q{i}.txt"), question_file(1, i).as_bytes()).err())
        .map(|e| e.to_string())
        .collect();
    assert!(
        refused.is_empty(),
        "{} refused:\n{}",
        refused.len(),
        refused.join("\n")
    );
}
