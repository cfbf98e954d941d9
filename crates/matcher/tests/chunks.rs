//! Linking a batch chunk by chunk (`PlanIndex::match_all` on each chunk, then `StatusCollector`),
//! as `vigie match` does to bound its memory, gives exactly what `match_all` and
//! `propose_statuses` give over the whole batch: the same links, scores, passages and reasons, and
//! the same status proposals. A question's links depend on the plan, the reference corpus and the
//! question alone.

mod common;

use vigie_core::{Document, Plan, Question, read_document};
use vigie_matcher::{
    PlanIndex, QuestionLink, StatusCollector, StatusProposal, default_aliases, propose_statuses,
};

/// Links `questions` in chunks of `size`.
fn chunked(index: &PlanIndex, questions: &[Question], size: usize) -> Vec<Vec<QuestionLink>> {
    questions
        .chunks(size)
        .flat_map(|chunk| index.match_all(chunk))
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
        let mut lean = StatusCollector::new(index).evidence_only();
        for (qs, ls) in questions.chunks(size).zip(links.chunks(size)) {
            collector.add(qs, ls);
            lean.add(qs, ls);
        }
        assert_eq!(collector.finish(), statuses, "statuses, chunks of {size}");
        let without_history: Vec<StatusProposal> = statuses
            .iter()
            .cloned()
            .map(|mut p| {
                p.history.clear();
                p
            })
            .collect();
        assert_eq!(
            lean.finish(),
            without_history,
            "statuses without history, chunks of {size}"
        );
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
    check(&index, &questions, &[1, 2, 5, 19]);
}

fn synth_plan(actions: usize) -> Plan {
    match read_document("synth plan", vigie_synth::plan_file(7, actions).as_bytes()) {
        Ok(Document::Plan(p)) => p,
        other => panic!("synth plan: not a plan: {other:?}"),
    }
}

#[test]
fn generated_questions_in_chunks_match_the_whole_batch() {
    let questions = common::synth_questions(300);
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

/// When no answer carries a cue, the proposal quotes the first sentence of a linked answer: the
/// last in evidence order, and among equals (two questions with the same identity and date) the
/// one that came last, in one batch or over chunks.
#[test]
fn uncued_evidence_ties_go_to_the_later_question_across_chunks() {
    let index = PlanIndex::new(&common::plan(), &default_aliases(), &[]);
    let code = index.action_codes()[0].to_string();
    let base = common::questions().remove(0).2;
    let with_answer = |text: &str| {
        let mut q = base.clone();
        q.passages = vec![vigie_core::Passage {
            kind: vigie_core::PassageKind::Answer,
            position: 1,
            heading: None,
            text: text.to_string(),
        }];
        q
    };
    let questions = vec![
        with_answer("La Belgique est le quinzième pays européen."),
        with_answer("La Région est un partenaire parmi d'autres."),
    ];
    let link = QuestionLink {
        action_code: code.clone(),
        score: 0.3,
        passages: vec![vigie_matcher::PassageLink {
            position: 1,
            kind: vigie_core::PassageKind::Answer,
            score: 0.3,
            reasons: vigie_matcher::Reasons {
                text_score: 0.3,
                shared_terms: Vec::new(),
                organisations: Vec::new(),
                minister: None,
                subject: vigie_matcher::SubjectReason {
                    subject: String::new(),
                    score: 0.0,
                    shared_words: Vec::new(),
                },
                summary: String::new(),
                staff: None,
            },
        }],
    };
    let links = vec![vec![link.clone()], vec![link]];
    let whole = propose_statuses(&index, &questions, &links);
    let mut c = StatusCollector::new(&index);
    c.add(&questions[..1], &links[..1]);
    c.add(&questions[1..], &links[1..]);
    let chunked = c.finish();
    assert_eq!(chunked, whole);
    let p = whole.iter().find(|p| p.action_code == code).unwrap();
    assert_eq!(p.linked_questions, 2);
    assert!(p.history.is_empty(), "no cue: {:?}", p.history);
    assert_eq!(
        p.evidence.as_ref().map(|e| e.sentence.as_str()),
        Some("La Région est un partenaire parmi d'autres.")
    );
}
