//! Threshold sweep for docs/matching.md: `cargo test -p vigie-matcher --test calibration -- --ignored --nocapture`.
mod common;
use vigie_core::Question;
use vigie_matcher::baseline::Bm25Index;
use vigie_matcher::eval::{evaluate, parse_gold};
use vigie_matcher::*;

fn pred(qs: &[Question], links: &[Vec<QuestionLink>]) -> Vec<(String, u32, String, String)> {
    qs.iter()
        .zip(links)
        .flat_map(|(q, ls)| {
            ls.iter().map(move |l| {
                (
                    q.legislature.clone(),
                    q.number,
                    q.addressee_key(),
                    l.action_code.clone(),
                )
            })
        })
        .collect()
}

#[test]
#[ignore = "prints a calibration table; run by hand"]
fn sweep() {
    let plan = common::plan();
    let all = common::questions();
    let qs: Vec<Question> = all.iter().map(|(_, _, q)| q.clone()).collect();
    let seeds: Vec<Question> = all
        .iter()
        .filter(|(s, _, _)| s == "seeds")
        .map(|(_, _, q)| q.clone())
        .collect();
    let keys: Vec<QuestionKey> = qs.iter().map(question_key).collect();
    let seed_keys: Vec<QuestionKey> = seeds.iter().map(question_key).collect();
    let gold = parse_gold(&common::gold_text()).unwrap();
    let thresholds = [
        0.18, 0.19, 0.20, 0.21, 0.22, 0.23, 0.24, 0.25, 0.26, 0.27, 0.28, 0.30, 0.32, 0.34, 0.36,
        0.38, 0.40,
    ];
    // Recall on the seed questions alone (what `vigie import seeds/` links): their idf differs.
    let seeds_recall = |idx: &PlanIndex| {
        let r = evaluate(&gold, &pred(&seeds, &idx.match_all(&seeds)), &seed_keys);
        format!("{}/{}", r.required_found, r.required)
    };
    for (name, weight, cut) in [
        (
            "concept weight and per-question cut as shipped",
            CONCEPT_WEIGHT,
            RELATIVE_CUT,
        ),
        (
            "1.1.0's weight and cut (concept weight 1, cut 0.75)",
            1.0,
            0.75,
        ),
    ] {
        println!(
            "== {name} ({weight}, {cut}): threshold | Vigie P / R / F1 | predicted | seeds alone: required found"
        );
        for t in thresholds {
            let idx = PlanIndex::new(&plan, &default_aliases(), &[])
                .with_link_threshold(t)
                .with_concept_weight(weight)
                .with_relative_cut(cut);
            let r = evaluate(&gold, &pred(&qs, &idx.match_all(&qs)), &keys);
            println!(
                "{t:.2} | {:.3} / {:.3} / {:.3} | {} | {}",
                r.precision,
                r.recall,
                r.f1,
                r.predicted,
                seeds_recall(&idx)
            );
        }
    }
    println!(
        "== concept weight x per-question cut at the shipped threshold {LINK_THRESHOLD}: P / R / F1 (predicted) seeds alone"
    );
    for weight in [1.0, 1.5, 1.75, 2.0, 2.25, 2.5, 3.0] {
        let mut line = format!("{weight:.2}");
        for cut in [0.6, 0.65, 0.7, 0.75, 0.8] {
            let idx = PlanIndex::new(&plan, &default_aliases(), &[])
                .with_concept_weight(weight)
                .with_relative_cut(cut);
            let r = evaluate(&gold, &pred(&qs, &idx.match_all(&qs)), &keys);
            line += &format!(
                " | cut {cut}: {:.3} / {:.3} / {:.3} ({}) {}",
                r.precision,
                r.recall,
                r.f1,
                r.predicted,
                seeds_recall(&idx)
            );
        }
        println!("{line}");
    }
    println!("threshold | BM25 P / R / F1 | predicted");
    for t in [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7] {
        let b = Bm25Index::new(&plan).with_threshold(t);
        let r = evaluate(&gold, &pred(&qs, &b.match_all(&qs)), &keys);
        println!(
            "{t:.2} | {:.3} / {:.3} / {:.3} | {}",
            r.precision, r.recall, r.f1, r.predicted
        );
    }
}

/// The margin the threshold sits in: every pair that passes the other rules, with its score and
/// its gold grade (0 = must not be linked), strongest first; and the seed questions alone (what
/// `vigie import seeds/` sees).
#[test]
#[ignore = "prints the pair scores; run by hand"]
fn margins() {
    let plan = common::plan();
    let all = common::questions();
    let gold = parse_gold(&common::gold_text()).unwrap();
    let grade = |q: &Question, code: &str| {
        let (leg, num, who) = question_key(q);
        gold.entries
            .iter()
            .find(|e| {
                e.legislature == leg && e.number == num && e.addressee == who && e.action == code
            })
            .map_or(0, |e| e.grade)
    };
    let idx = PlanIndex::new(&plan, &default_aliases(), &[]);
    let seeds: Vec<Question> = all
        .iter()
        .filter(|(s, _, _)| s == "seeds")
        .map(|(_, _, q)| q.clone())
        .collect();
    let everything: Vec<Question> = all.iter().map(|(_, _, q)| q.clone()).collect();
    for (name, qs) in [("seeds + fixtures", &everything), ("seeds alone", &seeds)] {
        let mut rows: Vec<(f64, u8, u32, String)> = Vec::new();
        for (q, pairs) in qs.iter().zip(idx.pair_scores(qs)) {
            for (code, score) in pairs {
                rows.push((score, grade(q, &code), q.number, code));
            }
        }
        for (q, _) in qs.iter().zip(0..) {
            for e in gold.entries.iter().filter(|e| e.number == q.number) {
                if !rows.iter().any(|r| r.2 == q.number && r.3 == e.action) {
                    rows.push((0.0, e.grade, q.number, e.action.clone()));
                }
            }
        }
        rows.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
        println!("== {name}: score | grade | question | action");
        for (score, g, n, code) in rows.iter().filter(|r| r.0 >= 0.15 || r.1 > 0) {
            println!("{score:.3} | {g} | {n} | {code}");
        }
    }
}

/// `EXPLAIN=1176:5.2,38:5.1 cargo test -p vigie-matcher --test calibration -- --ignored --nocapture explain_pairs`:
/// the explanation of pairs (against the reference corpus, as `vigie match` weighs them).
#[test]
#[ignore = "prints explanations; run by hand"]
fn explain_pairs() {
    let plan = common::plan();
    let all = common::questions();
    let idx = PlanIndex::new(&plan, &default_aliases(), &[]);
    let wanted = std::env::var("EXPLAIN").unwrap_or_default();
    for pair in wanted.split(',').filter(|p| !p.is_empty()) {
        let (num, code) = pair.split_once(':').expect("NUMBER:ACTION");
        let num: u32 = num.parse().unwrap();
        let q = all
            .iter()
            .map(|(_, _, q)| q)
            .find(|q| q.number == num)
            .expect("no such question");
        println!("{}", explain(&idx, q, code));
    }
}
