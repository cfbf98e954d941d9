//! `explain`: why a question is or is not linked to an action, in plain words, with the same
//! weights and rules as [`PlanIndex::match_all`] (what `vigie explain` prints).

use std::fmt::Write as _;

use vigie_core::Question;

use super::*;
use crate::learn::LEARN_WEIGHT;

/// Why `question` is or is not linked to `action_code`, in plain words, with the same weights as
/// [`PlanIndex::match_all`] (the question's links do not depend on the rest of the database).
pub fn explain(index: &PlanIndex, question: &Question, action_code: &str) -> String {
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
    let weights = Weights::new(index, &index.reference);
    let a = analyse_question(question);
    let prep = weights.prepare(&a);
    let pilot = index.pilot_of_axis(&question.addressee, index.actions[ai].axis_idx);
    let detail = weights.pair_detail(question, &a, &prep, ai, pilot.as_ref(), Mode::Full);
    let entry = &index.actions[ai];
    let _ = writeln!(
        out,
        "Action {} (axis {}): {}",
        entry.code,
        entry.axis,
        shorten(&entry.display, 160)
    );
    let _ = writeln!(out, "Question: {ident}");
    let t = index.link_threshold;
    let pilots: Vec<Option<MinisterReason>> = (0..index.axes.len())
        .map(|i| index.pilot_of_axis(&question.addressee, i))
        .collect();
    // Every candidate down to what staff decisions could lift to the threshold.
    let others = weights.scored(question, &a, &prep, &pilots, t - LEARN_WEIGHT);
    let staff = others.iter().find(|c| c.0 == ai).and_then(|c| c.2.clone());
    let adjustment = staff.as_ref().map_or(0.0, |r| r.adjustment);
    if let Some(r) = &staff {
        let _ = writeln!(
            out,
            "Staff decisions: the question resembles {} confirmed and {} rejected question(s) of this action (on {}): {:+.3}.",
            r.confirmed,
            r.rejected,
            quote_list(&r.words),
            r.adjustment
        );
    }
    let others: Vec<(usize, f64)> = others
        .into_iter()
        .filter(|c| c.1 >= t)
        .map(|c| (c.0, c.1))
        .collect();
    match Weights::decide(&detail, t - adjustment) {
        Ok((_, raw)) => {
            let score = (raw + adjustment).clamp(0.0, 1.0);
            let best = others.first().map(|c| c.1).unwrap_or(score);
            let rank = others.iter().position(|c| c.0 == ai).unwrap_or(0) + 1;
            let best_code = others
                .first()
                .map(|c| index.actions[c.0].code.as_str())
                .unwrap_or("");
            let cut = index.relative_cut;
            if score < cut * best {
                let _ = writeln!(
                    out,
                    "Verdict: NOT LINKED — the best passage scores {score:.3} ≥ threshold {t}, but the question's best link (action {best_code}, {best:.3}) is much stronger: only links scoring at least {cut} × the best are kept."
                );
            } else if rank > MAX_LINKS_PER_QUESTION {
                let _ = writeln!(
                    out,
                    "Verdict: NOT LINKED — the best passage scores {score:.3} ≥ threshold {t}, but {} other actions score higher and a question keeps at most {MAX_LINKS_PER_QUESTION} links.",
                    rank - 1
                );
            } else {
                let _ = writeln!(
                    out,
                    "Verdict: LINKED — best passage score {score:.3} ≥ threshold {t}."
                );
            }
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
                // Say why a concept weighs more than a word.
                let concept = if index.weighted_concepts.contains(&t.term)
                    && index.concept_weight != 1.0
                    && t.related_to.is_none()
                {
                    format!(", concept ×{}", index.concept_weight)
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
