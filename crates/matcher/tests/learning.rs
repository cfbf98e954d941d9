//! Learning from staff decisions on a small fixture (the seeds): a question that reads like one
//! staff confirmed for an action gains that link, one that reads like a rejected one loses it, the
//! reasons say so in words, and a decision on an unrelated question changes nothing.

mod common;

use vigie_core::Question;
use vigie_matcher::{PlanIndex, StaffDecision, Verdict, default_aliases};

fn seed(number: u32) -> Question {
    common::questions()
        .into_iter()
        .map(|(_, _, q)| q)
        .find(|q| q.number == number)
        .unwrap_or_else(|| panic!("seed n°{number}"))
}

/// Another question on the same subject: the same text under another number.
fn twin(q: &Question) -> Question {
    let mut t = q.clone();
    t.number += 100_000;
    t
}

fn decision(q: &Question, code: &str, verdict: Verdict) -> StaffDecision {
    StaffDecision {
        action_code: code.to_string(),
        question: q.clone(),
        verdict,
    }
}

fn link<'a>(
    links: &'a [vigie_matcher::QuestionLink],
    code: &str,
) -> Option<&'a vigie_matcher::QuestionLink> {
    links.iter().find(|l| l.action_code == code)
}

#[test]
fn a_rejected_twin_lowers_the_link_and_says_why() {
    let index = || PlanIndex::new(&common::plan(), &default_aliases(), &[]);
    let q = seed(1176);
    let before = index().match_question(&q);
    let b = link(&before, "5.1").expect("1176 → 5.1 without decisions");
    let learned = index().with_decisions(&[decision(&twin(&q), "5.1", Verdict::Rejected)]);
    let after = learned.match_question(&q);
    match link(&after, "5.1") {
        None => {}
        Some(a) => {
            assert!(a.score < b.score - 0.05, "{} → {}", b.score, a.score);
            let staff = a
                .passages
                .iter()
                .find_map(|p| p.reasons.staff.as_ref())
                .expect("the reason is on the best passage");
            assert_eq!((staff.confirmed, staff.rejected), (0, 1));
            assert!(
                staff.adjustment < 0.0 && !staff.words.is_empty(),
                "{staff:?}"
            );
        }
    }
    // The other link of the question is not touched by a decision on 5.1.
    assert_eq!(link(&after, "5.2"), link(&before, "5.2"));
    let why = vigie_matcher::explain(&learned, &q, "5.1");
    assert!(
        why.contains("Staff decisions: the question resembles 0 confirmed and 1 rejected"),
        "{why}"
    );
}

#[test]
fn a_confirmed_twin_raises_the_link_and_an_unrelated_decision_changes_nothing() {
    let index = || PlanIndex::new(&common::plan(), &default_aliases(), &[]);
    let q = seed(1176);
    let before = index().match_question(&q);
    let b = link(&before, "5.1").unwrap().score;
    let after = index()
        .with_decisions(&[decision(&twin(&q), "5.1", Verdict::Confirmed)])
        .match_question(&q);
    let a = link(&after, "5.1").expect("still linked");
    assert!(a.score > b + 0.05, "{b} → {}", a.score);
    let staff = a
        .passages
        .iter()
        .find_map(|p| p.reasons.staff.as_ref())
        .unwrap();
    assert_eq!((staff.confirmed, staff.rejected), (1, 0));
    assert!(staff.adjustment > 0.0);

    // A confirmed link on a question about something else (a fixture on open data) leaves 1176
    // exactly as it was.
    let other = seed(512);
    let unrelated = index()
        .with_decisions(&[decision(&other, "5.1", Verdict::Confirmed)])
        .match_question(&q);
    assert_eq!(unrelated, before);
}

/// The explanation is a structure: its verdict carries the score `match_all` gives the link, its
/// staff reason what the decisions changed; the text `vigie explain` prints is its rendering.
#[test]
fn the_explanation_is_a_structure_that_agrees_with_the_links() {
    use vigie_matcher::{ExplainedVerdict, explain_pair};
    let q = seed(1176);
    let learned = PlanIndex::new(&common::plan(), &default_aliases(), &[])
        .with_decisions(&[decision(&twin(&q), "5.2", Verdict::Confirmed)]);
    let links = learned.match_question(&q);
    let l = link(&links, "5.2").expect("linked");
    let e = explain_pair(&learned, &q, "5.2").unwrap();
    match &e.verdict {
        ExplainedVerdict::Linked { score, .. } => assert!((score - l.score).abs() < 0.0015),
        other => panic!("{other:?}"),
    }
    let staff = e.staff.as_ref().expect("the decision shows");
    assert_eq!((staff.confirmed, staff.rejected), (1, 0));
    assert!(!e.passages.is_empty() && e.passages.windows(2).all(|w| w[0].score >= w[1].score));
    assert_eq!(vigie_matcher::explain(&learned, &q, "5.2"), e.to_string());
    assert!(
        explain_pair(&learned, &q, "9.9")
            .unwrap_err()
            .contains("no action 9.9")
    );
}
