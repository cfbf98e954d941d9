//! Why a passage supports a link, decoded once from the stored reasons document.
//!
//! `link_passage.reasons` holds JSON: the matcher's `Reasons` (shared terms with the words each
//! side writes, the subject's shared words, the pilot minister, the partner organisations named,
//! staff decisions that moved the score), or, for a link a person made or moved, `{"manual": {by,
//! moved_from, note}}`. Pages need a few facts of it, in words a reader knows: [`Why`] is those
//! facts, typed, read where the row is read (every loader of a link's passages calls
//! [`Why::parse`]), so no page guesses among key names and no stem, concept name or internal key
//! can reach a public page. The JSON API still publishes the stored document as is.

use serde::{Deserialize, Serialize};

/// What a page says about a linked passage. Empty when the stored document is not one of the
/// two shapes above (then the page explains nothing rather than showing raw text).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Why {
    /// Set for a link a person made or moved.
    pub manual: Option<ManualWhy>,
    /// Terms the passage and the action share, as each writes them.
    pub shared: Vec<SharedWords>,
    /// Words of the question's subject line the action shares.
    pub subject_words: Vec<String>,
    /// Set when the answering minister pilots the action's axis.
    pub minister: Option<MinisterWhy>,
    /// Partner organisations of the plan the passage names.
    pub organisations: Vec<OrganisationWhy>,
    /// Staff decisions on similar questions that moved the score.
    pub staff: Option<StaffWhy>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ManualWhy {
    /// Who linked it.
    pub by: Option<String>,
    /// The action it was moved from (its code), for a moved link.
    pub moved_from: Option<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SharedWords {
    /// As the passage writes them (`données ouvertes`).
    pub passage: Vec<String>,
    /// As the action writes them (`open data`).
    pub action: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MinisterWhy {
    /// The addressee as the question names them.
    pub addressee: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct OrganisationWhy {
    /// As the passage writes it.
    pub written: String,
    /// The plan's partner it stands for.
    pub partner: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct StaffWhy {
    pub confirmed: u64,
    pub rejected: u64,
    /// The question's words the examples share.
    pub words: Vec<String>,
}

impl Why {
    /// Reads a stored reasons document.
    pub fn parse(stored: &str) -> Why {
        match serde_json::from_str::<Stored>(stored) {
            Ok(s) => s.into(),
            Err(_) => Why::default(),
        }
    }

    /// The passage's words the reasons name, to highlight in it: the shared terms as the
    /// passage writes them, then the organisations as written; each once.
    pub fn words(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let candidates = self
            .shared
            .iter()
            .flat_map(|s| s.passage.iter())
            .chain(self.organisations.iter().map(|o| &o.written));
        for w in candidates {
            if !w.is_empty() && !out.contains(w) {
                out.push(w.clone());
            }
        }
        out
    }

    /// Whether there is anything to say.
    pub fn is_empty(&self) -> bool {
        *self == Why::default()
    }
}

/// The stored document, as the matcher (`vigie_matcher::Reasons`) and the review
/// (`staff::review`, manual links) write it. Unknown keys are ignored.
#[derive(Deserialize)]
struct Stored {
    manual: Option<StoredManual>,
    #[serde(default)]
    shared_terms: Vec<StoredShared>,
    subject: Option<StoredSubject>,
    minister: Option<StoredMinister>,
    #[serde(default)]
    organisations: Vec<StoredOrganisation>,
    staff: Option<StoredStaff>,
}

#[derive(Deserialize)]
struct StoredManual {
    by: Option<String>,
    moved_from: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
struct StoredShared {
    #[serde(default)]
    passage_words: Vec<String>,
    #[serde(default)]
    action_words: Vec<String>,
}

#[derive(Deserialize)]
struct StoredSubject {
    #[serde(default)]
    shared_words: Vec<String>,
}

#[derive(Deserialize)]
struct StoredMinister {
    addressee: Option<String>,
}

#[derive(Deserialize)]
struct StoredOrganisation {
    written: String,
    partner: Option<String>,
}

#[derive(Deserialize)]
struct StoredStaff {
    #[serde(default)]
    confirmed: u64,
    #[serde(default)]
    rejected: u64,
    #[serde(default)]
    words: Vec<String>,
}

impl From<Stored> for Why {
    fn from(s: Stored) -> Why {
        let non_empty = |o: Option<String>| o.filter(|s| !s.trim().is_empty());
        Why {
            manual: s.manual.map(|m| ManualWhy {
                by: non_empty(m.by),
                moved_from: non_empty(m.moved_from),
                note: non_empty(m.note),
            }),
            shared: s
                .shared_terms
                .into_iter()
                .filter(|t| !t.passage_words.is_empty())
                .map(|t| SharedWords {
                    passage: t.passage_words,
                    action: t.action_words,
                })
                .collect(),
            subject_words: s.subject.map(|s| s.shared_words).unwrap_or_default(),
            minister: s.minister.map(|m| MinisterWhy {
                addressee: non_empty(m.addressee),
            }),
            organisations: s
                .organisations
                .into_iter()
                .map(|o| OrganisationWhy {
                    partner: o.partner.filter(|p| *p != o.written),
                    written: o.written,
                })
                .collect(),
            staff: s.staff.map(|st| StaffWhy {
                confirmed: st.confirmed,
                rejected: st.rejected,
                words: st.words,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matchers_document_reads_as_facts() {
        let stored = r#"{"text_score":0.4,
            "shared_terms":[{"term":"open_data","weight":0.3,"passage_words":["données ouvertes"],
              "passage_spans":[[0,16]],"action_words":["open data"],"related_to":null}],
            "organisations":[{"partner":"CIRB","written":"easy.brussels","start":1,"end":2}],
            "minister":{"addressee":"Bernard Clerfayt","pilot":"x","score":0.5,"competences":["emploi"]},
            "subject":{"subject":"s","score":0.2,"shared_words":["numérique"]},
            "summary":"0.75 × text",
            "staff":{"confirmed":2,"rejected":0,"words":["portail"],"adjustment":0.08}}"#;
        let why = Why::parse(stored);
        assert_eq!(
            why.shared,
            vec![SharedWords {
                passage: vec!["données ouvertes".into()],
                action: vec!["open data".into()]
            }]
        );
        assert_eq!(why.subject_words, vec!["numérique"]);
        assert_eq!(
            why.minister.unwrap().addressee.as_deref(),
            Some("Bernard Clerfayt")
        );
        assert_eq!(why.organisations[0].partner.as_deref(), Some("CIRB"));
        assert_eq!(why.staff.as_ref().unwrap().confirmed, 2);
        assert_eq!(
            Why::parse(stored).words(),
            vec!["données ouvertes", "easy.brussels"]
        );
    }

    #[test]
    fn manual_links_and_unreadable_documents() {
        let why = Why::parse(r#"{"manual":{"by":"edith","moved_from":"1.3","note":""}}"#);
        let m = why.manual.unwrap();
        assert_eq!(
            (m.by.as_deref(), m.moved_from.as_deref(), m.note),
            (Some("edith"), Some("1.3"), None)
        );
        assert!(Why::parse("not json").is_empty());
        assert!(Why::parse("[1, 2]").is_empty());
        assert!(Why::parse(r#"{"minister": null}"#).is_empty());
    }
}
