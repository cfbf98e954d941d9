//! Vigie's matcher: links written questions (passage by passage) to the actions of a plan, with a
//! score in [0, 1] and reasons a person can check; proposes a status for every action from the
//! linked answers; evaluates links against a gold file; and offers a plain BM25 baseline for
//! comparison.
//!
//! Pure: no I/O. The store feeds it a [`vigie_core::Plan`] and [`vigie_core::Question`]s and persists
//! what it returns. How scores are computed and calibrated is documented in `docs/matching.md`; the
//! status rules in `docs/statuses.md`.

mod background;
pub mod baseline;
pub mod eval;
mod fx;
mod index;
pub mod learn;
mod minister;
mod orgs;
pub mod status;

pub use index::{
    CONCEPT_WEIGHT, Candidate, Corpus, ExplainedPassage, ExplainedVerdict, Explanation,
    LINK_THRESHOLD, MAX_LINKS_PER_QUESTION, MinisterReason, OrganisationMention, PASSAGE_THRESHOLD,
    POSSIBLE_MARGIN, POSSIBLE_PER_QUESTION, PassageLink, PlanIndex, QuestionLink, RELATIVE_CUT,
    Reasons, Refusal, SUPPORT_RATIO, SecondSubject, SharedTerm, SubjectReason, explain,
    explain_pair, select,
};
pub use learn::{StaffDecision, StaffReason, Verdict};
pub use minister::portfolio_match;
pub use orgs::default_aliases;
pub use status::{StatusCollector, StatusEvidence, StatusProposal, propose_statuses};

/// The matcher's behaviour version, stored with every link it proposes: bump it whenever scores or
/// decisions can change, so re-runs can tell old proposals from new ones.
pub const MATCHER_VERSION: &str = "vigie-matcher/1.7.0";

/// A question's identity: (legislature, number, addressee surname).
pub type QuestionKey = (String, u32, String);

/// The identity of a question, as used by the gold file and the exports.
pub fn question_key(q: &vigie_core::Question) -> QuestionKey {
    (q.legislature.clone(), q.number, q.addressee_key())
}
