//! `vigie export`.
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {}

pub async fn run(_db: &str, _args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie export` is not written yet")
}
