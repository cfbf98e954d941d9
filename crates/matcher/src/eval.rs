//! Evaluation of links against a gold file.
//!
//! The gold file is TSV with the columns `set legislature number addressee action grade note`.
//! `#` starts a comment (to the end of the line); blank lines are skipped; a first line naming
//! the columns is allowed. `addressee` is the minister's surname (compared without case or
//! accents). Grade 2: the link must be found. Grade 1: the link may be found (predicting it counts
//! as correct, missing it is not penalised). A (question, action) pair absent from the file must not
//! be linked; a question absent from the file has no relevant action.
//!
//! Metrics, at the (question, action) level:
//! - precision = predicted pairs graded 1 or 2 / all predicted pairs (1 when nothing is predicted);
//! - recall = grade-2 pairs predicted / all grade-2 pairs of the questions evaluated (1 when there
//!   are none);
//! - F1 = harmonic mean of the two.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use vigie_core::text;

use crate::{PlanIndex, QuestionKey};
use vigie_core::Question;

/// One line of the gold file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldEntry {
    pub set: String,
    pub legislature: String,
    pub number: u32,
    pub addressee: String,
    pub action: String,
    pub grade: u8,
    pub note: String,
    /// 1-based line in the file.
    pub line: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gold {
    pub entries: Vec<GoldEntry>,
}

/// A gold file that cannot be read: the 1-based line and what was expected there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldError {
    pub line: usize,
    pub expected: String,
    pub found: String,
}

impl fmt::Display for GoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}: expected {}, found {:?}",
            self.line, self.expected, self.found
        )
    }
}

impl std::error::Error for GoldError {}

const COLUMNS: [&str; 7] = [
    "set",
    "legislature",
    "number",
    "addressee",
    "action",
    "grade",
    "note",
];

/// Parses a gold file (see the module docs for the format).
pub fn parse_gold(text: &str) -> Result<Gold, GoldError> {
    let mut entries: Vec<GoldEntry> = Vec::new();
    let mut seen: BTreeMap<(String, u32, String, String), usize> = BTreeMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let content = raw.split('#').next().unwrap_or("");
        if content.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = content
            .trim_end_matches(['\r', '\n'])
            .split('\t')
            .map(str::trim)
            .collect();
        if cols[0] == "set" && entries.is_empty() && cols.get(1) == Some(&"legislature") {
            continue;
        }
        let err = |expected: &str, found: &str| GoldError {
            line,
            expected: expected.to_string(),
            found: found.to_string(),
        };
        if cols.len() < 6 || cols.len() > 7 {
            return Err(err(
                &format!(
                    "{} tab-separated columns ({}; note may be empty)",
                    COLUMNS.len(),
                    COLUMNS.join(" ")
                ),
                content.trim(),
            ));
        }
        let legislature = cols[1];
        let valid_leg = legislature.len() == 5
            && legislature.as_bytes()[2] == b'/'
            && legislature
                .chars()
                .enumerate()
                .all(|(k, c)| k == 2 || c.is_ascii_digit());
        if !valid_leg {
            return Err(err("a legislature like 19/24 in column 2", legislature));
        }
        let number: u32 = cols[2]
            .parse()
            .map_err(|_| err("a question number in column 3", cols[2]))?;
        if cols[0].is_empty() {
            return Err(err("a set name in column 1", cols[0]));
        }
        if cols[3].is_empty() {
            return Err(err("the addressee's surname in column 4", cols[3]));
        }
        let action = cols[4];
        let valid_action = !action.is_empty()
            && action
                .split('.')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
        if !valid_action {
            return Err(err("an action code like 3.1 in column 5", action));
        }
        let grade: u8 = match cols[5] {
            "1" => 1,
            "2" => 2,
            other => {
                return Err(err(
                    "a grade 1 (may be linked) or 2 (must be linked) in column 6",
                    other,
                ));
            }
        };
        let key = (
            legislature.to_string(),
            number,
            text::fold(cols[3]),
            action.to_string(),
        );
        if let Some(prev) = seen.get(&key) {
            return Err(err(
                &format!("each (question, action) pair once (already on line {prev})"),
                content.trim(),
            ));
        }
        seen.insert(key, line);
        entries.push(GoldEntry {
            set: cols[0].to_string(),
            legislature: legislature.to_string(),
            number,
            addressee: cols[3].to_string(),
            action: action.to_string(),
            grade,
            note: cols.get(6).unwrap_or(&"").to_string(),
            line,
        });
    }
    Ok(Gold { entries })
}

/// One question's line of the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvalRow {
    pub legislature: String,
    pub number: u32,
    pub addressee: String,
    /// Grade-2 actions.
    pub required: Vec<String>,
    /// Grade-1 actions.
    pub optional: Vec<String>,
    pub predicted: Vec<String>,
    /// Predicted but not in the gold.
    pub wrong: Vec<String>,
    /// Grade 2 but not predicted.
    pub missed: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Predicted pairs graded 1 or 2.
    pub correct: usize,
    pub predicted: usize,
    /// Grade-2 pairs found / all grade-2 pairs.
    pub required_found: usize,
    pub required: usize,
    pub rows: Vec<EvalRow>,
    /// Gold questions that are not among the evaluated questions (ignored in the figures).
    pub gold_not_in_db: Vec<QuestionKey>,
    /// Questions with no gold row at all (they must get no link), and how many got one.
    #[serde(default)]
    pub negatives: usize,
    #[serde(default)]
    pub negatives_linked: usize,
}

fn norm_key(k: &QuestionKey) -> (String, u32, String) {
    (k.0.clone(), k.1, text::fold(&k.2))
}

/// Scores `predicted` (legislature, number, addressee, action) against `gold` over the questions
/// `questions_in_db` (the questions that were matched; predicted questions outside it are added).
pub fn evaluate(
    gold: &Gold,
    predicted: &[(String, u32, String, String)],
    questions_in_db: &[QuestionKey],
) -> EvalReport {
    // Display key (as first seen) per normalised key.
    let mut questions: BTreeMap<(String, u32, String), QuestionKey> = BTreeMap::new();
    for k in questions_in_db {
        questions.entry(norm_key(k)).or_insert_with(|| k.clone());
    }
    let mut pred: BTreeMap<(String, u32, String), BTreeSet<String>> = BTreeMap::new();
    for (l, n, a, act) in predicted {
        let k = (l.clone(), *n, a.clone());
        questions.entry(norm_key(&k)).or_insert_with(|| k.clone());
        pred.entry(norm_key(&k)).or_default().insert(act.clone());
    }
    let mut grades: BTreeMap<(String, u32, String), BTreeMap<String, u8>> = BTreeMap::new();
    let mut gold_not_in_db = BTreeSet::new();
    for e in &gold.entries {
        let k = (e.legislature.clone(), e.number, e.addressee.clone());
        if !questions.contains_key(&norm_key(&k)) {
            gold_not_in_db.insert(k);
            continue;
        }
        grades
            .entry(norm_key(&k))
            .or_default()
            .insert(e.action.clone(), e.grade);
    }
    let (mut correct, mut n_pred, mut req_found, mut req) = (0, 0, 0, 0);
    let (mut negatives, mut negatives_linked) = (0, 0);
    let mut rows = Vec::new();
    let empty_g = BTreeMap::new();
    let empty_p = BTreeSet::new();
    for (nk, display) in &questions {
        let g = grades.get(nk).unwrap_or(&empty_g);
        let p = pred.get(nk).unwrap_or(&empty_p);
        let required: Vec<String> = g
            .iter()
            .filter(|(_, gr)| **gr == 2)
            .map(|(a, _)| a.clone())
            .collect();
        let optional: Vec<String> = g
            .iter()
            .filter(|(_, gr)| **gr == 1)
            .map(|(a, _)| a.clone())
            .collect();
        let wrong: Vec<String> = p.iter().filter(|a| !g.contains_key(*a)).cloned().collect();
        let missed: Vec<String> = required
            .iter()
            .filter(|a| !p.contains(*a))
            .cloned()
            .collect();
        n_pred += p.len();
        correct += p.len() - wrong.len();
        if g.is_empty() {
            negatives += 1;
            if !p.is_empty() {
                negatives_linked += 1;
            }
        }
        req += required.len();
        req_found += required.len() - missed.len();
        rows.push(EvalRow {
            legislature: display.0.clone(),
            number: display.1,
            addressee: display.2.clone(),
            required,
            optional,
            predicted: p.iter().cloned().collect(),
            wrong,
            missed,
        });
    }
    let precision = if n_pred == 0 {
        1.0
    } else {
        correct as f64 / n_pred as f64
    };
    let recall = if req == 0 {
        1.0
    } else {
        req_found as f64 / req as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    EvalReport {
        precision,
        recall,
        f1,
        correct,
        predicted: n_pred,
        required_found: req_found,
        required: req,
        rows,
        gold_not_in_db: gold_not_in_db.into_iter().collect(),
        negatives,
        negatives_linked,
    }
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |v: &[String]| {
            if v.is_empty() {
                "-".to_string()
            } else {
                v.join(",")
            }
        };
        let header = ["question", "must", "may", "predicted", "wrong", "missed"];
        let mut table: Vec<[String; 6]> = vec![header.map(String::from)];
        for r in &self.rows {
            table.push([
                format!("{} n°{} {}", r.legislature, r.number, r.addressee),
                list(&r.required),
                list(&r.optional),
                list(&r.predicted),
                list(&r.wrong),
                list(&r.missed),
            ]);
        }
        let mut widths = [0usize; 6];
        for row in &table {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
        for (i, row) in table.iter().enumerate() {
            let cells: Vec<String> = row
                .iter()
                .zip(widths)
                .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
                .collect();
            writeln!(f, "{}", cells.join("  ").trim_end())?;
            if i == 0 {
                writeln!(
                    f,
                    "{}",
                    widths
                        .iter()
                        .map(|w| "-".repeat(*w))
                        .collect::<Vec<_>>()
                        .join("  ")
                )?;
            }
        }
        writeln!(
            f,
            "precision {:.3} ({}/{} predicted links correct)  recall {:.3} ({}/{} required links found)  F1 {:.3}",
            self.precision,
            self.correct,
            self.predicted,
            self.recall,
            self.required_found,
            self.required,
            self.f1
        )?;
        writeln!(
            f,
            "negative questions (no gold row) with any link: {} of {}",
            self.negatives_linked, self.negatives
        )?;
        if !self.gold_not_in_db.is_empty() {
            let qs: Vec<String> = self
                .gold_not_in_db
                .iter()
                .map(|k| format!("{} n°{} {}", k.0, k.1, k.2))
                .collect();
            writeln!(
                f,
                "gold questions not evaluated (not in the database): {}",
                qs.join("; ")
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_line_and_what_was_expected() {
        let e = parse_gold("# comment\nseeds\t19/24\tx\tClerfayt\t4.1\t2\tnote\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.to_string().contains("a question number in column 3"),
            "{e}"
        );
        let e = parse_gold("seeds\t19/24\t38\tClerfayt\t4.1\t3\n").unwrap_err();
        assert!(
            e.to_string().starts_with("line 1: expected a grade 1"),
            "{e}"
        );
        let e = parse_gold("seeds 19/24 38 Clerfayt 4.1 2\n").unwrap_err();
        assert!(e.to_string().contains("7 tab-separated columns"), "{e}");
        let e = parse_gold("s\t19/24\t38\tClerfayt\t4.1\t2\ns\t19/24\t38\tclerfayt\t4.1\t1\n")
            .unwrap_err();
        assert_eq!(
            (e.line, e.expected.as_str()),
            (2, "each (question, action) pair once (already on line 1)")
        );
    }

    #[test]
    fn grade_one_counts_when_found_and_costs_nothing_when_missed() {
        let gold = parse_gold(
            "set\tlegislature\tnumber\taddressee\taction\tgrade\tnote\n\
             s\t19/24\t1\tClerfayt\t4.1\t2\tmust\n\
             s\t19/24\t1\tClerfayt\t5.1\t1\tmay  # trailing comment\n\
             s\t19/24\t2\tClerfayt\t3.1\t2\n\
             s\t19/24\t9\tMaron\t3.1\t2\tnot in db\n",
        )
        .unwrap();
        let p = |n: u32, a: &str| {
            (
                "19/24".to_string(),
                n,
                "Clerfayt".to_string(),
                a.to_string(),
            )
        };
        let db: Vec<QuestionKey> = [1, 2, 3]
            .map(|n| ("19/24".to_string(), n, "Clerfayt".to_string()))
            .to_vec();
        let r = evaluate(&gold, &[p(1, "4.1"), p(1, "5.1"), p(3, "1.1")], &db);
        assert_eq!(
            (r.correct, r.predicted, r.required_found, r.required),
            (2, 3, 1, 2)
        );
        assert!((r.precision - 2.0 / 3.0).abs() < 1e-9 && (r.recall - 0.5).abs() < 1e-9);
        assert_eq!(r.rows[2].wrong, vec!["1.1"]);
        assert_eq!(r.rows[1].missed, vec!["3.1"]);
        assert_eq!(r.gold_not_in_db.len(), 1);
        let shown = r.to_string();
        assert!(shown.contains("19/24 n°1 Clerfayt  4.1"), "{shown}");
        // Grade 1 missed: no penalty.
        let r = evaluate(&gold, &[p(1, "4.1"), p(2, "3.1")], &db);
        assert_eq!((r.precision, r.recall), (1.0, 1.0));
    }
}

/// The matcher's settings that calibration chooses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Setting {
    pub threshold: f64,
    pub support_ratio: f64,
    pub relative_cut: f64,
    /// Whether a second subject of a question escapes the relative cut ([`crate::select`]).
    pub second_subjects: bool,
}

impl std::fmt::Display for Setting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "threshold {:.2}, support ratio {:.1}, relative cut {:.2}{}",
            self.threshold,
            self.support_ratio,
            self.relative_cut,
            if self.second_subjects {
                ", second subjects kept"
            } else {
                ""
            }
        )
    }
}

/// The grid calibration searches: thresholds 0.18–0.26, support ratios 1.5–3 and none, relative
/// cuts 0.5–0.7, second subjects kept or cut. The shipped setting comes first, so ties keep it.
pub fn default_grid() -> Vec<Setting> {
    let shipped = Setting {
        threshold: crate::LINK_THRESHOLD,
        support_ratio: crate::SUPPORT_RATIO,
        relative_cut: crate::RELATIVE_CUT,
        second_subjects: true,
    };
    let mut grid = vec![shipped];
    for t in [0.18, 0.20, 0.22, 0.24, 0.26] {
        for r in [1.5, 2.0, 3.0, f64::INFINITY] {
            for c in [0.5, 0.6, 0.65, 0.7] {
                for second_subjects in [true, false] {
                    let s = Setting {
                        threshold: t,
                        support_ratio: r,
                        relative_cut: c,
                        second_subjects,
                    };
                    if s != shipped {
                        grid.push(s);
                    }
                }
            }
        }
    }
    grid
}

/// Cross-validated figures: each fold's questions are predicted with the setting that scored
/// best (F1) on the other folds, and all held-out predictions are scored together.
#[derive(Clone, Debug)]
pub struct CrossValidation {
    pub folds: usize,
    /// The setting chosen on each fold's training part.
    pub chosen: Vec<Setting>,
    /// The held-out predictions of every fold, scored together.
    pub report: EvalReport,
}

/// A predicted link: (legislature, number, addressee key, action code).
pub type Pair = (String, u32, String, String);

/// The links of `questions` under each setting of `grid`, in grid order. `index(ratio)` builds the
/// matcher with a support ratio (the only setting that changes scores); thresholds and cuts are
/// applied to its [`PlanIndex::candidates`] with the matcher's own rule ([`crate::select`]), so
/// the grid costs one matching per support ratio instead of one per setting.
pub fn grid_predictions(
    index: impl Fn(f64) -> PlanIndex,
    questions: &[Question],
    grid: &[Setting],
) -> Vec<Vec<Pair>> {
    let floor = grid
        .iter()
        .map(|g| g.threshold)
        .fold(f64::INFINITY, f64::min);
    // (support ratio, each question's candidates)
    type Candidates = Vec<Vec<crate::Candidate>>;
    let mut by_ratio: Vec<(f64, Candidates)> = Vec::new();
    for g in grid {
        if !by_ratio.iter().any(|(r, _)| *r == g.support_ratio) {
            let cands = index(g.support_ratio).candidates(questions, floor);
            by_ratio.push((g.support_ratio, cands));
        }
    }
    grid.iter()
        .map(|g| {
            let cands = &by_ratio
                .iter()
                .find(|(r, _)| *r == g.support_ratio)
                .unwrap()
                .1;
            questions
                .iter()
                .zip(cands)
                .flat_map(|(q, cs)| {
                    let mut chosen: Vec<((&str, bool), f64)> = cs
                        .iter()
                        .filter(|c| c.score >= g.threshold)
                        .map(|c| ((c.code.as_str(), c.second_subject), c.score))
                        .collect();
                    crate::select(&mut chosen, g.relative_cut, |c, _| g.second_subjects && c.1);
                    chosen.into_iter().map(move |((code, _), _)| {
                        (
                            q.legislature.clone(),
                            q.number,
                            q.addressee_key(),
                            code.to_string(),
                        )
                    })
                })
                .collect()
        })
        .collect()
}

/// `k`-fold cross-validation over the questions `keys` (fold of a question: its position in key
/// order, modulo `k`, so folds do not depend on the database's ids). For each fold, `predict`
/// receives the training questions' keys and returns, for each setting of `grid` in order, the
/// pairs the matcher predicts over all questions when it knows only the training questions (its
/// reference corpus is built from them). The setting with the best F1 on the training questions
/// predicts the fold's questions; ties prefer the earlier setting.
pub fn cross_validate(
    gold: &Gold,
    keys: &[QuestionKey],
    grid: &[Setting],
    k: usize,
    mut predict: impl FnMut(&[QuestionKey]) -> Vec<Vec<Pair>>,
) -> CrossValidation {
    let k = k.max(2);
    let mut sorted: Vec<(String, u32, String)> = keys.iter().map(norm_key).collect();
    sorted.sort();
    sorted.dedup();
    let fold_of: BTreeMap<(String, u32, String), usize> = sorted
        .iter()
        .enumerate()
        .map(|(i, key)| (key.clone(), i % k))
        .collect();
    let in_fold = |key: &QuestionKey, f: usize| fold_of.get(&norm_key(key)) == Some(&f);
    let pair_key = |p: &Pair| (p.0.clone(), p.1, p.2.clone());
    let mut chosen = Vec::new();
    let mut held_out_pairs = Vec::new();
    for f in 0..k {
        let train_keys: Vec<QuestionKey> =
            keys.iter().filter(|q| !in_fold(q, f)).cloned().collect();
        let train_gold = Gold {
            entries: gold
                .entries
                .iter()
                .filter(|e| !in_fold(&(e.legislature.clone(), e.number, e.addressee.clone()), f))
                .cloned()
                .collect(),
        };
        let predictions = predict(&train_keys);
        assert_eq!(predictions.len(), grid.len(), "one prediction per setting");
        let mut best: Option<(f64, usize)> = None;
        for (g, pred) in predictions.iter().enumerate() {
            let train_pred: Vec<_> = pred
                .iter()
                .filter(|p| !in_fold(&pair_key(p), f))
                .cloned()
                .collect();
            let r = evaluate(&train_gold, &train_pred, &train_keys);
            if best.is_none_or(|(b, _)| r.f1 > b + 1e-12) {
                best = Some((r.f1, g));
            }
        }
        let g = best.map_or(0, |(_, g)| g);
        chosen.push(grid[g]);
        held_out_pairs.extend(
            predictions[g]
                .iter()
                .filter(|p| in_fold(&pair_key(p), f))
                .cloned(),
        );
    }
    CrossValidation {
        folds: k,
        chosen,
        report: evaluate(gold, &held_out_pairs, keys),
    }
}

#[cfg(test)]
mod cv_tests {
    use super::*;

    #[test]
    fn cross_validation_picks_per_fold_and_scores_held_out_questions() {
        let gold = parse_gold(
            "# h\n# set\tlegislature\tnumber\taddressee\taction\tgrade\tnote\n\
             dev\t24/29\t1\tA\t1.1\t2\tx\n\
             dev\t24/29\t2\tA\t1.1\t2\tx\n",
        )
        .unwrap();
        let keys: Vec<QuestionKey> = (1..=4).map(|n| ("24/29".into(), n, "A".into())).collect();
        let p = |n: u32| ("24/29".to_string(), n, "A".to_string(), "1.1".to_string());
        // Setting 0 links everything (two wrong), setting 1 exactly the gold.
        let grid = [
            Setting {
                threshold: 0.1,
                support_ratio: 1.0,
                relative_cut: 0.7,
                second_subjects: true,
            },
            Setting {
                threshold: 0.2,
                support_ratio: 1.0,
                relative_cut: 0.7,
                second_subjects: true,
            },
        ];
        let predictions = vec![vec![p(1), p(2), p(3), p(4)], vec![p(1), p(2)]];
        let cv = cross_validate(&gold, &keys, &grid, 2, |_| predictions.clone());
        assert_eq!(cv.chosen, vec![grid[1], grid[1]]);
        assert_eq!((cv.report.correct, cv.report.predicted), (2, 2));
        assert_eq!(cv.report.recall, 1.0);
    }
}

/// One row of a status gold file (`status-dev.tsv`): for a (question, action) pair, the status its
/// answer supports and the sentence it rests on. `status` is `None` for `none`.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusGoldRow {
    pub legislature: String,
    pub number: u32,
    pub addressee: String,
    pub action: String,
    pub status: Option<vigie_core::Status>,
    pub sentence: String,
}

/// Reads a status gold TSV: `set legislature number addressee action status sentence`, `#`
/// comments.
pub fn parse_status_gold(text: &str) -> Result<Vec<StatusGoldRow>, GoldError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 7 {
            return Err(GoldError {
                line: line_no,
                expected: "7 tab-separated columns: set legislature number addressee action status sentence".into(),
                found: line.chars().take(80).collect(),
            });
        }
        let number = cols[2].trim().parse().map_err(|_| GoldError {
            line: line_no,
            expected: "a question number".into(),
            found: cols[2].into(),
        })?;
        let status = match cols[5].trim() {
            "none" => None,
            s => Some(vigie_core::Status::parse(s).ok_or_else(|| GoldError {
                line: line_no,
                expected: "a status (announced, in_progress, delivered, stalled, none)".into(),
                found: s.into(),
            })?),
        };
        out.push(StatusGoldRow {
            legislature: cols[1].trim().into(),
            number,
            addressee: cols[3].trim().into(),
            action: cols[4].trim().into(),
            status,
            sentence: cols[6].trim().into(),
        });
    }
    Ok(out)
}

/// What the status engine proposes for one gold pair, from that question alone.
#[derive(Clone, Debug)]
pub struct StatusCheck {
    pub gold: StatusGoldRow,
    /// `None` when the question is not among those given.
    pub proposed: Option<vigie_core::Status>,
    pub sentence: Option<String>,
    pub status_ok: bool,
    pub sentence_ok: bool,
}

/// The status engine on each gold pair: the question's answer is read for the action through the
/// matcher's link when there is one, else through every answer passage (the status gold is about
/// the engine, not the matcher).
pub fn status_accuracy(
    index: &crate::PlanIndex,
    questions: &[vigie_core::Question],
    gold: &[StatusGoldRow],
) -> Vec<StatusCheck> {
    gold.iter()
        .map(|g| {
            let wanted = (g.legislature.clone(), g.number, text::fold(&g.addressee));
            let Some(q) = questions
                .iter()
                .find(|q| norm_key(&crate::question_key(q)) == wanted)
            else {
                return StatusCheck {
                    gold: g.clone(),
                    proposed: None,
                    sentence: None,
                    status_ok: false,
                    sentence_ok: false,
                };
            };
            let link = index
                .match_question(q)
                .into_iter()
                .find(|l| l.action_code == g.action)
                .unwrap_or_else(|| crate::QuestionLink {
                    action_code: g.action.clone(),
                    score: 0.0,
                    passages: q
                        .passages
                        .iter()
                        .filter(|p| p.kind.is_answer())
                        .map(|p| crate::PassageLink {
                            position: p.position,
                            kind: p.kind,
                            score: 0.0,
                            reasons: crate::Reasons {
                                text_score: 0.0,
                                shared_terms: Vec::new(),
                                organisations: Vec::new(),
                                minister: None,
                                subject: crate::SubjectReason {
                                    subject: q.subject.clone(),
                                    score: 0.0,
                                    shared_words: Vec::new(),
                                },
                                summary: String::new(),
                                staff: None,
                            },
                        })
                        .collect(),
                });
            let proposals = crate::propose_statuses(index, std::slice::from_ref(q), &[vec![link]]);
            let p = proposals.into_iter().find(|p| p.action_code == g.action);
            let proposed = p.as_ref().map(|p| p.status);
            let sentence = p.and_then(|p| p.evidence).map(|e| e.sentence);
            let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            StatusCheck {
                status_ok: match g.status {
                    Some(s) => proposed == Some(s),
                    None => matches!(proposed, None | Some(vigie_core::Status::NoFollowUp)),
                },
                sentence_ok: sentence.as_deref().is_some_and(|s| {
                    let (s, want) = (squash(s), squash(&g.sentence));
                    !want.is_empty() && (s.contains(&want) || want.contains(&s))
                }),
                proposed,
                sentence,
                gold: g.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod status_gold_tests {
    use super::*;

    #[test]
    fn status_gold_rows_are_read_and_bad_ones_named() {
        let rows = parse_status_gold(
            "# c\ndev\t24/29\t90\tHublet\t1.2\tdelivered\tLa phrase.\ndev\t24/29\t91\tHublet\t1.3\tnone\t\n",
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].status, Some(vigie_core::Status::Delivered));
        assert_eq!(rows[1].status, None);
        let e = parse_status_gold("dev\t24/29\t90\tHublet\t1.2\tdone\tx\n").unwrap_err();
        assert_eq!((e.line, e.found.as_str()), (1, "done"));
    }
}
