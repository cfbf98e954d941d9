//! Decoding the names the database stores (statuses, link states and origins, passage and search
//! hit kinds, staff roles, audit kinds) into their enums: the one place a stored string becomes a
//! value.
//!
//! Each enum owns its names (`as_str` / `parse`, and `ALL` for every variant); this module only
//! says what an unknown name is called in an error. An unknown name fails the query loudly
//! ([`decode`] returns `DbErr::Type` naming the value and the column) instead of being shown as a
//! default: a status nobody recognises is not "no follow-up".

use sea_orm::DbErr;
use vigie_core::{LinkOrigin, LinkState, PassageKind, Status};

use crate::query::search::HitKind;
use crate::staff::Role;
use crate::staff::audit::AuditKind;

/// An enum the store keeps as a name in a text column.
pub trait Stored: Sized + Copy + 'static {
    /// What the value is, for the error message (`status`, `link state`).
    const WHAT: &'static str;
    /// Every value, to check that each name reads back as itself.
    const ALL: &'static [Self];
    /// The name stored in the database.
    fn as_stored(self) -> &'static str;
    /// The value a stored name means, or `None` for a name this version does not know.
    fn parse_stored(s: &str) -> Option<Self>;
}

/// Reads the stored name `s` from `table_column` (`link.state`), or fails with an error that names
/// both.
pub fn decode<T: Stored>(table_column: &str, s: &str) -> Result<T, DbErr> {
    T::parse_stored(s)
        .ok_or_else(|| DbErr::Type(format!("unknown {} {:?} in {}", T::WHAT, s, table_column)))
}

macro_rules! stored {
    ($t:ty, $what:literal) => {
        impl Stored for $t {
            const WHAT: &'static str = $what;
            const ALL: &'static [Self] = &<$t>::ALL;
            fn as_stored(self) -> &'static str {
                self.as_str()
            }
            fn parse_stored(s: &str) -> Option<Self> {
                <$t>::parse(s)
            }
        }
    };
}

stored!(Status, "status");
stored!(LinkState, "link state");
stored!(LinkOrigin, "link origin");
stored!(PassageKind, "passage kind");
stored!(HitKind, "search hit kind");
stored!(Role, "role");
stored!(AuditKind, "audit kind");

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Stored + PartialEq + std::fmt::Debug>() {
        assert!(!T::ALL.is_empty());
        for &x in T::ALL {
            assert_eq!(decode::<T>("t.c", x.as_stored()).unwrap(), x);
        }
        let names: std::collections::HashSet<&str> = T::ALL.iter().map(|x| x.as_stored()).collect();
        assert_eq!(
            names.len(),
            T::ALL.len(),
            "{} names are not distinct",
            T::WHAT
        );
    }

    #[test]
    fn every_stored_name_reads_back_as_itself() {
        round_trip::<Status>();
        round_trip::<LinkState>();
        round_trip::<LinkOrigin>();
        round_trip::<PassageKind>();
        round_trip::<HitKind>();
        round_trip::<Role>();
        round_trip::<AuditKind>();
    }

    #[test]
    fn an_unknown_name_is_an_error_naming_it_and_its_column() {
        let err = decode::<Status>("status_proposal.status", "bogus").unwrap_err();
        assert_eq!(
            err.to_string(),
            DbErr::Type("unknown status \"bogus\" in status_proposal.status".into()).to_string()
        );
        assert!(decode::<Role>("user.role", "Admin").is_err());
        assert!(decode::<LinkOrigin>("link.origin", "").is_err());
    }
}
