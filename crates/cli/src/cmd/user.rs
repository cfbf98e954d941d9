//! `vigie user add NAME --role editor|admin`, `vigie user list`, `vigie user disable NAME`,
//! `vigie user enable NAME`, `vigie user passwd NAME`.
//!
//! A password is never an argument (it would land in the shell history and in `ps`): it is read
//! from the terminal without echo (asked twice), or from the first line of standard input when
//! that is not a terminal (`printf '%s\n' "$PW" | vigie user add alice --role editor`).
//! Every change is written to the audit log as made by `cli:<os user>`.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use anyhow::{Context, bail};
use vigie_store::Store;
use vigie_store::staff::users::{self, MAX_PASSWORD_LEN, MIN_PASSWORD_LEN};
use vigie_store::staff::{Actor, Role, StaffError, sessions};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: UserCommand,
}

#[derive(clap::Subcommand)]
enum UserCommand {
    /// Create a staff account; the password is read from the terminal or standard input.
    Add {
        name: String,
        /// `editor` (review links, assess statuses) or `admin` (also aliases).
        #[arg(long, value_parser = ["editor", "admin"])]
        role: String,
    },
    /// List the accounts.
    List,
    /// Disable an account and end its sessions at once.
    Disable {
        name: String,
        /// Why (kept in the audit log).
        #[arg(long)]
        why: Option<String>,
    },
    /// Re-enable a disabled account.
    Enable { name: String },
    /// Set a new password (read like `add`); ends the account's sessions.
    Passwd { name: String },
}

pub async fn run(db: &str, args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open(db)
        .await
        .with_context(|| format!("cannot open the database {db}"))?;
    let conn = store.conn();
    let actor = Actor::cli();
    match args.command {
        UserCommand::Add { name, role } => {
            let role = Role::parse(&role).context("--role must be editor or admin")?;
            users::validate_name(&name)?;
            let password = read_password(&format!("Password for {name}"))?;
            let u = users::add_user(conn, &actor, &name, &password, role)
                .await
                .map_err(explain)?;
            println!("created {} ({})", u.name, u.role.as_str());
        }
        UserCommand::List => {
            let list = users::list_users(conn).await?;
            if list.is_empty() {
                println!("no account yet: vigie user add NAME --role admin");
            }
            for u in list {
                let open = sessions::count_for_user(conn, u.id).await?;
                println!(
                    "{}\t{}\t{}\tcreated {}\t{} session(s)",
                    u.name,
                    u.role.as_str(),
                    if u.disabled { "disabled" } else { "active" },
                    u.created_at.format("%Y-%m-%d %H:%M UTC"),
                    open
                );
            }
        }
        UserCommand::Disable { name, why } => {
            let u = users::disable_user(conn, &actor, &name, why.as_deref())
                .await
                .map_err(explain)?;
            println!("disabled {} (sessions ended)", u.name);
        }
        UserCommand::Enable { name } => {
            let u = users::enable_user(conn, &actor, &name)
                .await
                .map_err(explain)?;
            println!("enabled {}", u.name);
        }
        UserCommand::Passwd { name } => {
            let password = read_password(&format!("New password for {name}"))?;
            let u = users::set_password(conn, &actor, &name, &password)
                .await
                .map_err(explain)?;
            println!("password changed for {} (sessions ended)", u.name);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn explain(e: StaffError) -> anyhow::Error {
    anyhow::anyhow!("{e}")
}

/// Reads a password: twice without echo on a terminal, else the first line of stdin.
fn read_password(prompt: &str) -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    let password = if stdin.is_terminal() {
        let first = rpassword::prompt_password(format!(
            "{prompt} (at least {MIN_PASSWORD_LEN} characters): "
        ))
        .context("cannot read the password from the terminal")?;
        let again = rpassword::prompt_password("Again: ")
            .context("cannot read the password from the terminal")?;
        if first != again {
            bail!("the two passwords differ");
        }
        first
    } else {
        let mut line = String::new();
        // At most one password's worth: a stray file piped in is not read whole.
        let mut limited = std::io::Read::take(stdin.lock(), (MAX_PASSWORD_LEN + 2) as u64);
        let mut reader = std::io::BufReader::new(&mut limited);
        reader
            .read_line(&mut line)
            .context("cannot read the password from standard input")?;
        line.trim_end_matches(['\n', '\r']).to_string()
    };
    users::validate_password(&password)?;
    Ok(password)
}
