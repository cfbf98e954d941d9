//! Linking a batch chunk by chunk against the batch's corpus (`Corpus` + `PlanIndex::match_with`,
//! then `StatusCollector`), as `vigie match` does to bound its memory, gives exactly what
//! `match_all` and `propose_statuses` give over the whole batch: the same links, scores, passages
//! and reasons, and the same status proposals.

mod common;

use vigie_core::{Document, Plan, Question, read_document};
use vigie_matcher::{
    Corpus, PlanIndex, QuestionLink, StatusCollector, default_aliases, propose_statuses,
};

/// Links `questions` in chunks of `size` against the corpus of all of them, counted in pages of
/// another size (the corpus must not depend on how it is counted).
fn chunked(index: &PlanIndex, questions: &[Question], size: usize) -> Vec<Vec<QuestionLink>> {
    let mut corpus = Corpus::new();
    for page in questions.chunks(size + 3) {
        corpus.add(page);
    }
    assert_eq!(corpus, Corpus::of(questions), "corpus counted in pages");
    assert_eq!(corpus.questions(), questions.len());
    questions
        .chunks(size)
        .flat_map(|chunk| index.match_with(&corpus, chunk))
        .collect()
}

/// Checks that every chunking of `questions` in `sizes` gives the links and statuses of the whole
/// batch; returns the whole batch's links for the caller's own checks.
fn check(index: &PlanIndex, questions: &[Question], sizes: &[usize]) -> Vec<Vec<QuestionLink>> {
    let whole = index.match_all(questions);
    let statuses = propose_statuses(index, questions, &whole);
    for &size in sizes {
        let links = chunked(index, questions, size);
        assert_eq!(links.len(), whole.len());
        for (i, (a, b)) in links.iter().zip(&whole).enumerate() {
            assert_eq!(a, b, "question {i}, chunks of {size}");
        }
        let mut collector = StatusCollector::new(index);
        for (qs, ls) in questions.chunks(size).zip(links.chunks(size)) {
            collector.add(qs, ls);
        }
        assert_eq!(collector.finish(), statuses, "statuses, chunks of {size}");
    }
    // The proofs are not vacuous: links with reasons, statuses with and without cue sentences.
    let n_links: usize = whole.iter().map(Vec::len).sum();
    assert!(n_links > 0);
    assert!(
        whole
            .iter()
            .flatten()
            .flat_map(|l| &l.passages)
            .any(|p| !p.reasons.shared_terms.is_empty())
    );
    assert!(
        statuses
            .iter()
            .any(|s| s.evidence.as_ref().is_some_and(|e| e.cue.is_some()))
    );
    whole
}

#[test]
fn seeds_and_fixtures_in_chunks_match_the_whole_batch() {
    let index = PlanIndex::new(&common::plan(), &default_aliases(), &[]);
    let questions: Vec<Question> = common::questions().into_iter().map(|(_, _, q)| q).collect();
    assert_eq!(questions.len(), 19);
    let whole = check(&index, &questions, &[1, 2, 5, 19]);
    // A chunk alone (its own corpus) gives other scores: the corpus is what makes chunks agree.
    let alone: Vec<Vec<QuestionLink>> = questions
        .chunks(2)
        .flat_map(|c| index.match_all(c))
        .collect();
    assert_ne!(alone, whole, "the batch's document frequencies matter");
}

fn synth_plan(actions: usize) -> Plan {
    match read_document("synth plan", vigie_synth::plan_file(7, actions).as_bytes()) {
        Ok(Document::Plan(p)) => p,
        other => panic!("synth plan: not a plan: {other:?}"),
    }
}

fn synth_questions(n: usize) -> Vec<Question> {
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

#[test]
fn generated_questions_in_chunks_match_the_whole_batch() {
    let questions = synth_questions(300);
    // A generated plan, where most questions are linked (several actions each), and the seed plan,
    // where most are not.
    let index = PlanIndex::new(&synth_plan(120), &default_aliases(), &[]);
    let whole = check(&index, &questions, &[97]);
    let linked = whole.iter().filter(|l| !l.is_empty()).count();
    assert!(
        linked > 150,
        "most generated questions are linked: {linked}"
    );
    let seed_plan = PlanIndex::new(&common::plan(), &default_aliases(), &[]);
    check(&seed_plan, &questions, &[1, 128]);
}
