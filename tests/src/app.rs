//! A running Vigie for integration tests: a fresh SQLite file in a temp dir, migrated with the real
//! migrations, the seeds imported and matched through the store, and the real router served on a
//! free loopback port — what `vigie demo` does, minus the fixed file name and port.

use std::path::{Path, PathBuf};
use vigie_store::Store;

pub struct App {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    pub store: Store,
    _dir: tempfile::TempDir,
    server: tokio::task::JoinHandle<()>,
}

/// The repository's root (the tests crate lives in `<root>/tests`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// Where browser tests save their screenshots: `<root>/target/screenshots`.
pub fn screenshot_dir() -> PathBuf {
    repo_root().join("target").join("screenshots")
}

impl App {
    /// Imports every file of `seeds/` and runs the matcher, then serves the site.
    pub async fn start_with_seeds() -> App {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("vigie.db").display()
        );
        let store = Store::open_for_serving(&url)
            .await
            .expect("open the test database");
        let seeds = repo_root().join("seeds");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&seeds)
            .expect("seeds/ is readable")
            .map(|e| e.expect("dir entry").path())
            .collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).expect("seed readable");
            let name = format!("seeds/{}", f.file_name().unwrap().to_string_lossy());
            store
                .import_document(&name, &bytes)
                .await
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        store.run_matcher().await.expect("matching the seeds");
        Self::serve(store, dir).await
    }

    async fn serve(store: Store, dir: tempfile::TempDir) -> App {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let base = format!("http://{}", listener.local_addr().expect("local addr"));
        let state = vigie_web::AppState::new(store.conn().clone());
        let server = tokio::spawn(async move {
            vigie_web::serve_on(state, listener)
                .await
                .expect("server runs");
        });
        App {
            base,
            store,
            _dir: dir,
            server,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for App {
    fn drop(&mut self) {
        self.server.abort();
    }
}
