//! `vigie match`, `vigie explain`, `vigie export links|statuses` and `vigie eval`, driven through
//! the real binary as a user runs them, checked against the store and matcher libraries.

use serde_json::Value;
use vigie_matcher::eval::{evaluate, parse_gold};
use vigie_matcher::question_key;
use vigie_store::Store;
use vigie_store::export_records::{LINK_CSV_HEADER, STATUS_CSV_HEADER, write_links_csv};

mod common;
use common::{Env, repo};

/// The positive fixture questions (the negatives come with `tests/data/questions/1*`).
fn fixtures(prefix: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(repo().join("tests/data/questions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        .map(|n| format!("tests/data/questions/{n}"))
        .collect();
    v.sort();
    v
}

/// This suite's steps, on the shared environment.
impl Env {
    /// Runs and expects success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.vigie(args);
        assert!(
            out.status.success(),
            "vigie {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Seeds and every fixture question (positives and negatives).
    fn import_all(&self) -> String {
        let mut args = vec!["import".to_string(), "seeds/".to_string()];
        args.extend(fixtures("1"));
        args.extend(fixtures("2"));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.ok(&args)
    }

    async fn store(&self) -> Store {
        Store::open(self.db()).await.unwrap()
    }
}

fn line<'a>(stdout: &'a str, start: &str) -> &'a str {
    stdout
        .lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no {start:?} line in:\n{stdout}"))
}

#[tokio::test]
async fn import_matches_and_a_second_match_changes_nothing() {
    let env = Env::new();
    let out = env.import_all();
    let store = env.store().await;
    let links = store.export_links().await.unwrap();
    assert!(!links.is_empty());
    assert_eq!(
        line(&out, "links:"),
        format!(
            "links:    {} new, 0 updated, 0 unchanged, 0 removed; 0 reviewed or manual link(s) kept as they are",
            links.len()
        )
    );
    let actions = store.export_statuses().await.unwrap().len();
    assert_eq!(
        line(&out, "statuses:"),
        format!("statuses: {actions} changed, 0 unchanged")
    );

    let again = env.ok(&["match"]);
    assert_eq!(
        line(&again, "links:"),
        format!(
            "links:    0 new, 0 updated, {} unchanged, 0 removed; 0 reviewed or manual link(s) kept as they are",
            links.len()
        )
    );
    assert_eq!(
        line(&again, "statuses:"),
        format!("statuses: 0 changed, {actions} unchanged")
    );
    let json: Value = serde_json::from_str(&env.ok(&["match", "--json"])).unwrap();
    assert_eq!(json["links_new"], 0);
    assert_eq!(json["links_unchanged"], links.len());
}

#[tokio::test]
async fn no_match_imports_without_links_until_vigie_match() {
    let env = Env::new();
    let out = env.ok(&["import", "--no-match", "seeds/"]);
    assert!(!out.contains("links:"), "{out}");
    let store = env.store().await;
    assert!(store.export_links().await.unwrap().is_empty());
    let out = env.ok(&["match"]);
    assert!(line(&out, "matched 4 question(s) against 1 plan(s)").contains("13 actions"));
    assert!(!store.export_links().await.unwrap().is_empty());
}

#[test]
fn explain_says_why_a_seed_is_not_linked() {
    let env = Env::new();
    env.ok(&["import", "seeds/"]);
    let out = env.ok(&["explain", "3.1", "19/24:252:Clerfayt"]);
    assert!(
        out.starts_with("Action 3.1 (axis 3): Organiser la diffusion"),
        "{out}"
    );
    assert!(line(&out, "Question: ").contains("question n°252 (Clerfayt, legislature 19/24)"));
    assert!(
        line(&out, "Verdict: ").starts_with("Verdict: NOT LINKED"),
        "{out}"
    );
    assert!(out.contains("Minister: Bernard Clerfayt"), "{out}");
    assert!(
        out.ends_with("In the database: no link between this question and this action.\n"),
        "{out}"
    );
    // Case and accents of the surname do not matter.
    assert_eq!(env.ok(&["explain", "3.1", "19/24:252:clerfayt"]), out);
}

#[tokio::test]
async fn explain_a_linked_question_by_key_or_id_with_its_review_state() {
    let env = Env::new();
    env.import_all();
    let out = env.ok(&["explain", "4.1", "19/24:38:Clerfayt"]);
    assert!(
        line(&out, "Verdict: ").starts_with("Verdict: LINKED"),
        "{out}"
    );
    let stored = line(&out, "In the database: ");
    assert!(
        stored.starts_with("In the database: proposed by the matcher (vigie-matcher/"),
        "{stored}"
    );
    assert!(stored.ends_with("not reviewed yet."), "{stored}");

    // The same question by its database id; a person's decision shows.
    let store = env.store().await;
    let input = store.load_match_input().await.unwrap();
    let qi = input.questions_by_key("19/24", 38, "Clerfayt")[0];
    let id = input.question_ids[qi];
    let action = input.plans[0].action_ids["4.1"];
    let db = store.conn();
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    let mut l = store
        .link_between(id, action)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    l.state = Set("rejected".into());
    l.reviewed_by = Set(Some("alice".into()));
    l.note = Set(Some("about public services, not this action".into()));
    l.update(db).await.unwrap();
    let by_id = env.ok(&["explain", "4.1", &id.to_string()]);
    let stored = line(&by_id, "In the database: ");
    assert!(stored.contains("rejected by alice"), "{stored}");
    assert!(
        stored.contains("Note: « about public services, not this action »"),
        "{stored}"
    );
    // The explanation itself is the matcher's, unchanged by the review.
    assert_eq!(
        by_id.split("In the database: ").next(),
        out.split("In the database: ").next()
    );
}

#[test]
fn explain_refuses_what_it_cannot_find() {
    let env = Env::new();
    env.ok(&["import", "seeds/"]);
    for (args, expected) in [
        (
            ["explain", "9.9", "19/24:252:Clerfayt"],
            "no plan has an action \"9.9\"",
        ),
        (
            ["explain", "3.1", "19/24:999:Clerfayt"],
            "no question 19/24 n°999 to Clerfayt in the database",
        ),
        (
            ["explain", "3.1", "252-Clerfayt"],
            "expected LEGISLATURE:NUMBER:SURNAME",
        ),
        (
            ["explain", "3.1", "99999"],
            "no question with id or number 99999",
        ),
    ] {
        let out = env.vigie(&args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(expected), "{args:?}: {err}");
    }
}

/// The text of the seed file whose name starts with `prefix` (`001`).
fn seed_text(prefix: &str) -> String {
    let seed = std::fs::read_dir(repo().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"));
    std::fs::read_to_string(seed).unwrap()
}

/// The number printed on the question works too when it names one question; when several
/// questions share it (numbers restart for every minister), the refusal names each of them.
#[test]
fn explain_takes_the_question_number_as_printed() {
    let env = Env::new();
    env.ok(&["import", "seeds/"]);
    let by_key = env.ok(&["explain", "5.1", "19/24:1176:Clerfayt"]);
    assert!(by_key.contains("1176"), "{by_key}");
    assert_eq!(env.ok(&["explain", "5.1", "1176"]), by_key);

    // The same number, asked of another minister.
    let other = seed_text("001").replace(
        "Bernard Clerfayt, Ministre",
        "Rudi Vervoort, Ministre-Président",
    );
    let path = env.dir.path().join("other.txt");
    std::fs::write(&path, other).unwrap();
    env.ok(&["import", path.to_str().unwrap()]);
    let out = env.vigie(&["explain", "5.1", "1176"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("2 questions have the number 1176")
            && err.contains("19/24:1176:Clerfayt")
            && err.contains("19/24:1176:Vervoort"),
        "{err}"
    );
}

/// A number that is one question's database id and another's printed number is not guessed:
/// `vigie explain 4.1 1` answered about database question 1 when the user meant n°1.
#[test]
fn explain_refuses_a_number_that_is_also_another_questions_id() {
    let env = Env::new();
    env.ok(&["import", "seeds/"]);
    // Seed 004 renumbered 1 and addressed to a minister with a surname of several words.
    let text = seed_text("004");
    let renumbered = text.replace("(question n°38)", "(question n°1)").replace(
        "Bernard Clerfayt, Ministre",
        "Elke Van den Brandt, Ministre",
    );
    assert_ne!(renumbered, text);
    let path = env.dir.path().join("renumbered.txt");
    std::fs::write(&path, renumbered).unwrap();
    env.ok(&["import", path.to_str().unwrap()]);
    let out = env.vigie(&["explain", "4.1", "1"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("1 is the database id of question 19/24:")
            && err.contains("the number of 19/24:1:Van den Brandt"),
        "{err}"
    );
    // The key it suggests works.
    let out = env.ok(&["explain", "4.1", "19/24:1:Van den Brandt"]);
    assert!(out.contains("question n°1 (Van den Brandt"), "{out}");
}

#[tokio::test]
async fn export_links_csv_is_the_download_byte_for_byte() {
    let env = Env::new();
    env.import_all();
    let out = env.vigie(&["export", "links", "--format", "csv"]);
    assert!(out.status.success());
    let store = env.store().await;
    let records = store.export_links().await.unwrap();
    assert_eq!(out.stdout, write_links_csv(Vec::new(), &records).unwrap());

    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.split("\r\n");
    assert_eq!(lines.next().unwrap(), LINK_CSV_HEADER.join(","));
    let rows: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), records.len());
    let open_data = rows
        .iter()
        .find(|r| r.starts_with("19/24,512,") && r.contains(",3.1,"))
        .expect("the open-data question is linked to 3.1");
    assert!(
        open_data.contains(",proposed,matcher,vigie-matcher/"),
        "{open_data}"
    );
    assert!(
        open_data.contains("\"\"shared_terms\"\""),
        "reasons as JSON: {open_data}"
    );

    // JSON: the same records, with the question cited by legislature, number and addressee.
    let json: Value = serde_json::from_str(&env.ok(&["export", "links"])).unwrap();
    let arr = json.as_array().unwrap();
    assert_eq!(arr.len(), records.len());
    let l = arr
        .iter()
        .find(|l| l["question"]["number"] == 512 && l["action"] == "3.1")
        .unwrap();
    assert_eq!(l["question"]["legislature"], "19/24");
    assert_eq!(l["question"]["addressee"], "Hélène Verbruggen");
    assert_eq!(l["state"], "proposed");
    let passages = l["passages"].as_array().unwrap();
    assert!(!passages.is_empty());
    assert!(passages[0]["reasons"]["summary"].is_string());
}

#[tokio::test]
async fn export_statuses_quotes_the_evidence() {
    let env = Env::new();
    env.import_all();
    let csv = env.ok(&["export", "statuses", "--format", "csv"]);
    assert_eq!(
        csv.split("\r\n").next().unwrap(),
        STATUS_CSV_HEADER.join(",")
    );
    let json: Value = serde_json::from_str(&env.ok(&["export", "statuses"])).unwrap();
    let arr = json.as_array().unwrap();
    let store = env.store().await;
    assert_eq!(arr.len(), store.export_statuses().await.unwrap().len());
    let mut with_evidence = 0;
    for s in arr {
        if s["status"] == "no_follow_up" {
            assert!(s["sentence"].is_null(), "{s}");
            continue;
        }
        assert_eq!(s["decided_by"], "engine");
        assert!(s["sentence"].as_str().is_some_and(|t| !t.is_empty()), "{s}");
        assert!(s["question"]["number"].is_number(), "{s}");
        assert!(s["evidence_date"].is_string(), "{s}");
        with_evidence += 1;
    }
    assert!(with_evidence > 0);
}

#[tokio::test]
async fn eval_prints_the_figures_of_the_matcher_on_the_database() {
    let env = Env::new();
    env.import_all();
    let out = env.ok(&["eval", "--gold", "tests/data/gold-seeds.tsv"]);
    // The same report as the library computes over the database's questions.
    let store = env.store().await;
    let input = store.load_match_input().await.unwrap();
    let gold =
        parse_gold(&std::fs::read_to_string(repo().join("tests/data/gold-seeds.tsv")).unwrap())
            .unwrap();
    let keys: Vec<_> = input.questions.iter().map(question_key).collect();
    let report = evaluate(&gold, &input.predicted_pairs(), &keys);
    assert!(out.contains(&report.to_string()), "{out}");
    let figures = line(&out, "precision ");
    assert!(
        figures.contains(" recall ") && figures.contains(" F1 "),
        "{figures}"
    );
    assert!(!out.contains("BM25"));

    let both = env.ok(&["eval", "--gold", "tests/data/gold-seeds.tsv", "--baseline"]);
    assert!(both.starts_with(&out), "the matcher's report comes first");
    // The side-by-side table closes the output.
    let vigie = both
        .lines()
        .rev()
        .find(|l| l.starts_with("Vigie ("))
        .unwrap();
    assert!(
        vigie.contains(&format!(
            "{:.3} ({}/{})",
            report.precision, report.correct, report.predicted
        )),
        "{vigie}"
    );
    let last = both.lines().last().unwrap();
    assert!(last.starts_with("BM25 baseline (threshold"), "{last}");
    assert!(last.contains('/'), "{last}");
}

#[test]
fn eval_names_the_bad_line_of_a_gold_file() {
    let env = Env::new();
    env.ok(&["import", "--no-match", "seeds/"]);
    let bad = env.dir.path().join("gold.tsv");
    std::fs::write(
        &bad,
        "set\tlegislature\tnumber\taddressee\taction\tgrade\tnote\n\
         # a comment\n\
         seeds\t19/24\t38\tClerfayt\t4.1\t3\tgrade out of range\n",
    )
    .unwrap();
    let out = env.vigie(&["eval", "--gold", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!(
            "{}:3: expected a grade 1 (may be linked) or 2 (must be linked) in column 6, found \"3\"",
            bad.display()
        )),
        "{err}"
    );
    assert!(out.stdout.is_empty());

    let out = env.vigie(&["eval", "--gold", "no/such/gold.tsv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/gold.tsv: cannot read"));
}

#[test]
fn commands_refuse_a_missing_database() {
    let env = Env::sqlite();
    for args in [
        vec!["match"],
        vec!["explain", "3.1", "19/24:252:Clerfayt"],
        vec!["eval", "--gold", "tests/data/gold-seeds.tsv"],
    ] {
        let out = env.vigie(&args);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("no database at"),
            "{args:?}"
        );
    }
    assert!(
        !std::path::Path::new(env.db()).exists(),
        "no empty database was created"
    );
}
