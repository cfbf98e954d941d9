//! Importing documents into the store: the seeds, re-imports that update in place, refused files
//! that leave the database exactly as it was, organisation aliases.

use std::path::{Path, PathBuf};

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use vigie_core::{Document, Minister, Plan, Question, read_document};
use vigie_store::{DocumentKind, ImportError, ImportStatus, QuestionExport, Store};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn seed(prefix: &str) -> (String, Vec<u8>) {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    assert_eq!(paths.len(), 1, "one seed starts with {prefix}");
    let path = paths.pop().unwrap();
    let name = format!("seeds/{}", path.file_name().unwrap().to_string_lossy());
    (name, std::fs::read(&path).unwrap())
}

fn all_seeds() -> Vec<(String, Vec<u8>)> {
    ["000", "001", "002", "003", "004"]
        .iter()
        .map(|p| seed(p))
        .collect()
}

fn core_fixture(rel: &str) -> (String, Vec<u8>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures")
        .join(rel);
    (rel.to_string(), std::fs::read(path).unwrap())
}

async fn store() -> Store {
    vigie_store::testing::fresh_store().await
}

async fn count(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_one_raw(Statement::from_string(
            store.conn().get_database_backend(),
            format!("SELECT COUNT(*) FROM {table}"),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index(0)
        .unwrap()
}

fn read_question(name: &str, bytes: &[u8]) -> Question {
    match read_document(name, bytes).unwrap() {
        Document::Question(q) => q,
        Document::Plan(_) => panic!("{name} is a plan"),
    }
}

fn read_plan(name: &str, bytes: &[u8]) -> Plan {
    match read_document(name, bytes).unwrap() {
        Document::Plan(p) => p,
        Document::Question(_) => panic!("{name} is a question"),
    }
}

/// The export seen as the reader's model, to compare field by field with what the reader read.
fn as_model(e: &QuestionExport) -> Question {
    Question {
        legislature: e.legislature.clone(),
        session: e.session.clone(),
        number: e.number as u32,
        subject: e.subject.clone(),
        author: e.author.clone(),
        addressee: Minister {
            name: e.addressee.name.clone(),
            portfolio: e.addressee.portfolio.clone(),
        },
        received: e.received,
        published: e.published,
        answered: e.answered,
        acts: e
            .acts
            .iter()
            .map(|a| vigie_core::Act {
                date: a.date,
                label: a.label.clone(),
                reference: a.reference.clone(),
                person: None,
                url: None,
            })
            .collect(),
        passages: e
            .passages
            .iter()
            .map(|p| vigie_core::Passage {
                kind: p.kind,
                position: p.position as u32,
                heading: p.heading.clone(),
                text: p.text.clone(),
            })
            .collect(),
        source: None,
        warnings: Vec::new(),
    }
}

#[tokio::test]
async fn seeds_import_whole() {
    let store = store().await;
    let mut plans = 0;
    let mut questions = 0;
    for (name, bytes) in all_seeds() {
        let out = store.import_document(&name, &bytes).await.unwrap();
        assert_eq!(out.status, ImportStatus::Imported, "{name}");
        match out.kind {
            DocumentKind::Plan => {
                plans += 1;
                assert_eq!(
                    out.label,
                    "Assurer la transition numérique de l’économie bruxelloise"
                );
                assert_eq!(
                    (out.counts.axes, out.counts.actions, out.counts.partners),
                    (5, 13, 9)
                );
            }
            DocumentKind::Question => questions += 1,
        }
    }
    assert_eq!((plans, questions), (1, 4));
    assert_eq!(count(&store, "document").await, 5);
    assert_eq!(count(&store, "plan").await, 1);
    assert_eq!(count(&store, "axis").await, 5);
    assert_eq!(count(&store, "action").await, 13);
    assert_eq!(count(&store, "question").await, 4);
    // Four question files, but members and ministers are shared rows.
    assert_eq!(
        count(&store, "plan_partner WHERE role = 'partner'").await,
        9,
        "every partner of the plan, in order"
    );
}

#[tokio::test]
async fn exported_questions_are_what_the_reader_read() {
    let store = store().await;
    for (name, bytes) in all_seeds() {
        store.import_document(&name, &bytes).await.unwrap();
    }
    let exported = store.export_questions().await.unwrap();
    assert_eq!(exported.len(), 4);
    for (name, bytes) in all_seeds()
        .into_iter()
        .filter(|(n, _)| !n.starts_with("seeds/002"))
    {
        let read = read_question(&name, &bytes);
        let e = exported
            .iter()
            .find(|e| e.number as u32 == read.number && e.legislature == read.legislature)
            .unwrap_or_else(|| panic!("{name} exported"));
        assert_eq!(as_model(e), read, "{name}");
        assert_eq!(e.source.file, name);
        assert_eq!(e.source.sha256, vigie_store::import::sha256_hex(&bytes));
        assert!(e.passages.windows(2).all(|w| w[0].position < w[1].position));
    }
    let q252 = exported.iter().find(|e| e.number == 252).unwrap();
    assert_eq!(q252.author, "Bianca Debaets");
    assert_eq!(q252.addressee.name.as_deref(), Some("Bernard Clerfayt"));
    assert_eq!(q252.received.unwrap().to_string(), "2020-04-23");
    assert_eq!(q252.answered.unwrap().to_string(), "2020-06-11");
}

#[tokio::test]
async fn exported_plan_is_what_the_reader_read_with_canonical_partners() {
    let store = store().await;
    let (name, bytes) = seed("002");
    store.import_document(&name, &bytes).await.unwrap();
    let read = read_plan(&name, &bytes);
    let plans = store.export_plans().await.unwrap();
    assert_eq!(plans.len(), 1);
    let p = &plans[0];
    assert_eq!(p.title, read.title);
    assert_eq!(p.kind, read.kind);
    assert_eq!(p.intro, read.intro);
    let ministers = |ms: &[vigie_store::MinisterExport]| -> Vec<Minister> {
        ms.iter()
            .map(|m| Minister {
                name: m.name.clone(),
                portfolio: m.portfolio.clone(),
            })
            .collect()
    };
    assert_eq!(ministers(&p.lead_ministers), read.lead_ministers);
    assert_eq!(
        ministers(&p.associated_ministers),
        read.associated_ministers
    );
    assert_eq!(p.axes.len(), read.axes.len());
    for (e, r) in p.axes.iter().zip(&read.axes) {
        assert_eq!(
            (e.number as u32, &e.title, &e.description),
            (r.number, &r.title, &r.description)
        );
        assert_eq!(ministers(&e.pilots), r.pilots);
        let codes: Vec<(&str, Option<&str>, &str)> = e
            .actions
            .iter()
            .map(|a| (a.code.as_str(), a.label.as_deref(), a.text.as_str()))
            .collect();
        let want: Vec<(&str, Option<&str>, &str)> = r
            .actions
            .iter()
            .map(|a| (a.code.as_str(), a.label.as_deref(), a.text.as_str()))
            .collect();
        assert_eq!(codes, want);
    }
    // Partners keep the plan's order and qualifiers; names resolve to canonical organisations.
    let partners: Vec<(&str, Option<&str>)> = p
        .partners
        .iter()
        .map(|x| (x.name.as_str(), x.qualifier.as_deref()))
        .collect();
    let want: Vec<(&str, Option<&str>)> = read
        .partners
        .iter()
        .map(|x| (x.name.as_str(), x.qualifier.as_deref()))
        .collect();
    assert_eq!(partners, want);
    // The steering committee writes "Brupartner": the default alias makes it the same organisation.
    let brupartners = p.partners.iter().find(|x| x.name == "Brupartners").unwrap();
    let steering = p
        .steering_committee
        .iter()
        .find(|x| x.organisation_id == brupartners.organisation_id)
        .unwrap();
    assert_eq!(steering.name, "Brupartners");
    assert!(
        read.steering_committee
            .iter()
            .any(|x| x.name == "Brupartner")
    );
    assert_eq!(p.steering_committee.len(), read.steering_committee.len());
}

#[tokio::test]
async fn the_same_file_twice_is_unchanged() {
    let store = store().await;
    for (name, bytes) in all_seeds() {
        store.import_document(&name, &bytes).await.unwrap();
    }
    let before = store.dump().await.unwrap();
    for (name, bytes) in all_seeds() {
        let first = store.export_questions().await.unwrap().len();
        let out = store
            .import_document(&format!("again/{name}"), &bytes)
            .await
            .unwrap();
        assert_eq!(out.status, ImportStatus::Unchanged, "{name}");
        assert_eq!(store.export_questions().await.unwrap().len(), first);
        if out.kind == DocumentKind::Plan {
            assert_eq!(
                (out.counts.axes, out.counts.actions, out.counts.partners),
                (5, 13, 9)
            );
        } else {
            assert!(out.label.starts_with("n°"), "{}", out.label);
            assert!(out.counts.passages > 0);
        }
    }
    assert_eq!(
        store.dump().await.unwrap(),
        before,
        "an unchanged file writes nothing"
    );
}

/// Seed 000 with its second answer part rewritten and its last part removed.
fn edited_000() -> (String, Vec<u8>) {
    let (name, bytes) = seed("000");
    let text = String::from_utf8(bytes).unwrap();
    let cut = text
        .find("3/ Concernant la coopération")
        .expect("seed 000 has a third answer part");
    let edited = text[..cut].replace(
        "Pour l’instant nous analysons ces informations",
        "Nous avons terminé l’analyse de ces informations",
    );
    assert_ne!(edited, text[..cut]);
    (name, edited.into_bytes())
}

#[tokio::test]
async fn a_changed_question_updates_in_place() {
    let store = store().await;
    let (name, bytes) = seed("000");
    let first = store.import_document(&name, &bytes).await.unwrap();
    let before = store.export_questions().await.unwrap().remove(0);
    // A link and a status proposal pointing at the question's passages, as the matcher will make.
    let second_answer = before
        .passages
        .iter()
        .filter(|p| p.kind.is_answer())
        .nth(1)
        .unwrap()
        .clone();
    let third_answer = before
        .passages
        .iter()
        .filter(|p| p.kind.is_answer())
        .nth(2)
        .unwrap()
        .clone();
    let (plan_name, plan_bytes) = seed("002");
    store
        .import_document(&plan_name, &plan_bytes)
        .await
        .unwrap();
    store
        .conn()
        .execute_unprepared(&format!(
            "INSERT INTO link (id, question_id, action_id, score, state, origin, matcher_version, created_at, updated_at) \
             VALUES (1, {q}, (SELECT id FROM action WHERE code = '1.1'), 0.7, 'confirmed', 'matcher', 't', \
                     '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'); \
             INSERT INTO link_passage (link_id, passage_id, score, reasons) VALUES (1, {p2}, 0.7, '[]'), (1, {p3}, 0.2, '[]');",
            q = first.id,
            p2 = second_answer.id,
            p3 = third_answer.id,
        ))
        .await
        .unwrap();

    let (_, edited) = edited_000();
    let out = store
        .import_document("seeds/000_edited.txt", &edited)
        .await
        .unwrap();
    assert_eq!(out.status, ImportStatus::Updated);
    assert_eq!(out.id, first.id, "same question row");
    assert_eq!(
        out.document_id, first.document_id,
        "same document row, pointing at the new file"
    );
    assert_eq!(count(&store, "question").await, 1);
    assert_eq!(count(&store, "document WHERE kind = 'question'").await, 1);

    let after = store.export_questions().await.unwrap().remove(0);
    assert_eq!(after.source.file, "seeds/000_edited.txt");
    assert_eq!(after.source.sha256, out.sha256);
    assert_eq!(after.passages.len(), before.passages.len() - 1);
    for (a, b) in after.passages.iter().zip(&before.passages) {
        assert_eq!(a.id, b.id, "passage {} keeps its id", a.position);
    }
    let rewritten = after
        .passages
        .iter()
        .find(|p| p.id == second_answer.id)
        .unwrap();
    assert!(
        rewritten.text.contains("Nous avons terminé l’analyse"),
        "{}",
        rewritten.text
    );
    // The link survives; only its evidence from the removed passage goes.
    assert_eq!(count(&store, "link WHERE state = 'confirmed'").await, 1);
    assert_eq!(
        count(
            &store,
            &format!("link_passage WHERE passage_id = {}", second_answer.id)
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &store,
            &format!("link_passage WHERE passage_id = {}", third_answer.id)
        )
        .await,
        0
    );

    // Importing the original again brings the text back, still without duplicates.
    let back = store.import_document(&name, &bytes).await.unwrap();
    assert_eq!((back.status, back.id), (ImportStatus::Updated, first.id));
    assert_eq!(
        as_model(&store.export_questions().await.unwrap()[0]),
        read_question(&name, &bytes)
    );
}

#[tokio::test]
async fn a_changed_plan_keeps_action_ids() {
    let store = store().await;
    let (name, bytes) = seed("002");
    let first = store.import_document(&name, &bytes).await.unwrap();
    let before = store.export_plans().await.unwrap().remove(0);
    let text = String::from_utf8(bytes).unwrap();
    // Rewrite action 1.2 and drop action 3.2 (the last bullet of axis 3).
    let edited = text
        .replace("- Lancement du Pôle Formation Emploi ICT", "- Lancement effectif du Pôle Formation Emploi ICT")
        .replace(
            "- Soutenir les entreprises innovantes qui utilisent les données publiques ouvertes en vue d’avoir un impact sociétal positif.\n",
            "",
        );
    assert!(edited.contains("Lancement effectif"), "first edit applied");
    assert!(
        !edited.contains("Soutenir les entreprises innovantes"),
        "second edit applied"
    );
    let out = store
        .import_document("plan_v2.txt", edited.as_bytes())
        .await
        .unwrap();
    assert_eq!((out.status, out.id), (ImportStatus::Updated, first.id));
    assert_eq!(out.counts.actions, 12);
    let after = store.export_plans().await.unwrap().remove(0);
    let ids = |p: &vigie_store::PlanExport| -> Vec<(String, i32, String)> {
        p.axes
            .iter()
            .flat_map(|a| {
                a.actions
                    .iter()
                    .map(|x| (x.code.clone(), x.id, x.text.clone()))
            })
            .collect()
    };
    let (b, a) = (ids(&before), ids(&after));
    assert_eq!(a.len(), 12);
    for (code, id, text) in &a {
        let old = b.iter().find(|(c, _, _)| c == code).unwrap();
        assert_eq!(old.1, *id, "action {code} keeps its id");
        if code == "1.2" {
            assert!(text.starts_with("Lancement effectif"), "{text}");
        } else {
            assert_eq!(&old.2, text);
        }
    }
    assert!(!a.iter().any(|(c, _, _)| c == "3.2"));
    let axis_ids = |p: &vigie_store::PlanExport| p.axes.iter().map(|a| a.id).collect::<Vec<_>>();
    assert_eq!(axis_ids(&after), axis_ids(&before));
    assert_eq!(count(&store, "plan").await, 1);
    assert_eq!(
        count(&store, "plan_partner").await,
        17,
        "partners replaced, not added"
    );
    assert_eq!(count(&store, "plan_minister").await, 3);
}

#[tokio::test]
async fn refused_files_change_nothing() {
    let store = store().await;
    for (name, bytes) in all_seeds() {
        store.import_document(&name, &bytes).await.unwrap();
    }
    let before = store.dump().await.unwrap();
    let (_, seed_000) = seed("000");
    let cut_header: Vec<u8> = {
        let text = String::from_utf8(seed_000.clone()).unwrap();
        text.as_bytes()[..text.find("Législature").unwrap() + 5].to_vec()
    };
    let mut binary = b"Logo Parlement Buxellois\n".to_vec();
    binary.extend([0u8, 159, 146, 150, 0, 1, 2, 3]);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", Vec::new(), "empty.txt:1: expected"),
        (
            "blank.txt",
            b"\n  \n\xc2\xa0\n".to_vec(),
            "blank.txt:1: expected",
        ),
        (
            "binary.bin",
            binary,
            "binary.bin:2: expected a text document",
        ),
        (
            "cut.txt",
            cut_header,
            "cut.txt:12: expected \"Législature: NN/NN Session: NN/NN\"",
        ),
        (
            "huge.txt",
            vec![b'a'; vigie_core::read::MAX_DOCUMENT_BYTES + 1],
            "huge.txt:1: expected a document under",
        ),
    ];
    for (name, bytes, message) in cases {
        let err = store.import_document(name, &bytes).await.unwrap_err();
        assert!(matches!(err, ImportError::Read(_)), "{name}: {err}");
        assert!(err.to_string().starts_with(message), "{name}: {err}");
        assert_eq!(
            store.dump().await.unwrap(),
            before,
            "{name} left the database as it was"
        );
    }
    for rel in [
        "bad/plan_axis_without_actions.txt",
        "bad/year_9999.txt",
        "bad/mojibake.txt",
    ] {
        let (name, bytes) = core_fixture(rel);
        let err = store.import_document(&name, &bytes).await.unwrap_err();
        assert!(err.to_string().starts_with(&format!("{rel}:")), "{err}");
        assert_eq!(
            store.dump().await.unwrap(),
            before,
            "{rel} left the database as it was"
        );
    }
}

/// Makes the database refuse to insert passages (of the questions of `author` only, when given):
/// a database error in the middle of a file, after its document and question rows.
async fn refuse_passages(store: &Store, author: Option<&str>) {
    refuse_inserts(store, "passage", author).await
}

/// Makes the database refuse inserts into `table` (of the questions of `author` only, when
/// given, for passages).
async fn refuse_inserts(store: &Store, table: &str, author: Option<&str>) {
    let of_author = |new: &str| {
        author.map(|a| {
            format!(
                "(SELECT m.name FROM question q JOIN member m ON m.id = q.member_id \
                 WHERE q.id = {new}.question_id) = '{a}'"
            )
        })
    };
    let statements = match store.conn().get_database_backend() {
        DbBackend::Postgres => vec![
            format!(
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
                 IF {} THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$",
                of_author("NEW").unwrap_or("true".into())
            ),
            format!(
                "CREATE TRIGGER refuse BEFORE INSERT ON {table} FOR EACH ROW \
                 EXECUTE FUNCTION refuse()"
            ),
        ],
        _ => vec![format!(
            "CREATE TRIGGER refuse BEFORE INSERT ON {table} {} \
             BEGIN SELECT RAISE(ABORT, 'refused by test'); END;",
            of_author("new")
                .map(|c| format!("WHEN {c}"))
                .unwrap_or_default()
        )],
    };
    for sql in statements {
        store.conn().execute_unprepared(&sql).await.unwrap();
    }
}

/// Undoes [`refuse_inserts`].
async fn allow_inserts(store: &Store, table: &str) {
    let sql = match store.conn().get_database_backend() {
        DbBackend::Postgres => format!("DROP TRIGGER refuse ON {table}; DROP FUNCTION refuse()"),
        _ => "DROP TRIGGER refuse".to_string(),
    };
    store.conn().execute_unprepared(&sql).await.unwrap();
}

#[tokio::test]
async fn a_database_error_midway_rolls_the_whole_file_back() {
    let store = store().await;
    let (plan_name, plan_bytes) = seed("002");
    store
        .import_document(&plan_name, &plan_bytes)
        .await
        .unwrap();
    // Passages are written last: everything before them must go too.
    refuse_passages(&store, None).await;
    let before = store.dump().await.unwrap();
    let (name, bytes) = seed("001");
    let err = store.import_document(&name, &bytes).await.unwrap_err();
    assert!(matches!(err, ImportError::Db { .. }), "{err}");
    assert!(
        err.to_string()
            .starts_with(&format!("{name}: database error")),
        "{err}"
    );
    assert_eq!(store.dump().await.unwrap(), before);
    assert_eq!(count(&store, "member").await, 0, "not even the author");

    // The same for a plan update: axes and actions written, then a failure.
    allow_inserts(&store, "passage").await;
    refuse_inserts(&store, "action", None).await;
    store.conn().execute_unprepared("SELECT 1").await.unwrap();
    let before = store.dump().await.unwrap();
    let text = String::from_utf8(plan_bytes).unwrap();
    let grown = text.replace(
        "Pilote(s) : Ministre en charge de l’Emploi et de la Formation professionnelle, de la Transition Numérique et de la Simplification Administrative\n4.",
        "- Une action ajoutée.\nPilote(s) : Ministre en charge de l’Emploi et de la Formation professionnelle, de la Transition Numérique et de la Simplification Administrative\n4.",
    );
    assert_ne!(grown, text);
    let err = store
        .import_document("plan_v2.txt", grown.as_bytes())
        .await
        .unwrap_err();
    assert!(matches!(err, ImportError::Db { .. }), "{err}");
    assert_eq!(store.dump().await.unwrap(), before);
}

#[tokio::test]
async fn windows_1252_is_stored_as_the_same_text() {
    let store = store().await;
    let (_, utf8) = seed("001");
    let (name, cp1252) = core_fixture("encoding/seed_001_windows1252.txt");
    assert!(
        std::str::from_utf8(&cp1252).is_err(),
        "the fixture is not UTF-8"
    );
    let out = store.import_document(&name, &cp1252).await.unwrap();
    assert_eq!(out.status, ImportStatus::Imported);
    let stored = store.export_questions().await.unwrap().remove(0);
    assert_eq!(as_model(&stored), read_question("seeds/001", &utf8));
    let dump = store.dump().await.unwrap();
    assert!(
        !dump.contains('Ã') && !dump.contains('\u{FFFD}'),
        "no mojibake stored"
    );
    // The UTF-8 file is the same question: an update of the same row, not a second question.
    let again = store.import_document("seeds/001.txt", &utf8).await.unwrap();
    assert_eq!((again.status, again.id), (ImportStatus::Updated, out.id));
    assert_eq!(count(&store, "question").await, 1);
}

#[tokio::test]
async fn staff_aliases_are_used_and_kept() {
    let store = store().await;
    // Staff record that the plan's "Innoviris" is the organisation they call "Innoviris (agence)".
    store
        .conn()
        .execute_unprepared(
            "INSERT INTO organisation (name) VALUES ('Innoviris (agence)'); \
             INSERT INTO organisation_alias (organisation_id, alias) \
             SELECT id, 'Innoviris' FROM organisation WHERE name = 'Innoviris (agence)';",
        )
        .await
        .unwrap();
    let aliases_before = store
        .conn()
        .query_all_raw(Statement::from_string(
            store.conn().get_database_backend(),
            "SELECT id, organisation_id, alias FROM organisation_alias ORDER BY id",
        ))
        .await
        .unwrap()
        .len();
    let (name, bytes) = seed("002");
    store.import_document(&name, &bytes).await.unwrap();
    let plan = store.export_plans().await.unwrap().remove(0);
    assert!(plan.partners.iter().any(|p| p.name == "Innoviris (agence)"));
    assert!(!plan.partners.iter().any(|p| p.name == "Innoviris"));
    // A plan that writes "Paradigm" (CIRB's later name) points at CIRB.
    let text = String::from_utf8(bytes)
        .unwrap()
        .replace("Partenaires : CIRB,", "Partenaires : Paradigm,");
    store
        .import_document("plan_v2.txt", text.as_bytes())
        .await
        .unwrap();
    let plan = store.export_plans().await.unwrap().remove(0);
    assert_eq!(plan.partners[0].name, "CIRB");
    assert_eq!(
        plan.partners[0].organisation_id,
        plan.steering_committee[0].organisation_id
    );
    assert_eq!(
        count(&store, "organisation_alias").await as usize,
        aliases_before,
        "import never edits aliases"
    );
    assert_eq!(
        count(
            &store,
            "organisation WHERE name IN ('Paradigm', 'Brupartner', 'Innoviris')"
        )
        .await,
        0
    );
}

#[tokio::test]
async fn same_number_for_another_minister_is_another_question() {
    let store = store().await;
    let (name, bytes) = seed("000");
    let text = String::from_utf8(bytes.clone()).unwrap();
    store.import_document(&name, &bytes).await.unwrap();
    let other = text.replace("Bernard Clerfayt, Ministre", "Sven Gatz, Ministre");
    assert_ne!(other, text);
    let out = store
        .import_document("other.txt", other.as_bytes())
        .await
        .unwrap();
    assert_eq!(out.status, ImportStatus::Imported);
    let other_legislature = text.replace("Législature: 19/24", "Législature: 24/29");
    let out = store
        .import_document("later.txt", other_legislature.as_bytes())
        .await
        .unwrap();
    assert_eq!(out.status, ImportStatus::Imported);
    assert_eq!(count(&store, "question").await, 3);
    assert_eq!(count(&store, "member").await, 1);
}

#[tokio::test]
async fn a_file_database_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vigie.db");
    let path = path.to_str().unwrap();
    {
        let store = Store::open(path).await.unwrap();
        let (name, bytes) = seed("003");
        store.import_document(&name, &bytes).await.unwrap();
        let mode: String = store
            .conn()
            .query_one_raw(Statement::from_string(
                DbBackend::Sqlite,
                "PRAGMA journal_mode",
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index(0)
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i32 = store
            .conn()
            .query_one_raw(Statement::from_string(
                DbBackend::Sqlite,
                "PRAGMA foreign_keys",
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index(0)
            .unwrap();
        assert_eq!(fk, 1);
        let synchronous: i32 = store
            .conn()
            .query_one_raw(Statement::from_string(
                DbBackend::Sqlite,
                "PRAGMA synchronous",
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index(0)
            .unwrap();
        assert_eq!(
            synchronous, 1,
            "NORMAL: WAL commits without waiting for the disk"
        );
        let temp_store: i32 = store
            .conn()
            .query_one_raw(Statement::from_string(
                DbBackend::Sqlite,
                "PRAGMA temp_store",
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index(0)
            .unwrap();
        assert_eq!(temp_store, 2, "MEMORY");
    }
    let store = Store::open(&format!("sqlite://{path}?mode=rwc"))
        .await
        .unwrap();
    let (name, bytes) = seed("003");
    assert_eq!(
        store.import_document(&name, &bytes).await.unwrap().status,
        ImportStatus::Unchanged
    );
    assert_eq!(store.export_questions().await.unwrap().len(), 1);
}

#[tokio::test]
async fn questions_export_in_pages() {
    let store = store().await;
    let (name, bytes) = seed("000");
    let text = String::from_utf8(bytes).unwrap();
    for n in 1..=7 {
        let t = text.replace("(question n°252)", &format!("(question n°{n})"));
        store
            .import_document(&format!("{name}.{n}"), t.as_bytes())
            .await
            .unwrap();
    }
    let mut seen = Vec::new();
    let mut after = 0;
    loop {
        let page = store.export_questions_page(after, 3).await.unwrap();
        assert!(page.len() <= 3);
        let Some(last) = page.last() else { break };
        after = last.id;
        seen.extend(page.iter().map(|q| q.number));
    }
    assert_eq!(seen, (1..=7).collect::<Vec<_>>());
}

#[tokio::test]
async fn a_batch_keeps_each_file_all_or_nothing() {
    // The reference: the good files imported one transaction each.
    let one_by_one = store().await;
    for (name, bytes) in all_seeds() {
        one_by_one.import_document(&name, &bytes).await.unwrap();
    }

    let batched = store().await;
    // Passages of seed 001 (author Latifa Aït Baala) cannot be written: a database error in the
    // middle of that file, after its document, member and question rows.
    refuse_passages(&batched, Some("Latifa Aït Baala")).await;
    let mut batch = batched.begin_import_batch().await.unwrap();
    let mut statuses = Vec::new();
    for (name, bytes) in all_seeds() {
        statuses.push(match batch.import_document(&name, &bytes).await {
            Ok(o) => o.status.as_str().to_string(),
            Err(ImportError::Db { .. }) => "db error".to_string(),
            Err(e) => panic!("{e}"),
        });
        // A file refused by the reader, between good ones.
        let err = batch.import_document("empty.txt", b"").await.unwrap_err();
        assert!(matches!(err, ImportError::Read(_)));
    }
    // The same bytes again inside the batch: already there.
    let (name, bytes) = seed("000");
    assert_eq!(
        batch.import_document(&name, &bytes).await.unwrap().status,
        ImportStatus::Unchanged
    );
    assert_eq!(batch.len(), 5);
    batch.commit().await.unwrap();
    assert_eq!(
        statuses,
        ["imported", "db error", "imported", "imported", "imported"]
    );
    allow_inserts(&batched, "passage").await;

    // Seed 001 left no trace; the others are exactly what one-by-one import wrote.
    assert_eq!(count(&batched, "question").await, 3);
    assert_eq!(
        count(&batched, "member WHERE name = 'Latifa Aït Baala'").await,
        0
    );
    assert_eq!(count(&batched, "document").await, 4);
    let strip_ids =
        |qs: Vec<QuestionExport>| -> Vec<Question> { qs.iter().map(as_model).collect() };
    let mut expected = strip_ids(one_by_one.export_questions().await.unwrap());
    expected.retain(|q| q.author != "Latifa Aït Baala");
    assert_eq!(
        strip_ids(batched.export_questions().await.unwrap()),
        expected
    );
    assert_eq!(
        batched.export_plans().await.unwrap()[0].axes,
        one_by_one.export_plans().await.unwrap()[0].axes
    );
}

#[tokio::test]
async fn a_batch_dropped_without_commit_writes_nothing() {
    let store = store().await;
    let before = store.dump().await.unwrap();
    {
        let mut batch = store.begin_import_batch().await.unwrap();
        for (name, bytes) in all_seeds() {
            batch.import_document(&name, &bytes).await.unwrap();
        }
    }
    assert_eq!(store.dump().await.unwrap(), before);
}

/// A value that cannot be stored (a question number beyond the database's integer) is refused
/// before the file's savepoint opens; the batch goes on with the next file and commits.
#[tokio::test]
async fn a_batch_goes_on_after_a_number_too_large() {
    let store = store().await;
    let (name, bytes) = seed("001");
    let huge = String::from_utf8(bytes.clone())
        .unwrap()
        .replace("(question n°1176)", "(question n°3000000000)");
    let mut batch = store.begin_import_batch().await.unwrap();
    let err = batch
        .import_document("huge.txt", huge.as_bytes())
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("3000000000 is too large to store"),
        "{err}"
    );
    let (other, other_bytes) = seed("003");
    batch.import_document(&other, &other_bytes).await.unwrap();
    batch.import_document(&name, &bytes).await.unwrap();
    batch.commit().await.unwrap();
    assert_eq!(count(&store, "question").await, 2);
}

/// A file whose import was interrupted half-way (its future dropped) may have left writes in
/// the batch: the batch refuses further files and refuses to commit, and nothing is kept.
#[tokio::test]
async fn an_interrupted_file_poisons_its_batch() {
    let store = store().await;
    let before = store.dump().await.unwrap();
    let mut batch = store.begin_import_batch().await.unwrap();
    let (name, bytes) = seed("000");
    batch.import_document(&name, &bytes).await.unwrap();
    // Polled exactly once, then dropped while it waits for the database: the batch marks a file
    // unfinished before its first await, so one poll that returns `Pending` is a file cut off
    // half-way, however fast the driver's thread answers. (A timeout of zero was used before;
    // tokio polls the inner future again until its timer fires, so on a busy machine the whole
    // file could be written in that time.) A single poll finishing the import would need the
    // driver to answer several round trips synchronously; the loop only guards against that.
    let (_, bytes) = seed("001");
    let text = String::from_utf8(bytes).unwrap();
    let mut interrupted = false;
    for n in 0..50 {
        let variant = text.replace("(question n°1176)", &format!("(question n°{})", 5000 + n));
        let mut import = std::pin::pin!(batch.import_document("variant.txt", variant.as_bytes()));
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        if import.as_mut().poll(&mut cx).is_pending() {
            interrupted = true;
            break;
        }
    }
    assert!(interrupted, "no import was ever cut off half-way");
    let (other, other_bytes) = seed("003");
    let err = batch
        .import_document(&other, &other_bytes)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("half-written"), "{err}");
    let err = batch.commit().await.unwrap_err();
    assert!(err.to_string().contains("half-written"), "{err}");
    assert_eq!(store.dump().await.unwrap(), before);
}

#[tokio::test]
async fn an_import_waits_for_another_writer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vigie.db");
    let path = path.to_str().unwrap().to_string();
    let a = Store::open(&path).await.unwrap();
    let b = Store::open(&path).await.unwrap();
    // A holds the write lock (a batch with a file in it) while B imports another file.
    let mut batch = a.begin_import_batch().await.unwrap();
    let (name, bytes) = seed("000");
    batch.import_document(&name, &bytes).await.unwrap();
    let other = tokio::spawn(async move {
        let (name, bytes) = seed("001");
        b.import_document(&name, &bytes).await
    });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    batch.commit().await.unwrap();
    let out = other
        .await
        .unwrap()
        .expect("B waited for A instead of failing");
    assert_eq!(out.status, ImportStatus::Imported);
    assert_eq!(a.export_questions().await.unwrap().len(), 2);
}
