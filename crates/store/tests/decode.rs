//! Stored names are decoded once, at the store's boundary, and an unknown one fails loudly: the
//! query that reads it returns an error naming the value and its column, never a default (an
//! unknown status is not "no follow-up", an unknown state not "proposed").

use sea_orm::{ConnectionTrait, EntityTrait};
mod support;

use support::files;
use vigie_store::Store;
use vigie_store::entity::{link, link_passage, passage, status_proposal};
use vigie_store::query::{action, common, question};
use vigie_store::staff::{Actor, Role, audit, users};

async fn store() -> Store {
    let store = vigie_store::testing::fresh_store().await;
    for dir in ["seeds", "tests/data/questions"] {
        for (name, bytes) in files(dir) {
            store.import_document(&name, &bytes).await.unwrap();
        }
    }
    store.run_matcher().await.unwrap();
    store
}

async fn sql(store: &Store, statement: &str) {
    store.conn().execute_unprepared(statement).await.unwrap();
}

/// The error names the value and the column it was read from.
#[track_caller]
fn names<T: std::fmt::Debug, E: std::fmt::Display>(r: Result<T, E>, value: &str, column: &str) {
    let e = r
        .expect_err("an unknown stored value must be an error")
        .to_string();
    assert!(e.contains(&format!("{value:?}")), "{e}");
    assert!(e.contains(column), "{e}");
}

#[tokio::test]
async fn unknown_stored_values_fail_the_query_that_reads_them() {
    let store = store().await;
    let db = store.conn();
    let l = link::Entity::find().one(db).await.unwrap().expect("a link");
    let p = status_proposal::Entity::find()
        .one(db)
        .await
        .unwrap()
        .expect("a status proposal");

    // Sanity: the pages read before anything is broken.
    action::action_page(db, l.action_id).await.unwrap().unwrap();
    question::question_page(db, l.question_id)
        .await
        .unwrap()
        .unwrap();

    // A link state.
    sql(
        &store,
        &format!("UPDATE link SET state = 'bogus' WHERE id = {}", l.id),
    )
    .await;
    names(
        action::action_page(db, l.action_id).await,
        "bogus",
        "link.state",
    );
    names(
        question::question_page(db, l.question_id).await,
        "bogus",
        "link.state",
    );
    names(store.export_links().await, "bogus", "link.state");
    names(store.run_matcher().await, "bogus", "link.state");
    sql(
        &store,
        &format!("UPDATE link SET state = '{}' WHERE id = {}", l.state, l.id),
    )
    .await;

    // A link origin.
    sql(
        &store,
        &format!("UPDATE link SET origin = 'robot' WHERE id = {}", l.id),
    )
    .await;
    names(
        action::action_page(db, l.action_id).await,
        "robot",
        "link.origin",
    );
    names(store.export_links().await, "robot", "link.origin");
    sql(
        &store,
        &format!(
            "UPDATE link SET origin = '{}' WHERE id = {}",
            l.origin, l.id
        ),
    )
    .await;

    // A status proposal: not shown as "no follow-up".
    sql(
        &store,
        &format!(
            "UPDATE status_proposal SET status = 'bogus' WHERE id = {}",
            p.id
        ),
    )
    .await;
    if p.current {
        names(
            common::current_statuses(db, None).await,
            "bogus",
            "status_proposal.status",
        );
        names(
            store.export_statuses().await,
            "bogus",
            "status_proposal.status",
        );
    }
    names(
        action::action_page(db, p.action_id).await,
        "bogus",
        "status_proposal.status",
    );
    sql(
        &store,
        &format!(
            "UPDATE status_proposal SET status = '{}' WHERE id = {}",
            p.status, p.id
        ),
    )
    .await;

    // A passage kind.
    let lp = link_passage::Entity::find().one(db).await.unwrap().unwrap();
    let kind = passage::Entity::find_by_id(lp.passage_id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .kind;
    sql(
        &store,
        &format!(
            "UPDATE passage SET kind = 'preamble' WHERE id = {}",
            lp.passage_id
        ),
    )
    .await;
    names(store.export_links().await, "preamble", "passage.kind");
    sql(
        &store,
        &format!(
            "UPDATE passage SET kind = '{kind}' WHERE id = {}",
            lp.passage_id
        ),
    )
    .await;

    // A staff role: the account is not silently an editor.
    users::add_user(
        db,
        &Actor::cli(),
        "alice",
        "a long enough password",
        Role::Editor,
    )
    .await
    .unwrap();
    users::list_users(db).await.unwrap();
    sql(
        &store,
        "UPDATE \"user\" SET role = 'root' WHERE name = 'alice'",
    )
    .await;
    names(users::list_users(db).await, "root", "user.role");
    sql(
        &store,
        "UPDATE \"user\" SET role = 'editor' WHERE name = 'alice'",
    )
    .await;

    // An audit kind (rows cannot be updated, so a foreign tool's row is inserted).
    audit::recent(db, 100).await.unwrap();
    sql(
        &store,
        "INSERT INTO audit_log (at, user_id, user_name, kind, entity, entity_id, action_id, \
         before, after, why) VALUES ('2026-11-22T10:00:00Z', NULL, 'cli', 'user.rename', 'user', \
         1, NULL, NULL, NULL, NULL)",
    )
    .await;
    names(
        audit::recent(db, 100).await,
        "user.rename",
        "audit_log.kind",
    );

    // Everything restored reads again.
    action::action_page(db, l.action_id).await.unwrap().unwrap();
    common::current_statuses(db, None).await.unwrap();
    store.export_links().await.unwrap();
    users::list_users(db).await.unwrap();
}
