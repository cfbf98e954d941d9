//! Windows of a passage: its paragraphs and runs of consecutive sentences, each scored on its own so
//! that one sentence about an action is not diluted by a long answer about other things
//! (docs/matching.md, section 3).

use vigie_core::text::{self, Token};

/// A part of a passage's text scored on its own: a paragraph, or a few consecutive sentences. A
/// long answer part often treats several subjects; scored whole, the part dilutes each of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Window {
    /// Token index range in the passage text.
    pub(super) tokens: std::ops::Range<usize>,
    /// How a person finds it: `paragraph 2`, `sentences 3–4`, `sentence 5` (1-based).
    pub(super) label: String,
}

/// A sentence window holds consecutive sentences until it has at least this many terms...
pub(super) const WINDOW_MIN_TERMS: usize = 12;
/// ... and at most this many sentences.
pub(super) const WINDOW_MAX_SENTENCES: usize = 3;

/// Token index ranges of the pieces of `text` cut at `breaks` (byte offsets).
pub(super) fn token_ranges(
    tokens: &[Token],
    cuts: &[std::ops::Range<usize>],
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::with_capacity(cuts.len());
    let mut k = 0;
    for c in cuts {
        while k < tokens.len() && tokens[k].surface.start < c.start {
            k += 1;
        }
        let start = k;
        while k < tokens.len() && tokens[k].surface.start < c.end {
            k += 1;
        }
        out.push(start..k);
    }
    out
}

/// The windows of a passage text: its paragraphs (blocks separated by a blank line) when it has
/// more than one, and runs of consecutive sentences (a sentence with the next ones until the run
/// holds [`WINDOW_MIN_TERMS`] terms, at most [`WINDOW_MAX_SENTENCES`], within a paragraph; the
/// next run starts at the last sentence of a longer run, or at the next sentence). A run shorter
/// than [`WINDOW_MIN_TERMS`], a window that is the whole text, or one that repeats another, is
/// left out.
pub(super) fn windows(text: &str, tokens: &[Token]) -> Vec<Window> {
    let mut out: Vec<Window> = Vec::new();
    let whole = 0..tokens.len();
    let push = |out: &mut Vec<Window>, tokens: std::ops::Range<usize>, label: String| {
        if !tokens.is_empty() && tokens != whole && !out.iter().any(|w| w.tokens == tokens) {
            out.push(Window { tokens, label });
        }
    };
    // Paragraphs, as byte ranges.
    let mut paras: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("\n\n") {
        if i > start {
            paras.push(start..i);
        }
        start = i + 2;
    }
    if start < text.len() {
        paras.push(start..text.len());
    }
    let para_tokens = token_ranges(tokens, &paras);
    let n_paras = para_tokens.iter().filter(|r| !r.is_empty()).count();
    if n_paras > 1 {
        for (k, r) in para_tokens.iter().enumerate() {
            push(&mut out, r.clone(), format!("paragraph {}", k + 1));
        }
    }
    let sentences = text::sentences(text);
    let sent_tokens = token_ranges(tokens, &sentences);
    let para_of = |byte: usize| paras.iter().position(|p| p.contains(&byte));
    // Consecutive windows share at most one sentence: enough to catch a subject told over a
    // sentence boundary, without scoring every sentence three times.
    let mut i = 0;
    while i < sentences.len() {
        if sent_tokens[i].is_empty() {
            i += 1;
            continue;
        }
        let para = para_of(sentences[i].start);
        let mut j = i;
        let mut n = sent_tokens[i].len();
        while n < WINDOW_MIN_TERMS
            && j + 1 < sentences.len()
            && j + 1 - i < WINDOW_MAX_SENTENCES
            && para_of(sentences[j + 1].start) == para
        {
            j += 1;
            n += sent_tokens[j].len();
        }
        // A short run (the end of a paragraph) is scored with the paragraph and the previous
        // window: alone, a few words make a similarity out of a coincidence.
        if n >= WINDOW_MIN_TERMS {
            let label = if j == i {
                format!("sentence {}", i + 1)
            } else {
                format!("sentences {}–{}", i + 1, j + 1)
            };
            push(&mut out, sent_tokens[i].start..sent_tokens[j].end, label);
        }
        i = if j > i { j } else { i + 1 };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<(String, String)> {
        let tokens = text::analyse(text);
        windows(text, &tokens)
            .into_iter()
            .map(|w| {
                let r = w.tokens;
                let span = tokens[r.start].surface.start..tokens[r.end - 1].surface.end;
                (w.label, text[span].to_string())
            })
            .collect()
    }

    #[test]
    fn windows_are_paragraphs_and_runs_of_sentences_of_at_least_twelve_terms() {
        let text = "Le premier plan d’appropriation numérique a été lancé pour faciliter l’accès aux services et outils numériques des citoyens bruxellois.\n\nParadigm coordonne les groupes de travail. Le comité se réunit chaque mois avec les acteurs de terrain, les communes et les associations du secteur. Il rend compte au Gouvernement.";
        let got = labels(text);
        let names: Vec<&str> = got.iter().map(|(l, _)| l.as_str()).collect();
        // Paragraph 1 is also sentence 1 (not repeated); sentence 2 is short and takes sentence 3;
        // the next run, sentences 3–4, holds 11 terms only: paragraph 2 covers it.
        assert_eq!(names, vec!["paragraph 1", "paragraph 2", "sentences 2–3"]);
        assert!(got[2].1.starts_with("Paradigm coordonne"));
        assert!(got[2].1.ends_with("du secteur"));
    }

    #[test]
    fn a_short_passage_has_no_window() {
        let text = "Quels sont les projets de digitalisation en matière d’emploi ?";
        assert!(labels(text).is_empty());
    }
}
