//! The reference corpus: document frequencies of terms in real written questions, which every
//! question is weighed against (see [`Corpus`]).

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use vigie_core::Question;
use vigie_core::text;

use super::parallel_map;
use crate::fx::FxMap;

/// Document frequencies of a corpus of questions: how many questions use each term (their subject,
/// headings and texts), for the idf. The matcher weighs every question against one **reference
/// corpus**, fixed and versioned with it ([`Corpus::reference`], `data/reference.tsv`), never
/// against the database it runs on: a link decision for a question depends on the plan and that
/// question only, so it does not change when unrelated questions are added or removed (issue 10;
/// 1.4.0 counted the batch, and 48 unrelated real questions imported beside an AI question removed
/// its link). Counting is additive and order-free: the same questions give the same corpus however
/// they are split.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Corpus {
    pub(super) n_questions: usize,
    pub(super) df: FxMap<Box<str>, u32>,
}

impl Corpus {
    /// An empty corpus (no question).
    pub fn new() -> Self {
        Self::default()
    }

    /// The corpus of `questions`.
    pub fn of(questions: &[Question]) -> Self {
        let mut c = Self::new();
        c.add(questions);
        c
    }

    /// Counts `questions` in (analysed on all cores; only their distinct terms are kept).
    pub fn add(&mut self, questions: &[Question]) {
        let term_sets = parallel_map(questions, |q| {
            let mut terms: Vec<String> = text::analyse(&q.subject)
                .into_iter()
                .chain(q.passages.iter().flat_map(|p| {
                    let heading = p.heading.as_deref().map(text::analyse).unwrap_or_default();
                    heading.into_iter().chain(text::analyse(&p.text))
                }))
                .map(|t| t.term)
                .collect();
            terms.sort_unstable();
            terms.dedup();
            terms
        });
        for terms in &term_sets {
            self.count(terms.iter().map(String::as_str));
        }
    }

    /// Counts one question given by its terms (repeats allowed).
    fn count<'t>(&mut self, terms: impl Iterator<Item = &'t str>) {
        let seen: BTreeSet<&str> = terms.collect();
        for t in seen {
            match self.df.get_mut(t) {
                Some(n) => *n += 1,
                None => {
                    self.df.insert(t.into(), 1);
                }
            }
        }
        self.n_questions += 1;
    }

    /// How many questions were counted.
    pub fn questions(&self) -> usize {
        self.n_questions
    }

    /// How many distinct terms they use.
    pub fn terms(&self) -> usize {
        self.df.len()
    }

    /// The reference corpus the matcher ships with: the document frequencies of the real written
    /// questions of `data/reference.tsv` (how it is made: the file's header and docs/matching.md).
    pub fn reference() -> Arc<Corpus> {
        static REF: OnceLock<Arc<Corpus>> = OnceLock::new();
        REF.get_or_init(|| {
            Arc::new(
                Corpus::from_tsv(include_str!("../../data/reference.tsv"))
                    .unwrap_or_else(|e| panic!("data/reference.tsv: {e}")),
            )
        })
        .clone()
    }

    /// The corpus as the lines of `data/reference.tsv`: `# documents<TAB>N`, then `term<TAB>df`
    /// sorted by term, after the comment lines of `header`.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!("# documents\t{}\n", self.n_questions));
        let mut terms: Vec<(&str, u32)> = self.df.iter().map(|(t, &n)| (&**t, n)).collect();
        terms.sort_unstable();
        for (t, n) in terms {
            out.push_str(&format!("{t}\t{n}\n"));
        }
        out
    }

    /// Reads [`Self::to_tsv`]'s format; errors name the line and what was expected.
    pub fn from_tsv(text: &str) -> Result<Corpus, String> {
        let mut c = Corpus::new();
        let mut documents = None;
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            if let Some(rest) = line.strip_prefix("# documents\t") {
                documents = Some(rest.trim().parse::<usize>().map_err(|_| {
                    format!("line {n}: expected the number of documents, found {rest:?}")
                })?);
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (term, df) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {n}: expected `term<TAB>count`, found {line:?}"))?;
            let df: u32 = df
                .parse()
                .map_err(|_| format!("line {n}: expected a count, found {df:?}"))?;
            c.df.insert(term.into(), df);
        }
        c.n_questions =
            documents.ok_or_else(|| "expected a line `# documents<TAB>N`".to_string())?;
        Ok(c)
    }
}
