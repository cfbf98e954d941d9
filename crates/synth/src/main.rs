//! `vigie-synth`: writes synthetic questions or a plan, for demos and load tests.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use vigie_synth::Format;

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
    /// Write COUNT question files (q000000.txt, ... or <moncode>.html) into DIR.
    Questions {
        #[arg(long)]
        count: usize,
        #[arg(long)]
        out: PathBuf,
        /// txt: the text layout of the seeds; html: the Parliament's page as the corpus keeps it
        /// (print logo to question section); html-whole: the whole page as a browser saves it.
        #[arg(long, value_enum, default_value_t = FormatArg::Txt)]
        format: FormatArg,
    },
    /// Write a plan of about ACTIONS actions into FILE.
    Plan {
        #[arg(long)]
        actions: usize,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Txt,
    Html,
    HtmlWhole,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Txt => Format::Text,
            FormatArg::Html => Format::HtmlFragment,
            FormatArg::HtmlWhole => Format::HtmlWhole,
        }
    }
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Questions { count, out, format } => {
            let paths = vigie_synth::write_questions_as(&out, cli.seed, count, format.into())
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
