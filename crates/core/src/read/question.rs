//! The Brussels Parliament's written question (seeds 000, 001, 003, 004):
//!
//! ```text
//! Logo Parlement Buxellois
//! Question écrite concernant <subject>[ <first sentence of the question, when the layout glued it>]
//! de
//! <author>
//! à
//! <name>, <role and portfolio> (question n°<number>)
//! Date de réception: dd/mm/yyyy Date de publication: dd/mm/yyyy
//! Législature: 19/24 Session: 19/20 Date de réponse: dd/mm/yyyy
//! Date Intitulé de l'acte de Référence page
//! dd/mm/yyyy <act label> <reference>          (any number of rows)
//! Question <text: intro, then sub-questions as bullets or numbered items>
//! Réponse <text: numbered parts 1/ 1. QUESTION 1, or paragraphs>   (absent when not answered yet)
//! ```
//!
//! Blank lines may appear between any two header lines. Any other header line is refused with what
//! was expected there. This module also owns what the HTML page reader shares with it: how a
//! question and an answer are cut into passages, the addressee line, and the acts' labels.
//!
//! Decisions on real-world quirks (each quirk that is read gives a [`ReadWarning`] at `line N`):
//! - dates: see [`super::dates`] (one-digit day or month read, impossible date left empty, `//` empty
//!   without a warning, implausible years refused);
//! - `Question` with no text (page 170249 of the 2024-2029 corpus): imported with the warning
//!   "no published question text" — the page is real and its acts and dates are worth keeping;
//! - an act row glued to the acts header line (`… Référence page 29/04/2020 Recevable p.m.`) is read
//!   as a row; anything else after the header is refused, never dropped;
//! - a doubled `de` or `à` line is refused (`expected the author's name, found "de"`), not stored as
//!   an author `de Bianca Debaets`;
//! - the logo line must hold the logo's text only; a title glued to it (`Logo Parlement Buxellois
//!   Question écrite concernant …`, a lost line break) is read as the title line; any other extra
//!   words are refused, since they would be text the reader drops.

use chrono::NaiveDate;

use super::dates::read_date;
use super::lines::{
    Line, Source, bullet, field, fold, join_lines, numbered, numbered_sequence, strip_label, trim,
};
use super::words::split_subject;
use super::{ReadError, Reader};
use crate::model::{Act, Document, Minister, Passage, PassageKind, Question, ReadWarning};

pub(crate) const READER: Reader = Reader {
    name: "brussels_written_question",
    looks_like: "a written question (\"Question écrite concernant …\")",
    detect,
    read,
};

const LOGO: &str = "Logo Parlement";
/// The logo's text as the pages write it (sic) and as it should be.
const LOGO_TEXTS: &[&str] = &["Logo Parlement Buxellois", "Logo Parlement Bruxellois"];
const TITLE: &str = "Question écrite concernant";

/// A written question starts with the Parliament's logo line or with its title line.
fn detect(src: &Source<'_>) -> bool {
    src.lines.iter().find(|l| !l.is_blank()).is_some_and(|l| {
        strip_label(l.text, LOGO).is_some() || strip_label(l.text, TITLE).is_some()
    })
}

/// Procedural act labels, longest first so that `Question orale transformée en question écrite` is
/// not read as a shorter label. A row whose label is not here keeps its whole text as the label.
pub(crate) const ACT_LABELS: &[&str] = &[
    "Demande d'explications transformée en question écrite",
    "Question orale transformée en question écrite",
    "Question écrite transformée en question orale",
    "Réponse à la question écrite",
    "Annexe à la réponse",
    "Réponse provisoire",
    "Réponse complémentaire",
    "Irrecevable",
    "Recevable",
    "Réponse",
    "Rappel",
    "Retirée par son auteur.",
    "Retirée par son auteur",
    "Retirée",
    "Caduque",
];

/// Words that open the name of an organ of the Parliament rather than of a member (`Bureau élargi
/// du Parlement`, `Conférence des présidents`).
const ORGANS: &[&str] = &[
    "Bureau",
    "Parlement",
    "Conférence",
    "Commission",
    "Gouvernement",
    "Assemblée",
    "Comité",
    "Greffe",
    "Président",
    "Présidente",
];

/// Whether the "de" column of an act row names a member of parliament: a name of two to six words,
/// each capitalised or a name particle (`Jonathan de Patoul`), not `p.m.` nor an organ.
pub(crate) fn names_a_member(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=6).contains(&words.len()) || ORGANS.iter().any(|o| strip_label(text, o).is_some()) {
        return false;
    }
    let particle = |w: &str| {
        matches!(
            w,
            "de" | "d'" | "du" | "van" | "den" | "der" | "le" | "la" | "von" | "t'" | "'t"
        )
    };
    words[0].chars().next().is_some_and(char::is_uppercase)
        && words.iter().all(|w| {
            let w = w
                .strip_prefix("d'")
                .or_else(|| w.strip_prefix("d’"))
                .unwrap_or(w);
            particle(w)
                || w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        })
}

const EXPECT_TITLE: &str = "\"Question écrite concernant <subject>\"";
const EXPECT_DE: &str = "\"de\" on its own line, followed by the author";
const EXPECT_AUTHOR: &str = "the author's name";
const EXPECT_A: &str = "\"à\" on its own line, followed by the addressee";
const EXPECT_ADDRESSEE: &str = "\"<name>, <role and portfolio> (question n°<number>)\"";
const EXPECT_ADDRESSEE_NAME: &str = "the addressee's name";
const EXPECT_DATES: &str = "\"Date de réception: dd/mm/yyyy Date de publication: dd/mm/yyyy\"";
const EXPECT_LEGISLATURE: &str = "\"Législature: NN/NN Session: NN/NN\"";
const EXPECT_ACTS_OR_QUESTION: &str = "the acts table \"Date Intitulé de l'acte de Référence page\" or \"Question\" followed by the question";
const EXPECT_ROW_OR_QUESTION: &str =
    "an act row \"dd/mm/yyyy <label> <reference>\" or \"Question\" followed by the question";
const EXPECT_LOGO_ALONE: &str = "the logo line \"Logo Parlement Buxellois\" alone (or followed by the title \"Question écrite concernant …\")";
const ACTS_HEADER: &str = "Date Intitulé de l'acte de Référence page";
const ACTS_HEADER_SHORT: &str = "Date Intitulé de l'acte de Référence";
/// The warning of a question whose page publishes no question text.
pub(crate) const NO_QUESTION_TEXT: &str = "no published question text";

/// Walks the header one non-blank line at a time.
struct Cursor<'s, 'a> {
    src: &'s Source<'a>,
    pos: usize,
}

impl<'a> Cursor<'_, 'a> {
    fn peek(&self) -> Option<Line<'a>> {
        self.src.lines[self.pos..]
            .iter()
            .find(|l| !l.is_blank())
            .copied()
    }

    fn next(&mut self) -> Option<Line<'a>> {
        let i = self.src.lines[self.pos..]
            .iter()
            .position(|l| !l.is_blank())?;
        let line = self.src.lines[self.pos + i];
        self.pos += i + 1;
        Some(line)
    }

    fn expect(&mut self, expected: &str) -> Result<Line<'a>, ReadError> {
        self.next().ok_or_else(|| self.src.error_at_end(expected))
    }

    /// The lines that follow directly (no blank line between) — the rest of a wrapped paragraph.
    fn continuation(&mut self, stop: impl Fn(&str) -> bool) -> Vec<Line<'a>> {
        let mut out = Vec::new();
        while let Some(&line) = self.src.lines.get(self.pos) {
            if line.is_blank() || stop(line.text) {
                break;
            }
            out.push(line);
            self.pos += 1;
        }
        out
    }
}

fn read(src: &Source<'_>) -> Result<Document, ReadError> {
    let mut c = Cursor { src, pos: 0 };
    let mut warnings = Vec::new();

    // The logo line; a title glued to it (a lost line break) is read as the title line.
    let mut glued_title = None;
    if let Some(logo) = c.peek().filter(|l| strip_label(l.text, LOGO).is_some()) {
        c.next();
        let rest = LOGO_TEXTS
            .iter()
            .find_map(|t| strip_label(logo.text, t))
            .ok_or_else(|| src.error_at(&logo, EXPECT_LOGO_ALONE))?;
        if !rest.is_empty() {
            if strip_label(rest, TITLE).is_none() {
                return Err(src.error_at(&logo, EXPECT_LOGO_ALONE));
            }
            glued_title = Some(Line {
                no: logo.no,
                text: rest,
            });
        }
    }

    // Title; a long title may wrap onto the following lines.
    let line = match glued_title {
        Some(l) => l,
        None => c.expect(EXPECT_TITLE)?,
    };
    let first = strip_label(line.text, TITLE).ok_or_else(|| src.error_at(&line, EXPECT_TITLE))?;
    let wrapped = c.continuation(|t| t == "de");
    let title = std::iter::once(first)
        .chain(wrapped.iter().map(|l| l.text))
        .collect::<Vec<_>>()
        .join(" ");
    let (subject, run_on) = split_subject(&title);
    // A subject is a noun phrase; the title line's final full stop is not part of it.
    let subject = trim(subject.trim_end_matches(|c: char| c == '.' || super::lines::is_space(c)));
    if subject.is_empty() {
        return Err(src.error_at(&line, "a subject after \"Question écrite concernant\""));
    }

    let line = c.expect(EXPECT_DE)?;
    if line.text != "de" {
        return Err(src.error_at(&line, EXPECT_DE));
    }
    let line = c.expect(EXPECT_AUTHOR)?;
    if is_a(line.text) || line.text == "de" {
        return Err(src.error_at(&line, EXPECT_AUTHOR));
    }
    let author =
        join_lines(std::iter::once(line.text).chain(c.continuation(is_a).iter().map(|l| l.text)))
            .replace('\n', " ");

    let line = c.expect(EXPECT_A)?;
    if !is_a(line.text) {
        return Err(src.error_at(&line, EXPECT_A));
    }
    let line = c.expect(EXPECT_ADDRESSEE)?;
    if is_a(line.text) {
        return Err(src.error_at(&line, EXPECT_ADDRESSEE_NAME));
    }
    let wrapped = c.continuation(|t| strip_label(t, "Date de réception").is_some());
    let addressee_text = std::iter::once(line.text)
        .chain(wrapped.iter().map(|l| l.text))
        .collect::<Vec<_>>()
        .join(" ");
    let (addressee, number) =
        addressee(&addressee_text).ok_or_else(|| src.error_at(&line, EXPECT_ADDRESSEE))?;

    let line = c.expect(EXPECT_DATES)?;
    let values = labelled_values(&line, &["Date de réception", "Date de publication"], 1)
        .ok_or_else(|| src.error_at(&line, EXPECT_DATES))?;
    let received = date(src, &line, values[0], &mut warnings)?;
    let published = date(src, &line, values[1], &mut warnings)?;

    let line = c.expect(EXPECT_LEGISLATURE)?;
    let values = labelled_values(&line, &["Législature", "Session", "Date de réponse"], 2)
        .ok_or_else(|| src.error_at(&line, EXPECT_LEGISLATURE))?;
    let legislature = years(values[0]).ok_or_else(|| src.error_at(&line, EXPECT_LEGISLATURE))?;
    let session = years(values[1]).ok_or_else(|| src.error_at(&line, EXPECT_LEGISLATURE))?;
    let answered = date(src, &line, values[2], &mut warnings)?;
    let answered_line = line.no;

    // Acts table (optional), then the `Question` line.
    let mut acts = Vec::new();
    let mut line = c.expect(EXPECT_ACTS_OR_QUESTION)?;
    let mut expected = EXPECT_ACTS_OR_QUESTION;
    if fold(line.text).starts_with("date intitulé de l'acte") {
        expected = EXPECT_ROW_OR_QUESTION;
        // A row glued to the header (a lost line break) is read as a row; other text is refused.
        let rest = strip_label(line.text, ACTS_HEADER)
            .or_else(|| strip_label(line.text, ACTS_HEADER_SHORT))
            .ok_or_else(|| src.error_at(&line, format!("the acts header \"{ACTS_HEADER}\"")))?;
        if rest.is_empty() {
            line = c.expect(expected)?;
        } else {
            let glued = Line {
                no: line.no,
                text: rest,
            };
            if act_row(src, &glued, &mut warnings)?.is_none() {
                return Err(src.error_at(
                    &glued,
                    "an act row \"dd/mm/yyyy <label> <reference>\" after the acts header",
                ));
            }
            line = glued;
        }
        while let Some(act) = act_row(src, &line, &mut warnings)? {
            acts.push(act);
            line = c.expect(expected)?;
        }
    }
    let first_question_line =
        question_line(line.text).ok_or_else(|| src.error_at(&line, expected))?;

    // Body: from the `Question` line to the `Réponse` line (or the end).
    let body_start = c.pos;
    let answer_at = src.lines[body_start..]
        .iter()
        .position(|l| answer_line(l.text).is_some())
        .map(|i| body_start + i);
    let question_lines: Vec<Line<'_>> = std::iter::once(Line {
        no: line.no,
        text: first_question_line,
    })
    .chain(
        src.lines[body_start..answer_at.unwrap_or(src.lines.len())]
            .iter()
            .copied(),
    )
    .collect();
    if question_lines.iter().all(Line::is_blank) && run_on.is_none() {
        warnings.push(ReadWarning {
            location: format!("line {}", line.no),
            message: NO_QUESTION_TEXT.into(),
        });
    }

    let mut passages = question_passages(run_on, &question_lines);
    if let Some(i) = answer_at {
        let first = answer_line(src.lines[i].text).unwrap_or_default();
        let answer_lines: Vec<Line<'_>> = std::iter::once(Line {
            no: src.lines[i].no,
            text: first,
        })
        .chain(src.lines[i + 1..].iter().copied())
        .collect();
        passages.extend(answer_passages(&answer_lines));
    }
    if answered.is_some() && !passages.iter().any(|p| p.kind.is_answer()) {
        warnings.push(ReadWarning {
            location: format!("line {answered_line}"),
            message: ANSWER_DATE_WITHOUT_ANSWER.into(),
        });
    }
    for (i, p) in passages.iter_mut().enumerate() {
        p.position = u32::try_from(i + 1).unwrap_or(u32::MAX);
    }

    Ok(Document::Question(Question {
        legislature,
        session,
        number,
        subject: subject.to_string(),
        author,
        addressee,
        received,
        published,
        answered,
        acts,
        passages,
        source: None,
        warnings,
    }))
}

/// The warning of a question that has an answer date but no answer.
pub(crate) const ANSWER_DATE_WITHOUT_ANSWER: &str =
    "an answer date but no published answer: the question is read as not answered";

fn is_a(text: &str) -> bool {
    matches!(fold(text).as_str(), "à" | "a")
}

/// `Bernard Clerfayt, Ministre … (question n°252)`. The name is what comes before the first comma,
/// unless the text opens with a role (`Ministre-Président du …`): then there is no name and the
/// whole text is the portfolio.
pub(crate) fn addressee(text: &str) -> Option<(Minister, u32)> {
    // The last `(question`: a portfolio may hold parentheses of its own.
    let open = text
        .char_indices()
        .rev()
        .map(|(i, _)| i)
        .find(|&i| strip_label(&text[i..], "(question").is_some())?;
    let inner = text[open + 1..].trim_end().strip_suffix(')')?;
    let after = trim(&inner["question".len()..]);
    let after = after.strip_prefix(['n', 'N'])?;
    let after = trim(after.trim_start_matches(['°', 'º', 'o', '.', 'r']));
    let number: u32 = after.parse().ok()?;
    let head = trim(&text[..open]);
    let (name, portfolio) = match head.split_once(',') {
        Some((name, rest)) if !starts_with_role(name) && name.split_whitespace().count() <= 6 => {
            (Some(trim(name).to_string()), trim(rest).to_string())
        }
        _ => (None, head.to_string()),
    };
    if portfolio.is_empty() || name.as_deref() == Some("") {
        return None;
    }
    Some((Minister { name, portfolio }, number))
}

/// Roles that open a minister's description (and, in plans, each item of a list of ministers).
pub(crate) const ROLES: &[&str] = &[
    "Ministre",
    "Secrétaire d'Etat",
    "Secrétaire d'État",
    "Président",
    "Vice-Président",
    "Vice-Premier",
];

pub(crate) fn starts_with_role(text: &str) -> bool {
    ROLES.iter().any(|r| strip_label(trim(text), r).is_some())
}

/// The values of a line of `Label: value` fields, in order. The first `required` labels must be
/// there; the others may be missing (a page without a publication or answer date).
fn labelled_values<'a>(
    line: &Line<'a>,
    labels: &[&str],
    required: usize,
) -> Option<Vec<Option<&'a str>>> {
    let mut rest = line.text;
    let mut values = Vec::with_capacity(labels.len());
    for (i, label) in labels.iter().enumerate() {
        let Some(after) = field(rest, &[label]) else {
            if i < required || !trim(rest).is_empty() {
                return None;
            }
            values.push(None);
            continue;
        };
        // The value runs to the next label that is present.
        let end = labels[i + 1..]
            .iter()
            .filter_map(|next| find_folded(after, next))
            .min()
            .unwrap_or(after.len());
        values.push(Some(trim(&after[..end])));
        rest = &after[end..];
    }
    trim(rest).is_empty().then_some(values)
}

/// The byte offset of `needle` in `hay`, compared folded.
fn find_folded(hay: &str, needle: &str) -> Option<usize> {
    hay.char_indices()
        .map(|(i, _)| i)
        .find(|&i| strip_label(&hay[i..], needle).is_some())
}

/// A date `dd/mm/yyyy` ([`read_date`]); `None` when the page shows none (``, `//`, `-`) or an
/// impossible one. A quirk read anyway is warned about at the line.
fn date(
    src: &Source<'_>,
    line: &Line<'_>,
    value: Option<&str>,
    warnings: &mut Vec<ReadWarning>,
) -> Result<Option<NaiveDate>, ReadError> {
    let Some(value) = value else { return Ok(None) };
    let read = read_date(value).map_err(|expected| {
        ReadError::new(src.file, line.no, expected, Some(super::excerpt(value)))
    })?;
    if let Some(message) = read.warning {
        warnings.push(ReadWarning {
            location: format!("line {}", line.no),
            message,
        });
    }
    Ok(read.date)
}

/// `19/24`.
fn years(value: Option<&str>) -> Option<String> {
    let value = value?;
    let (a, b) = value.split_once('/')?;
    let two_digits = |s: &str| s.len() == 2 && s.chars().all(|c| c.is_ascii_digit());
    (two_digits(a) && two_digits(b)).then(|| value.to_string())
}

/// An act row, or `None` when the line is not one (it should then be the `Question` line).
fn act_row(
    src: &Source<'_>,
    line: &Line<'_>,
    warnings: &mut Vec<ReadWarning>,
) -> Result<Option<Act>, ReadError> {
    let (first, rest) = line
        .text
        .split_once(super::lines::is_space)
        .unwrap_or((line.text, ""));
    let looks_like_date =
        first.contains('/') && first.chars().all(|c| c.is_ascii_digit() || c == '/');
    if !looks_like_date {
        return Ok(None);
    }
    let date = date(src, line, Some(first), warnings)?;
    let rest = trim(rest);
    let (label, reference) = match ACT_LABELS
        .iter()
        .find_map(|l| strip_label(rest, l).map(|r| (l, r)))
    {
        // Keep the label as written in the row, not as spelled in the list.
        Some((_, reference)) => {
            let label = trim(&rest[..rest.len() - reference.len()]);
            (label, reference)
        }
        None => (rest, ""),
    };
    if label.is_empty() {
        return Err(src.error_at(line, "an act label after the date (e.g. \"Recevable\")"));
    }
    // After a known label, a member's name is the act's person (the page's "de" column).
    let person = (label != rest && names_a_member(reference)).then(|| reference.to_string());
    let reference = (!reference.is_empty() && person.is_none()).then(|| reference.to_string());
    Ok(Some(Act {
        date,
        label: label.to_string(),
        reference,
        person,
        url: None,
    }))
}

/// The question text on the `Question` line (possibly empty), when the line is the `Question` line.
fn question_line(text: &str) -> Option<&str> {
    let rest = strip_label(text, "Question")?;
    Some(rest.strip_prefix(':').map_or(rest, trim))
}

/// The answer text on the `Réponse` line (possibly empty), when the line is the `Réponse` line.
fn answer_line(text: &str) -> Option<&str> {
    let rest = strip_label(text, "Réponse")?;
    Some(rest.strip_prefix(':').map_or(rest, trim))
}

fn passage(kind: PassageKind, heading: Option<String>, text: String) -> Passage {
    Passage {
        kind,
        position: 0,
        heading,
        text,
    }
}

/// The question's intro (with the sentence glued onto the title first) and its sub-questions.
/// Sub-questions are the items of a numbered list (1, 2, … in one style) when the question has one
/// with at least two items, otherwise its bullets. Lines after an item belong to it until the next.
pub(crate) fn question_passages(run_on: Option<&str>, lines: &[Line<'_>]) -> Vec<Passage> {
    let numbered_items = numbered_sequence(lines);
    let starts: Vec<usize> = if numbered_items.len() >= 2 {
        numbered_items
    } else {
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| bullet(l.text).is_some())
            .map(|(i, _)| i)
            .collect()
    };
    let intro_end = starts.first().copied().unwrap_or(lines.len());
    let mut out = Vec::new();
    let intro = join_lines(
        run_on
            .into_iter()
            .chain([""])
            .chain(lines[..intro_end].iter().map(|l| l.text)),
    );
    if !intro.is_empty() {
        out.push(passage(PassageKind::QuestionIntro, None, intro));
    }
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let first = item_text(lines[start].text);
        let text =
            join_lines(std::iter::once(first).chain(lines[start + 1..end].iter().map(|l| l.text)));
        out.push(passage(PassageKind::SubQuestion, None, text));
    }
    out
}

/// An item's line without its bullet or number.
fn item_text(text: &str) -> &str {
    numbered(text)
        .map(|(_, _, rest)| rest)
        .or_else(|| bullet(text))
        .unwrap_or(text)
}

/// The answer's passages. When the answer is numbered (parts 1, 2, … in one style, at least two of
/// them, or a single part opening the answer) each part is a passage; any text before part 1 gives one
/// passage per paragraph. Otherwise each paragraph is a passage, and a paragraph that opens with a
/// bullet continues the paragraph before it (the list it introduces).
pub(crate) fn answer_passages(lines: &[Line<'_>]) -> Vec<Passage> {
    let parts = numbered_sequence(lines);
    let opens_numbered = parts
        .first()
        .is_some_and(|&i| lines[..i].iter().all(Line::is_blank));
    // A compact numbered list (items on consecutive lines: rows of amounts, steps) after some text
    // is a list inside a paragraph, not the answer's parts.
    let compact = match (parts.first(), parts.last()) {
        (Some(&first), Some(&last)) => !lines[first..=last].iter().any(Line::is_blank),
        _ => false,
    };
    if opens_numbered || (parts.len() >= 2 && !compact) {
        let mut out = paragraph_passages(&lines[..parts[0]]);
        for (k, &start) in parts.iter().enumerate() {
            let end = parts.get(k + 1).copied().unwrap_or(lines.len());
            out.push(part(lines[start].text, &lines[start + 1..end]));
        }
        return out;
    }
    paragraph_passages(lines)
}

/// One numbered part. Text after the marker is the part's heading when it stands as its own paragraph
/// (a blank line follows, then more text) — `1/ Concernant les possibilités …`; otherwise it is the
/// first line of the part's text.
fn part(marker_line: &str, body: &[Line<'_>]) -> Passage {
    let after = numbered(marker_line).map_or(marker_line, |(_, _, after)| after);
    let heading_stands_alone =
        body.first().is_some_and(Line::is_blank) && body.iter().any(|l| !l.is_blank());
    if !after.is_empty() && heading_stands_alone && is_heading_like(after) {
        return passage(
            PassageKind::Answer,
            Some(after.to_string()),
            join_lines(body.iter().map(|l| l.text)),
        );
    }
    let text = join_lines(std::iter::once(after).chain(body.iter().map(|l| l.text)));
    passage(PassageKind::Answer, None, text)
}

/// The most words a part's heading has (the seeds' longest, `Concernant la prise en contact avec …
/// “Vlaanderen Helemaal Digitaal”`, has 20).
const MAX_HEADING_WORDS: usize = 25;

/// Whether the text after a part's number reads as a heading: short, and one sentence at most. The
/// first sentence of an answer (`1/ Conformément à la procédure décrite …. Ce n'est que …`) is text.
fn is_heading_like(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let inner_sentence_end = words.iter().take(words.len().saturating_sub(1)).any(|w| {
        w.ends_with(['.', '?', '!']) && w.chars().filter(|c| c.is_alphabetic()).count() > 3
    });
    words.len() <= MAX_HEADING_WORDS && !inner_sentence_end
}

fn paragraph_passages(lines: &[Line<'_>]) -> Vec<Passage> {
    let mut paragraphs: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut blank_before = false;
    for line in lines {
        if line.is_blank() {
            blank_before = !current.is_empty() || blank_before;
            continue;
        }
        let continues_list = bullet(line.text).is_some() && !current.is_empty();
        if blank_before && !current.is_empty() && !continues_list {
            paragraphs.push(std::mem::take(&mut current));
        } else if blank_before && continues_list {
            current.push("");
        }
        blank_before = false;
        current.push(line.text);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
        .into_iter()
        .map(|p| passage(PassageKind::Answer, None, join_lines(p)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addressee_with_name() {
        let (m, n) =
            addressee("Bernard Clerfayt, Ministre du Gouvernement (question n°252)").unwrap();
        assert_eq!(
            (m.name.as_deref(), m.portfolio.as_str(), n),
            (Some("Bernard Clerfayt"), "Ministre du Gouvernement", 252)
        );
        let (m, n) =
            addressee("Ministre-Président du Gouvernement, chargé du Territoire (question n° 7)")
                .unwrap();
        assert_eq!(
            (m.name, m.portfolio.as_str(), n),
            (
                None,
                "Ministre-Président du Gouvernement, chargé du Territoire",
                7
            )
        );
        assert!(addressee("Bernard Clerfayt, Ministre").is_none());
        assert!(addressee("Bernard Clerfayt, Ministre (question n°)").is_none());
    }

    #[test]
    fn members_and_organs() {
        assert!(names_a_member("Ibrahim Dönmez"));
        assert!(names_a_member("Jonathan de Patoul"));
        assert!(names_a_member("Anne-Charlotte d'Ursel"));
        assert!(!names_a_member("Bureau élargi du Parlement"));
        assert!(!names_a_member("p.m."));
        assert!(!names_a_member("p.m. Annexe"));
        assert!(!names_a_member("Dönmez"));
    }

    #[test]
    fn labelled() {
        let line = Line {
            no: 1,
            text: "Législature: 19/24 Session: 19/20 Date de réponse: //",
        };
        let v = labelled_values(&line, &["Législature", "Session", "Date de réponse"], 2).unwrap();
        assert_eq!(v, [Some("19/24"), Some("19/20"), Some("//")]);
        let line = Line {
            no: 1,
            text: "Législature : 19/24 Session : 19/20",
        };
        let v = labelled_values(&line, &["Législature", "Session", "Date de réponse"], 2).unwrap();
        assert_eq!(v, [Some("19/24"), Some("19/20"), None]);
        let line = Line {
            no: 1,
            text: "Législature: 19/24",
        };
        assert!(
            labelled_values(&line, &["Législature", "Session", "Date de réponse"], 2).is_none()
        );
    }
}
