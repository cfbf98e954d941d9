//! `vigie import`.
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {}

pub async fn run(_db: &str, _args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie import` is not written yet")
}
