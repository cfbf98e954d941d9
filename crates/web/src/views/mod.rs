//! maud views: one module per page, plus the layout and shared components. Views take the
//! request context and plain data from `vigie_store::query`, and never hold UI text (see
//! [`crate::i18n`]).

pub mod action;
pub mod actions_list;
pub mod choose;
pub mod components;
pub mod error;
pub mod index;
pub mod layout;
pub mod member;
pub mod minister;
pub mod organisation;
pub mod overview;
pub mod question;
pub mod questions_list;
pub mod search;
pub mod statuses;
