//! Staff workflow storage: accounts, sessions, login throttling, the review of links, status
//! assessments, alias editing, and the append-only audit log.
//!
//! Every function that changes something writes its audit row in the same transaction as the
//! change ([`audit::write`]): either both are stored or neither is. Secrets stay here: password
//! hashes and session tokens are never returned in a printable form (the `Debug` of the rows that
//! hold them hides them) and never logged.

pub mod aliases;
pub mod assessments;
pub mod audit;
pub mod backup;
pub mod entity;
pub mod login_token;
pub mod possible;
pub mod review;
pub mod sessions;
pub mod throttle;
pub mod users;

use sea_orm::DbErr;
use serde::Serialize;

/// What a staff account may do. Admins may do everything editors may.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Editor,
    Admin,
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Editor, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether this role is enough for something that needs `required`.
    pub fn allows(self, required: Role) -> bool {
        self >= required
    }
}

/// Who makes a change, as the audit log records it: a logged-in user, or the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<i32>,
    pub name: String,
}

impl Actor {
    pub fn user(id: i32, name: impl Into<String>) -> Actor {
        Actor {
            user_id: Some(id),
            name: name.into(),
        }
    }

    /// The command line, named after the operating-system account that ran it when known.
    pub fn cli() -> Actor {
        let who = std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_default();
        let who: String = who
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || "._-".contains(*c))
            .take(32)
            .collect();
        Actor {
            user_id: None,
            name: if who.is_empty() {
                "cli".into()
            } else {
                format!("cli:{who}")
            },
        }
    }
}

/// Why a staff operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    /// The thing to change does not exist (`link 42`).
    #[error("not found: {0}")]
    NotFound(String),
    /// The input is not acceptable; the message says what was expected.
    #[error("{0}")]
    Invalid(String),
    /// It clashes with what is already stored (`user "alice" already exists`).
    #[error("{0}")]
    Conflict(String),
    /// A change the review pages can be refused, as data: the CLI and the logs print it in
    /// English, the web says it in the page's language.
    #[error("{0}")]
    Refused(Problem),
    /// Too many password checks are queued; nothing was checked or changed. Try again shortly.
    #[error("the server is busy; try again in a few seconds")]
    Busy,
    #[error("database: {0}")]
    Db(#[from] DbErr),
}

/// A field staff fill in, as refusals name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Alias,
    Justification,
    Note,
    Portfolio,
    Reason,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Alias => "the alias",
            Field::Justification => "the justification",
            Field::Note => "the note",
            Field::Portfolio => "the portfolio",
            Field::Reason => "the reason",
        }
    }
}

/// Why a staff change from the review or admin pages was not made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("{} is required", .0.as_str())]
    Required(Field),
    #[error("{field} is longer than {max} characters", field = .0.as_str(), max = .1)]
    TooLong(Field, usize),
    #[error("the link is already on that action")]
    AlreadyOnAction,
    /// Moving would land on a link the question already has (to the action with this code):
    /// the two are merged only when staff confirm it.
    #[error("the question is already linked to action {0}; confirm to merge the two links")]
    WouldMerge(String),
    #[error("link {0} has no decision to take back")]
    NothingToUndo(i32),
    #[error("no link was selected")]
    NothingSelected,
    #[error("at most {0} links can be confirmed at once")]
    TooMany(usize),
    /// The alias, and the organisation it already names.
    #[error("the alias {0:?} already names {1}")]
    AliasTaken(String, String),
    #[error("this portfolio is already mapped to this minister")]
    MappingExists,
    #[error("a status assessment needs a staff account")]
    NeedsAccount,
}

/// 32 random bytes from the operating system, as 64 hex digits.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    // The OS generator failing is not recoverable: a predictable token would be worse.
    getrandom::fill(&mut bytes).expect("the operating system's random generator failed");
    hex(&bytes)
}

/// SHA-256 of `s`, as hex (what the session table stores instead of the token).
pub fn token_hash(s: &str) -> String {
    crate::import::sha256_hex(s.as_bytes())
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

/// Compares two secrets in time that depends only on their lengths.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Trims `s` and refuses it when empty or longer than `max` characters; `what` names the field.
pub fn required_text(s: &str, what: Field, max: usize) -> Result<String, StaffError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(StaffError::Refused(Problem::Required(what)));
    }
    if t.chars().count() > max {
        return Err(StaffError::Refused(Problem::TooLong(what, max)));
    }
    Ok(t.to_string())
}

/// Like [`required_text`], but blank means `None`.
pub fn optional_text(
    s: Option<&str>,
    what: Field,
    max: usize,
) -> Result<Option<String>, StaffError> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => required_text(t, what, max).map(Some),
    }
}

/// Longest justification, note or reason accepted (characters).
pub const MAX_TEXT: usize = 4000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_hex_and_hashed() {
        let a = random_token();
        let b = random_token();
        assert_eq!(a.len(), 64);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert_ne!(token_hash(&a), a);
    }

    #[test]
    fn constant_time_eq_compares() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
        assert!(constant_time_eq(b"", b""));
    }

    #[test]
    fn roles_are_ordered() {
        assert!(Role::Admin.allows(Role::Editor));
        assert!(Role::Editor.allows(Role::Editor));
        assert!(!Role::Editor.allows(Role::Admin));
        assert_eq!(Role::parse("admin"), Some(Role::Admin));
        assert_eq!(Role::parse("Admin"), None);
    }
}
