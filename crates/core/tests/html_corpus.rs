//! The 2024-2029 corpus (`shared/corpus/brussels-qe-24-29`, 48 pages): every HTML page is read,
//! every field matches `manifest.tsv`, the page and its text rendering (`txt/<moncode>.txt`, read by
//! the text reader) give the same passages, and warnings appear exactly where SOURCES.md says the
//! pages are odd.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use vigie_core::{Document, PassageKind, Question, read_document};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/brussels-qe-24-29"
);

fn corpus() -> PathBuf {
    let dir = PathBuf::from(CORPUS);
    assert!(
        dir.join("manifest.tsv").is_file(),
        "the corpus is missing: expected {} (shared/corpus/brussels-qe-24-29 beside the repository)",
        dir.display()
    );
    dir
}

fn manifest() -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(corpus().join("manifest.tsv")).unwrap();
    let mut lines = text.lines();
    let head: Vec<&str> = lines.next().unwrap().split('\t').collect();
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            head.iter()
                .zip(l.split('\t'))
                .map(|(k, v)| ((*k).to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn read_question(path: &std::path::Path) -> Question {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = format!(
        "{}/{}",
        path.parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy(),
        path.file_name().unwrap().to_string_lossy()
    );
    match read_document(&name, &bytes) {
        Ok(Document::Question(q)) => q,
        Ok(other) => panic!("{name}: not a question: {other:?}"),
        Err(e) => panic!("{e}"),
    }
}

fn html(moncode: &str) -> Question {
    read_question(&corpus().join("html").join(format!("{moncode}.html")))
}

fn txt(moncode: &str) -> Question {
    read_question(&corpus().join("txt").join(format!("{moncode}.txt")))
}

fn date(cell: &str) -> Option<NaiveDate> {
    match cell {
        "" | "//" => None,
        // 170113: the manifest copies the page's "1/09/2026".
        d => Some(NaiveDate::parse_from_str(d, "%d/%m/%Y").unwrap_or_else(|e| panic!("{d}: {e}"))),
    }
}

#[test]
fn every_page_reads_with_every_manifest_field() {
    let rows = manifest();
    assert_eq!(rows.len(), 48);
    for row in &rows {
        let m = &row["moncode"];
        let q = html(m);
        let ctx = format!("page {m}");
        assert_eq!(q.number.to_string(), row["number"], "{ctx}");
        assert_eq!(q.legislature, row["legislature"], "{ctx}");
        assert_eq!(q.session, row["session"], "{ctx}");
        assert_eq!(q.author, row["author"], "{ctx}");
        assert_eq!(
            q.addressee.name.as_deref(),
            Some(row["addressee"].as_str()),
            "{ctx}"
        );
        assert_eq!(q.received, date(&row["date_received"]), "{ctx}");
        assert_eq!(q.published, date(&row["date_published"]), "{ctx}");
        assert_eq!(q.answered, date(&row["date_answered"]), "{ctx}");
        assert_eq!(q.has_answer(), row["has_answer"] == "yes", "{ctx}");
        assert_eq!(
            format!("Question écrite concernant {}", q.subject),
            row["title"],
            "{ctx}"
        );
        let source = q.source.as_ref().expect("the file name gives the moncode");
        assert_eq!(source.moncode.as_deref(), Some(m.as_str()));
        assert_eq!(
            source.url.as_deref(),
            Some(
                format!("https://www.parlement.brussels/weblex-quest-det/?moncode={m}&base=1")
                    .as_str()
            )
        );
        assert!(!q.acts.is_empty(), "{ctx}: acts");
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn words_of(q: &Question, kind: PassageKind) -> Vec<String> {
    q.passages
        .iter()
        .filter(|p| p.kind == kind)
        .flat_map(|p| {
            let mut w = p.heading.as_deref().map(words).unwrap_or_default();
            w.extend(words(&p.text));
            w
        })
        .collect()
}

#[test]
fn html_and_text_renderings_give_the_same_passages() {
    let mut cut_differs = Vec::new();
    for row in manifest() {
        let m = &row["moncode"];
        let (h, t) = (html(m), txt(m));
        for kind in [
            PassageKind::QuestionIntro,
            PassageKind::SubQuestion,
            PassageKind::Answer,
        ] {
            let (hw, tw) = (words_of(&h, kind), words_of(&t, kind));
            if hw != tw {
                let i = hw
                    .iter()
                    .zip(&tw)
                    .position(|(a, b)| a != b)
                    .unwrap_or(hw.len().min(tw.len()));
                panic!(
                    "page {m}, {kind:?}: words differ at {i}: html {:?} / txt {:?}",
                    &hw[i.saturating_sub(3)..(i + 5).min(hw.len())],
                    &tw[i.saturating_sub(3)..(i + 5).min(tw.len())]
                );
            }
        }
        let cut = |q: &Question| {
            q.passages
                .iter()
                .map(|p| (p.kind, p.heading.clone(), p.text.clone()))
                .collect::<Vec<_>>()
        };
        if cut(&h) != cut(&t) {
            cut_differs.push(m.clone());
        }
        assert_eq!(
            (h.subject.clone(), h.number, h.received, h.answered),
            (t.subject.clone(), t.number, t.received, t.answered),
            "page {m}"
        );
    }
    assert_eq!(
        cut_differs,
        Vec::<String>::new(),
        "pages whose passages are cut differently"
    );
}

#[test]
fn warnings_appear_exactly_on_the_odd_pages() {
    let mut warned = BTreeMap::new();
    for row in manifest() {
        let m = &row["moncode"];
        let q = html(m);
        let markup_only = q
            .warnings
            .iter()
            .all(|w| w.message.starts_with("malformed tags"));
        assert_eq!(
            markup_only,
            txt(m).warnings.is_empty(),
            "page {m}: both renderings warn about the page's text, or neither"
        );
        if !q.warnings.is_empty() {
            warned.insert(
                m.clone(),
                q.warnings
                    .iter()
                    .map(|w| format!("{}: {}", w.location, w.message))
                    .collect::<Vec<_>>(),
            );
        }
    }
    // SOURCES.md: 170113 has the answer date "1/09/2026" and the act dated "0/07/2026"; 170153 ends
    // its answer with `</SPAN</td>`; 170249 has no question text and an answer date without an
    // answer. No other page warns ("//" dates are not a quirk: see read/dates.rs).
    // The text renderings carry the same date and text quirks: the text reader gives the same
    // messages (at `line N`); only the markup warning is the HTML reader's own.
    for (m, messages) in &warned {
        let html_messages: Vec<&str> = messages
            .iter()
            .map(|w| w.split_once("): ").map_or(w.as_str(), |(_, msg)| msg))
            .filter(|msg| !msg.starts_with("malformed tags"))
            .collect();
        let txt_messages: Vec<String> = txt(m).warnings.into_iter().map(|w| w.message).collect();
        assert_eq!(html_messages, txt_messages, "page {m}");
    }
    insta::assert_yaml_snapshot!(warned, @r#"
    "170113":
      - "date of answer (line 52): date \"1/09/2026\" has a one-digit day or month: read as 01/09/2026"
      - "acts table, row 1 (line 77): impossible date \"0/07/2026\": the date is left empty"
    "170153":
      - "question section (line 3): malformed tags (such as `</SPAN</td>`; the parser says: Attributes on an end tag; Saw t in state SelfClosingStartTag), recovered as a browser does: check the text around them"
    "170249":
      - "question text (line 106): no published question text"
      - "date of answer (line 52): an answer date but no published answer: the question is read as not answered"
    "#);
}

/// Prints both readings of one page, for looking at a difference:
/// `PAGE=169909 cargo test -p vigie-core --test html_corpus dump -- --ignored --nocapture`.
#[test]
#[ignore = "a tool, not a check"]
fn dump() {
    let m = std::env::var("PAGE").unwrap();
    for (n, q) in [("html", html(&m)), ("txt", txt(&m))] {
        println!("===== {n}");
        for p in &q.passages {
            println!("--- {:?} {:?}\n{}", p.kind, p.heading, p.text);
        }
    }
}
