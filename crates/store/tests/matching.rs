//! `Store::run_matcher` over the seeds and the fixture questions: the links the gold file asks for,
//! no link for the negatives, statuses that quote their evidence, idempotent re-runs, reviewed and
//! manual links that the matcher never touches, and a status history that grows only on change.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use vigie_matcher::eval::{evaluate, parse_gold};
mod support;

use support::{files, repo};
use vigie_store::Store;
use vigie_store::entity::{action, link, link_passage, passage, question, status_proposal};
use vigie_store::matching::MatchSummary;

async fn store_with_everything() -> Store {
    let store = vigie_store::testing::fresh_store().await;
    for (name, bytes) in files("seeds")
        .into_iter()
        .chain(files("tests/data/questions"))
    {
        store.import_document(&name, &bytes).await.unwrap();
    }
    store
}

/// Every link as (legislature, number, addressee surname, action code) → (state, origin).
async fn links(store: &Store) -> BTreeMap<(String, i32, String, String), (String, String)> {
    let db = store.conn();
    let input = store.load_match_input().await.unwrap();
    let actions: BTreeMap<i32, String> = action::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.id, a.code))
        .collect();
    let mut out = BTreeMap::new();
    for l in link::Entity::find().all(db).await.unwrap() {
        let q = &input.questions[input.question_by_id(l.question_id).unwrap()];
        out.insert(
            (
                q.legislature.clone(),
                q.number as i32,
                q.addressee_key(),
                actions[&l.action_id].clone(),
            ),
            (l.state, l.origin),
        );
    }
    out
}

async fn question_id(store: &Store, number: i32) -> i32 {
    let qs = question::Entity::find()
        .filter(question::Column::Number.eq(number))
        .all(store.conn())
        .await
        .unwrap();
    assert_eq!(qs.len(), 1, "one question n°{number}");
    qs[0].id
}

async fn action_id(store: &Store, code: &str) -> i32 {
    action::Entity::find()
        .filter(action::Column::Code.eq(code))
        .one(store.conn())
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("action {code}"))
        .id
}

async fn the_link(store: &Store, number: i32, code: &str) -> link::Model {
    let (q, a) = (
        question_id(store, number).await,
        action_id(store, code).await,
    );
    store
        .link_between(q, a)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("a link between n°{number} and {code}"))
}

async fn current_status(store: &Store, code: &str) -> status_proposal::Model {
    let a = action_id(store, code).await;
    let rows = status_proposal::Entity::find()
        .filter(status_proposal::Column::ActionId.eq(a))
        .filter(status_proposal::Column::Current.eq(true))
        .all(store.conn())
        .await
        .unwrap();
    assert_eq!(rows.len(), 1, "one current proposal for {code}");
    rows.into_iter().next().unwrap()
}

async fn history_len(store: &Store, code: &str) -> usize {
    let a = action_id(store, code).await;
    status_proposal::Entity::find()
        .filter(status_proposal::Column::ActionId.eq(a))
        .all(store.conn())
        .await
        .unwrap()
        .len()
}

fn assert_noop(s: &MatchSummary) {
    assert!(s.is_noop(), "a second run changes nothing: {s:?}");
}

#[tokio::test]
async fn seeds_and_fixtures_are_linked_as_the_gold_file_says() {
    let store = store_with_everything().await;
    let summary = store.run_matcher().await.unwrap();
    assert_eq!(
        (summary.plans, summary.questions, summary.links_removed),
        (1, 19, 0)
    );
    assert!(summary.links_new > 0, "{summary:?}");
    let found = links(&store).await;

    // The database holds exactly what the matcher proposes over the same documents.
    let input = store.load_match_input().await.unwrap();
    let predicted = input.predicted_pairs();
    let in_memory: BTreeSet<(String, i32, String, String)> = predicted
        .iter()
        .map(|(l, n, a, c)| (l.clone(), *n as i32, a.clone(), c.clone()))
        .collect();
    assert_eq!(found.keys().cloned().collect::<BTreeSet<_>>(), in_memory);
    assert_eq!(
        found.len(),
        predicted.len(),
        "one link per (question, action)"
    );

    // Against the gold file: the figures docs/matching.md reports, or better.
    let gold =
        parse_gold(&std::fs::read_to_string(repo().join("tests/data/gold-seeds.tsv")).unwrap())
            .unwrap();
    let keys: Vec<_> = input
        .questions
        .iter()
        .map(vigie_matcher::question_key)
        .collect();
    let report = evaluate(&gold, &predicted, &keys);
    println!("{report}");
    assert!(
        report.gold_not_in_db.is_empty(),
        "every gold question is in the database"
    );
    assert!(report.required >= 10, "the gold file has grade-2 pairs");
    assert!(
        report.precision >= 0.82 && report.recall >= 0.8,
        "precision {} recall {}",
        report.precision,
        report.recall
    );
    // Negatives (questions the gold file does not name) get no link at all.
    let graded: BTreeSet<(String, u32, String)> = gold
        .entries
        .iter()
        .map(|e| (e.legislature.clone(), e.number, e.addressee.clone()))
        .collect();
    let negatives: Vec<u32> = input
        .questions
        .iter()
        .filter(|q| !graded.contains(&vigie_matcher::question_key(q)))
        .map(|q| q.number)
        .collect();
    assert_eq!(
        negatives.len(),
        10,
        "the ten negative fixtures: {negatives:?}"
    );
    for n in negatives {
        assert!(
            !found.keys().any(|k| k.1 == n as i32),
            "negative n°{n} has a link"
        );
    }

    // Every link keeps its passages with readable reasons.
    let l = the_link(&store, 512, "3.1").await;
    let lps = link_passage::Entity::find()
        .filter(link_passage::Column::LinkId.eq(l.id))
        .all(store.conn())
        .await
        .unwrap();
    assert!(!lps.is_empty());
    for lp in &lps {
        let reasons: serde_json::Value = serde_json::from_str(&lp.reasons).unwrap();
        assert!(
            reasons["summary"].as_str().is_some_and(|s| !s.is_empty()),
            "{reasons}"
        );
        assert!(reasons["shared_terms"].is_array());
        assert!(lp.score > 0.0 && lp.score <= 1.0);
    }
    assert_eq!(l.matcher_version, vigie_matcher::MATCHER_VERSION);
}

#[tokio::test]
async fn statuses_quote_their_sentence_question_and_date() {
    let store = store_with_everything().await;
    let summary = store.run_matcher().await.unwrap();
    assert_eq!(summary.statuses_changed as usize, summary.actions);
    let db = store.conn();
    let actions = action::Entity::find()
        .order_by_asc(action::Column::Id)
        .all(db)
        .await
        .unwrap();
    let linked: BTreeSet<i32> = link::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.action_id)
        .collect();
    let mut with_evidence = 0;
    for a in &actions {
        let p = current_status(&store, &a.code).await;
        if !linked.contains(&a.id) {
            assert_eq!(p.status, "no_follow_up", "action {}", a.code);
            assert_eq!((p.sentence.as_deref(), p.question_id), (None, None));
            continue;
        }
        assert_ne!(p.status, "no_follow_up", "action {} is linked", a.code);
        let sentence = p
            .sentence
            .as_deref()
            .expect("a linked action quotes a sentence");
        let qid = p.question_id.expect("and names its question");
        let pid = p.passage_id.expect("and its passage");
        let pas = passage::Entity::find_by_id(pid)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(pas.question_id, qid);
        assert_eq!(pas.kind, "answer");
        assert!(
            pas.text.contains(sentence),
            "action {}: the sentence is quoted from the passage",
            a.code
        );
        let q = question::Entity::find_by_id(qid)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(p.evidence_date, q.answered.or(q.published));
        assert!(p.evidence_date.is_some());
        with_evidence += 1;
    }
    assert!(
        with_evidence >= 8,
        "most actions have evidence: {with_evidence}"
    );
}

#[tokio::test]
async fn a_second_run_changes_nothing() {
    let store = store_with_everything().await;
    let first = store.run_matcher().await.unwrap();
    let links_before = link::Entity::find().all(store.conn()).await.unwrap();
    let statuses_before = status_proposal::Entity::find()
        .all(store.conn())
        .await
        .unwrap();
    let second = store.run_matcher().await.unwrap();
    assert_noop(&second);
    assert_eq!(second.links_unchanged, first.links_new);
    assert_eq!(second.statuses_unchanged as usize, second.actions);
    assert_eq!(
        link::Entity::find().all(store.conn()).await.unwrap(),
        links_before
    );
    assert_eq!(
        status_proposal::Entity::find()
            .all(store.conn())
            .await
            .unwrap(),
        statuses_before
    );
}

/// Fixture 201 with its answer changed (a sentence added, another reworded).
fn changed_open_data_question() -> Vec<u8> {
    let (_, bytes) = files("tests/data/questions")
        .into_iter()
        .find(|(n, _)| n.contains("201_"))
        .unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let changed = format!(
        "{text}\n\nLe nouveau portail de données ouvertes a été mis en ligne en janvier 2021."
    );
    assert_ne!(changed, text);
    changed.into_bytes()
}

#[tokio::test]
async fn reviewed_and_manual_links_survive_re_runs_and_re_imports() {
    let store = store_with_everything().await;
    store.run_matcher().await.unwrap();
    let db = store.conn();
    let now = Utc::now();

    // A person confirms one link, rejects another, and links a negative question by hand.
    let mut confirmed = the_link(&store, 512, "3.1").await.into_active_model();
    confirmed.state = Set("confirmed".into());
    confirmed.reviewed_by = Set(Some("alice".into()));
    confirmed.reviewed_at = Set(Some(now));
    let confirmed = confirmed.update(db).await.unwrap();
    let mut rejected = the_link(&store, 512, "3.2").await.into_active_model();
    rejected.state = Set("rejected".into());
    rejected.reviewed_by = Set(Some("bob".into()));
    rejected.reviewed_at = Set(Some(now));
    let rejected = rejected.update(db).await.unwrap();
    let manual = link::ActiveModel {
        question_id: Set(question_id(&store, 611).await),
        action_id: Set(action_id(&store, "4.2").await),
        score: Set(1.0),
        state: Set("confirmed".into()),
        origin: Set("manual".into()),
        matcher_version: Set("manual".into()),
        note: Set(Some(
            "the municipalities' funding pays for their digital services".into(),
        )),
        created_at: Set(now),
        updated_at: Set(now),
        reviewed_by: Set(Some("carol".into())),
        reviewed_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    // As stored: SQLite's RETURNING shows the row before the trigger that dates it ran.
    let manual = link::Entity::find_by_id(manual.id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let kept = [confirmed.clone(), rejected.clone(), manual.clone()];

    let run = store.run_matcher().await.unwrap();
    assert_eq!(run.links_kept_reviewed, 3, "{run:?}");
    assert_eq!((run.links_new, run.links_removed), (0, 0), "{run:?}");
    for k in &kept {
        let now = link::Entity::find_by_id(k.id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(&now, k, "a reviewed or manual link is never touched");
    }

    // The same question re-imported with a changed answer: links and their reviews stay.
    let outcome = store
        .import_document(
            "tests/data/questions/201_changed.txt",
            &changed_open_data_question(),
        )
        .await
        .unwrap();
    assert_eq!(outcome.status, vigie_store::ImportStatus::Updated);
    let run = store.run_matcher().await.unwrap();
    assert_eq!(run.links_kept_reviewed, 3);
    for k in &kept {
        let now = link::Entity::find_by_id(k.id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(&now, k, "a reviewed or manual link survives a re-import");
    }
    // The rejected pair is not proposed again next to its rejection (one row per pair).
    assert_eq!(
        link::Entity::find()
            .filter(link::Column::QuestionId.eq(rejected.question_id))
            .filter(link::Column::ActionId.eq(rejected.action_id))
            .all(db)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_noop(&store.run_matcher().await.unwrap());
}

#[tokio::test]
async fn rejected_links_feed_no_status_and_manual_links_do() {
    let store = store_with_everything().await;
    store.run_matcher().await.unwrap();
    let db = store.conn();
    let q512 = question_id(&store, 512).await;
    let p = current_status(&store, "3.2").await;
    assert_eq!(
        p.question_id,
        Some(q512),
        "3.2 rests on the open-data question"
    );
    let before = history_len(&store, "3.2").await;

    // Rejecting the only link of 3.2 takes its evidence away.
    let mut l = the_link(&store, 512, "3.2").await.into_active_model();
    l.state = Set("rejected".into());
    l.reviewed_by = Set(Some("bob".into()));
    l.update(db).await.unwrap();
    let run = store.run_matcher().await.unwrap();
    assert_eq!(run.statuses_changed, 1, "{run:?}");
    let p = current_status(&store, "3.2").await;
    assert_ne!(p.question_id, Some(q512), "a rejected link is no evidence");
    assert_eq!(
        history_len(&store, "3.2").await,
        before + 1,
        "one history row added"
    );
    let old = status_proposal::Entity::find()
        .filter(status_proposal::Column::ActionId.eq(action_id(&store, "3.2").await))
        .filter(status_proposal::Column::Current.eq(false))
        .all(db)
        .await
        .unwrap();
    assert_eq!(
        old.len(),
        before,
        "the previous proposal is kept, no longer current"
    );

    // A manual, confirmed link from the GovTech answer to an action without follow-up feeds its
    // status, though the matcher does not propose it.
    let codes_without: Vec<String> = {
        let mut v = Vec::new();
        for a in action::Entity::find().all(db).await.unwrap() {
            if current_status(&store, &a.code).await.status == "no_follow_up" {
                v.push(a.code);
            }
        }
        v
    };
    let target = codes_without
        .first()
        .expect("an action without follow-up")
        .clone();
    let q734 = question_id(&store, 734).await;
    let now = Utc::now();
    link::ActiveModel {
        question_id: Set(q734),
        action_id: Set(action_id(&store, &target).await),
        score: Set(1.0),
        state: Set("confirmed".into()),
        origin: Set("manual".into()),
        matcher_version: Set("manual".into()),
        created_at: Set(now),
        updated_at: Set(now),
        reviewed_by: Set(Some("carol".into())),
        reviewed_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let run = store.run_matcher().await.unwrap();
    assert_eq!(run.statuses_changed, 1, "{run:?}");
    let p = current_status(&store, &target).await;
    assert_ne!(p.status, "no_follow_up");
    assert_eq!(p.question_id, Some(q734), "the manual link is the evidence");
    assert!(p.sentence.is_some());

    // Nothing changed since: no new history row.
    let len = history_len(&store, &target).await;
    assert_noop(&store.run_matcher().await.unwrap());
    assert_eq!(history_len(&store, &target).await, len);
}

/// The matcher's tables, without the times of the run: links (with their ids, which the run
/// assigns in the same order whatever the chunks), their passages by (link, passage), and the
/// status history.
#[derive(Debug, PartialEq)]
struct Tables {
    links: Vec<link::Model>,
    link_passages: Vec<(i32, i32, String, String)>,
    statuses: Vec<status_proposal::Model>,
}

async fn tables(store: &Store) -> Tables {
    let db = store.conn();
    let start = chrono::DateTime::<Utc>::MIN_UTC;
    let mut links = link::Entity::find()
        .order_by_asc(link::Column::Id)
        .all(db)
        .await
        .unwrap();
    for l in &mut links {
        if l.origin == "matcher" {
            (l.created_at, l.updated_at) = (start, start);
        }
    }
    let mut link_passages: Vec<(i32, i32, String, String)> = link_passage::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        // The score as written, to the last bit.
        .map(|lp| {
            (
                lp.link_id,
                lp.passage_id,
                format!("{:?}", lp.score),
                lp.reasons,
            )
        })
        .collect();
    link_passages.sort();
    let mut statuses = status_proposal::Entity::find()
        .order_by_asc(status_proposal::Column::Id)
        .all(db)
        .await
        .unwrap();
    for s in &mut statuses {
        s.computed_at = start;
    }
    Tables {
        links,
        link_passages,
        statuses,
    }
}

/// Two runs `chunk` questions at a time, with reviews, a stale and an outdated proposal, and a
/// re-imported question in between: the summaries and the tables they leave.
async fn runs_in_chunks(chunk: usize) -> (Vec<MatchSummary>, Tables) {
    let store = store_with_everything().await;
    let db = store.conn();
    let first = store.run_matcher_in_chunks(chunk).await.unwrap();
    let when = chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let review = |l: link::Model, state: &str, who: &str| {
        let mut l = l.into_active_model();
        l.state = Set(state.into());
        l.reviewed_by = Set(Some(who.into()));
        l.reviewed_at = Set(Some(when));
        l
    };
    review(the_link(&store, 512, "3.1").await, "confirmed", "alice")
        .update(db)
        .await
        .unwrap();
    review(the_link(&store, 512, "3.2").await, "rejected", "bob")
        .update(db)
        .await
        .unwrap();
    let by_hand = |number, code: &str, origin: &str| {
        let store = &store;
        let code = code.to_string();
        let origin = origin.to_string();
        async move {
            link::ActiveModel {
                question_id: Set(question_id(store, number).await),
                action_id: Set(action_id(store, &code).await),
                score: Set(if origin == "manual" { 1.0 } else { 0.5 }),
                state: Set(if origin == "manual" {
                    "confirmed"
                } else {
                    "proposed"
                }
                .into()),
                matcher_version: Set(if origin == "manual" {
                    "manual".to_string()
                } else {
                    vigie_matcher::MATCHER_VERSION.to_string()
                }),
                origin: Set(origin),
                created_at: Set(when),
                updated_at: Set(when),
                ..Default::default()
            }
            .insert(store.conn())
            .await
            .unwrap();
        }
    };
    // A manual link from a negative fixture, and a proposal the matcher no longer makes.
    by_hand(611, "4.2", "manual").await;
    by_hand(611, "1.1", "matcher").await;
    // A proposal whose score changed since (the first: a seed's, which the changed question below
    // does not touch; a question's links depend on that question only).
    let outdated = link::Entity::find()
        .filter(link::Column::State.eq("proposed"))
        .order_by_asc(link::Column::Id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let mut outdated = outdated.into_active_model();
    outdated.score = Set(0.01);
    outdated.update(db).await.unwrap();
    store
        .import_document(
            "tests/data/questions/201_changed.txt",
            &changed_open_data_question(),
        )
        .await
        .unwrap();
    let second = store.run_matcher_in_chunks(chunk).await.unwrap();
    assert_eq!(second.links_kept_reviewed, 3, "{second:?}");
    assert!(
        second.links_removed + second.links_updated >= 2 && second.statuses_changed >= 1,
        "the second run has work to do: {second:?}"
    );
    let third = store.run_matcher_in_chunks(chunk).await.unwrap();
    assert_noop(&third);
    (vec![first, second, third], tables(&store).await)
}

/// `vigie match` reads, links and writes a chunk of questions at a time, against the document
/// frequencies of all of them: the chunk size changes nothing in the database.
#[tokio::test]
async fn chunk_size_changes_nothing() {
    let (summaries, whole) = runs_in_chunks(usize::MAX).await;
    assert_eq!(summaries[0].questions, 19);
    assert!(
        whole.links.len() > 10 && whole.statuses.len() > 13,
        "{} links, {} statuses",
        whole.links.len(),
        whole.statuses.len()
    );
    for chunk in [1, 3, 7] {
        let (s, t) = runs_in_chunks(chunk).await;
        assert_eq!(s, summaries, "summaries, chunks of {chunk}");
        assert_eq!(t.links, whole.links, "links, chunks of {chunk}");
        assert_eq!(
            t.link_passages, whole.link_passages,
            "link passages, chunks of {chunk}"
        );
        assert_eq!(t.statuses, whole.statuses, "statuses, chunks of {chunk}");
    }
}

/// `vigie match` keeps a question's links when unrelated questions join the database (issue 10):
/// the seeds' and fixtures' links, scores and passages are the same before and after importing
/// 150 generated out-of-plan questions, and the newcomers' own links are what the matcher gives
/// them alone.
#[tokio::test]
async fn unrelated_questions_leave_the_links_of_the_others_as_they_were() {
    let store = store_with_everything().await;
    store.run_matcher().await.unwrap();
    let scores = |store: &Store| {
        let store = store.clone();
        async move {
            let mut out: BTreeMap<(i32, i32), (f64, Vec<i32>)> = BTreeMap::new();
            for l in link::Entity::find().all(store.conn()).await.unwrap() {
                let passages: Vec<i32> = link_passage::Entity::find()
                    .filter(link_passage::Column::LinkId.eq(l.id))
                    .all(store.conn())
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|p| p.passage_id)
                    .collect();
                out.insert((l.question_id, l.action_id), (l.score, passages));
            }
            out
        }
    };
    let before = scores(&store).await;
    assert!(before.len() >= 10, "{} links", before.len());
    let mut added = 0;
    for i in (0..)
        .filter(|&i| !vigie_synth::question(7, i).in_plan)
        .take(150)
    {
        let text = vigie_synth::question_file(7, i);
        store
            .import_document(&format!("synth/q{i}.txt"), text.as_bytes())
            .await
            .unwrap();
        added += 1;
    }
    assert_eq!(added, 150);
    let summary = store.run_matcher().await.unwrap();
    assert_eq!(summary.questions, 19 + 150);
    let after = scores(&store).await;
    let kept: BTreeMap<_, _> = after
        .iter()
        .filter(|(k, _)| before.contains_key(k))
        .map(|(k, v)| (*k, v.clone()))
        .collect();
    assert_eq!(
        kept, before,
        "the links of the first 19 questions did not move"
    );
    assert_eq!(
        summary.links_updated + summary.links_removed,
        0,
        "{summary:?}"
    );
}

/// `vigie match` learns from staff decisions (issue 10): after staff reject 1176 → 5.1, a new
/// question that reads like 1176 is weighed against that decision (its link to 5.1 scores lower, or
/// is not made, and the stored reasons say why), while the rejected link itself stays rejected.
#[tokio::test]
async fn a_rejection_weighs_on_the_next_run_and_is_never_overridden() {
    let store = store_with_everything().await;
    store.run_matcher().await.unwrap();
    let rejected = the_link(&store, 1176, "5.1").await;
    let before = rejected.score;
    let mut row = rejected.into_active_model();
    row.state = Set("rejected".to_string());
    row.update(store.conn()).await.unwrap();

    let seed = std::fs::read_to_string(repo().join("seeds/001_e30d565ff3895ea4.txt")).unwrap();
    let twin = seed.replace("(question n°1176)", "(question n°91176)");
    assert_ne!(twin, seed);
    store
        .import_document("twin/91176.txt", twin.as_bytes())
        .await
        .unwrap();
    store.run_matcher().await.unwrap();

    assert_eq!(the_link(&store, 1176, "5.1").await.state, "rejected");
    let (q, a) = (
        question_id(&store, 91176).await,
        action_id(&store, "5.1").await,
    );
    if let Some(l) = store.link_between(q, a).await.unwrap() {
        assert!(l.score < before - 0.05, "{before} → {}", l.score);
        let reasons: Vec<String> = link_passage::Entity::find()
            .filter(link_passage::Column::LinkId.eq(l.id))
            .all(store.conn())
            .await
            .unwrap()
            .into_iter()
            .map(|p| p.reasons)
            .collect();
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("\"staff\"") && r.contains("\"rejected\":1")),
            "{reasons:?}"
        );
    }
    // The twin's other link, on which nobody decided, is the original's.
    let (o, t) = (
        the_link(&store, 1176, "5.2").await,
        the_link(&store, 91176, "5.2").await,
    );
    assert_eq!(o.score, t.score);
}

/// `vigie match` leaves the possible missed links for review: pairs just under the threshold,
/// never a stored link, rewritten only when they change.
#[tokio::test]
async fn the_run_offers_possible_missed_links_just_under_the_threshold() {
    let store = store_with_everything().await;
    let first = store.run_matcher().await.unwrap();
    let rows = vigie_store::entity::possible_link::Entity::find()
        .all(store.conn())
        .await
        .unwrap();
    assert_eq!(rows.len() as u64, first.possible_links, "{first:?}");
    assert!(!rows.is_empty(), "{first:?}");
    let t = vigie_matcher::LINK_THRESHOLD;
    for r in &rows {
        assert!(
            r.score < t && r.score >= t - vigie_matcher::POSSIBLE_MARGIN - 1e-9,
            "{r:?}"
        );
        assert!(
            store
                .link_between(r.question_id, r.action_id)
                .await
                .unwrap()
                .is_none(),
            "{r:?} is already a link"
        );
    }
    let second = store.run_matcher().await.unwrap();
    assert_noop(&second);
    assert_eq!(second.possible_links, first.possible_links);
}

/// Each link's `evidence_date` (the trail's index) is its question's answer date, else its
/// reception date, however the link was made and whenever the question's dates change; and the
/// trail read from the index is in the order of those dates, then score.
#[tokio::test]
async fn links_carry_their_questions_evidence_date_and_the_trail_follows_it() {
    use vigie_store::query::action::{EvidenceWindow, action_page_window};

    async fn check(store: &Store) {
        let db = store.conn();
        let questions: BTreeMap<i32, question::Model> = question::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|q| (q.id, q))
            .collect();
        let links = link::Entity::find().all(db).await.unwrap();
        assert!(!links.is_empty());
        for l in &links {
            let q = &questions[&l.question_id];
            assert_eq!(l.evidence_date, q.answered.or(q.received), "link {}", l.id);
        }
        for action_id in links.iter().map(|l| l.action_id).collect::<BTreeSet<_>>() {
            let mut expected: Vec<&link::Model> = links
                .iter()
                .filter(|l| l.action_id == action_id && l.state != "rejected")
                .collect();
            expected.sort_by(|a, b| {
                b.evidence_date
                    .cmp(&a.evidence_date)
                    .then(b.score.total_cmp(&a.score))
                    .then(a.id.cmp(&b.id))
            });
            let expected: Vec<i32> = expected.iter().map(|l| l.id).collect();
            let mut shown = Vec::new();
            for page in 1..=expected.len().div_ceil(2).max(1) as u64 {
                let window = EvidenceWindow { page, per_page: 2 };
                let p = action_page_window(db, action_id, Some(window))
                    .await
                    .unwrap()
                    .unwrap();
                assert_eq!(p.evidence_total, expected.len() as u64);
                shown.extend(p.evidence.iter().map(|e| e.link_id));
            }
            assert_eq!(shown, expected, "action {action_id}");
        }
    }

    let store = store_with_everything().await;
    store.run_matcher().await.unwrap();
    check(&store).await;

    // The oldest linked question is answered today: its links move to the top of their trails.
    let db = store.conn();
    let linked: BTreeSet<i32> = link::Entity::find()
        .all(db)
        .await
        .unwrap()
        .iter()
        .map(|l| l.question_id)
        .collect();
    let oldest = question::Entity::find()
        .filter(question::Column::Id.is_in(linked))
        .order_by_asc(question::Column::Received)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let today = Utc::now().date_naive();
    let mut q = oldest.clone().into_active_model();
    q.answered = Set(Some(today));
    q.update(db).await.unwrap();
    check(&store).await;
    let moved = link::Entity::find()
        .filter(link::Column::QuestionId.eq(oldest.id))
        .all(db)
        .await
        .unwrap();
    assert!(moved.iter().all(|l| l.evidence_date == Some(today)));
}
