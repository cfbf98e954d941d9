//! sea-orm entities of the staff tables (`m20261122_000010_staff`), column for column.

// `#[sea_orm::model]` generates helpers that call `TransactionTrait::begin`; our code never
// writes through them (writers use `crate::write::begin`, which clippy.toml enforces elsewhere).
#![allow(clippy::disallowed_methods)]

pub mod user {
    //! A staff account. `password_hash` is an argon2id PHC string and never leaves this crate.
    use sea_orm::entity::prelude::*;

    // Classic format: the dense `#[sea_orm::model]` format insists on a derived `Debug`.
    #[derive(Clone, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "user")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub name: String,
        #[sea_orm(column_type = "Text")]
        pub password_hash: String,
        /// `editor` or `admin`.
        pub role: String,
        pub disabled: bool,
        pub created_at: DateTimeUtc,
    }

    // By hand, so a stray `{:?}` never prints the hash.
    impl std::fmt::Debug for Model {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("user::Model")
                .field("id", &self.id)
                .field("name", &self.name)
                .field("role", &self.role)
                .field("disabled", &self.disabled)
                .finish_non_exhaustive()
        }
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod session {
    //! A logged-in browser. Only the SHA-256 of the cookie token is stored.
    use sea_orm::entity::prelude::*;

    #[derive(Clone, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "session")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub token_hash: String,
        pub user_id: i32,
        pub csrf_token: String,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        pub last_seen_at: DateTimeUtc,
    }

    impl std::fmt::Debug for Model {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("session::Model")
                .field("id", &self.id)
                .field("user_id", &self.user_id)
                .field("expires_at", &self.expires_at)
                .finish_non_exhaustive()
        }
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod login_attempt {
    //! One login attempt, kept for throttling (purged after a day).
    use sea_orm::entity::prelude::*;

    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "login_attempt")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
        pub ip: String,
        pub at: DateTimeUtc,
        pub success: bool,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod status_assessment {
    //! A status set by staff, with its justification; the newest per action is in force.
    use sea_orm::entity::prelude::*;

    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "status_assessment")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub action_id: i32,
        pub status: String,
        #[sea_orm(column_type = "Text")]
        pub justification: String,
        pub user_id: i32,
        pub user_name: String,
        pub created_at: DateTimeUtc,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod minister_mapping {
    //! A plan portfolio paired by hand with a minister (as questions name them).
    use sea_orm::entity::prelude::*;

    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "minister_mapping")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(column_type = "Text")]
        pub portfolio: String,
        pub minister_id: i32,
        pub created_by: String,
        pub created_at: DateTimeUtc,
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod audit_log {
    //! One change, append-only (triggers refuse UPDATE and DELETE).
    use sea_orm::entity::prelude::*;

    #[sea_orm::model]
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "audit_log")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub at: DateTimeUtc,
        pub user_id: Option<i32>,
        pub user_name: String,
        /// What happened: `link.confirm`, `assessment.set`, `alias.add`, `user.disable`…
        pub kind: String,
        /// The table the change is about.
        pub entity: String,
        pub entity_id: Option<i32>,
        /// The plan action concerned, when there is one (for its history page).
        pub action_id: Option<i32>,
        /// JSON.
        #[sea_orm(column_type = "Text", nullable)]
        pub before: Option<String>,
        /// JSON.
        #[sea_orm(column_type = "Text", nullable)]
        pub after: Option<String>,
        #[sea_orm(column_type = "Text", nullable)]
        pub why: Option<String>,
    }

    impl ActiveModelBehavior for ActiveModel {}
}
