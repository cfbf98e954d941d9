//! Every public page's address, built in one place.
//!
//! Actions and questions have permalinks by official reference, the way people cite them: an
//! action by its code (`/actions/5.1`; `/plans/2/actions/5.1` when several plans hold the code),
//! a question by legislature, the minister's surname and its number
//! (`/questions/19-24/clerfayt/1176`). Their id addresses (`/actions/12`, `/questions/3`) still
//! work: they redirect permanently to the permalink. Members, ministers and organisations have no
//! official reference and keep their ids.
//!
//! Pages call these functions instead of formatting paths, so an address changes here or nowhere.

use vigie_store::query::common::{ActionRef, MemberRef, MinisterRef, OrganisationRef, QuestionRef};
use vigie_store::query::reference::{ActionAddress, QuestionAddress};

/// `/actions/5.1`: an action's permalink. When another plan holds the same code, this address
/// lists both; [`action_address`] gives the plan's own one.
pub fn action(a: &ActionRef) -> String {
    format!("/actions/{}", segment(&a.code))
}

/// The most precise permalink of an action: with its plan when its code is shared.
pub fn action_address(a: &ActionAddress) -> String {
    if a.shared {
        action_in_plan(a.plan_id, &a.code)
    } else {
        format!("/actions/{}", segment(&a.code))
    }
}

/// `/plans/2/actions/5.1`.
pub fn action_in_plan(plan_id: i32, code: &str) -> String {
    format!("/plans/{plan_id}/actions/{}", segment(code))
}

/// `/questions/19-24/clerfayt/1176`, or `/questions/<id>` when the addressee has no name.
pub fn question(q: &QuestionRef) -> String {
    let who = vigie_core::Minister {
        name: q.minister.name.clone(),
        portfolio: q.minister.portfolio.clone(),
    };
    match &who.name {
        Some(_) => question_reference(&q.legislature, &who.surname(), q.number),
        None => question_by_id(q.id),
    }
}

/// The permalink of a question from its address parts; by id when the reference is shared by two
/// questions or the addressee has no name.
pub fn question_address(id: i32, a: &QuestionAddress) -> String {
    match &a.surname {
        Some(s) if !a.shared => question_reference(&a.legislature, s, a.number),
        _ => question_by_id(id),
    }
}

fn question_reference(legislature: &str, surname: &str, number: i32) -> String {
    format!(
        "/questions/{}/{}/{number}",
        segment(&legislature.replace('/', "-")),
        segment(&vigie_core::text::slug(surname))
    )
}

/// `/questions/<id>`: the address that works for every question.
pub fn question_by_id(id: i32) -> String {
    format!("/questions/{id}")
}

pub fn member(m: &MemberRef) -> String {
    format!("/members/{}", m.id)
}

pub fn minister(m: &MinisterRef) -> String {
    minister_id(m.id)
}

/// A minister's page by row id (another row of the same person redirects to its own).
pub fn minister_id(id: i32) -> String {
    format!("/ministers/{id}")
}

pub fn organisation(o: &OrganisationRef) -> String {
    format!("/organisations/{}", o.id)
}

/// A path segment: letters, digits and `-._~` as they are, anything else percent-encoded.
fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_encoded() {
        assert_eq!(segment("5.1"), "5.1");
        assert_eq!(segment("A/b c"), "A%2Fb%20c");
        assert_eq!(
            question_reference("19/24", "Van den Brandt", 1176),
            "/questions/19-24/van-den-brandt/1176"
        );
    }
}
