//! The public pages, in process: a fresh in-memory SQLite migrated by the real migrations, the
//! seeds imported through the store, links and status proposals written as the matcher would,
//! plus one hostile question. Each page is checked for its status code, key content, escaping,
//! 404s, odd query strings and language switching; one test goes through a real port.

mod common;

use std::collections::HashMap;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use tower::ServiceExt;
use vigie_store::Store;
use vigie_store::entity::{action, link, member, minister, organisation, question};
use vigie_web::{AppState, router};

use common::{
    EvidenceText, add_link_passage, copy_of_seed, counted, evil_question, link_everywhere,
    new_link, question_by_number, request, seeded, send, write_evidence,
};

struct Fixture {
    app: Router,
    db: DatabaseConnection,
    /// Action linked to seed 000 (status in progress, with history).
    linked_action: i32,
    linked_code: String,
    /// The task force question (seed 000).
    task_force: i32,
    /// The hostile question, without an answer.
    evil: i32,
}

async fn fixture() -> Fixture {
    // The hostile question's text carries markup too.
    let db = seeded(&evil_question(&[(
        "Avez-vous déjà examiné",
        "Avez-vous déjà examiné <b>gras</b> <img src=x onerror=alert(3)>",
    )]))
    .await;
    // The hostile question is linked too, by hand, with a note and reasons that try to inject
    // markup. (The rejected link write_evidence adds never shows.)
    let e = write_evidence(
        &db,
        &EvidenceText {
            task_force_reasons: r#"{"shared_terms":[{"term":"task_force","weight":0.4,"passage_words":["task force"],"passage_spans":[],"action_words":["task force"],"related_to":null}],"minister":{"addressee":null,"pilot":"same portfolio","score":0.5,"competences":["numer"]}}"#,
            evil_reasons: r#"{"shared_terms":[{"passage_words":["<b>gras</b>","<script>alert(4)</script>"],"action_words":["\"onmouseover="]}],"why":"<script>alert(5)</script>"}"#,
            evil_note: Some("<i>note</i>"),
        },
    )
    .await;

    Fixture {
        app: router(AppState::new(db.clone())),
        db,
        linked_action: e.actions[0].id,
        linked_code: e.actions[0].code.clone(),
        task_force: e.task_force.id,
        evil: e.evil.id,
    }
}

async fn get_with(
    app: &Router,
    uri: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, HashMap<String, String>, String) {
    let r = send(app, request(Method::GET, uri, headers)).await;
    (r.status, r.header_map(), r.body)
}

async fn get(app: &Router, uri: &str) -> (StatusCode, String) {
    let (s, _, b) = get_with(app, uri, &[]).await;
    (s, b)
}

/// A question's permalink (`/questions/19-24/clerfayt/252`), as pages link it.
async fn permalink(db: &sea_orm::DatabaseConnection, id: i32) -> String {
    let address = vigie_store::query::reference::question_address(db, id)
        .await
        .unwrap()
        .unwrap();
    vigie_web::paths::question_address(id, &address)
}

async fn ok(app: &Router, uri: &str) -> String {
    let (s, b) = get(app, uri).await;
    assert_eq!(s, StatusCode::OK, "{uri}: {b}");
    assert!(b.starts_with("<!DOCTYPE html>"), "{uri}");
    b
}

/// No markup from documents survives unescaped.
fn assert_inert(uri: &str, body: &str) {
    for bad in [
        "<script>alert",
        "<b>gras",
        "<img src=x",
        "\"onmouseover=",
        "<i>note",
    ] {
        assert!(!body.contains(bad), "{uri} lets {bad:?} through");
    }
}

#[tokio::test]
async fn overview_shows_plan_counts_charts_and_newest_evidence() {
    let f = fixture().await;
    let b = ok(&f.app, "/").await;
    assert!(b.contains("Assurer la transition numérique de l’économie bruxelloise"));
    // Open data is discoverable from every page: the feed for readers, downloads and API.
    assert!(b.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
    for href in [
        "/downloads/actions.csv",
        "/downloads/dataset.json",
        "/api/v1/openapi.json",
        "/feeds/evidence.atom",
    ] {
        assert!(b.contains(&format!("href=\"{href}")), "footer links {href}");
    }
    assert!(b.contains("<svg"), "server-side chart");
    assert!(b.contains("href=\"/actions?status=in_progress\""));
    assert!(b.contains("href=\"/actions?status=no_follow_up\""));
    assert!(
        b.contains("/actions?axis="),
        "axis bars link to their lists"
    );
    assert!(b.contains("Vue d'ensemble"));
    // Coverage: one action of the plan has a linked question (the rejected link does not count).
    let total = action::Entity::find().all(&f.db).await.unwrap().len();
    assert!(
        b.contains(&format!("1 actions sur {total}")),
        "coverage sentence"
    );
    assert!(
        b.contains(&format!("/questions/{}", f.task_force)),
        "newest evidence lists the linked question"
    );
    assert!(
        b.contains("Bernard Clerfayt") || b.contains("Ministre en charge de l"),
        "ministers shown"
    );
    assert!(
        b.contains("/organisations/"),
        "partners link to their pages"
    );
    assert_inert("/", &b);
}

#[tokio::test]
async fn action_page_shows_status_evidence_highlight_reasons_and_history() {
    let f = fixture().await;
    let uri = format!("/actions/{}", f.linked_action);
    let b = ok(&f.app, &uri).await;
    assert!(b.contains(&f.linked_code));
    assert!(b.contains("badge st-in_progress"), "status badge");
    assert!(b.contains("En cours"), "status as text");
    assert!(
        b.contains("Pour l’instant mes équipes travaillent intensément"),
        "the sentence it rests on"
    );
    assert!(
        b.contains(&format!("{}#p", permalink(&f.db, f.task_force).await)),
        "links to the passage anchor"
    );
    assert!(b.contains("11/06/2020"), "evidence date");
    assert!(
        b.contains("<mark>task force</mark>"),
        "matched words highlighted: {b}"
    );
    assert!(b.contains("<details"), "why this link panel");
    assert!(b.contains("Pourquoi ce lien"));
    // Reasons in plain French: the words each side uses, the pilot minister; never the stored
    // JSON's keys or the matcher's internal names.
    assert!(
        b.contains("Le passage et l’action emploient les mêmes mots")
            || b.contains("Le passage et l'action emploient les mêmes mots"),
        "reasons as a sentence"
    );
    assert!(b.contains("« task force »"), "the shared words, quoted");
    assert!(
        b.contains("Le ministre qui répond pilote l&#39;axe")
            || b.contains("Le ministre qui répond pilote l'axe"),
        "the pilot minister"
    );
    for raw in [
        "shared terms",
        "shared_terms",
        "same portfolio",
        "surface",
        "text score",
    ] {
        assert!(
            !b.contains(raw),
            "no raw reason key {raw:?} on a public page"
        );
    }
    let en = ok(&f.app, &format!("{uri}?lang=en")).await;
    assert!(en.contains("The passage and the action use the same words"));
    assert!(
        en.contains("<span lang=\"fr\">« task force »</span>"),
        "French words marked as French"
    );
    assert!(b.contains("Historique du statut"));
    assert!(
        b.contains("badge st-announced"),
        "history keeps the older proposal"
    );
    assert!(b.contains("Bianca Debaets"));
    // The hostile evidence renders inert, reasons and note included.
    assert!(b.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(b.contains("&lt;script&gt;alert(4)&lt;/script&gt;"));
    assert!(
        !b.contains("alert(5)"),
        "a reason key the page does not know is not shown"
    );
    assert!(
        b.contains("<mark>&lt;b&gt;gras&lt;/b&gt;</mark>"),
        "highlight escapes first"
    );
    assert_inert(&uri, &b);

    // An action nobody asked about.
    let other = action::Entity::find()
        .order_by_desc(action::Column::Id)
        .one(&f.db)
        .await
        .unwrap()
        .unwrap();
    let b = ok(&f.app, &format!("/actions/{}", other.id)).await;
    assert!(b.contains("Sans suivi"));
    assert!(b.contains("Aucune question ni réponse n'est liée à cette action."));
}

#[tokio::test]
async fn question_page_anchors_passages_tags_actions_and_gives_the_delay() {
    let f = fixture().await;
    let uri = format!("/questions/{}", f.task_force);
    let b = ok(&f.app, &uri).await;
    assert!(b.contains("task force numérique"));
    assert!(b.contains("id=\"p1\""), "passages anchored");
    assert!(b.contains("49 jours"), "23/04/2020 → 11/06/2020");
    assert!(
        b.contains(&format!("/actions/{}", f.linked_action)),
        "passage tagged with its action"
    );
    assert!(b.contains("Recevable"), "procedural acts");
    assert!(b.contains("Bernard Clerfayt"));

    let uri = format!("/questions/{}", f.evil);
    let b = ok(&f.app, &uri).await;
    assert!(b.contains("Cette question n'a pas (encore) reçu de réponse."));
    assert!(b.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;onmouseover=alert(2)"));
    assert!(b.contains("<title>&lt;script&gt;"), "title escaped too");
    assert_inert(&uri, &b);
}

#[tokio::test]
async fn people_and_organisation_pages() {
    let f = fixture().await;
    let m = member::Entity::find()
        .filter(member::Column::Name.eq("Bianca Debaets"))
        .one(&f.db)
        .await
        .unwrap()
        .unwrap();
    let uri = format!("/members/{}", m.id);
    let b = ok(&f.app, &uri).await;
    assert!(b.contains("<h1>Bianca Debaets</h1>"));
    assert!(
        b.contains(&format!("/actions/{}", f.linked_action)),
        "actions probed"
    );
    assert!(b.contains(&format!("/questions/{}", f.task_force)));
    assert_inert(&uri, &b);

    let named = minister::Entity::find()
        .filter(minister::Column::Name.eq("Bernard Clerfayt"))
        .one(&f.db)
        .await
        .unwrap();
    let named = named.expect("the seeds name Bernard Clerfayt");
    let uri = format!("/ministers/{}", named.id);
    let b = ok(&f.app, &uri).await;
    assert!(b.contains("Délai de réponse médian"));
    assert!(b.contains("Actions pilotées"));
    // His portfolio matches the plan's lead portfolio, which pilots axes: he pilots actions.
    assert!(
        b.contains("/actions/"),
        "actions piloted through the portfolio: {b}"
    );
    assert_inert(&uri, &b);

    let cirb = organisation::Entity::find()
        .filter(organisation::Column::Name.eq("CIRB"))
        .one(&f.db)
        .await
        .unwrap()
        .unwrap();
    let uri = format!("/organisations/{}", cirb.id);
    let b = ok(&f.app, &uri).await;
    assert!(b.contains("Paradigm"), "aliases listed");
    assert!(b.contains("Partenaire des plans"));
}

#[tokio::test]
async fn lists_filter_sort_paginate_and_keep_filters_in_links() {
    let f = fixture().await;
    let b = ok(&f.app, "/actions").await;
    assert!(b.contains(&f.linked_code));
    assert!(b.contains("<label for=\"f-status\">"), "labelled filters");

    let b = ok(&f.app, "/actions?status=in_progress").await;
    assert!(b.contains("1 action<"), "one action in progress: {b}");
    assert!(b.contains(&format!("/actions/{}", f.linked_action)));
    assert!(
        b.contains("<option value=\"in_progress\" selected>"),
        "the filter shows its value"
    );

    let b = ok(&f.app, "/actions?status=delivered&sort=status").await;
    assert!(b.contains("1 action<"));

    let total = action::Entity::find().all(&f.db).await.unwrap().len();
    if total > 25 {
        let b = ok(&f.app, "/actions?status=no_follow_up&lang=en").await;
        assert!(b.contains("page=2"), "paginated");
        assert!(
            b.contains("status=no_follow_up&amp;page=2")
                || b.contains("status=no_follow_up&amp;lang=en&amp;page=2")
                || b.contains("page=2&amp;lang=en"),
            "filters kept: {b}"
        );
    }

    let b = ok(&f.app, "/questions").await;
    assert!(
        b.contains("5 questions"),
        "four seeds plus the hostile one: {b}"
    );
    assert_inert("/questions", &b);
    let b = ok(&f.app, &format!("/questions?action={}", f.linked_action)).await;
    assert!(b.contains("2 questions"));
    let b = ok(&f.app, "/questions?status=in_progress").await;
    assert!(b.contains("2 questions"));
    let b = ok(
        &f.app,
        "/questions?from=2020-05-01&to=2020-12-31&sort=oldest",
    )
    .await;
    assert!(b.contains("questions") || b.contains("question"));
}

#[tokio::test]
async fn search_ignores_accents_and_case_highlights_and_escapes() {
    let f = fixture().await;
    let b = ok(&f.app, "/search?q=NUMERIQUE").await;
    assert!(
        b.contains("<mark>numérique</mark>") || b.contains("<mark>Numérique</mark>"),
        "{b}"
    );
    assert!(b.contains(&format!("/questions/{}", f.task_force)));
    // A plural finds the singular; a hyphenated compound is one term.
    let b = ok(&f.app, "/search?q=num%C3%A9riques").await;
    assert!(
        b.contains("<mark>numérique</mark>") || b.contains("<mark>Numérique</mark>"),
        "plural finds singular"
    );
    let b = ok(&f.app, "/search?q=e-sant%C3%A9").await;
    assert!(b.contains("<mark>"), "e-santé is found as one term");
    // The official number finds its question.
    let b = ok(&f.app, "/search?q=1176").await;
    assert!(b.contains("Questions portant le numéro 1176"), "{b}");
    let b = ok(&f.app, "/search?q=script").await;
    assert!(
        b.contains(&permalink(&f.db, f.evil).await),
        "hostile subject is searchable"
    );
    assert!(b.contains("<mark>script</mark>"), "{b}");
    assert_inert("/search?q=script", &b);
    let b = ok(&f.app, "/search?q=gras&kind=passage").await;
    assert!(b.contains("&lt;b&gt;<mark>gras</mark>&lt;/b&gt;"), "{b}");
    assert_inert("/search?q=gras", &b);
    let b = ok(&f.app, "/search?q=%22task+force%22&kind=question").await;
    assert!(b.contains("1 résultat"), "{b}");
    let b = ok(&f.app, "/search?q=p%C3%B4le&kind=action").await;
    assert!(b.contains("/actions/"));
}

#[tokio::test]
async fn unknown_ids_give_the_404_page() {
    let f = fixture().await;
    for uri in [
        "/actions/999999",
        "/actions/abc",
        "/actions/-1",
        "/actions/99999999999999999999",
        "/questions/0",
        "/members/424242",
        "/ministers/424242",
        "/organisations/424242",
        "/nope",
        "/static/nope.css",
    ] {
        let (s, b) = get(&f.app, uri).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{uri}");
        assert!(b.contains("Cette page n'existe pas."), "{uri}: {b}");
        assert!(b.contains("<main"), "{uri}: a full page");
    }
    let (s, h, b) = get_with(&f.app, "/api/v1/nothing", &[]).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(h["content-type"].starts_with("application/json"));
    let v: serde_json::Value = serde_json::from_str(&b).unwrap();
    assert_eq!(v["error"], "not_found");
}

#[tokio::test]
async fn odd_query_strings_give_normal_pages() {
    let f = fixture().await;
    let huge = "a".repeat(10 * 1024);
    let odd = [
        String::new(),
        "q=".to_string(),
        format!("q={huge}"),
        format!("q={huge}&status={huge}&page={huge}"),
        "q=%E2%9C%93%20caf%C3%A9%20%F0%9F%A6%80".to_string(),
        "q=%27%20OR%201%3D1%20--&axis=1%20OR%201=1&minister=%27".to_string(),
        "q=%3Cb%3E&status=%3Cscript%3E&sort=%22".to_string(),
        "q=%22&kind=passage".to_string(),
        "q=NEAR(a%20b)%20*%20%5E&page=-3".to_string(),
        "page=999999999999999999999&from=2020-13-45&to=yesterday".to_string(),
        "%ZZ=%&&=&lang=xx".to_string(),
    ];
    for path in ["/", "/actions", "/questions", "/search", "/statuses"] {
        for q in &odd {
            let uri = if q.is_empty() {
                path.to_string()
            } else {
                format!("{path}?{q}")
            };
            let (s, b) = get(&f.app, &uri).await;
            assert!(
                s == StatusCode::OK || s == StatusCode::BAD_REQUEST,
                "{uri} gave {s}"
            );
            assert!(!b.contains("<b>") && !b.contains("<script>"), "{path}?{q}");
        }
    }
    // The echoed query is escaped in the search box.
    let b = ok(&f.app, "/search?q=%3Cb%3E%22onmouseover%3D").await;
    assert!(b.contains("value=\"&lt;b&gt;&quot;onmouseover=\""), "{b}");
}

#[tokio::test]
async fn language_switches_with_query_or_accept_language() {
    let f = fixture().await;
    let b = ok(&f.app, "/?lang=en").await;
    assert!(b.contains("<html lang=\"en\">"));
    assert!(b.contains("Overview"));
    assert!(
        b.contains("href=\"/actions?lang=en\""),
        "links keep the language"
    );
    assert!(!b.contains("Vue d'ensemble</a>"));
    let (_, _, b) = get_with(
        &f.app,
        "/statuses",
        &[("accept-language", "en-GB,en;q=0.9,fr;q=0.5")],
    )
    .await;
    assert!(b.contains("<html lang=\"en\">"));
    assert!(b.contains("Delivered"));
    let b = ok(&f.app, &format!("/actions/{}?lang=en", f.linked_action)).await;
    assert!(b.contains("In progress"));
    assert!(b.contains("Why this link?"));
    let b = ok(&f.app, "/statuses").await;
    assert!(b.contains("<html lang=\"fr\">"));
    assert!(b.contains("Réalisée"));
    assert!(b.contains("a été lancé"));
}

#[tokio::test]
async fn page_structure_is_accessible() {
    let f = fixture().await;
    for uri in [
        "/".to_string(),
        "/actions".into(),
        format!("/actions/{}", f.linked_action),
        "/questions".into(),
        format!("/questions/{}", f.task_force),
        "/search?q=numerique".into(),
        "/statuses".into(),
    ] {
        let b = ok(&f.app, &uri).await;
        assert_eq!(b.matches("<h1").count(), 1, "{uri}: one h1");
        for landmark in [
            "<header",
            "<nav",
            "<main",
            "<footer",
            "class=\"skip-link\" href=\"#main\"",
        ] {
            assert!(b.contains(landmark), "{uri}: {landmark}");
        }
        // Every input that is not hidden has a label.
        for (i, _) in b.match_indices("<input ") {
            let tag = &b[i..i + b[i..].find('>').unwrap()];
            if tag.contains("type=\"hidden\"") {
                continue;
            }
            let id = tag
                .split("id=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .unwrap_or_else(|| panic!("{uri}: {tag}"));
            assert!(
                b.contains(&format!("for=\"{id}\"")),
                "{uri}: input {id} has a label"
            );
        }
        // Headings never skip a level.
        let mut last = 1;
        for (i, _) in b.match_indices("<h") {
            if let Some(level) = b[i + 2..].chars().next().and_then(|c| c.to_digit(10)) {
                assert!(level <= last + 1, "{uri}: h{level} after h{last}");
                last = level;
            }
        }
    }
}

#[tokio::test]
async fn stylesheet_and_security_headers() {
    let f = fixture().await;
    let (s, h, b) = get_with(&f.app, "/static/vigie.css", &[]).await;
    assert_eq!(s, StatusCode::OK);
    assert!(h["content-type"].starts_with("text/css"));
    assert!(h["cache-control"].contains("immutable"));
    assert!(b.contains(".badge"));
    let (_, h, b) = get_with(&f.app, "/", &[]).await;
    assert!(b.contains(&vigie_web::assets::css_url()));
    assert!(h["content-security-policy"].contains("default-src 'self'"));
    assert_eq!(h["x-content-type-options"], "nosniff");
    let (_, h, _) = get_with(&f.app, "/", &[(header::ACCEPT_ENCODING.as_str(), "gzip")]).await;
    assert_eq!(h.get("content-encoding").map(String::as_str), Some("gzip"));
}

#[tokio::test]
async fn serves_on_a_real_port() {
    let f = fixture().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(vigie_web::serve_on(AppState::new(f.db.clone()), listener));
    let res = reqwest::get(format!("http://{addr}/")).await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let body = res.text().await.unwrap();
    assert!(body.contains("Assurer la transition numérique"));
    let res = reqwest::get(format!("http://{addr}/actions/999999"))
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    server.abort();
}

/// The number of SQL statements each URI runs on a fresh server (so nothing is cached yet).
async fn page_query_counts(db: &DatabaseConnection, uris: &[String]) -> Vec<usize> {
    let (db, counter) = counted(db);
    let app = router(AppState::new(db));
    let mut out = vec![];
    for uri in uris {
        let before = counter.load(std::sync::atomic::Ordering::SeqCst);
        ok(&app, uri).await;
        out.push(counter.load(std::sync::atomic::Ordering::SeqCst) - before);
    }
    out
}

#[tokio::test]
async fn no_page_runs_a_query_per_row() {
    let f = fixture().await;
    let a = f.linked_action;
    // Pages are fetched by their permalinks (an id address adds a redirect).
    let code = f.linked_code.clone();
    let tf_link = permalink(&f.db, f.task_force).await;
    let tf = question::Entity::find_by_id(f.task_force)
        .one(&f.db)
        .await
        .unwrap()
        .unwrap();
    let uris: Vec<String> = vec![
        "/".into(),
        format!("/actions/{code}"),
        tf_link.clone(),
        // One kind of hit each: a search loads each kind with one query and skips the kinds
        // absent from the page, so the mix (not the number) of hits decides the count.
        "/search?q=numerique&kind=question".into(),
        "/search?q=numerique&kind=passage".into(),
        "/search?q=numerique&kind=action".into(),
        "/actions".into(),
        "/questions".into(),
        format!("/members/{}", tf.member_id),
        format!("/ministers/{}", tf.minister_id),
    ];
    let small = page_query_counts(&f.db, &uris).await;
    let mixed = ["/search?q=numerique".to_string()];
    let mixed_small = page_query_counts(&f.db, &mixed).await;

    // Twenty more questions by twenty more members, each linked on every passage to the action
    // (two pages of evidence), and the task force question linked to every other action.
    let store = Store::from_connection(f.db.clone());
    for n in 0..20 {
        store
            .import_document(&format!("copy{n}.txt"), copy_of_seed(n).as_bytes())
            .await
            .unwrap();
        let q = question_by_number(&f.db, 20_000 + n as i32).await;
        link_everywhere(&f.db, q.id, a, 0.5).await;
    }
    let linked: Vec<i32> = link::Entity::find()
        .filter(link::Column::QuestionId.eq(f.task_force))
        .all(&f.db)
        .await
        .unwrap()
        .iter()
        .map(|l| l.action_id)
        .collect();
    for other in action::Entity::find().all(&f.db).await.unwrap() {
        if !linked.contains(&other.id) {
            link_everywhere(&f.db, f.task_force, other.id, 0.3).await;
        }
    }
    let big = page_query_counts(&f.db, &uris).await;
    for ((uri, s), b) in uris.iter().zip(&small).zip(&big) {
        assert_eq!(
            s, b,
            "{uri}: {s} queries with the small data, {b} with more rows"
        );
        assert!(*s > 0 && *s < 40, "{uri}: {s} queries");
    }
    let mixed_big = page_query_counts(&f.db, &mixed).await;
    assert!(
        mixed_big[0] <= mixed_small[0],
        "/search: {mixed_small:?} queries with the small data, {mixed_big:?} with more rows"
    );

    // Every page of the trail costs the same.
    let trail = page_query_counts(
        &f.db,
        &[
            format!("/actions/{code}"),
            format!("/actions/{code}?page=2"),
            format!("/actions/{code}?page=3"),
        ],
    )
    .await;
    assert!(trail.iter().all(|n| *n == trail[0]), "{trail:?}");

    // The evidence trail did grow, and comes one page at a time.
    let b = ok(&f.app, &format!("/actions/{code}")).await;
    assert!(b.contains("22 questions"), "count of linked questions");
    assert_eq!(b.matches("<article class=\"evidence\"").count(), 10);
    assert!(b.contains("Page 1 sur 3"));
    assert!(b.contains(&format!("href=\"/actions/{code}?page=2#trail\"")));
    let b = ok(&f.app, &format!("/actions/{code}?page=3")).await;
    assert_eq!(b.matches("<article class=\"evidence\"").count(), 2);
    assert!(b.contains(&format!("href=\"/actions/{code}?page=2#trail\"")));
}

/// The trail shows each question with its best passage (by score, not by position), and links
/// the question's page for the others; the API keeps them all.
#[tokio::test]
async fn the_trail_shows_each_questions_best_passage_and_links_the_others() {
    use sea_orm::ActiveModelTrait;
    use vigie_store::entity::passage;
    let f = fixture().await;
    let store = Store::from_connection(f.db.clone());
    store
        .import_document("copy0.txt", copy_of_seed(0).as_bytes())
        .await
        .unwrap();
    let q = question_by_number(&f.db, 20_000).await;
    let passages = passage::Entity::find()
        .filter(passage::Column::QuestionId.eq(q.id))
        .order_by_asc(passage::Column::Position)
        .all(&f.db)
        .await
        .unwrap();
    assert!(passages.len() >= 3, "{} passages", passages.len());
    let l = new_link(q.id, f.linked_action, 0.6, "proposed")
        .insert(&f.db)
        .await
        .unwrap();
    let best = &passages[2];
    let reasons = r#"{"shared_terms":[{"term":"numer","weight":0.5,"passage_words":["numérique"],"passage_spans":[],"action_words":["numérique"],"related_to":null}]}"#;
    for p in &passages {
        let score = if p.id == best.id { 0.6 } else { 0.3 };
        add_link_passage(&f.db, l.id, p.id, score, reasons).await;
    }
    let page = ok(&f.app, &format!("/actions/{}", f.linked_code)).await;
    let at = permalink(&f.db, q.id).await;
    assert!(
        page.contains(&format!("href=\"{at}#p{}\"", best.position)),
        "the best passage is shown"
    );
    for p in passages.iter().filter(|p| p.id != best.id) {
        assert!(
            !page.contains(&format!("href=\"{at}#p{}\"", p.position)),
            "passage {} is on the question's page only",
            p.position
        );
    }
    let more = format!(
        "<a href=\"{at}\">{} autres passages liés, sur la page de la question</a>",
        passages.len() - 1
    );
    assert!(page.contains(&more), "{more}");
    let (status, api) = get(&f.app, &format!("/api/v1/actions/{}", f.linked_action)).await;
    assert_eq!(status, StatusCode::OK);
    let api: serde_json::Value = serde_json::from_str(&api).unwrap();
    let evidence = api["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["link_id"] == l.id)
        .expect("the link in the API");
    assert_eq!(
        evidence["passages"].as_array().unwrap().len(),
        passages.len()
    );
}

#[tokio::test]
async fn public_pages_are_served_again_until_the_data_changes() {
    let f = fixture().await;
    let (db, counter) = counted(&f.db);
    let app = router(AppState::new(db));
    let uri = format!("/actions/{}", f.linked_code);
    let first = ok(&app, &uri).await;
    let n = counter.load(std::sync::atomic::Ordering::SeqCst);
    let again = ok(&app, &uri).await;
    assert_eq!(first, again);
    assert_eq!(
        counter.load(std::sync::atomic::Ordering::SeqCst) - n,
        1,
        "a cached page costs one query: the data revision"
    );
    // The language is part of the key.
    let (_, _, en) = get_with(&app, &uri, &[("accept-language", "en")]).await;
    assert!(
        en.contains("Evidence trail") || en.contains("lang=\"en\""),
        "{en}"
    );
    assert_ne!(en, first);

    // A write from anywhere (here another connection, as `vigie import` would) shows at once.
    let extra = question::Entity::find()
        .filter(question::Column::Number.eq(9252))
        .one(&f.db)
        .await
        .unwrap()
        .unwrap();
    let before = first.matches("<article class=\"evidence\"").count();
    let other = action::Entity::find()
        .order_by_desc(action::Column::Id)
        .one(&f.db)
        .await
        .unwrap()
        .unwrap();
    link_everywhere(&f.db, extra.id, other.id, 0.6).await;
    let b = ok(&app, &format!("/actions/{}", other.id)).await;
    assert_eq!(b.matches("<article class=\"evidence\"").count(), 1);
    link_everywhere(&f.db, f.task_force, other.id, 0.6).await;
    let b = ok(&app, &format!("/actions/{}", other.id)).await;
    assert_eq!(
        b.matches("<article class=\"evidence\"").count(),
        2,
        "the second link shows: the cached page was dropped"
    );
    assert_eq!(
        ok(&app, &uri)
            .await
            .matches("<article class=\"evidence\"")
            .count(),
        before
    );

    // Gzip from the cache decompresses to the page itself.
    let res = app
        .clone()
        .oneshot(
            Request::builder()
                .uri(&uri)
                .header(header::ACCEPT_ENCODING, "gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.headers()[header::CONTENT_ENCODING], "gzip");
    assert!(res.headers()["content-security-policy"].len() > 10);
    let zipped = res.into_body().collect().await.unwrap().to_bytes();
    let mut plain = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&zipped[..]), &mut plain)
        .unwrap();
    assert_eq!(plain, ok(&app, &uri).await);
}

/// Permalinks by official reference: an action by its code, a question by legislature, surname and
/// number (any case, spaces or hyphens); the id addresses redirect there permanently; a code two
/// plans share lists both, each with its plan's address.
#[tokio::test]
async fn permalinks_by_official_reference_and_id_redirects() {
    let f = fixture().await;
    let once = |uri: String| {
        let app = f.app.clone();
        async move {
            common::send_once(
                &app,
                common::request(Method::GET, &uri, &[]),
                common::BodyText::Lossy,
            )
            .await
        }
    };
    // The action by code; its id redirects there.
    let code = f.linked_code.clone();
    let b = ok(&f.app, &format!("/actions/{code}")).await;
    assert!(b.contains(&code));
    let r = once(format!("/actions/{}", f.linked_action)).await;
    assert_eq!(r.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(r.location(), format!("/actions/{code}"));
    let r = once(format!("/actions/{}?lang=en", f.linked_action)).await;
    assert_eq!(
        r.location(),
        format!("/actions/{code}?lang=en"),
        "the language is kept"
    );
    assert_eq!(get(&f.app, "/actions/9.9").await.0, StatusCode::NOT_FOUND);

    // The task-force question: n°252 of 19/24, to Clerfayt.
    let tf = question::Entity::find_by_id(f.task_force)
        .one(&f.db)
        .await
        .unwrap()
        .unwrap();
    let link = permalink(&f.db, f.task_force).await;
    let legislature = tf.legislature.replace('/', "-");
    assert!(
        link.starts_with(&format!("/questions/{legislature}/"))
            && link.ends_with(&format!("/{}", tf.number)),
        "{link}"
    );
    let r = once(format!("/questions/{}", f.task_force)).await;
    assert_eq!(r.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(r.location(), link);
    let b = ok(&f.app, &link).await;
    assert!(b.contains("task force numérique"), "{link}");
    // Any case, accents or hyphens in the surname.
    let shouted = link.replace("/clerfayt/", "/CLERFAYT/");
    assert_eq!(get(&f.app, &shouted).await.0, StatusCode::OK, "{shouted}");
    assert_eq!(
        get(
            &f.app,
            &format!("/questions/{legislature}/nobody/{}", tf.number)
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );
    // Pages link the permalinks.
    let b = ok(&f.app, "/questions").await;
    assert!(
        b.contains(&format!("href=\"{link}\"")),
        "the list links the permalink"
    );

    // A second plan with the same codes: the code lists both, each plan's address serves one, and
    // an id redirects to its plan's address.
    let store = vigie_store::Store::from_connection(f.db.clone());
    let plan_text =
        std::fs::read_to_string(common::seeds().join("002_b3504396cbcb168b.txt")).unwrap();
    let other = plan_text.replacen(
        "Assurer la transition numérique de l’économie bruxelloise",
        "Plan régional pour l’innovation",
        1,
    );
    store
        .import_document("other-plan.txt", other.as_bytes())
        .await
        .unwrap();
    let (s, b) = get(&f.app, &format!("/actions/{code}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(b.contains("Plusieurs résultats"), "{b}");
    let choices: Vec<&str> = b.matches("/plans/").collect();
    assert_eq!(choices.len(), 2, "{b}");
    let r = once(format!("/actions/{}", f.linked_action)).await;
    assert!(
        r.location().starts_with("/plans/") && r.location().ends_with(&format!("/actions/{code}")),
        "{}",
        r.location()
    );
    let b = ok(&f.app, r.location()).await;
    assert!(b.contains(&code));
}

/// Index pages for ministers, members and organisations, linked from every page's footer.
#[tokio::test]
async fn index_pages_list_ministers_members_and_organisations() {
    let f = fixture().await;
    let home = ok(&f.app, "/").await;
    let tf = question::Entity::find_by_id(f.task_force)
        .one(&f.db)
        .await
        .unwrap()
        .unwrap();
    for (uri, id_path) in [
        ("/ministers", format!("/ministers/{}", tf.minister_id)),
        ("/members", format!("/members/{}", tf.member_id)),
    ] {
        assert!(
            home.contains(&format!("href=\"{uri}\"")),
            "footer links {uri}"
        );
        let b = ok(&f.app, uri).await;
        assert!(
            b.contains(&format!("href=\"{id_path}\"")),
            "{uri} lists {id_path}"
        );
        assert!(b.contains("question"), "{uri} gives counts");
        assert_inert(uri, &b);
    }
    let org = organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .one(&f.db)
        .await
        .unwrap()
        .unwrap();
    let b = ok(&f.app, "/organisations").await;
    assert!(b.contains(&format!("href=\"/organisations/{}\"", org.id)));
    let en = ok(&f.app, "/ministers?lang=en").await;
    assert!(en.contains("<h1>Ministers</h1>"));
}

/// A filter value the list cannot use gets a message, not a silent full list.
#[tokio::test]
async fn invalid_filter_values_are_said() {
    let f = fixture().await;
    let b = ok(&f.app, "/actions?status=bogus").await;
    assert!(b.contains("role=\"alert\""), "{b}");
    assert!(b.contains("« bogus » n'est pas une valeur possible"), "{b}");
    let b = ok(&f.app, "/questions?from=31/12/2020&lang=en").await;
    assert!(b.contains("“31/12/2020” is not a possible value"), "{b}");
    assert_inert(
        "/actions",
        &ok(&f.app, "/actions?status=%3Cscript%3Ealert(1)").await,
    );
    let b = ok(&f.app, "/actions?status=delivered&from=2020-01-01").await;
    assert!(!b.contains("role=\"alert\""), "valid values: no message");
}

/// A question appears once in the results, with its best matching passages (at most three), each
/// linking to its place in the question.
#[tokio::test]
async fn a_question_appears_once_in_search_results_with_its_best_passages() {
    let f = fixture().await;
    let b = ok(&f.app, "/search?q=num%C3%A9rique").await;
    let link = permalink(&f.db, f.task_force).await;
    assert_eq!(
        b.matches(&format!("href=\"{link}\"")).count(),
        1,
        "the task-force question is one result: {b}"
    );
    let passages = b.matches(&format!("href=\"{link}#p")).count();
    assert!((1..=3).contains(&passages), "{passages} passages shown");
    // ... all in one entry of the results list.
    let results = &b[b.find("<ol class=\"list\"").expect("a results list")..];
    let entries = results
        .split("<li>")
        .filter(|e| e.contains(&format!("href=\"{link}")))
        .count();
    assert_eq!(entries, 1, "{results}");
    // Kinds still filter: only passages, still one entry per question.
    let b = ok(&f.app, "/search?q=num%C3%A9rique&kind=passage").await;
    assert_eq!(b.matches(&format!("href=\"{link}\"")).count(), 1);
}

/// One person, one page: the plan's lead-minister link (a portfolio, as the plan names it) leads to
/// the page of the minister who answers the questions, with their questions; every other row of
/// that person redirects there too.
#[tokio::test]
async fn the_plans_lead_minister_is_the_person_who_answers() {
    let f = fixture().await;
    let home = ok(&f.app, "/").await;
    let lead = home
        .split("<dd>")
        .find(|dd| dd.contains("/ministers/"))
        .expect("the overview names the lead ministers");
    let at = lead.find("href=\"/ministers/").unwrap() + "href=\"".len();
    let href = &lead[at..at + lead[at..].find('"').unwrap()];
    let r = common::send_once(
        &f.app,
        common::request(Method::GET, href, &[]),
        common::BodyText::Lossy,
    )
    .await;
    let page = match r.status {
        StatusCode::OK => r.body,
        StatusCode::SEE_OTHER => ok(&f.app, r.location()).await,
        s => panic!("{href}: {s}"),
    };
    let tf = question::Entity::find_by_id(f.task_force)
        .one(&f.db)
        .await
        .unwrap()
        .unwrap();
    assert!(
        page.contains(&permalink(&f.db, tf.id).await),
        "the lead minister's page lists the questions they answered: {page}"
    );
    // The question's own minister row is the same page.
    let (s, _) = get(&f.app, &format!("/ministers/{}", tf.minister_id)).await;
    assert!(s == StatusCode::OK || s == StatusCode::SEE_OTHER);
}

/// On an SQLite file, a cached page costs no query while nothing is committed (the WAL index
/// header says so), and a commit from another connection (another process, as `vigie import`)
/// shows at the next request.
#[tokio::test]
async fn cached_pages_cost_no_query_until_another_process_commits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vigie.db").display().to_string();
    let writer = Store::open(&path).await.unwrap();
    for entry in std::fs::read_dir(common::seeds()).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        writer
            .import_document(&name, &std::fs::read(&p).unwrap())
            .await
            .unwrap();
    }
    let server = Store::open_for_serving(&path).await.unwrap();
    let probe = server.change_probe();
    assert!(probe.is_some(), "a WAL database has a probe");
    let (db, counter) = counted(server.conn());
    let app = router(AppState::new(db).with_change_probe(probe));
    let first = ok(&app, "/questions").await;
    let n = counter.load(std::sync::atomic::Ordering::SeqCst);
    assert_eq!(ok(&app, "/questions").await, first);
    assert_eq!(
        counter.load(std::sync::atomic::Ordering::SeqCst) - n,
        0,
        "a cached page with no commit since costs no query"
    );
    // Another connection commits: the next request reads the revision and renders again.
    writer
        .import_document("extra.txt", copy_of_seed(7).as_bytes())
        .await
        .unwrap();
    let after = ok(&app, "/questions").await;
    assert_ne!(after, first, "the new question shows at once");
    assert!(after.contains("Numéro7"), "{after}");
}

/// The charts are drawn narrow enough that their 13-unit labels stay readable on a 390 px phone
/// (at least 11 px once the drawing is scaled to the screen's width, 390 px less the margins).
#[tokio::test]
async fn chart_labels_stay_readable_on_a_phone() {
    let f = fixture().await;
    let b = ok(&f.app, "/").await;
    let mut charts = 0;
    for part in b.split("viewBox=\"0 0 ").skip(1) {
        let width: f64 = part.split(' ').next().unwrap().parse().unwrap();
        let shown = 390.0 - 32.0;
        assert!(13.0 * shown / width >= 11.0, "a chart {width} units wide");
        charts += 1;
    }
    assert!(charts >= 2, "the overview draws its two charts");
}

/// The overview says which period the questions cover and when the data last changed.
#[tokio::test]
async fn the_overview_gives_the_period_covered_and_the_last_update() {
    let f = fixture().await;
    let b = ok(&f.app, "/").await;
    assert!(b.contains("Période couverte par les questions"), "{b}");
    assert!(b.contains("Données mises à jour le"), "{b}");
    assert!(b.contains("<time datetime=\""), "a machine-readable date");
    let en = ok(&f.app, "/?lang=en").await;
    assert!(en.contains("Period the questions cover"));
}
