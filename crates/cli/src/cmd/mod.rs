//! One module per subcommand. Each exposes `Args` (clap) and `async fn run(db_url, args)`.
pub mod export;
pub mod import;
pub mod demo;
pub mod serve;
pub mod match_cmd;
pub mod explain;
pub mod eval;
pub mod backup;
pub mod user;
