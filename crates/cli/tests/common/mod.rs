//! What the suites that drive the real `vigie` binary share: where the repository is, how the
//! binary is started (from the repository root, on a given database, ignoring the caller's
//! `VIGIE_DB`), and a temporary environment holding the database.

// Each suite uses part of this module.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository's root (seeds and fixtures are named from there).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `vigie --db DB`, run from the repository root so that `seeds/...` names stay short.
pub fn vigie_on(db: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vigie"));
    cmd.current_dir(repo())
        .arg("--db")
        .arg(db)
        .env_remove("VIGIE_DB");
    cmd
}

/// Runs `vigie --db DB ARGS…` with `stdin` piped in (passwords are read from it, never taken as
/// arguments).
pub fn vigie_with_stdin(db: impl AsRef<std::ffi::OsStr>, args: &[&str], stdin: &str) -> Output {
    let mut child = vigie_on(db)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The process may exit before reading (argument errors): a broken pipe is expected then.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

/// A temporary folder holding the database (and any files a test writes).
pub struct Env {
    pub dir: tempfile::TempDir,
    /// What `--db` gets: `vigie.db` in `dir`, or a fresh PostgreSQL database when the run asks
    /// for one (`VIGIE_TEST_POSTGRES`, see `vigie_store::testing`).
    db: String,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let db = vigie_store::testing::database_for_test_blocking(&dir.path().join("vigie.db"));
        Env { dir, db }
    }

    /// An environment whose database is an SQLite file whatever the run's engine, for what only
    /// a file has (it may not exist yet).
    pub fn sqlite() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("vigie.db").to_str().unwrap().to_string();
        Env { dir, db }
    }

    pub fn db(&self) -> &str {
        &self.db
    }

    /// A path in the environment's folder, its parent folders created.
    pub fn path(&self, rel: &str) -> PathBuf {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        p
    }

    /// Runs `vigie --db <db> ARGS` from the repository root.
    pub fn vigie(&self, args: &[&str]) -> Output {
        vigie_on(self.db()).args(args).output().unwrap()
    }
}
