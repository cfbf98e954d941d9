//! The domain model: what Vigie understands of a plan and of a written question.
//!
//! These types are what the readers produce, what the matcher consumes, what the store persists and
//! what `vigie export` prints. They are plain data (serde) with no behaviour that needs I/O.
//!
//! Fields added after the first exports (`Act::person`, `Act::url`, `Question::source`,
//! `Question::warnings`) are `serde(default)` and left out of the JSON when empty, so older exports
//! still deserialise and documents without them serialise as before.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A document as a reader understood it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Document {
    Plan(Plan),
    Question(Question),
}

/// A minister as a document names them. Plans name ministers by portfolio only; questions give the
/// name and the portfolio ("Bernard Clerfayt, Ministre ... chargé de l'Emploi ...").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Minister {
    pub name: Option<String>,
    /// The role and portfolio text, as written ("Ministre en charge de l'Emploi et ...").
    pub portfolio: String,
}

/// A partner organisation of a plan, as the plan lists it: `Easy Brussels (SPRB)` gives the name
/// `Easy Brussels` and the qualifier `SPRB`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    pub name: String,
    pub qualifier: Option<String>,
}

/// A government priority plan (seed 002).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub title: String,
    /// e.g. `Priorité concertée`.
    pub kind: String,
    /// Intro paragraphs, in order.
    pub intro: Vec<String>,
    pub lead_ministers: Vec<Minister>,
    pub associated_ministers: Vec<Minister>,
    pub partners: Vec<Partner>,
    pub steering_committee: Vec<Partner>,
    pub axes: Vec<Axis>,
}

/// A numbered axis of a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Axis {
    pub number: u32,
    pub title: String,
    /// The text before the axis' bullets (empty when the axis opens with bullets; when the axis has
    /// no bullets, each paragraph is an action and the description is empty).
    pub description: String,
    pub pilots: Vec<Minister>,
    pub actions: Vec<Action>,
}

/// One commitment of a plan: one bullet of an axis, or one paragraph of an axis without bullets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// Stable code `<axis number>.<position>`, 1-based, in document order (`1.5`).
    pub code: String,
    pub axis: u32,
    pub position: u32,
    /// A short label that opens the bullet (`Pôle de compétitivité commun`), when there is one.
    pub label: Option<String>,
    /// The action's text, without its label.
    pub text: String,
}

/// A procedural act of a written question (`29/04/2020 Recevable p.m.`).
///
/// `person` and `url` are new fields (absent from older exports, hence `serde(default)`); they are
/// left out of the JSON when empty so documents without them serialise as before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Act {
    pub date: Option<NaiveDate>,
    /// `Recevable`, `Question orale transformée en question écrite`, `Annexe à la réponse`, ...
    pub label: String,
    /// The rest of the row (`p.m.`, `Bureau élargi du Parlement`, `p.m. Annexe`), when present,
    /// without the member named in `person`.
    pub reference: Option<String>,
    /// The member of parliament who did the act, when the row names one (`Demande d'explications
    /// transformée en question écrite` by `Ibrahim Dönmez`). An organ (`Bureau élargi du Parlement`)
    /// is not a person: it stays in `reference`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The link the row carries (`Annexe à la réponse` → the annex PDF), absolute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The official page a question was read from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourcePage {
    /// The number the Parliament's site gives the question page (`166345`).
    pub moncode: Option<String>,
    /// The page's address on the Parliament's site.
    pub url: Option<String>,
}

/// Something odd in a document that was read anyway (a one-digit day, an impossible date, a
/// question without text): the reader says what it did instead of correcting silently.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadWarning {
    /// `line 12` in a text document; an element in a page (`acts table, row 2`), with its line when
    /// it could be found.
    pub location: String,
    pub message: String,
}

/// What part of a question document a passage is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PassageKind {
    /// The question's text before its sub-questions (or the whole question when it has none).
    QuestionIntro,
    /// One sub-question (a `-` / `•` bullet, or a numbered item).
    SubQuestion,
    /// One part of the answer (`1/`, `1.`, `QUESTION 1`, or a paragraph).
    Answer,
}

impl PassageKind {
    pub const ALL: [PassageKind; 3] = [
        PassageKind::QuestionIntro,
        PassageKind::SubQuestion,
        PassageKind::Answer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PassageKind::QuestionIntro => "question_intro",
            PassageKind::SubQuestion => "sub_question",
            PassageKind::Answer => "answer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        PassageKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn is_answer(self) -> bool {
        self == PassageKind::Answer
    }
}

/// A unit of text that can be linked to an action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub kind: PassageKind,
    /// 1-based position in the document, over all passages.
    pub position: u32,
    /// The heading of an answer part (`1/ Concernant les possibilités ...`), when it has one.
    pub heading: Option<String>,
    /// The passage's text; lines are kept (tables and bullets stay one per line).
    pub text: String,
}

/// A written parliamentary question, with its answer when there is one.
///
/// Identity: (`legislature`, `addressee`, `number`) — numbers restart for every minister and every
/// legislature.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// `19/24`.
    pub legislature: String,
    /// `19/20`.
    pub session: String,
    pub number: u32,
    pub subject: String,
    /// The member of parliament who asked.
    pub author: String,
    pub addressee: Minister,
    pub received: Option<NaiveDate>,
    pub published: Option<NaiveDate>,
    pub answered: Option<NaiveDate>,
    pub acts: Vec<Act>,
    pub passages: Vec<Passage>,
    /// The official page, when the document names it (an HTML page, or a file named `<moncode>.html`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourcePage>,
    /// What was odd in the document and how it was read (empty for a clean document).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<ReadWarning>,
}

impl Question {
    /// Whether the question has an answer (any answer passage).
    pub fn has_answer(&self) -> bool {
        self.passages.iter().any(|p| p.kind.is_answer())
    }

    /// The addressee's name as used in identities and the gold file: the surname (last word of the
    /// name), or the portfolio when no name is known.
    pub fn addressee_key(&self) -> String {
        self.addressee.surname()
    }
}

impl Minister {
    /// The surname, as the Parliament's lists and the gold files write it: the name without its
    /// first name. A surname starts at its first particle (`Van den Brandt`, `De Smedt`,
    /// `d'Ursel`, `della Faille`), else it is the last word (`Bernard Clerfayt`, `Jean-Luc
    /// Vanraes`); the portfolio when there is no name.
    pub fn surname(&self) -> String {
        const PARTICLES: &[&str] = &[
            "van", "vanden", "vander", "von", "de", "den", "der", "des", "du", "della", "del",
            "di", "da", "le", "la", "ter", "ten",
        ];
        let Some(n) = &self.name else {
            return self.portfolio.clone();
        };
        let words: Vec<&str> = n.split_whitespace().collect();
        let is_particle = |w: &str| {
            let lower = w.to_lowercase();
            PARTICLES.contains(&lower.as_str())
                || lower.starts_with("d'")
                || lower.starts_with("d\u{2019}")
        };
        // The first word is the first name, even when it looks like a particle; a particle
        // starts the surname only when a name follows it.
        match words
            .iter()
            .enumerate()
            .skip(1)
            .find(|(k, w)| is_particle(w) && (*k + 1 < words.len() || w.len() > 2))
        {
            Some((k, _)) => words[k..].join(" "),
            None => words.last().map_or_else(|| n.clone(), |w| w.to_string()),
        }
    }
}

/// An organisation with its canonical name and the other names it is known by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub name: String,
    pub aliases: Vec<String>,
}

/// The status scale shared by the engine, staff and the dashboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NoFollowUp,
    Announced,
    InProgress,
    Delivered,
    Stalled,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Delivered,
        Status::InProgress,
        Status::Announced,
        Status::Stalled,
        Status::NoFollowUp,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::NoFollowUp => "no_follow_up",
            Status::Announced => "announced",
            Status::InProgress => "in_progress",
            Status::Delivered => "delivered",
            Status::Stalled => "stalled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// The review state of a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkState {
    Proposed,
    Confirmed,
    Rejected,
}

impl LinkState {
    pub const ALL: [LinkState; 3] = [
        LinkState::Proposed,
        LinkState::Confirmed,
        LinkState::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LinkState::Proposed => "proposed",
            LinkState::Confirmed => "confirmed",
            LinkState::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        LinkState::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// Who made a link: the matcher proposed it, or staff added it by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkOrigin {
    Matcher,
    Manual,
}

impl LinkOrigin {
    pub const ALL: [LinkOrigin; 2] = [LinkOrigin::Matcher, LinkOrigin::Manual];

    pub fn as_str(self) -> &'static str {
        match self {
            LinkOrigin::Matcher => "matcher",
            LinkOrigin::Manual => "manual",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        LinkOrigin::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

#[cfg(test)]
mod stored_names {
    use super::*;

    /// Every name the store writes reads back as the same value, and serde spells it the same way
    /// (the API and the exports use serde, the database `as_str`).
    #[test]
    fn every_variant_round_trips() {
        fn check<T: Copy + PartialEq + std::fmt::Debug + Serialize>(
            all: &[T],
            as_str: fn(T) -> &'static str,
            parse: fn(&str) -> Option<T>,
        ) {
            for &x in all {
                assert_eq!(parse(as_str(x)), Some(x), "{x:?}");
                assert_eq!(serde_json::to_value(x).unwrap(), as_str(x), "{x:?}");
            }
            assert_eq!(parse("bogus"), None);
        }
        check(&Status::ALL, Status::as_str, Status::parse);
        check(&LinkState::ALL, LinkState::as_str, LinkState::parse);
        check(&LinkOrigin::ALL, LinkOrigin::as_str, LinkOrigin::parse);
        check(&PassageKind::ALL, PassageKind::as_str, PassageKind::parse);
    }
}

#[cfg(test)]
mod surname_tests {
    use super::Minister;

    fn surname(name: &str) -> String {
        Minister {
            name: Some(name.into()),
            portfolio: String::new(),
        }
        .surname()
    }

    #[test]
    fn surnames_keep_their_particles() {
        assert_eq!(surname("Bernard Clerfayt"), "Clerfayt");
        assert_eq!(surname("Elke Van den Brandt"), "Van den Brandt");
        assert_eq!(surname("Bianca De Smedt"), "De Smedt");
        assert_eq!(surname("Anne-Charlotte d'Ursel"), "d'Ursel");
        assert_eq!(surname("Jean-Luc Vanraes"), "Vanraes");
        assert_eq!(surname("Ans Persoons"), "Persoons");
        assert_eq!(surname("Clerfayt"), "Clerfayt");
    }
}
