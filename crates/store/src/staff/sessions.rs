//! Server-side sessions. The browser holds a random token; the table holds its SHA-256, the
//! user, a CSRF token and three times: created, absolute expiry, last seen (for the idle limit).
//!
//! A session is refused (and deleted) once past its absolute expiry, once idle for longer than
//! the idle limit, or when its user has been disabled.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

use super::entity::{session, user};
use super::users::UserInfo;
use super::{StaffError, random_token, token_hash};

/// Session lifetimes.
#[derive(Clone, Copy, Debug)]
pub struct Lifetimes {
    /// From login, whatever the activity.
    pub absolute: Duration,
    /// Without any request.
    pub idle: Duration,
    /// `last_seen_at` is written at most this often (saves a write per request).
    pub touch_every: Duration,
}

impl Default for Lifetimes {
    fn default() -> Self {
        Lifetimes {
            absolute: Duration::hours(8),
            idle: Duration::hours(1),
            touch_every: Duration::seconds(60),
        }
    }
}

/// What a new login hands to the browser. `Debug` hides the token.
#[derive(Clone)]
pub struct NewSession {
    /// Goes into the cookie; not stored anywhere else.
    pub token: String,
    pub csrf: String,
    pub expires_at: DateTime<Utc>,
}

impl std::fmt::Debug for NewSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewSession")
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// A valid session and its user.
#[derive(Clone)]
pub struct ActiveSession {
    pub session_id: i32,
    pub user: UserInfo,
    pub csrf: String,
    pub expires_at: DateTime<Utc>,
}

impl std::fmt::Debug for ActiveSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActiveSession")
            .field("session_id", &self.session_id)
            .field("user", &self.user.name)
            .finish_non_exhaustive()
    }
}

/// Opens a session for `user_id` (a fresh token every login: no session fixation).
pub async fn create<C: ConnectionTrait>(
    db: &C,
    user_id: i32,
    now: DateTime<Utc>,
    life: Lifetimes,
) -> Result<NewSession, DbErr> {
    let token = random_token();
    let csrf = random_token();
    let expires_at = now + life.absolute;
    session::ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(user_id),
        csrf_token: Set(csrf.clone()),
        created_at: Set(now),
        expires_at: Set(expires_at),
        last_seen_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(NewSession {
        token,
        csrf,
        expires_at,
    })
}

/// The session the cookie `token` belongs to, if it is still valid at `now`; refreshes its
/// last-seen time. Invalid sessions found on the way are deleted.
pub async fn lookup<C: ConnectionTrait>(
    db: &C,
    token: &str,
    now: DateTime<Utc>,
    life: Lifetimes,
) -> Result<Option<ActiveSession>, StaffError> {
    // A real token is 64 hex digits; anything else cannot match and is not worth a query.
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let Some(s) = session::Entity::find()
        .filter(session::Column::TokenHash.eq(token_hash(token)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let user = user::Entity::find_by_id(s.user_id).one(db).await?;
    let alive = now < s.expires_at && now < s.last_seen_at + life.idle;
    let user = match user {
        Some(u) if alive && !u.disabled => u,
        _ => {
            session::Entity::delete_by_id(s.id).exec(db).await?;
            return Ok(None);
        }
    };
    let info = UserInfo::from_model(&user)?;
    if now - s.last_seen_at >= life.touch_every {
        session::Entity::update_many()
            .col_expr(
                session::Column::LastSeenAt,
                sea_orm::sea_query::Expr::value(now),
            )
            .filter(session::Column::Id.eq(s.id))
            .exec(db)
            .await?;
    }
    Ok(Some(ActiveSession {
        session_id: s.id,
        user: info,
        csrf: s.csrf_token,
        expires_at: s.expires_at,
    }))
}

/// Ends the session of `token` (logout). Unknown tokens are ignored.
pub async fn end<C: ConnectionTrait>(db: &C, token: &str) -> Result<(), DbErr> {
    session::Entity::delete_many()
        .filter(session::Column::TokenHash.eq(token_hash(token)))
        .exec(db)
        .await?;
    Ok(())
}

/// Deletes every session past its absolute expiry or idle limit at `now`.
pub async fn purge_expired<C: ConnectionTrait>(
    db: &C,
    now: DateTime<Utc>,
    life: Lifetimes,
) -> Result<u64, DbErr> {
    let res = session::Entity::delete_many()
        .filter(
            Condition::any()
                .add(session::Column::ExpiresAt.lte(now))
                .add(session::Column::LastSeenAt.lte(now - life.idle)),
        )
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}

/// How many sessions `user_id` has open (tests, `vigie user list`).
pub async fn count_for_user<C: ConnectionTrait>(db: &C, user_id: i32) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .count(db)
        .await
}
