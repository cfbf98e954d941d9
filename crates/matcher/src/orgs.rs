//! Finding a plan's partner organisations in a passage, under any of their names.
//!
//! Names are compared as sequences of folded words, so "Easy Brussels", "easy.brussels" and
//! "EASY BRUSSELS" are the same. Near-misses ("Brupartner" for "Brupartners", "Inoviris") are
//! caught by Jaro-Winkler similarity, only on words written with a capital or a dot, as names are.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use vigie_core::text;
use vigie_core::{Organisation, Plan};

/// The alias table Vigie starts with; staff edit it in the database.
pub fn default_aliases() -> Vec<Organisation> {
    let org = |name: &str, aliases: &[&str]| Organisation {
        name: name.to_string(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    };
    vec![
        org("CIRB", &["Paradigm"]),
        org("Easy Brussels", &["easy.brussels"]),
        org("Hub.Brussels", &["hub.brussels"]),
        org("Brupartners", &["Brupartner"]),
    ]
}

/// Minimum Jaro-Winkler similarity for a near-miss spelling of a name.
const FUZZY_MIN: f64 = 0.94;

fn name_words(name: &str) -> Vec<String> {
    text::words(name).into_iter().map(|w| w.folded).collect()
}

/// One name under which a partner may be written.
#[derive(Clone, Debug)]
struct Variant {
    words: Vec<String>,
    joined: String,
    partner: usize,
}

/// The plan's partners with all their names.
#[derive(Clone, Debug)]
pub struct PartnerTable {
    /// Canonical name of each partner (as the plan writes it).
    names: Vec<String>,
    variants: Vec<Variant>,
}

/// A partner named in a text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The partner as the plan names it.
    pub partner: String,
    /// The words as written in the passage.
    pub written: String,
    /// Byte range in the passage text.
    pub start: usize,
    pub end: usize,
    /// Similarity when the name was matched as a near-miss, absent when exact.
    pub similarity: Option<f64>,
}

impl PartnerTable {
    /// The plan's partners and steering committee (items like `Brupartners/Service de facilitation
    /// sectorielle` are two names), each with the aliases of any organisation of `aliases` that has
    /// one of its names.
    pub fn new(plan: &Plan, aliases: &[Organisation]) -> Self {
        let mut names: Vec<String> = Vec::new();
        let mut keys: Vec<Vec<String>> = Vec::new();
        let mut variants: Vec<Variant> = Vec::new();
        for p in plan.partners.iter().chain(&plan.steering_committee) {
            for piece in p.name.split('/') {
                let piece = piece.trim();
                if piece.is_empty() {
                    continue;
                }
                let w = name_words(piece);
                if w.is_empty() {
                    continue;
                }
                // Resolve the piece against the alias table: all names of the same organisation.
                let mut all: Vec<Vec<String>> = vec![w.clone()];
                for org in aliases {
                    let org_names: Vec<Vec<String>> = std::iter::once(&org.name)
                        .chain(&org.aliases)
                        .map(|n| name_words(n))
                        .collect();
                    if org_names.iter().any(|n| n == &w || fuzzy_equal(n, &w)) {
                        all.extend(org_names);
                    }
                }
                // One partner per distinct organisation (the steering committee repeats partners).
                let existing = keys.iter().position(|k| all.iter().any(|a| a == k));
                let idx = match existing {
                    Some(i) => i,
                    None => {
                        names.push(piece.to_string());
                        keys.push(w.clone());
                        names.len() - 1
                    }
                };
                for a in all {
                    if !variants.iter().any(|v| v.words == a && v.partner == idx) {
                        variants.push(Variant {
                            joined: a.join(" "),
                            words: a,
                            partner: idx,
                        });
                    }
                }
            }
        }
        PartnerTable { names, variants }
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Partners named in `passage`, in text order, at most one mention per partner (the first).
    pub fn find(&self, passage: &str) -> Vec<Mention> {
        let words = text::words(passage);
        let mut found: BTreeMap<usize, Mention> = BTreeMap::new();
        let record =
            |found: &mut BTreeMap<usize, Mention>, v: &Variant, i: usize, sim: Option<f64>| {
                let (start, end) = (
                    words[i].surface.start,
                    words[i + v.words.len() - 1].surface.end,
                );
                found.entry(v.partner).or_insert_with(|| Mention {
                    partner: self.names[v.partner].clone(),
                    written: passage[start..end].to_string(),
                    start,
                    end,
                    similarity: sim,
                });
            };
        // Exact names first, everywhere.
        for i in 0..words.len() {
            for v in &self.variants {
                let n = v.words.len();
                if i + n <= words.len()
                    && v.words[0] == words[i].folded
                    && words[i..i + n]
                        .iter()
                        .zip(&v.words)
                        .all(|(a, b)| a.folded == *b)
                {
                    record(&mut found, v, i, None);
                }
            }
        }
        // Near-misses, only for partners not found exactly and for words written as names (a
        // capital or a dot).
        for i in 0..words.len() {
            let first = &passage[words[i].surface.clone()];
            if !first.chars().next().is_some_and(char::is_uppercase)
                && !passage[words[i].surface.end..].starts_with('.')
            {
                continue;
            }
            for v in &self.variants {
                let n = v.words.len();
                if found.contains_key(&v.partner)
                    || i + n > words.len()
                    || v.joined.len() < 6
                    || words[i].folded.chars().next() != v.joined.chars().next()
                {
                    continue;
                }
                let joined: Vec<&str> = words[i..i + n].iter().map(|x| x.folded.as_str()).collect();
                let sim = strsim::jaro_winkler(&joined.join(" "), &v.joined);
                if sim >= FUZZY_MIN {
                    record(&mut found, v, i, Some((sim * 1000.0).round() / 1000.0));
                }
            }
        }
        let mut out: Vec<Mention> = found.into_values().collect();
        out.sort_by_key(|m| (m.start, m.partner.clone()));
        out
    }
}

fn fuzzy_equal(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && strsim::jaro_winkler(&a.join(" "), &b.join(" ")) >= FUZZY_MIN
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_core::Partner;

    fn plan_with(partners: &[&str]) -> Plan {
        Plan {
            title: String::new(),
            kind: String::new(),
            intro: vec![],
            lead_ministers: vec![],
            associated_ministers: vec![],
            partners: partners
                .iter()
                .map(|p| Partner {
                    name: p.to_string(),
                    qualifier: None,
                })
                .collect(),
            steering_committee: vec![],
            axes: vec![],
        }
    }

    #[test]
    fn aliases_and_spellings_find_the_plan_partner() {
        let t = PartnerTable::new(
            &plan_with(&[
                "CIRB",
                "Easy Brussels",
                "Brupartners/Service de facilitation sectorielle",
                "Innoviris",
            ]),
            &default_aliases(),
        );
        let text = "Paradigm et easy.brussels travaillent avec Brupartner et Inoviris.";
        let got: Vec<(String, String, Option<f64>)> = t
            .find(text)
            .into_iter()
            .map(|m| (m.partner, m.written, m.similarity))
            .collect();
        assert_eq!(
            got,
            vec![
                ("CIRB".into(), "Paradigm".into(), None),
                ("Easy Brussels".into(), "easy.brussels".into(), None),
                ("Brupartners".into(), "Brupartner".into(), None),
                ("Innoviris".into(), "Inoviris".into(), Some(0.97)),
            ]
        );
    }

    #[test]
    fn ordinary_lowercase_words_are_not_fuzzy_names() {
        let t = PartnerTable::new(&plan_with(&["Actiris"]), &[]);
        assert!(t.find("les actifs et les actrices").is_empty());
    }
}
