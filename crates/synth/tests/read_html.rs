//! Generated pages (the corpus' fragment and the whole page a browser saves) must be read by Vigie's
//! HTML reader into the same question as the text rendering of the same synthetic question: same
//! identity, dates, acts, and passages holding the same words.

use vigie_core::{Document, Question, read_document};
use vigie_synth::html::{Shape, page_file_name, render};
use vigie_synth::{moncode, question};

const SEED: u64 = 20_240_611;

fn read(name: &str, text: &str) -> Result<Question, String> {
    match read_document(name, text.as_bytes()) {
        Ok(Document::Question(q)) => Ok(q),
        Ok(Document::Plan(_)) => Err(format!("{name}: read as a plan")),
        Err(e) => Err(e.to_string()),
    }
}

/// The words of a passage (heading and text), without bullets and other marks that are not words:
/// the page's `<ul>` items read as `• ` whatever the text's bullet (`- `, `· `, `● `).
fn words(p: &vigie_core::Passage) -> Vec<String> {
    p.heading
        .iter()
        .map(String::as_str)
        .chain([p.text.as_str()])
        .flat_map(str::split_whitespace)
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(str::to_string)
        .collect()
}

#[test]
fn generated_pages_are_read_as_their_text() {
    let mut failures = Vec::new();
    let mut sizes = (usize::MAX, 0usize, usize::MAX, 0usize);
    let mut passages_compared = 0;
    for i in 0..300 {
        let q = question(SEED, i);
        let text = match read(&format!("q{i}.txt"), &q.text) {
            Ok(t) => t,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        for shape in [Shape::Fragment, Shape::WholePage] {
            let page = render(&q, shape);
            if shape == Shape::Fragment {
                sizes.0 = sizes.0.min(page.len());
                sizes.1 = sizes.1.max(page.len());
            } else {
                sizes.2 = sizes.2.min(page.len());
                sizes.3 = sizes.3.max(page.len());
            }
            let name = format!("{:?}/{}", shape, page_file_name(&q));
            let html = match read(&name, &page) {
                Ok(h) => h,
                Err(e) => {
                    failures.push(e);
                    continue;
                }
            };
            let mut check = |what: &str, ok: bool, detail: String| {
                if !ok {
                    failures.push(format!("{name} (question {i}): {what}: {detail}"));
                }
            };
            check(
                "identity",
                (&html.legislature, &html.session, html.number)
                    == (&text.legislature, &text.session, text.number),
                format!(
                    "{:?} vs {:?}",
                    (&html.legislature, &html.session, html.number),
                    (&text.legislature, &text.session, text.number)
                ),
            );
            check(
                "addressee",
                html.addressee.name == text.addressee.name
                    && html.addressee.portfolio == text.addressee.portfolio,
                format!("{:?} vs {:?}", html.addressee, text.addressee),
            );
            check(
                "author",
                html.author == text.author,
                format!("{:?} vs {:?}", html.author, text.author),
            );
            // The text reader splits a title that runs on; the page's title never does.
            let subject_ok = if q.subject_runs_on {
                html.subject == q.subject
            } else {
                html.subject == text.subject
            };
            check(
                "subject",
                subject_ok,
                format!("{:?} vs {:?}", html.subject, text.subject),
            );
            check(
                "dates",
                (html.received, html.published, html.answered)
                    == (text.received, text.published, text.answered),
                format!(
                    "{:?} vs {:?}",
                    (html.received, html.published, html.answered),
                    (text.received, text.published, text.answered)
                ),
            );
            let acts = |d: &Question| -> Vec<_> {
                d.acts.iter().map(|a| (a.date, a.label.clone())).collect()
            };
            check(
                "acts",
                acts(&html) == acts(&text),
                format!("{:?} vs {:?}", acts(&html), acts(&text)),
            );
            check(
                "source",
                html.source.as_ref().and_then(|s| s.moncode.clone())
                    == Some(moncode(i).to_string()),
                format!("{:?}", html.source),
            );
            let passages = |d: &Question| -> Vec<_> {
                d.passages.iter().map(|p| (p.kind, words(p))).collect()
            };
            let (h, t) = (passages(&html), passages(&text));
            passages_compared += t.len();
            if h != t {
                let at = h.iter().zip(&t).position(|(a, b)| a != b);
                check(
                    "passages",
                    false,
                    format!(
                        "{} vs {} passages; first difference at {at:?}: {:?} vs {:?}",
                        h.len(),
                        t.len(),
                        at.map(|k| &h[k]),
                        at.map(|k| &t[k])
                    ),
                );
            }
            check(
                "warnings",
                html.warnings.is_empty(),
                format!("{:?}", html.warnings),
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        passages_compared > 300 * 2 * 3,
        "{passages_compared} passages"
    );
    // Fragments weigh what the corpus' do; whole pages what the site's do (60–83 kB).
    assert!(sizes.0 > 4_000 && sizes.1 < 40_000, "fragments {sizes:?}");
    assert!(
        sizes.2 > 58_000 && sizes.3 < 85_000,
        "whole pages {sizes:?}"
    );
}

#[test]
fn pages_are_deterministic_and_mirror_the_site() {
    for i in [0, 7, 123] {
        let q = question(SEED, i);
        for shape in [Shape::Fragment, Shape::WholePage] {
            assert_eq!(render(&q, shape), render(&question(SEED, i), shape));
        }
        assert_ne!(
            render(&q, Shape::Fragment),
            render(&question(SEED + 1, i), Shape::Fragment)
        );
    }
    let pages: Vec<String> = (0..200)
        .map(|i| render(&question(SEED, i), Shape::Fragment))
        .collect();
    for p in &pages {
        assert!(p.starts_with("<img ") && p.contains("id=\"logoPrint\"/>"));
        assert!(p.ends_with("</section>"));
        assert!(p.contains("<!-- FR -->") && p.contains("Question &eacute;crite concernant"));
    }
    for needle in [
        "&#146;",
        "&rsquo;",
        "&nbsp;",
        "&laquo;",
        "<ul>",
        "<table border=\"1\">",
        "<SPAN STYLE= \"\" >",
        "<table width=\"0\">",
        "Bureau &eacute;largi du Parlement",
        "Annexe &agrave; la r&eacute;ponse",
    ] {
        assert!(
            pages.iter().any(|p| p.contains(needle)),
            "no page contains {needle:?}"
        );
    }
    let whole = render(&question(SEED, 5), Shape::WholePage);
    assert!(whole.starts_with("<!DOCTYPE html>"));
    for needle in [
        "<script",
        "cookie-law-info-bar",
        "<footer",
        "<nav",
        "hreflang=\"fr\"",
    ] {
        assert!(whole.contains(needle), "whole page lacks {needle}");
    }
}
