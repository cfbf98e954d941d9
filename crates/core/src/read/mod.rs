//! Document readers. `read_document` detects the kind of document and dispatches to the reader.

use crate::model::Document;

/// A document that cannot be read: the file, the 1-based line, and what was expected there.
///
/// Displays as `seeds/x.txt:12: expected "Législature: NN/NN Session: NN/NN", found "..."`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: expected {expected}{}", found.as_ref().map(|f| format!(", found {f:?}")).unwrap_or_default())]
pub struct ReadError {
    pub file: String,
    pub line: usize,
    pub expected: String,
    pub found: Option<String>,
}

/// Reads one document. `file` is only used in error messages.
pub fn read_document(file: &str, bytes: &[u8]) -> Result<Document, ReadError> {
    let _ = bytes;
    Err(ReadError { file: file.to_string(), line: 1, expected: "a reader (not written yet)".into(), found: None })
}
