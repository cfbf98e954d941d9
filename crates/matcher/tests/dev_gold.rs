//! The matcher on real questions it was not written for: the 48 pages of the development corpus
//! (`../shared/corpus/brussels-qe-24-29`, read in place) and the seeds, against their graded gold.
//! Pins the floors of the figures docs/matching.md reports, in-sample and cross-validated, so a
//! change that loses them fails here.

mod common;

use std::path::PathBuf;

use vigie_core::Question;
use vigie_matcher::eval::{cross_validate, default_grid, evaluate, grid_predictions, parse_gold};
use vigie_matcher::*;

fn corpus() -> PathBuf {
    common::dev_corpus()
}

fn questions() -> Vec<Question> {
    common::real_questions()
}

fn pairs(qs: &[Question], index: &PlanIndex) -> Vec<(String, u32, String, String)> {
    qs.iter()
        .zip(index.match_all(qs))
        .flat_map(|(q, ls)| {
            ls.into_iter().map(move |l| {
                (
                    q.legislature.clone(),
                    q.number,
                    q.addressee_key(),
                    l.action_code,
                )
            })
        })
        .collect()
}

#[test]
fn real_questions_meet_the_floors_in_sample_and_cross_validated() {
    let plan = common::plan();
    let qs = questions();
    assert_eq!(qs.len(), 52);
    let gold =
        parse_gold(&std::fs::read_to_string(corpus().join("gold-dev.tsv")).unwrap()).unwrap();
    let keys: Vec<QuestionKey> = qs.iter().map(question_key).collect();
    let index = PlanIndex::new(&plan, &[], &[]);
    let r = evaluate(&gold, &pairs(&qs, &index), &keys);
    assert!(
        r.gold_not_in_db.is_empty(),
        "every gold question is read: {:?}",
        r.gold_not_in_db
    );
    eprintln!(
        "in-sample: P {:.3} R {:.3} F1 {:.3}, negatives linked {}/{}",
        r.precision, r.recall, r.f1, r.negatives_linked, r.negatives
    );
    assert!(r.precision >= 0.99, "precision {:.3}", r.precision);
    assert!(r.recall >= 0.9, "recall {:.3}", r.recall);
    assert!(
        r.negatives_linked * 50 <= r.negatives,
        "{} of {} negatives linked",
        r.negatives_linked,
        r.negatives
    );

    let grid = default_grid();
    // The grid's shortcut (thresholds and cuts applied to candidates) gives the matcher's links.
    let mut direct = pairs(&qs, &index);
    let mut shortcut =
        grid_predictions(|_| PlanIndex::new(&plan, &[], &[]), &qs, &grid[..1]).remove(0);
    direct.sort();
    shortcut.sort();
    assert_eq!(direct, shortcut, "grid_predictions agrees with match_all");
    // Leave-one-out by default: each question is weighed against a reference of all the others,
    // as a new question is against the shipped reference.
    let folds: usize = std::env::var("VIGIE_FOLDS").map_or(qs.len(), |k| k.parse().unwrap());
    // Each fold's matcher knows only the training questions: its reference corpus is theirs.
    let cv = cross_validate(&gold, &keys, &grid, folds, |train| {
        let known: Vec<Question> = qs
            .iter()
            .filter(|q| train.contains(&question_key(q)))
            .cloned()
            .collect();
        let reference = std::sync::Arc::new(Corpus::of(&known));
        let index = |ratio| {
            PlanIndex::new(&plan, &[], &[])
                .with_reference(reference.clone())
                .with_support_ratio(ratio)
        };
        grid_predictions(index, &qs, &grid)
    });
    let c = &cv.report;
    if std::env::var_os("VIGIE_SHOW").is_some() {
        eprintln!("{c}");
    }
    eprintln!(
        "cross-validated: P {:.3} R {:.3} F1 {:.3}, chosen {:?}",
        c.precision, c.recall, c.f1, cv.chosen
    );
    assert!(
        (c.f1 - r.f1).abs() <= 0.1,
        "cross-validated F1 {:.3} within 0.1 of in-sample {:.3}",
        c.f1,
        r.f1
    );
    assert!(c.precision >= 0.99 && c.recall >= 0.9, "{c:?}");
}

/// A written question often asks several things. Q. 90 (ICT jobs) is linked best to 1.3 (PME,
/// TIC), and one of its sub-questions asks about artificial intelligence, which 1.4 commits to
/// and 1.3 never names: a second subject, kept under the per-question cut. The rule must not keep
/// a claim on the same subject: the GovTech fixture (734) rests on "start-ups" for 1.5, and its
/// best link, 4.2, names GovTech, a term related to start-ups.
#[test]
fn a_second_subject_of_a_question_escapes_the_per_question_cut() {
    let plan = common::plan();
    let qs = questions();
    let index = PlanIndex::new(&plan, &[], &[]);
    let q90 = qs
        .iter()
        .find(|q| q.number == 90 && q.legislature == "24/29")
        .unwrap();
    let e = explain_pair(&index, q90, "1.4").unwrap();
    match &e.verdict {
        ExplainedVerdict::Linked {
            second_subject: Some(s),
            ..
        } => {
            assert_eq!(s.words, "intelligence artificielle");
            assert_eq!(s.best_action, "1.3");
        }
        other => panic!("90 → 1.4: {other:?}"),
    }
    assert!(e.to_string().contains("a second subject of the question"));
    let (_, _, fixture) = common::questions()
        .into_iter()
        .find(|(set, _, q)| set == "fixtures" && q.number == 734)
        .unwrap();
    let e = explain_pair(&index, &fixture, "1.5").unwrap();
    assert!(
        matches!(e.verdict, ExplainedVerdict::Outranked { .. }),
        "{:?}",
        e.verdict
    );
}

/// The status engine on the development gold's answers (`status-dev.tsv`): the right status for at
/// least 80 % of the grade-2 pairs (the target). Five pairs, four of them from one answer
/// (q. 90): a floor against regressions, not a measure of how well the cues generalise.
#[test]
fn the_status_engine_meets_its_floor_on_real_answers() {
    use vigie_matcher::eval::{parse_status_gold, status_accuracy};
    let plan = common::plan();
    let qs = questions();
    let gold =
        parse_status_gold(&std::fs::read_to_string(corpus().join("status-dev.tsv")).unwrap())
            .unwrap();
    let index = PlanIndex::new(&plan, &[], &[]);
    let checks = status_accuracy(&index, &qs, &gold);
    assert_eq!(checks.len(), gold.len());
    let right = checks.iter().filter(|c| c.status_ok).count();
    let sentences = checks.iter().filter(|c| c.sentence_ok).count();
    eprintln!(
        "status right {right}/{}, sentence right {sentences}/{}",
        checks.len(),
        checks.len()
    );
    assert!(right * 5 >= checks.len() * 4, "{right} of {}", checks.len());
    assert!(sentences >= 1, "{sentences} sentences right");
}

/// `EXPLAIN=91:4.2,94:1.3 cargo test --release -p vigie-matcher --test dev_gold -- --ignored
/// --nocapture explain_held_out`: why a development question is linked or not when the matcher
/// has not seen it (its reference corpus is every other real question).
#[test]
#[ignore = "prints explanations; run by hand"]
fn explain_held_out() {
    let plan = common::plan();
    let qs = questions();
    let wanted = std::env::var("EXPLAIN").unwrap_or_default();
    for pair in wanted.split(',').filter(|p| !p.is_empty()) {
        let (num, code) = pair.split_once(':').expect("NUMBER:ACTION");
        let num: u32 = num.parse().unwrap();
        for q in qs.iter().filter(|q| q.number == num) {
            let others: Vec<Question> = qs.iter().filter(|o| *o != q).cloned().collect();
            let index = PlanIndex::new(&plan, &[], &[])
                .with_reference(std::sync::Arc::new(Corpus::of(&others)));
            println!("{}", explain(&index, q, code));
        }
    }
}

/// Learning from staff decisions, measured with a simulated reviewer (docs/matching.md, section
/// 4c): the questions are cut into folds as cross-validation cuts them; on the other folds the
/// reviewer confirms the matcher's proposals the gold grades 1 or 2, rejects the others and links
/// by hand the grade-2 pairs it missed; the matcher (its reference corpus counted on the other
/// folds too) then links the fold's questions with and without those decisions. The held-out
/// predictions of all folds are scored together, before and after.
#[test]
fn a_simulated_reviewer_on_other_folds_does_not_hurt_held_out_questions() {
    use vigie_matcher::eval::Gold;
    let plan = common::plan();
    let qs = questions();
    let gold: Gold =
        parse_gold(&std::fs::read_to_string(corpus().join("gold-dev.tsv")).unwrap()).unwrap();
    let keys: Vec<QuestionKey> = qs.iter().map(question_key).collect();
    let folds: usize = std::env::var("VIGIE_FOLDS").map_or(4, |k| k.parse().unwrap());
    let mut sorted = keys.clone();
    sorted.sort();
    sorted.dedup();
    let fold_of = |q: &Question| sorted.iter().position(|k| *k == question_key(q)).unwrap() % folds;
    let grade = |q: &Question, code: &str| {
        gold.entries
            .iter()
            .find(|e| {
                e.legislature == q.legislature
                    && e.number == q.number
                    && vigie_core::text::fold(&e.addressee)
                        == vigie_core::text::fold(&q.addressee_key())
                    && e.action == code
            })
            .map_or(0, |e| e.grade)
    };
    let (mut before, mut after) = (Vec::new(), Vec::new());
    let mut n_decisions = 0;
    for f in 0..folds {
        let (test, train): (Vec<Question>, Vec<Question>) =
            qs.iter().cloned().partition(|q| fold_of(q) == f);
        let reference = std::sync::Arc::new(Corpus::of(&train));
        let index = || PlanIndex::new(&plan, &[], &[]).with_reference(reference.clone());
        // The reviewer, on the training questions.
        let mut decisions = Vec::new();
        for (q, links) in train.iter().zip(index().match_all(&train)) {
            for l in &links {
                let verdict = if grade(q, &l.action_code) >= 1 {
                    Verdict::Confirmed
                } else {
                    Verdict::Rejected
                };
                decisions.push(StaffDecision {
                    action_code: l.action_code.clone(),
                    question: q.clone(),
                    verdict,
                });
            }
            for code in index().action_codes() {
                if grade(q, code) == 2 && !links.iter().any(|l| l.action_code == code) {
                    decisions.push(StaffDecision {
                        action_code: code.to_string(),
                        question: q.clone(),
                        verdict: Verdict::Confirmed,
                    });
                }
            }
        }
        n_decisions += decisions.len();
        before.extend(pairs(&test, &index()));
        after.extend(pairs(&test, &index().with_decisions(&decisions)));
    }
    let b = evaluate(&gold, &before, &keys);
    let a = evaluate(&gold, &after, &keys);
    if std::env::var_os("VIGIE_SHOW").is_some() {
        eprintln!("after:\n{a}");
    }
    eprintln!(
        "{folds} folds, {n_decisions} simulated decisions: held-out before P {:.3} R {:.3} F1 {:.3} ({} wrong, {} missed); after P {:.3} R {:.3} F1 {:.3}",
        b.precision,
        b.recall,
        b.f1,
        b.predicted - b.correct,
        b.required - b.required_found,
        a.precision,
        a.recall,
        a.f1
    );
    assert!(n_decisions > 10, "the reviewer decided {n_decisions} pairs");
    assert!(a.f1 >= b.f1, "learning hurt: F1 {:.3} → {:.3}", b.f1, a.f1);
}

/// The review queue's possible missed links on the development corpus: pairs just under the
/// threshold, never a pair the matcher links, and they include grade-2 pairs the matcher misses
/// (what a reviewer's look is for).
#[test]
fn possible_missed_links_sit_just_under_the_threshold_and_find_missed_pairs() {
    let plan = common::plan();
    let qs = questions();
    let gold =
        parse_gold(&std::fs::read_to_string(corpus().join("gold-dev.tsv")).unwrap()).unwrap();
    let index = PlanIndex::new(&plan, &[], &[]);
    let links = index.match_all(&qs);
    let possible = index.possible_links(&qs);
    // `vigie match` gets both in one pass: the same links, the same possible links.
    let (both_links, both_possible): (Vec<_>, Vec<_>) =
        index.match_with_possible(&qs).into_iter().unzip();
    assert_eq!(both_links, links);
    assert_eq!(both_possible, possible);
    let mut offered = 0;
    let mut found_missed = Vec::new();
    for ((q, ls), ps) in qs.iter().zip(&links).zip(&possible) {
        assert!(ps.len() <= POSSIBLE_PER_QUESTION);
        for p in ps {
            offered += 1;
            assert!(
                p.score < LINK_THRESHOLD && p.score >= LINK_THRESHOLD - POSSIBLE_MARGIN - 1e-9,
                "n°{} → {} at {}",
                q.number,
                p.action_code,
                p.score
            );
            assert!(!ls.iter().any(|l| l.action_code == p.action_code));
            assert!(!p.passages.is_empty());
            let grade = gold
                .entries
                .iter()
                .find(|e| {
                    e.number == q.number
                        && e.action == p.action_code
                        && vigie_core::text::fold(&e.addressee)
                            == vigie_core::text::fold(&q.addressee_key())
                })
                .map_or(0, |e| e.grade);
            eprintln!(
                "possible: n°{} → {} at {:.3} (grade {grade})",
                q.number, p.action_code, p.score
            );
            if grade == 2 {
                found_missed.push((q.number, p.action_code.clone()));
            }
        }
    }
    eprintln!(
        "{offered} possible links offered; missed grade-2 pairs among them: {found_missed:?}"
    );
    assert!(offered > 0);
}
