//! `vigie user` and `vigie backup` through the real binary: accounts created with the password on
//! standard input (never as an argument), listed, disabled (sessions ended), audited; a backup
//! taken while another connection keeps writing is complete, consistent and restorable.

use std::path::Path;
use std::process::Output;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use chrono::Utc;
use vigie_store::Store;
use vigie_store::staff::backup::inspect;
use vigie_store::staff::sessions::{self, Lifetimes};
use vigie_store::staff::{Actor, aliases, audit, users};

mod common;
use common::vigie_with_stdin;

const PASSWORD: &str = "a long enough passphrase";

fn vigie(db: &Path, args: &[&str], stdin: &str) -> Output {
    vigie_with_stdin(db, args, stdin)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[tokio::test]
async fn user_add_list_disable_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("vigie.db");

    let out = vigie(
        &db,
        &["user", "add", "alice", "--role", "editor"],
        &format!("{PASSWORD}\r\n"),
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("created alice (editor)"));
    let out = vigie(
        &db,
        &["user", "add", "root", "--role", "admin"],
        &format!("{PASSWORD}\n"),
    );
    assert!(out.status.success(), "{}", text(&out));

    // Refusals, each with a message that says why; nothing is created.
    for (args, stdin, says) in [
        (
            vec!["user", "add", "bob", "--role", "editor"],
            "short\n",
            "at least 12 characters",
        ),
        (
            vec!["user", "add", "bob", "--role", "editor"],
            "",
            "at least 12 characters",
        ),
        (
            vec!["user", "add", "alice", "--role", "admin"],
            "another long passphrase\n",
            "already exists",
        ),
        (
            vec!["user", "add", "bob", "--role", "owner"],
            "another long passphrase\n",
            "invalid value 'owner'",
        ),
        (
            vec!["user", "add", "bob smith", "--role", "editor"],
            "another long passphrase\n",
            "user name",
        ),
        (
            vec!["user", "add", "bob", "--role", "editor", "--password", "x"],
            "",
            "unexpected argument '--password'",
        ),
        (vec!["user", "disable", "nobody"], "", "not found"),
    ] {
        let out = vigie(&db, &args, stdin);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(text(&out).contains(says), "{args:?}: {}", text(&out));
        assert!(
            !text(&out).contains(stdin.trim()) || stdin.trim().is_empty(),
            "the password is not echoed"
        );
    }

    let out = vigie(&db, &["user", "list"], "");
    assert!(out.status.success());
    let listing = text(&out);
    assert!(listing.contains("alice\teditor\tactive"), "{listing}");
    assert!(listing.contains("root\tadmin\tactive"), "{listing}");
    assert!(!listing.contains("bob"), "{listing}");
    assert!(!listing.contains("argon2"), "no hash in the listing");

    // The password read from stdin (line ending removed) is the one stored.
    let store = Store::open(db.to_str().unwrap()).await.unwrap();
    let alice = users::authenticate(store.conn(), "alice", PASSWORD)
        .await
        .unwrap()
        .expect("alice logs in");
    assert!(
        users::authenticate(store.conn(), "alice", &format!("{PASSWORD}\r"))
            .await
            .unwrap()
            .is_none()
    );

    // Disabling ends the sessions at once.
    sessions::create(store.conn(), alice.id, Utc::now(), Lifetimes::default())
        .await
        .unwrap();
    assert_eq!(
        sessions::count_for_user(store.conn(), alice.id)
            .await
            .unwrap(),
        1
    );
    let out = vigie(
        &db,
        &["user", "disable", "alice", "--why", "left the team"],
        "",
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        sessions::count_for_user(store.conn(), alice.id)
            .await
            .unwrap(),
        0
    );
    assert!(
        users::authenticate(store.conn(), "alice", PASSWORD)
            .await
            .unwrap()
            .is_none()
    );
    assert!(text(&vigie(&db, &["user", "list"], "")).contains("alice\teditor\tdisabled"));

    // A new password, then enabled again.
    let out = vigie(
        &db,
        &["user", "passwd", "alice"],
        "a brand new passphrase\n",
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        vigie(&db, &["user", "enable", "alice"], "")
            .status
            .success()
    );
    assert!(
        users::authenticate(store.conn(), "alice", "a brand new passphrase")
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        users::authenticate(store.conn(), "alice", PASSWORD)
            .await
            .unwrap()
            .is_none()
    );

    // Every account change is in the audit log, as made from the command line, without secrets.
    let rows = audit::recent(store.conn(), 100).await.unwrap();
    let kinds: Vec<&str> = rows.iter().rev().map(|r| r.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "user.add",
            "user.add",
            "user.disable",
            "user.password",
            "user.enable"
        ]
    );
    assert!(rows.iter().all(|r| r.user_name.starts_with("cli")));
    assert_eq!(rows[2].why.as_deref(), Some("left the team"));
    for r in &rows {
        let all = format!("{:?} {:?}", r.before, r.after);
        assert!(
            !all.contains("argon2") && !all.contains(PASSWORD) && !all.contains("brand new"),
            "{all}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_while_writing_is_consistent_and_restorable() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    let store = Store::open(db.to_str().unwrap()).await.unwrap();
    let orgs = aliases::organisations(store.conn()).await.unwrap();
    let org = orgs[0].id;
    let default_aliases: i64 = orgs.iter().map(|o| o.aliases.len() as i64).sum();

    // A writer: each change is one transaction holding an alias and its audit row.
    let stop = Arc::new(AtomicBool::new(false));
    let written = Arc::new(AtomicU64::new(0));
    let writer = {
        let (conn, stop, written) = (store.conn().clone(), stop.clone(), written.clone());
        tokio::spawn(async move {
            let actor = Actor::cli();
            let mut i = 0u64;
            while !stop.load(Ordering::Relaxed) {
                aliases::add_alias(&conn, &actor, org, &format!("alias {i}"), Some("load"))
                    .await
                    .unwrap();
                written.fetch_add(1, Ordering::Relaxed);
                i += 1;
            }
        })
    };
    while written.load(Ordering::Relaxed) < 50 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let copy = dir.path().join("copy.db");
    let (db2, copy2) = (db.clone(), copy.clone());
    let out =
        tokio::task::spawn_blocking(move || vigie(&db2, &["backup", copy2.to_str().unwrap()], ""))
            .await
            .unwrap();
    let during = written.load(Ordering::Relaxed);
    // Keep writing a little after, then stop.
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    stop.store(true, Ordering::Relaxed);
    writer.await.unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("integrity ok"), "{}", text(&out));

    // The copy is sound and consistent: every alias has its audit row, none is half-written.
    let report = inspect(&copy).await.unwrap();
    assert_eq!(report.integrity, "ok");
    let n = |t: &str| {
        report
            .tables
            .iter()
            .find(|(name, _)| name == t)
            .map(|(_, n)| *n)
            .unwrap()
    };
    let aliases_in_copy = n("organisation_alias") - default_aliases;
    assert!(
        aliases_in_copy >= 50,
        "the copy holds what was written before: {aliases_in_copy}"
    );
    assert!(aliases_in_copy as u64 <= during, "and nothing from after");
    assert_eq!(
        n("audit_log"),
        aliases_in_copy,
        "each alias with its audit row"
    );
    assert!(!dir.path().join("copy.db-wal").exists(), "a single file");
    let live_total = written.load(Ordering::Relaxed);
    assert!(
        live_total > aliases_in_copy as u64,
        "the writer went on during and after the copy"
    );

    // Never over an existing file.
    let out = vigie(&db, &["backup", copy.to_str().unwrap()], "");
    assert!(!out.status.success());
    assert!(text(&out).contains("already exists"), "{}", text(&out));
    assert_eq!(
        inspect(&copy).await.unwrap(),
        report,
        "the first copy is untouched"
    );

    // Restore: copy the file to where the database lives (server stopped), open it, use it.
    drop(store);
    let restored = dir.path().join("restored.db");
    std::fs::copy(&copy, &restored).unwrap();
    let store = Store::open(restored.to_str().unwrap()).await.unwrap();
    let rows = audit::count_kind(store.conn(), audit::AuditKind::AliasAdd)
        .await
        .unwrap();
    assert_eq!(rows as i64, aliases_in_copy);
    let out = vigie(
        &restored,
        &["user", "add", "after", "--role", "admin"],
        &format!("{PASSWORD}\n"),
    );
    assert!(
        out.status.success(),
        "the restored database takes writes: {}",
        text(&out)
    );
}
