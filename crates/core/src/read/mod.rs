//! Document readers.
//!
//! [`read_document`] turns the bytes of one file into a [`Document`]:
//!
//! 1. refuse files over [`MAX_DOCUMENT_BYTES`];
//! 2. decode the bytes ([`decode`]): UTF-8 (with or without BOM), or Windows-1252 when the bytes are
//!    not UTF-8 or when an HTML page declares it (`<meta charset=…>`); binary files and
//!    double-encoded UTF-8 ("mojibake") are refused;
//! 3. split the text into numbered, trimmed lines ([`lines`]): CRLF, lines holding only no-break
//!    spaces and a missing final newline are all taken care of once, here;
//! 4. ask each reader of [`READERS`] in turn whether it recognises the document (`detect`), and let
//!    the first that does read it. A document no reader recognises is refused, never guessed.
//!
//! Readers: the HTML page of a written question ([`html_question`], any document that starts with a
//! tag: it also refuses the HTML pages that are not questions), the text of a written question
//! ([`question`]) and the plan ([`plan`]). Readers return warnings with the document
//! ([`crate::model::ReadWarning`]) for the quirks they read anyway.
//!
//! Adding a format (another parliament, the Dutch `Schriftelijke vraag`, another kind of plan) means
//! writing a module with a `detect` and a `read` function and adding one [`Reader`] to [`READERS`].

mod dates;
mod decode;
mod html_cut;
mod html_question;
mod lines;
mod plan;
mod question;
mod words;

use crate::model::Document;
use lines::Source;

/// The largest document the readers accept. Real written questions and plans are a few kilobytes;
/// anything this large is not one of them, and refusing it early bounds the memory a bad file costs.
pub const MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;

/// A document that cannot be read: the file, the 1-based line, and what was expected there.
///
/// Displays as `seeds/x.txt:12: expected "Législature: NN/NN Session: NN/NN", found "..."`.
/// `expected` and `found` are ready to display: an excerpt of the input is quoted (`"Foo bar"`), a
/// description is not (`the end of the file`, `a binary file (byte 0x00)`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: expected {expected}{}", found.as_ref().map(|f| format!(", found {f}")).unwrap_or_default())]
pub struct ReadError {
    pub file: String,
    pub line: usize,
    pub expected: String,
    pub found: Option<String>,
}

impl ReadError {
    pub(crate) fn new(
        file: &str,
        line: usize,
        expected: impl Into<String>,
        found: Option<String>,
    ) -> Self {
        ReadError {
            file: file.to_string(),
            line,
            expected: expected.into(),
            found,
        }
    }
}

/// Quotes an excerpt of the input for an error message, cut to a readable length.
pub(crate) fn excerpt(text: &str) -> String {
    const MAX_CHARS: usize = 80;
    let mut cut: String = text.chars().take(MAX_CHARS).collect();
    if text.chars().count() > MAX_CHARS {
        cut.push('…');
    }
    format!("{cut:?}")
}

/// One document format: how to recognise it and how to read it.
pub struct Reader {
    /// A short name, for logs and tests (`brussels_question`).
    pub name: &'static str,
    /// What the document looks like, for the message refusing a document no reader recognises.
    pub looks_like: &'static str,
    detect: fn(&Source) -> bool,
    read: fn(&Source) -> Result<Document, ReadError>,
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// The known formats, asked in this order. Detection is strict (a title line, a section heading), so
/// the order only matters for documents that would match two readers — none today.
pub static READERS: &[Reader] = &[html_question::READER, question::READER, plan::READER];

pub use html_question::{FRENCH, LANGUAGES, Labels, official_url};

/// Reads one document, detecting its kind. `file` is only used in error messages.
pub fn read_document(file: &str, bytes: &[u8]) -> Result<Document, ReadError> {
    let html = looks_like_html_bytes(bytes);
    if bytes.len() > MAX_DOCUMENT_BYTES {
        let what = if html { "an HTML page" } else { "a file" };
        return Err(ReadError::new(
            file,
            1,
            "a document under 4 MiB (a question page is under 100 KiB, even saved whole)",
            Some(format!("{what} of {} bytes", bytes.len())),
        ));
    }
    let declared = if html { declared_charset(bytes) } else { None };
    let text = decode::decode_declared(file, bytes, declared)?;
    let source = Source::new(file, &text);
    let Some(first) = source.lines.iter().find(|l| !l.is_blank()) else {
        return Err(ReadError::new(
            file,
            1,
            expected_any(),
            Some("an empty file".into()),
        ));
    };
    match READERS.iter().find(|r| (r.detect)(&source)) {
        Some(reader) => (reader.read)(&source),
        None => Err(ReadError::new(
            file,
            first.no,
            expected_any(),
            Some(excerpt(first.text)),
        )),
    }
}

/// Whether the bytes start (after white space and a BOM) like an HTML document.
fn looks_like_html_bytes(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = &bytes[..bytes.len().min(64)];
    html_question::looks_like_html(&String::from_utf8_lossy(head))
}

/// The encoding an HTML page declares (`<meta charset=…>` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">`), in the page's first 64 KiB (the HTML standard's prescan looks at the
/// first 1024 bytes; saved pages may put scripts before the declaration).
///
/// Like the standard's prescan, this works on bytes: it finds each `<meta` tag (comments skipped)
/// and hands only that tag to the HTML parser for its attributes. Parsing the whole head with
/// the DOM parser cost as much as reading the question itself.
fn declared_charset(bytes: &[u8]) -> Option<decode::Declared> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let metas = scraper::Selector::parse("meta").ok()?;
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &head[at..]) {
        let start = at + i;
        if head[start..].starts_with(b"<!--") {
            at = match find(&head[start + 4..], b"-->") {
                Some(j) => start + 4 + j + 3,
                None => return None,
            };
            continue;
        }
        at = start + 1;
        if !head
            .get(start..start + 5)
            .is_some_and(|t| t.eq_ignore_ascii_case(b"<meta"))
        {
            continue;
        }
        let end = start + memchr::memchr(b'>', &head[start..])? + 1;
        let tag = String::from_utf8_lossy(&head[start..end]);
        let doc = scraper::Html::parse_fragment(&tag);
        let Some(m) = doc.select(&metas).next() else {
            continue;
        };
        let label = m.attr("charset").map(str::to_string).or_else(|| {
            let equiv = m.attr("http-equiv")?;
            if !equiv.eq_ignore_ascii_case("content-type") {
                return None;
            }
            let content = m.attr("content")?.to_ascii_lowercase();
            let i = content.find("charset=")?;
            Some(
                content[i + "charset=".len()..]
                    .trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace())
                    .split(';')
                    .next()
                    .unwrap_or_default()
                    .to_string(),
            )
        });
        if let Some(label) = label {
            return decode::Declared::from_label(&label);
        }
    }
    None
}

/// The first occurrence of `needle` in `hay` (vectorised: the charset prescan and the page cut
/// step over kilobytes of scripts and styles with it).
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

fn expected_any() -> String {
    let kinds: Vec<&str> = READERS.iter().map(|r| r.looks_like).collect();
    kinds.join(" or ")
}

/// The names of the known formats, in detection order.
pub fn reader_names() -> Vec<&'static str> {
    READERS.iter().map(|r| r.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_display_quotes_excerpts_only() {
        let e = ReadError::new(
            "seeds/x.txt",
            12,
            "\"Législature: NN/NN Session: NN/NN\"",
            Some(excerpt("Foo")),
        );
        assert_eq!(
            e.to_string(),
            "seeds/x.txt:12: expected \"Législature: NN/NN Session: NN/NN\", found \"Foo\""
        );
        let e = ReadError::new("x", 3, "a date", Some("the end of the file".into()));
        assert_eq!(
            e.to_string(),
            "x:3: expected a date, found the end of the file"
        );
    }

    #[test]
    fn excerpt_is_cut() {
        let long = "é".repeat(200);
        let e = excerpt(&long);
        assert_eq!(e.chars().count(), 80 + 3);
        assert!(e.ends_with("…\""));
    }
}
