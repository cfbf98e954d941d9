//! A plain BM25 baseline for comparison: the same tokens as the matcher (`vigie_core::text`), one
//! document per action (label, text, axis title and description, unweighted), each passage as a
//! query; no background vocabulary, no related terms, no organisations, no minister, no subject.
//! A question is linked to an action when its best passage's normalised score passes
//! [`BASELINE_THRESHOLD`].

use std::collections::{BTreeMap, BTreeSet, HashMap};

use vigie_core::text;
use vigie_core::{Plan, Question};

use crate::index::{PassageLink, QuestionLink, Reasons, SharedTerm, SubjectReason};

const K1: f64 = 1.2;
const B: f64 = 0.75;
/// A raw BM25 score s becomes s / (s + BM25_HALF), in [0, 1).
const BM25_HALF: f64 = 10.0;
/// Calibrated on the gold like the matcher's threshold (see docs/matching.md).
pub const BASELINE_THRESHOLD: f64 = 0.55;

pub struct Bm25Index {
    codes: Vec<String>,
    /// Term frequencies per action.
    docs: Vec<HashMap<String, f64>>,
    lengths: Vec<f64>,
    avg_len: f64,
    df: HashMap<String, f64>,
    threshold: f64,
}

impl std::fmt::Debug for Bm25Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bm25Index")
            .field("actions", &self.codes.len())
            .finish()
    }
}

impl Bm25Index {
    pub fn new(plan: &Plan) -> Self {
        let mut codes = Vec::new();
        let mut docs = Vec::new();
        let mut lengths = Vec::new();
        let mut df: HashMap<String, f64> = HashMap::new();
        for axis in &plan.axes {
            for action in &axis.actions {
                let body = format!(
                    "{} {} {} {}",
                    action.label.as_deref().unwrap_or(""),
                    action.text,
                    axis.title,
                    axis.description
                );
                let tokens = text::analyse(&body);
                let mut tf: HashMap<String, f64> = HashMap::new();
                for t in &tokens {
                    *tf.entry(t.term.clone()).or_default() += 1.0;
                }
                for t in tf.keys() {
                    *df.entry(t.clone()).or_default() += 1.0;
                }
                codes.push(action.code.clone());
                lengths.push(tokens.len() as f64);
                docs.push(tf);
            }
        }
        let avg_len = if lengths.is_empty() {
            1.0
        } else {
            lengths.iter().sum::<f64>() / lengths.len() as f64
        };
        Bm25Index {
            codes,
            docs,
            lengths,
            avg_len: avg_len.max(1.0),
            df,
            threshold: BASELINE_THRESHOLD,
        }
    }

    /// The same index with another threshold (for calibration).
    pub fn with_threshold(mut self, threshold: f64) -> Self {
        self.threshold = threshold;
        self
    }

    fn idf(&self, term: &str) -> f64 {
        let n = self.docs.len() as f64;
        let df = self.df.get(term).copied().unwrap_or(0.0);
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// BM25 of a query (distinct terms) against action `d`, with per-term contributions.
    fn score(&self, query: &BTreeSet<&str>, d: usize) -> (f64, Vec<(String, f64)>) {
        let mut total = 0.0;
        let mut parts = Vec::new();
        for &t in query {
            if let Some(&tf) = self.docs[d].get(t) {
                let norm =
                    tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * self.lengths[d] / self.avg_len));
                let c = self.idf(t) * norm;
                total += c;
                parts.push((t.to_string(), c));
            }
        }
        parts.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        (total, parts)
    }

    /// Links every question, like [`crate::PlanIndex::match_all`].
    pub fn match_all(&self, questions: &[Question]) -> Vec<Vec<QuestionLink>> {
        questions.iter().map(|q| self.match_question(q)).collect()
    }

    pub fn match_question(&self, q: &Question) -> Vec<QuestionLink> {
        let mut per_action: BTreeMap<usize, Vec<PassageLink>> = BTreeMap::new();
        for p in &q.passages {
            let tokens = text::analyse(&p.text);
            let query: BTreeSet<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
            for d in 0..self.docs.len() {
                let (raw, parts) = self.score(&query, d);
                if raw <= 0.0 {
                    continue;
                }
                let score = raw / (raw + BM25_HALF);
                let shared_terms = parts
                    .into_iter()
                    .map(|(term, w)| {
                        let hits: Vec<_> = tokens.iter().filter(|t| t.term == term).collect();
                        let mut words: Vec<String> = Vec::new();
                        for h in &hits {
                            let w = p.text[h.surface.clone()].to_string();
                            if !words.contains(&w) {
                                words.push(w);
                            }
                        }
                        SharedTerm {
                            term,
                            weight: (w * 1000.0).round() / 1000.0,
                            passage_words: words,
                            passage_spans: hits
                                .iter()
                                .map(|h| (h.surface.start, h.surface.end))
                                .collect(),
                            action_words: Vec::new(),
                            related_to: None,
                        }
                    })
                    .collect();
                per_action.entry(d).or_default().push(PassageLink {
                    position: p.position,
                    kind: p.kind,
                    score: (score * 1000.0).round() / 1000.0,
                    reasons: Reasons {
                        text_score: (score * 1000.0).round() / 1000.0,
                        shared_terms,
                        organisations: Vec::new(),
                        minister: None,
                        subject: SubjectReason {
                            subject: q.subject.clone(),
                            score: 0.0,
                            shared_words: Vec::new(),
                        },
                        summary: format!("BM25 {raw:.3} / ({raw:.3} + {BM25_HALF}) = {score:.3}"),
                        staff: None,
                    },
                });
            }
        }
        per_action
            .into_iter()
            .filter_map(|(d, passages)| {
                let best = passages.iter().map(|p| p.score).fold(0.0, f64::max);
                (best >= self.threshold).then(|| QuestionLink {
                    action_code: self.codes[d].clone(),
                    score: best,
                    passages: passages
                        .into_iter()
                        .filter(|p| p.score >= self.threshold)
                        .collect(),
                })
            })
            .collect()
    }
}
