//! One module per subcommand. Each exposes `Args` (clap) and `async fn run(db_url, args)`.
pub mod backup;
pub mod demo;
pub mod eval;
pub mod explain;
pub mod export;
pub mod import;
pub mod match_cmd;
pub mod serve;
pub mod user;
