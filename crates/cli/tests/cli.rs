//! `vigie import` and `vigie export`, driven through the real binary as a user runs them.

use std::path::{Path, PathBuf};

use serde_json::Value;
use vigie_store::Store;

mod common;
use common::{Env, repo};

fn seeds() -> PathBuf {
    repo().join("seeds")
}

fn seed_path(prefix: &str) -> PathBuf {
    std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("a seed starts with {prefix}"))
}

/// This suite's steps, on the shared environment.
impl Env {
    fn import(&self, paths: &[&Path]) -> (i32, String, String) {
        let mut args = vec!["import"];
        let strs: Vec<String> = paths
            .iter()
            .map(|p| p.to_str().unwrap().to_string())
            .collect();
        args.extend(strs.iter().map(String::as_str));
        let out = self.vigie(&args);
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    fn export(&self, what: &str) -> Value {
        let out = self.vigie(&["export", what, "--format", "json"]);
        assert!(
            out.status.success(),
            "export {what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    async fn dump(&self) -> String {
        Store::open(self.db()).await.unwrap().dump().await.unwrap()
    }
}

fn summary_line<'a>(stdout: &'a str, start: &str) -> &'a str {
    stdout
        .lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no {start:?} line in:\n{stdout}"))
}

#[test]
fn importing_the_seeds_reports_what_was_understood() {
    let env = Env::new();
    let out = env.vigie(&["import", "seeds/"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert_eq!(
        summary_line(&stdout, "plans:"),
        "plans:     1 imported, 0 updated, 0 unchanged"
    );
    assert_eq!(
        summary_line(&stdout, "  Assurer"),
        "  Assurer la transition numérique de l’économie bruxelloise (imported): 5 axes, 13 actions, 9 partners"
    );
    assert_eq!(
        summary_line(&stdout, "questions:"),
        "questions: 4 imported, 0 updated, 0 unchanged"
    );
    assert_eq!(summary_line(&stdout, "rejected:"), "rejected:  0 files");
    // stderr is a pipe here: no progress bar, no noise.
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}

#[test]
fn exported_question_carries_every_field() {
    let env = Env::new();
    assert_eq!(env.import(&[&seeds()]).0, 0);
    let questions = env.export("questions");
    let questions = questions.as_array().unwrap();
    assert_eq!(questions.len(), 4);
    let q = questions.iter().find(|q| q["number"] == 252).unwrap();

    let mut keys: Vec<&str> = q.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "acts",
            "addressee",
            "answered",
            "author",
            "id",
            "legislature",
            "number",
            "passages",
            "published",
            "received",
            "session",
            "source",
            "subject"
        ]
    );
    assert_eq!(q["legislature"], "19/24");
    assert_eq!(q["session"], "19/20");
    assert_eq!(
        q["subject"],
        "l’examen d’une éventuelle task force numérique face à la crise du coronavirus"
    );
    assert_eq!(q["author"], "Bianca Debaets");
    assert_eq!(q["addressee"]["name"], "Bernard Clerfayt");
    assert_eq!(
        q["addressee"]["portfolio"],
        "Ministre du Gouvernement de la Région de Bruxelles-Capitale chargé de l'Emploi et de la Formation \
         professionnelle, de la Transition numérique, des Pouvoirs locaux et du Bien-Être animal"
    );
    assert_eq!(q["received"], "2020-04-23");
    assert_eq!(q["published"], "2020-06-11");
    assert_eq!(q["answered"], "2020-06-11");
    assert_eq!(
        q["acts"],
        serde_json::json!([{"date": "2020-04-29", "label": "Recevable", "reference": "p.m."}])
    );

    let passages = q["passages"].as_array().unwrap();
    let kinds: Vec<&str> = passages
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "question_intro",
            "sub_question",
            "sub_question",
            "sub_question",
            "answer",
            "answer",
            "answer"
        ]
    );
    let positions: Vec<i64> = passages
        .iter()
        .map(|p| p["position"].as_i64().unwrap())
        .collect();
    assert_eq!(positions, [1, 2, 3, 4, 5, 6, 7]);
    assert!(
        passages[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Face à la crise du coronavirus, une task force")
    );
    assert_eq!(passages[0]["heading"], Value::Null);
    assert_eq!(
        passages[3]["text"],
        "Vu son expertise, avez-vous décidé de chercher à collaborer avec le fédéral à cet égard\u{a0}?"
    );
    assert_eq!(
        passages[4]["heading"],
        "Concernant les possibilités de mettre en place une task force numérique à Bruxelles"
    );
    assert!(
        passages[5]["text"]
            .as_str()
            .unwrap()
            .contains("Pour l’instant nous analysons ces informations")
    );
    assert_eq!(
        passages[6]["heading"],
        "Concernant la coopération avec le gouvernement fédéral."
    );
    assert!(passages.iter().all(|p| p["id"].as_i64().is_some()));

    let file = seed_path("000");
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(
        q["source"]["file"],
        format!("{}", seeds().join(file.file_name().unwrap()).display())
    );
    assert_eq!(
        q["source"]["sha256"],
        vigie_store::import::sha256_hex(&bytes)
    );

    // The question without a final newline (seed 004) and the others are all dated.
    for q in questions {
        for field in ["received", "published", "answered"] {
            let date = q[field]
                .as_str()
                .unwrap_or_else(|| panic!("{field} of {}", q["number"]));
            assert!(
                chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
                "{date}"
            );
        }
    }
}

#[test]
fn exported_plan_holds_axes_actions_and_partners() {
    let env = Env::new();
    assert_eq!(env.import(&[&seed_path("002")]).0, 0);
    let plans = env.export("plans");
    let plans = plans.as_array().unwrap();
    assert_eq!(plans.len(), 1);
    let p = &plans[0];
    assert_eq!(
        p["title"],
        "Assurer la transition numérique de l’économie bruxelloise"
    );
    assert_eq!(p["kind"], "Priorité concertée");
    assert_eq!(p["intro"].as_array().unwrap().len(), 3);
    assert_eq!(p["lead_ministers"].as_array().unwrap().len(), 2);
    assert_eq!(p["associated_ministers"].as_array().unwrap().len(), 1);
    let partners: Vec<&str> = p["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        partners,
        [
            "CIRB",
            "Easy Brussels",
            "ITCO",
            "Brupartners",
            "BRUXEO",
            "Hub.Brussels",
            "Actiris",
            "Bruxelles Formation",
            "Innoviris"
        ]
    );
    assert_eq!(p["partners"][4]["qualifier"], "pour le volet e-santé");
    // "Brupartner" in the steering committee is Brupartners through the default alias.
    assert_eq!(p["steering_committee"][3]["name"], "Brupartners");
    let codes: Vec<&str> = p["axes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| {
            a["actions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["code"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        codes,
        [
            "1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2", "5.1",
            "5.2"
        ]
    );
    assert_eq!(
        p["axes"][0]["actions"][4]["label"],
        "Pôle de compétitivité commun"
    );
    assert_eq!(p["axes"][0]["pilots"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn the_same_file_twice_is_unchanged() {
    let env = Env::new();
    let file = seed_path("000");
    let (code, stdout, _) = env.import(&[&file]);
    assert_eq!(code, 0);
    assert_eq!(
        summary_line(&stdout, "questions:"),
        "questions: 1 imported, 0 updated, 0 unchanged"
    );
    let before = env.dump().await;
    let (code, stdout, _) = env.import(&[&file]);
    assert_eq!(code, 0);
    assert_eq!(
        summary_line(&stdout, "questions:"),
        "questions: 0 imported, 0 updated, 1 unchanged"
    );
    assert_eq!(env.dump().await, before);
    assert_eq!(env.export("questions").as_array().unwrap().len(), 1);
}

#[test]
fn a_changed_question_is_updated_not_duplicated() {
    let env = Env::new();
    let file = seed_path("001");
    assert_eq!(env.import(&[&file]).0, 0);
    let before = env.export("questions");
    let text = std::fs::read_to_string(&file).unwrap();
    let changed = format!("{text}\n\nUne phrase ajoutée à la réponse.");
    let copy = env.path("changed/001.txt");
    std::fs::write(&copy, changed).unwrap();
    let (code, stdout, _) = env.import(&[&copy]);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(
        summary_line(&stdout, "questions:"),
        "questions: 0 imported, 1 updated, 0 unchanged"
    );
    let after = env.export("questions");
    let (before, after) = (&before.as_array().unwrap()[0], after.as_array().unwrap());
    assert_eq!(after.len(), 1, "no duplicate");
    let after = &after[0];
    assert_eq!(after["id"], before["id"], "same question row");
    assert_eq!(after["source"]["file"], copy.to_str().unwrap());
    let last = |q: &Value| {
        q["passages"].as_array().unwrap().last().unwrap()["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(
        last(after).ends_with("Une phrase ajoutée à la réponse."),
        "{}",
        last(after)
    );
    let ids = |q: &Value| {
        q["passages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(after), ids(before), "passages keep their ids");
}

/// Windows-1252 bytes for the characters the fixtures use.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '’' => 0x92,
            '‘' => 0x91,
            '“' => 0x93,
            '”' => 0x94,
            '–' => 0x96,
            '…' => 0x85,
            '€' => 0x80,
            'œ' => 0x9c,
            c if (c as u32) < 0x100 => c as u32 as u8,
            c => panic!("{c:?} has no Windows-1252 byte in this test"),
        })
        .collect()
}

#[tokio::test]
async fn a_folder_mixing_good_and_bad_files() {
    let env = Env::new();
    let seed_000 = std::fs::read_to_string(seed_path("000")).unwrap();
    let cut = &seed_000[..seed_000.find("Législature").unwrap()];
    std::fs::copy(seed_path("000"), env.path("in/a_good.txt")).unwrap();
    std::fs::copy(seed_path("002"), env.path("in/b_plan.txt")).unwrap();
    std::fs::write(env.path("in/c_empty.txt"), "").unwrap();
    std::fs::write(
        env.path("in/d_binary.pdf"),
        b"%PDF-1.4\n\x00\x01\x02\xff\xfe binary",
    )
    .unwrap();
    std::fs::write(env.path("in/e_cut.txt"), cut).unwrap();
    std::fs::copy(seed_path("003"), env.path("in/sub/f_good.txt")).unwrap();
    std::fs::write(
        env.path("in/sub/g_latin1.txt"),
        windows_1252(&std::fs::read_to_string(seed_path("004")).unwrap()),
    )
    .unwrap();
    // Hidden files and folders are not documents (editor swap files, .git).
    std::fs::write(env.path("in/.hidden.txt"), "not a document").unwrap();
    std::fs::write(env.path("in/.git/config"), "[core]").unwrap();

    let (code, stdout, stderr) = env.import(&[&env.path("in")]);
    assert_eq!(
        code, 1,
        "a rejected file makes the exit code non-zero\n{stdout}"
    );
    assert_eq!(stderr, "");
    assert_eq!(
        summary_line(&stdout, "plans:"),
        "plans:     1 imported, 0 updated, 0 unchanged"
    );
    assert_eq!(
        summary_line(&stdout, "questions:"),
        "questions: 3 imported, 0 updated, 0 unchanged"
    );
    assert_eq!(summary_line(&stdout, "rejected:"), "rejected:  3 files");
    let dir = env.path("in");
    let rejected: Vec<&str> = stdout
        .lines()
        .skip_while(|l| !l.starts_with("rejected:"))
        .skip(1)
        .collect();
    assert_eq!(rejected.len(), 3, "{stdout}");
    assert_eq!(
        rejected[0],
        format!(
            "  {}/c_empty.txt:1: expected a written question page of the Brussels Parliament (HTML) or a written question (\"Question écrite concernant …\") or a plan (with \"Qui s'en charge?\"), found an empty file",
            dir.display()
        )
    );
    assert!(
        rejected[1].starts_with(&format!(
            "  {}/d_binary.pdf:2: expected a text document",
            dir.display()
        )),
        "{}",
        rejected[1]
    );
    assert_eq!(
        rejected[2],
        format!(
            "  {}/e_cut.txt:12: expected \"Législature: NN/NN Session: NN/NN\", found the end of the file",
            dir.display()
        )
    );
    assert!(!stdout.contains("hidden") && !stdout.contains(".git"));

    // The Windows-1252 file is stored as the same text as its UTF-8 original.
    let questions = env.export("questions");
    let latin1 = questions.as_array().unwrap().iter().find(|q| {
        q["source"]["file"]
            .as_str()
            .unwrap()
            .ends_with("g_latin1.txt")
    });
    let latin1 = latin1.unwrap().clone();
    let reference = Env::new();
    reference.import(&[&seed_path("004")]);
    let utf8 = reference.export("questions")[0].clone();
    for field in ["subject", "author", "addressee", "acts"] {
        assert_eq!(latin1[field], utf8[field], "{field}");
    }
    let texts = |q: &Value| {
        q["passages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p["heading"].clone(), p["text"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&latin1), texts(&utf8));
    assert!(!env.dump().await.contains('Ã'), "no mojibake stored");
}

#[tokio::test]
async fn every_refused_file_leaves_the_database_as_it_was() {
    let env = Env::new();
    assert_eq!(env.import(&[&seeds()]).0, 0);
    let before = env.dump().await;
    let seed_001 = std::fs::read_to_string(seed_path("001")).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", Vec::new(), ":1: expected a written question"),
        (
            "binary.bin",
            vec![0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xd8],
            ":1: expected a text document",
        ),
        (
            "cut_in_header.txt",
            seed_001.as_bytes()[..seed_001.find("Date de réception").unwrap() + 9].to_vec(),
            ":11: expected \"Date de réception: dd/mm/yyyy",
        ),
        (
            "unknown_minister_line.txt",
            seed_001
                .replace("(question n°", "(interpellation ")
                .into_bytes(),
            ": expected \"<name>, <role and portfolio> (question n°<number>)\"",
        ),
        (
            "mojibake.txt",
            seed_001.replace('é', "Ã©").into_bytes(),
            ": expected text decoded once (found mojibake",
        ),
    ];
    for (name, bytes, reason) in cases {
        let path = env.path(&format!("bad/{name}"));
        std::fs::write(&path, &bytes).unwrap();
        let (code, stdout, _) = env.import(&[&path]);
        assert_eq!(code, 1, "{name}: {stdout}");
        let line = stdout
            .lines()
            .skip_while(|l| !l.starts_with("rejected:"))
            .nth(1)
            .unwrap();
        assert!(
            line.starts_with(&format!("  {}", path.display())) && line.contains(reason),
            "{name}: {line:?} should name the file and say {reason:?}"
        );
        assert_eq!(env.dump().await, before, "{name} changed the database");
    }
}

#[test]
fn missing_paths_are_rejected_and_good_files_still_imported() {
    let env = Env::new();
    let missing = env.path("nowhere/none.txt");
    let (code, stdout, _) = env.import(&[&missing, &seed_path("003")]);
    assert_eq!(code, 1);
    assert_eq!(
        summary_line(&stdout, "questions:"),
        "questions: 1 imported, 0 updated, 0 unchanged"
    );
    assert!(
        stdout.contains(&format!("  {}: cannot read: ", missing.display())),
        "{stdout}"
    );
}

#[test]
fn csv_is_refused_for_nested_exports() {
    let env = Env::new();
    assert_eq!(env.import(&[&seed_path("003")]).0, 0);
    for what in ["plans", "questions"] {
        let out = env.vigie(&["export", what, "--format", "csv"]);
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains(&format!("`vigie export {what}` has no CSV form")),
            "{stderr}"
        );
        assert!(stderr.contains("--format json"), "{stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn export_does_not_create_a_database() {
    let env = Env::sqlite();
    let out = env.vigie(&["export", "questions"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("no database at")
    );
    assert!(!Path::new(env.db()).exists());
    // On an empty (but existing) database the exports are empty arrays.
    let out = env.vigie(&["import", "--no-match", seed_path("003").to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(env.export("plans"), serde_json::json!([]));
}

#[test]
fn many_files_span_several_batches() {
    let env = Env::new();
    let text = std::fs::read_to_string(seed_path("000")).unwrap();
    // 450 questions (more than two batches), one bad file at a batch boundary, one repeated file.
    for n in 1..=450 {
        let q = text.replace("(question n°252)", &format!("(question n°{n})"));
        std::fs::write(env.path(&format!("many/q{n:04}.txt")), q).unwrap();
    }
    std::fs::write(env.path("many/q0200b.txt"), "Logo Parlement Buxellois\n").unwrap();
    std::fs::copy(env.path("many/q0300.txt"), env.path("many/q0300c.txt")).unwrap();
    let (code, stdout, _) = env.import(&[&env.path("many")]);
    assert_eq!(code, 1, "{stdout}");
    assert_eq!(
        summary_line(&stdout, "questions:"),
        "questions: 450 imported, 0 updated, 1 unchanged"
    );
    assert_eq!(summary_line(&stdout, "rejected:"), "rejected:  1 file");
    assert!(stdout.contains("q0200b.txt:2: expected"), "{stdout}");
    let questions = env.export("questions");
    let mut numbers: Vec<i64> = questions
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["number"].as_i64().unwrap())
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=450).collect::<Vec<i64>>());
}

#[test]
fn backup_on_postgres_prints_the_pg_dump_commands() {
    if !vigie_store::testing::on_postgres() {
        eprintln!("skipped: the run is on SQLite (VIGIE_TEST_POSTGRES unset)");
        return;
    }
    let env = Env::new();
    let copy = env.path("copy.dump");
    let out = env.vigie(&["backup", copy.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("pg_dump --format=custom"), "{err}");
    assert!(err.contains("pg_restore"), "{err}");
    assert!(!copy.exists(), "nothing pretends to be a copy");
}
