//! Text to numbered lines, and the small line-level recognisers the readers share (bullets,
//! numbered items, labelled fields, paragraphs). [`Source`] also keeps the whole decoded text, for
//! the readers that parse a document as a whole (the HTML page reader) rather than line by line.

use super::{ReadError, excerpt};

/// One line of a document, trimmed. Line numbers are 1-based, as editors show them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    pub no: usize,
    pub text: &'a str,
}

impl Line<'_> {
    /// A line holding nothing but spaces, tabs, no-break spaces or form feeds.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Characters trimmed from both ends of every line: Unicode white space (which includes the no-break
/// space U+00A0, the narrow no-break space U+202F and form feeds) and the invisible zero-width
/// space and stray BOMs that copy-paste leaves behind.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}'
}

pub(crate) fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// A decoded document split into lines.
#[derive(Debug)]
pub(crate) struct Source<'a> {
    pub file: &'a str,
    /// The whole decoded text, as the lines were cut from it.
    pub text: &'a str,
    pub lines: Vec<Line<'a>>,
    /// Byte offset in `text` where each line starts (line 1 at 0).
    starts: Vec<usize>,
}

impl<'a> Source<'a> {
    /// Splits on `\n`, `\r\n` and a lone `\r` (old Mac line ends, and the lone CR that some
    /// renderers leave between two lines: without this split an act row after a lone CR would be
    /// glued to the acts header and lost). A missing final newline changes nothing.
    pub fn new(file: &'a str, text: &'a str) -> Self {
        let mut starts = Vec::new();
        let lines = split_lines(text)
            .enumerate()
            .map(|(i, l)| {
                // `l` is a slice of `text`: its start is its distance from the text's start.
                starts.push(l.as_ptr() as usize - text.as_ptr() as usize);
                Line {
                    no: i + 1,
                    text: trim(l),
                }
            })
            .collect();
        Source {
            file,
            text,
            lines,
            starts,
        }
    }

    /// The 1-based line of a byte offset of [`Source::text`], counted as [`Source::new`] counts
    /// (a binary search: the HTML reader asks this for every act and passage of a 70 kB page).
    pub fn line_of_offset(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// The line number to report when the document ends before something expected: the line after
    /// the last non-blank one.
    pub fn end_line(&self) -> usize {
        self.lines
            .iter()
            .rev()
            .find(|l| !l.is_blank())
            .map_or(1, |l| l.no + 1)
    }

    pub fn error_at(&self, line: &Line<'_>, expected: impl Into<String>) -> ReadError {
        ReadError::new(self.file, line.no, expected, Some(excerpt(line.text)))
    }

    pub fn error_at_end(&self, expected: impl Into<String>) -> ReadError {
        ReadError::new(
            self.file,
            self.end_line(),
            expected,
            Some("the end of the file".into()),
        )
    }

    /// The error for "expected X here": at `line` when there is one, at the end of the file otherwise.
    pub fn error_at_opt(&self, line: Option<&Line<'_>>, expected: impl Into<String>) -> ReadError {
        match line {
            Some(l) => self.error_at(l, expected),
            None => self.error_at_end(expected),
        }
    }
}

/// The lines of `text`: ends are `\n`, `\r\n` or a lone `\r`.
pub(crate) fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let t = rest?;
        match memchr::memchr2(b'\n', b'\r', t.as_bytes()) {
            Some(i) => {
                let skip = if t[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&t[i + skip..]);
                Some(&t[..i])
            }
            None => {
                rest = None;
                Some(t)
            }
        }
    })
}

/// Folds typographic apostrophes and case, so that labels match however they were typed
/// (`Qui s’en charge?` / `Qui s'en charge ?`). Only used to *recognise* labels: the text kept in the
/// document is always the text as written.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = false;
    for c in s.chars() {
        let c = fold_quote(c);
        let c = if is_space(c) { ' ' } else { c };
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The apostrophe for its typographic variants, as [`fold`] compares them.
fn fold_quote(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
        c => c,
    }
}

/// `text` without its leading `label`, compared folded, when the label is followed by the end of
/// the text or by something that is not a letter or digit (so `Question` does not match
/// `Questionnaire`). The rest is trimmed.
pub(crate) fn strip_label<'t>(text: &'t str, label: &str) -> Option<&'t str> {
    let label = fold(label);
    // The text is folded one character at a time, so the byte offset in `text` stays known, and
    // compared as it goes: `matched` bytes of the folded label are matched so far. (Every line of
    // a text file is tried against several labels: no allocation per character.)
    let mut matched = 0;
    for (i, c) in text.char_indices() {
        if matched == label.len() {
            return (!c.is_alphanumeric()).then(|| trim(&text[i..]));
        }
        let c = fold_quote(c);
        if is_space(c) {
            if label[..matched].ends_with(' ') {
                continue;
            }
            if !label[matched..].starts_with(' ') {
                return None;
            }
            matched += 1;
            continue;
        }
        for l in c.to_lowercase() {
            if !label[matched..].starts_with(l) {
                return None;
            }
            matched += l.len_utf8();
        }
    }
    (matched == label.len()).then_some("")
}

/// The value of a `Label : value` line, for any of the label's spellings.
pub(crate) fn field<'t>(text: &'t str, spellings: &[&str]) -> Option<&'t str> {
    spellings.iter().find_map(|label| {
        let rest = strip_label(text, label)?;
        rest.strip_prefix(':').map(trim)
    })
}

/// Bullet characters seen in the documents: hyphen, bullet, middle dot, black circle, en and em dash,
/// and a few more that word processors produce.
const BULLETS: &[char] = &[
    '-', '•', '·', '●', '–', '—', '▪', '◦', '○', '■', '□', '➢', '►', '*',
];

/// The text of a bullet line, without its bullet. A hyphen or an asterisk must be followed by a space
/// (`-5 %` is not a bullet); the typographic bullets need not be.
pub(crate) fn bullet(text: &str) -> Option<&str> {
    let first = text.chars().next()?;
    if !BULLETS.contains(&first) {
        return None;
    }
    let rest = &text[first.len_utf8()..];
    let spaced = rest.chars().next().is_some_and(is_space);
    if matches!(first, '-' | '*') && !spaced {
        return None;
    }
    let rest = trim(rest);
    (!rest.is_empty()).then_some(rest)
}

/// How a numbered item is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumberStyle {
    /// `1.`
    Dot,
    /// `1/`
    Slash,
    /// `1)`
    Paren,
    /// `QUESTION 1` (any case), optionally followed by `:`, `.` or `-`.
    Word,
}

/// A numbered item marker at the start of a line: its number, its style, and the rest of the line.
pub(crate) fn numbered(text: &str) -> Option<(u32, NumberStyle, &str)> {
    if let Some(rest) = strip_label(text, "question") {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || digits > 2 {
            return None;
        }
        let n = rest[..digits].parse().ok()?;
        let after = &rest[digits..];
        if after.chars().next().is_some_and(char::is_alphanumeric) {
            return None;
        }
        let after = trim(after);
        let after = after.strip_prefix([':', '.', '-', '–']).map_or(after, trim);
        return Some((n, NumberStyle::Word, after));
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let n = text[..digits].parse().ok()?;
    let mut rest = text[digits..].chars();
    let style = match rest.next()? {
        '.' => NumberStyle::Dot,
        '/' => NumberStyle::Slash,
        ')' => NumberStyle::Paren,
        _ => return None,
    };
    let after = rest.as_str();
    // `1.750 K€` and `1/2` are numbers, not items: an item marker is followed by a space or ends the
    // line.
    if after.chars().next().is_some_and(|c| !is_space(c)) {
        return None;
    }
    Some((n, style, trim(after)))
}

/// The indices (into `lines`) of the items of a numbered list: the first line numbered 1, then the
/// lines numbered 2, 3, … in the same style. Requiring the sequence keeps a stray `2.` inside an item
/// (or a `1/` inside a `1.` list) from starting a new one.
pub(crate) fn numbered_sequence(lines: &[Line<'_>]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut want = (1, None);
    for (i, line) in lines.iter().enumerate() {
        if let Some((n, style, _)) = numbered(line.text)
            && n == want.0
            && want.1.is_none_or(|s| s == style)
        {
            found.push(i);
            want = (n + 1, Some(style));
        }
    }
    found
}

/// Joins lines into a passage's text: lines are kept (joined with `\n`), paragraphs stay separated
/// by one empty line, blank lines at either end are dropped.
pub(crate) fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut pending_blank = false;
    for text in lines {
        if text.is_empty() {
            pending_blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if pending_blank {
                out.push('\n');
            }
        }
        pending_blank = false;
        out.push_str(text);
    }
    out
}

/// Splits lines into paragraphs. When the lines contain blank lines, a paragraph is a run of
/// non-blank lines (a paragraph may wrap over several lines); when they contain none — the plan's
/// layout, one paragraph per line — every line is a paragraph.
pub(crate) fn paragraphs<'a, 'b>(lines: &'b [Line<'a>]) -> Vec<&'b [Line<'a>]> {
    let first = lines.iter().position(|l| !l.is_blank());
    let last = lines.iter().rposition(|l| !l.is_blank());
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let lines = &lines[first..=last];
    if !lines.iter().any(Line::is_blank) {
        return lines.chunks(1).collect();
    }
    lines
        .split(Line::is_blank)
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_nbsp_and_no_final_newline() {
        let s = Source::new("f", "a\r\n\u{a0}\r\n\t b \u{a0}\r\nc");
        let texts: Vec<&str> = s.lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a", "", "b", "c"]);
        assert_eq!(s.end_line(), 5);
        let s = Source::new("f", "a\rb\r\nc\n");
        let texts: Vec<&str> = s.lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a", "b", "c", ""]);
        assert_eq!(s.line_of_offset(s.text.find('c').unwrap()), 3);
    }

    #[test]
    fn line_of_offset_counts_as_the_lines_are_cut() {
        let text = "é\r\n\rb\nc\r\n\n\u{a0}d\re\n";
        let s = Source::new("f", text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                continue; // inside a CRLF: not a place anything is found at
            }
            assert_eq!(
                s.line_of_offset(offset),
                split_lines(&text[..offset]).count().max(1),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn labels_fold_apostrophes_case_and_spaces() {
        assert_eq!(
            strip_label("Qui s’en charge?", "qui s'en charge"),
            Some("?")
        );
        assert_eq!(
            strip_label("Question\u{a0}\u{a0}\tFace à", "Question"),
            Some("Face à")
        );
        assert_eq!(strip_label("Questionnaire", "Question"), None);
        assert_eq!(strip_label("Réponse", "Réponse"), Some(""));
        // Runs of spaces in the text match one space of the label; upper case folds, accented too.
        assert_eq!(
            strip_label("DATE  DE\u{a0}RÉCEPTION : 1/09/2026", "Date de réception"),
            Some(": 1/09/2026")
        );
        assert_eq!(strip_label("Date de", "Date de réception"), None);
        assert_eq!(strip_label("Datede réception", "Date de réception"), None);
        assert_eq!(field("Pilote(s) : A; B", &["pilote(s)"]), Some("A; B"));
        assert_eq!(field("Partenaires: CIRB", &["partenaires"]), Some("CIRB"));
        assert_eq!(field("Partenaires CIRB", &["partenaires"]), None);
    }

    #[test]
    fn bullets() {
        assert_eq!(bullet("- a"), Some("a"));
        assert_eq!(bullet("•a"), Some("a"));
        assert_eq!(bullet("–\u{a0}a"), Some("a"));
        assert_eq!(bullet("-5 %"), None);
        assert_eq!(bullet("-"), None);
    }

    #[test]
    fn numbered_markers() {
        assert_eq!(
            numbered("1/ Concernant"),
            Some((1, NumberStyle::Slash, "Concernant"))
        );
        assert_eq!(numbered("2/"), Some((2, NumberStyle::Slash, "")));
        assert_eq!(numbered("3. Texte"), Some((3, NumberStyle::Dot, "Texte")));
        assert_eq!(
            numbered("QUESTION 2 : Texte"),
            Some((2, NumberStyle::Word, "Texte"))
        );
        assert_eq!(numbered("1.750 K€"), None);
        assert_eq!(numbered("2020. Texte"), None);
        assert_eq!(numbered("Question  Face"), None);
    }

    #[test]
    fn joining_keeps_lines_and_one_blank_between_paragraphs() {
        assert_eq!(join_lines(["", "a", "b", "", "", "c", ""]), "a\nb\n\nc");
    }
}
