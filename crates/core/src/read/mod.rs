//! Document readers.
//!
//! [`read_document`] turns the bytes of one file into a [`Document`]:
//!
//! 1. refuse files over [`MAX_DOCUMENT_BYTES`];
//! 2. decode the bytes ([`decode`]): UTF-8 (with or without BOM), or Windows-1252 when the bytes are
//!    not UTF-8; binary files and double-encoded UTF-8 ("mojibake") are refused;
//! 3. split the text into numbered, trimmed lines ([`lines`]): CRLF, lines holding only no-break
//!    spaces and a missing final newline are all taken care of once, here;
//! 4. ask each reader of [`READERS`] in turn whether it recognises the document (`detect`), and let
//!    the first that does read it. A document no reader recognises is refused, never guessed.
//!
//! Adding a format (another parliament, the Dutch `Schriftelijke vraag`, another kind of plan) means
//! writing a module with a `detect` and a `read` function and adding one [`Reader`] to [`READERS`].

mod decode;
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
pub static READERS: &[Reader] = &[question::READER, plan::READER];

/// Reads one document, detecting its kind. `file` is only used in error messages.
pub fn read_document(file: &str, bytes: &[u8]) -> Result<Document, ReadError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(ReadError::new(
            file,
            1,
            "a document under 4 MiB",
            Some(format!("a file of {} bytes", bytes.len())),
        ));
    }
    let text = decode::decode(file, bytes)?;
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
