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
    let qs: Vec<Question> = common::questions().into_iter().map(|(_, _, q)| q).collect();
    let keys: Vec<QuestionKey> = qs.iter().map(question_key).collect();
    let gold = parse_gold(&common::gold_text()).unwrap();
    println!("threshold | Vigie P / R / F1 | predicted");
    for t in [
        0.20, 0.22, 0.24, 0.26, 0.28, 0.30, 0.32, 0.34, 0.36, 0.38, 0.40,
    ] {
        let idx = PlanIndex::new(&plan, &default_aliases(), &[]).with_link_threshold(t);
        let r = evaluate(&gold, &pred(&qs, &idx.match_all(&qs)), &keys);
        println!(
            "{t:.2} | {:.3} / {:.3} / {:.3} | {}",
            r.precision, r.recall, r.f1, r.predicted
        );
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
