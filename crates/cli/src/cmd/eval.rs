//! `vigie eval --gold FILE [--baseline] [--cv K]`: precision, recall and F1 of the matcher at the
//! (question, action) level against a gold file, with a table per question, the share of negative
//! questions that got a link, and K-fold cross-validated figures beside the in-sample ones.
//!
//! The matcher runs in memory over the documents of the database (the questions `vigie match`
//! sees), so the figures measure the matcher, not the links staff have since confirmed, rejected
//! or added. With `--baseline`, the plain BM25 baseline is scored on the same questions and shown
//! side by side.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use vigie_matcher::baseline::{BASELINE_THRESHOLD, Bm25Index};
use vigie_matcher::eval::{
    EvalReport, cross_validate, default_grid, evaluate, grid_predictions, parse_gold,
    parse_status_gold, status_accuracy,
};
use vigie_matcher::{Corpus, MATCHER_VERSION, question_key};
use vigie_store::matching::push_pairs;

use super::match_cmd::open_existing;

#[derive(clap::Args)]
pub struct Args {
    /// Gold file: TSV with the columns `set legislature number addressee action grade note`.
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,
    /// Also score the plain BM25 baseline and show both side by side.
    #[arg(long)]
    baseline: bool,
    /// Also report K-fold cross-validated figures: each fold's questions are matched with the
    /// setting (threshold, support ratio, relative cut) that scored best on the other folds, and
    /// document frequencies counted on the other folds only. `--cv` alone: leave one out.
    #[arg(long, value_name = "K", num_args = 0..=1, default_missing_value = "0")]
    cv: Option<usize>,
    /// Also check the status engine against a status gold TSV (`set legislature number addressee
    /// action status sentence`): right status, and right sentence, per pair.
    #[arg(long, value_name = "FILE")]
    statuses: Option<PathBuf>,
}

/// Exit code for a gold file that cannot be read.
const BAD_INPUT: u8 = 2;

pub async fn run(db: &str, args: Args) -> anyhow::Result<ExitCode> {
    let name = args.gold.display().to_string();
    let text = match std::fs::read_to_string(&args.gold) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("vigie: {name}: cannot read the gold file: {e}");
            return Ok(ExitCode::from(BAD_INPUT));
        }
    };
    let gold = match parse_gold(&text) {
        Ok(g) => g,
        Err(e) => {
            eprintln!(
                "vigie: {name}:{}: expected {}, found {:?}",
                e.line, e.expected, e.found
            );
            return Ok(ExitCode::from(BAD_INPUT));
        }
    };
    let store = open_existing(db).await?;
    let input = store.load_match_input().await?;
    if input.plans.is_empty() {
        bail!("the database holds no plan: import one first (`vigie import seeds/`)");
    }
    let keys: Vec<_> = input.questions.iter().map(question_key).collect();
    let vigie = evaluate(&gold, &input.predicted_pairs(), &keys);
    let vigie_name = format!(
        "Vigie ({MATCHER_VERSION}, threshold {})",
        vigie_matcher::LINK_THRESHOLD
    );
    println!(
        "{vigie_name} on the {} question(s) of the database, gold {name}:\n",
        input.questions.len()
    );
    print!("{vigie}");
    if let Some(k) = args.cv {
        let k = if k == 0 { keys.len() } else { k };
        let grid = default_grid();
        // Each fold's matcher knows only the training questions: its reference corpus (the
        // document frequencies) is built from them, as the shipped one is from the real
        // questions Vigie was developed on.
        let cv = cross_validate(&gold, &keys, &grid, k, |train| {
            let train: std::collections::HashSet<_> = train.iter().collect();
            let known: Vec<_> = input
                .questions
                .iter()
                .filter(|q| train.contains(&question_key(q)))
                .cloned()
                .collect();
            let reference = std::sync::Arc::new(Corpus::of(&known));
            let mut per_setting = vec![Vec::new(); grid.len()];
            for i in 0..input.plans.len() {
                let index = |ratio| {
                    input
                        .index(i)
                        .with_reference(reference.clone())
                        .with_support_ratio(ratio)
                };
                for (all, pairs) in
                    per_setting
                        .iter_mut()
                        .zip(grid_predictions(index, &input.questions, &grid))
                {
                    all.extend(pairs);
                }
            }
            per_setting
        });
        println!("\n{k}-fold cross-validation (folds by question identity):");
        // How often each setting was chosen on the other folds (one line per setting).
        let mut chosen: Vec<(String, usize)> = Vec::new();
        for s in &cv.chosen {
            let s = s.to_string();
            match chosen.iter_mut().find(|(c, _)| *c == s) {
                Some((_, n)) => *n += 1,
                None => chosen.push((s, 1)),
            }
        }
        for (s, n) in chosen {
            println!("  chosen on the other folds for {n} fold(s): {s}");
        }
        let r = &cv.report;
        println!(
            "in-sample (shipped setting)  precision {:.3}  recall {:.3}  F1 {:.3}  negatives linked {}/{}",
            vigie.precision, vigie.recall, vigie.f1, vigie.negatives_linked, vigie.negatives
        );
        println!(
            "cross-validated              precision {:.3}  recall {:.3}  F1 {:.3}  negatives linked {}/{}",
            r.precision, r.recall, r.f1, r.negatives_linked, r.negatives
        );
    }
    if let Some(path) = &args.statuses {
        let sname = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("vigie: {sname}: cannot read the status gold file: {e}");
                return Ok(ExitCode::from(BAD_INPUT));
            }
        };
        let rows = match parse_status_gold(&text) {
            Ok(r) => r,
            Err(e) => {
                eprintln!(
                    "vigie: {sname}:{}: expected {}, found {:?}",
                    e.line, e.expected, e.found
                );
                return Ok(ExitCode::from(BAD_INPUT));
            }
        };
        println!("\nStatus engine against {sname}:\n");
        let mut checks = Vec::new();
        for i in 0..input.plans.len() {
            let index = input.index(i);
            let codes = index.action_codes();
            let mine: Vec<_> = rows
                .iter()
                .filter(|r| codes.contains(&r.action.as_str()))
                .cloned()
                .collect();
            checks.extend(status_accuracy(&index, &input.questions, &mine));
        }
        for c in &checks {
            let g = &c.gold;
            println!(
                "{} n°{} {} {}: expected {}, proposed {} — status {}, sentence {}",
                g.legislature,
                g.number,
                g.addressee,
                g.action,
                g.status.map_or("none", |s| s.as_str()),
                c.proposed.map_or("-", |s| s.as_str()),
                if c.status_ok { "right" } else { "WRONG" },
                if c.sentence_ok { "right" } else { "other" },
            );
            if !c.sentence_ok
                && let Some(s) = &c.sentence
            {
                println!("    proposed sentence: {s}");
            }
        }
        let n = checks.len().max(1);
        println!(
            "right status {}/{} ({:.0} %), right sentence {}/{} ({:.0} %)",
            checks.iter().filter(|c| c.status_ok).count(),
            checks.len(),
            100.0 * checks.iter().filter(|c| c.status_ok).count() as f64 / n as f64,
            checks.iter().filter(|c| c.sentence_ok).count(),
            checks.len(),
            100.0 * checks.iter().filter(|c| c.sentence_ok).count() as f64 / n as f64,
        );
    }
    if args.baseline {
        let mut predicted = Vec::new();
        for lp in &input.plans {
            let links = Bm25Index::new(&lp.plan).match_all(&input.questions);
            push_pairs(&input.questions, &links, &mut predicted);
        }
        let bm25 = evaluate(&gold, &predicted, &keys);
        let bm25_name = format!("BM25 baseline (threshold {BASELINE_THRESHOLD})");
        println!("\n{bm25_name} on the same questions:\n");
        print!("{bm25}");
        println!();
        print!(
            "{}",
            side_by_side(&[(vigie_name.as_str(), &vigie), (bm25_name.as_str(), &bm25)])
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// One line per matcher: precision, recall, F1 with their counts.
fn side_by_side(rows: &[(&str, &EvalReport)]) -> String {
    let mut table = vec![[
        "matcher".to_string(),
        "precision".to_string(),
        "recall".to_string(),
        "F1".to_string(),
    ]];
    for (name, r) in rows {
        table.push([
            name.to_string(),
            format!("{:.3} ({}/{})", r.precision, r.correct, r.predicted),
            format!("{:.3} ({}/{})", r.recall, r.required_found, r.required),
            format!("{:.3}", r.f1),
        ]);
    }
    let mut widths = [0usize; 4];
    for row in &table {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    for row in &table {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}
