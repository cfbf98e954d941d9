//! Speed check on generated documents (vigie-synth): a 1,000-action plan and 10,000 questions.
//! Run in release: `cargo test --release -p vigie-matcher --test perf -- --ignored --nocapture`.

use std::time::Instant;

use vigie_core::{Document, Question, read_document};
use vigie_matcher::{PlanIndex, default_aliases};

/// CPU time of this process so far (user + system), from /proc: wall time lies when other jobs
/// share the machine.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn synth(n_actions: usize, n_questions: usize) -> (vigie_core::Plan, Vec<Question>) {
    let Document::Plan(plan) = read_document(
        "synth-plan",
        vigie_synth::plan_file(7, n_actions).as_bytes(),
    )
    .unwrap() else {
        panic!("not a plan")
    };
    let questions = (0..n_questions)
        .map(|i| {
            match read_document("synth-q", vigie_synth::question_file(7, i).as_bytes()).unwrap() {
                Document::Question(q) => q,
                Document::Plan(_) => panic!("not a question"),
            }
        })
        .collect();
    (plan, questions)
}

#[test]
#[ignore = "timing; run in release by hand"]
fn ten_thousand_questions_against_a_thousand_actions() {
    let sizes: Vec<usize> = std::env::var("PERF_SIZES")
        .map(|v| v.split(',').map(|x| x.parse().unwrap()).collect())
        .unwrap_or(vec![1_000, 10_000]);
    for n in sizes {
        let (plan, questions) = synth(1_000, n);
        let t = Instant::now();
        let words: usize = questions
            .iter()
            .flat_map(|q| &q.passages)
            .map(|p| vigie_core::text::analyse(&p.text).len())
            .sum();
        println!("analysis alone: {words} tokens in {:?}", t.elapsed());
        let t0 = Instant::now();
        let index = PlanIndex::new(&plan, &default_aliases(), &[]);
        let built = t0.elapsed();
        let t1 = Instant::now();
        let c1 = cpu_seconds();
        let links = index.match_all(&questions);
        let matched = t1.elapsed();
        let cpu = match (c1, cpu_seconds()) {
            (Some(a), Some(b)) => b - a,
            _ => matched.as_secs_f64(),
        };
        println!("match_all CPU time {cpu:.2} s (all threads)");
        let n_links: usize = links.iter().map(Vec::len).sum();
        let n_passages: usize = links.iter().flatten().map(|l| l.passages.len()).sum();
        let n_terms: usize = links
            .iter()
            .flatten()
            .flat_map(|l| &l.passages)
            .map(|p| p.reasons.shared_terms.len())
            .sum();
        println!("{n_passages} passages in trails, {n_terms} shared terms in reasons");
        let (mut out_linked, mut out_total, mut in_linked, mut in_total) = (0, 0, 0, 0);
        for (i, l) in links.iter().enumerate() {
            if vigie_synth::question(7, i).in_plan {
                in_total += 1;
                in_linked += usize::from(!l.is_empty());
            } else {
                out_total += 1;
                out_linked += usize::from(!l.is_empty());
            }
        }
        // `in_plan` says whether a topic is in seed 002's plan; the generated plan has axes on every
        // topic, so here every question has actions on its subject and is expected to be linked
        // (tests/synthetic.rs measures over-linking against seed 002's plan instead).
        println!(
            "questions on seed 002's topics linked: {in_linked}/{in_total}; on the other topics (which the generated plan also covers): {out_linked}/{out_total}"
        );
        println!(
            "{} actions, {n} questions: index {built:?}, match_all {matched:?} ({:.1} µs/question), {n_links} links",
            index.action_codes().len(),
            matched.as_micros() as f64 / n as f64
        );
        if n == 10_000 {
            // Wall time depends on what else runs; the CPU time is what two idle cores split.
            assert!(cpu < 20.0, "CPU {cpu:.2} s, wall {matched:?}");
        }
    }
}
