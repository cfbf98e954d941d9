//! `vigie explain ACTION QUESTION`: why a question is or is not linked to a plan action, in plain
//! words, and what the database holds for the pair (proposed, confirmed or rejected, by whom).
//!
//! The explanation uses the matcher's own weights (its reference corpus), as `vigie match` does,
//! so both agree on the scores.

use std::process::ExitCode;

use anyhow::bail;
use vigie_core::{LinkOrigin, LinkState};
use vigie_matcher::explain;
use vigie_store::decode::decode;
use vigie_store::entity::link;
use vigie_store::matching::MatchInput;

use super::match_cmd::open_existing;

#[derive(clap::Args)]
pub struct Args {
    /// The action's code in its plan (`3.1`).
    action: String,
    /// The question: `LEGISLATURE:NUMBER:SURNAME` as cited (`19/24:252:Clerfayt`), its database
    /// id, or its number alone (`252`) when that names one question (not another one's id too).
    question: String,
}

pub async fn run(db: &str, args: Args) -> anyhow::Result<ExitCode> {
    let store = open_existing(db).await?;
    let input = store.load_match_input().await?;
    let qi = find_question(&input, &args.question)?;
    let question = &input.questions[qi];
    let question_id = input.question_ids[qi];
    let plans: Vec<usize> = (0..input.plans.len())
        .filter(|&i| input.plans[i].action_ids.contains_key(&args.action))
        .collect();
    if plans.is_empty() {
        let Some(first) = input.plans.first() else {
            bail!("the database holds no plan: import one first (`vigie import seeds/`)");
        };
        let codes: Vec<&str> = first.action_ids.keys().map(String::as_str).collect();
        bail!(
            "no plan has an action {:?}; the actions of « {} » are {}",
            args.action,
            first.plan.title,
            codes.join(", ")
        );
    }
    let mut out = String::new();
    for pi in plans {
        let lp = &input.plans[pi];
        if input.plans.len() > 1 {
            out.push_str(&format!("Plan « {} »\n", lp.plan.title));
        }
        let index = input.learning_index(pi);
        out.push_str(&explain(&index, question, &args.action));
        let action_id = lp.action_ids[&args.action];
        let stored = store.link_between(question_id, action_id).await?;
        out.push_str(&stored_state(stored.as_ref())?);
    }
    print!("{out}");
    if !out.ends_with('\n') {
        println!();
    }
    Ok(ExitCode::SUCCESS)
}

/// The question named by `given`: a database id or a question number (refused when it could be
/// either, or several questions have the number), or `legislature:number:surname`.
fn find_question(input: &MatchInput, given: &str) -> anyhow::Result<usize> {
    let given = given.trim();
    if !given.is_empty() && given.chars().all(|c| c.is_ascii_digit()) {
        let id: i32 = given.parse()?;
        // People often give the number printed on the question (`n°1176`), which may also be
        // another question's database id: then neither is guessed.
        let by_id = input.question_by_id(id);
        let by_number: Vec<usize> = (0..input.questions.len())
            .filter(|&i| i64::from(input.questions[i].number) == i64::from(id))
            .collect();
        let cited = |i: usize| {
            let q = &input.questions[i];
            format!("{}:{}:{}", q.legislature, q.number, q.addressee_key())
        };
        let cite_all = |is: &[usize]| is.iter().map(|&i| cited(i)).collect::<Vec<_>>();
        return match (by_id, by_number.as_slice()) {
            (Some(i), []) => Ok(i),
            (Some(i), [j]) if *j == i => Ok(i),
            (Some(i), others) => bail!(
                "{id} is the database id of question {} and the number of {}: name the one you mean as LEGISLATURE:NUMBER:SURNAME",
                cited(i),
                cite_all(others).join(" and ")
            ),
            (None, [one]) => Ok(*one),
            (None, []) => bail!("no question with id or number {id} in the database"),
            (None, many) => bail!(
                "{} questions have the number {id} (numbers restart for every minister and legislature): name one as {}",
                many.len(),
                cite_all(many).join(" or ")
            ),
        };
    }
    let parts: Vec<&str> = given.split(':').map(str::trim).collect();
    let [legislature, number, surname] = parts.as_slice() else {
        bail!(
            "cannot read the question {given:?}: expected LEGISLATURE:NUMBER:SURNAME (19/24:252:Clerfayt) or a database id"
        );
    };
    let Ok(number) = number.parse::<u32>() else {
        bail!(
            "cannot read the question {given:?}: expected a question number after the first `:`, found {number:?}"
        );
    };
    let found = input.questions_by_key(legislature, number, surname);
    match found.as_slice() {
        [one] => Ok(*one),
        [] => bail!("no question {legislature} n°{number} to {surname} in the database"),
        many => {
            let ids: Vec<String> = many
                .iter()
                .map(|&i| input.question_ids[i].to_string())
                .collect();
            bail!(
                "{} questions are {legislature} n°{number} to {surname} (two ministers share the surname): name one by its id ({})",
                many.len(),
                ids.join(", ")
            )
        }
    }
}

/// What the database holds for the pair, in words.
fn stored_state(stored: Option<&link::Model>) -> anyhow::Result<String> {
    let Some(l) = stored else {
        return Ok("In the database: no link between this question and this action.\n".to_string());
    };
    let origin: LinkOrigin = decode("link.origin", &l.origin)?;
    let state: LinkState = decode("link.state", &l.state)?;
    let when = |t: &Option<chrono::DateTime<chrono::Utc>>| {
        t.map(|t| format!(" on {}", t.format("%Y-%m-%d %H:%M UTC")))
            .unwrap_or_default()
    };
    let who = l.reviewed_by.as_deref().unwrap_or("an unknown person");
    let mut s = match (origin, state) {
        (LinkOrigin::Manual, LinkState::Rejected) => format!(
            "In the database: added by hand, then rejected by {who}{}",
            when(&l.reviewed_at)
        ),
        (LinkOrigin::Manual, _) => format!(
            "In the database: linked by hand by {who}{}",
            when(&l.reviewed_at)
        ),
        (_, LinkState::Proposed) => format!(
            "In the database: proposed by the matcher ({}, score {:.2}), not reviewed yet",
            l.matcher_version, l.score
        ),
        (_, state) => format!(
            "In the database: proposed by the matcher ({}, score {:.2}), {} by {who}{}",
            l.matcher_version,
            l.score,
            state.as_str(),
            when(&l.reviewed_at)
        ),
    };
    s.push('.');
    if let Some(note) = l.note.as_deref().filter(|n| !n.trim().is_empty()) {
        s.push_str(&format!(" Note: « {} ».", note.trim()));
    }
    if state != LinkState::Proposed || origin == LinkOrigin::Manual {
        s.push_str(" The matcher never changes a link a person reviewed or made.");
    }
    s.push('\n');
    Ok(s)
}
