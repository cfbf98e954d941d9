//! The HTML reader on hand-made pages in the site's structure (`tests/data/html/`): a whole saved
//! page reads exactly as its fragment, every field of the fragment, each quirk's warning, and each
//! refusal's message.

use std::path::PathBuf;

use chrono::NaiveDate;
use vigie_core::{Act, Document, PassageKind, Question, ReadError, read_document};

fn data(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/html")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fragment() -> String {
    String::from_utf8(data("question_fragment.html")).unwrap()
}

fn question(name: &str, bytes: &[u8]) -> Question {
    match read_document(name, bytes) {
        Ok(Document::Question(q)) => q,
        Ok(other) => panic!("{name}: not a question: {other:?}"),
        Err(e) => panic!("{e}"),
    }
}

fn refused(name: &str, html: &str) -> ReadError {
    match read_document(name, html.as_bytes()) {
        Ok(doc) => panic!("{name} was read: {doc:?}"),
        Err(e) => e,
    }
}

/// The fragment with one piece of text replaced (which must be there).
fn variant(from: &str, to: &str) -> String {
    let f = fragment();
    assert!(f.contains(from), "{from:?} not in the fragment");
    f.replacen(from, to, 1)
}

fn warnings(q: &Question) -> Vec<String> {
    q.warnings
        .iter()
        .map(|w| format!("{}: {}", w.location, w.message))
        .collect()
}

fn date(d: u32, m: u32, y: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn the_fragment_reads_every_field() {
    let q = question("html/170001.html", fragment().as_bytes());
    assert_eq!(q.subject, "l'entretien des parcs régionaux");
    assert_eq!(q.author, "Jonathan de Patoul");
    assert_eq!(q.addressee.name.as_deref(), Some("Ans Persoons"));
    assert_eq!(
        q.addressee.portfolio,
        "Ministre du Gouvernement de la Région de Bruxelles-Capitale, chargée de l'Urbanisme"
    );
    assert_eq!(q.number, 42);
    assert_eq!(
        (q.legislature.as_str(), q.session.as_str()),
        ("24/29", "25/26")
    );
    assert_eq!(
        [q.received, q.published, q.answered],
        [date(2, 3, 2026), None, date(14, 4, 2026)]
    );
    assert_eq!(
        q.acts,
        [
            Act {
                date: date(4, 3, 2026),
                label: "Demande d'explications transformée en question écrite".into(),
                reference: None,
                person: Some("Jonathan de Patoul".into()),
                url: None,
            },
            Act {
                date: date(10, 3, 2026),
                label: "Recevable".into(),
                reference: Some("Bureau élargi du Parlement".into()),
                person: None,
                url: None,
            },
            Act {
                date: date(14, 4, 2026),
                label: "Annexe à la réponse".into(),
                reference: Some("p.m. Annexe".into()),
                person: None,
                url: Some(
                    "http://weblex.brussels/data/crb/bqrann/2025-26/170001/IMAGES.pdf#page=".into()
                ),
            },
        ]
    );
    let source = q.source.clone().unwrap();
    assert_eq!(source.moncode.as_deref(), Some("170001"));
    assert_eq!(
        source.url.as_deref(),
        Some("https://www.parlement.brussels/weblex-quest-det/?moncode=170001&base=1")
    );
    assert!(q.warnings.is_empty(), "{:?}", q.warnings);
    let passages: Vec<(PassageKind, Option<&str>, &str)> = q
        .passages
        .iter()
        .map(|p| (p.kind, p.heading.as_deref(), p.text.as_str()))
        .collect();
    // `&#146;` is `’`; the comment block and the style are not text; the table is rows of text;
    // the numbered steps stay inside part 2; the first sentence after `1/` is text, not a heading.
    insta::assert_debug_snapshot!(passages, @r#"
    [
        (
            QuestionIntro,
            None,
            "Les parcs régionaux sont très fréquentés. L’entretien coûte cher.",
        ),
        (
            SubQuestion,
            None,
            "Quel est le budget d’entretien en 2025\u{a0}?",
        ),
        (
            SubQuestion,
            None,
            "Combien de jardiniers y travaillent\u{a0}?",
        ),
        (
            Answer,
            None,
            "Le budget d’entretien s’élève à 3,2 millions d’euros. Il couvre tous les parcs.\n\nLe détail par parc\u{a0}:\n\nParc Montant\nCinquantenaire \u{a0}1.200.000 €\nLaeken \u{a0}900.000 €\n\nLes montants sont hors TVA.",
        ),
        (
            Answer,
            None,
            "Les étapes du recrutement\u{a0}:\n1. appel à candidatures ;\n2. sélection ;\n3. engagement.\nQuarante jardiniers y travaillent.",
        ),
    ]
    "#);
}

#[test]
fn a_whole_saved_page_reads_as_its_fragment() {
    let page = question("page.html", &data("question_whole_page.html"));
    let fragment = question("170001.html", fragment().as_bytes());
    assert_eq!(page, fragment);
    assert_eq!(
        page.source.unwrap().url.as_deref(),
        Some("https://www.parlement.brussels/weblex-quest-det/?moncode=170001&base=1"),
        "the page's own (alternate, French) link"
    );
}

#[test]
fn a_windows_1252_page_is_decoded_as_it_declares() {
    let page = question("170001.html", &data("question_windows1252.html"));
    let fragment = question("170001.html", fragment().as_bytes());
    assert_eq!(page, fragment);
    // The declaration is found whatever its case, and one inside a comment does not count (the
    // file is Windows-1252: edited as bytes).
    let mut bytes = data("question_windows1252.html");
    let (old, new) = (
        b"<html><head><meta http-equiv".as_slice(),
        b"<html><head><!-- <meta charset=\"utf-8\"> --><META HTTP-EQUIV".as_slice(),
    );
    let at = bytes
        .windows(old.len())
        .position(|w| w == old)
        .expect("the fixture's head");
    bytes.splice(at..at + old.len(), new.iter().copied());
    assert_eq!(question("170001.html", &bytes), fragment);
}

#[test]
fn a_fragment_without_moncode_has_no_source() {
    let q = question("question.html", fragment().as_bytes());
    assert_eq!(q.source, None);
}

#[test]
fn one_digit_day_is_read_with_a_warning() {
    let q = question(
        "q.html",
        variant("14/04/2026\t\t</td>", "1/04/2026\t\t</td>").as_bytes(),
    );
    assert_eq!(q.answered, date(1, 4, 2026));
    insta::assert_debug_snapshot!(warnings(&q), @r#"
    [
        "date of answer (line 36): date \"1/04/2026\" has a one-digit day or month: read as 01/04/2026",
    ]
    "#);
}

#[test]
fn impossible_date_is_left_empty_with_a_warning() {
    let q = question(
        "q.html",
        variant("10/03/2026\t\t\t</td>", "0/03/2026\t\t\t</td>").as_bytes(),
    );
    assert_eq!(q.acts[1].date, None);
    assert_eq!(q.acts[1].label, "Recevable");
    insta::assert_debug_snapshot!(warnings(&q), @r#"
    [
        "acts table, row 2 (line 68): impossible date \"0/03/2026\": the date is left empty",
    ]
    "#);
}

#[test]
fn slashes_mean_no_date_without_a_warning() {
    let q = question("q.html", fragment().as_bytes());
    assert_eq!(q.published, None);
    assert!(q.warnings.is_empty());
}

#[test]
fn empty_question_text_is_imported_with_a_warning() {
    let f = fragment();
    let start = f.find("<td valign=\"top\"><p>Les parcs").unwrap();
    let end = f[start..].find("</td>").unwrap() + start;
    let html = format!("{}<td valign=\"top\">{}", &f[..start], &f[end..]);
    let q = question("q.html", html.as_bytes());
    assert!(q.passages.iter().all(|p| p.kind == PassageKind::Answer));
    insta::assert_debug_snapshot!(warnings(&q), @r#"
    [
        "question text (line 95): no published question text",
    ]
    "#);
}

#[test]
fn answer_date_without_answer_is_read_as_unanswered_with_a_warning() {
    let f = fragment();
    let start = f
        .find("\t\t<tr><td></td><td style=\"border-bottom")
        .unwrap();
    let end = f.find("</tr></table></div>").unwrap();
    let html = format!("{}{}", &f[..start], &f[end..]);
    let q = question("q.html", html.as_bytes());
    assert!(!q.has_answer());
    assert_eq!(q.answered, date(14, 4, 2026));
    insta::assert_debug_snapshot!(warnings(&q), @r#"
    [
        "date of answer (line 36): an answer date but no published answer: the question is read as not answered",
    ]
    "#);
}

#[test]
fn malformed_tags_are_recovered_with_a_warning() {
    let q = question(
        "q.html",
        variant(
            "travaillent.&#9;<BR></SPAN></td>",
            "travaillent.&#9;<BR></SPAN</td>",
        )
        .as_bytes(),
    );
    let clean = question("q.html", fragment().as_bytes());
    assert_eq!(q.passages, clean.passages, "nothing is lost");
    insta::assert_debug_snapshot!(warnings(&q), @r#"
    [
        "question section (line 3): malformed tags (such as `</SPAN</td>`; the parser says: Attributes on an end tag; Saw t in state SelfClosingStartTag), recovered as a browser does: check the text around them",
    ]
    "#);
}

#[test]
fn implausible_year_is_refused() {
    let e = refused("q.html", &variant("02/03/2026", "02/03/0000"));
    assert_eq!(
        e.to_string(),
        "q.html:25: expected a date dd/mm/yyyy between 1989 and 2100, found \"02/03/0000\""
    );
}

#[test]
fn an_html_page_that_is_not_a_question_is_refused() {
    let e = refused(
        "agenda.html",
        "<!DOCTYPE html><html><head><title>Agenda</title></head><body><h1>Agenda</h1><p>Séance plénière</p></body></html>",
    );
    assert_eq!(
        e.to_string(),
        "agenda.html:1: expected a written question page of the Brussels Parliament, found an HTML page, but not a written question of the Brussels Parliament: no weblex question section"
    );
}

#[test]
fn a_truncated_page_names_the_missing_part() {
    let f = fragment();
    let cut = f.find("<dl>").unwrap();
    let e = refused("cut.html", &f[..cut]);
    assert_eq!(
        e.to_string(),
        "cut.html:3: expected the author (\"de\" then a name) in the question section, found the section without it (the page is incomplete)"
    );
    let cut = f.find("<!-- converting").unwrap();
    let e = refused("cut.html", &f[..cut]);
    assert_eq!(
        e.to_string(),
        "cut.html:3: expected the \"Question\" cell and its text in the question section, found the section without it (the page is incomplete)"
    );
}

#[test]
fn the_sites_error_page_is_refused() {
    let e = refused(
        "170001.html",
        "<!DOCTYPE html><html><head><title>Page introuvable - Parlement Bruxellois</title></head><body><h1>Oups ! Page introuvable</h1></body></html>",
    );
    assert_eq!(
        e.to_string(),
        "170001.html:1: expected a written question page of the Brussels Parliament, found the site's error page \"Page introuvable - Parlement Bruxellois\" (page not found)"
    );
}

#[test]
fn a_search_results_page_is_refused() {
    let rows: String = (1..=3)
        .map(|i| {
            format!(
                "<tr><td><a href=\"/weblex-quest-det/?moncode=17000{i}&base=1\">Question écrite concernant le sujet {i}</a></td></tr>"
            )
        })
        .collect();
    let e = refused(
        "search.html",
        &format!("<html><body><h1>Recherche</h1><table>{rows}</table></body></html>"),
    );
    assert_eq!(
        e.to_string(),
        "search.html:1: expected a single written question page, found a list of questions (search results: 3 questions)"
    );
}
