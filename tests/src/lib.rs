//! Shared harness for Vigie's integration tests (in `tests/tests/*.rs`).
pub mod webdriver;
