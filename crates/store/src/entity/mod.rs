//! sea-orm entities, one per table of `vigie-migrations` (column for column).
//!
//! Plain columns only: the queries in this crate load related rows by id lists, never through
//! lazy relations, so no `Relation` definitions are needed.

// `#[sea_orm::model]` generates helpers that call `TransactionTrait::begin`; our code never
// writes through them (writers use `crate::write::begin`, which clippy.toml enforces elsewhere).
#![allow(clippy::disallowed_methods)]

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
pub mod possible_link;
pub mod question;
pub mod status_proposal;
