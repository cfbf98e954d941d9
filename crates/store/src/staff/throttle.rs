//! Login throttling. Every attempt is recorded with the name tried and the client address.
//! Failures since the last success, within the window, slow the next attempt down (a delay that
//! doubles with each failure) and, at the limit, lock the name — and, separately, the address —
//! until the oldest of those failures leaves the window.
//!
//! Attempts refused by a lock are not recorded, so a lock ends on time even while someone keeps
//! trying; and an address can add at most `max_failures` rows per window to the table.
//!
//! **Concurrency.** The check and the record are one step ([`begin_attempt`]): an attempt is
//! recorded as a failure *before* its password is verified, in the same write transaction as the
//! check, and turned into a success afterwards ([`finish_attempt`]). Attempts are also serialised
//! in the process by one lock, held only for that short transaction (not while hashing). So a
//! burst of simultaneous attempts behaves exactly like the same attempts in sequence: of 40
//! simultaneous wrong passwords, 5 are checked and 35 refused, and the table holds 5 rows.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::entity::login_attempt;
use sea_orm::DatabaseConnection;

#[derive(Clone, Copy, Debug)]
pub struct Policy {
    /// Failures older than this are forgotten; a lock lasts until the failures that caused it
    /// are this old.
    pub window: Duration,
    /// Failures within the window (since the last success) that lock the name or address.
    pub max_failures: u32,
    /// The delay after the first failure; each further failure doubles it.
    pub base_delay: std::time::Duration,
    /// The longest delay.
    pub max_delay: std::time::Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            window: Duration::minutes(15),
            max_failures: 5,
            base_delay: std::time::Duration::from_millis(250),
            max_delay: std::time::Duration::from_secs(4),
        }
    }
}

/// What to do with a login attempt before checking the password.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Check it, after waiting this long.
    Allowed { delay: std::time::Duration },
    /// Refuse it without checking, until then.
    Locked { until: DateTime<Utc> },
}

/// The key a name is throttled under: trimmed, lower-case, at most 64 characters.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase().chars().take(64).collect()
}

/// The recent failures (newest first) for one column value, since its last success.
async fn failures<C: ConnectionTrait>(
    db: &C,
    column: login_attempt::Column,
    value: &str,
    now: DateTime<Utc>,
    policy: &Policy,
) -> Result<Vec<DateTime<Utc>>, DbErr> {
    let since = now - policy.window;
    let rows = login_attempt::Entity::find()
        .filter(column.eq(value))
        .filter(login_attempt::Column::At.gt(since))
        .order_by_desc(login_attempt::Column::At)
        .order_by_desc(login_attempt::Column::Id)
        .limit(u64::from(policy.max_failures) + 1)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .take_while(|r| !r.success)
        .map(|r| r.at)
        .collect())
}

fn judge(failures: &[DateTime<Utc>], policy: &Policy) -> Verdict {
    let n = failures.len() as u32;
    if n >= policy.max_failures {
        // The oldest of the last `max_failures` failures decides when the lock ends.
        let oldest = failures[policy.max_failures as usize - 1];
        return Verdict::Locked {
            until: oldest + policy.window,
        };
    }
    if n == 0 {
        return Verdict::Allowed {
            delay: std::time::Duration::ZERO,
        };
    }
    let factor = 1u32 << (n - 1).min(16);
    Verdict::Allowed {
        delay: policy
            .base_delay
            .saturating_mul(factor)
            .min(policy.max_delay),
    }
}

/// Decides on an attempt for `name` from `ip` at `now`: the stricter of the two verdicts.
async fn check<C: ConnectionTrait>(
    db: &C,
    name: &str,
    ip: &str,
    now: DateTime<Utc>,
    policy: &Policy,
) -> Result<Verdict, DbErr> {
    let by_name = judge(
        &failures(
            db,
            login_attempt::Column::Name,
            &name_key(name),
            now,
            policy,
        )
        .await?,
        policy,
    );
    let by_ip = judge(
        &failures(db, login_attempt::Column::Ip, ip, now, policy).await?,
        policy,
    );
    Ok(match (by_name, by_ip) {
        (Verdict::Locked { until: a }, Verdict::Locked { until: b }) => {
            Verdict::Locked { until: a.max(b) }
        }
        (l @ Verdict::Locked { .. }, _) | (_, l @ Verdict::Locked { .. }) => l,
        (Verdict::Allowed { delay: a }, Verdict::Allowed { delay: b }) => {
            Verdict::Allowed { delay: a.max(b) }
        }
    })
}

/// An attempt that may go on to the password check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// Check the password after waiting `delay`; the attempt is already recorded as failure `id`.
    Allowed { id: i32, delay: std::time::Duration },
    /// Refused without checking, until then (not recorded).
    Locked { until: DateTime<Utc> },
}

/// Serialises check-and-record within the process (see the module documentation).
static ATTEMPTS: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Decides on an attempt and, when it may go on, records it as a failure, atomically.
pub async fn begin_attempt(
    db: &DatabaseConnection,
    name: &str,
    ip: &str,
    now: DateTime<Utc>,
    policy: &Policy,
) -> Result<Attempt, DbErr> {
    let _one_at_a_time = ATTEMPTS.lock().await;
    let txn = crate::write::begin(db).await?;
    let attempt = match check(&txn, name, ip, now, policy).await? {
        Verdict::Locked { until } => Attempt::Locked { until },
        Verdict::Allowed { delay } => {
            let id = insert(&txn, name, ip, false, now).await?;
            Attempt::Allowed { id, delay }
        }
    };
    txn.commit().await?;
    Ok(attempt)
}

/// Records the outcome of an attempt [`begin_attempt`] allowed: a success turns its row into a
/// success; a failure leaves it as recorded. `checked == false` (the password could not be checked,
/// e.g. the server was too busy) forgets the attempt.
pub async fn finish_attempt(
    db: &DatabaseConnection,
    id: i32,
    outcome: Outcome,
) -> Result<(), DbErr> {
    match outcome {
        Outcome::Failed => Ok(()),
        Outcome::Succeeded => {
            login_attempt::Entity::update_many()
                .col_expr(login_attempt::Column::Success, true.into())
                .filter(login_attempt::Column::Id.eq(id))
                .exec(db)
                .await?;
            Ok(())
        }
        Outcome::NotChecked => {
            login_attempt::Entity::delete_by_id(id).exec(db).await?;
            Ok(())
        }
    }
}

/// What became of an allowed attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Succeeded,
    Failed,
    /// The password was not checked (the server was busy): as if the attempt never happened.
    NotChecked,
}

/// Records an attempt, and forgets attempts older than a day.
async fn insert<C: ConnectionTrait>(
    db: &C,
    name: &str,
    ip: &str,
    success: bool,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    let row = login_attempt::ActiveModel {
        name: Set(name_key(name)),
        ip: Set(ip.chars().take(64).collect()),
        at: Set(now),
        success: Set(success),
        ..Default::default()
    }
    .insert(db)
    .await?;
    login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::At.lt(now - Duration::days(1)))
        .exec(db)
        .await?;
    Ok(row.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delay_doubles_then_locks() {
        let p = Policy::default();
        let now = Utc::now();
        let f = |n: usize| {
            (0..n)
                .map(|i| now - Duration::seconds(i as i64))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            judge(&f(0), &p),
            Verdict::Allowed {
                delay: std::time::Duration::ZERO
            }
        );
        assert_eq!(
            judge(&f(1), &p),
            Verdict::Allowed {
                delay: std::time::Duration::from_millis(250)
            }
        );
        assert_eq!(
            judge(&f(3), &p),
            Verdict::Allowed {
                delay: std::time::Duration::from_millis(1000)
            }
        );
        let five = f(5);
        assert_eq!(
            judge(&five, &p),
            Verdict::Locked {
                until: five[4] + p.window
            }
        );
    }
}
