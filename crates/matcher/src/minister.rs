//! Fuzzy matching of ministers' portfolios.
//!
//! A plan names a minister by portfolio ("Ministre en charge de l'Emploi et de la Formation
//! professionnelle, de la Transition numérique et de la Simplification Administrative"); a
//! question by name and portfolio, which changes over a legislature ("... chargé de l'Emploi et de
//! la Formation professionnelle, de la Transition numérique, des Pouvoirs locaux et du Bien-Être
//! animal"). Comparing whole strings fails; comparing bags of words confuses "Transition
//! numérique" with "Transition climatique". So a portfolio is cut into its competences (at commas,
//! semicolons and "et"), each competence becomes a set of stems without the role words
//! ("ministre", "chargé", "gouvernement"...), and two portfolios match on the share of the plan's
//! competences found in the question's.

use std::collections::BTreeSet;

use vigie_core::text;

/// Role words that say who, not what: they do not identify a competence.
const ROLE_WORDS: &str = "ministre ministres gouvernement région régional bruxelles capitale \
    chargé chargée charge secrétaire état président présidente vice membre collège commission \
    communautaire commune mme m madame monsieur premier première";

fn role_terms() -> &'static BTreeSet<String> {
    static SET: std::sync::OnceLock<BTreeSet<String>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        text::analyse(ROLE_WORDS)
            .into_iter()
            .map(|t| t.term)
            .collect()
    })
}

/// The competences of a portfolio, each as its set of stems.
pub fn competences(portfolio: &str) -> Vec<BTreeSet<String>> {
    let folded = text::fold(portfolio);
    let mut pieces: Vec<String> = Vec::new();
    for part in folded.split([',', ';', '(', ')']) {
        // " et " separates competences; "et" inside a word does not.
        for p in part.split(" et ") {
            pieces.push(p.to_string());
        }
    }
    let roles = role_terms();
    let mut out: Vec<BTreeSet<String>> = Vec::new();
    for p in pieces {
        let set: BTreeSet<String> = text::analyse(&p)
            .into_iter()
            .map(|t| t.term)
            .filter(|t| !roles.contains(t))
            .collect();
        if !set.is_empty() && !out.contains(&set) {
            out.push(set);
        }
    }
    out
}

fn stems_close(a: &str, b: &str) -> bool {
    a == b || (a.len() >= 5 && b.len() >= 5 && strsim::jaro_winkler(a, b) >= 0.92)
}

/// Whether two competences are the same: every stem of the smaller one has a close stem in the
/// other, and they share at least half of the larger one.
fn same_competence(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let shared = small
        .iter()
        .filter(|s| large.iter().any(|l| stems_close(s, l)))
        .count();
    shared == small.len() && shared * 2 >= large.len()
}

/// A portfolio match: the share of the plan portfolio's competences found in the other portfolio,
/// and those competences, written as their stems.
#[derive(Clone, Debug, PartialEq)]
pub struct PortfolioMatch {
    pub score: f64,
    pub shared: Vec<String>,
}

/// Compares a plan's portfolio with a question addressee's portfolio.
pub fn portfolio_match(plan_portfolio: &str, other_portfolio: &str) -> PortfolioMatch {
    let plan = competences(plan_portfolio);
    let other = competences(other_portfolio);
    if plan.is_empty() {
        return PortfolioMatch {
            score: 0.0,
            shared: Vec::new(),
        };
    }
    let shared: Vec<String> = plan
        .iter()
        .filter(|c| other.iter().any(|o| same_competence(c, o)))
        .map(|c| c.iter().cloned().collect::<Vec<_>>().join(" "))
        .collect();
    PortfolioMatch {
        score: shared.len() as f64 / plan.len() as f64,
        shared,
    }
}

/// The share of a plan portfolio's competences that must be found to call it the same minister.
pub const PORTFOLIO_THRESHOLD: f64 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN_CLERFAYT: &str = "Ministre en charge de l’Emploi et de la Formation professionnelle, de la Transition numérique et de la Simplification Administrative";
    const Q_CLERFAYT: &str = "Ministre du Gouvernement de la Région de Bruxelles-Capitale chargé de l'Emploi et de la Formation professionnelle, de la Transition numérique, des Pouvoirs locaux et du Bien-Être animal";
    const PLAN_MARON: &str = "Ministre chargé de la Transition climatique, de l'Environnement, de l'Energie et de la Démocratie participative";
    const PLAN_TRACHTE: &str =
        "Secrétaire d’Etat en charge de la Transition économique et de la Recherche scientifique";
    const Q_TRACHTE: &str = "Secrétaire d'État à la Région de Bruxelles-Capitale chargée de la Transition économique et de la Recherche scientifique";

    #[test]
    fn competences_drop_role_words() {
        let c = competences(PLAN_CLERFAYT);
        let names: Vec<String> = c
            .iter()
            .map(|s| s.iter().cloned().collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(
            names,
            vec![
                "emploi",
                "format professionnel",
                "numer transit transition_numerique",
                "administr simplif"
            ]
        );
    }

    #[test]
    fn same_minister_with_a_changed_portfolio_matches() {
        let m = portfolio_match(PLAN_CLERFAYT, Q_CLERFAYT);
        assert!(m.score >= 0.75, "{m:?}");
        assert!(portfolio_match(PLAN_TRACHTE, Q_TRACHTE).score == 1.0);
    }

    #[test]
    fn a_shared_word_is_not_a_shared_competence() {
        // "Transition climatique" is not "Transition numérique".
        assert_eq!(portfolio_match(PLAN_MARON, Q_CLERFAYT).score, 0.0);
        assert_eq!(portfolio_match(PLAN_TRACHTE, Q_CLERFAYT).score, 0.0);
    }
}
