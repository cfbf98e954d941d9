//! Template filling and typography.
//!
//! Templates are French sentences with `{placeholders}`. Noun phrases carry their article, and
//! `{de_obj}` / `{a_obj}` contract it the way French does (`de` + `le` = `du`, `à` + `les` = `aux`),
//! so the output reads like real parliamentary prose rather than word salad.

use crate::rng::Rng;
use crate::vocab::{MONTHS, Topic};

/// What templates are filled from.
pub struct Fill<'a> {
    pub topic: &'a Topic,
    /// `{year}`; `{next_year}` is the year after.
    pub year: i32,
    /// `{address}`: `Monsieur le Ministre`, ...
    pub address: &'a str,
    /// `{colleague}`: how the answering minister refers to a colleague.
    pub colleague: &'a str,
    /// `{e}`: `e` when the author is a woman (`je vous ai interrogée`).
    pub feminine_author: bool,
}

/// Fills every `{name}` of `tpl`. Within one template, `{obj}` and its contracted forms refer to the
/// same noun phrase, and `{org}` / `{Org}` / `{de_org}` to the same organisation.
pub fn fill(tpl: &str, f: &Fill<'_>, rng: &mut Rng) -> String {
    let t = f.topic;
    let obj = rng.pick(t.objects);
    let obj2 = loop {
        let o = rng.pick(t.objects);
        if o != obj || t.objects.len() == 1 {
            break o;
        }
    };
    let org = rng.pick(t.orgs);
    let mut out = String::with_capacity(tpl.len() + 64);
    let mut rest = tpl;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let name = &rest[open + 1..open + close];
        match name {
            "obj" => out.push_str(obj),
            "Obj" => out.push_str(&capitalise(obj)),
            "de_obj" => out.push_str(&de(obj)),
            "a_obj" => out.push_str(&a(obj)),
            "obj2" => out.push_str(obj2),
            "org" => out.push_str(org),
            "Org" => out.push_str(&capitalise_article(org)),
            "de_org" => out.push_str(&de(org)),
            "count" => out.push_str(rng.pick(t.counts)),
            "de_count" => out.push_str(&de(rng.pick(t.counts))),
            "goal" => out.push_str(rng.pick(t.goals)),
            "de_goal" => out.push_str(&de(rng.pick(t.goals))),
            "item" => out.push_str(rng.pick(t.items)),
            "year" => out.push_str(&f.year.to_string()),
            "next_year" => out.push_str(&(f.year + 1).to_string()),
            "n" | "n2" => out.push_str(&rng.range(3, 480).to_string()),
            "k" | "k2" => out.push_str(&rng.range(12, 1400).to_string()),
            "pct" => out.push_str(&rng.range(5, 65).to_string()),
            "amount" => out.push_str(&amount(rng)),
            "month" => out.push_str(rng.pick(&MONTHS)),
            "day" => out.push_str(&rng.range(1, 28).to_string()),
            "address" => out.push_str(f.address),
            "colleague" => out.push_str(f.colleague),
            "a_colleague" => out.push_str(&a(f.colleague)),
            "e" => out.push_str(if f.feminine_author { "e" } else { "" }),
            other => panic!("template {tpl:?} uses unknown placeholder {{{other}}}"),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// An amount in euros as Belgian administrations write it: `1.150.000`.
pub fn amount(rng: &mut Rng) -> String {
    let v =
        rng.range(15, 4800) as u64 * 1000 + rng.range(0, 9) as u64 * 100 * (rng.below(2) as u64);
    thousands(v)
}

pub fn thousands(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `de` + noun phrase, contracted.
pub fn de(np: &str) -> String {
    if let Some(r) = np.strip_prefix("le ") {
        format!("du {r}")
    } else if let Some(r) = np.strip_prefix("les ") {
        format!("des {r}")
    } else if np.starts_with("la ") || np.starts_with("l’") || np.starts_with("l'") {
        format!("de {np}")
    } else if starts_with_vowel(np) {
        format!("d’{np}")
    } else {
        format!("de {np}")
    }
}

/// `à` + noun phrase, contracted.
pub fn a(np: &str) -> String {
    if let Some(r) = np.strip_prefix("le ") {
        format!("au {r}")
    } else if let Some(r) = np.strip_prefix("les ") {
        format!("aux {r}")
    } else {
        format!("à {np}")
    }
}

fn starts_with_vowel(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| "aeiouyéèêàâîïôûAEIOUYÉÈÊÀÂÎÔ".contains(c))
}

/// Upper-cases the first letter (`l’écosystème` → `L’écosystème`, `état` → `État`).
pub fn capitalise(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Capitalises an organisation only when it starts with an article: `le CIRB` → `Le CIRB`, but
/// `hub.brussels` stays as the organisation writes itself.
fn capitalise_article(s: &str) -> String {
    if s.starts_with("le ") || s.starts_with("la ") || s.starts_with("les ") || s.starts_with("l’")
    {
        capitalise(s)
    } else {
        s.to_string()
    }
}

/// How one file writes apostrophes, guillemets and the space before `? : ;`. Real files mix these
/// within the corpus and sometimes within one file.
#[derive(Clone, Copy, Debug)]
pub struct Typography {
    /// Probability that a typographic apostrophe `’` is written as `'`.
    pub straight_apostrophe: f64,
    pub quotes: Quotes,
    /// Probability that the space before `?`, `:`, `;` or `!` is a no-break space.
    pub nbsp_before_punct: f64,
}

#[derive(Clone, Copy, Debug)]
pub enum Quotes {
    /// `« texte »` with no-break spaces inside.
    GuillemetsNbsp,
    /// `« texte »` with plain spaces.
    GuillemetsSpace,
    /// `“texte”`.
    Curly,
}

impl Typography {
    pub fn random(rng: &mut Rng) -> Self {
        let straight_apostrophe = rng.pick(&[0.0, 0.0, 0.0, 0.3, 1.0]);
        let quotes = rng.pick(&[
            Quotes::GuillemetsNbsp,
            Quotes::GuillemetsNbsp,
            Quotes::GuillemetsSpace,
            Quotes::Curly,
        ]);
        let nbsp_before_punct = rng.pick(&[0.0, 0.6, 1.0, 1.0]);
        Typography {
            straight_apostrophe,
            quotes,
            nbsp_before_punct,
        }
    }

    /// Applies the file's typography to text written with `’`, `«…»` (no inner spaces) and plain
    /// spaces before `? : ; !`.
    pub fn apply(&self, s: &str, rng: &mut Rng) -> String {
        let mut out = String::with_capacity(s.len() + 16);
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '’' if self.straight_apostrophe > 0.0 && rng.chance(self.straight_apostrophe) => {
                    out.push('\'')
                }
                '«' => match self.quotes {
                    Quotes::GuillemetsNbsp => out.push_str("«\u{a0}"),
                    Quotes::GuillemetsSpace => out.push_str("« "),
                    Quotes::Curly => out.push('“'),
                },
                '»' => match self.quotes {
                    Quotes::GuillemetsNbsp => out.push_str("\u{a0}»"),
                    Quotes::GuillemetsSpace => out.push_str(" »"),
                    Quotes::Curly => out.push('”'),
                },
                ' ' if matches!(chars.peek(), Some('?' | ':' | ';' | '!'))
                    && self.nbsp_before_punct > 0.0
                    && rng.chance(self.nbsp_before_punct) =>
                {
                    out.push('\u{a0}')
                }
                _ => out.push(c),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::{INTRO_GENERIC, MINISTERS, PLAN_ACTIONS, RUN_ONS, SUB_QUESTIONS, TOPICS};

    #[test]
    fn contractions_follow_french_grammar() {
        assert_eq!(de("le portail"), "du portail");
        assert_eq!(de("les refuges"), "des refuges");
        assert_eq!(de("la dette"), "de la dette");
        assert_eq!(de("l’écosystème"), "de l’écosystème");
        assert_eq!(de("Innoviris"), "d’Innoviris");
        assert_eq!(de("Paradigm"), "de Paradigm");
        assert_eq!(a("le portail"), "au portail");
        assert_eq!(a("les refuges"), "aux refuges");
        assert_eq!(a("la dette"), "à la dette");
        assert_eq!(capitalise("l’écosystème"), "L’écosystème");
        assert_eq!(capitalise("état"), "État");
        assert_eq!(thousands(1_150_000), "1.150.000");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn every_template_fills_with_every_topic() {
        // A typo in a placeholder panics in `fill`: run every template against every topic.
        let mut rng = Rng::new(1);
        let colleague = MINISTERS[1].referral();
        for t in TOPICS {
            let f = Fill {
                topic: t,
                year: 2021,
                address: "Madame la Ministre",
                colleague: &colleague,
                feminine_author: true,
            };
            for tpl in INTRO_GENERIC
                .iter()
                .chain(SUB_QUESTIONS)
                .chain(RUN_ONS)
                .chain(PLAN_ACTIONS)
                .chain(t.facts)
                .chain(t.context)
            {
                let s = fill(tpl, &f, &mut rng);
                assert!(!s.contains('{') && !s.contains('}'), "{s}");
                assert!(
                    !s.contains("de le ") && !s.contains("à le ") && !s.contains("de les "),
                    "{s}"
                );
                assert!(
                    !s.contains("de a") && !s.contains("de é") && !s.contains("de i"),
                    "{s}"
                );
            }
        }
    }

    #[test]
    fn typography_variants() {
        let mut rng = Rng::new(5);
        let s = "l’idée «open data» : oui ?";
        let t = Typography {
            straight_apostrophe: 1.0,
            quotes: Quotes::GuillemetsNbsp,
            nbsp_before_punct: 1.0,
        };
        assert_eq!(
            t.apply(s, &mut rng),
            "l'idée «\u{a0}open data\u{a0}»\u{a0}: oui\u{a0}?"
        );
        let t = Typography {
            straight_apostrophe: 0.0,
            quotes: Quotes::Curly,
            nbsp_before_punct: 0.0,
        };
        assert_eq!(t.apply(s, &mut rng), "l’idée “open data” : oui ?");
    }

    #[test]
    fn referral_names_the_portfolio() {
        assert_eq!(
            MINISTERS[1].referral(),
            "la Secrétaire d’État en charge de la Transition économique et de la Recherche scientifique"
        );
    }
}
