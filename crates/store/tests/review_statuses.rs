//! A staff decision recomputes the status proposals of the actions it touches, in its own
//! transaction: the proposal the public sees agrees with the links at once, and equals what the
//! next `vigie match` would propose (which then changes nothing).

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
mod support;

use support::files;
use vigie_store::Store;
use vigie_store::entity::{action, link, passage, status_proposal};
use vigie_store::staff::Actor;
use vigie_store::staff::review::{self, Decision};

async fn matched() -> Store {
    let store = vigie_store::testing::fresh_store().await;
    for (name, bytes) in files("seeds") {
        store.import_document(&name, &bytes).await.unwrap();
    }
    store.run_matcher().await.unwrap();
    store
}

async fn action_id(store: &Store, code: &str) -> i32 {
    action::Entity::find()
        .filter(action::Column::Code.eq(code))
        .one(store.conn())
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn status(store: &Store, action: i32) -> String {
    status_proposal::Entity::find()
        .filter(status_proposal::Column::ActionId.eq(action))
        .filter(status_proposal::Column::Current.eq(true))
        .one(store.conn())
        .await
        .unwrap()
        .map(|p| p.status)
        .unwrap_or_else(|| "no_follow_up".into())
}

async fn links_of(store: &Store, action: i32) -> Vec<link::Model> {
    link::Entity::find()
        .filter(link::Column::ActionId.eq(action))
        .order_by_asc(link::Column::Id)
        .all(store.conn())
        .await
        .unwrap()
}

/// After the decisions, a full run agrees with the recomputed proposals: nothing changes.
async fn a_run_changes_no_status(store: &Store) {
    let summary = store.run_matcher().await.unwrap();
    assert_eq!(summary.statuses_changed, 0, "{summary}");
}

#[tokio::test]
async fn rejecting_every_link_of_an_action_leaves_it_without_follow_up_at_once() {
    let store = matched().await;
    // The action with links and a status other than "no follow-up".
    let mut target = None;
    for code in ["4.1", "5.1", "5.2", "1.3", "1.1"] {
        let id = action_id(&store, code).await;
        if !links_of(&store, id).await.is_empty() && status(&store, id).await != "no_follow_up" {
            target = Some(id);
            break;
        }
    }
    let target = target.expect("the seeds give some action a status");
    for l in links_of(&store, target).await {
        review::decide(
            store.conn(),
            &Actor::cli(),
            l.id,
            Decision::Reject,
            Some("not it"),
        )
        .await
        .unwrap();
    }
    assert_eq!(status(&store, target).await, "no_follow_up");
    a_run_changes_no_status(&store).await;
}

#[tokio::test]
async fn moving_and_adding_links_move_the_statuses_with_them() {
    let store = matched().await;
    let from = action_id(&store, "5.1").await;
    let to = action_id(&store, "2.2").await;
    assert_eq!(status(&store, to).await, "no_follow_up");
    let before_from = status(&store, from).await;
    let l = links_of(&store, from)
        .await
        .into_iter()
        .next()
        .expect("5.1 is linked");
    review::move_link(
        store.conn(),
        &Actor::cli(),
        l.id,
        to,
        Some("belongs to 2.2"),
        false,
    )
    .await
    .unwrap();
    // The target has evidence now; the source lost this one.
    assert_ne!(status(&store, to).await, "no_follow_up");
    if links_of(&store, from)
        .await
        .iter()
        .all(|l| l.state == "rejected")
    {
        assert_eq!(
            status(&store, from).await,
            "no_follow_up",
            "was {before_from}"
        );
    }
    a_run_changes_no_status(&store).await;

    // A manual link to an action without follow-up gives it one.
    let lonely = action_id(&store, "1.5").await;
    assert_eq!(status(&store, lonely).await, "no_follow_up");
    let answer = passage::Entity::find()
        .filter(passage::Column::Kind.eq("answer"))
        .order_by_asc(passage::Column::Id)
        .one(store.conn())
        .await
        .unwrap()
        .unwrap();
    review::add_manual(
        store.conn(),
        &Actor::cli(),
        answer.id,
        lonely,
        "seen in the answer",
    )
    .await
    .unwrap();
    assert_ne!(status(&store, lonely).await, "no_follow_up");
    a_run_changes_no_status(&store).await;
}

/// Alias and minister-mapping changes feed the matcher: each one re-runs it in its own
/// transaction, so the links and statuses the public sees already agree with the change (the next
/// `vigie match` changes nothing), and the change that matters does change them.
#[tokio::test]
async fn alias_and_mapping_changes_take_effect_at_once() {
    use vigie_store::entity::organisation_alias;
    use vigie_store::staff::aliases;
    let store = matched().await;
    let actor = Actor::cli();
    let all_links = |store: &Store| {
        let db = store.conn().clone();
        async move {
            link::Entity::find()
                .order_by_asc(link::Column::Id)
                .all(&db)
                .await
                .unwrap()
                .into_iter()
                .map(|l| (l.question_id, l.action_id, l.state))
                .collect::<Vec<_>>()
        }
    };
    let before = all_links(&store).await;
    // Remove every alias: the organisations the seeds name through an alias are no longer found.
    let rows = organisation_alias::Entity::find()
        .all(store.conn())
        .await
        .unwrap();
    assert!(!rows.is_empty());
    for row in &rows {
        aliases::remove_alias(store.conn(), &actor, row.id, Some("test"))
            .await
            .unwrap();
        let summary = store.run_matcher().await.unwrap();
        assert!(
            summary.is_noop(),
            "after removing {:?}: {summary}",
            row.alias
        );
    }
    // Put them back: links and statuses return to what they were, at once.
    for row in &rows {
        aliases::add_alias(store.conn(), &actor, row.organisation_id, &row.alias, None)
            .await
            .unwrap();
    }
    assert!(store.run_matcher().await.unwrap().is_noop());
    assert_eq!(all_links(&store).await, before);

    // A mapping: the same guarantee.
    let minister = vigie_store::entity::minister::Entity::find()
        .filter(vigie_store::entity::minister::Column::Name.is_not_null())
        .one(store.conn())
        .await
        .unwrap()
        .unwrap()
        .id;
    let id = aliases::add_mapping(
        store.conn(),
        &actor,
        "Ministre de la Transition numérique",
        minister,
        None,
    )
    .await
    .unwrap();
    assert!(store.run_matcher().await.unwrap().is_noop());
    aliases::remove_mapping(store.conn(), &actor, id, None)
        .await
        .unwrap();
    assert!(store.run_matcher().await.unwrap().is_noop());
}
