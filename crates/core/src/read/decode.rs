//! Bytes to text. Documents arrive as UTF-8 (with or without a BOM) or, when saved by older office
//! tools, as Windows-1252. Everything else is refused with the line of the first bad byte: a binary
//! file, UTF-16, and UTF-8 that was already decoded wrongly once ("Ã©" for "é"), because storing
//! mojibake would poison every later match.
//!
//! An HTML page may declare its encoding (`<meta charset=windows-1252>`, or `iso-8859-1`, which the
//! HTML standard reads as Windows-1252): the declaration is honoured ([`decode_declared`]), since
//! Windows-1252 bytes can happen to be valid UTF-8 (`Ã©` is `é` in UTF-8) and guessing would then
//! read the wrong characters.

use super::{ReadError, excerpt};

const EXPECTED_TEXT: &str = "a text document (UTF-8 or Windows-1252)";

/// An encoding a document declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Declared {
    Utf8,
    Windows1252,
}

impl Declared {
    /// The encoding of a charset label, per the WHATWG Encoding standard's labels for the two
    /// encodings read here; `None` for any other label (the bytes then decide, as for text files).
    pub fn from_label(label: &str) -> Option<Self> {
        match label.trim().to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" | "unicode-1-1-utf-8" => Some(Declared::Utf8),
            "windows-1252" | "cp1252" | "x-cp1252" | "iso-8859-1" | "iso8859-1" | "iso_8859-1"
            | "latin1" | "l1" | "ascii" | "us-ascii" | "iso-ir-100" | "csisolatin1" => {
                Some(Declared::Windows1252)
            }
            _ => None,
        }
    }
}

/// Decodes a document's bytes to text, without its BOM (no declared encoding).
#[cfg(test)]
pub(crate) fn decode(file: &str, bytes: &[u8]) -> Result<String, ReadError> {
    decode_declared(file, bytes, None)
}

/// Decodes with the encoding the document declares, if any: a UTF-8 BOM wins over a declaration (as
/// in browsers); a declared Windows-1252 document is decoded as such even when its bytes are valid
/// UTF-8; a declared UTF-8 document that is not UTF-8 falls back to Windows-1252 like any text.
pub(crate) fn decode_declared(
    file: &str,
    bytes: &[u8],
    declared: Option<Declared>,
) -> Result<String, ReadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadError::new(
            file,
            1,
            EXPECTED_TEXT,
            Some("UTF-16 text".into()),
        ));
    }
    // Control bytes are refused before decoding: in both encodings they are the same bytes, and a
    // NUL or an escape in a question means the file is not a text document.
    if let Some(pos) = first_forbidden_control(bytes) {
        return Err(ReadError::new(
            file,
            line_of(bytes, pos),
            EXPECTED_TEXT,
            Some(format!("a binary file (byte 0x{:02X})", bytes[pos])),
        ));
    }
    let text = match (std::str::from_utf8(bytes), declared) {
        (Ok(t), _) if t.starts_with('\u{FEFF}') => t.to_string(),
        (_, Some(Declared::Windows1252)) => windows_1252(file, bytes)?,
        (Ok(t), _) => t.to_string(),
        (Err(_), _) => windows_1252(file, bytes)?,
    };
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    check_no_c1_controls(file, &text)?;
    check_no_mojibake(file, &text)?;
    Ok(text)
}

/// C0 controls other than tab, line feed, vertical tab, form feed (page breaks of text extracted from
/// PDF) and carriage return; and DEL.
fn is_forbidden_control(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0E..=0x1F | 0x7F)
}

/// The first forbidden control byte. Blocks of 64 bytes are tested without an early exit, which
/// the compiler turns into vector instructions (a whole page is 70 kB of which none is a control).
fn first_forbidden_control(bytes: &[u8]) -> Option<usize> {
    bytes
        .chunks(64)
        .enumerate()
        .find(|(_, block)| {
            block
                .iter()
                .fold(false, |any, &b| any | is_forbidden_control(b))
        })
        .and_then(|(n, block)| {
            let at = block.iter().position(|&b| is_forbidden_control(b))?;
            Some(n * 64 + at)
        })
}

fn line_of(bytes: &[u8], pos: usize) -> usize {
    1 + bytes[..pos].iter().filter(|&&b| b == b'\n').count()
}

fn line_of_char(text: &str, byte_pos: usize) -> usize {
    1 + text[..byte_pos].matches('\n').count()
}

/// Windows-1252 characters for bytes 0x80–0x9F; `None` for the five bytes the code page leaves
/// undefined. Bytes 0xA0–0xFF are the Latin-1 characters of the same number.
const CP1252_80_9F: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

fn windows_1252(file: &str, bytes: &[u8]) -> Result<String, ReadError> {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    for (pos, &b) in bytes.iter().enumerate() {
        let c = match b {
            0x00..=0x7F | 0xA0..=0xFF => char::from(b),
            0x80..=0x9F => match CP1252_80_9F[usize::from(b - 0x80)] {
                Some(c) => c,
                None => {
                    return Err(ReadError::new(
                        file,
                        line_of(bytes, pos),
                        EXPECTED_TEXT,
                        Some(format!(
                            "byte 0x{b:02X}, which is neither UTF-8 nor Windows-1252"
                        )),
                    ));
                }
            },
        };
        out.push(c);
    }
    Ok(out)
}

/// The byte Windows-1252 encodes `c` as, if it has one above 0x7F.
fn cp1252_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if (0xA0..=0xFF).contains(&code) {
        return u8::try_from(code).ok();
    }
    CP1252_80_9F
        .iter()
        .position(|&x| x == Some(c))
        .and_then(|i| u8::try_from(0x80 + i).ok())
}

/// U+0080–U+009F only appear in UTF-8 text that was converted from Windows-1252 as if it were
/// Latin-1: the `’` became U+0092. The text is corrupted; refuse it.
fn check_no_c1_controls(file: &str, text: &str) -> Result<(), ReadError> {
    // U+0080–U+009F are the bytes C2 80–C2 9F in UTF-8: a byte scan, no char decoding.
    let bytes = text.as_bytes();
    let found = memchr::memchr_iter(0xC2, bytes)
        .find(|&i| bytes.get(i + 1).is_some_and(|b| (0x80..=0x9F).contains(b)));
    match found {
        Some(pos) => Err(ReadError::new(
            file,
            line_of_char(text, pos),
            EXPECTED_TEXT,
            Some(format!(
                "the control character U+{:04X}",
                u32::from(bytes[pos + 1])
            )),
        )),
        None => Ok(()),
    }
}

/// UTF-8 decoded as Windows-1252 and saved as UTF-8 again turns `é` into `Ã©` and `’` into `â€™`: a
/// lead byte (`Ã`, `Â`, `â`) followed by what was a continuation byte (0x80–0xBF). French text never
/// has these pairs (`â` is followed by a letter: `âge`, `tâche`).
fn check_no_mojibake(file: &str, text: &str) -> Result<(), ReadError> {
    let bytes = text.as_bytes();
    // `Ã`, `Â` and `â` are C3 83, C3 82 and C3 A2: only those places are decoded further.
    let leads = memchr::memchr_iter(0xC3, bytes)
        .filter(|&i| matches!(bytes.get(i + 1), Some(0x82 | 0x83 | 0xA2)));
    for pos in leads {
        let Some(next) = text[pos + 2..].chars().next() else {
            continue;
        };
        if cp1252_byte(next).is_some_and(|b| (0x80..=0xBF).contains(&b)) {
            let line = line_of_char(text, pos);
            let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
            let line_text = text[line_start..].lines().next().unwrap_or_default();
            return Err(ReadError::new(
                file,
                line,
                "text decoded once (found mojibake: UTF-8 read as Windows-1252)",
                Some(excerpt(line_text)),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom() {
        assert_eq!(decode("f", "\u{FEFF}Été".as_bytes()).unwrap(), "Été");
    }

    #[test]
    fn windows_1252_table() {
        let bytes = b"l\x92\xE9t\xE9 \x80 \x85 \x9C \xAB\xA0x\xA0\xBB";
        assert_eq!(decode("f", bytes).unwrap(), "l’été € … œ «\u{a0}x\u{a0}»");
    }

    #[test]
    fn every_defined_cp1252_byte_round_trips() {
        for b in 0x80..=0xFFu8 {
            if let Some(c) = windows_1252("f", &[b]).ok().and_then(|s| s.chars().next()) {
                assert_eq!(cp1252_byte(c), Some(b), "byte {b:#x}");
            }
        }
    }

    #[test]
    fn undefined_cp1252_byte_is_refused_with_its_line() {
        let e = decode("f", b"a\nb\n\x81\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.to_string().contains("0x81"), "{e}");
    }

    #[test]
    fn control_bytes_are_refused() {
        let e = decode("f", b"abc\n\x00\x01").unwrap_err();
        assert_eq!(
            (e.line, e.found.as_deref()),
            (2, Some("a binary file (byte 0x00)"))
        );
        assert!(decode("f", b"page\x0cbreak\ttab\r\n").is_ok());
    }

    #[test]
    fn mojibake_is_refused() {
        let e = decode("f", "ok\nQuestion Ã©crite".as_bytes()).unwrap_err();
        assert_eq!(e.line, 2);
        let e = decode("f", "lâ€™examen".as_bytes()).unwrap_err();
        assert_eq!(e.line, 1);
        assert!(decode("f", "l’âge, la tâche, Âme".as_bytes()).is_ok());
    }

    #[test]
    fn c1_controls_are_refused() {
        let e = decode("f", "l\u{92}examen".as_bytes()).unwrap_err();
        assert_eq!(e.found.as_deref(), Some("the control character U+0092"));
    }

    #[test]
    fn declared_windows_1252_wins_over_valid_utf8() {
        // The two bytes of "é" in UTF-8 are "Ã©" in Windows-1252.
        let bytes = b"\xC3\xA9";
        assert_eq!(decode("f", bytes).unwrap(), "é");
        assert_eq!(
            decode_declared("f", bytes, Declared::from_label("ISO-8859-1"))
                .unwrap_err()
                .line,
            1,
            "read as declared, the text is mojibake and refused"
        );
        assert_eq!(
            decode_declared("f", b"caf\xe9", Some(Declared::Windows1252)).unwrap(),
            "café"
        );
        assert_eq!(Declared::from_label("shift_jis"), None);
    }

    #[test]
    fn utf16_is_refused() {
        let e = decode("f", &[0xFF, 0xFE, b'a', 0]).unwrap_err();
        assert_eq!(e.found.as_deref(), Some("UTF-16 text"));
    }
}
