//! Writers at the same time, on one database, as in production: `vigie serve` takes a staff
//! decision while `vigie match` or `vigie import` writes. Every store writer begins with
//! `write::begin` (`BEGIN IMMEDIATE` on SQLite, the write advisory lock on PostgreSQL), so the
//! decision waits for the other writer and then succeeds; with a deferred `BEGIN` it read first
//! and failed with "database is locked". An SQLite file, or a PostgreSQL database when the run
//! has one (`VIGIE_TEST_POSTGRES`).

use std::time::Duration;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
mod support;

use support::files;
use vigie_store::Store;
use vigie_store::entity::link;
use vigie_store::staff::Actor;
use vigie_store::staff::review::{self, Decision};

/// A database file with the seeds imported and matched, and its proposed links.
async fn matched_file() -> (tempfile::TempDir, String, Vec<i32>) {
    let dir = tempfile::tempdir().unwrap();
    let path = vigie_store::testing::database_for_test(&dir.path().join("vigie.db")).await;
    let store = Store::open(&path).await.unwrap();
    for (name, bytes) in files("seeds") {
        store.import_document(&name, &bytes).await.unwrap();
    }
    store.run_matcher().await.unwrap();
    let proposed: Vec<i32> = link::Entity::find()
        .filter(link::Column::State.eq("proposed"))
        .all(store.conn())
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.id)
        .collect();
    assert!(proposed.len() >= 2, "the seeds give proposals to decide on");
    (dir, path, proposed)
}

async fn state_of(store: &Store, id: i32) -> String {
    link::Entity::find_by_id(id)
        .one(store.conn())
        .await
        .unwrap()
        .unwrap()
        .state
}

#[tokio::test]
async fn a_staff_decision_during_an_import_waits_and_succeeds() {
    let (_dir, path, proposed) = matched_file().await;
    let importer = Store::open(&path).await.unwrap();
    let server = Store::open(&path).await.unwrap();
    // The import holds the write lock (a batch with a file written, not yet committed)...
    let mut batch = importer.begin_import_batch().await.unwrap();
    let (name, bytes) = &files("tests/data/questions")[0];
    batch.import_document(name, bytes).await.unwrap();
    // ...while staff confirm a link.
    let id = proposed[0];
    let decision = tokio::spawn({
        let server = server.clone();
        async move {
            review::decide(
                server.conn(),
                &Actor::cli(),
                id,
                Decision::Confirm,
                Some("seen"),
            )
            .await
        }
    });
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(!decision.is_finished(), "the decision waits for the import");
    batch.commit().await.unwrap();
    decision
        .await
        .unwrap()
        .expect("the decision succeeds once the import committed");
    assert_eq!(state_of(&server, id).await, "confirmed");
}

#[tokio::test]
async fn staff_decisions_during_vigie_match_wait_and_succeed() {
    let (_dir, path, proposed) = matched_file().await;
    let matcher = Store::open(&path).await.unwrap();
    let server = Store::open(&path).await.unwrap();
    // Import more questions so that a match has work to do, then run it while staff decide.
    for (name, bytes) in files("tests/data/questions") {
        matcher.import_document(&name, &bytes).await.unwrap();
    }
    // On one task (the matcher's future is not `Send`), but truly concurrent: each connection
    // runs its statements on its own worker thread.
    let run = async {
        for _ in 0..3 {
            matcher.run_matcher().await?;
        }
        Ok::<_, sea_orm::DbErr>(())
    };
    let decide_all = async {
        let mut out = Vec::new();
        for (i, id) in proposed.iter().copied().take(4).enumerate() {
            let decision = if i % 2 == 0 {
                Decision::Confirm
            } else {
                Decision::Reject
            };
            tokio::time::sleep(Duration::from_millis(20)).await;
            out.push(review::decide(server.conn(), &Actor::cli(), id, decision, None).await);
        }
        out
    };
    let (ran, decided) = tokio::join!(run, decide_all);
    for d in decided {
        d.expect("a decision during vigie match succeeds");
    }
    ran.expect("vigie match succeeds beside the decisions");
    // The matcher never overrode a person's decision.
    for (i, id) in proposed.iter().copied().take(4).enumerate() {
        let want = if i % 2 == 0 { "confirmed" } else { "rejected" };
        assert_eq!(state_of(&server, id).await, want);
    }
}
