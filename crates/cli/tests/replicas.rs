//! Two `vigie serve` processes on one database, as replicas behind a proxy: a session opened on
//! one is valid on the other, a staff decision taken on one and an import run beside them show
//! at once on both, however many pages each had cached. The database is an SQLite file, or a
//! PostgreSQL database when the run asks for one (`VIGIE_TEST_POSTGRES`): the replicas hold
//! nothing of their own, so both engines must pass.

use std::io::{BufRead, BufReader};
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{vigie_on, vigie_with_stdin};

const PASSWORD: &str = "a long enough passphrase";

fn vigie(db: &str, args: &[&str], stdin: &str) -> Output {
    let out = vigie_with_stdin(db, args, stdin);
    assert!(
        out.status.success(),
        "vigie {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

struct Replica {
    child: Child,
    base: String,
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `vigie serve` on a free port and waits until it says where.
fn serve(db: &str) -> Replica {
    let mut child = vigie_on(db)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    // Owned at once, so a failure below still stops the process.
    let mut replica = Replica {
        child,
        base: String::new(),
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let line = rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("vigie serve prints its address");
        if let Some(i) = line.find("http://") {
            replica.base = line[i..]
                .split_whitespace()
                .next()
                .unwrap()
                .trim_end_matches('/')
                .to_string();
            return replica;
        }
    }
}

/// The value of `name="<field>" value="…"` in a page.
fn field(body: &str, field: &str) -> String {
    let marker = format!("name=\"{field}\" value=\"");
    let at = body
        .find(&marker)
        .unwrap_or_else(|| panic!("{field} in {body}"))
        + marker.len();
    body[at..at + body[at..].find('"').unwrap()].to_string()
}

fn cookie(res: &reqwest::Response, name: &str) -> String {
    res.headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_string())
        .find(|c| c.starts_with(&format!("{name}=")))
        .unwrap_or_else(|| panic!("a {name} cookie"))
}

async fn text(http: &reqwest::Client, url: &str, cookie: Option<&str>) -> (u16, String) {
    let mut req = http.get(url);
    if let Some(c) = cookie {
        req = req.header(reqwest::header::COOKIE, c);
    }
    let res = req.send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn rejected(http: &reqwest::Client, r: &Replica) -> u64 {
    let (status, body) = text(
        http,
        &format!("{}/api/v1/links?state=rejected", r.base),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str::<serde_json::Value>(&body).unwrap()["total"]
        .as_u64()
        .unwrap()
}

/// The "N questions" the question list shows.
async fn questions(http: &reqwest::Client, r: &Replica) -> String {
    let (status, body) = text(http, &format!("{}/questions", r.base), None).await;
    assert_eq!(status, 200);
    let marker = "<p role=\"status\">";
    let start = body.find(marker).expect("a question count") + marker.len();
    let len = body[start..].find(' ').unwrap();
    body[start..start + len].to_string()
}

#[tokio::test]
async fn two_replicas_share_sessions_and_see_each_others_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = vigie_store::testing::database_for_test(&dir.path().join("vigie.db")).await;
    vigie(&db, &["import", "seeds/"], "");
    vigie(
        &db,
        &["user", "add", "camille", "--role", "editor"],
        &format!("{PASSWORD}\n"),
    );
    let (a, b) = (serve(&db), serve(&db));
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

    // Both replicas render (and cache) the public pages.
    for r in [&a, &b] {
        assert_eq!(rejected(&http, r).await, 0);
        assert_eq!(questions(&http, r).await, "4");
    }

    // A session opened on A…
    let res = http.get(format!("{}/login", a.base)).send().await.unwrap();
    let login_cookie = cookie(&res, "vigie_login");
    let token = field(&res.text().await.unwrap(), "login_csrf");
    let res = http
        .post(format!("{}/login", a.base))
        .header(reqwest::header::COOKIE, &login_cookie)
        .header(
            reqwest::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .body(
            serde_urlencoded::to_string([
                ("name", "camille"),
                ("password", PASSWORD),
                ("login_csrf", &token),
            ])
            .unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303, "{:?}", res.text().await);
    let session = cookie(&res, "vigie_session");

    // …is valid on B, where a decision is taken.
    let (status, review) = text(&http, &format!("{}/review", b.base), Some(&session)).await;
    assert_eq!(status, 200, "the session opened on A works on B");
    let marker = "action=\"/review/links/";
    let at = review.find(marker).expect("a proposal to review") + marker.len();
    let link: u32 = review[at..at + review[at..].find('/').unwrap()]
        .parse()
        .unwrap();
    let csrf = field(&review, "csrf");
    let res = http
        .post(format!("{}/review/links/{link}/reject", b.base))
        .header(reqwest::header::COOKIE, &session)
        .header(
            reqwest::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .body(
            serde_urlencoded::to_string([
                ("csrf", csrf.as_str()),
                ("note", "not about this action"),
            ])
            .unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303, "{:?}", res.text().await);

    // A, which had the page cached, shows the decision at once; so does B.
    assert_eq!(
        rejected(&http, &a).await,
        1,
        "replica A serves no stale page"
    );
    assert_eq!(rejected(&http, &b).await, 1);

    // An import beside them shows on both too.
    vigie(
        &db,
        &["import", "tests/data/questions/101_pics_de_pollution.txt"],
        "",
    );
    let (qa, qb) = (questions(&http, &a).await, questions(&http, &b).await);
    assert_ne!(qa, "4", "replica A sees the import");
    assert_eq!(qa, qb);

    // Logging out on B ends the session on A.
    let res = http
        .post(format!("{}/logout", b.base))
        .header(reqwest::header::COOKIE, &session)
        .header(
            reqwest::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .body(serde_urlencoded::to_string([("csrf", csrf.as_str())]).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let (status, _) = text(&http, &format!("{}/review", a.base), Some(&session)).await;
    assert_ne!(status, 200, "the session closed on B is closed on A");
}
