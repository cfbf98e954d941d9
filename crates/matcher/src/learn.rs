//! Learning from what staff decide (issue 10, since 1.5.0). Confirmed, rejected, moved and manual
//! links are examples: for each action, the questions staff confirmed (or linked by hand) and the
//! questions they rejected. A new question that reads like the confirmed examples of an action
//! scores higher for it, one that reads like the rejected ones lower, by at most [`LEARN_WEIGHT`]:
//!
//! `adjustment = LEARN_WEIGHT × (similarity to the confirmed − similarity to the rejected)`
//!
//! where a similarity is the cosine of the question's distinctive terms (general parliamentary
//! vocabulary left out) with the centroid of the examples' distinctive terms, both weighed with the
//! reference corpus's idf. The adjustment only moves pairs the matcher already considers (every
//! other rule of the link decision must hold), so staff decisions never link on their own; it is
//! deterministic (examples in a fixed order, no randomness), part of [`crate::MATCHER_VERSION`], and
//! explained in the link's reasons ([`StaffReason`]: "staff confirmed 2 questions on « open data »
//! for this action"). A person's own decision on a pair is never overridden: the store keeps
//! reviewed links as they are, whatever the matcher proposes.

use serde::{Deserialize, Serialize};
use vigie_core::Question;

/// What a staff decision on a (question, action) pair says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// Confirmed, moved onto this action, or linked by hand.
    Confirmed,
    /// Rejected (or moved away from this action).
    Rejected,
}

/// One staff decision, as the matcher learns from it.
#[derive(Clone, Debug, PartialEq)]
pub struct StaffDecision {
    pub action_code: String,
    pub question: Question,
    pub verdict: Verdict,
}

/// The largest change, either way, staff decisions make to a pair's score. Calibrated with a
/// simulated reviewer on the development gold (docs/matching.md, section 4c).
pub const LEARN_WEIGHT: f64 = 0.1;

/// A similarity under this is noise (a word or two in common), not resemblance: no adjustment.
pub const LEARN_MIN_SIMILARITY: f64 = 0.35;

/// Why staff decisions moved a link's score, for a person to check.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StaffReason {
    /// How many confirmed (or manual) examples of this action the question resembles.
    pub confirmed: u32,
    /// How many rejected examples of this action it resembles.
    pub rejected: u32,
    /// The question's words the examples share, heaviest first (at most three), as written.
    pub words: Vec<String>,
    /// The change to the score (positive: confirmed examples weigh more).
    pub adjustment: f64,
}
