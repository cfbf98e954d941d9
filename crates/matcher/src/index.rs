//! The plan index and the matching of questions to actions. See `docs/matching.md`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use vigie_core::text::{self, Token};
use vigie_core::{Minister, Organisation, PassageKind, Plan, Question};

use crate::background::{BACKGROUND_DF, BACKGROUND_DOCS, is_general};
use crate::minister::{PORTFOLIO_THRESHOLD, competences, portfolio_match};
use crate::orgs::{Mention, PartnerTable};

/// A question is linked to an action when its best passage scores at least this.
pub const LINK_THRESHOLD: f64 = 0.30;
/// Other passages of a linked question join the evidence trail from this score.
pub const PASSAGE_THRESHOLD: f64 = 0.22;
/// A link needs at least this many distinct shared terms that are not general vocabulary, in the
/// best passage and the subject together: one shared word ("pollution", "Actiris") is a
/// coincidence, not a topic.
pub const MIN_CONTENT_TERMS: usize = 2;

/// Weight of the passage's own text in a passage score.
const W_TEXT: f64 = 0.75;
/// Weight of the question's subject line in every passage score of the question.
const W_SUBJECT: f64 = 0.25;
/// Added when the answering minister is a pilot of the action's axis (only on passages that
/// already share words with the action: the minister alone links nothing).
const MINISTER_BONUS: f64 = 0.03;
/// Added per plan partner named in the passage, up to two (same condition).
const PARTNER_BONUS: f64 = 0.015;
const PARTNER_BONUS_MAX: f64 = 0.03;
/// A passage must share at least this text similarity for the bonuses to apply.
const BONUS_FLOOR: f64 = 0.10;
/// A paragraph of a long passage may carry the passage: its similarity counts this much (a long
/// answer part often treats several subjects, one per paragraph, and the whole dilutes each).
const PARAGRAPH_FACTOR: f64 = 0.85;
/// Related terms (`digitalisation` ~ `numérique`) count this much of an identical term.
const RELATED_FACTOR: f64 = 0.5;
/// Field weights of an action's text: its own words, its axis title, its axis description.
const W_ACTION_TEXT: f64 = 1.0;
const W_AXIS_TITLE: f64 = 0.7;
const W_AXIS_DESCRIPTION: f64 = 0.4;

/// One linked (question, action) pair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionLink {
    pub action_code: String,
    /// The best passage's score, in [0, 1].
    pub score: f64,
    /// Every passage in the trail, by position.
    pub passages: Vec<PassageLink>,
}

/// One passage of a linked question and why it concerns the action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PassageLink {
    pub position: u32,
    pub kind: PassageKind,
    pub score: f64,
    pub reasons: Reasons,
}

/// What a passage score rests on, for a person to check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reasons {
    /// Similarity of the passage's own words with the action's, in [0, 1].
    pub text_score: f64,
    /// Terms both share, heaviest first.
    pub shared_terms: Vec<SharedTerm>,
    /// Partner organisations of the plan named in the passage (weak evidence).
    pub organisations: Vec<OrganisationMention>,
    /// Set when the answering minister is a pilot of the action's axis.
    pub minister: Option<MinisterReason>,
    pub subject: SubjectReason,
    /// The score in one line: `0.75 × text 0.45 + 0.25 × subject 0.20 + minister 0.04`.
    pub summary: String,
}

/// A term shared by a passage and an action, with the words each side uses for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedTerm {
    /// The stem or concept (`open_data`).
    pub term: String,
    /// Contribution to the text score.
    pub weight: f64,
    /// The words as the passage writes them (`données ouvertes`).
    pub passage_words: Vec<String>,
    /// Byte ranges of those words in the passage text (the heading is not counted).
    pub passage_spans: Vec<(usize, usize)>,
    /// The words as the action writes them (`open data`).
    pub action_words: Vec<String>,
    /// Set when the two sides use related, not identical, terms: the action's term.
    pub related_to: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrganisationMention {
    pub partner: String,
    pub written: String,
    pub start: usize,
    pub end: usize,
    pub similarity: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MinisterReason {
    /// The addressee as the question names them.
    pub addressee: String,
    /// The pilot portfolio of the plan they were matched to.
    pub pilot: String,
    /// Share of the pilot's competences found in the addressee's portfolio.
    pub score: f64,
    /// Those competences (stems), or `alias table` when matched through the minister map.
    pub competences: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubjectReason {
    pub subject: String,
    /// Similarity of the subject line with the action, in [0, 1].
    pub score: f64,
    /// Subject words shared with the action.
    pub shared_words: Vec<String>,
}

struct ActionEntry {
    code: String,
    axis: u32,
    /// The action as a person would quote it (label and text).
    display: String,
    /// Field-weighted term frequencies, by term id.
    tf: Vec<(u32, f64)>,
    /// Words of the action for each term id, as written.
    words: BTreeMap<u32, Vec<String>>,
    /// Index into `PlanIndex::axes`.
    axis_idx: usize,
}

/// Distinctive terms of an axis title, with the terms related to them: the theme a question must
/// touch to be linked to an action of the axis.
fn theme_terms(title: &[Token]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for t in title {
        if is_general(&t.term) {
            continue;
        }
        out.insert(t.term.clone());
        for r in text::related(&t.term) {
            out.insert(r.to_string());
        }
    }
    out
}

struct AxisEntry {
    title: String,
    /// See [`theme_terms`]; empty when the title has no distinctive word (no theme check then).
    theme: BTreeSet<String>,
    /// Pilot portfolios (the plan's lead ministers when the axis names none), with competences.
    pilots: Vec<(String, Vec<BTreeSet<String>>)>,
}

/// A plan prepared for matching. Build once per plan; it is immutable and can match any number of
/// questions.
pub struct PlanIndex {
    actions: Vec<ActionEntry>,
    axes: Vec<AxisEntry>,
    vocab: HashMap<String, u32>,
    /// Term id → term.
    terms: Vec<String>,
    /// How many actions contain each term.
    action_df: Vec<u32>,
    /// Term → related plan terms.
    related: HashMap<String, Vec<u32>>,
    partners: PartnerTable,
    minister_map: Vec<(String, String)>,
    link_threshold: f64,
}

impl std::fmt::Debug for PlanIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlanIndex")
            .field("actions", &self.actions.len())
            .field("terms", &self.vocab.len())
            .finish()
    }
}

/// Document frequencies of a batch of questions, for the idf.
struct Corpus {
    n_questions: usize,
    df: HashMap<String, u32>,
}

/// Corpus-dependent weights: idf of every term, normalised action vectors, postings.
struct Weights<'a> {
    index: &'a PlanIndex,
    corpus: &'a Corpus,
    n_docs: f64,
    plan_idf: Vec<f64>,
    /// Normalised action vectors, sorted by term id.
    vectors: Vec<Vec<(u32, f64)>>,
    /// Term id → (action index, weight in its normalised vector).
    postings: Vec<Vec<(u32, f64)>>,
}

/// A question cut into analysed pieces.
struct Analysed {
    subject: Vec<Token>,
    passages: Vec<AnalysedPassage>,
}

struct AnalysedPassage {
    position: u32,
    kind: PassageKind,
    heading: Vec<Token>,
    text: Vec<Token>,
    /// Token index ranges of the text's paragraphs (blocks separated by a blank line), when the
    /// text has more than one.
    paragraphs: Vec<std::ops::Range<usize>>,
}

/// Splits a passage's tokens at blank lines.
fn paragraphs(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut breaks: Vec<usize> = text.match_indices("\n\n").map(|(i, _)| i).collect();
    breaks.dedup();
    if breaks.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for b in breaks {
        let end = start
            + tokens[start..]
                .iter()
                .take_while(|t| t.surface.start < b)
                .count();
        if end > start {
            out.push(start..end);
        }
        start = end;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    if out.len() < 2 { Vec::new() } else { out }
}

/// A weighted, normalised term vector (sorted by term).
#[derive(Default)]
struct Vector {
    terms: Vec<(String, f64)>,
}

fn analyse_question(q: &Question) -> Analysed {
    Analysed {
        subject: text::analyse(&q.subject),
        passages: q
            .passages
            .iter()
            .map(|p| {
                let tokens = text::analyse(&p.text);
                AnalysedPassage {
                    position: p.position,
                    kind: p.kind,
                    heading: p.heading.as_deref().map(text::analyse).unwrap_or_default(),
                    paragraphs: paragraphs(&p.text, &tokens),
                    text: tokens,
                }
            })
            .collect(),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

impl PlanIndex {
    /// Prepares `plan` for matching. `aliases` is the organisation alias table (see
    /// [`crate::default_aliases`]); `minister_map` pairs a plan portfolio with a question
    /// addressee's name or portfolio, for ministers whose portfolio text changed too much to be
    /// matched on its words.
    pub fn new(plan: &Plan, aliases: &[Organisation], minister_map: &[(String, String)]) -> Self {
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let intern = |t: &str, vocab: &mut HashMap<String, u32>| -> u32 {
            let n = vocab.len() as u32;
            *vocab.entry(t.to_string()).or_insert(n)
        };
        let mut axes = Vec::new();
        let mut actions = Vec::new();
        for axis in &plan.axes {
            let pilots_src: &[Minister] = if axis.pilots.is_empty() {
                &plan.lead_ministers
            } else {
                &axis.pilots
            };
            let pilots = pilots_src
                .iter()
                .map(|m| (m.portfolio.clone(), competences(&m.portfolio)))
                .collect();
            let title = text::analyse(&axis.title);
            axes.push(AxisEntry {
                title: axis.title.clone(),
                theme: theme_terms(&title),
                pilots,
            });
            let axis_idx = axes.len() - 1;
            let description = text::analyse(&axis.description);
            for action in &axis.actions {
                let own_text = match &action.label {
                    Some(l) => format!("{l}. {}", action.text),
                    None => action.text.clone(),
                };
                let own = text::analyse(&own_text);
                let mut tf: BTreeMap<u32, f64> = BTreeMap::new();
                let mut words: BTreeMap<u32, Vec<String>> = BTreeMap::new();
                for (tokens, src, w) in [
                    (&own, own_text.as_str(), W_ACTION_TEXT),
                    (&title, axis.title.as_str(), W_AXIS_TITLE),
                    (&description, axis.description.as_str(), W_AXIS_DESCRIPTION),
                ] {
                    for t in tokens {
                        let id = intern(&t.term, &mut vocab);
                        *tf.entry(id).or_default() += w;
                        push_unique(words.entry(id).or_default(), &src[t.surface.clone()]);
                    }
                }
                actions.push(ActionEntry {
                    code: action.code.clone(),
                    axis: axis.number,
                    display: own_text,
                    tf: tf.into_iter().collect(),
                    words,
                    axis_idx,
                });
            }
        }
        let mut action_df = vec![0u32; vocab.len()];
        for a in &actions {
            for &(id, _) in &a.tf {
                action_df[id as usize] += 1;
            }
        }
        let mut related: HashMap<String, Vec<u32>> = HashMap::new();
        for &(a, b) in text::related_pairs() {
            for (from, to) in [(a, b), (b, a)] {
                if let Some(&id) = vocab.get(to) {
                    let e = related.entry(from.to_string()).or_default();
                    if !e.contains(&id) {
                        e.push(id);
                    }
                }
            }
        }
        for v in related.values_mut() {
            v.sort_unstable();
        }
        let mut terms = vec![String::new(); vocab.len()];
        for (t, &i) in &vocab {
            terms[i as usize] = t.clone();
        }
        PlanIndex {
            actions,
            axes,
            vocab,
            terms,
            action_df,
            related,
            partners: PartnerTable::new(plan, aliases),
            minister_map: minister_map.to_vec(),
            link_threshold: LINK_THRESHOLD,
        }
    }

    /// The same index with another link threshold (for calibration; `vigie match` uses
    /// [`LINK_THRESHOLD`]).
    pub fn with_link_threshold(mut self, threshold: f64) -> Self {
        self.link_threshold = threshold;
        self
    }

    pub fn link_threshold(&self) -> f64 {
        self.link_threshold
    }

    /// The codes of the plan's actions, in plan order.
    pub fn action_codes(&self) -> Vec<&str> {
        self.actions.iter().map(|a| a.code.as_str()).collect()
    }

    /// Distinctive terms (not general vocabulary) of `text` that action number `action` (plan order)
    /// also has, directly or through a related term; sorted.
    pub(crate) fn shared_content_terms(&self, action: usize, text: &str) -> Vec<String> {
        let a = &self.actions[action];
        let has = |id: u32| a.tf.binary_search_by_key(&id, |&(i, _)| i).is_ok();
        let mut out = BTreeSet::new();
        for t in text::analyse(text) {
            if is_general(&t.term) {
                continue;
            }
            if self.vocab.get(&t.term).is_some_and(|&id| has(id)) {
                out.insert(t.term.clone());
            } else if let Some(rel) = self.related.get(&t.term)
                && rel.iter().any(|&r| has(r))
            {
                out.insert(t.term.clone());
            }
        }
        out.into_iter().collect()
    }

    /// The plan's partners as the index knows them (canonical names).
    pub fn partner_names(&self) -> &[String] {
        self.partners.names()
    }

    /// Links one question; the corpus statistics are the plan's and the question's own. Same as
    /// `match_all(&[q])`.
    pub fn match_question(&self, q: &Question) -> Vec<QuestionLink> {
        self.match_all(std::slice::from_ref(q))
            .pop()
            .unwrap_or_default()
    }

    /// Links every question of a batch, using the batch for document frequencies (words frequent
    /// across the questions weigh little). The result is in the order of `questions`, each list
    /// sorted by action code order in the plan; it depends only on the plan and the batch (not on
    /// threads or hashing).
    pub fn match_all(&self, questions: &[Question]) -> Vec<Vec<QuestionLink>> {
        let analysed = parallel_map(questions, analyse_question);
        let corpus = corpus_of(&analysed);
        let weights = Weights::new(self, &corpus);
        let pairs: Vec<(&Question, &Analysed)> = questions.iter().zip(&analysed).collect();
        // Pilot status depends only on the addressee: compute it once per addressee.
        let mut pilots: HashMap<(Option<String>, String), Vec<Option<MinisterReason>>> =
            HashMap::new();
        for q in questions {
            let key = (q.addressee.name.clone(), q.addressee.portfolio.clone());
            pilots.entry(key).or_insert_with(|| {
                (0..self.axes.len())
                    .map(|i| self.pilot_of_axis(&q.addressee, i))
                    .collect()
            });
        }
        parallel_map(&pairs, |(q, a)| {
            let key = (q.addressee.name.clone(), q.addressee.portfolio.clone());
            weights.link_question(q, a, &pilots[&key])
        })
    }

    /// Whether `addressee` is a pilot of axis `axis_idx`, and why.
    fn pilot_of_axis(&self, addressee: &Minister, axis_idx: usize) -> Option<MinisterReason> {
        let who = match &addressee.name {
            Some(n) => format!("{n}, {}", addressee.portfolio),
            None => addressee.portfolio.clone(),
        };
        let mut best: Option<MinisterReason> = None;
        for (pilot, _) in &self.axes[axis_idx].pilots {
            let m = portfolio_match(pilot, &addressee.portfolio);
            if m.score >= PORTFOLIO_THRESHOLD && best.as_ref().is_none_or(|b| m.score > b.score) {
                best = Some(MinisterReason {
                    addressee: who.clone(),
                    pilot: pilot.clone(),
                    score: round3(m.score),
                    competences: m.shared,
                });
            }
        }
        if best.is_some() {
            return best;
        }
        // The staff-edited map: (plan portfolio, addressee name or portfolio).
        for (plan_portfolio, other) in &self.minister_map {
            let other_f = text::fold(other);
            let names_match = addressee.name.as_deref().is_some_and(|n| {
                let n = text::fold(n);
                n == other_f || n.split_whitespace().last() == Some(other_f.trim())
            });
            let portfolio_matches = !names_match
                && portfolio_match(other, &addressee.portfolio).score >= PORTFOLIO_THRESHOLD
                && portfolio_match(&addressee.portfolio, other).score >= PORTFOLIO_THRESHOLD;
            if !(names_match || portfolio_matches) {
                continue;
            }
            for (pilot, _) in &self.axes[axis_idx].pilots {
                let m = portfolio_match(pilot, plan_portfolio);
                if m.score >= PORTFOLIO_THRESHOLD {
                    return Some(MinisterReason {
                        addressee: who.clone(),
                        pilot: pilot.clone(),
                        score: round3(m.score),
                        competences: vec!["alias table".to_string()],
                    });
                }
            }
        }
        None
    }
}

/// Maps `f` over `items` on the machine's cores, keeping the order of `items`.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(8);
    if threads <= 1 || items.len() < 64 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| s.spawn(|| c.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("matcher worker panicked"))
            .collect()
    })
}

fn corpus_of(analysed: &[Analysed]) -> Corpus {
    let mut df: HashMap<String, u32> = HashMap::new();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for a in analysed {
        seen.clear();
        let all = a.subject.iter().chain(
            a.passages
                .iter()
                .flat_map(|p| p.heading.iter().chain(&p.text)),
        );
        for t in all {
            seen.insert(&t.term);
        }
        for t in &seen {
            match df.get_mut(*t) {
                Some(n) => *n += 1,
                None => {
                    df.insert((*t).to_string(), 1);
                }
            }
        }
    }
    Corpus {
        n_questions: analysed.len(),
        df,
    }
}

/// The details of one passage against one action.
struct PassageDetail {
    position: u32,
    kind: PassageKind,
    text_score: f64,
    score: f64,
    reasons: Reasons,
    content_terms: BTreeSet<String>,
}

/// The details of one question against one action.
struct PairDetail {
    /// Words of the question that touch the axis theme (None when the axis has no theme).
    theme: Option<Vec<String>>,
    axis_title: String,
    subject: SubjectReason,
    subject_terms: BTreeSet<String>,
    passages: Vec<PassageDetail>,
}

impl<'a> Weights<'a> {
    fn new(index: &'a PlanIndex, corpus: &'a Corpus) -> Self {
        let n_docs = index.actions.len() as f64 + corpus.n_questions as f64 + BACKGROUND_DOCS;
        let mut w = Weights {
            index,
            corpus,
            n_docs,
            plan_idf: Vec::new(),
            vectors: Vec::new(),
            postings: Vec::new(),
        };
        w.plan_idf = index
            .terms
            .iter()
            .zip(&index.action_df)
            .map(|(t, &df)| w.idf_with(t, df as f64))
            .collect();
        let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); index.vocab.len()];
        for (ai, a) in index.actions.iter().enumerate() {
            let mut v: Vec<(u32, f64)> =
                a.tf.iter()
                    .map(|&(id, tf)| (id, (1.0 + tf).ln() * w.plan_idf[id as usize]))
                    .collect();
            let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, x) in &mut v {
                    *x /= norm;
                }
            }
            for &(id, x) in &v {
                postings[id as usize].push((ai as u32, x));
            }
            w.vectors.push(v);
        }
        w.postings = postings;
        w
    }

    /// Inverse document frequency over the plan's actions, the batch of questions and the
    /// background of general vocabulary: ln((N + 1) / (df + 0.5)).
    fn idf_with(&self, term: &str, action_df: f64) -> f64 {
        let q_df = self.corpus.df.get(term).copied().unwrap_or(0) as f64;
        let bg = if is_general(term) { BACKGROUND_DF } else { 0.0 };
        ((self.n_docs + 1.0) / (action_df + q_df + bg + 0.5))
            .ln()
            .max(0.0)
    }

    fn idf(&self, term: &str) -> f64 {
        match self.index.vocab.get(term) {
            Some(&id) => self.plan_idf[id as usize],
            None => self.idf_with(term, 0.0),
        }
    }

    fn vector(&self, tokens: &[&[Token]]) -> Vector {
        let mut tf: BTreeMap<&str, f64> = BTreeMap::new();
        for list in tokens {
            for t in *list {
                *tf.entry(t.term.as_str()).or_default() += 1.0;
            }
        }
        let mut terms: Vec<(String, f64)> = tf
            .into_iter()
            .map(|(t, n)| (t.to_string(), (1.0 + n).ln() * self.idf(t)))
            .collect();
        let norm = terms.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
        if norm > 0.0 {
            for (_, x) in &mut terms {
                *x /= norm;
            }
        }
        Vector { terms }
    }

    /// Fast similarity of a vector with every action through the postings: fills `acc` (indexed by
    /// action) and lists the touched actions.
    fn accumulate(&self, v: &Vector, acc: &mut [f64], touched: &mut Vec<u32>) {
        for (term, w) in &v.terms {
            if let Some(&id) = self.index.vocab.get(term) {
                for &(ai, x) in &self.postings[id as usize] {
                    if acc[ai as usize] == 0.0 {
                        touched.push(ai);
                    }
                    acc[ai as usize] += w * x;
                }
            }
            if let Some(rel) = self.index.related.get(term) {
                for &rid in rel {
                    for &(ai, x) in &self.postings[rid as usize] {
                        if acc[ai as usize] == 0.0 {
                            touched.push(ai);
                        }
                        acc[ai as usize] += RELATED_FACTOR * w * x;
                    }
                }
            }
        }
    }

    /// Exact similarity of a vector with one action, with the shared terms (heaviest first).
    fn similarity(&self, v: &Vector, action: usize) -> (f64, Vec<(String, f64, Option<u32>)>) {
        let av = &self.vectors[action];
        let weight_of = |id: u32| {
            av.binary_search_by_key(&id, |&(i, _)| i)
                .ok()
                .map(|k| av[k].1)
        };
        let mut shared = Vec::new();
        let mut total = 0.0;
        for (term, w) in &v.terms {
            if let Some(x) = self.index.vocab.get(term).and_then(|&id| weight_of(id)) {
                total += w * x;
                shared.push((term.clone(), w * x, None));
            }
            if let Some(rel) = self.index.related.get(term) {
                for &rid in rel {
                    if let Some(x) = weight_of(rid) {
                        let c = RELATED_FACTOR * w * x;
                        total += c;
                        shared.push((term.clone(), c, Some(rid)));
                    }
                }
            }
        }
        shared.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        (total.min(1.0), shared)
    }

    fn term_name(&self, id: u32) -> String {
        self.index.terms[id as usize].clone()
    }

    /// Full scoring of one question against one action, with reasons for every passage.
    fn pair_detail(
        &self,
        q: &Question,
        a: &Analysed,
        action: usize,
        pilot: Option<&MinisterReason>,
    ) -> PairDetail {
        let entry = &self.index.actions[action];
        let subject_vec = self.vector(&[&a.subject]);
        let (s, s_shared) = self.similarity(&subject_vec, action);
        let mut subject_words = Vec::new();
        let mut subject_terms = BTreeSet::new();
        for (term, _, rel) in &s_shared {
            for t in a.subject.iter().filter(|t| &t.term == term) {
                push_unique(&mut subject_words, &q.subject[t.surface.clone()]);
            }
            if !is_general(term) {
                subject_terms.insert(
                    rel.map(|rid| self.term_name(rid))
                        .unwrap_or_else(|| term.clone()),
                );
            }
        }
        let subject = SubjectReason {
            subject: q.subject.clone(),
            score: round3(s),
            shared_words: subject_words,
        };
        let mut passages = Vec::new();
        for (ap, p) in a.passages.iter().zip(&q.passages) {
            let v = self.vector(&[&ap.heading, &ap.text]);
            let (whole, shared) = self.similarity(&v, action);
            if whole <= 0.0 {
                continue;
            }
            // The best paragraph, when it shares enough distinctive terms to stand on its own.
            let mut t = whole;
            let mut paragraph = None;
            for (k, r) in ap.paragraphs.iter().enumerate() {
                let pv = self.vector(&[&ap.text[r.clone()]]);
                let (x, pshared) = self.similarity(&pv, action);
                let distinct: BTreeSet<&str> = pshared
                    .iter()
                    .filter(|(term, _, _)| !is_general(term))
                    .map(|(term, _, rel)| {
                        rel.map(|r| self.index.terms[r as usize].as_str())
                            .unwrap_or(term)
                    })
                    .collect();
                if distinct.len() >= MIN_CONTENT_TERMS && PARAGRAPH_FACTOR * x > t {
                    t = PARAGRAPH_FACTOR * x;
                    paragraph = Some(k + 1);
                }
            }
            let mut shared_terms = Vec::new();
            let mut content_terms = BTreeSet::new();
            for (term, weight, rel) in shared {
                let mut passage_words = Vec::new();
                let mut passage_spans = Vec::new();
                for tok in ap.text.iter().filter(|t| t.term == term) {
                    push_unique(&mut passage_words, &p.text[tok.surface.clone()]);
                    passage_spans.push((tok.surface.start, tok.surface.end));
                }
                if let Some(h) = &p.heading {
                    for tok in ap.heading.iter().filter(|t| t.term == term) {
                        push_unique(&mut passage_words, &h[tok.surface.clone()]);
                    }
                }
                let action_id = match rel {
                    Some(rid) => rid,
                    None => self.index.vocab[&term],
                };
                let action_words = entry.words.get(&action_id).cloned().unwrap_or_default();
                let related_to = rel.map(|rid| self.term_name(rid));
                if !is_general(&term) {
                    content_terms.insert(related_to.clone().unwrap_or_else(|| term.clone()));
                }
                shared_terms.push(SharedTerm {
                    term,
                    weight: round3(weight),
                    passage_words,
                    passage_spans,
                    action_words,
                    related_to,
                });
            }
            let bonus_ok = t >= BONUS_FLOOR;
            let organisations: Vec<OrganisationMention> = if bonus_ok {
                self.index
                    .partners
                    .find(&p.text)
                    .into_iter()
                    .map(mention)
                    .collect()
            } else {
                Vec::new()
            };
            let minister = if bonus_ok { pilot.cloned() } else { None };
            let m_bonus = if minister.is_some() {
                MINISTER_BONUS
            } else {
                0.0
            };
            let o_bonus = (PARTNER_BONUS * organisations.len() as f64).min(PARTNER_BONUS_MAX);
            let score = (W_TEXT * t + W_SUBJECT * s + m_bonus + o_bonus).min(1.0);
            let text_part = match paragraph {
                Some(k) => format!(
                    "text {t:.3} (paragraph {k}: {PARAGRAPH_FACTOR} × {:.3})",
                    t / PARAGRAPH_FACTOR
                ),
                None => format!("text {t:.3}"),
            };
            let mut summary = format!("{W_TEXT} × {text_part} + {W_SUBJECT} × subject {s:.3}");
            if m_bonus > 0.0 {
                let _ = write!(summary, " + minister {m_bonus}");
            }
            if o_bonus > 0.0 {
                let _ = write!(summary, " + organisations {o_bonus:.2}");
            }
            let _ = write!(summary, " = {:.3}", score);
            passages.push(PassageDetail {
                position: ap.position,
                kind: ap.kind,
                text_score: t,
                score,
                reasons: Reasons {
                    text_score: round3(t),
                    shared_terms,
                    organisations,
                    minister,
                    subject: subject.clone(),
                    summary,
                },
                content_terms,
            });
        }
        let axis = &self.index.axes[entry.axis_idx];
        let theme = (!axis.theme.is_empty()).then(|| {
            let mut words = Vec::new();
            let subject_hits = a.subject.iter().map(|t| (t, q.subject.as_str()));
            let text_hits = a
                .passages
                .iter()
                .zip(&q.passages)
                .flat_map(|(ap, p)| ap.text.iter().map(move |t| (t, p.text.as_str())));
            for (t, src) in subject_hits.chain(text_hits) {
                if axis.theme.contains(&t.term) {
                    push_unique(&mut words, &src[t.surface.clone()]);
                }
            }
            words
        });
        PairDetail {
            theme,
            axis_title: axis.title.clone(),
            subject,
            subject_terms,
            passages,
        }
    }

    /// The link decision for one pair: the best passage that passes the threshold and, with the
    /// subject, shares enough distinctive terms with the action. `Err` says why there is none.
    fn decide(detail: &PairDetail, threshold: f64) -> Result<(usize, f64), String> {
        let mut order: Vec<usize> = (0..detail.passages.len()).collect();
        order.sort_by(|&x, &y| {
            let (px, py) = (&detail.passages[x], &detail.passages[y]);
            py.score
                .total_cmp(&px.score)
                .then(px.position.cmp(&py.position))
        });
        let Some(&top) = order.first() else {
            return Err("no passage shares any term with the action".into());
        };
        let best = &detail.passages[top];
        if best.score < threshold {
            return Err(format!(
                "the best passage (n°{}) scores {:.3}, below the threshold {threshold}",
                best.position, best.score
            ));
        }
        if detail.theme.as_ref().is_some_and(|w| w.is_empty()) {
            return Err(format!(
                "the best passage (n°{}) scores {:.3}, but the question never touches the theme of the action's axis (« {} »)",
                best.position, best.score, detail.axis_title
            ));
        }
        for &i in &order {
            let p = &detail.passages[i];
            if p.score < threshold {
                break;
            }
            let content: BTreeSet<&String> = p
                .content_terms
                .iter()
                .chain(&detail.subject_terms)
                .collect();
            if content.len() >= MIN_CONTENT_TERMS {
                return Ok((i, p.score));
            }
        }
        let content: BTreeSet<&String> = best
            .content_terms
            .iter()
            .chain(&detail.subject_terms)
            .collect();
        Err(format!(
            "the best passage (n°{}) scores {:.3} but shares only {} distinctive term(s) with the action ({}), and no other passage above the threshold shares more; at least {MIN_CONTENT_TERMS} are required",
            best.position,
            best.score,
            content.len(),
            content
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }

    fn link_question(
        &self,
        q: &Question,
        a: &Analysed,
        pilots: &[Option<MinisterReason>],
    ) -> Vec<QuestionLink> {
        let n = self.index.actions.len();
        let mut acc = vec![0.0f64; n];
        let mut touched: Vec<u32> = Vec::new();
        // Upper bound of each action's best passage score, from the fast path.
        let subject_vec = self.vector(&[&a.subject]);
        self.accumulate(&subject_vec, &mut acc, &mut touched);
        let subject_sim: Vec<(u32, f64)> = touched.iter().map(|&i| (i, acc[i as usize])).collect();
        for &i in &touched {
            acc[i as usize] = 0.0;
        }
        touched.clear();
        let mut best_text = vec![0.0f64; n];
        for ap in &a.passages {
            let whole = std::iter::once((self.vector(&[&ap.heading, &ap.text]), 1.0));
            let parts = ap
                .paragraphs
                .iter()
                .map(|r| (self.vector(&[&ap.text[r.clone()]]), PARAGRAPH_FACTOR));
            for (v, factor) in whole.chain(parts) {
                self.accumulate(&v, &mut acc, &mut touched);
                for &i in &touched {
                    let x = factor * acc[i as usize];
                    if x > best_text[i as usize] {
                        best_text[i as usize] = x;
                    }
                    acc[i as usize] = 0.0;
                }
                touched.clear();
            }
        }
        let mut subj = vec![0.0f64; n];
        for (i, s) in subject_sim {
            subj[i as usize] = s;
        }
        let max_bonus = MINISTER_BONUS + PARTNER_BONUS_MAX;
        let mut links = Vec::new();
        for ai in 0..n {
            let t = best_text[ai];
            // Small slack: the fast path sums in another order than the exact path.
            if t <= 0.0
                || W_TEXT * t + W_SUBJECT * subj[ai].min(1.0) + max_bonus + 1e-9
                    < self.index.link_threshold
            {
                continue;
            }
            let pilot = pilots[self.index.actions[ai].axis_idx].as_ref();
            let detail = self.pair_detail(q, a, ai, pilot);
            let Ok((best_i, score)) = Self::decide(&detail, self.index.link_threshold) else {
                continue;
            };
            let passages = detail
                .passages
                .into_iter()
                .enumerate()
                .filter(|(i, p)| {
                    *i == best_i || p.score >= PASSAGE_THRESHOLD.min(self.index.link_threshold)
                })
                .map(|(_, p)| PassageLink {
                    position: p.position,
                    kind: p.kind,
                    score: round3(p.score),
                    reasons: p.reasons,
                })
                .collect();
            links.push(QuestionLink {
                action_code: self.index.actions[ai].code.clone(),
                score: round3(score),
                passages,
            });
        }
        links
    }
}

fn mention(m: Mention) -> OrganisationMention {
    OrganisationMention {
        partner: m.partner,
        written: m.written,
        start: m.start,
        end: m.end,
        similarity: m.similarity,
    }
}

/// Why `question` is or is not linked to `action_code`, in plain words; the corpus is the plan and
/// the question alone (see [`explain_in_corpus`] to use the whole database, as `vigie match` does).
pub fn explain(index: &PlanIndex, question: &Question, action_code: &str) -> String {
    explain_in_corpus(index, std::slice::from_ref(question), question, action_code)
}

/// Like [`explain`], with the document frequencies of `corpus` (the questions matched together).
pub fn explain_in_corpus(
    index: &PlanIndex,
    corpus: &[Question],
    question: &Question,
    action_code: &str,
) -> String {
    let mut out = String::new();
    let ident = format!(
        "question n°{} ({}, legislature {}) « {} »",
        question.number,
        question.addressee_key(),
        question.legislature,
        question.subject.trim()
    );
    let Some(ai) = index.actions.iter().position(|a| a.code == action_code) else {
        let codes = index.action_codes().join(", ");
        return format!("The plan has no action {action_code} (its actions are {codes}).\n");
    };
    let mut analysed = Vec::with_capacity(corpus.len() + 1);
    let in_corpus = corpus.iter().any(|c| c == question);
    for c in corpus {
        analysed.push(analyse_question(c));
    }
    if !in_corpus {
        analysed.push(analyse_question(question));
    }
    let stats = corpus_of(&analysed);
    let weights = Weights::new(index, &stats);
    let a = analyse_question(question);
    let pilot = index.pilot_of_axis(&question.addressee, index.actions[ai].axis_idx);
    let detail = weights.pair_detail(question, &a, ai, pilot.as_ref());
    let entry = &index.actions[ai];
    let _ = writeln!(
        out,
        "Action {} (axis {}): {}",
        entry.code,
        entry.axis,
        shorten(&entry.display, 160)
    );
    let _ = writeln!(out, "Question: {ident}");
    match Weights::decide(&detail, index.link_threshold) {
        Ok((_, score)) => {
            let t = index.link_threshold;
            let _ = writeln!(
                out,
                "Verdict: LINKED — best passage score {score:.3} ≥ threshold {t}."
            );
        }
        Err(why) => {
            let _ = writeln!(out, "Verdict: NOT LINKED — {why}.");
        }
    }
    match &detail.theme {
        Some(w) if w.is_empty() => {
            let _ = writeln!(
                out,
                "Axis theme: the question never uses a word of the axis title « {} ».",
                detail.axis_title
            );
        }
        Some(w) => {
            let _ = writeln!(
                out,
                "Axis theme: the question touches « {} » with {}.",
                detail.axis_title,
                quote_list(&w[..w.len().min(5)])
            );
        }
        None => {}
    }
    let s = &detail.subject;
    if s.shared_words.is_empty() {
        let _ = writeln!(
            out,
            "Subject line: shares no word with the action (subject score 0)."
        );
    } else {
        let _ = writeln!(
            out,
            "Subject line: shares {} with the action (subject score {:.3}).",
            quote_list(&s.shared_words),
            s.score
        );
    }
    match &pilot {
        Some(m) => {
            let _ = writeln!(
                out,
                "Minister: {} is a pilot of axis {} (« {} »; competences found: {}). This adds {MINISTER_BONUS} to passages that already share words with the action.",
                m.addressee,
                entry.axis,
                shorten(&m.pilot, 120),
                m.competences.join(", ")
            );
        }
        None => {
            let _ = writeln!(
                out,
                "Minister: the addressee is not a pilot of axis {} (no bonus).",
                entry.axis
            );
        }
    }
    if detail.passages.is_empty() {
        let _ = writeln!(out, "Passages: none shares a term with the action.");
    }
    let mut ps: Vec<&PassageDetail> = detail.passages.iter().collect();
    ps.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.position.cmp(&y.position))
    });
    for p in ps {
        let r = &p.reasons;
        let _ = writeln!(
            out,
            "Passage n°{} ({}): score {:.3} = {}",
            p.position,
            p.kind.as_str(),
            p.score,
            r.summary
        );
        let terms: Vec<String> = r
            .shared_terms
            .iter()
            .take(8)
            .map(|t| {
                let rel = t
                    .related_to
                    .as_ref()
                    .map(|r| format!(", related to {r}"))
                    .unwrap_or_default();
                format!(
                    "{} ~ {} ({}{}, {:.3})",
                    quote_list(&t.passage_words),
                    quote_list(&t.action_words),
                    t.term,
                    rel,
                    t.weight
                )
            })
            .collect();
        let _ = writeln!(out, "  shared terms: {}", terms.join("; "));
        if !r.organisations.is_empty() {
            let orgs: Vec<String> = r
                .organisations
                .iter()
                .map(|o| {
                    if o.written == o.partner {
                        format!("« {} »", o.written)
                    } else {
                        format!("« {} » (= {})", o.written, o.partner)
                    }
                })
                .collect();
            let _ = writeln!(
                out,
                "  partner organisations named (weak evidence): {}",
                orgs.join(", ")
            );
        }
        let _ = p.text_score;
    }
    out
}

fn quote_list(words: &[String]) -> String {
    let q: Vec<String> = words.iter().map(|w| format!("« {w} »")).collect();
    q.join(", ")
}

fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}
