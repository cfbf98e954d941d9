//! Finding where a heading ends and a sentence glued onto it begins.
//!
//! Page layouts lose line breaks: a question's title runs on into the first sentence of the question
//! (`… d’un plan d’action Il y a quelque temps, je vous ai interrogé …`), a plan's bullet opens with a
//! short label glued to its text (`Pôle de compétitivité commun Afin de renforcer …`).
//!
//! The rule: in French, function words — articles, pronouns, prepositions, conjunctions, a few
//! sentence adverbs — are written in lower case inside a heading. So a capitalised function word that
//! is not the heading's first word, and is followed by a word in lower case, starts a new sentence.
//! Proper names are not function words (`Smart City Office`, `Plan Next Tech`, `Paradigm` never
//! split), and names that begin with one (`Le Soir`, `La Louvière`, `De Lijn`, `De Croo`) are
//! followed by a capitalised word, so they do not split either.

/// Function words that open French sentences. Compared in lower case; elided forms (`l’`, `d’`,
/// `qu’`) without their apostrophe.
const OPENERS: &[&str] = &[
    // articles and determiners
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d",
    "ce",
    "cet",
    "cette",
    "ces",
    "mon",
    "ma",
    "mes",
    "notre",
    "nos",
    "votre",
    "vos",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "chaque",
    "plusieurs",
    "certains",
    "certaines",
    "tout",
    "tous",
    "toute",
    "toutes",
    "quel",
    "quelle",
    "quels",
    "quelles",
    // pronouns
    "je",
    "j",
    "il",
    "ils",
    "elle",
    "elles",
    "nous",
    "vous",
    "on",
    "cela",
    "ceci",
    "ça",
    "celui",
    "celle",
    "ceux",
    "celles",
    "qui",
    "que",
    "qu",
    "quoi",
    "y",
    "en",
    // prepositions and conjunctions
    "à",
    "au",
    "aux",
    "dans",
    "depuis",
    "pour",
    "par",
    "sur",
    "sous",
    "avec",
    "sans",
    "selon",
    "lors",
    "afin",
    "après",
    "avant",
    "entre",
    "vers",
    "malgré",
    "comme",
    "quand",
    "lorsque",
    "puisque",
    "si",
    "s",
    "mais",
    "ou",
    "où",
    "et",
    "donc",
    "or",
    "ni",
    "car",
    "comment",
    "combien",
    "pourquoi",
    // sentence adverbs and forms of address
    "ainsi",
    "alors",
    "aussi",
    "cependant",
    "toutefois",
    "néanmoins",
    "pourtant",
    "enfin",
    "ensuite",
    "également",
    "actuellement",
    "récemment",
    "aujourd",
    "hier",
    "voici",
    "voilà",
    "monsieur",
    "madame",
    "messieurs",
    "mesdames",
];

/// A word of `text` with the byte offset where it starts.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(char::is_whitespace).scan(0usize, |offset, w| {
        let start = *offset;
        *offset += w.len() + 1;
        Some((start, w))
    })
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Whether `word` (with the word after it) opens a sentence: a capitalised function word followed by
/// a word in lower case. An elided word carries its own next word: `L’évaluation`, `D’après`.
fn opens_sentence(word: &str, next: Option<&str>) -> bool {
    let word = word.trim_start_matches(['«', '“', '"', '(']);
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let (head, tail) = match word.find(is_apostrophe) {
        Some(i) => {
            let apostrophe_len = word[i..].chars().next().map_or(1, char::len_utf8);
            (&word[..i], Some(&word[i + apostrophe_len..]))
        }
        None => (word.trim_end_matches([',', ':', ';']), None),
    };
    if !OPENERS.contains(&head.to_lowercase().as_str()) {
        return false;
    }
    let following = match tail {
        Some(t) if !t.is_empty() => t,
        _ => match next {
            Some(n) => n.trim_start_matches(['«', '“', '"', '(']),
            None => return false,
        },
    };
    following.chars().next().is_some_and(char::is_lowercase)
}

/// Whether a word ends a sentence or a clause: a heading cannot continue past it.
fn ends_clause(word: &str) -> bool {
    let w = word.trim_end_matches(['»', '”', '"', ')', '\u{a0}']);
    w.ends_with(['.', '?', '!', '…', ':', ';'])
}

/// Where a sentence glued onto a heading starts: the byte offset of the first capitalised function
/// word (not the first word) followed by a lower-case word. Returns the offset and whether the word
/// before it ended a clause (then the heading had its own final punctuation).
fn first_opener(text: &str) -> Option<(usize, usize, bool)> {
    let ws: Vec<(usize, &str)> = words(text).filter(|(_, w)| !w.is_empty()).collect();
    (1..ws.len()).find_map(|i| {
        let (offset, w) = ws[i];
        opens_sentence(w, ws.get(i + 1).map(|(_, n)| *n))
            .then(|| (offset, i, ends_clause(ws[i - 1].1)))
    })
}

/// Splits a question's title into its subject and the sentence(s) of the question glued onto it,
/// when there are any. The glued text must look like a sentence: at least three words, ending with
/// sentence punctuation.
pub(crate) fn split_subject(title: &str) -> (&str, Option<&str>) {
    let Some((offset, _, _)) = first_opener(title) else {
        return (title, None);
    };
    let rest = title[offset..].trim();
    let long_enough = rest.split_whitespace().count() >= 3;
    let ends_sentence = rest
        .trim_end_matches(['»', '”', '"', ')', '\u{a0}'])
        .ends_with(['.', '?', '!', '…']);
    if long_enough && ends_sentence {
        (title[..offset].trim_end(), Some(rest))
    } else {
        (title, None)
    }
}

/// The most words an action label has. Labels are names of things (`Pôle de compétitivité commun`);
/// longer runs are sentences.
const MAX_LABEL_WORDS: usize = 8;

/// Splits a plan bullet into its label and its text. A bullet has a label when its first sentence
/// boundary is a glued sentence (a capitalised function word right after a word without final
/// punctuation) no further than [`MAX_LABEL_WORDS`] words in, with no comma before it. A bullet whose
/// first sentence ends with a full stop (`Evaluation du Plan Next Tech …. L’évaluation …`) or that
/// never starts a new sentence without punctuation (`Lancement du Pôle Formation Emploi ICT, …`) has
/// no label.
pub(crate) fn split_label(text: &str) -> (Option<&str>, &str) {
    let ws: Vec<&str> = words(text)
        .map(|(_, w)| w)
        .filter(|w| !w.is_empty())
        .collect();
    let Some((offset, index, after_punctuation)) = first_opener(text) else {
        return (None, text);
    };
    let first_clause_end = ws.iter().position(|w| ends_clause(w) || w.ends_with(','));
    let glued_first = first_clause_end.is_none_or(|end| end >= index);
    if after_punctuation || !glued_first || index > MAX_LABEL_WORDS {
        return (None, text);
    }
    (Some(text[..offset].trim_end()), text[offset..].trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_running_on() {
        let t = "le point sur le fonctionnement du Smart City Office et l’élaboration d’un plan d’action Il y a quelque temps, je vous ai interrogé (cf. QE n° 125).";
        let (s, rest) = split_subject(t);
        assert_eq!(
            s,
            "le point sur le fonctionnement du Smart City Office et l’élaboration d’un plan d’action"
        );
        assert_eq!(
            rest,
            Some("Il y a quelque temps, je vous ai interrogé (cf. QE n° 125).")
        );
    }

    #[test]
    fn subjects_with_names_do_not_split() {
        for t in [
            "le rôle de Paradigm dans la transition numérique.",
            "la stratégie Go4Brussels et le Plan Next Tech",
            "les accords avec De Lijn et la STIB",
            "un article paru dans Le Soir du 3 mars.",
            "la création d’une conférence interministérielle chargée du digital",
        ] {
            assert_eq!(split_subject(t), (t, None), "{t}");
        }
    }

    #[test]
    fn subject_running_on_after_its_full_stop() {
        let t = "la digitalisation. Monsieur le Ministre, où en est le projet ?";
        assert_eq!(
            split_subject(t),
            (
                "la digitalisation.",
                Some("Monsieur le Ministre, où en est le projet ?")
            )
        );
    }

    #[test]
    fn labels() {
        assert_eq!(
            split_label("Pôle de compétitivité commun Afin de renforcer les liens."),
            (
                Some("Pôle de compétitivité commun"),
                "Afin de renforcer les liens."
            )
        );
        for t in [
            "Evaluation du Plan Next Tech et élaboration du nouveau Plan d’économie numérique. L’évaluation du Plan vérifiera.",
            "Lancement du Pôle Formation Emploi ICT, sur base de la conclusion d’un accord-cadre.",
            "Soutenir la digitalisation des entreprises. Soutenir les PME et TPE.",
            "Stimuler le marché des entreprises technologiques (GOVTECH).",
            "Un texte qui commence par un article. Il continue.",
        ] {
            assert_eq!(split_label(t), (None, t), "{t}");
        }
    }

    #[test]
    fn elided_openers() {
        assert!(opens_sentence("L’évaluation", Some("du")));
        assert!(opens_sentence("Il", Some("y")));
        assert!(!opens_sentence("Il", Some("Parlement")));
        assert!(!opens_sentence("Smart", Some("city")));
        assert!(!opens_sentence("il", Some("y")));
    }
}
