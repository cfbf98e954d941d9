//! The exact detail of one (question, action) pair — each passage's score and the reasons a person
//! can check (shared terms with their words, subject, minister, organisations) — and the link
//! decision on it. The fast candidate search (`candidates` in the parent module) computes the same
//! scores from postings; `tests/seeds.rs` checks that both agree on every pair.

use std::collections::BTreeSet;

use vigie_core::Question;

use super::*;
use crate::orgs::Mention;

impl<'a> Weights<'a> {
    /// Full scoring of one question against one action, with reasons for every passage.
    /// Full scoring of one question against one action. With `full`, reasons are built for every
    /// passage (for `explain`); otherwise only for the passages that can join the trail.
    pub(super) fn pair_detail<'p>(
        &self,
        q: &Question,
        a: &Analysed,
        prep: &'p Prepared,
        action: usize,
        pilot: Option<&MinisterReason>,
        mode: Mode,
    ) -> PairDetail<'p> {
        let full = mode == Mode::Full;
        let entry = &self.index.actions[action];
        let (s, _, s_shared) = self.similarity(&prep.subject, action);
        let mut subject_words = Vec::new();
        let mut subject_terms = BTreeSet::new();
        for &(term, _, _) in &s_shared {
            if mode != Mode::Score {
                for t in a.subject.iter().filter(|t| t.term == term) {
                    push_unique(&mut subject_words, &q.subject[t.surface.clone()]);
                }
            }
            if !is_general(term) {
                subject_terms.insert(term);
            }
        }
        let subject = SubjectReason {
            subject: if mode == Mode::Score {
                String::new()
            } else {
                q.subject.clone()
            },
            score: round3(s),
            shared_words: subject_words,
        };
        let mut passages = Vec::new();
        let trail_from = PASSAGE_THRESHOLD.min(self.index.link_threshold);
        for (pi, (ap, p)) in a.passages.iter().zip(&q.passages).enumerate() {
            let (v, wins) = &prep.passages[pi];
            let (whole, whole_shared) = self.text_similarity(v, action);
            if whole <= 0.0 {
                continue;
            }
            // The best window, when it shares enough distinctive terms to stand on its own.
            let mut t = whole;
            let mut window: Option<(usize, Vec<Shared<'p>>)> = None;
            for (k, wv) in wins.iter().enumerate() {
                let (x, wshared) = self.text_similarity(wv, action);
                if WINDOW_FACTOR * x <= t {
                    continue;
                }
                let distinct: BTreeSet<&str> = wshared
                    .iter()
                    .filter(|(term, _, _)| !is_general(term))
                    .map(|(term, _, _)| *term)
                    .collect();
                if distinct.len() >= MIN_CONTENT_TERMS {
                    t = WINDOW_FACTOR * x;
                    window = Some((k, wshared));
                }
            }
            // Decisions count the distinctive terms of the whole passage (a superset of any
            // window's); reasons show the words of the window that carries the passage.
            let content_shared = &whole_shared;
            let bonus_ok = t >= BONUS_FLOOR;
            let m_bonus = if bonus_ok && pilot.is_some() {
                MINISTER_BONUS
            } else {
                0.0
            };
            let base = W_TEXT * t + W_SUBJECT * s + m_bonus;
            let needed = full
                || (base + PARTNER_BONUS_MAX >= trail_from && t >= TRAIL_MIN_TEXT.min(trail_from));
            if !needed {
                // Cannot join the trail nor carry the link: a score without reasons is enough.
                passages.push(PassageDetail {
                    position: ap.position,
                    kind: ap.kind,
                    text_score: t,
                    score: base.min(1.0),
                    reasons: Reasons::score_only(t, subject.score),
                    content_terms: BTreeSet::new(),
                });
                continue;
            }
            if mode == Mode::Score {
                // Only what the decision needs: the exact score and the distinctive terms.
                let content_terms: BTreeSet<&str> =
                    if base + PARTNER_BONUS_MAX >= self.index.link_threshold {
                        content_shared
                            .iter()
                            .filter(|(t, _, _)| !is_general(t))
                            .map(|(t, _, _)| *t)
                            .collect()
                    } else {
                        BTreeSet::new()
                    };
                let n_orgs = if bonus_ok {
                    prep.mentions[pi]
                        .get_or_init(|| self.index.partners.find(&p.text))
                        .len()
                } else {
                    0
                };
                let o_bonus = (PARTNER_BONUS * n_orgs as f64).min(PARTNER_BONUS_MAX);
                passages.push(PassageDetail {
                    position: ap.position,
                    kind: ap.kind,
                    text_score: t,
                    score: (base + o_bonus).min(1.0),
                    reasons: Reasons::score_only(t, subject.score),
                    content_terms,
                });
                continue;
            }
            let minister = if bonus_ok { pilot.cloned() } else { None };
            let content_terms: BTreeSet<&str> = content_shared
                .iter()
                .filter(|(t, _, _)| !is_general(t))
                .map(|(t, _, _)| *t)
                .collect();
            // The words a person should read: the carrying window's, or the whole passage's.
            let (shown, in_window) = match window {
                Some((k, wshared)) => (wshared, Some(&ap.windows[k])),
                None => (whole_shared, None),
            };
            let mut shared_terms = Vec::new();
            for (k, (term, weight, rel)) in shown.into_iter().enumerate() {
                // Reasons show the heaviest terms; the long tail weighs next to nothing.
                if k >= MAX_REASON_TERMS {
                    break;
                }
                let mut passage_words = Vec::new();
                let mut passage_spans = Vec::new();
                let occ = prep.occurrences[pi].get_or_init(|| occurrences(ap));
                if let Some((in_text, in_heading)) = occ.get(term) {
                    for &k in in_text {
                        if in_window.is_some_and(|w| !w.tokens.contains(&k)) {
                            continue;
                        }
                        let tok = &ap.text[k];
                        push_unique(&mut passage_words, &p.text[tok.surface.clone()]);
                        passage_spans.push((tok.surface.start, tok.surface.end));
                    }
                    if let (Some(h), None) = (&p.heading, in_window) {
                        for &k in in_heading {
                            push_unique(&mut passage_words, &h[ap.heading[k].surface.clone()]);
                        }
                    }
                }
                let action_id = match rel {
                    Some(rid) => rid,
                    None => self.index.vocab[term],
                };
                let action_words = entry.words.get(&action_id).cloned().unwrap_or_default();
                let related_to = rel.map(|rid| self.term_name(rid));
                shared_terms.push(SharedTerm {
                    term: term.to_string(),
                    weight: round3(weight),
                    passage_words,
                    passage_spans,
                    action_words,
                    related_to,
                });
            }
            let organisations: Vec<OrganisationMention> = if bonus_ok && needed {
                prep.mentions[pi]
                    .get_or_init(|| self.index.partners.find(&p.text))
                    .iter()
                    .cloned()
                    .map(mention)
                    .collect()
            } else {
                Vec::new()
            };
            let o_bonus = (PARTNER_BONUS * organisations.len() as f64).min(PARTNER_BONUS_MAX);
            let score = (base + o_bonus).min(1.0);
            let text_part = match in_window {
                Some(w) => format!(
                    "text {t:.3} ({}: {WINDOW_FACTOR} × {:.3})",
                    w.label,
                    t / WINDOW_FACTOR
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
                    staff: None,
                },
                content_terms,
            });
        }
        let axis = &self.index.axes[entry.axis_idx];
        let theme = if axis.theme.is_empty() {
            None
        } else if !full {
            // The link path only needs to know whether the theme is touched.
            let touched = axis.theme.iter().any(|t| prep.terms.contains(t.as_str()));
            Some(if touched {
                vec![String::new()]
            } else {
                Vec::new()
            })
        } else {
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
            Some(words)
        };
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
    pub(super) fn decide(detail: &PairDetail, threshold: f64) -> Result<(usize, f64), Refusal> {
        let mut order: Vec<usize> = (0..detail.passages.len()).collect();
        order.sort_by(|&x, &y| {
            let (px, py) = (&detail.passages[x], &detail.passages[y]);
            py.score
                .total_cmp(&px.score)
                .then(px.position.cmp(&py.position))
        });
        let Some(&top) = order.first() else {
            return Err(Refusal::NoSharedTerm);
        };
        let best = &detail.passages[top];
        if best.score < threshold {
            return Err(Refusal::BelowThreshold {
                position: best.position,
                score: best.score,
                threshold,
            });
        }
        if detail.theme.as_ref().is_some_and(|w| w.is_empty()) {
            return Err(Refusal::OffTheme {
                position: best.position,
                score: best.score,
                axis_title: detail.axis_title.clone(),
            });
        }
        for &i in &order {
            let p = &detail.passages[i];
            if p.score < threshold {
                break;
            }
            let content: BTreeSet<&&str> = p
                .content_terms
                .iter()
                .chain(&detail.subject_terms)
                .collect();
            if content.len() >= MIN_CONTENT_TERMS {
                return Ok((i, p.score));
            }
        }
        let content: BTreeSet<&&str> = best
            .content_terms
            .iter()
            .chain(&detail.subject_terms)
            .collect();
        Err(Refusal::TooFewTerms {
            position: best.position,
            score: best.score,
            terms: content.iter().map(|s| s.to_string()).collect(),
            required: MIN_CONTENT_TERMS,
        })
    }
}

/// Why the link decision refuses a pair: the rule that fails, with its figures.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub enum Refusal {
    /// No passage shares any term with the action.
    NoSharedTerm,
    /// The best passage scores under the threshold.
    BelowThreshold {
        position: u32,
        score: f64,
        threshold: f64,
    },
    /// The question never touches the theme of the action's axis.
    OffTheme {
        position: u32,
        score: f64,
        axis_title: String,
    },
    /// No passage above the threshold shares enough distinctive terms (the matcher's terms:
    /// stems and concept names, for the CLI; a public page would say the count only).
    TooFewTerms {
        position: u32,
        score: f64,
        terms: Vec<String>,
        required: usize,
    },
}

/// The refusal in plain words, as `vigie explain` prints it.
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::NoSharedTerm => write!(f, "no passage shares any term with the action"),
            Refusal::BelowThreshold {
                position,
                score,
                threshold,
            } => write!(
                f,
                "the best passage (n°{position}) scores {score:.3}, below the threshold {threshold}"
            ),
            Refusal::OffTheme {
                position,
                score,
                axis_title,
            } => write!(
                f,
                "the best passage (n°{position}) scores {score:.3}, but the question never touches the theme of the action's axis (« {axis_title} »)"
            ),
            Refusal::TooFewTerms {
                position,
                score,
                terms,
                required,
            } => write!(
                f,
                "the best passage (n°{position}) scores {score:.3} but shares only {} distinctive term(s) with the action ({}), and no other passage above the threshold shares more; at least {required} are required",
                terms.len(),
                terms.join(", ")
            ),
        }
    }
}

pub(super) fn mention(m: Mention) -> OrganisationMention {
    OrganisationMention {
        partner: m.partner,
        written: m.written,
        start: m.start,
        end: m.end,
        similarity: m.similarity,
    }
}

impl Reasons {
    /// The reasons of a passage scored but not explained (it cannot carry the link, or only the
    /// decision is wanted): its text and subject scores, nothing else.
    fn score_only(text_score: f64, subject_score: f64) -> Reasons {
        Reasons {
            text_score: round3(text_score),
            shared_terms: Vec::new(),
            organisations: Vec::new(),
            minister: None,
            subject: SubjectReason {
                subject: String::new(),
                score: subject_score,
                shared_words: Vec::new(),
            },
            summary: String::new(),
            staff: None,
        }
    }
}
