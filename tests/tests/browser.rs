//! End-to-end in a real headless Chromium (Debian's `chromium` + `chromedriver`, installed by
//! `.ci/run`): a visitor opens the overview, follows an axis to an action, reads its evidence,
//! opens the question, and runs a search. Screenshots of each page go to `target/screenshots/`.
//!
//! Set `VIGIE_SKIP_BROWSER=1` to skip on a machine without Chromium; CI never sets it.

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use vigie_tests::app::{App, screenshot_dir};
use vigie_tests::webdriver::{Driver, Session};

const ENTER: &str = "\u{E007}";

fn skip() -> bool {
    if std::env::var_os("VIGIE_SKIP_BROWSER").is_some() {
        eprintln!("VIGIE_SKIP_BROWSER is set: browser test skipped");
        return true;
    }
    false
}

async fn shot(s: &Session<'_>, name: &str) {
    let path = screenshot_dir().join(name);
    s.screenshot(&path)
        .await
        .unwrap_or_else(|e| panic!("screenshot {name}: {e}"));
    let len = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    assert!(
        len > 1000,
        "{name}: screenshot suspiciously small ({len} bytes)"
    );
}

/// The action most strongly linked by the matcher, with its axis number: the page a visitor
/// should find evidence on.
async fn best_linked_action(app: &App) -> (i64, String, i64) {
    let row = app
        .store
        .conn()
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT action.id AS id, action.code AS code, axis.number AS axis FROM link \
             JOIN action ON action.id = link.action_id JOIN axis ON axis.id = action.axis_id \
             WHERE link.state <> 'rejected' ORDER BY link.score DESC LIMIT 1",
        ))
        .await
        .expect("query")
        .expect("the seeds produce at least one link");
    (
        row.try_get::<i64>("", "id").unwrap(),
        row.try_get::<String>("", "code").unwrap(),
        row.try_get::<i64>("", "axis").unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn visitor_follows_an_axis_to_evidence_then_searches() {
    if skip() {
        return;
    }
    let app = App::start_with_seeds().await;
    let (_, action_code, axis_number) = best_linked_action(&app).await;
    let driver = Driver::start().await.expect("chromedriver");
    let s = driver.session().await.expect("a Chromium session");

    // 1. Overview: the plan and its counts.
    s.goto(&app.url("/")).await.unwrap();
    let body = s.body_text().await.unwrap();
    assert!(
        body.contains("Assurer la transition numérique"),
        "overview shows the plan: {body}"
    );
    shot(&s, "01-overview.png").await;

    // 2. Follow the axis link of the overview's table (a real click).
    let mut axis_link = None;
    for a in s.find_all("main table a[href*='axis=']").await.unwrap() {
        let text = s.text(&a).await.unwrap();
        let href = s.attr(&a, "href").await.unwrap().unwrap_or_default();
        if !href.contains("status=") && text.contains(&format!(" {axis_number} ")) {
            axis_link = Some(a);
            break;
        }
    }
    let axis_link =
        axis_link.unwrap_or_else(|| panic!("no link to axis {axis_number} on the overview"));
    s.click_and_wait(&axis_link).await.unwrap();
    assert!(
        s.current_url().await.unwrap().contains("/actions?"),
        "the axis link opens the action list"
    );
    shot(&s, "02-axis-actions.png").await;

    // 3. Open the action from the list (its permalink, by code) and read its evidence trail.
    let action_link = s
        .find(&format!("main a[href='/actions/{action_code}']"))
        .await
        .expect("the action is listed by its permalink");
    s.click_and_wait(&action_link).await.unwrap();
    assert!(
        s.current_url()
            .await
            .unwrap()
            .ends_with(&format!("/actions/{action_code}"))
    );
    let evidence = s.find_all("ol.timeline article.evidence").await.unwrap();
    assert!(
        !evidence.is_empty(),
        "the action page shows its evidence trail"
    );
    let why = s
        .find("details.reasons summary")
        .await
        .expect("a 'why this link' panel");
    s.click(&why).await.unwrap();
    let reasons = s
        .text(&s.find("details.reasons").await.unwrap())
        .await
        .unwrap();
    assert!(
        !reasons.trim().is_empty(),
        "the panel opens and explains the link"
    );
    assert!(
        !s.find_all("article.evidence mark")
            .await
            .unwrap()
            .is_empty(),
        "matched words are highlighted"
    );
    shot(&s, "03-action.png").await;

    // 4. Open the question behind the first piece of evidence.
    let qlink = s
        .find("article.evidence h3 a[href^='/questions/']")
        .await
        .expect("evidence links its question");
    s.click_and_wait(&qlink).await.unwrap();
    assert!(s.current_url().await.unwrap().contains("/questions/"));
    assert!(
        !s.find_all("[id^='p']").await.unwrap().is_empty(),
        "passages are anchored"
    );
    let body = s.body_text().await.unwrap();
    assert!(body.contains("Clerfayt"), "the question names its minister");
    shot(&s, "04-question.png").await;

    // 5. Search from the header box (keyboard only: type, press Enter).
    let q = s.find("#header-q").await.expect("the header search box");
    s.type_and_wait(&q, &format!("numerique{ENTER}"))
        .await
        .unwrap();
    assert!(
        s.current_url().await.unwrap().contains("/search?"),
        "the search form submits"
    );
    let marks = s.find_all("main mark").await.unwrap();
    assert!(
        !marks.is_empty(),
        "search without accents finds 'numérique' and highlights it"
    );
    shot(&s, "05-search.png").await;

    s.close().await.unwrap();
}

/// A staff member created through the store (as `vigie user add` does) logs in, confirms one
/// proposed link from the review queue, and overrides a status with a justification; the public
/// page then shows the assessment and the history page says who did it and why.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_logs_in_reviews_a_link_and_assesses_a_status() {
    use vigie_store::staff::{Actor, Role, users};
    if skip() {
        return;
    }
    let app = App::start_with_seeds().await;
    users::add_user(
        app.store.conn(),
        &Actor::cli(),
        "camille",
        "un mot de passe assez long",
        Role::Editor,
    )
    .await
    .expect("create the staff account");
    let driver = Driver::start().await.expect("chromedriver");
    let s = driver.session().await.expect("a Chromium session");

    // The review queue asks for a login first, then comes back.
    s.goto(&app.url("/review")).await.unwrap();
    assert!(
        s.current_url().await.unwrap().contains("/login"),
        "anonymous visitors are sent to the login page"
    );
    s.type_text(&s.find("#login-name").await.unwrap(), "camille")
        .await
        .unwrap();
    s.type_text(
        &s.find("#login-password").await.unwrap(),
        "un mot de passe assez long",
    )
    .await
    .unwrap();
    shot(&s, "10-login.png").await;
    s.click_and_wait(
        &s.find("form[action='/login'] button[type='submit']")
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    assert!(
        s.current_url().await.unwrap().contains("/review"),
        "after login the queue opens"
    );
    assert!(
        s.body_text().await.unwrap().contains("camille"),
        "the header says who is logged in"
    );
    shot(&s, "11-review.png").await;

    // Confirm the first proposed link.
    let form = s
        .find("form[action^='/review/links/'][action$='/confirm']")
        .await
        .expect("a proposed link to confirm");
    let action = s.attr(&form, "action").await.unwrap().unwrap();
    let link_id: i64 = action
        .trim_start_matches("/review/links/")
        .trim_end_matches("/confirm")
        .parse()
        .unwrap();
    let button = s
        .find(&format!("form[action='{action}'] button[type='submit']"))
        .await
        .unwrap();
    s.click_and_wait(&button).await.unwrap();
    let state = app
        .store
        .conn()
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            format!("SELECT state, reviewed_by, action_id FROM link WHERE id = {link_id}"),
        ))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(state.try_get::<String>("", "state").unwrap(), "confirmed");
    assert_eq!(
        state.try_get::<String>("", "reviewed_by").unwrap(),
        "camille"
    );
    let action_id = state.try_get::<i64>("", "action_id").unwrap();

    // Override the action's status with a justification. The id address (as links from before
    // permalinks have it) lands on the permalink.
    s.goto(&app.url(&format!("/actions/{action_id}")))
        .await
        .unwrap();
    let url = s.current_url().await.unwrap();
    assert!(
        !url.ends_with(&format!("/actions/{action_id}")) && url.contains("/actions/"),
        "the id address redirects to the action's permalink: {url}"
    );
    s.click(&s.find("#as-status option[value='stalled']").await.unwrap())
        .await
        .unwrap();
    let why = "Le ministre renvoie vers un autre niveau de pouvoir";
    s.type_text(&s.find("#as-why").await.unwrap(), why)
        .await
        .unwrap();
    s.click_and_wait(
        &s.find("form[action$='/assessment'] button[type='submit']")
            .await
            .unwrap(),
    )
    .await
    .unwrap();
    let body = s.body_text().await.unwrap();
    assert!(
        body.contains(why),
        "the action page shows the justification"
    );
    shot(&s, "12-assessed-action.png").await;

    // The public (a fresh session, not logged in) sees the assessment and its history.
    let public = driver.session().await.expect("a second, anonymous session");
    public
        .goto(&app.url(&format!("/actions/{action_id}")))
        .await
        .unwrap();
    let body = public.body_text().await.unwrap();
    assert!(
        body.contains(why) && body.contains("camille"),
        "the public page says who set the status and why"
    );
    assert!(
        public
            .find_all("form[action$='/assessment']")
            .await
            .unwrap()
            .is_empty(),
        "the public sees no form"
    );
    public
        .goto(&app.url(&format!("/actions/{action_id}/history")))
        .await
        .unwrap();
    let history = public.body_text().await.unwrap();
    assert!(
        history.contains(why) && history.contains("camille"),
        "the history page lists the change"
    );
    shot(&public, "13-history.png").await;
    public.close().await.unwrap();
    s.close().await.unwrap();
}
