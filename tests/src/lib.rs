//! Shared harness for Vigie's integration tests (in `tests/tests/*.rs`): a running app on a
//! loopback port ([`app`]) and a minimal WebDriver client for headless Chromium ([`webdriver`]).
pub mod app;
pub mod webdriver;
