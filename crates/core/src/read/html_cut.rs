//! The question section of a whole page, found without building the page's tree.
//!
//! A page saved whole is about 70 kB, of which four fifths are the site's chrome (head, inline
//! styles and scripts, menus, cookie banner, footer). Building html5ever's tree for all of it cost
//! three quarters of reading a whole page, for a section of 10 kB. This module walks the page's
//! tags at the byte level, as the HTML standard's charset prescan does (comments, and the raw text
//! of `<script>`, `<style>` and the like, are skipped, so a `<section` inside a script is not a
//! tag), and returns the question section's span and the head's self-links. The reader then parses
//! only those with the real parser ([`super::html_question`]).
//!
//! The cut is an optimisation, never a second reading of the markup: anything unusual (no section,
//! a section without its closing tag, `<plaintext>`) gives `None`, and the reader parses the whole
//! page as before. `tests/html_cut.rs` checks that every corpus page and every generated page reads
//! to the same question either way.

use super::find;

/// The part of a page the question reader needs.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Cut<'a> {
    /// From the question section's `<section` to the end of its `</section>`.
    pub section: &'a str,
    /// `<link>` and `<meta>` tags before the section that name a moncode (the page's self-links).
    pub self_links: Vec<&'a str>,
}

/// Elements whose content is raw text (no tags inside), as the HTML tokenizer treats them.
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"noscript",
];

/// Finds the `<section id="…">` whose id is one of `section_ids`, and its matching `</section>`.
pub(crate) fn question_section<'a>(text: &'a str, section_ids: &[&str]) -> Option<Cut<'a>> {
    let bytes = text.as_bytes();
    let mut self_links = Vec::new();
    let mut start = None;
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &bytes[at..]) {
        let open = at + i;
        let rest = &bytes[open..];
        if rest.starts_with(b"<!--") {
            at = open + 4 + find(&bytes[open + 4..], b"-->")? + 3;
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            at = open + find(rest, b">")? + 1;
            continue;
        }
        let closing = rest.starts_with(b"</");
        let name_at = open + if closing { 2 } else { 1 };
        let name_len = bytes[name_at..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_at].is_ascii_alphabetic() {
            // A lone `<` in text.
            at = open + 1;
            continue;
        }
        // Lowercased on the stack: the names that matter here are at most 9 letters long, and a
        // whole page has a thousand tags.
        let mut lower = [0u8; 16];
        let name: &[u8] = if name_len <= lower.len() {
            lower[..name_len].copy_from_slice(&bytes[name_at..name_at + name_len]);
            lower[..name_len].make_ascii_lowercase();
            &lower[..name_len]
        } else {
            b""
        };
        let end = tag_end(bytes, name_at + name_len)?;
        at = end;
        if closing {
            if name == b"section" && start.is_some() {
                depth -= 1;
                if depth == 0 {
                    return Some(Cut {
                        section: &text[start?..end],
                        self_links,
                    });
                }
            }
            continue;
        }
        match name {
            b"plaintext" => return None,
            b"section" if start.is_some() => depth += 1,
            b"section" => {
                let tag = &text[open..end];
                if section_ids
                    .iter()
                    .any(|id| attr(tag, "id").is_some_and(|v| v == *id))
                {
                    start = Some(open);
                    depth = 1;
                }
            }
            b"link" | b"meta" if start.is_none() => {
                let tag = &text[open..end];
                if tag.contains("moncode") {
                    self_links.push(tag);
                }
            }
            raw if RAW_TEXT.contains(&raw) => {
                // Skip to the matching end tag; its content is not markup.
                let mut from = end;
                loop {
                    let j = from + find(&bytes[from..], b"</")?;
                    let after = j + 2;
                    if bytes.len() >= after + raw.len()
                        && bytes[after..after + raw.len()].eq_ignore_ascii_case(raw)
                        && !bytes
                            .get(after + raw.len())
                            .is_some_and(u8::is_ascii_alphanumeric)
                    {
                        at = j;
                        break;
                    }
                    from = after;
                }
            }
            _ => {}
        }
    }
    None
}

/// The byte after the `>` that ends the tag whose attributes start at `from`; quoted attribute
/// values may hold a `>`.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in bytes[from..].iter().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            // A quote opens a value only right after `=` (possibly with spaces).
            (None, b'"' | b'\'') if preceded_by_equals(&bytes[from..from + i]) => quote = Some(b),
            (None, b'>') => return Some(from + i + 1),
            _ => {}
        }
    }
    None
}

fn preceded_by_equals(before: &[u8]) -> bool {
    before
        .iter()
        .rev()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'=')
}

/// The value of attribute `name` in one start tag (`<section id="x" class=y>`), quoted or not.
fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let inner = tag
        .strip_prefix('<')?
        .trim_end_matches('>')
        .trim_end_matches('/');
    // Skip the tag name.
    let mut rest = inner.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let key_len = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(rest.len())
            .max(1);
        let key = &rest[..key_len];
        rest = rest[key_len..].trim_start();
        let value = if let Some(v) = rest.strip_prefix('=') {
            let v = v.trim_start();
            let (value, after) = match v.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = v[1..].find(q).map_or(v.len(), |i| i + 1);
                    (&v[1..close], v.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let e = v.find(char::is_whitespace).unwrap_or(v.len());
                    (&v[..e], &v[e..])
                }
            };
            rest = after;
            Some(value)
        } else {
            None
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value.unwrap_or(""));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: &[&str] = &["weblex-quest-det-fr"];

    #[test]
    fn finds_the_section_and_its_matching_end() {
        let page = "<html><head><link rel=\"alternate\" hreflang=\"fr\" href=\"/weblex-quest-det/?moncode=1&amp;base=1\">\
            <link rel=stylesheet href=x.css><script>var s = '<section id=\"weblex-quest-det-fr\">';</script></head>\
            <body><!-- <section id=\"weblex-quest-det-fr\"> --><section id=other>x</section>\
            <section class='a' id = 'weblex-quest-det-fr'><section>inner</section><p title=\"a>b\">t</p></section><footer></footer>";
        let cut = question_section(page, IDS).expect("a section");
        assert_eq!(
            cut.section,
            "<section class='a' id = 'weblex-quest-det-fr'><section>inner</section><p title=\"a>b\">t</p></section>"
        );
        assert_eq!(
            cut.self_links,
            [
                "<link rel=\"alternate\" hreflang=\"fr\" href=\"/weblex-quest-det/?moncode=1&amp;base=1\">"
            ]
        );
    }

    #[test]
    fn anything_unusual_gives_none() {
        // No section, a section never closed, a script never closed.
        assert_eq!(question_section("<p>x</p>", IDS), None);
        assert_eq!(
            question_section("<section id=weblex-quest-det-fr><p>x", IDS),
            None
        );
        assert_eq!(
            question_section("<script>x <section id=weblex-quest-det-fr></section>", IDS),
            None
        );
    }

    #[test]
    fn attributes() {
        assert_eq!(attr("<section id=a class=b>", "id"), Some("a"));
        assert_eq!(attr("<section class=\"x y\" ID=\"a\">", "id"), Some("a"));
        assert_eq!(attr("<section hidden id='a'>", "id"), Some("a"));
        assert_eq!(attr("<section data-id=a>", "id"), None);
    }
}
