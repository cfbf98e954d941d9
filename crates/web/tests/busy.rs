//! Password checks are bounded: at most one per core at once, a queue of 5 s, then 503. In its
//! own test binary because it holds the process-wide gate ([`users::hashing_gate`]).

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use sea_orm::{ConnectionTrait, Statement};
use vigie_store::staff::{Actor, Role, users};
use vigie_web::AppState;

use common::{seeded, send};

#[tokio::test]
async fn a_login_beyond_the_queue_gets_503_and_counts_nothing() {
    let db = seeded(&common::evil_question(&[])).await;
    users::add_user(
        &db,
        &Actor::cli(),
        "carol",
        "correct horse battery staple",
        Role::Editor,
    )
    .await
    .unwrap();
    let app = vigie_web::router(AppState::new(db.clone()));

    // The login form, as a browser gets it.
    let res = send(&app, Request::get("/login").body(Body::empty()).unwrap()).await;
    let marker = "name=\"login_csrf\" value=\"";
    let at = res.body.find(marker).unwrap() + marker.len();
    let token = res.body[at..at + res.body[at..].find('"').unwrap()].to_string();

    // Every turn to hash is taken (as by a burst of logins)...
    let gate = users::hashing_gate();
    let held = gate
        .acquire_many(gate.available_permits() as u32)
        .await
        .unwrap();
    let body = serde_urlencoded::to_string([
        ("name", "carol"),
        ("password", "correct horse battery staple"),
        ("login_csrf", token.as_str()),
    ])
    .unwrap();
    let req = Request::builder()
        .method(Method::POST)
        .uri("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, format!("vigie_login={token}"))
        .body(Body::from(body))
        .unwrap();
    let started = std::time::Instant::now();
    let res = send(&app, req).await;
    // ...so this one waited its 5 s in the queue and was told to come back.
    assert_eq!(res.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(res.header("retry-after"), "5");
    assert!(started.elapsed() >= users::HASH_QUEUE_WAIT);
    drop(held);
    // Not checked, so not counted against the account or the address.
    let attempts = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT COUNT(*) FROM login_attempt",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i64>(0)
        .unwrap();
    assert_eq!(attempts, 0);
}
