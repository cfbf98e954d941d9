//! What every handler can reach.

use sea_orm::DatabaseConnection;

/// Shared, cheap to clone (the connection is a pool handle). Web replicas keep no other state
/// than a page cache checked against the database at every request, so several can serve one
/// database.
#[derive(Clone, Debug)]
pub struct AppState {
    pub db: DatabaseConnection,
    /// Staff login settings (cookies, session lifetimes, throttling).
    pub auth: crate::auth::AuthConfig,
    /// Rendered public pages ([`crate::cache`]).
    pub pages: crate::cache::PageCache,
}

impl AppState {
    pub fn new(db: DatabaseConnection) -> Self {
        AppState {
            db,
            auth: crate::auth::AuthConfig::default(),
            pages: crate::cache::PageCache::default(),
        }
    }

    /// The same state without the page cache: every public page is rendered.
    pub fn without_page_cache(mut self) -> Self {
        self.pages = crate::cache::PageCache::disabled();
        self
    }

    /// The same state, its page cache checking for commits with the store's change probe
    /// (no query per cached page while nothing changes).
    pub fn with_change_probe(mut self, probe: Option<vigie_store::ChangeProbe>) -> Self {
        self.pages = self.pages.with_probe(probe);
        self
    }

    /// The same state with other staff login settings (`--secure-cookies`, tests).
    pub fn with_auth(mut self, auth: crate::auth::AuthConfig) -> Self {
        self.auth = auth;
        self
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }
}
