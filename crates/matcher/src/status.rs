//! The status engine: reads the linked answer passages sentence by sentence for delivery cues and
//! proposes a status for every action. Rules in plain words: `docs/statuses.md`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use vigie_core::text;
use vigie_core::{Question, Status};

use crate::index::{PlanIndex, QuestionLink};

/// An answer passage linked at least this strongly counts as a whole: all its sentences are read,
/// even those that do not repeat the action's words ("Ce projet a été lancé en 2021.").
pub const STRONG_PASSAGE: f64 = 0.45;
/// Otherwise a sentence counts when it shares this many distinctive terms with the action.
pub const SENTENCE_MIN_TERMS: usize = 2;

/// One sentence of an answer that says something about an action's delivery.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusEvidence {
    pub status: Status,
    /// The words that carry the status (`a été lancé`); absent when the proposal rests on a link
    /// whose answers carry no cue.
    pub cue: Option<String>,
    pub sentence: String,
    pub legislature: String,
    pub number: u32,
    pub addressee: String,
    /// The answer's date (the publication date when the answer date is missing).
    pub answered: Option<NaiveDate>,
    pub passage_position: u32,
    pub link_score: f64,
    /// How many of the action's distinctive terms the sentence holds: among sentences of one
    /// answer with the same status, the one most about the action is the evidence (an answer
    /// often reports on several actions, one paragraph each). Used for ordering only.
    #[serde(skip)]
    pub action_terms: usize,
}

/// The engine's proposal for one action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusProposal {
    pub action_code: String,
    pub status: Status,
    /// The evidence the status rests on (none for `no_follow_up`).
    pub evidence: Option<StatusEvidence>,
    /// Every cue sentence found for the action, oldest first: how follow-up evolved.
    pub history: Vec<StatusEvidence>,
    /// How many questions are linked to the action.
    pub linked_questions: usize,
    /// The proposal in one sentence, for the dashboard.
    pub explanation: String,
}

/// A cue: a sequence of folded words; a word ending in `*` matches any word it starts.
struct Cue {
    status: Status,
    words: &'static [&'static str],
    /// A weak cue counts only in a sentence with no other cue: a running service named in a
    /// side clause ("un appel sera lancé, avec hub.brussels, qui accompagne les start-ups") says
    /// nothing about the sentence's own news.
    weak: bool,
}

const fn cue(status: Status, words: &'static [&'static str]) -> Cue {
    Cue {
        status,
        words,
        weak: false,
    }
}

const fn weak_cue(status: Status, words: &'static [&'static str]) -> Cue {
    Cue {
        status,
        words,
        weak: true,
    }
}

/// The listed cues. More specific statuses come first within a sentence (see [`classify`]).
const CUES: &[Cue] = &[
    // stalled: blocked, postponed, out of the government's hands
    cue(Status::Stalled, &["suspendu*"]),
    cue(Status::Stalled, &["report*"]),
    cue(Status::Stalled, &["bloqu*"]),
    cue(Status::Stalled, &["abandonn*"]),
    cue(Status::Stalled, &["a", "l", "arret"]),
    cue(Status::Stalled, &["en", "attente", "d*"]),
    cue(Status::Stalled, &["retard*"]),
    cue(Status::Stalled, &["ne", "sont", "inclus*"]),
    cue(Status::Stalled, &["ne", "sommes", "pas", "associ*"]),
    cue(Status::Stalled, &["ne", "releve", "pas"]),
    cue(Status::Stalled, &["ne", "relevent", "pas"]),
    cue(Status::Stalled, &["competence", "federale"]),
    // delivered ("a été lancé", "ont été approuvés", "n'a pas encore été lancé" is caught as negated)
    cue(Status::Delivered, &["ete", "lanc*"]),
    cue(Status::Delivered, &["avons", "lanc*"]),
    cue(Status::Delivered, &["a", "lance"]),
    cue(Status::Delivered, &["ete", "approuv*"]),
    cue(Status::Delivered, &["a", "approuve"]),
    cue(Status::Delivered, &["ont", "approuve"]),
    cue(Status::Delivered, &["avons", "approuve"]),
    cue(Status::Delivered, &["ete", "adopt*"]),
    cue(Status::Delivered, &["a", "adopte"]),
    cue(Status::Delivered, &["ete", "mis*", "en", "place"]),
    cue(Status::Delivered, &["ete", "mis*", "en", "oeuvre"]),
    cue(Status::Delivered, &["avons", "mis", "en", "place"]),
    cue(Status::Delivered, &["a", "mis", "en", "place"]),
    cue(Status::Delivered, &["ont", "mis", "en", "place"]),
    cue(Status::Delivered, &["ete", "realis*"]),
    cue(Status::Delivered, &["ete", "inaugur*"]),
    cue(Status::Delivered, &["ete", "cree*"]),
    cue(Status::Delivered, &["ete", "finalis*"]),
    cue(Status::Delivered, &["est", "operationnel*"]),
    cue(Status::Delivered, &["sont", "operationnel*"]),
    cue(Status::Delivered, &["est", "en", "ligne"]),
    cue(Status::Delivered, &["finalise*"]),
    // A state in the present passive: the thing exists now ("est concrétisée au sein du Pôle").
    cue(Status::Delivered, &["est", "concretise*"]),
    cue(Status::Delivered, &["sont", "concretise*"]),
    cue(Status::Delivered, &["est", "deploye*"]),
    cue(Status::Delivered, &["sont", "deploye*"]),
    cue(Status::Delivered, &["est", "disponible*"]),
    cue(Status::Delivered, &["sont", "disponibles"]),
    // An agreement signed is a commitment kept ("que la région a cosigné en 2021").
    // Exact forms: "signalé" is not signed, and "à signer" folds to "a signer".
    cue(Status::Delivered, &["a", "signe"]),
    cue(Status::Delivered, &["a", "cosigne"]),
    cue(Status::Delivered, &["ont", "signe"]),
    cue(Status::Delivered, &["ont", "cosigne"]),
    cue(Status::Delivered, &["avons", "signe"]),
    cue(Status::Delivered, &["ete", "signe"]),
    cue(Status::Delivered, &["ete", "signee"]),
    cue(Status::Delivered, &["ete", "signes"]),
    cue(Status::Delivered, &["ete", "signees"]),
    // A service that runs today: the Region's agencies "accompagnent" firms and people, who "peuvent
    // être accompagnés". Only this verb, the one the site's answers use for a running support
    // service; "propose" also introduces intentions ("nous proposons de…").
    weak_cue(Status::Delivered, &["accompagnent"]),
    weak_cue(Status::Delivered, &["accompagne"]),
    weak_cue(Status::Delivered, &["etre", "accompagn*"]),
    weak_cue(Status::Delivered, &["sont", "accompagn*"]),
    // in progress
    cue(Status::InProgress, &["est", "en", "cours"]),
    cue(Status::InProgress, &["sont", "en", "cours"]),
    cue(Status::InProgress, &["en", "cours", "de"]),
    // The verb, not "les travailleurs".
    cue(Status::InProgress, &["travaille"]),
    cue(Status::InProgress, &["travailles"]),
    cue(Status::InProgress, &["travaillons"]),
    cue(Status::InProgress, &["travaillent"]),
    cue(Status::InProgress, &["travaillez"]),
    cue(Status::InProgress, &["travailler*"]),
    cue(Status::InProgress, &["travaillant"]),
    // "continuer" as a verb, not the adjective of "formation continue", "une veille continue":
    // the forms an adjective cannot take, and "continue" followed by "à" or "de".
    cue(Status::InProgress, &["continuons"]),
    cue(Status::InProgress, &["continuent"]),
    cue(Status::InProgress, &["continuez"]),
    cue(Status::InProgress, &["continuer*"]),
    cue(Status::InProgress, &["continuant"]),
    cue(Status::InProgress, &["continue", "a"]),
    cue(Status::InProgress, &["continue", "de"]),
    cue(Status::InProgress, &["continue", "d"]),
    cue(Status::InProgress, &["poursui*"]),
    cue(Status::InProgress, &["en", "phase", "d*"]),
    cue(Status::InProgress, &["en", "train", "de"]),
    cue(Status::InProgress, &["en", "preparation"]),
    cue(Status::InProgress, &["en", "developpement"]),
    // announced: intention, plans, studies
    cue(Status::Announced, &["sera"]),
    cue(Status::Announced, &["seront"]),
    cue(Status::Announced, &["prevu*"]),
    cue(Status::Announced, &["prevoi*"]),
    cue(Status::Announced, &["prevoyons"]),
    cue(Status::Announced, &["analysons"]),
    cue(Status::Announced, &["avant", "de", "decider"]),
    cue(Status::Announced, &["envisag*"]),
    cue(Status::Announced, &["a", "l", "etude"]),
    cue(Status::Announced, &["etudions"]),
    cue(Status::Announced, &["devrai*"]),
    cue(Status::Announced, &["souhait*"]),
    cue(Status::Announced, &["volonte"]),
    cue(Status::Announced, &["intention"]),
    cue(Status::Announced, &["objectif", "est"]),
    cue(Status::Announced, &["va"]),
    cue(Status::Announced, &["vont"]),
];

/// Words before a delivered cue that make it future or conditional ("sera finalisé").
const FUTURE_AUX: &[&str] = &[
    "sera",
    "seront",
    "va",
    "vont",
    "devrait",
    "devraient",
    "pourra",
    "pourrait",
    "doit",
    "doivent",
    "aura",
    "auront",
];

/// Words that name a step on the way rather than the end of it: a draft ("avant-projet") or a
/// reading ("approuvé en première lecture") is approved, and the text is still not adopted. A
/// delivered cue in a sentence naming one of them is progress.
const INTERMEDIATE_STEPS: &[&[&str]] = &[
    &["premiere", "lecture"],
    &["deuxieme", "lecture"],
    &["seconde", "lecture"],
    &["avant", "projet"],
    // Setting up a working group or running a pilot is a way of working on a commitment, not
    // having delivered it ("a mis en place un groupe de travail … qui a pour objectif de définir").
    &["groupe", "de", "travail"],
    &["groupes", "de", "travail"],
    &["projet", "pilote"],
    &["projets", "pilotes"],
];

fn names_an_intermediate_step(folded: &[&str]) -> bool {
    INTERMEDIATE_STEPS
        .iter()
        .any(|step| folded.windows(step.len()).any(|w| w == *step))
}

fn word_matches(pattern: &str, word: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == pattern,
    }
}

/// Auxiliaries that an adverb may follow before the participle ("a par ailleurs mis en place",
/// "est toujours en cours", "ont également été approuvés").
const AUXILIARIES: &[&str] = &[
    "a", "ont", "avons", "avez", "ai", "est", "sont", "sommes", "ete", "etre",
];
/// How many words may stand between an auxiliary and the rest of its cue...
const MAX_ADVERBS: usize = 2;
/// ... and the words that may: adverbs (folded; "par ailleurs", "d'ores et déjà" are two and
/// three words). Any other word in between is not the cue ("un appel à projets sera lancé" is not
/// "a … lancé": the "à" of "appel à projets" folds to "a").
const ADVERBS: &[&str] = &[
    "aussi",
    "bien",
    "deja",
    "desormais",
    "effectivement",
    "egalement",
    "enfin",
    "ensuite",
    "entierement",
    "finalement",
    "notamment",
    "officiellement",
    "recemment",
    "toujours",
    "actuellement",
    "progressivement",
    "par",
    "ailleurs",
    "donc",
    "ainsi",
    "encore",
];

/// Where the cue `words` ends when it starts at word `i` of `folded`, if it does: the words in
/// sequence, with up to [`MAX_ADVERBS`] words after a leading auxiliary (the nearest fit first).
fn cue_end(words: &[&str], folded: &[&str], i: usize) -> Option<usize> {
    let n = words.len();
    if !word_matches(words[0], folded.get(i)?) {
        return None;
    }
    let gaps = if n >= 2 && AUXILIARIES.contains(&words[0]) {
        MAX_ADVERBS
    } else {
        0
    };
    (0..=gaps).find_map(|g| {
        let skipped = folded.get(i + 1..i + 1 + g)?;
        if !skipped.iter().all(|w| ADVERBS.contains(w)) {
            return None;
        }
        let rest = folded.get(i + 1 + g..i + n + g)?;
        words[1..]
            .iter()
            .zip(rest)
            .all(|(p, w)| word_matches(p, w))
            .then_some(i + n + g)
    })
}

/// A future-tense verb form by its ending (`évoluera`, `lancerons`), for sentences with no listed
/// cue. Short words are left out: "caméra", "opéra" are nouns.
fn is_future_form(w: &str) -> bool {
    (w.len() >= 7
        && (w.ends_with("era")
            || w.ends_with("eront")
            || w.ends_with("erons")
            || w.ends_with("eras")))
        || (w.len() >= 6 && (w.ends_with("iront") || w.ends_with("irons")))
}

/// The status a sentence expresses, with the words that carry it. Within one sentence, the
/// first status of this order wins: stalled, delivered, in progress, announced. A delivered cue
/// after a future or conditional auxiliary ("sera finalisé") is an announcement; a negated one
/// ("n'a pas encore été lancé") is an announcement too; one in a sentence that names an
/// intermediate step ("approuvé en première lecture") is progress. A negated in-progress cue
/// ("ne travaille plus") is stalled.
pub fn classify(sentence: &str) -> Option<(Status, String)> {
    let ws = text::words(sentence);
    let folded: Vec<&str> = ws.iter().map(|w| w.folded.as_str()).collect();
    let mut found: Vec<(Status, usize, usize)> = Vec::new();
    let mut weak: Vec<(Status, usize, usize)> = Vec::new();
    for c in CUES {
        let n = c.words.len();
        if n > folded.len() {
            continue;
        }
        for i in 0..=folded.len() - n {
            let Some(j) = cue_end(c.words, &folded, i) else {
                continue;
            };
            {
                let before = &folded[i.saturating_sub(4)..i];
                let negated = before
                    .iter()
                    .any(|w| matches!(*w, "pas" | "jamais" | "ne" | "n"))
                    || (c.status != Status::Stalled
                        && folded[i..(j + 2).min(folded.len())]
                            .iter()
                            .any(|w| matches!(*w, "pas" | "jamais")));
                let future = before.iter().any(|w| FUTURE_AUX.contains(w));
                // Folding loses the accent that tells "finalisé" (done) from "finalise" (is
                // finishing): look at the word as written.
                let present_tense =
                    c.status == Status::Delivered && n == 1 && c.words[0].ends_with('*') && {
                        let written = sentence[ws[i].surface.clone()].to_lowercase();
                        !["é", "ée", "és", "ées"]
                            .iter()
                            .any(|e| written.ends_with(e))
                    };
                let status = match c.status {
                    Status::Delivered if negated || future => Status::Announced,
                    Status::Delivered if present_tense => Status::InProgress,
                    Status::Delivered if names_an_intermediate_step(&folded) => Status::InProgress,
                    Status::InProgress if negated => Status::Stalled,
                    Status::Announced if negated => continue,
                    s => s,
                };
                if c.weak {
                    weak.push((status, i, j));
                } else {
                    found.push((status, i, j));
                }
                break;
            }
        }
    }
    if found.is_empty() {
        found = weak;
    }
    if found.is_empty()
        && let Some(i) = folded.iter().position(|w| is_future_form(w))
    {
        found.push((Status::Announced, i, i + 1));
    }
    let rank = |s: Status| match s {
        Status::Stalled => 0,
        Status::Delivered => 1,
        Status::InProgress => 2,
        Status::Announced => 3,
        Status::NoFollowUp => 4,
    };
    let (status, i, j) = found.into_iter().min_by_key(|&(s, i, _)| (rank(s), i))?;
    let cue = sentence[ws[i].surface.start..ws[j - 1].surface.end].to_string();
    Some((status, cue))
}

/// Proposes a status for every action of the index, from `links` (as returned by
/// [`PlanIndex::match_all`] for `questions`, same order). Actions come in plan order.
///
/// The latest dated evidence wins. Ties on the date (usually sentences of one answer): the most
/// telling status first — stalled, then delivered, then in progress, then announced (a fact about
/// delivery says more than an intention, and a blocking is what a reader must not miss) — then
/// the sentence holding more of the action's terms, then the more strongly linked passage, then the sentence that comes later in the answer, then the
/// question identity (legislature, addressee, number) for determinism.
///
/// Same as a [`StatusCollector`] given `questions` in one call.
pub fn propose_statuses(
    index: &PlanIndex,
    questions: &[Question],
    links: &[Vec<QuestionLink>],
) -> Vec<StatusProposal> {
    let mut c = StatusCollector::new(index);
    c.add(questions, links);
    c.finish()
}

/// What the engine keeps of one action while questions come in.
#[derive(Default)]
struct ActionEvidence {
    /// Every cue sentence, in the order the questions came.
    cues: Vec<StatusEvidence>,
    /// The first sentence of a linked answer that is the last in [`evidence_order`] so far (and,
    /// among equals, the one that came last): the evidence when no answer carries a cue.
    uncued: Option<StatusEvidence>,
    linked: usize,
}

/// Oldest first; within a date, weaker first, so the winner is the last one.
fn evidence_order(a: &StatusEvidence, b: &StatusEvidence) -> std::cmp::Ordering {
    a.answered
        .cmp(&b.answered)
        .then(telling(a.status).cmp(&telling(b.status)))
        .then(a.action_terms.cmp(&b.action_terms))
        .then(a.link_score.total_cmp(&b.link_score))
        .then(a.passage_position.cmp(&b.passage_position))
        .then((&a.legislature, &a.addressee, a.number).cmp(&(
            &b.legislature,
            &b.addressee,
            b.number,
        )))
}

/// [`propose_statuses`] over a batch given in chunks: the evidence is collected chunk by chunk
/// (only the cue sentences, which are few, and one uncued sentence per action), and the proposals
/// are made at the end. Chunks given in the batch's order give exactly the proposals of
/// `propose_statuses` over the whole batch.
pub struct StatusCollector<'i> {
    index: &'i PlanIndex,
    /// Action code → action number (plan order); the first action of a code wins, as in plan
    /// order.
    action_of: std::collections::HashMap<&'i str, usize>,
    per_action: Vec<ActionEvidence>,
    /// Whether every cue sentence is kept for [`StatusProposal::history`], or only the winning
    /// one (see [`StatusCollector::evidence_only`]).
    history: bool,
}

impl<'i> StatusCollector<'i> {
    pub fn new(index: &'i PlanIndex) -> Self {
        let codes = index.action_codes();
        let mut action_of = std::collections::HashMap::with_capacity(codes.len());
        for (i, c) in codes.iter().enumerate() {
            action_of.entry(*c).or_insert(i);
        }
        StatusCollector {
            index,
            action_of,
            per_action: codes.iter().map(|_| ActionEvidence::default()).collect(),
            history: true,
        }
    }

    /// Keeps only the winning cue sentence of each action, not every one: the proposals have the
    /// same status, evidence, explanation and count of linked questions, and an empty
    /// [`StatusProposal::history`]. Memory then grows with the plan, not with the answers (a
    /// large database has a cue sentence in most linked answers).
    pub fn evidence_only(mut self) -> Self {
        self.history = false;
        self
    }

    /// Reads the evidence of `links` (one list per question of `questions`, same order).
    pub fn add(&mut self, questions: &[Question], links: &[Vec<QuestionLink>]) {
        let index = self.index;
        for (q, qlinks) in questions.iter().zip(links) {
            let date = q.answered.or(q.published);
            for link in qlinks {
                let Some(&ai) = self.action_of.get(link.action_code.as_str()) else {
                    continue;
                };
                let slot = &mut self.per_action[ai];
                slot.linked += 1;
                let mut first_sentence: Option<StatusEvidence> = None;
                for pl in &link.passages {
                    let Some(p) = q.passages.iter().find(|p| p.position == pl.position) else {
                        continue;
                    };
                    if !p.kind.is_answer() {
                        continue;
                    }
                    for range in text::sentences(&p.text) {
                        let sentence = &p.text[range];
                        // Answers often repeat the question they answer ("Quelles mesures ont été
                        // mises en place ?"): a question is not the minister's statement.
                        if sentence.trim_end().ends_with('?') {
                            continue;
                        }
                        let action_terms = index.shared_content_terms(ai, sentence).len();
                        let ev = |status, cue| StatusEvidence {
                            status,
                            cue,
                            sentence: sentence.to_string(),
                            legislature: q.legislature.clone(),
                            number: q.number,
                            addressee: q.addressee_key(),
                            answered: date,
                            passage_position: p.position,
                            link_score: pl.score,
                            action_terms,
                        };
                        if first_sentence.is_none() {
                            first_sentence = Some(ev(Status::Announced, None));
                        }
                        let relevant =
                            pl.score >= STRONG_PASSAGE || action_terms >= SENTENCE_MIN_TERMS;
                        if !relevant {
                            continue;
                        }
                        if let Some((status, cue)) = classify(sentence) {
                            let e = ev(status, Some(cue));
                            if self.history {
                                slot.cues.push(e);
                            } else if slot
                                .cues
                                .last()
                                .is_none_or(|w| evidence_order(&e, w).is_ge())
                            {
                                // As for `uncued`: the one a stable sort would put last.
                                slot.cues = vec![e];
                            }
                        }
                    }
                }
                // Only the last in order is ever shown; a later equal one replaces it, as a
                // stable sort would put it last.
                if let Some(f) = first_sentence
                    && slot
                        .uncued
                        .as_ref()
                        .is_none_or(|u| evidence_order(&f, u).is_ge())
                {
                    slot.uncued = Some(f);
                }
            }
        }
    }

    /// The proposal for every action of the index, in plan order.
    pub fn finish(self) -> Vec<StatusProposal> {
        let history = self.history;
        self.index
            .action_codes()
            .iter()
            .zip(self.per_action)
            .map(|(code, ActionEvidence { mut cues, uncued, linked })| {
                // Stable sort keeps the sentence order for equal keys: the later sentence wins.
                cues.sort_by(evidence_order);
                let (status, evidence, explanation) = if linked == 0 {
                    (Status::NoFollowUp, None, "No question or answer is linked to this action.".to_string())
                } else if let Some(e) = cues.last() {
                    let expl = format!(
                        "{}: the answer of {} to question n°{} ({}) says « {} ».",
                        e.status.as_str(),
                        e.answered.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_else(|| "an unknown date".into()),
                        e.number,
                        e.addressee,
                        e.cue.as_deref().unwrap_or_default()
                    );
                    (e.status, Some(e.clone()), expl)
                } else {
                    let expl = format!(
                        "announced: {linked} linked question(s), but no answer says the work has started; the commitment stands as announced in the plan."
                    );
                    (Status::Announced, uncued, expl)
                };
                StatusProposal {
                    action_code: code.to_string(),
                    status,
                    evidence,
                    history: if history { cues } else { Vec::new() },
                    linked_questions: linked,
                    explanation,
                }
            })
            .collect()
    }
}

/// How much a status tells about delivery, for tie-breaks between sentences of the same date.
fn telling(s: Status) -> u8 {
    match s {
        Status::NoFollowUp => 0,
        Status::Announced => 1,
        Status::InProgress => 2,
        Status::Delivered => 3,
        Status::Stalled => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(s: &str) -> Option<(Status, String)> {
        classify(s)
    }

    #[test]
    fn cues_from_the_product_brief() {
        let cases = [
            (
                "En 2021 le premier Plan d’Appropriation Numérique (PAN) du pays a été lancé.",
                Status::Delivered,
                "été lancé",
            ),
            (
                "Le Gouvernement a approuvé la mise en place d’un nouveau modèle.",
                Status::Delivered,
                "a approuvé",
            ),
            (
                "Le chantier est en cours et fera l’objet de discussions.",
                Status::InProgress,
                "est en cours",
            ),
            (
                "Mes équipes travaillent intensément.",
                Status::InProgress,
                "travaillent",
            ),
            (
                "Ce qui a été fait en 2020 continuera en 2021.",
                Status::InProgress,
                "continuera",
            ),
            (
                "Nous analysons ces informations avant de décider de la création d’une task force.",
                Status::Announced,
                "analysons",
            ),
            (
                "Le Dossier unique sera finalisé pour le volet « Chercheur d’emploi ».",
                Status::Announced,
                "sera",
            ),
            (
                "Le projet est suspendu jusqu’à nouvel ordre.",
                Status::Stalled,
                "suspendu",
            ),
            (
                "Le Dossier unique a été finalisé en mars.",
                Status::Delivered,
                "été finalisé",
            ),
            (
                "Le plan que le Gouvernement finalise actuellement.",
                Status::InProgress,
                "finalise",
            ),
            (
                "Le lancement du pôle est reporté à septembre.",
                Status::Stalled,
                "reporté",
            ),
            (
                "Les Régions ne sont incluses ni dans la réflexion ni dans la mise en œuvre.",
                Status::Stalled,
                "ne sont incluses",
            ),
            (
                "Le portail n’a pas encore été lancé.",
                Status::Announced,
                "été lancé",
            ),
            (
                "Le Smart City Office évoluera pour capitaliser sur cette approche.",
                Status::Announced,
                "évoluera",
            ),
            (
                "L’avant-projet d’ordonnance a été approuvé en première lecture par le Gouvernement.",
                Status::InProgress,
                "été approuvé",
            ),
            (
                "Le projet d’ordonnance a été adopté en deuxième lecture.",
                Status::InProgress,
                "été adopté",
            ),
            (
                "L’ordonnance a été adoptée par le Parlement.",
                Status::Delivered,
                "été adoptée",
            ),
        ];
        for (s, status, cue) in cases {
            assert_eq!(st(s), Some((status, cue.to_string())), "{s}");
        }
        assert_eq!(st("La Belgique est le quinzième pays européen."), None);
    }

    /// General French, beyond the seeds' wording: adverbs after an auxiliary, a state in the
    /// present passive, signed agreements, running support services, and steps that are not
    /// delivery (a working group, a pilot).
    #[test]
    fn cues_of_real_answers() {
        let cases = [
            (
                "La Région a par ailleurs mis en place les chèques innovation.",
                Status::Delivered,
                "a par ailleurs mis en place",
            ),
            (
                "Le chantier est toujours en cours.",
                Status::InProgress,
                "est toujours en cours",
            ),
            (
                "La formation est concrétisée au sein du pôle.",
                Status::Delivered,
                "est concrétisée",
            ),
            (
                "Les accords que la Région a cosigné en 2021.",
                Status::Delivered,
                "a cosigné",
            ),
            (
                "Les conseillers accompagnent gratuitement les entreprises.",
                Status::Delivered,
                "accompagnent",
            ),
            (
                "Les entreprises peuvent être accompagnées par l'agence.",
                Status::Delivered,
                "être accompagnées",
            ),
            (
                "La STIB a mis en place un groupe de travail sur l'inclusion.",
                Status::InProgress,
                "a mis en place",
            ),
            (
                "Un projet pilote a été lancé en 2022.",
                Status::InProgress,
                "été lancé",
            ),
        ];
        for (s, status, cue) in cases {
            assert_eq!(st(s), Some((status, cue.to_string())), "{s}");
        }
        // "continue" the verb is progress; the adjective says nothing.
        assert_eq!(
            st("La Région continue à soutenir les indépendants."),
            Some((Status::InProgress, "continue à".to_string()))
        );
        assert_eq!(
            st("Nous continuons d'investir dans la formation."),
            Some((Status::InProgress, "continuons".to_string()))
        );
        assert_eq!(
            st("Actiris réalise une veille continue sur les métiers."),
            None
        );
        assert_eq!(
            st("Augmenter la formation continue des travailleurs."),
            None
        );
        // Not signed, not delivered.
        assert_eq!(st("Le problème a été signalé à l'administration."), None);
        assert_eq!(st("Il reste une convention à signer."), None);
        assert_eq!(st("Il a ensuite fallu trois ans."), None);
    }
}
