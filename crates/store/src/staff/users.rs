//! Staff accounts: created, listed, disabled and given a new password from the command line;
//! checked at login.
//!
//! Passwords are hashed with argon2id (the `argon2` crate's defaults: 19 MiB, 2 passes), on a
//! blocking thread so a login never stalls the async runtime. At most one hash per core runs at
//! once in the process ([`hashing_gate`]); others queue for up to [`HASH_QUEUE_WAIT`] and are then
//! refused ([`StaffError::Busy`], a 503). Why: each hash holds 19 MiB, and 100 simultaneous
//! failed logins, unbounded, grew the server by 1.5–2.5 GB that the allocator kept (each blocking
//! thread kept its own arena) while the CPU gave every login 1/100 of a core. A login for an unknown or
//! disabled name still runs one verification, so response time does not tell which names exist.

use std::sync::OnceLock;

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;
use serde_json::json;

use super::audit::AuditKind;
use super::entity::{session, user};
use super::{Actor, Role, StaffError, audit};
use crate::decode::decode;

/// Shortest password accepted.
pub const MIN_PASSWORD_LEN: usize = 12;
/// Longest password accepted (hashing cost grows with it; a login form sends at most this).
pub const MAX_PASSWORD_LEN: usize = 1024;
/// Longest user name.
pub const MAX_NAME_LEN: usize = 64;

/// An account as other crates see it: no password hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UserInfo {
    pub id: i32,
    pub name: String,
    pub role: Role,
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
}

impl UserInfo {
    pub(super) fn from_model(m: &user::Model) -> Result<UserInfo, StaffError> {
        let role = decode("user.role", &m.role)?;
        Ok(UserInfo {
            id: m.id,
            name: m.name.clone(),
            role,
            disabled: m.disabled,
            created_at: m.created_at,
        })
    }

    pub fn actor(&self) -> Actor {
        Actor::user(self.id, self.name.clone())
    }
}

/// A user name: 1 to 64 characters among letters, digits and `. _ - @`.
pub fn validate_name(name: &str) -> Result<(), StaffError> {
    let ok = !name.is_empty()
        && name.chars().count() <= MAX_NAME_LEN
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'));
    if ok {
        Ok(())
    } else {
        Err(StaffError::Invalid(format!(
            "user name {name:?}: expected 1 to {MAX_NAME_LEN} letters, digits, '.', '_', '-' or '@'"
        )))
    }
}

/// A password long enough and not absurdly long.
pub fn validate_password(password: &str) -> Result<(), StaffError> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_LEN {
        return Err(StaffError::Invalid(format!(
            "the password must have at least {MIN_PASSWORD_LEN} characters"
        )));
    }
    if password.len() > MAX_PASSWORD_LEN {
        return Err(StaffError::Invalid(format!(
            "the password must have at most {MAX_PASSWORD_LEN} bytes"
        )));
    }
    Ok(())
}

/// How long a password check waits for its turn before the server answers that it is busy.
pub const HASH_QUEUE_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// One permit per core: the password hashes allowed to run at once in this process.
pub fn hashing_gate() -> &'static tokio::sync::Semaphore {
    static GATE: OnceLock<tokio::sync::Semaphore> = OnceLock::new();
    GATE.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        tokio::sync::Semaphore::new(cores)
    })
}

/// Waits for a turn to hash, up to [`HASH_QUEUE_WAIT`].
async fn hashing_turn() -> Result<tokio::sync::SemaphorePermit<'static>, StaffError> {
    match tokio::time::timeout(HASH_QUEUE_WAIT, hashing_gate().acquire()).await {
        Ok(Ok(permit)) => Ok(permit),
        // Timed out (or, never, closed): too many checks are queued.
        _ => Err(StaffError::Busy),
    }
}

/// The argon2id PHC string of `password`, with a fresh random salt.
pub async fn hash_password(password: &str) -> Result<String, StaffError> {
    let password = password.to_string();
    on_hasher(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| StaffError::Invalid(format!("cannot hash the password: {e}")))
    })
    .await?
}

type Job = Box<dyn FnOnce() + Send>;

/// The threads that hash, one per permit of [`hashing_gate`], started on first use.
///
/// Why dedicated threads rather than tokio's blocking pool: the allocator keeps a freed 19 MiB
/// argon2 buffer in the arena of the thread that freed it. The blocking pool hands successive
/// hashes to new threads whenever none is idle at that instant, so a burst of 100 logins spread
/// them over dozens of threads and the server kept ~700 MB after it (measured with
/// `login_burst`). A fixed set of threads reuses its own buffers: memory stays at about one
/// buffer per core, during and after a burst.
fn hashers() -> &'static std::sync::mpsc::SyncSender<Job> {
    static JOBS: OnceLock<std::sync::mpsc::SyncSender<Job>> = OnceLock::new();
    JOBS.get_or_init(|| {
        let threads = hashing_gate().available_permits().max(1);
        let (tx, rx) = std::sync::mpsc::sync_channel::<Job>(threads);
        let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
        for i in 0..threads {
            let rx = rx.clone();
            std::thread::Builder::new()
                .name(format!("vigie-argon2-{i}"))
                .spawn(move || {
                    loop {
                        // The lock is held only to take the next job, not while running it.
                        let job = match rx.lock() {
                            Ok(r) => r.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            Err(_) => return,
                        }
                    }
                })
                .expect("cannot start a password-hashing thread");
        }
        tx
    })
}

/// Runs `f` on a hashing thread once a turn is free ([`hashing_turn`]).
async fn on_hasher<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, StaffError> {
    // At most one job per thread is in flight, so the send below never waits.
    let _turn = hashing_turn().await?;
    let (tx, rx) = tokio::sync::oneshot::channel();
    hashers()
        .send(Box::new(move || {
            let _ = tx.send(f());
        }))
        .map_err(|_| StaffError::Invalid("the password-hashing threads stopped".into()))?;
    rx.await
        .map_err(|_| StaffError::Invalid("password hashing failed".into()))
}

/// Whether `password` matches the stored PHC string (false on any malformed hash); `Busy` when no
/// turn to hash came in time.
/// `None` verifies against [`dummy_hash`] (computed on a hashing thread, under the gate).
async fn verify(password: &str, phc: Option<&str>) -> Result<bool, StaffError> {
    let password = password.to_string();
    let phc = phc.map(str::to_string);
    on_hasher(move || {
        let phc = phc.as_deref().unwrap_or_else(|| dummy_hash());
        match PasswordHash::new(phc) {
            Ok(parsed) => Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok(),
            Err(_) => false,
        }
    })
    .await
}

/// A valid hash of a random password, verified against when the name is unknown.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        Argon2::default()
            .hash_password(super::random_token().as_bytes())
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

fn audit_view(u: &UserInfo) -> serde_json::Value {
    json!({ "name": u.name, "role": u.role.as_str(), "disabled": u.disabled })
}

async fn find<C: ConnectionTrait>(db: &C, name: &str) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::Name.eq(name))
        .one(db)
        .await
}

/// Creates an account. The audit row records the name and role, never the hash.
pub async fn add_user(
    db: &DatabaseConnection,
    actor: &Actor,
    name: &str,
    password: &str,
    role: Role,
) -> Result<UserInfo, StaffError> {
    validate_name(name)?;
    validate_password(password)?;
    let hash = hash_password(password).await?;
    let txn = crate::write::begin(db).await?;
    if find(&txn, name).await?.is_some() {
        return Err(StaffError::Conflict(format!(
            "user {name:?} already exists"
        )));
    }
    let m = user::ActiveModel {
        name: Set(name.to_string()),
        password_hash: Set(hash),
        role: Set(role.as_str().to_string()),
        disabled: Set(false),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let info = UserInfo::from_model(&m)?;
    audit::write(
        &txn,
        actor,
        audit::Change {
            kind: AuditKind::UserAdd,
            entity: "user",
            entity_id: Some(m.id),
            after: Some(audit_view(&info)),
            action_id: None,
            before: None,
            why: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(info)
}

/// Every account, by name.
pub async fn list_users<C: ConnectionTrait>(db: &C) -> Result<Vec<UserInfo>, StaffError> {
    let rows = user::Entity::find()
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?;
    rows.iter().map(UserInfo::from_model).collect()
}

pub async fn get_user<C: ConnectionTrait>(db: &C, id: i32) -> Result<Option<UserInfo>, StaffError> {
    match user::Entity::find_by_id(id).one(db).await? {
        Some(m) => Ok(Some(UserInfo::from_model(&m)?)),
        None => Ok(None),
    }
}

/// Disables an account and ends all its sessions at once. Disabling twice is not an error
/// (and writes no second audit row).
pub async fn disable_user(
    db: &DatabaseConnection,
    actor: &Actor,
    name: &str,
    why: Option<&str>,
) -> Result<UserInfo, StaffError> {
    let txn = crate::write::begin(db).await?;
    let m = find(&txn, name)
        .await?
        .ok_or_else(|| StaffError::NotFound(format!("user {name:?}")))?;
    let before = UserInfo::from_model(&m)?;
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(m.id))
        .exec(&txn)
        .await?;
    if m.disabled {
        txn.commit().await?;
        return Ok(before);
    }
    let mut am = m.into_active_model();
    am.disabled = Set(true);
    let m = am.update(&txn).await?;
    let after = UserInfo::from_model(&m)?;
    audit::write(
        &txn,
        actor,
        audit::Change {
            kind: AuditKind::UserDisable,
            entity: "user",
            entity_id: Some(m.id),
            before: Some(audit_view(&before)),
            after: Some(audit_view(&after)),
            why,
            action_id: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// Re-enables a disabled account.
pub async fn enable_user(
    db: &DatabaseConnection,
    actor: &Actor,
    name: &str,
) -> Result<UserInfo, StaffError> {
    let txn = crate::write::begin(db).await?;
    let m = find(&txn, name)
        .await?
        .ok_or_else(|| StaffError::NotFound(format!("user {name:?}")))?;
    let before = UserInfo::from_model(&m)?;
    if !m.disabled {
        return Ok(before);
    }
    let mut am = m.into_active_model();
    am.disabled = Set(false);
    let m = am.update(&txn).await?;
    let after = UserInfo::from_model(&m)?;
    audit::write(
        &txn,
        actor,
        audit::Change {
            kind: AuditKind::UserEnable,
            entity: "user",
            entity_id: Some(m.id),
            before: Some(audit_view(&before)),
            after: Some(audit_view(&after)),
            action_id: None,
            why: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// Sets a new password and ends the account's sessions. The audit row says that the password
/// changed, nothing more.
pub async fn set_password(
    db: &DatabaseConnection,
    actor: &Actor,
    name: &str,
    password: &str,
) -> Result<UserInfo, StaffError> {
    validate_password(password)?;
    let hash = hash_password(password).await?;
    let txn = crate::write::begin(db).await?;
    let m = find(&txn, name)
        .await?
        .ok_or_else(|| StaffError::NotFound(format!("user {name:?}")))?;
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(m.id))
        .exec(&txn)
        .await?;
    let mut am = m.into_active_model();
    am.password_hash = Set(hash);
    let m = am.update(&txn).await?;
    let info = UserInfo::from_model(&m)?;
    audit::write(
        &txn,
        actor,
        audit::Change {
            kind: AuditKind::UserPassword,
            entity: "user",
            entity_id: Some(m.id),
            after: Some(json!({ "name": info.name, "password": "changed" })),
            action_id: None,
            before: None,
            why: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(info)
}

/// The account `name` when `password` is right and the account is enabled; `None` otherwise
/// (the caller cannot tell an unknown name from a wrong password, and neither can the timing).
pub async fn authenticate<C: ConnectionTrait>(
    db: &C,
    name: &str,
    password: &str,
) -> Result<Option<UserInfo>, StaffError> {
    if password.len() > MAX_PASSWORD_LEN || name.chars().count() > MAX_NAME_LEN {
        return Ok(None);
    }
    let m = find(db, name).await?;
    let ok = verify(password, m.as_ref().map(|m| m.password_hash.as_str())).await?;
    match m {
        Some(m) if ok && !m.disabled => Ok(Some(UserInfo::from_model(&m)?)),
        _ => Ok(None),
    }
}
