//! French text analysis for matching: words with their offsets, folding, elisions, stop words,
//! Snowball stemming and multi-word concepts.
//!
//! Every token keeps the byte range of the words it came from in the original text, so that a
//! dashboard can highlight exactly what a link rests on, and the reasons a person reads show the
//! words as written ("données ouvertes"), not only the stems ("open_data").
//!
//! Pipeline of [`analyse`]:
//! 1. split into words (runs of letters/digits) with byte offsets;
//! 2. drop elided articles and pronouns (`l'`, `d'`, `qu'`, `jusqu'`, ... with `'` or `’`);
//! 3. lowercase, drop stop words (a reviewed list, see [`is_stop_word`]);
//! 4. stem with Snowball French, then fold accents (the stemmer expects accents; folding afterwards
//!    makes `numérique` and `numerique` meet);
//! 5. map multi-word terms and equivalents to one concept (`open data` = `données ouvertes`).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One analysed term and where it comes from in the original text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    /// The stem (`numer`) or the concept name (`open_data`).
    pub term: String,
    /// Byte range in the analysed text; a concept spans all its words (`données ouvertes`).
    pub surface: Range<usize>,
}

/// One word of a text, before stop words and stemming.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Lowercased, accent-folded form (`numerique`).
    pub folded: String,
    /// Byte range in the original text.
    pub surface: Range<usize>,
    /// Whether the word is immediately followed by an apostrophe (`l'`, `qu’`).
    pub before_apostrophe: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '`' | '´')
}

/// A name as it appears in an address: folded ([`fold`]), each run of other characters than
/// letters and digits made one `-` (`Van den Brandt` → `van-den-brandt`, `Dönmez` → `donmez`).
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in fold(text).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Lowercases, replaces typographic apostrophes by `'`, and removes accents and other combining
/// marks (`Œuvre` → `œuvre`: ligatures are kept, they are letters in French).
pub fn fold(text: &str) -> String {
    // Most words are plain ASCII: no decomposition needed.
    if text.bytes().all(|b| b.is_ascii() && b != b'`') {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if is_apostrophe(c) {
            out.push('\'');
            continue;
        }
        if c == '\u{a0}' || c == '\u{202f}' {
            out.push(' ');
            continue;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Splits a text into words (maximal runs of letters and digits), with their byte ranges.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_alphanumeric() || (start.is_some() && is_combining_mark(c)) {
            if start.is_none() {
                start = Some(i);
            }
            let end = i + c.len_utf8();
            let next_is_word = iter
                .peek()
                .is_some_and(|&(_, n)| n.is_alphanumeric() || is_combining_mark(n));
            if !next_is_word {
                let s = start.take().unwrap_or(i);
                let before_apostrophe = iter.peek().is_some_and(|&(_, n)| is_apostrophe(n));
                out.push(Word {
                    folded: fold(&text[s..end]),
                    surface: s..end,
                    before_apostrophe,
                });
            }
        }
    }
    out
}

/// Elided forms: a word written right before an apostrophe that is an article, pronoun or
/// conjunction, not part of a name (`l'`, `d'`, `qu'`, `jusqu'`, `lorsqu'`...).
fn is_elision(folded: &str) -> bool {
    matches!(
        folded,
        "l" | "d"
            | "qu"
            | "n"
            | "s"
            | "j"
            | "c"
            | "m"
            | "t"
            | "jusqu"
            | "lorsqu"
            | "puisqu"
            | "quoiqu"
            | "presqu"
            | "aujourd"
    )
}

/// The reviewed French stop-word list (folded forms). Articles, pronouns, prepositions,
/// conjunctions, auxiliaries and their common forms, and grammatical adverbs. Deliberately NOT
/// included: content words that generic lists drop ("personne", "premier", "seul", "fait",
/// "service", "travail"...), since they carry meaning in policy texts. Words that are merely
/// frequent in parliamentary questions ("gouvernement", "région") are not stop words: the matcher
/// gives them little weight through its background statistics instead.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    // articles, determiners
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "ce", "cet", "cette",
    "ces", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre",
    "vos", "leur", "leurs", "quel", "quelle", "quels", "quelles", "chaque", "tout", "toute", "tous",
    "toutes", "aucun", "aucune", "certain", "certaine", "certains", "certaines", "plusieurs",
    "meme", "memes", "autre", "autres", "tel", "telle", "tels", "telles",
    // pronouns
    "je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "m", "te", "t", "se",
    "s", "lui", "moi", "toi", "soi", "eux", "y", "en", "qui", "que", "qu", "quoi", "dont", "ou",
    "lequel", "laquelle", "lesquels", "lesquelles", "auquel", "auxquels", "auxquelles", "duquel",
    "desquels", "desquelles", "ceci", "cela", "ca", "celui", "celle", "ceux", "celles", "c", "ci",
    "la-bas",
    // prepositions
    "a", "dans", "par", "pour", "sur", "sous", "avec", "sans", "chez", "entre", "vers", "envers",
    "contre", "depuis", "pendant", "avant", "apres", "selon", "malgre", "parmi", "des", "hors",
    "via", "outre", "jusqu", "jusque", "afin", "aupres", "lors", "quant",
    // conjunctions
    "et", "ni", "mais", "donc", "or", "car", "si", "comme", "lorsque", "lorsqu", "puisque",
    "puisqu", "quoique", "quand", "soit", "ainsi", "alors", "cependant", "toutefois", "neanmoins",
    "pourtant", "dont",
    // être / avoir / common auxiliaries
    "etre", "ete", "suis", "es", "est", "sommes", "etes", "sont", "etait", "etaient", "etais",
    "etions", "sera", "seront", "serait", "seraient", "serons", "serez", "soient", "fut", "avoir",
    "ai", "as", "avons", "avez", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient",
    "ayant", "eu", "eue", "etant",
    // grammatical adverbs and particles
    "ne", "n", "pas", "plus", "moins", "tres", "trop", "peu", "bien", "deja", "encore", "aussi",
    "egalement", "ici", "la", "oui", "non", "comment", "pourquoi", "combien", "ou", "dont", "y",
    "hui", "aujourd", "notamment", "enfin", "puis", "tant", "tres", "lors",
];

fn stop_words() -> &'static std::collections::HashSet<&'static str> {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
}

/// Whether a folded word is a stop word of the reviewed list.
pub fn is_stop_word(folded: &str) -> bool {
    stop_words().contains(folded)
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::French))
}

/// Snowball French stem of one word, then accent-folded (`numériques` → `numer`,
/// `identité` → `ident`). The word is lowercased first.
pub fn stem(word: &str) -> String {
    let lower = word.to_lowercase().replace(is_apostrophe, "'");
    let stemmed = stemmer().stem(&lower);
    fold(&stemmed)
}

/// [`stem`] with a per-thread memo: texts repeat their words, and stemming plus folding is most of
/// the cost of analysing a text. The memo is bounded (cleared when full).
fn cached_stem(word: &str) -> String {
    use std::cell::RefCell;
    const MAX_ENTRIES: usize = 200_000;
    thread_local! {
        static MEMO: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    }
    MEMO.with(|m| {
        if let Some(s) = m.borrow().get(word) {
            return s.clone();
        }
        let s = stem(word);
        let mut m = m.borrow_mut();
        if m.len() >= MAX_ENTRIES {
            m.clear();
        }
        m.insert(word.to_string(), s.clone());
        s
    })
}

/// A multi-word term or an equivalent mapped to one concept.
struct Concept {
    /// The term tokens carry (`open_data`), or a plain stem for single-word equivalents
    /// (`digital` → `numer`).
    term: &'static str,
    /// Whether the words of the phrase are also emitted as their own stems. True when the phrase
    /// specialises its head word ("fracture numérique" is still about "numérique"); false when the
    /// phrase means something its words do not ("marchés publics" is not about "public").
    keep_parts: bool,
    phrases: &'static [&'static str],
}

/// General vocabulary of digital, economic and public policy, written as text and analysed with the
/// same pipeline, so a phrase matches whatever inflection the text uses. Not rules for one document.
const CONCEPTS: &[Concept] = &[
    Concept {
        term: "open_data",
        keep_parts: false,
        phrases: &[
            "open data",
            "opendata",
            "open-data",
            "données ouvertes",
            "données publiques ouvertes",
            "ouverture des données",
            "données en libre accès",
            "donnée ouverte",
        ],
    },
    Concept {
        term: "e_sante",
        keep_parts: false,
        phrases: &[
            "e-santé",
            "esanté",
            "e santé",
            "santé numérique",
            "santé digitale",
            "santé en ligne",
            "santé connectée",
            "e-health",
            "ehealth",
            "health tech",
            "healthtech",
            "health-tech",
            "technologies de la santé",
            "technologies médicales",
            "medtech",
        ],
    },
    Concept {
        term: "intelligence_artificielle",
        keep_parts: false,
        phrases: &[
            "intelligence artificielle",
            "IA",
            "artificial intelligence",
            "apprentissage automatique",
            "machine learning",
        ],
    },
    Concept {
        term: "big_data",
        keep_parts: false,
        phrases: &["big data", "mégadonnées", "données massives"],
    },
    Concept {
        term: "once_only",
        keep_parts: false,
        phrases: &[
            "once only",
            "only once",
            "collecte unique des données",
            "collecte unique de données",
            "collecte unique",
            "principe de la collecte unique",
        ],
    },
    Concept {
        term: "marches_publics",
        keep_parts: false,
        phrases: &[
            "marchés publics",
            "marché public",
            "commande publique",
            "commandes publiques",
            "achats publics",
            "achat public",
            "public procurement",
        ],
    },
    Concept {
        term: "marche_emploi",
        keep_parts: false,
        phrases: &[
            "marché de l'emploi",
            "marché du travail",
            "marché de l'emploi bruxellois",
        ],
    },
    // Inclusion is the policy, the divide its problem: the same subject in policy texts.
    Concept {
        term: "inclusion_numerique",
        keep_parts: true,
        phrases: &[
            "inclusion numérique",
            "e-inclusion",
            "appropriation numérique",
            "inclusion digitale",
            "fracture numérique",
            "fractures numériques",
            "fossé numérique",
            "digital divide",
            "exclusion numérique",
            "exclusion digitale",
            "vulnérabilité numérique",
            "vulnérable face au numérique",
            "vulnérables face au numérique",
            "vulnérable au numérique",
            "éloignés du numérique",
            "éloignées du numérique",
            "illectronisme",
        ],
    },
    Concept {
        term: "competences_numeriques",
        keep_parts: true,
        phrases: &[
            "compétences numériques",
            "compétences digitales",
            "digital skills",
            "e-skills",
            "littératie numérique",
            "alphabétisation numérique",
            "compétences informatiques",
            "notions informatiques",
            "notions de base en informatique",
        ],
    },
    Concept {
        term: "transition_numerique",
        keep_parts: true,
        phrases: &[
            "transition numérique",
            "transformation numérique",
            "transition digitale",
            "transformation digitale",
            "digital transformation",
            "virage numérique",
        ],
    },
    Concept {
        term: "services_en_ligne",
        keep_parts: true,
        phrases: &[
            "services en ligne",
            "service en ligne",
            "e-services",
            "démarches en ligne",
            "démarches administratives en ligne",
            "guichet électronique",
            "guichet en ligne",
            "services numériques",
            "administration en ligne",
            "e-administration",
            "e-gouvernement",
            "e-government",
        ],
    },
    Concept {
        term: "smart_city",
        keep_parts: false,
        phrases: &["smart city", "ville intelligente", "villes intelligentes"],
    },
    Concept {
        term: "govtech",
        keep_parts: false,
        phrases: &["govtech", "gov tech", "gov-tech"],
    },
    Concept {
        term: "start_up",
        keep_parts: false,
        phrases: &[
            "start-up",
            "startup",
            "start up",
            "jeunes pousses",
            "scale-up",
        ],
    },
    Concept {
        term: "pme",
        keep_parts: false,
        phrases: &["PME", "petites et moyennes entreprises", "SME"],
    },
    Concept {
        term: "tpe",
        keep_parts: false,
        phrases: &["TPE", "très petites entreprises"],
    },
    Concept {
        term: "tic",
        keep_parts: false,
        phrases: &[
            "ICT",
            "TIC",
            "technologies de l'information et de la communication",
        ],
    },
    Concept {
        term: "secteur_public",
        keep_parts: false,
        phrases: &[
            "secteur public",
            "services publics",
            "service public",
            "administrations publiques",
            "administration publique",
            "pouvoirs publics",
            "institutions publiques",
            "organismes publics",
        ],
    },
    Concept {
        term: "numer",
        keep_parts: false,
        phrases: &["digital", "digitale", "digitaux", "digitales"],
    },
    Concept {
        term: "numerisation",
        keep_parts: false,
        phrases: &[
            "digitalisation",
            "numérisation",
            "dématérialisation",
            "digitaliser",
            "numériser",
            "dématérialiser",
        ],
    },
    Concept {
        term: "teletravail",
        keep_parts: false,
        phrases: &["télétravail", "travail à distance"],
    },
    Concept {
        term: "cybersecurite",
        keep_parts: false,
        phrases: &["cybersécurité", "sécurité informatique", "cybersecurity"],
    },
    Concept {
        term: "identite_electronique",
        keep_parts: false,
        phrases: &[
            "identité électronique",
            "carte d'identité électronique",
            "eID",
            "identité numérique",
        ],
    },
    Concept {
        term: "facturation_electronique",
        keep_parts: false,
        phrases: &[
            "facturation électronique",
            "facture électronique",
            "factures électroniques",
            "e-invoicing",
        ],
    },
    Concept {
        term: "logiciel_libre",
        keep_parts: false,
        phrases: &["logiciel libre", "logiciels libres", "open source"],
    },
    Concept {
        term: "economie_numerique",
        keep_parts: true,
        phrases: &["économie numérique", "économie digitale"],
    },
    Concept {
        term: "don",
        keep_parts: false,
        phrases: &["data"],
    },
];

/// Pairs of terms that are related without being the same (`digitalisation` is the process,
/// `numérique` the field): a matcher may count them at a reduced weight.
const RELATED: &[(&str, &str)] = &[
    ("numerisation", "numer"),
    ("inclusion_numerique", "competences_numeriques"),
    ("secteur_public", "administr"),
    ("e_sante", "sant"),
    ("open_data", "don"),
    ("big_data", "don"),
    ("tic", "informat"),
    ("pme", "entrepris"),
    ("tpe", "entrepris"),
    ("start_up", "entrepris"),
    ("govtech", "start_up"),
    ("marche_emploi", "emploi"),
    ("transition_numerique", "numerisation"),
    ("economie_numerique", "transition_numerique"),
];

/// Whether `term` is a concept of the vocabulary table that stands for a notion of several words
/// (`open_data` for "données ouvertes", `inclusion_numerique`, `pme` for "petites et moyennes
/// entreprises"), as opposed to a plain stem or a one-word equivalent (`numer` for "digital"). A
/// match on such a term is a match on a phrase, or on a recognised synonym of it: less ambiguous
/// than a match on any one of its words, so a matcher may weigh it more.
pub fn is_phrase_concept(term: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        CONCEPTS
            .iter()
            .filter(|c| c.phrases.iter().any(|p| content_words(p).len() > 1))
            .map(|c| c.term)
            .collect()
    })
    .contains(term)
}

/// All related pairs (each once), for indexes that precompute the relation.
pub fn related_pairs() -> &'static [(&'static str, &'static str)] {
    RELATED
}

/// Terms related to `term` (both directions), sorted.
pub fn related(term: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = RELATED
        .iter()
        .filter_map(|&(a, b)| {
            if a == term {
                Some(b)
            } else if b == term {
                Some(a)
            } else {
                None
            }
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A compiled phrase: its stems (stop words removed) and the concept it maps to.
struct Phrase {
    stems: Vec<String>,
    concept: usize,
}

struct PhraseTable {
    /// First stem → phrases starting with it, longest first.
    by_first: HashMap<String, Vec<Phrase>>,
}

fn phrase_table() -> &'static PhraseTable {
    static TABLE: OnceLock<PhraseTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut by_first: HashMap<String, Vec<Phrase>> = HashMap::new();
        for (ci, concept) in CONCEPTS.iter().enumerate() {
            for phrase in concept.phrases {
                let stems: Vec<String> =
                    content_words(phrase).into_iter().map(|w| w.stem).collect();
                if let Some(first) = stems.first() {
                    by_first
                        .entry(first.clone())
                        .or_default()
                        .push(Phrase { stems, concept: ci });
                }
            }
        }
        for list in by_first.values_mut() {
            list.sort_by(|a, b| {
                b.stems
                    .len()
                    .cmp(&a.stems.len())
                    .then(a.concept.cmp(&b.concept))
            });
        }
        PhraseTable { by_first }
    })
}

/// A non-stop word with its stem, and how many stop words precede it since the previous content
/// word (phrases may only skip a couple of stop words: "collecte unique des données").
struct ContentWord {
    stem: String,
    folded: String,
    surface: Range<usize>,
    gap: usize,
}

fn content_words(text: &str) -> Vec<ContentWord> {
    let mut out = Vec::new();
    let mut gap = 0;
    for w in words(text) {
        if (w.before_apostrophe && is_elision(&w.folded)) || is_stop_word(&w.folded) {
            gap += 1;
            continue;
        }
        let stem = cached_stem(&text[w.surface.clone()]);
        out.push(ContentWord {
            stem,
            folded: w.folded,
            surface: w.surface,
            gap,
        });
        gap = 0;
    }
    out
}

/// Whether a word left alone (not part of a concept) is worth a token: not a lone letter, not a
/// number (years, amounts and question numbers say nothing about the topic).
fn keeps_alone(w: &ContentWord) -> bool {
    w.folded.chars().count() > 1 && !w.folded.chars().all(|c| c.is_ascii_digit())
}

/// Analyses a French text into terms with their surfaces, in text order. See the module docs.
pub fn analyse(text: &str) -> Vec<Token> {
    let table = phrase_table();
    let cws = content_words(text);
    let mut out = Vec::with_capacity(cws.len());
    let mut i = 0;
    while i < cws.len() {
        let mut matched = None;
        if let Some(phrases) = table.by_first.get(&cws[i].stem) {
            for p in phrases {
                let n = p.stems.len();
                if i + n > cws.len() {
                    continue;
                }
                let ok = (1..n).all(|k| cws[i + k].stem == p.stems[k] && cws[i + k].gap <= 2);
                if ok {
                    matched = Some((n, p.concept));
                    break;
                }
            }
        }
        match matched {
            Some((n, ci)) => {
                let concept = &CONCEPTS[ci];
                let span = cws[i].surface.start..cws[i + n - 1].surface.end;
                out.push(Token {
                    term: concept.term.to_string(),
                    surface: span,
                });
                if concept.keep_parts {
                    for w in &cws[i..i + n] {
                        if keeps_alone(w) {
                            out.push(Token {
                                term: w.stem.clone(),
                                surface: w.surface.clone(),
                            });
                        }
                    }
                }
                i += n;
            }
            None => {
                let w = &cws[i];
                if keeps_alone(w) {
                    out.push(Token {
                        term: w.stem.clone(),
                        surface: w.surface.clone(),
                    });
                }
                i += 1;
            }
        }
    }
    out
}

/// Splits a text into sentences, as byte ranges (trimmed). A sentence ends at `.`, `!`, `?` or `;`
/// followed by a space and a capital, a digit, a bullet or a quote; at a line break; or at the end.
/// Dots inside words (`easy.brussels`, `1.750`) and abbreviations followed by lower case (`e.a.
/// les`) do not end a sentence.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let push = |out: &mut Vec<Range<usize>>, s: usize, e: usize| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if s + lead < e - trail {
            out.push(s + lead..e - trail);
        }
    };
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if c == '\n' {
            push(&mut out, start, i);
            start = i + 1;
        } else if matches!(c, '.' | '!' | '?' | ';') {
            // Look at what follows: spaces, then the next visible character.
            let mut j = k + 1;
            while j < chars.len() && matches!(chars[j].1, ' ' | '\u{a0}' | '\u{202f}' | '\t') {
                j += 1;
            }
            let spaced = j > k + 1;
            let ends = if j >= chars.len() || chars[j].1 == '\n' {
                true
            } else {
                let n = chars[j].1;
                spaced
                    && (n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '-' | '•' | '·' | '«' | '"' | '“'))
            };
            if ends {
                let e = i + c.len_utf8();
                push(&mut out, start, e);
                start = e;
            }
        }
        k += 1;
    }
    push(&mut out, start, text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        analyse(text).into_iter().map(|t| t.term).collect()
    }

    fn surfaces(text: &str) -> Vec<(String, &str)> {
        analyse(text)
            .into_iter()
            .map(|t| (t.term, &text[t.surface]))
            .collect()
    }

    #[test]
    fn fold_lowercases_and_removes_accents_and_typographic_apostrophes() {
        assert_eq!(
            fold("Numériques Œuvre l’État À"),
            "numeriques œuvre l'etat a"
        );
    }

    #[test]
    fn stem_then_fold_makes_accented_and_plain_spellings_meet() {
        assert_eq!(stem("numériques"), "numer");
        assert_eq!(stem("numérique"), "numer");
        assert_eq!(stem("Identité"), "ident");
        assert_eq!(stem("démarches"), "demarch");
    }

    #[test]
    fn elisions_are_split_with_both_apostrophes() {
        assert_eq!(terms("l’assurance et l'assurance"), vec!["assur", "assur"]);
        assert_eq!(
            terms("jusqu’aux entreprises lorsqu'il s'agit"),
            vec!["entrepris", "agit"]
        );
        assert_eq!(terms("qu’aujourd’hui"), Vec::<String>::new());
    }

    #[test]
    fn surfaces_point_into_the_original_text() {
        let text = "Les « données ouvertes » de l’administration";
        assert_eq!(
            surfaces(text),
            vec![
                ("open_data".to_string(), "données ouvertes"),
                ("administr".to_string(), "administration")
            ]
        );
    }

    #[test]
    fn equivalents_map_to_one_concept() {
        for t in [
            "open data",
            "les données ouvertes",
            "des données publiques ouvertes",
            "l'Open Data",
        ] {
            assert_eq!(terms(t), vec!["open_data"], "{t}");
        }
        for t in [
            "e-santé",
            "l’esanté",
            "la health tech",
            "la santé numérique",
            "eSanté",
        ] {
            assert_eq!(terms(t), vec!["e_sante"], "{t}");
        }
        for t in [
            "once only",
            "la collecte unique des données",
            "le principe « Once Only »",
        ] {
            assert!(
                terms(t).contains(&"once_only".to_string()),
                "{t}: {:?}",
                terms(t)
            );
        }
        assert_eq!(terms("l'intelligence artificielle"), terms("l'IA"));
        assert_eq!(terms("marchés publics"), vec!["marches_publics"]);
        assert_eq!(terms("un marché public"), vec!["marches_publics"]);
    }

    #[test]
    fn digital_inclusion_and_skills_vocabulary_meets() {
        for t in [
            "40 % de la population reste vulnérable face au numérique",
            "le Plan d’Appropriation Numérique",
            "la vulnérabilité numérique",
            "l’illectronisme",
        ] {
            assert!(
                terms(t).contains(&"inclusion_numerique".to_string()),
                "{t}: {:?}",
                terms(t)
            );
        }
        for t in [
            "l’apprentissage de base de notions informatiques",
            "la littératie numérique",
        ] {
            assert!(
                terms(t).contains(&"competences_numeriques".to_string()),
                "{t}: {:?}",
                terms(t)
            );
        }
        assert!(
            terms("les démarches administratives en ligne")
                .contains(&"services_en_ligne".to_string())
        );
        assert!(terms("des services numériques").contains(&"services_en_ligne".to_string()));
    }

    #[test]
    fn specialising_phrases_keep_their_words() {
        assert_eq!(
            terms("la fracture numérique"),
            vec!["inclusion_numerique", "fractur", "numer"]
        );
        assert_eq!(terms("le numérique et le digital"), vec!["numer", "numer"]);
        assert_eq!(terms("la digitalisation"), vec!["numerisation"]);
        assert!(related("numerisation").contains(&"numer"));
        assert!(related("numer").contains(&"numerisation"));
    }

    #[test]
    fn phrase_concepts_are_the_notions_of_several_words() {
        for t in [
            "open_data",
            "inclusion_numerique",
            "pme",
            "tic",
            "govtech",
            "teletravail",
        ] {
            assert!(is_phrase_concept(t), "{t}");
        }
        // One-word equivalents and plain stems are not.
        for t in ["numer", "numerisation", "don", "fractur", "inclus"] {
            assert!(!is_phrase_concept(t), "{t}");
        }
    }

    #[test]
    fn content_words_survive_the_stop_list() {
        // Generic lists drop these; here they carry meaning.
        assert_eq!(terms("personne handicapée"), vec!["person", "handicap"]);
        assert_eq!(terms("le premier service"), vec!["premi", "servic"]);
    }

    #[test]
    fn numbers_and_lone_letters_are_dropped() {
        assert_eq!(terms("question n°252 du 23/04/2020"), vec!["question"]);
    }

    #[test]
    fn dotted_names_split_into_words() {
        assert_eq!(terms("easy.brussels"), vec!["easy", "brussel"]);
    }

    #[test]
    fn sentences_split_on_final_punctuation_and_lines_not_on_inner_dots() {
        let text = "Le budget d’easy.brussels (total 1.150.000€) encadre les projets. Le Dossier sera finalisé ; les volets seront développés.\n- Nova : 1.750 K€";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            vec![
                "Le budget d’easy.brussels (total 1.150.000€) encadre les projets.",
                "Le Dossier sera finalisé ; les volets seront développés.",
                "- Nova : 1.750 K€"
            ]
        );
    }
}
