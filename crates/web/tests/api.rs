//! The JSON API, the downloads and the Atom feeds, in process: a fresh in-memory SQLite migrated
//! by the real migrations, the seeds imported through the store, links and status proposals
//! written as the matcher would, a staff assessment made through the staff API, and one hostile
//! question. Every response is checked against the hand-written OpenAPI document (a small
//! validator below), so the document cannot drift from what the API returns.

mod common;

use std::collections::BTreeSet;

use axum::Router;
use axum::http::{Method, StatusCode};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::Value;
use vigie_core::Status;
use vigie_store::Store;
use vigie_store::entity::{
    action, link, member, minister, organisation, question, status_proposal,
};
use vigie_store::staff::{Actor, Role, assessments, users};
use vigie_web::{AppState, api, router};

use common::{
    BodyText, EVIL_SUBJECT, EvidenceText, Res, copy_of_seed, counted, evil_question,
    link_everywhere, now, question_by_number, request, seeded, send_as, write_evidence,
};

const JUSTIFICATION: &str = "Reporté, dit le ministre: \"pas avant 2025\"\net rien depuis";

struct Fixture {
    app: Router,
    db: DatabaseConnection,
    /// Linked to seed 000 (engine: in progress, with an older "announced" proposal) and to the
    /// hostile question.
    linked_action: i32,
    /// Engine "delivered", staff "stalled".
    assessed_action: i32,
    task_force: i32,
    evil: i32,
    actions: usize,
}

async fn fixture() -> Fixture {
    let db = seeded(&evil_question(&[])).await;
    // The import may run the matcher; this fixture writes its own links and proposals.
    link::Entity::delete_many().exec(&db).await.unwrap();
    status_proposal::Entity::delete_many()
        .exec(&db)
        .await
        .unwrap();
    let e = write_evidence(
        &db,
        &EvidenceText {
            task_force_reasons: r#"{"shared_terms":[{"term":"task_force","weight":0.4,"passage_words":["task force"],"passage_spans":[],"action_words":["task force"],"related_to":null}],"minister":{"addressee":null,"pilot":"same portfolio","score":0.5,"competences":["numer"]}}"#,
            evil_reasons: r#"{"why":"<script>alert(4)</script>, \"quoted\""}"#,
            evil_note: None,
        },
    )
    .await;
    let alice = users::add_user(
        &db,
        &Actor::cli(),
        "alice",
        "correct horse battery staple",
        Role::Editor,
    )
    .await
    .unwrap();
    assessments::assess(
        &db,
        &alice.actor(),
        e.actions[2].id,
        Status::Stalled,
        JUSTIFICATION,
    )
    .await
    .unwrap();

    Fixture {
        app: router(AppState::new(db.clone())),
        db,
        linked_action: e.actions[0].id,
        assessed_action: e.actions[2].id,
        task_force: e.task_force.id,
        evil: e.evil.id,
        actions: e.actions.len(),
    }
}

/// The API's bodies are UTF-8, or the test fails.
async fn call(app: &Router, method: Method, uri: &str, headers: &[(&str, &str)]) -> Res {
    send_as(app, request(method, uri, headers), BodyText::Strict).await
}

async fn get(app: &Router, uri: &str) -> Res {
    call(app, Method::GET, uri, &[]).await
}

fn spec() -> Value {
    serde_json::from_str(api::OPENAPI).expect("openapi.json is JSON")
}

/// The schema of the 200 response of `GET path` (a spec path such as `/actions/{id}`).
fn response_schema(spec: &Value, path: &str) -> Value {
    spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"].clone()
}

/// A small JSON Schema check, enough for the spec's own constructs: `$ref`, `oneOf`, `type`
/// (one or several), `enum`, `properties` + `required` + `additionalProperties: false`, `items`.
fn check(spec: &Value, schema: &Value, v: &Value, at: &str) -> Result<(), String> {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/components/schemas/");
        let target = &spec["components"]["schemas"][name];
        if target.is_null() {
            return Err(format!("{at}: unknown schema {r}"));
        }
        return check(spec, target, v, at);
    }
    if let Some(alts) = schema.get("oneOf").and_then(Value::as_array) {
        let errs: Vec<String> = alts
            .iter()
            .filter_map(|s| check(spec, s, v, at).err())
            .collect();
        return if errs.len() < alts.len() {
            Ok(())
        } else {
            Err(errs.join(" | "))
        };
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "null" => v.is_null(),
            "string" => v.is_string(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "array" => v.is_array(),
            "object" => v.is_object(),
            _ => false,
        });
        if !ok {
            return Err(format!("{at}: expected {types:?}, got {v}"));
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array)
        && !e.contains(v)
    {
        return Err(format!("{at}: {v} not in {e:?}"));
    }
    if let (Some(props), Some(obj)) = (
        schema.get("properties").and_then(Value::as_object),
        v.as_object(),
    ) {
        for req in schema["required"].as_array().into_iter().flatten() {
            let k = req.as_str().unwrap();
            if !obj.contains_key(k) {
                return Err(format!("{at}: missing {k}"));
            }
        }
        for (k, val) in obj {
            match props.get(k) {
                Some(s) => check(spec, s, val, &format!("{at}.{k}"))?,
                None if schema["additionalProperties"] == Value::Bool(false) => {
                    return Err(format!("{at}: {k} is not in the spec"));
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            check(spec, items, x, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

/// GET `uri` (under /api/v1), expect 200 JSON matching the spec's schema for `spec_path`.
async fn ok_json(f: &Fixture, uri: &str, spec_path: &str) -> Value {
    let r = get(&f.app, &format!("/api/v1{uri}")).await;
    assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.body);
    assert!(
        r.header("content-type").starts_with("application/json"),
        "{uri}: {}",
        r.header("content-type")
    );
    let v = r.json();
    let spec = spec();
    let schema = response_schema(&spec, spec_path);
    assert!(!schema.is_null(), "{spec_path} has a 200 schema");
    if let Err(e) = check(&spec, &schema, &v, uri) {
        panic!("{uri} does not match the spec: {e}");
    }
    v
}

fn ids(list: &Value) -> Vec<i64> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            i["id"]
                .as_i64()
                .or(i["action"]["id"].as_i64())
                .or(i["question"]["id"].as_i64())
                .unwrap()
        })
        .collect()
}

#[tokio::test]
async fn every_route_answers_json_that_matches_the_spec() {
    let f = fixture().await;
    let plans = ok_json(&f, "/plans", "/plans").await;
    assert_eq!(plans["total"], 1);
    let plan = &plans["items"][0];
    assert_eq!(plan["action_count"], f.actions);
    assert_eq!(plan["counts"]["in_progress"], 1);
    assert!(
        plan["title"]
            .as_str()
            .unwrap()
            .contains("transition numérique")
    );
    let plan_id = plan["id"].as_i64().unwrap();
    let detail = ok_json(&f, &format!("/plans/{plan_id}"), "/plans/{id}").await;
    assert_eq!(detail["actions"].as_array().unwrap().len(), f.actions);
    assert!(detail["axes"].as_array().unwrap().len() >= 5);

    let axes = ok_json(&f, "/axes", "/axes").await;
    let axis_id = ids(&axes)[0];
    let axis = ok_json(&f, &format!("/axes/{axis_id}"), "/axes/{id}").await;
    assert!(!axis["actions"].as_array().unwrap().is_empty());
    assert!(
        !axis["pilots"].as_array().unwrap().is_empty(),
        "axis pilots"
    );
    let of_plan = ok_json(&f, &format!("/axes?plan={plan_id}"), "/axes").await;
    assert_eq!(of_plan["total"], axes["total"]);
    let none = ok_json(&f, "/axes?plan=999999", "/axes").await;
    assert_eq!(none["total"], 0);

    let actions = ok_json(&f, "/actions?per_page=100", "/actions").await;
    assert_eq!(actions["total"], f.actions);
    ok_json(
        &f,
        &format!("/actions/{}", f.linked_action),
        "/actions/{id}",
    )
    .await;

    let questions = ok_json(&f, "/questions", "/questions").await;
    assert_eq!(
        questions["total"], 5,
        "four seed questions and the hostile one"
    );
    ok_json(
        &f,
        &format!("/questions/{}", f.task_force),
        "/questions/{id}",
    )
    .await;
    ok_json(&f, &format!("/questions/{}", f.evil), "/questions/{id}").await;

    let links = ok_json(&f, "/links", "/links").await;
    assert_eq!(links["total"], 3, "every state, rejected included");

    let members = ok_json(&f, "/members", "/members").await;
    for id in ids(&members) {
        ok_json(&f, &format!("/members/{id}"), "/members/{id}").await;
    }
    let ministers = ok_json(&f, "/ministers?per_page=100", "/ministers").await;
    assert!(
        ministers["items"][0]["name"].is_string(),
        "named ministers come first"
    );
    for id in ids(&ministers) {
        ok_json(&f, &format!("/ministers/{id}"), "/ministers/{id}").await;
    }
    let orgs = ok_json(&f, "/organisations?per_page=100", "/organisations").await;
    for id in ids(&orgs) {
        ok_json(&f, &format!("/organisations/{id}"), "/organisations/{id}").await;
    }
    let cirb = orgs["items"].as_array().unwrap().iter().find(|o| {
        o["aliases"].as_array().unwrap().iter().any(|a| a == "CIRB") || o["name"] == "CIRB"
    });
    assert!(
        cirb.is_some(),
        "the CIRB / Paradigm alias is listed: {orgs}"
    );
}

#[tokio::test]
async fn action_detail_gives_status_engine_staff_and_evidence() {
    let f = fixture().await;
    let a = ok_json(
        &f,
        &format!("/actions/{}", f.linked_action),
        "/actions/{id}",
    )
    .await;
    assert_eq!(a["action"]["status"], "in_progress");
    assert_eq!(a["current"]["status"], "in_progress");
    assert_eq!(
        a["current"]["sentence"],
        "Pour l’instant mes équipes travaillent intensément"
    );
    assert_eq!(a["current"]["evidence_date"], "2020-06-11");
    assert_eq!(a["current"]["question"]["number"], 252);
    assert_eq!(a["history"].as_array().unwrap().len(), 2);
    assert_eq!(a["history"][1]["status"], "announced");
    assert!(a["assessment"].is_null());
    let evidence = a["evidence"].as_array().unwrap();
    assert_eq!(evidence.len(), 2, "the rejected link is left out");
    let tf = evidence
        .iter()
        .find(|e| e["question"]["id"] == f.task_force)
        .expect("task force evidence");
    assert_eq!(tf["score"], 0.82);
    assert_eq!(tf["passages"][0]["score"], 0.77);
    assert_eq!(tf["passages"][0]["kind"], "answer");
    assert_eq!(
        tf["passages"][0]["reasons"]["minister"]["pilot"],
        "same portfolio"
    );
    assert!(tf["passages"][0]["text"].as_str().unwrap().len() > 20);
    // JSON carries text as it is (a string value cannot inject markup); the hostile subject
    // round-trips exactly.
    let evil = evidence
        .iter()
        .find(|e| e["question"]["id"] == f.evil)
        .unwrap();
    assert_eq!(evil["question"]["subject"], EVIL_SUBJECT);

    let s = ok_json(
        &f,
        &format!("/actions/{}", f.assessed_action),
        "/actions/{id}",
    )
    .await;
    assert_eq!(s["current"]["status"], "delivered");
    assert_eq!(s["assessment"]["status"], "stalled");
    assert_eq!(s["assessment"]["user_name"], "alice");
    assert_eq!(s["assessment"]["justification"], JUSTIFICATION);
}

#[tokio::test]
async fn question_detail_gives_acts_passages_and_links_per_passage() {
    let f = fixture().await;
    let q = ok_json(
        &f,
        &format!("/questions/{}", f.task_force),
        "/questions/{id}",
    )
    .await;
    assert_eq!(q["question"]["number"], 252);
    assert_eq!(q["question"]["member"]["name"], "Bianca Debaets");
    assert!(
        q["question"]["minister"]["name"]
            .as_str()
            .unwrap()
            .contains("Clerfayt")
    );
    assert_eq!(q["delay_days"], 49);
    assert!(
        q["acts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["label"] == "Recevable")
    );
    let linked: Vec<&Value> = q["passages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["links"].as_array().unwrap().is_empty())
        .collect();
    assert_eq!(linked.len(), 1, "one passage is linked");
    assert_eq!(linked[0]["links"][0]["action"]["id"], f.linked_action);
    assert_eq!(linked[0]["links"][0]["words"][0], "task force");
    assert_eq!(q["links"].as_array().unwrap().len(), 1, "rejected left out");
    let e = ok_json(&f, &format!("/questions/{}", f.evil), "/questions/{id}").await;
    assert!(e["question"]["answered"].is_null());
    assert!(e["delay_days"].is_null());
}

#[tokio::test]
async fn lists_filter_and_paginate() {
    let f = fixture().await;
    // Walk every page of the actions by following `next`.
    let mut seen = vec![];
    let mut uri = "/api/v1/actions?sort=code&per_page=4".to_string();
    let mut pages = 0;
    loop {
        let r = get(&f.app, &uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        let v = r.json();
        assert_eq!(v["per_page"], 4);
        assert_eq!(v["total"], f.actions);
        assert!(v["items"].as_array().unwrap().len() <= 4);
        seen.extend(ids(&v));
        pages += 1;
        match v["next"].as_str() {
            Some(n) => {
                assert!(n.starts_with("/api/v1/actions?sort=code&page="), "{n}");
                uri = n.to_string();
            }
            None => break,
        }
    }
    assert_eq!(pages, f.actions.div_ceil(4));
    let distinct: BTreeSet<i64> = seen.iter().copied().collect();
    assert_eq!(distinct.len(), f.actions, "no action twice, none missing");
    let past = ok_json(&f, "/actions?page=999", "/actions").await;
    assert!(past["items"].as_array().unwrap().is_empty());
    assert!(past["next"].is_null());

    let st = ok_json(&f, "/actions?status=in_progress", "/actions").await;
    assert_eq!(ids(&st), vec![f.linked_action as i64]);
    let newest = ok_json(&f, "/actions?sort=evidence&per_page=1", "/actions").await;
    assert_eq!(ids(&newest), vec![f.linked_action as i64]);
    assert_eq!(newest["items"][0]["evidence_count"], 2);
    let dated = ok_json(&f, "/actions?from=2020-06-01&to=2020-06-30", "/actions").await;
    assert_eq!(ids(&dated), vec![f.linked_action as i64]);
    let empty = ok_json(&f, "/actions?from=2030-01-01", "/actions").await;
    assert_eq!(empty["total"], 0);

    let qs = ok_json(
        &f,
        &format!("/questions?action={}", f.linked_action),
        "/questions",
    )
    .await;
    let got: BTreeSet<i64> = ids(&qs).into_iter().collect();
    assert_eq!(got, BTreeSet::from([f.task_force as i64, f.evil as i64]));
    let m = member::Entity::find()
        .filter(member::Column::Name.eq("Bianca Debaets"))
        .one(&f.db)
        .await
        .unwrap()
        .unwrap();
    let asked = question::Entity::find()
        .filter(question::Column::MemberId.eq(m.id))
        .all(&f.db)
        .await
        .unwrap()
        .len();
    assert!(asked >= 2, "seed 000 and its hostile copy");
    let by_member = ok_json(
        &f,
        &format!("/questions?member={}&per_page=1", m.id),
        "/questions",
    )
    .await;
    assert_eq!(by_member["total"], asked);
    assert_eq!(by_member["items"].as_array().unwrap().len(), 1);
    assert_eq!(
        by_member["next"],
        format!("/api/v1/questions?member={}&page=2&per_page=1", m.id)
    );
    let oldest = ok_json(&f, "/questions?sort=oldest&per_page=100", "/questions").await;
    let newest = ok_json(&f, "/questions?sort=newest&per_page=100", "/questions").await;
    let mut rev = ids(&newest);
    rev.reverse();
    assert_eq!(ids(&oldest), rev);

    let rejected = ok_json(&f, "/links?state=rejected", "/links").await;
    assert_eq!(rejected["total"], 1);
    assert_eq!(rejected["items"][0]["state"], "rejected");
    let for_action = ok_json(&f, &format!("/links?action={}", f.linked_action), "/links").await;
    assert_eq!(for_action["total"], 2);
    let for_q = ok_json(
        &f,
        &format!("/links?question={}&state=confirmed", f.evil),
        "/links",
    )
    .await;
    assert_eq!(for_q["total"], 1);
    assert_eq!(
        for_q["items"][0]["passages"][0]["reasons"]["why"],
        "<script>alert(4)</script>, \"quoted\""
    );

    // One item per person or post: the seeds' seven minister rows (the plan's portfolios in
    // several wordings, the questions' ministers) are three.
    let mins = minister::Entity::find().all(&f.db).await.unwrap().len();
    assert_eq!(mins, 7);
    let p = ok_json(&f, "/ministers?per_page=2&page=2", "/ministers").await;
    assert_eq!(p["total"], 3);
    assert_eq!(p["page"], 2);
    let all = ok_json(&f, "/ministers?per_page=100", "/ministers").await;
    let names: Vec<String> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| format!("{}|{}", m["name"], m["portfolio"]))
        .collect();
    let mut unique = names.clone();
    unique.dedup();
    assert_eq!(names, unique, "{names:?}");
    let total: u64 = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["question_count"].as_u64().unwrap())
        .sum();
    let questions = question::Entity::find().all(&f.db).await.unwrap().len() as u64;
    assert_eq!(
        total, questions,
        "every question counted once, under its person"
    );
    let orgs = organisation::Entity::find().all(&f.db).await.unwrap().len();
    let o = ok_json(&f, "/organisations?per_page=1", "/organisations").await;
    assert_eq!(o["total"], orgs);
}

async fn expect_error(f: &Fixture, uri: &str, status: StatusCode, code: &str) -> String {
    let r = get(&f.app, uri).await;
    assert_eq!(r.status, status, "{uri}: {}", r.body);
    assert!(
        r.header("content-type").starts_with("application/json"),
        "{uri}: {}",
        r.header("content-type")
    );
    let v = r.json();
    let spec = spec();
    check(&spec, &spec["components"]["schemas"]["Error"], &v, uri).unwrap();
    assert_eq!(v["error"], code, "{uri}");
    v["message"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn unknown_ids_are_json_404s() {
    let f = fixture().await;
    for uri in [
        "/api/v1/plans/999999",
        "/api/v1/axes/999999",
        "/api/v1/actions/999999",
        "/api/v1/questions/999999",
        "/api/v1/members/999999",
        "/api/v1/ministers/999999",
        "/api/v1/organisations/999999",
        "/api/v1/actions/abc",
        "/api/v1/actions/-1",
        "/api/v1/actions/99999999999999999999",
        "/api/v1/nothing-here",
        "/api/v2/plans",
    ] {
        let msg = expect_error(&f, uri, StatusCode::NOT_FOUND, "not_found").await;
        assert!(!msg.is_empty());
    }
    let msg = expect_error(
        &f,
        "/api/v1/actions/999999",
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert!(msg.contains("action 999999"), "{msg}");
}

#[tokio::test]
async fn bad_parameters_are_json_400s_naming_the_parameter() {
    let f = fixture().await;
    let cases: &[(&str, &str)] = &[
        ("/api/v1/actions?page=-1", "page"),
        ("/api/v1/actions?page=0", "page"),
        ("/api/v1/actions?page=abc", "page"),
        ("/api/v1/actions?page=100001", "page"),
        ("/api/v1/actions?per_page=1000000000", "per_page"),
        ("/api/v1/actions?per_page=0", "per_page"),
        ("/api/v1/links?per_page=101", "per_page"),
        ("/api/v1/actions?status=d%C3%A9livr%C3%A9", "status"),
        ("/api/v1/actions?status=%F0%9F%92%A5", "status"),
        ("/api/v1/actions?axis=%D9%A1", "axis"),
        ("/api/v1/actions?axis=1%27%20OR%201%3D1--", "axis"),
        (
            "/api/v1/questions?member=1;DROP%20TABLE%20question",
            "member",
        ),
        ("/api/v1/questions?from=2020-13-01", "from"),
        ("/api/v1/questions?to=yesterday", "to"),
        ("/api/v1/questions?sort=random()", "sort"),
        ("/api/v1/actions?sort=%3Cscript%3E", "sort"),
        ("/api/v1/links?state=deleted", "state"),
        ("/api/v1/actions?colour=red", "colour"),
        ("/api/v1/actions?status=delivered&status=stalled", "status"),
        ("/api/v1/plans/1?page=2", "page"),
        ("/api/v1/members?q=x", "q"),
    ];
    for (uri, param) in cases {
        let msg = expect_error(&f, uri, StatusCode::BAD_REQUEST, "bad_request").await;
        assert!(msg.contains(param), "{uri}: {msg}");
    }
    let long = format!("/api/v1/actions?sort={}", "a".repeat(5000));
    let msg = expect_error(&f, &long, StatusCode::BAD_REQUEST, "bad_request").await;
    assert!(msg.len() < 200, "the message does not echo the whole input");
    // Empty values mean "no filter", as in the pages' forms.
    let v = ok_json(&f, "/actions?status=&axis=&page=", "/actions").await;
    assert_eq!(v["total"], f.actions);
    // The database is intact after the SQL fragments.
    assert_eq!(ok_json(&f, "/questions", "/questions").await["total"], 5);
}

/// The two filtered lists word each refusal exactly alike and, given several bad values, name
/// the same one first whatever the order of the query string.
#[tokio::test]
async fn list_filters_refuse_bad_values_with_exact_messages() {
    let f = fixture().await;
    let id = |p: &str, v: &str| format!("{p} must be a positive whole number (an id), not \"{v}\"");
    let date = |p: &str, v: &str| format!("{p} must be a date written YYYY-MM-DD, not \"{v}\"");
    for (list, sorts, takes_action) in [
        ("actions", "code, status, evidence, newest", false),
        ("questions", "newest, oldest", true),
    ] {
        // In the order they are checked.
        let mut cases: Vec<(&str, &str, String)> = vec![
            (
                "page",
                "0",
                "page must be a whole number from 1 to 100000, not \"0\"".into(),
            ),
            (
                "per_page",
                "101",
                "per_page must be a whole number from 1 to 100, not \"101\"".into(),
            ),
            (
                "status",
                "done",
                "status must be one of: delivered, in_progress, announced, stalled, \
                 no_follow_up; not \"done\""
                    .into(),
            ),
            ("axis", "x", id("axis", "x")),
            ("action", "1.5", id("action", "1.5")),
            ("minister", "0", id("minister", "0")),
            ("member", "-2", id("member", "-2")),
            (
                "organisation",
                "99999999999",
                id("organisation", "99999999999"),
            ),
            ("from", "2020-02-30", date("from", "2020-02-30")),
            ("to", "31/12/2020", date("to", "31/12/2020")),
            (
                "sort",
                "random",
                format!("sort must be one of: {sorts}; not \"random\""),
            ),
        ];
        if !takes_action {
            cases.retain(|(p, _, _)| *p != "action");
            let msg = expect_error(
                &f,
                "/api/v1/actions?action=1",
                StatusCode::BAD_REQUEST,
                "bad_request",
            )
            .await;
            assert_eq!(
                msg,
                "bad request: unknown parameter \"action\"; expected one of: status, axis, \
                 minister, member, organisation, from, to, sort, review, page, per_page"
            );
            let msg = expect_error(
                &f,
                "/api/v1/actions?review=maybe",
                StatusCode::BAD_REQUEST,
                "bad_request",
            )
            .await;
            assert_eq!(
                msg,
                "bad request: review must be one of: unreviewed, reviewed; not \"maybe\""
            );
        }
        for (p, v, want) in &cases {
            let uri = format!("/api/v1/{list}?{p}={v}");
            let msg = expect_error(&f, &uri, StatusCode::BAD_REQUEST, "bad_request").await;
            assert_eq!(msg, format!("bad request: {want}"), "{uri}");
        }
        // All bad at once, written last-checked first: the first checked is named.
        for first in 0..cases.len() {
            let query: Vec<String> = cases[first..]
                .iter()
                .rev()
                .map(|(p, v, _)| format!("{p}={v}"))
                .collect();
            let uri = format!("/api/v1/{list}?{}", query.join("&"));
            let msg = expect_error(&f, &uri, StatusCode::BAD_REQUEST, "bad_request").await;
            assert_eq!(msg, format!("bad request: {}", cases[first].2), "{uri}");
        }
    }
}

#[tokio::test]
async fn the_api_is_read_only() {
    let f = fixture().await;
    // The API itself routes GET only: any other method is a 405 naming GET.
    let bare: Router = api::router().with_state(AppState::new(f.db.clone()));
    for path in api::paths() {
        let uri = path.replace("{id}", "1");
        for m in [Method::POST, Method::PUT, Method::PATCH, Method::DELETE] {
            let r = call(&bare, m.clone(), &uri, &[]).await;
            assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{m} {uri}");
            assert!(r.header("allow").contains("GET"), "{m} {uri}");
            // Through the whole site, with or without a staff session, the same 405 naming
            // GET, as the JSON error: the method does not exist, logging in would not help.
            let r = call(&f.app, m.clone(), &uri, &[]).await;
            assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{m} {uri}");
            assert!(r.header("allow").contains("GET"), "{m} {uri}");
            assert!(r.header("content-type").starts_with("application/json"));
            assert_eq!(r.json()["error"], "method_not_allowed", "{m} {uri}");
        }
    }
}

#[tokio::test]
async fn openapi_document_matches_the_router() {
    let f = fixture().await;
    let r = get(&f.app, "/api/v1/openapi.json").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header("content-type").starts_with("application/json"));
    let served = r.json();
    let spec = spec();
    assert_eq!(served, spec);
    assert_eq!(spec["openapi"], "3.1.0");
    assert_eq!(spec["servers"][0]["url"], api::PREFIX);

    let in_spec: BTreeSet<String> = spec["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(|p| format!("{}{p}", api::PREFIX))
        .collect();
    let in_router: BTreeSet<String> = api::paths().into_iter().collect();
    assert_eq!(
        in_spec, in_router,
        "every route in the spec and every spec path routed"
    );

    for route in api::table() {
        let op = &spec["paths"][route.path]["get"];
        assert!(op.is_object(), "{} has a GET", route.path);
        let declared: BTreeSet<String> = op["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| match p.get("$ref").and_then(Value::as_str) {
                Some(r) => spec["components"]["parameters"]
                    [r.trim_start_matches("#/components/parameters/")]
                .clone(),
                None => p.clone(),
            })
            .filter(|p| p["in"] == "query")
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect();
        let accepted: BTreeSet<String> = route.params.iter().map(|s| s.to_string()).collect();
        assert_eq!(declared, accepted, "query parameters of {}", route.path);
        assert!(
            op["responses"]["400"].is_object(),
            "{} documents 400",
            route.path
        );
        if route.path.contains("{id}") {
            assert!(
                op["responses"]["404"].is_object(),
                "{} documents 404",
                route.path
            );
        }
        // Every schema the operation names exists.
        let text = op.to_string();
        for r in text.split("#/components/schemas/").skip(1) {
            let name: String = r.chars().take_while(|c| c.is_alphanumeric()).collect();
            assert!(spec["components"]["schemas"][&name].is_object(), "{name}");
        }
        // And the route answers (it is not the fallback's 404).
        let uri = format!("{}{}", api::PREFIX, route.path.replace("{id}", "1"));
        let r = get(&f.app, &uri).await;
        assert!(
            r.status == StatusCode::OK
                || (r.status == StatusCode::NOT_FOUND && !r.body.contains("no such page")),
            "{uri}: {} {}",
            r.status,
            r.body
        );
    }
}

/// A small well-formedness check: tags balance, attribute values are quoted, text and
/// attributes hold no raw `<` and only the five XML entities or character references.
fn check_xml(doc: &str) -> Result<usize, String> {
    fn entities_ok(s: &str) -> bool {
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            let after = &rest[i + 1..];
            let Some(end) = after.find(';') else {
                return false;
            };
            let name = &after[..end];
            let ok = matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
                || (name.starts_with('#')
                    && name[1..].chars().all(|c| c.is_ascii_digit())
                    && name.len() > 1);
            if !ok {
                return false;
            }
            rest = &after[end + 1..];
        }
        true
    }
    let body = doc
        .strip_prefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .ok_or("no XML declaration")?;
    let mut stack: Vec<String> = vec![];
    let mut rest = body;
    let mut elements = 0;
    while let Some(i) = rest.find('<') {
        let text = &rest[..i];
        if text.contains('>') || !entities_ok(text) {
            return Err(format!("bad text {text:?}"));
        }
        let after = &rest[i + 1..];
        let end = after.find('>').ok_or("unclosed tag")?;
        let tag = &after[..end];
        rest = &after[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().ok_or("close without open")?;
            if open != name {
                return Err(format!("</{name}> closes <{open}>"));
            }
            continue;
        }
        elements += 1;
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name: String = tag.chars().take_while(|c| !c.is_whitespace()).collect();
        let mut attrs = tag[name.len()..].trim();
        while !attrs.is_empty() {
            let eq = attrs
                .find('=')
                .ok_or(format!("attribute without value in <{name}>"))?;
            let value = attrs[eq + 1..]
                .strip_prefix('"')
                .ok_or("unquoted attribute")?;
            let close = value.find('"').ok_or("unterminated attribute")?;
            if value[..close].contains('<') || !entities_ok(&value[..close]) {
                return Err(format!("bad attribute in <{name}>"));
            }
            attrs = value[close + 1..].trim_start();
        }
        if !self_closing {
            stack.push(name);
        }
        if stack.is_empty() && !self_closing {
            return Err("element closed too early".into());
        }
    }
    if !stack.is_empty() || !rest.trim().is_empty() {
        return Err(format!("unclosed {stack:?}"));
    }
    Ok(elements)
}

fn entries(doc: &str) -> Vec<&str> {
    doc.split("<entry>").skip(1).collect()
}

#[tokio::test]
async fn atom_feeds_are_valid_escaped_and_newest_first() {
    let f = fixture().await;
    let r = call(
        &f.app,
        Method::GET,
        "/feeds/evidence.atom",
        &[("host", "vigie.example")],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.header("content-type"),
        "application/atom+xml; charset=utf-8"
    );
    let doc = &r.body;
    check_xml(doc).unwrap_or_else(|e| panic!("{e}\n{doc}"));
    assert!(doc.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    for el in ["<id>", "<title>", "<updated>", "<author>"] {
        assert!(
            doc.split("<entry>").next().unwrap().contains(el),
            "feed {el}"
        );
    }
    assert!(doc.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"http://vigie.example/feeds/evidence.atom\"/>"));
    let es = entries(doc);
    assert_eq!(es.len(), 2, "one entry per link, rejected left out");
    for e in &es {
        for el in [
            "<id>",
            "<title>",
            "<updated>",
            "<author><name>",
            "<summary type=\"text\">",
            "<link rel=\"alternate\" type=\"text/html\" href=\"http://vigie.example/questions/",
        ] {
            assert!(e.contains(el), "entry {el}: {e}");
        }
    }
    // Newest answer first: the task force answer (2020-06-11) before the unanswered copy
    // (dated by its reception, 2020-04-23).
    assert!(
        es[0].contains("<updated>2020-06-11T00:00:00Z</updated>"),
        "{}",
        es[0]
    );
    assert!(es[0].contains(&format!("/questions/{}#p", f.task_force)));
    assert!(es[0].contains("réponse du 11/06/2020"));
    assert!(doc.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;onmouseover=alert(2)"));
    assert!(!doc.contains("<script>"));
    assert!(!doc.contains("\"onmouseover"));

    let uri = format!("/actions/{}/feed.atom", f.linked_action);
    let r = get(&f.app, &uri).await;
    assert_eq!(r.status, StatusCode::OK);
    check_xml(&r.body).unwrap();
    assert_eq!(entries(&r.body).len(), 2);
    assert!(r.body.contains(&format!(
        "href=\"http://localhost/actions/{}\"",
        f.linked_action
    )));

    // An action without evidence has a valid, empty feed; an unknown one is a 404 page.
    let r = get(&f.app, &format!("/actions/{}/feed.atom", f.assessed_action)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(check_xml(&r.body).map(|_| entries(&r.body).len()), Ok(0));
    let r = get(&f.app, "/actions/999999/feed.atom").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.header("content-type").starts_with("text/html"));
    // A hostile Host header does not get into the feed.
    let r = call(
        &f.app,
        Method::GET,
        "/feeds/evidence.atom",
        &[("host", "x\"><script>")],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.body.contains("<script>"));
    check_xml(&r.body).unwrap();
}

/// The feeds speak the visitor's language, as the pages do: `?lang=en` (kept in the feed's own
/// links) or `Accept-Language`; French otherwise.
#[tokio::test]
async fn atom_feeds_follow_the_language() {
    let f = fixture().await;
    let r = get(&f.app, "/feeds/evidence.atom?lang=en").await;
    assert_eq!(r.status, StatusCode::OK);
    check_xml(&r.body).unwrap();
    let doc = &r.body;
    assert!(doc.contains("xml:lang=\"en\""), "{doc}");
    assert!(doc.contains("<title>Vigie — new parliamentary follow-up evidence</title>"));
    assert!(doc.contains("href=\"http://localhost/feeds/evidence.atom?lang=en\""));
    let es = entries(doc);
    assert!(es[0].contains("answered on 11 Jun 2020"), "{}", es[0]);
    assert!(es[0].contains("Linked to action"), "{}", es[0]);
    assert!(!doc.contains("réponse du") && !doc.contains("Liée à"));

    let r = call(
        &f.app,
        Method::GET,
        &format!("/actions/{}/feed.atom", f.linked_action),
        &[("accept-language", "en-GB,en;q=0.9,fr;q=0.5")],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("xml:lang=\"en\""));
    assert!(r.body.contains("Parliamentary follow-up of action"));
    // Accept-Language is not carried into links: only an explicit ?lang= is.
    assert!(!r.body.contains("?lang="));

    let r = get(&f.app, "/feeds/evidence.atom").await;
    assert!(r.body.contains("xml:lang=\"fr\""));
    assert!(r.body.contains("Liée à l&apos;action"), "{}", r.body);
}

/// RFC 4180 reader for the tests.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => {
                assert!(
                    c != '"' && c != '\n' && c != '\r',
                    "unquoted {c:?} in a field"
                );
                field.push(c);
            }
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "CSV ends with CRLF"
    );
    rows
}

fn column<'a>(rows: &'a [Vec<String>], name: &str) -> Vec<&'a str> {
    let i = rows[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    rows[1..].iter().map(|r| r[i].as_str()).collect()
}

#[tokio::test]
async fn downloads_are_attachments_with_exact_csv_and_the_whole_dataset() {
    let f = fixture().await;
    let r = get(&f.app, "/downloads/actions.csv").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header("content-type").starts_with("text/csv"));
    assert_eq!(
        r.header("content-disposition"),
        "attachment; filename=\"vigie-actions.csv\""
    );
    let rows = parse_csv(&r.body);
    assert_eq!(rows.len(), f.actions + 1, "a header and one row per action");
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    let statuses = column(&rows, "status");
    let decided = column(&rows, "decided_by");
    let justification = column(&rows, "staff_justification");
    let i = justification.iter().position(|j| !j.is_empty()).unwrap();
    assert_eq!(
        justification[i], JUSTIFICATION,
        "commas, quotes and newlines survive"
    );
    assert_eq!((statuses[i], decided[i]), ("stalled", "staff"));
    assert_eq!(column(&rows, "engine_status")[i], "delivered");
    assert_eq!(statuses.iter().filter(|s| **s == "in_progress").count(), 1);
    assert_eq!(
        statuses.iter().filter(|s| **s == "no_follow_up").count(),
        f.actions - 2
    );
    let sentence_row = column(&rows, "sentence")
        .iter()
        .position(|s| s.contains("travaillent"))
        .unwrap();
    assert_eq!(column(&rows, "number")[sentence_row], "252");
    assert_eq!(column(&rows, "evidence_date")[sentence_row], "2020-06-11");

    let r = get(&f.app, "/downloads/links.csv").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.header("content-disposition"),
        "attachment; filename=\"vigie-links.csv\""
    );
    let rows = parse_csv(&r.body);
    assert_eq!(rows.len(), 4, "a header and every link, rejected included");
    let subjects = column(&rows, "subject");
    assert!(
        subjects.contains(&EVIL_SUBJECT),
        "quotes and markup exact: {subjects:?}"
    );
    assert!(
        r.body
            .contains("\"<script>alert(1)</script> \"\"onmouseover=alert(2) numérique\"")
    );
    let states: BTreeSet<&str> = column(&rows, "state").into_iter().collect();
    assert_eq!(
        states,
        BTreeSet::from(["proposed", "confirmed", "rejected"])
    );
    let reasons: Vec<Value> = column(&rows, "reasons")
        .iter()
        .map(|r| serde_json::from_str(r).unwrap())
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r[0]["reasons"]["why"] == "<script>alert(4)</script>, \"quoted\"")
    );
    assert!(
        column(&rows, "passages")
            .iter()
            .any(|p| p.starts_with('p') && p.contains("(0.77)"))
    );
    assert!(
        column(&rows, "addressee")
            .iter()
            .all(|a| a.contains("Clerfayt"))
    );

    let r = get(&f.app, "/downloads/dataset.json").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header("content-type").starts_with("application/json"));
    assert_eq!(
        r.header("content-disposition"),
        "attachment; filename=\"vigie-dataset.json\""
    );
    let d = r.json();
    assert_eq!(d["plans"].as_array().unwrap().len(), 1);
    assert_eq!(d["questions"].as_array().unwrap().len(), 5);
    assert_eq!(d["links"].as_array().unwrap().len(), 3);
    assert_eq!(d["statuses"].as_array().unwrap().len(), f.actions);
    let link = d["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["question"]["number"] == 252 && l["state"] == "proposed")
        .unwrap();
    assert_eq!(link["question"]["legislature"], "19/24");
    assert!(
        link["question"]["addressee"]
            .as_str()
            .unwrap()
            .contains("Clerfayt")
    );
    assert_eq!(
        link["passages"][0]["reasons"]["minister"]["pilot"], "same portfolio",
        "the API publishes the stored reasons as they are"
    );
}

/// The number of SQL statements each URI runs, through a connection that counts them.
async fn query_counts(db: &DatabaseConnection, uris: &[String]) -> Vec<usize> {
    use std::sync::atomic::Ordering;
    let (counted, counter) = counted(db);
    let app = router(AppState::new(counted));
    let mut out = vec![];
    for uri in uris {
        let before = counter.load(Ordering::SeqCst);
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.body);
        out.push(counter.load(Ordering::SeqCst) - before);
    }
    out
}

#[tokio::test]
async fn no_query_per_row() {
    let f = fixture().await;
    let a = f.linked_action;
    let m = member::Entity::find()
        .filter(member::Column::Name.eq("Bianca Debaets"))
        .one(&f.db)
        .await
        .unwrap()
        .unwrap();
    let clerfayt = question::Entity::find_by_id(f.task_force)
        .one(&f.db)
        .await
        .unwrap()
        .unwrap()
        .minister_id;
    let uris: Vec<String> = [
        "/api/v1/plans".to_string(),
        "/api/v1/plans/1".into(),
        "/api/v1/axes".into(),
        "/api/v1/axes/1".into(),
        "/api/v1/actions?per_page=100".into(),
        format!(
            "/api/v1/actions?member={}&from=2019-01-01&sort=newest",
            m.id
        ),
        format!("/api/v1/actions/{a}"),
        "/api/v1/questions?per_page=100".into(),
        format!("/api/v1/questions?action={a}&status=in_progress&per_page=100"),
        format!("/api/v1/questions/{}", f.task_force),
        "/api/v1/links?per_page=100".into(),
        "/api/v1/members?per_page=100".into(),
        format!("/api/v1/members/{}", m.id),
        "/api/v1/ministers?per_page=100".into(),
        format!("/api/v1/ministers/{clerfayt}"),
        "/api/v1/organisations?per_page=100".into(),
        "/feeds/evidence.atom".into(),
        format!("/actions/{a}/feed.atom"),
        "/downloads/actions.csv".into(),
        "/downloads/links.csv".into(),
        "/downloads/dataset.json".into(),
    ]
    .into();
    let small = query_counts(&f.db, &uris).await;

    // Twelve more questions by twelve more members, each linked on every passage to the
    // action, with a status proposal each for more actions.
    let store = Store::from_connection(f.db.clone());
    let actions = action::Entity::find().all(&f.db).await.unwrap();
    for n in 0..12 {
        store
            .import_document(&format!("copy{n}.txt"), copy_of_seed(n).as_bytes())
            .await
            .unwrap();
        let q = question_by_number(&f.db, 20_000 + n as i32).await;
        link::Entity::delete_many()
            .filter(link::Column::QuestionId.eq(q.id))
            .exec(&f.db)
            .await
            .unwrap();
        link_everywhere(&f.db, q.id, a, 0.5).await;
        let target = &actions[3 + n % (actions.len() - 3)];
        status_proposal::ActiveModel {
            action_id: Set(target.id),
            status: Set("announced".into()),
            sentence: Set(Some("sera lancé".into())),
            question_id: Set(Some(q.id)),
            matcher_version: Set("test/1".into()),
            computed_at: Set(now()),
            current: Set(true),
            ..Default::default()
        }
        .insert(&f.db)
        .await
        .unwrap();
    }
    let big = query_counts(&f.db, &uris).await;
    for ((uri, s), b) in uris.iter().zip(&small).zip(&big) {
        assert_eq!(
            s, b,
            "{uri}: {s} queries with the small data, {b} with more rows"
        );
        assert!(*s > 0 && *s < 40, "{uri}: {s} queries");
    }
    // The lists did grow.
    let v = ok_json(
        &f,
        &format!("/api/v1/actions/{a}").replace("/api/v1", ""),
        "/actions/{id}",
    )
    .await;
    assert_eq!(v["evidence"].as_array().unwrap().len(), 14);
}
