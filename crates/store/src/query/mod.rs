//! Read queries for the dashboard pages and the API, one module per page area. Each function
//! runs a fixed number of queries whatever the size of the result (lists are loaded with
//! `IN (…)`, never row by row) and returns plain serialisable structs.
//!
//! The displayed status of an action is decided in one place: [`common::current_statuses`].

pub mod action;
pub mod api;
pub mod common;
pub mod feeds;
pub mod lists;
pub mod member;
pub mod minister;
pub mod organisation;
pub mod overview;
pub mod question;
pub mod reasons;
pub mod reference;
pub mod revision;
pub mod search;
