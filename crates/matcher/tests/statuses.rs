//! The status engine on answers as the Parliament publishes them: an answer often repeats the
//! question it answers, and a question is not the minister's statement.

mod common;

use vigie_core::{Passage, PassageKind, Question, Status};
use vigie_matcher::{PlanIndex, default_aliases, propose_statuses};

/// Seed 1176 (linked to 5.1, digital inclusion) with its answer replaced by `answer`.
fn with_answer(answer: &str) -> Question {
    let mut q = common::questions()
        .into_iter()
        .map(|(_, _, q)| q)
        .find(|q| q.number == 1176)
        .expect("seed 1176");
    let position = q.passages.len() as u32 + 1;
    q.passages.retain(|p| !p.kind.is_answer());
    q.passages.push(Passage {
        kind: PassageKind::Answer,
        position,
        heading: None,
        text: answer.to_string(),
    });
    q
}

fn proposal_for_5_1(q: &Question) -> vigie_matcher::StatusProposal {
    let index = PlanIndex::new(&common::plan(), &default_aliases(), &[]);
    let links = index.match_all(std::slice::from_ref(q));
    assert!(
        links[0].iter().any(|l| l.action_code == "5.1"),
        "the question is linked to 5.1: {:?}",
        links[0].iter().map(|l| &l.action_code).collect::<Vec<_>>()
    );
    propose_statuses(&index, std::slice::from_ref(q), &links)
        .into_iter()
        .find(|p| p.action_code == "5.1")
        .unwrap()
}

#[test]
fn a_question_repeated_in_the_answer_is_not_evidence() {
    let q = with_answer(
        "Quelles mesures ont été mises en place pour réduire la fracture numérique et \
         l'illectronisme des publics vulnérables ?\n\n\
         La stratégie d'inclusion numérique vise la fracture numérique et l'illectronisme des \
         publics vulnérables.",
    );
    let p = proposal_for_5_1(&q);
    let e = p.evidence.expect("a sentence is quoted");
    assert!(!e.sentence.contains('?'), "{}", e.sentence);
    assert_eq!(p.status, Status::Announced, "{}", e.sentence);
}

#[test]
fn the_answers_own_statement_still_counts() {
    let q = with_answer(
        "Quelles mesures ont été prises pour réduire la fracture numérique ?\n\n\
         Un plan d'inclusion numérique a été lancé en 2021 contre la fracture numérique et \
         l'illectronisme des publics vulnérables.",
    );
    let p = proposal_for_5_1(&q);
    assert_eq!(p.status, Status::Delivered);
    assert!(p.evidence.unwrap().sentence.starts_with("Un plan"));
}
