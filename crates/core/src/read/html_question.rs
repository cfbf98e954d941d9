//! The Brussels Parliament's written-question page, as published (HTML): the "weblex" detail page
//! (`https://www.parlement.brussels/weblex-quest-det/?moncode=<moncode>&base=1`), French version.
//!
//! It reads a whole page as a browser saves it (site header, menus, scripts, cookie banner, footer)
//! and the fragment the corpus keeps (from the print logo to the end of the question section). Only
//! the `weblex-quest-det-fr` section is read:
//!
//! - `<h3>Question écrite concernant <subject></h3>`;
//! - a `<dl>`: `<dt>de</dt>` then the author's `<dd>`, `<dt>à</dt>` then `<dd><b>name</b>, portfolio
//!   (question n°85)</dd>`;
//! - a table of `<b>Label:</b> value` cells (dates, legislature, session);
//! - the acts table (`Date | Intitulé de l'acte | de | Référence | page`), one row per act;
//! - a table whose `<b>Question</b>` and `<b>Réponse</b>` cells are followed by the text's cell.
//!
//! The DOM comes from `scraper` (html5ever's spec tree builder): entities (also the Windows-1252
//! numeric references `&#146;`) are decoded, comments (the commented-out `Matière(s)` block) are not
//! text, and malformed markup (`</SPAN</td>` on page 170153) is recovered as a browser would.
//!
//! The question and answer cells are rendered to lines as the corpus' text renderer does (cells of a
//! row joined by a space, one row per line, `<ol>` items as `1. `, `<ul>` items as `• `, paragraphs
//! separated by a blank line), and cut into passages by the text reader's own rules
//! ([`super::question::question_passages`], [`super::question::answer_passages`]), so a page and
//! its text rendering give the same passages.
//!
//! Labels live in one [`Labels`] table per language ([`FRENCH`]); the Dutch page
//! (`Schriftelijke vraag betreffende …`) is one more table in [`LANGUAGES`], not new code.
//!
//! The official page ([`SourcePage`]): the page's own link to itself carries the moncode (a whole
//! page has `<link rel="alternate" hreflang="fr" href="…/weblex-quest-det/?moncode=166345&base=1">`;
//! its canonical and `og:url` links are the bare `…/weblex-quest-det/` and are used only when they
//! carry a moncode). When the page has no such link (the corpus fragments), a file named
//! `<moncode>.html` gives the moncode, and the URL is built the way the site writes it:
//! [`official_url`].
//!
//! Quirks are read with a [`ReadWarning`] (location: the element, with its line in the file when its
//! text can be found there): dates as in [`super::dates`]; an empty question text ("no published
//! question text", page 170249); an answer date without an answer block; malformed tags in the
//! question section (`</SPAN</td>`, page 170153). Refused, with the line of the section (or of the
//! page's start): an HTML page without a question section, a truncated section (naming the missing
//! part), the site's error page, a search-results page. scraper gives no source positions, so a line
//! is found by looking for the element's text in the file.
//!
//! Detection: any document whose first non-blank character opens a tag is this reader's (rather than
//! only pages with a question section), so that every HTML page is refused with a message about
//! pages instead of the text readers' "expected a written question, found `<!DOCTYPE html>`".
//!
//! Acts: the "de" column names the member for acts such as `Demande d'explications transformée en
//! question écrite` (→ [`Act::person`]); an organ (`Bureau élargi du Parlement`) or `p.m.` stays in
//! [`Act::reference`] with the Référence and page columns, as the text rendering joins them, so both
//! readers give the same acts; the row's link (the annex PDF) is [`Act::url`], made absolute.

use scraper::{ElementRef, Html, Node, Selector};

use super::dates::read_date;
use super::lines::{Line, Source, field, fold, strip_label, trim};
use super::question::{
    ANSWER_DATE_WITHOUT_ANSWER, NO_QUESTION_TEXT, addressee, answer_passages, names_a_member,
    question_passages,
};
use super::{ReadError, Reader, excerpt};
use crate::model::{Act, Document, Passage, Question, ReadWarning, SourcePage};

pub(crate) const READER: Reader = Reader {
    name: "brussels_written_question_html",
    looks_like: "a written question page of the Brussels Parliament (HTML)",
    detect,
    read,
};

/// The words of one language's page.
#[derive(Debug)]
pub struct Labels {
    /// The `id` of the page's question section.
    pub section_id: &'static str,
    /// The title's opening words, before the subject.
    pub title: &'static str,
    /// The `<dt>` before the author, and the one before the addressee.
    pub author: &'static str,
    pub addressee: &'static str,
    pub received: &'static str,
    pub published: &'static str,
    pub legislature: &'static str,
    pub session: &'static str,
    pub answered: &'static str,
    /// The label cells before the question's text and the answer's.
    pub question: &'static str,
    pub answer: &'static str,
    /// The acts table's column headers: date, act, by whom, reference, page.
    pub act_columns: [&'static str; 5],
    /// Titles of the site's "page not found" page.
    pub not_found: &'static [&'static str],
}

pub const FRENCH: Labels = Labels {
    section_id: "weblex-quest-det-fr",
    title: "Question écrite concernant",
    author: "de",
    addressee: "à",
    received: "Date de réception",
    published: "Date de publication",
    legislature: "Législature",
    session: "Session",
    answered: "Date de réponse",
    question: "Question",
    answer: "Réponse",
    act_columns: ["Date", "Intitulé de l'acte", "de", "Référence", "page"],
    not_found: &["Page introuvable", "Page non trouvée", "404"],
};

/// The languages the reader knows, tried in order.
pub static LANGUAGES: &[&Labels] = &[&FRENCH];

/// The site's address of a question page.
pub const SITE: &str = "https://www.parlement.brussels";

/// The official URL of the (French) page of a moncode, as the site links it.
pub fn official_url(moncode: &str) -> String {
    format!("{SITE}/weblex-quest-det/?moncode={moncode}&base=1")
}

/// Whether a text is an HTML document: its first non-blank character opens a tag, a comment or a
/// doctype. The reader then owns the document, so that an HTML page that is not a question is refused
/// with a message about pages, not about text lines.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches(super::lines::is_space);
    let mut chars = t.chars();
    chars.next() == Some('<')
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '!')
}

fn detect(src: &Source<'_>) -> bool {
    looks_like_html(src.text)
}

/// A CSS selector compiled once per call site (compiling one costs more than matching it; the
/// reader selects a dozen times per page).
macro_rules! sel {
    ($s:literal) => {{
        static SELECTOR: std::sync::LazyLock<Selector> =
            std::sync::LazyLock::new(|| Selector::parse($s).expect("static selector"));
        &*SELECTOR
    }};
}

/// The text of an element, whitespace collapsed (no-break spaces kept, as the text reader keeps them),
/// trimmed; `<script>`, `<style>` and comments are not text.
fn text_of(el: ElementRef<'_>) -> String {
    let mut r = Render {
        inline_only: true,
        ..Render::default()
    };
    r.walk(el);
    r.finish()
        .join(" ")
        .trim_matches(super::lines::is_space)
        .to_string()
}

/// Where a refusal or a warning points: the line of `needle` in the file (searched from the section
/// start, as a token: not inside a longer number), else the section's line.
struct Locator<'s, 'a> {
    src: &'s Source<'a>,
    start: usize,
}

impl Locator<'_, '_> {
    fn line_of(&self, needle: &str) -> usize {
        self.offset_of(needle, self.start)
            .map_or_else(|| self.section_line(), |at| self.src.line_of_offset(at))
    }

    /// The byte offset of `needle` at or after `from`, as a token (not preceded by a digit).
    fn offset_of(&self, needle: &str, mut from: usize) -> Option<usize> {
        let text = self.src.text;
        if needle.is_empty() {
            return None;
        }
        while let Some(i) = text
            .get(from..)
            .and_then(|t| memchr::memmem::find(t.as_bytes(), needle.as_bytes()))
        {
            let at = from + i;
            let before = text[..at].chars().next_back();
            if !before.is_some_and(|c| c.is_ascii_digit()) {
                return Some(at);
            }
            from = at + needle.len();
        }
        None
    }

    fn section_line(&self) -> usize {
        self.src.line_of_offset(self.start)
    }

    fn error(
        &self,
        line: usize,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> ReadError {
        ReadError::new(self.src.file, line, expected, Some(found.into()))
    }

    fn warn(&self, what: &str, needle: &str, message: String) -> ReadWarning {
        ReadWarning {
            location: format!("{what} (line {})", self.line_of(needle)),
            message,
        }
    }
}

fn read(src: &Source<'_>) -> Result<Document, ReadError> {
    read_page(src, true)
}

fn read_page(src: &Source<'_>, cut_allowed: bool) -> Result<Document, ReadError> {
    // A whole page is mostly the site's chrome: parse only its self-links and the question section
    // when they can be cut out of it (see `html_cut`), else the whole page.
    let ids: Vec<&str> = LANGUAGES.iter().map(|l| l.section_id).collect();
    let cut = cut_allowed
        .then(|| super::html_cut::question_section(src.text, &ids))
        .flatten();
    let html = match cut {
        Some(cut) => {
            let mut page = String::with_capacity(cut.section.len() + 64);
            page.push_str("<!DOCTYPE html><html><head>");
            cut.self_links.iter().for_each(|l| page.push_str(l));
            page.push_str("</head><body>");
            page.push_str(cut.section);
            page.push_str("</body></html>");
            Html::parse_document(&page)
        }
        None => Html::parse_document(src.text),
    };
    let page = Locator { src, start: 0 };
    let found_section = LANGUAGES.iter().find_map(|labels| {
        let section = html
            .select(sel!("section[id]"))
            .find(|s| s.attr("id") == Some(labels.section_id))
            .or_else(|| {
                // A page saved without its section element: the title's h3 still marks it.
                html.select(sel!("h3"))
                    .find(|h| strip_label(&text_of(*h), labels.title).is_some())
                    .and_then(|h| h.parent().and_then(ElementRef::wrap))
            })?;
        Some((labels, section))
    });
    let Some((labels, section)) = found_section else {
        return Err(refuse_page(&html, &page));
    };
    let start = memchr::memmem::find(src.text.as_bytes(), labels.section_id.as_bytes())
        .map_or(0, |i| {
            memchr::memrchr(b'<', &src.text.as_bytes()[..i]).unwrap_or(i)
        });
    let at = Locator { src, start };
    read_section(src, &html, labels, section, &at)
}

/// The refusal of an HTML page without a question section: the site's error page, a list of
/// questions, or any other page.
fn refuse_page(html: &Html, page: &Locator<'_, '_>) -> ReadError {
    const EXPECTED: &str = "a written question page of the Brussels Parliament";
    let title = html
        .select(sel!("title"))
        .next()
        .map(text_of)
        .unwrap_or_default();
    let heading = html
        .select(sel!("h1"))
        .next()
        .map(text_of)
        .unwrap_or_default();
    for labels in LANGUAGES {
        if labels
            .not_found
            .iter()
            .any(|nf| title.contains(nf) || heading.contains(nf))
        {
            return page.error(
                1,
                EXPECTED,
                format!(
                    "the site's error page {} (page not found)",
                    excerpt(if title.is_empty() { &heading } else { &title })
                ),
            );
        }
        let question_links = html
            .select(sel!("a[href]"))
            .filter(|a| a.attr("href").is_some_and(|h| moncode_of(h).is_some()))
            .count();
        let titles = html
            .select(sel!("a, h2, h3, h4"))
            .filter(|e| strip_label(&text_of(*e), labels.title).is_some())
            .count();
        if question_links >= 2 || titles >= 2 {
            return page.error(
                1,
                "a single written question page",
                format!(
                    "a list of questions (search results: {} questions)",
                    if question_links >= 2 {
                        question_links
                    } else {
                        titles
                    }
                ),
            );
        }
    }
    page.error(
        1,
        EXPECTED,
        "an HTML page, but not a written question of the Brussels Parliament: no weblex question section",
    )
}

/// The moncode a link names (`…?moncode=166345&base=1`).
fn moncode_of(href: &str) -> Option<String> {
    let query = href.split_once('?')?.1;
    query.split('&').find_map(|kv| {
        let v = kv.strip_prefix("moncode=")?;
        let digits: String = v.chars().take_while(char::is_ascii_digit).collect();
        (!digits.is_empty()).then_some(digits)
    })
}

/// The page's own link: an absolute URL naming a moncode, from the canonical link, `og:url`, or the
/// French alternate link.
fn self_link(html: &Html) -> Option<(String, String)> {
    let (canonical, og, alternate) = (
        sel!("link[rel=canonical]"),
        sel!("meta[property=\"og:url\"]"),
        sel!("link[rel=alternate][hreflang=fr]"),
    );
    let candidates = html
        .select(canonical)
        .filter_map(|l| l.attr("href"))
        .chain(html.select(og).filter_map(|m| m.attr("content")))
        .chain(html.select(alternate).filter_map(|l| l.attr("href")));
    for href in candidates {
        if let Some(m) = moncode_of(href) {
            return Some((m, absolute(href.trim())));
        }
    }
    None
}

/// An absolute URL for a link of the site (`//host/…`, `/path`, or already absolute).
fn absolute(href: &str) -> String {
    if href.starts_with("http://") || href.starts_with("https://") {
        href.to_string()
    } else if let Some(rest) = href.strip_prefix("//") {
        format!("https://{rest}")
    } else if href.starts_with('/') {
        format!("{SITE}{href}")
    } else {
        format!("{SITE}/{href}")
    }
}

/// The moncode of a file named `<moncode>.html` (`html/166345.html`).
fn moncode_of_file(file: &str) -> Option<String> {
    let name = file.rsplit(['/', '\\']).next()?;
    let stem = name
        .strip_suffix(".html")
        .or_else(|| name.strip_suffix(".htm"))?;
    (!stem.is_empty() && stem.chars().all(|c| c.is_ascii_digit())).then(|| stem.to_string())
}

fn read_section(
    src: &Source<'_>,
    html: &Html,
    labels: &Labels,
    section: ElementRef<'_>,
    at: &Locator<'_, '_>,
) -> Result<Document, ReadError> {
    let mut warnings = Vec::new();
    let missing = |what: &str| {
        at.error(
            at.section_line(),
            format!("{what} in the question section"),
            "the section without it (the page is incomplete)",
        )
    };

    // Title.
    let title = section
        .select(sel!("h3"))
        .map(text_of)
        .find(|t| strip_label(t, labels.title).is_some())
        .ok_or_else(|| missing(&format!("the title \"{} <subject>\"", labels.title)))?;
    let subject = strip_label(&title, labels.title).unwrap_or_default();
    let subject = trim(subject.trim_end_matches(|c: char| c == '.' || super::lines::is_space(c)));
    if subject.is_empty() {
        return Err(at.error(
            at.line_of(&title),
            format!("a subject after \"{}\"", labels.title),
            excerpt(&title),
        ));
    }

    // Author and addressee: each <dt> with the next <dd> in document order (the page nests the
    // author's <dd> in a <b>, so they are not always siblings).
    let terms: Vec<ElementRef<'_>> = section.select(sel!("dt, dd")).collect();
    let dd_after = |label: &str| {
        terms
            .iter()
            .position(|e| e.value().name() == "dt" && fold(&text_of(*e)) == fold(label))
            .and_then(|i| terms[i + 1..].iter().find(|e| e.value().name() == "dd"))
            .copied()
    };
    let author_dd = dd_after(labels.author)
        .ok_or_else(|| missing(&format!("the author (\"{}\" then a name)", labels.author)))?;
    let author = text_of(author_dd);
    if author.is_empty() {
        return Err(missing("the author's name"));
    }
    let addressee_dd = dd_after(labels.addressee).ok_or_else(|| {
        missing(&format!(
            "the addressee (\"{}\" then \"<name>, <role and portfolio> (question n°<number>)\")",
            labels.addressee
        ))
    })?;
    let addressee_text = text_of(addressee_dd);
    let (mut minister, number) = addressee(&addressee_text).ok_or_else(|| {
        at.error(
            at.line_of("(question n"),
            "\"<name>, <role and portfolio> (question n°<number>)\"",
            excerpt(&addressee_text),
        )
    })?;
    // The page marks the name in bold: trust it over the comma rule.
    if let Some(b) = addressee_dd.select(sel!("b")).next().map(text_of)
        && !b.is_empty()
        && let Some(rest) = addressee_text.strip_prefix(b.as_str())
    {
        let head = rest
            .rfind("(")
            .map_or(rest, |i| &rest[..i])
            .trim_start_matches([',', ' '])
            .trim();
        if !head.is_empty() {
            minister.name = Some(b.clone());
            minister.portfolio = head.to_string();
        }
    }

    // Labelled cells: `<b>Label:</b> value`.
    // Each cell without a table inside, with its text: rendered once, for the labelled values and
    // for finding the question's and the answer's label cells below (a cell with a table inside is
    // layout, and holds neither).
    let cells: Vec<(ElementRef<'_>, String)> = section
        .select(sel!("td"))
        .filter(|td| td.select(sel!("table")).next().is_none())
        .map(|td| (td, text_of(td)))
        .collect();
    let value = |label: &str| {
        cells
            .iter()
            .find_map(|(_, c)| field(c, &[label]).map(str::to_string))
    };
    let date_of = |label: &str, what: &str, warnings: &mut Vec<ReadWarning>| {
        let Some(v) = value(label) else {
            return Ok(None);
        };
        let read = read_date(&v).map_err(|e| at.error(at.line_of(&v), e, excerpt(&v)))?;
        if let Some(w) = read.warning {
            warnings.push(at.warn(what, &v, w));
        }
        Ok::<_, ReadError>(read.date)
    };
    let received = match value(labels.received) {
        Some(_) => date_of(labels.received, "date of reception", &mut warnings)?,
        None => return Err(missing(&format!("\"{}: dd/mm/yyyy\"", labels.received))),
    };
    let published = date_of(labels.published, "date of publication", &mut warnings)?;
    let answered = date_of(labels.answered, "date of answer", &mut warnings)?;
    let years = |label: &str| {
        let v = value(label).ok_or_else(|| missing(&format!("\"{label}: NN/NN\"")))?;
        let ok = v.split_once('/').is_some_and(|(a, b)| {
            [a, b]
                .iter()
                .all(|s| s.len() == 2 && s.chars().all(|c| c.is_ascii_digit()))
        });
        if ok {
            Ok(v)
        } else {
            Err(at.error(at.line_of(&v), format!("\"{label}: NN/NN\""), excerpt(&v)))
        }
    };
    let legislature = years(labels.legislature)?;
    let session = years(labels.session)?;

    let answered_text = value(labels.answered);
    let acts = acts(section, labels, at, &mut warnings)?;
    let acts_anchor = value(labels.legislature);

    // Question and answer cells.
    let text_cell = |label: &str| {
        cells
            .iter()
            .find(|(td, text)| {
                strip_label(text, label).is_some_and(str::is_empty)
                    && td.select(sel!("b")).next().is_some()
            })
            .and_then(|(td, _)| td.next_siblings().find_map(ElementRef::wrap))
    };
    let question_cell = text_cell(labels.question)
        .ok_or_else(|| missing(&format!("the \"{}\" cell and its text", labels.question)))?;
    let question_lines = render(question_cell);
    // The cell's line: its first words in the file, else its label after the acts table (the last
    // act's date, or the dates table's legislature).
    let after_header = acts_anchor
        .as_deref()
        .and_then(|a| at.offset_of(a, at.start))
        .unwrap_or(at.start);
    let cell_line = |cell: ElementRef<'_>, label: &str| {
        let t = text_of(cell);
        let probe: String = t
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == ' ')
            .take(20)
            .collect();
        let probe = probe.trim();
        let at_offset = if probe.is_empty() {
            at.offset_of(label, after_header)
        } else {
            at.offset_of(probe, after_header)
        };
        at_offset.map_or_else(|| at.section_line(), |o| src.line_of_offset(o))
    };
    let q_no = cell_line(question_cell, labels.question);
    let q_lines: Vec<Line<'_>> = question_lines
        .iter()
        .map(|t| Line { no: q_no, text: t })
        .collect();
    let mut passages: Vec<Passage> = question_passages(None, &q_lines);
    if passages.is_empty() {
        warnings.push(ReadWarning {
            location: format!("question text (line {q_no})"),
            message: NO_QUESTION_TEXT.into(),
        });
    }
    if let Some(answer_cell) = text_cell(labels.answer) {
        let a_no = cell_line(answer_cell, labels.answer);
        let answer_lines = render(answer_cell);
        let a_lines: Vec<Line<'_>> = answer_lines
            .iter()
            .map(|t| Line { no: a_no, text: t })
            .collect();
        passages.extend(answer_passages(&a_lines));
    }
    if answered.is_some() && !passages.iter().any(|p| p.kind.is_answer()) {
        warnings.push(ReadWarning {
            location: format!(
                "date of answer (line {})",
                answered_text
                    .as_deref()
                    .map_or(at.section_line(), |v| at.line_of(v))
            ),
            message: ANSWER_DATE_WITHOUT_ANSWER.into(),
        });
    }
    for (i, p) in passages.iter_mut().enumerate() {
        p.position = u32::try_from(i + 1).unwrap_or(u32::MAX);
    }
    if broken_tag_errors(html.errors.iter().map(AsRef::as_ref))
        .next()
        .is_some()
        && let Some(w) = malformed_markup(src, at)
    {
        warnings.push(w);
    }

    let source = match self_link(html) {
        Some((moncode, url)) => Some(SourcePage {
            moncode: Some(moncode),
            url: Some(url),
        }),
        None => moncode_of_file(src.file).map(|m| SourcePage {
            url: Some(official_url(&m)),
            moncode: Some(m),
        }),
    };

    Ok(Document::Question(Question {
        legislature,
        session,
        number,
        subject: subject.to_string(),
        author,
        addressee: minister,
        received,
        published,
        answered,
        acts,
        passages,
        source,
        warnings,
    }))
}

/// A warning when the question section holds broken tags (`</SPAN</td>` on page 170153): the
/// parser recovers them as a browser does, but text next to them may be cut differently from what
/// the author meant. The section's markup (from its start to its `</section>`, so the site's chrome
/// does not count) is parsed again on its own; only the tokenizer's errors about a tag's own syntax
/// count (not the tree builder's usual complaints about unclosed cells or `&#146;` references).
fn malformed_markup(src: &Source<'_>, at: &Locator<'_, '_>) -> Option<ReadWarning> {
    let rest = &src.text[at.start..];
    let end = rest
        .find("</section>")
        .map_or(rest.len(), |i| i + "</section>".len());
    let section = Html::parse_fragment(&rest[..end]);
    let mut broken: Vec<&str> =
        broken_tag_errors(section.errors.iter().map(|e| e.as_ref())).collect();
    broken.sort_unstable();
    broken.dedup();
    (!broken.is_empty()).then(|| ReadWarning {
        location: format!("question section (line {})", at.section_line()),
        message: format!(
            "malformed tags (such as `</SPAN</td>`; the parser says: {}), recovered as a browser \
             does: check the text around them",
            broken.join("; ")
        ),
    })
}

/// The parser's errors about a tag's own syntax (`</SPAN</td>`), not the tree builder's usual
/// complaints. The section can only have them if the whole page has: the page's parse is checked
/// first, and the section is parsed again on its own only then (a second parse of every page cost
/// about 40 % of reading a fragment).
fn broken_tag_errors<'e>(errors: impl Iterator<Item = &'e str>) -> impl Iterator<Item = &'e str> {
    errors.filter(|e| {
        e.contains("Attributes on an end tag")
            || (e.starts_with("Saw ") && e.contains("Tag") && e.contains("in state"))
    })
}

/// The acts table: the table whose first row holds the column headers; one act per later row.
fn acts(
    section: ElementRef<'_>,
    labels: &Labels,
    at: &Locator<'_, '_>,
    warnings: &mut Vec<ReadWarning>,
) -> Result<Vec<Act>, ReadError> {
    let rows = sel!("tr");
    let cells_sel = sel!("td, th");
    let Some(table) = section.select(sel!("table")).find(|t| {
        t.select(rows).next().is_some_and(|r| {
            let heads: Vec<String> = r.select(cells_sel).map(|c| fold(&text_of(c))).collect();
            heads.len() >= 3
                && heads[0] == fold(labels.act_columns[0])
                && heads[1] == fold(labels.act_columns[1])
        })
    }) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (i, row) in table.select(rows).skip(1).enumerate() {
        let cells: Vec<ElementRef<'_>> = row.select(cells_sel).collect();
        let texts: Vec<String> = cells.iter().map(|c| text_of(*c)).collect();
        if texts.iter().all(String::is_empty) {
            continue;
        }
        let what = format!("acts table, row {}", i + 1);
        let date_text = texts.first().cloned().unwrap_or_default();
        let date = read_date(&date_text).map_err(|e| {
            at.error(
                at.line_of(&date_text),
                format!("{e} in the {what}"),
                excerpt(&date_text),
            )
        })?;
        if let Some(w) = date.warning {
            warnings.push(at.warn(&what, &date_text, w));
        }
        let label = texts.get(1).cloned().unwrap_or_default();
        if label.is_empty() {
            return Err(at.error(
                at.line_of(&date_text),
                format!("an act label in the {what}"),
                excerpt(&texts.join(" ")),
            ));
        }
        let by = texts.get(2).cloned().unwrap_or_default();
        let person = names_a_member(&by).then(|| by.clone());
        let rest: Vec<&str> = std::iter::once(if person.is_some() { "" } else { by.as_str() })
            .chain(texts.iter().skip(3).map(String::as_str))
            .filter(|t| !t.is_empty())
            .collect();
        let reference = (!rest.is_empty()).then(|| rest.join(" "));
        let url = row
            .select(sel!("a[href]"))
            .filter_map(|a| a.attr("href"))
            .map(str::trim)
            .find(|h| !h.is_empty() && !h.starts_with('#'))
            .map(absolute);
        out.push(Act {
            date: date.date,
            label,
            reference,
            person,
            url,
        });
    }
    Ok(out)
}

/// Renders an element's content to lines, as the corpus' text renderer does.
fn render(el: ElementRef<'_>) -> Vec<String> {
    let mut r = Render::default();
    r.walk(el);
    r.finish()
        .into_iter()
        .map(|l| trim(&l).to_string())
        .collect()
}

#[derive(Default)]
struct Render {
    lines: Vec<String>,
    cur: String,
    /// Only text: blocks and line breaks become spaces (for labels and cells).
    inline_only: bool,
    /// The prefix of the list item being opened, written before its first text.
    pending_prefix: Option<String>,
    /// Whether the last line written was a row of a data table.
    last_was_row: bool,
    /// Reused by [`Render::text`] for each text node's collapsed form.
    scratch: String,
}

/// HTML's whitespace (the no-break space is not: it is kept, as the text reader keeps it).
const HTML_SPACE: [char; 5] = [' ', '\t', '\n', '\r', '\u{c}'];

impl Render {
    fn text(&mut self, s: &str) {
        if self.last_was_row && s.chars().any(|c| !super::lines::is_space(c)) {
            self.last_was_row = false;
            if !self.inline_only && !self.has_text() {
                self.paragraph_break();
            }
        }
        // Whitespace runs collapse to one space (none at a line's start); no-break spaces are
        // kept. Words are copied a run at a time into a buffer the renderer keeps (this is the
        // reader's hottest function: every text node of the section passes here).
        let mut collapsed = std::mem::take(&mut self.scratch);
        collapsed.clear();
        let mut space = false;
        for (i, word) in s.split(HTML_SPACE).enumerate() {
            // Consecutive words were separated by exactly one whitespace character.
            space |= i > 0;
            if word.is_empty() {
                continue;
            }
            if space && !(self.cur.is_empty() && collapsed.is_empty()) {
                collapsed.push(' ');
            }
            space = false;
            collapsed.push_str(word);
        }
        if space && !(self.cur.is_empty() && collapsed.is_empty()) {
            collapsed.push(' ');
        }
        if !collapsed.is_empty() {
            let mut add = collapsed.as_str();
            if let Some(p) = self.pending_prefix.take() {
                self.cur.push_str(&p);
                add = add.trim_start();
            }
            if self.cur.ends_with(' ') && add.starts_with(' ') {
                add = &add[1..];
            }
            self.cur.push_str(add);
        }
        self.scratch = collapsed;
    }

    fn has_text(&self) -> bool {
        !trim(&self.cur).is_empty()
    }

    /// Ends the current line (a `<br>` ends it even when empty: a blank line).
    fn line_break(&mut self, force: bool) {
        if self.inline_only {
            self.cur.push(' ');
            return;
        }
        if force || self.has_text() {
            self.lines.push(std::mem::take(&mut self.cur));
        } else {
            self.cur.clear();
        }
    }

    /// Ends the current line and leaves one blank line (paragraph separation).
    fn paragraph_break(&mut self) {
        if self.inline_only {
            self.cur.push(' ');
            return;
        }
        if self.pending_prefix.is_some() {
            return;
        }
        self.line_break(false);
        if self.lines.last().is_some_and(|l| !trim(l).is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn walk(&mut self, el: ElementRef<'_>) {
        let mut item = 0u32;
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.text(t),
                Node::Element(_) => {
                    let Some(e) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let name = e.value().name();
                    match name {
                        "script" | "style" | "svg" | "template" | "noscript" | "head" => {}
                        "br" => self.line_break(true),
                        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "ul"
                        | "ol" | "dl" | "pre" => {
                            self.paragraph_break();
                            self.walk(e);
                            self.paragraph_break();
                        }
                        "li" => {
                            self.line_break(false);
                            item += 1;
                            let ordered = el.value().name() == "ol";
                            if !self.inline_only {
                                self.pending_prefix = Some(if ordered {
                                    let start: u32 = el
                                        .attr("start")
                                        .and_then(|s| s.trim().parse().ok())
                                        .unwrap_or(1);
                                    format!("{}. ", start + item - 1)
                                } else {
                                    "• ".to_string()
                                });
                            }
                            self.walk(e);
                            self.pending_prefix = None;
                            self.line_break(false);
                        }
                        "table" | "tbody" | "thead" | "tfoot" | "div" | "section" | "article"
                        | "dt" | "dd" => {
                            self.line_break(false);
                            self.walk(e);
                            self.line_break(false);
                        }
                        // A row of several cells is a row of data: one line, its cells' texts
                        // joined by a space. A row of one cell is layout: its content flows.
                        "tr" => {
                            self.line_break(false);
                            let cells: Vec<ElementRef<'_>> = e
                                .child_elements()
                                .filter(|c| matches!(c.value().name(), "td" | "th"))
                                .collect();
                            if cells.len() > 1 && !self.inline_only {
                                // A table of data stands apart from the text around it: the text
                                // after it starts a new paragraph (and, outside numbered parts, a
                                // new passage).
                                let after_row = std::mem::take(&mut self.last_was_row);
                                if !after_row
                                    && self.lines.last().is_some_and(|l| !trim(l).is_empty())
                                {
                                    self.lines.push(String::new());
                                }
                                // No-break spaces inside cells are kept, as the text rendering keeps them.
                                let row: Vec<String> = cells
                                    .iter()
                                    .map(|c| {
                                        let mut r = Render {
                                            inline_only: true,
                                            ..Render::default()
                                        };
                                        r.walk(*c);
                                        r.finish().join(" ").trim_ascii().to_string()
                                    })
                                    .collect();
                                self.text(&row.join(" "));
                            } else {
                                self.walk(e);
                            }
                            self.line_break(false);
                            self.last_was_row = cells.len() > 1;
                        }
                        "td" | "th" => {
                            if self.has_text() && !self.cur.ends_with(' ') {
                                self.cur.push(' ');
                            }
                            self.walk(e);
                        }
                        _ => self.walk(e),
                    }
                }
                _ => {}
            }
        }
    }

    fn finish(mut self) -> Vec<String> {
        if self.has_text() {
            self.lines.push(std::mem::take(&mut self.cur));
        }
        self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cut (`html_cut`) is an optimisation only: every corpus page, as the corpus keeps it and
    /// wrapped in a page with a head, scripts and a footer, reads to the same question with and
    /// without it.
    #[test]
    fn the_cut_reads_like_the_whole_page() {
        let dir = std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpus/brussels-qe-24-29/html"
        ));
        let mut pages: Vec<_> = std::fs::read_dir(dir)
            .expect("the corpus beside the repository")
            .map(|e| e.unwrap().path())
            .collect();
        pages.sort();
        assert!(pages.len() >= 48);
        let mut cut = 0;
        for path in pages {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let moncode = moncode_of_file(&name).unwrap();
            let whole = format!(
                "<!DOCTYPE html><html><head><title>QE</title><style>p{{color:red}}</style>\
                 <link rel=\"alternate\" hreflang=\"fr\" href=\"{SITE}/weblex-quest-det/?moncode={moncode}&amp;base=1\">\
                 <script>document.write('<section id=\"weblex-quest-det-fr\">');</script></head>\
                 <body><div class=\"page\"><!-- </section> -->{text}</div><footer><section><p>Contact</p></section></footer></body></html>"
            );
            for page in [text.as_str(), whole.as_str()] {
                let src = Source::new("page.html", page);
                let ids: Vec<&str> = LANGUAGES.iter().map(|l| l.section_id).collect();
                cut += usize::from(super::super::html_cut::question_section(page, &ids).is_some());
                assert_eq!(
                    read_page(&src, true),
                    read_page(&src, false),
                    "{name} (whole page: {})",
                    page.len() > text.len()
                );
            }
        }
        // The cut is taken on every page (none falls back to the whole parse).
        assert_eq!(cut % 2, 0);
        assert!(cut >= 96, "the cut was taken on {cut} pages");
    }

    #[test]
    fn moncodes() {
        assert_eq!(
            moncode_of("https://www.parlement.brussels/weblex-quest-det/?moncode=166345&base=1"),
            Some("166345".into())
        );
        assert_eq!(
            moncode_of("https://www.parlement.brussels/weblex-quest-det/"),
            None
        );
        assert_eq!(
            moncode_of_file("corpus/html/166345.html"),
            Some("166345".into())
        );
        assert_eq!(moncode_of_file("page.html"), None);
        assert_eq!(moncode_of_file("166345.txt"), None);
    }

    #[test]
    fn urls_are_absolute() {
        assert_eq!(absolute("//x.be/a"), "https://x.be/a");
        assert_eq!(absolute("/a"), format!("{SITE}/a"));
        assert_eq!(
            absolute("http://weblex.brussels/a.pdf"),
            "http://weblex.brussels/a.pdf"
        );
    }

    #[test]
    fn html_detection() {
        assert!(looks_like_html("\n <!DOCTYPE html><html>"));
        assert!(looks_like_html("<img src=x>"));
        assert!(!looks_like_html("Logo Parlement Buxellois"));
        assert!(!looks_like_html("< 5 %"));
    }
}
