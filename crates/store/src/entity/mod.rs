//! sea-orm entities, one per table of `vigie-migrations` (column for column).
//!
//! Plain columns only: the queries in this crate load related rows by id lists, never through
//! lazy relations, so no `Relation` definitions are needed.

pub mod act;
pub mod action;
pub mod axis;
pub mod axis_pilot;
pub mod document;
pub mod link;
pub mod link_passage;
pub mod member;
pub mod minister;
pub mod organisation;
pub mod organisation_alias;
pub mod passage;
pub mod plan;
pub mod plan_minister;
pub mod plan_partner;
pub mod question;
pub mod status_proposal;
