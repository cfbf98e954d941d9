//! What every handler can reach.

use sea_orm::DatabaseConnection;

/// Shared, cheap to clone (the connection is a pool handle). Web replicas keep no other state,
/// so several can serve one database.
#[derive(Clone, Debug)]
pub struct AppState {
    pub db: DatabaseConnection,
}

impl AppState {
    pub fn new(db: DatabaseConnection) -> Self {
        AppState { db }
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }
}
