//! `vigie-synth`: writes synthetic questions or a plan, for demos and load tests.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "vigie-synth",
    about = "Generate realistic synthetic written questions and plans"
)]
struct Cli {
    /// Seed of the generator: the same seed gives the same files.
    #[arg(long, default_value_t = 1, global = true)]
    seed: u64,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Write COUNT question files (q000000.txt, ...) into DIR.
    Questions {
        #[arg(long)]
        count: usize,
        #[arg(long)]
        out: PathBuf,
    },
    /// Write a plan of about ACTIONS actions into FILE.
    Plan {
        #[arg(long)]
        actions: usize,
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Questions { count, out } => {
            let paths = vigie_synth::write_questions(&out, cli.seed, count)
                .with_context(|| format!("writing questions into {}", out.display()))?;
            println!("wrote {} questions into {}", paths.len(), out.display());
        }
        Cmd::Plan { actions, out } => {
            let p = vigie_synth::plan(cli.seed, actions);
            if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
            std::fs::write(&out, &p.text).with_context(|| format!("writing {}", out.display()))?;
            let n: usize = p.actions_per_axis.iter().sum();
            println!(
                "wrote plan {:?} ({} axes, {n} actions) to {}",
                p.title,
                p.actions_per_axis.len(),
                out.display()
            );
        }
    }
    Ok(())
}
