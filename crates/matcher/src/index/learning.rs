//! What staff decisions teach the matcher ([`crate::learn`] says the rule): the examples' vectors,
//! their centroids, and the adjustment of a candidate pair with its reason.

use std::collections::BTreeMap;

use vigie_core::Question;

use super::{Analysed, MinisterReason, Prepared, Weights, round3};
use crate::background::is_general;
use crate::fx::FxMap;
use crate::learn::{LEARN_MIN_SIMILARITY, LEARN_WEIGHT, StaffReason};

/// A question's distinctive terms (general vocabulary left out), with their counts over the subject,
/// headings and texts, and the first way the question writes each; sorted by term. Read from the
/// question's analysis `a` (its tokens), not analysed again.
pub(super) fn distinctive_terms(q: &Question, a: &Analysed) -> Vec<(String, f64, String)> {
    let mut out: BTreeMap<String, (f64, String)> = BTreeMap::new();
    let texts = std::iter::once((q.subject.as_str(), &a.subject[..])).chain(
        q.passages.iter().zip(&a.passages).flat_map(|(p, ap)| {
            p.heading
                .as_deref()
                .map(|h| (h, &ap.heading[..]))
                .into_iter()
                .chain([(p.text.as_str(), &ap.text[..])])
        }),
    );
    for (t, tokens) in texts {
        for tok in tokens {
            if is_general(&tok.term) {
                continue;
            }
            let e = out
                .entry(tok.term.clone())
                .or_insert_with(|| (0.0, t[tok.surface.clone()].to_string()));
            e.0 += 1.0;
        }
    }
    out.into_iter().map(|(t, (n, w))| (t, n, w)).collect()
}

/// A sparse vector of terms, normalised to length 1.
pub(super) type Sparse = FxMap<String, f64>;

pub(super) fn normalise(v: &mut Sparse) {
    let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        for x in v.values_mut() {
            *x /= norm;
        }
    }
}

pub(super) fn cosine(a: &Sparse, b: &Sparse) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter_map(|(t, x)| large.get(t).map(|y| x * y))
        .sum()
}

/// What an action learned from staff decisions: the examples' vectors and their centroids.
#[derive(Default)]
pub(super) struct Learned {
    pub(super) confirmed: Vec<(crate::QuestionKey, Sparse)>,
    pub(super) rejected: Vec<(crate::QuestionKey, Sparse)>,
    /// The centroids of all the examples, computed once ([`Learned::finish`]): a question uses
    /// them unless it is one of the examples.
    confirmed_centroid: Sparse,
    rejected_centroid: Sparse,
}

impl Learned {
    /// Computes the centroids once the examples are in.
    pub(super) fn finish(&mut self) {
        self.confirmed_centroid = centroid(self.confirmed.iter().map(|(_, v)| v));
        self.rejected_centroid = centroid(self.rejected.iter().map(|(_, v)| v));
    }
}

/// The centroid of `examples` without those of question `key`: the precomputed `all` unless the
/// question is among them.
fn centroid_without<'v>(
    examples: &'v [(crate::QuestionKey, Sparse)],
    all: &'v Sparse,
    key: &'v crate::QuestionKey,
) -> std::borrow::Cow<'v, Sparse> {
    if examples.iter().any(|(k, _)| k == key) {
        std::borrow::Cow::Owned(centroid(others(examples, key)))
    } else {
        std::borrow::Cow::Borrowed(all)
    }
}

/// The examples of questions other than `key`.
pub(super) fn others<'v>(
    examples: &'v [(crate::QuestionKey, Sparse)],
    key: &'v crate::QuestionKey,
) -> impl Iterator<Item = &'v Sparse> {
    examples
        .iter()
        .filter(move |(k, _)| k != key)
        .map(|(_, v)| v)
}

pub(super) fn centroid<'v>(vs: impl Iterator<Item = &'v Sparse>) -> Sparse {
    let mut c = Sparse::default();
    for v in vs {
        for (t, x) in v {
            *c.entry(t.clone()).or_insert(0.0) += x;
        }
    }
    normalise(&mut c);
    c
}

impl Weights<'_> {
    /// The vector staff examples are compared with: distinctive terms weighed `ln(1 + tf) × idf`.
    pub(super) fn learn_vector<'t>(&self, terms: impl Iterator<Item = (&'t str, f64)>) -> Sparse {
        let mut v: Sparse = terms
            .map(|(t, n)| (t.to_string(), (1.0 + n).ln() * self.idf(t)))
            .collect();
        normalise(&mut v);
        v
    }

    /// How staff decisions on other questions move the pair (`question`, `action`): `None` when
    /// the action has no example the question resembles.
    pub(super) fn staff_reason(
        &self,
        key: &crate::QuestionKey,
        question: &Sparse,
        words: &FxMap<String, String>,
        action: usize,
    ) -> Option<StaffReason> {
        let l = self.learned.get(action)?;
        // The examples of other questions: a decision on this very question is kept by the store
        // as the person made it, and must not feed the matcher's own view of it.
        let confirmed = centroid_without(&l.confirmed, &l.confirmed_centroid, key);
        let rejected = centroid_without(&l.rejected, &l.rejected_centroid, key);
        let sim = |c: &Sparse| {
            let x = cosine(question, c);
            if x >= LEARN_MIN_SIMILARITY { x } else { 0.0 }
        };
        let (pos, neg) = (sim(&confirmed), sim(&rejected));
        if pos == 0.0 && neg == 0.0 {
            return None;
        }
        let resembles = |vs: &[(crate::QuestionKey, Sparse)]| {
            others(vs, key)
                .filter(|v| cosine(question, v) >= LEARN_MIN_SIMILARITY)
                .count() as u32
        };
        // The question's words that weigh most in the centroid that moved the score most.
        let c = if pos >= neg { &confirmed } else { &rejected };
        let mut shared: Vec<(&String, f64)> = question
            .iter()
            .filter_map(|(t, x)| c.get(t).map(|y| (t, x * y)))
            .collect();
        shared.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        Some(StaffReason {
            confirmed: resembles(&l.confirmed),
            rejected: resembles(&l.rejected),
            words: shared
                .iter()
                .take(3)
                .filter_map(|(t, _)| words.get(*t).cloned())
                .collect(),
            adjustment: round3(LEARN_WEIGHT * (pos - neg)),
        })
    }

    /// The candidates of a question at `floor`, with staff decisions applied: best first (plan
    /// order on ties), each with the reason its score moved. The one place where learning enters
    /// the decision ([`Self::link_question`], [`PlanIndex::candidates`] and `explain` use it).
    pub(super) fn scored(
        &self,
        q: &Question,
        a: &Analysed,
        prep: &Prepared,
        pilots: &[Option<MinisterReason>],
        floor: f64,
    ) -> Vec<(usize, f64, Option<StaffReason>)> {
        if self.learned.is_empty() {
            return self
                .candidates(q, a, prep, pilots, floor)
                .into_iter()
                .map(|(ai, s)| (ai, s, None))
                .collect();
        }
        let terms = distinctive_terms(q, a);
        let words: FxMap<String, String> = terms
            .iter()
            .map(|(t, _, w)| (t.clone(), w.clone()))
            .collect();
        let qv = self.learn_vector(terms.iter().map(|(t, n, _)| (t.as_str(), *n)));
        let key = crate::question_key(q);
        let mut out: Vec<(usize, f64, Option<StaffReason>)> = self
            .candidates(q, a, prep, pilots, floor - LEARN_WEIGHT)
            .into_iter()
            .map(|(ai, raw)| {
                let r = self.staff_reason(&key, &qv, &words, ai);
                let adj = r.as_ref().map_or(0.0, |r| r.adjustment);
                (ai, (raw + adj).clamp(0.0, 1.0), r)
            })
            .filter(|c| c.1 >= floor)
            .collect();
        out.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        out
    }
}
