//! `explain`: why a question is or is not linked to an action, with the same weights and rules as
//! [`PlanIndex::match_all`]. [`explain_pair`] returns the explanation as a structure
//! ([`Explanation`]: the verdict, the theme, subject, minister, staff decisions and every passage
//! with its [`Reasons`]); its `Display` is the plain-words text `vigie explain` prints, and the
//! web pages render the same [`Reasons`] as French or English prose (`views::action::reasons`).

use std::fmt;

use serde::Serialize;
use vigie_core::{PassageKind, Question};

use super::reasons::Refusal;
use super::*;
use crate::learn::LEARN_WEIGHT;

/// Why a question is or is not linked to an action.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    pub action_code: String,
    pub axis: u32,
    /// The action's text as the plan writes it.
    pub action_text: String,
    pub question_number: u32,
    pub question_addressee: String,
    pub question_legislature: String,
    pub question_subject: String,
    pub verdict: ExplainedVerdict,
    /// What staff decisions on similar questions changed, if anything.
    pub staff: Option<StaffReason>,
    /// The axis title, and the question's words that touch it (`None`: the axis has no theme).
    pub axis_title: String,
    pub theme: Option<Vec<String>>,
    pub subject: SubjectReason,
    /// Set when the addressee pilots the action's axis.
    pub minister: Option<MinisterReason>,
    /// The minister bonus, for the text.
    pub minister_bonus: f64,
    /// Every passage sharing a term with the action, best first.
    pub passages: Vec<ExplainedPassage>,
    /// How much a weighted concept counts ([`CONCEPT_WEIGHT`]).
    pub concept_weight: f64,
}

/// The link decision on the pair.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum ExplainedVerdict {
    Linked {
        score: f64,
        threshold: f64,
        /// Set when the link scores under the per-question cut and is kept as a second subject of
        /// the question ([`select`]).
        second_subject: Option<SecondSubject>,
    },
    /// Above the threshold, but under the per-question cut of the question's best link.
    Outranked {
        score: f64,
        threshold: f64,
        best_action: String,
        best: f64,
        cut: f64,
    },
    /// Above the threshold, but other actions fill the question's links.
    TooMany {
        score: f64,
        threshold: f64,
        higher: usize,
        max: usize,
    },
    /// A rule of the decision fails.
    NotLinked { why: Refusal },
}

/// A link kept under the per-question cut: the notion it rests on, which the question's best link
/// does not concern.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SecondSubject {
    /// The notion as the question writes it (« intelligence artificielle »).
    pub words: String,
    pub best_action: String,
    pub best: f64,
    pub cut: f64,
}

/// One passage of the question against the action.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExplainedPassage {
    pub position: u32,
    pub kind: PassageKind,
    pub score: f64,
    pub reasons: Reasons,
    /// The shared terms that are weighted concepts of the plan.
    pub weighted_terms: Vec<String>,
}

/// [`explain_pair`] as text, or the reason there is nothing to explain (no such action).
pub fn explain(index: &PlanIndex, question: &Question, action_code: &str) -> String {
    match explain_pair(index, question, action_code) {
        Ok(e) => e.to_string(),
        Err(no_action) => no_action,
    }
}

/// Why `question` is or is not linked to `action_code`, with the same weights as
/// [`PlanIndex::match_all`] (the question's links do not depend on the rest of the database).
/// Errs, in words, when the plan has no such action.
pub fn explain_pair(
    index: &PlanIndex,
    question: &Question,
    action_code: &str,
) -> Result<Explanation, String> {
    let Some(ai) = index.actions.iter().position(|a| a.code == action_code) else {
        let codes = index.action_codes().join(", ");
        return Err(format!(
            "The plan has no action {action_code} (its actions are {codes}).\n"
        ));
    };
    let weights = Weights::new(index, &index.reference);
    let a = analyse_question(question);
    let prep = weights.prepare(&a);
    let pilot = index.pilot_of_axis(&question.addressee, index.actions[ai].axis_idx);
    let detail = weights.pair_detail(question, &a, &prep, ai, pilot.as_ref(), Mode::Full);
    let entry = &index.actions[ai];
    let t = index.link_threshold;
    let pilots: Vec<Option<MinisterReason>> = (0..index.axes.len())
        .map(|i| index.pilot_of_axis(&question.addressee, i))
        .collect();
    // Every candidate down to what staff decisions could lift to the threshold.
    let others = weights.scored(question, &a, &prep, &pilots, t - LEARN_WEIGHT);
    let staff = others.iter().find(|c| c.0 == ai).and_then(|c| c.2.clone());
    let adjustment = staff.as_ref().map_or(0.0, |r| r.adjustment);
    let others: Vec<(usize, f64)> = others
        .into_iter()
        .filter(|c| c.1 >= t)
        .map(|c| (c.0, c.1))
        .collect();
    let verdict = match Weights::decide(&detail, t - adjustment) {
        Ok((_, raw)) => {
            let score = (raw + adjustment).clamp(0.0, 1.0);
            let best = others.first().map(|c| c.1).unwrap_or(score);
            let rank = others.iter().position(|c| c.0 == ai).unwrap_or(0) + 1;
            let best_action = others
                .first()
                .map(|c| index.actions[c.0].code.clone())
                .unwrap_or_default();
            let cut = index.relative_cut;
            // The question's links, chosen by the rule `match_all` applies.
            let mut chosen = others.clone();
            let mut second: Option<String> = None;
            select(&mut chosen, cut, |&c, &best| {
                let s = index
                    .second_subjects
                    .then(|| weights.second_subject(question, &a, &prep, &pilots, c, best))
                    .flatten();
                if c == ai {
                    second.clone_from(&s);
                }
                s.is_some()
            });
            if chosen.iter().any(|c| c.0 == ai) {
                ExplainedVerdict::Linked {
                    score,
                    threshold: t,
                    second_subject: second.filter(|_| score < cut * best).map(|words| {
                        SecondSubject {
                            words,
                            best_action,
                            best,
                            cut,
                        }
                    }),
                }
            } else if score < cut * best {
                ExplainedVerdict::Outranked {
                    score,
                    threshold: t,
                    best_action,
                    best,
                    cut,
                }
            } else {
                ExplainedVerdict::TooMany {
                    score,
                    threshold: t,
                    higher: rank - 1,
                    max: MAX_LINKS_PER_QUESTION,
                }
            }
        }
        Err(why) => ExplainedVerdict::NotLinked { why },
    };
    let mut passages: Vec<ExplainedPassage> = detail
        .passages
        .iter()
        .map(|p| ExplainedPassage {
            position: p.position,
            kind: p.kind,
            score: p.score,
            weighted_terms: p
                .reasons
                .shared_terms
                .iter()
                .filter(|t| index.weighted_concepts.contains(&t.term) && t.related_to.is_none())
                .map(|t| t.term.clone())
                .collect(),
            reasons: p.reasons.clone(),
        })
        .collect();
    passages.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.position.cmp(&y.position))
    });
    Ok(Explanation {
        action_code: entry.code.clone(),
        axis: entry.axis,
        action_text: entry.display.clone(),
        question_number: question.number,
        question_addressee: question.addressee_key(),
        question_legislature: question.legislature.clone(),
        question_subject: question.subject.trim().to_string(),
        verdict,
        staff,
        axis_title: detail.axis_title.clone(),
        theme: detail.theme.clone(),
        subject: detail.subject.clone(),
        minister: pilot,
        minister_bonus: MINISTER_BONUS,
        passages,
        concept_weight: index.concept_weight,
    })
}

/// The plain words `vigie explain` prints.
impl fmt::Display for Explanation {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            out,
            "Action {} (axis {}): {}",
            self.action_code,
            self.axis,
            shorten(&self.action_text, 160)
        )?;
        writeln!(
            out,
            "Question: question n°{} ({}, legislature {}) « {} »",
            self.question_number,
            self.question_addressee,
            self.question_legislature,
            self.question_subject
        )?;
        if let Some(r) = &self.staff {
            writeln!(
                out,
                "Staff decisions: the question resembles {} confirmed and {} rejected question(s) of this action (on {}): {:+.3}.",
                r.confirmed,
                r.rejected,
                quote_list(&r.words),
                r.adjustment
            )?;
        }
        match &self.verdict {
            ExplainedVerdict::Outranked {
                score,
                threshold: t,
                best_action,
                best,
                cut,
            } => writeln!(
                out,
                "Verdict: NOT LINKED — the best passage scores {score:.3} ≥ threshold {t}, but the question's best link (action {best_action}, {best:.3}) is much stronger: only links scoring at least {cut} × the best are kept."
            )?,
            ExplainedVerdict::TooMany {
                score,
                threshold: t,
                higher,
                max,
            } => writeln!(
                out,
                "Verdict: NOT LINKED — the best passage scores {score:.3} ≥ threshold {t}, but {higher} other actions score higher and a question keeps at most {max} links."
            )?,
            ExplainedVerdict::Linked {
                score,
                threshold: t,
                second_subject: None,
            } => writeln!(
                out,
                "Verdict: LINKED — best passage score {score:.3} ≥ threshold {t}."
            )?,
            ExplainedVerdict::Linked {
                score,
                threshold: t,
                second_subject: Some(s),
            } => writeln!(
                out,
                "Verdict: LINKED — best passage score {score:.3} ≥ threshold {t}. It is under {} × the question's best link (action {}, {:.3}), but it rests on « {} », a notion this action commits to and action {} does not name: a second subject of the question, not a weaker claim on the same one.",
                s.cut, s.best_action, s.best, s.words, s.best_action
            )?,
            ExplainedVerdict::NotLinked { why } => writeln!(out, "Verdict: NOT LINKED — {why}.")?,
        }
        match &self.theme {
            Some(w) if w.is_empty() => writeln!(
                out,
                "Axis theme: the question never uses a word of the axis title « {} ».",
                self.axis_title
            )?,
            Some(w) => writeln!(
                out,
                "Axis theme: the question touches « {} » with {}.",
                self.axis_title,
                quote_list(&w[..w.len().min(5)])
            )?,
            None => {}
        }
        let s = &self.subject;
        if s.shared_words.is_empty() {
            writeln!(
                out,
                "Subject line: shares no word with the action (subject score 0)."
            )?;
        } else {
            writeln!(
                out,
                "Subject line: shares {} with the action (subject score {:.3}).",
                quote_list(&s.shared_words),
                s.score
            )?;
        }
        match &self.minister {
            Some(m) => writeln!(
                out,
                "Minister: {} is a pilot of axis {} (« {} »; competences found: {}). This adds {} to passages that already share words with the action.",
                m.addressee,
                self.axis,
                shorten(&m.pilot, 120),
                m.competences.join(", "),
                self.minister_bonus
            )?,
            None => writeln!(
                out,
                "Minister: the addressee is not a pilot of axis {} (no bonus).",
                self.axis
            )?,
        }
        if self.passages.is_empty() {
            writeln!(out, "Passages: none shares a term with the action.")?;
        }
        for p in &self.passages {
            let r = &p.reasons;
            writeln!(
                out,
                "Passage n°{} ({}): score {:.3} = {}",
                p.position,
                p.kind.as_str(),
                p.score,
                r.summary
            )?;
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
                    // Say why a concept weighs more than a word.
                    let concept =
                        if self.concept_weight != 1.0 && p.weighted_terms.contains(&t.term) {
                            format!(", concept ×{}", self.concept_weight)
                        } else {
                            String::new()
                        };
                    format!(
                        "{} ~ {} ({}{}{}, {:.3})",
                        quote_list(&t.passage_words),
                        quote_list(&t.action_words),
                        t.term,
                        rel,
                        concept,
                        t.weight
                    )
                })
                .collect();
            writeln!(out, "  shared terms: {}", terms.join("; "))?;
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
                writeln!(
                    out,
                    "  partner organisations named (weak evidence): {}",
                    orgs.join(", ")
                )?;
            }
        }
        Ok(())
    }
}

pub(super) fn quote_list(words: &[String]) -> String {
    let q: Vec<String> = words.iter().map(|w| format!("« {w} »")).collect();
    q.join(", ")
}

pub(super) fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}
