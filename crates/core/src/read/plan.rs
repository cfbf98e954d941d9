//! A priority of a government plan (seed 002, a priority of the Brussels-Capital Region's
//! "Go4Brussels 2030" strategy):
//!
//! ```text
//! <title>
//! <intro paragraphs>
//! Qui s'en charge?
//! <kind, e.g. Priorité concertée>
//! Ministre(s) porteur : <minister>, <minister>        (a new item starts at a role: Ministre, Secrétaire d'Etat…)
//! Ministre(s) associé(s) : <minister>, …
//! Partenaires : <name>[ (<qualifier>)], <name>[/<qualifier>], …
//! Comité de pilotage : <same list format>
//! 1. <axis title>                                     (also `5.Title`; numbered 1, 2, 3, … in order)
//! <description>                                       (optional, before the bullets)
//! - <action>                                          (one per bullet; a bullet may open with a label)
//! <action>                                            (when the axis has no bullets: one per paragraph)
//! Pilote(s) : <minister>; <minister>
//! ```
//!
//! A paragraph is a line when the section has no blank lines (the seed's layout), or a run of lines
//! between blank lines when it has some.

use super::lines::{Line, Source, bullet, field, join_lines, paragraphs, strip_label, trim};
use super::question::starts_with_role;
use super::words::split_label;
use super::{ReadError, Reader};
use crate::model::{Action, Axis, Document, Minister, Partner, Plan};

pub(crate) const READER: Reader = Reader {
    name: "go4brussels_priority",
    looks_like: "a plan (with \"Qui s'en charge?\")",
    detect,
    read,
};

const WHO: &str = "Qui s'en charge";
const LEAD: &[&str] = &[
    "Ministre(s) porteur(s)",
    "Ministre(s) porteur",
    "Ministres porteurs",
    "Ministre porteur",
];
const ASSOCIATED: &[&str] = &[
    "Ministre(s) associé(s)",
    "Ministres associés",
    "Ministre associé",
    "Ministre(s) associé",
];
const PARTNERS: &[&str] = &["Partenaires", "Partenaire(s)", "Partenaire"];
const STEERING: &[&str] = &["Comité de pilotage", "Comité d'accompagnement"];
const PILOTS: &[&str] = &["Pilote(s)", "Pilotes", "Pilote"];

/// A plan has the `Qui s'en charge?` heading, or at least its `Ministre(s) porteur :` field.
fn detect(src: &Source<'_>) -> bool {
    src.lines
        .iter()
        .any(|l| is_who(l.text) || field(l.text, LEAD).is_some())
}

fn is_who(text: &str) -> bool {
    strip_label(text, WHO).is_some_and(|rest| rest.is_empty() || rest == "?")
}

/// An axis heading `N. Title` (or `N.Title`) for the expected number `n`.
fn axis_heading(text: &str, n: u32) -> Option<&str> {
    let rest = text.strip_prefix(n.to_string().as_str())?;
    let rest = trim(rest).strip_prefix('.')?;
    // `1.750` would be a number, not an axis.
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(trim(rest))
}

fn read(src: &Source<'_>) -> Result<Document, ReadError> {
    let lines = &src.lines;
    let non_blank = |from: usize| {
        lines[from..]
            .iter()
            .position(|l| !l.is_blank())
            .map(|i| from + i)
    };

    let title_at = non_blank(0).ok_or_else(|| src.error_at_end("the plan's title"))?;
    let title_line = lines[title_at];
    if is_who(title_line.text) {
        return Err(src.error_at(&title_line, "the plan's title before \"Qui s'en charge?\""));
    }
    let who_at = lines.iter().position(|l| is_who(l.text));
    let Some(who_at) = who_at else {
        let lead = lines.iter().find(|l| field(l.text, LEAD).is_some());
        return Err(src.error_at_opt(lead, "\"Qui s'en charge?\" before the plan's ministers"));
    };
    let intro: Vec<String> = paragraphs(&lines[title_at + 1..who_at])
        .into_iter()
        .map(|p| join_lines(p.iter().map(|l| l.text)))
        .collect();

    let expect_kind =
        "the kind of priority after \"Qui s'en charge?\" (e.g. \"Priorité concertée\")";
    let kind_at = non_blank(who_at + 1).ok_or_else(|| src.error_at_end(expect_kind))?;
    let kind_line = lines[kind_at];
    if header_field(kind_line.text).is_some() || axis_heading(kind_line.text, 1).is_some() {
        return Err(src.error_at(&kind_line, expect_kind));
    }

    // Fields, in any order, each at most once, up to axis 1.
    let mut lead = None;
    let mut associated = None;
    let mut partners = None;
    let mut steering = None;
    let mut at = kind_at + 1;
    let expect_field = "\"Ministre(s) porteur :\", \"Ministre(s) associé(s) :\", \"Partenaires :\", \
                        \"Comité de pilotage :\" or the first axis \"1. <title>\"";
    loop {
        let Some(i) = non_blank(at) else {
            return Err(src.error_at_end(expect_field));
        };
        let line = lines[i];
        if axis_heading(line.text, 1).is_some() {
            at = i;
            break;
        }
        let Some((which, value)) = header_field(line.text) else {
            return Err(src.error_at(&line, expect_field));
        };
        let slot = match which {
            Field::Lead => &mut lead,
            Field::Associated => &mut associated,
            Field::Partners => &mut partners,
            Field::Steering => &mut steering,
        };
        if slot.is_some() {
            return Err(src.error_at(
                &line,
                format!("each field once; {} was already given", which.name()),
            ));
        }
        *slot = Some((line, value));
        at = i + 1;
    }
    let Some((_, lead)) = lead else {
        return Err(src.error_at(
            &lines[at],
            "\"Ministre(s) porteur : <minister>, …\" before the first axis",
        ));
    };

    let mut axes = Vec::new();
    let mut number = 1;
    while let Some(i) = non_blank(at) {
        let (axis, next) = read_axis(src, i, number)?;
        axes.push(axis);
        at = next;
        number += 1;
    }

    Ok(Document::Plan(Plan {
        title: title_line.text.to_string(),
        kind: kind_line.text.to_string(),
        intro,
        lead_ministers: ministers(lead),
        associated_ministers: associated.map(|(_, v)| ministers(v)).unwrap_or_default(),
        partners: partners.map(|(_, v)| organisations(v)).unwrap_or_default(),
        steering_committee: steering.map(|(_, v)| organisations(v)).unwrap_or_default(),
        axes,
    }))
}

#[derive(Clone, Copy)]
enum Field {
    Lead,
    Associated,
    Partners,
    Steering,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Lead => "\"Ministre(s) porteur\"",
            Field::Associated => "\"Ministre(s) associé(s)\"",
            Field::Partners => "\"Partenaires\"",
            Field::Steering => "\"Comité de pilotage\"",
        }
    }
}

fn header_field(text: &str) -> Option<(Field, &str)> {
    [
        (Field::Lead, LEAD),
        (Field::Associated, ASSOCIATED),
        (Field::Partners, PARTNERS),
        (Field::Steering, STEERING),
    ]
    .into_iter()
    .find_map(|(f, spellings)| field(text, spellings).map(|v| (f, v)))
}

/// Reads axis `number` whose heading is at `lines[at]`; returns it with the index after it.
fn read_axis(src: &Source<'_>, at: usize, number: u32) -> Result<(Axis, usize), ReadError> {
    let lines = &src.lines;
    let heading = lines[at];
    let expect_axis = format!("axis {number} \"{number}. <title>\"");
    let title = axis_heading(heading.text, number).ok_or_else(|| {
        if number == 1 {
            src.error_at(&heading, expect_axis.clone())
        } else {
            src.error_at(&heading, format!("{expect_axis} or the end of the plan"))
        }
    })?;
    if title.is_empty() {
        return Err(src.error_at(&heading, format!("a title after \"{number}.\"")));
    }

    // The axis' body runs to its `Pilote(s)` line or to the next axis.
    let mut end = at + 1;
    let mut pilots = None;
    while let Some(line) = lines.get(end) {
        if axis_heading(line.text, number + 1).is_some() {
            break;
        }
        if let Some(value) = field(line.text, PILOTS) {
            pilots = Some(value);
            break;
        }
        end += 1;
    }
    let body = &lines[at + 1..end];
    let next = if pilots.is_some() { end + 1 } else { end };
    // After `Pilote(s)` only the next axis may come.
    if pilots.is_some()
        && let Some(line) = lines[next..].iter().find(|l| !l.is_blank())
        && axis_heading(line.text, number + 1).is_none()
    {
        let n = number + 1;
        return Err(src.error_at(
            line,
            format!("axis {n} \"{n}. <title>\" or the end of the plan after \"Pilote(s)\""),
        ));
    }

    let (description, actions) = actions(number, body);
    if actions.is_empty() {
        // Reported where the first action should have been: the `Pilote(s)` line, the next axis, or
        // the end of the file.
        let expected = format!("at least one action (a bullet or a paragraph) under axis {number}");
        return Err(src.error_at_opt(lines.get(end), expected));
    }
    let axis = Axis {
        number,
        title: title.to_string(),
        description,
        pilots: pilots.map(ministers).unwrap_or_default(),
        actions,
    };
    Ok((axis, next))
}

/// The axis' description and actions: with bullets, the text before the first bullet is the
/// description and each bullet (with the lines under it) is an action; without bullets, each
/// paragraph is an action.
fn actions(axis: u32, body: &[Line<'_>]) -> (String, Vec<Action>) {
    let bullets: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, l)| bullet(l.text).is_some())
        .map(|(i, _)| i)
        .collect();
    let make = |position: usize, label: Option<&str>, text: String| {
        let position = u32::try_from(position + 1).unwrap_or(u32::MAX);
        Action {
            code: format!("{axis}.{position}"),
            axis,
            position,
            label: label.map(str::to_string),
            text,
        }
    };
    let Some(&first) = bullets.first() else {
        let actions = paragraphs(body)
            .into_iter()
            .enumerate()
            .map(|(k, p)| make(k, None, join_lines(p.iter().map(|l| l.text))))
            .collect();
        return (String::new(), actions);
    };
    let description = join_lines(body[..first].iter().map(|l| l.text));
    let actions = bullets
        .iter()
        .enumerate()
        .map(|(k, &start)| {
            let end = bullets.get(k + 1).copied().unwrap_or(body.len());
            let opening = bullet(body[start].text).unwrap_or(body[start].text);
            let (label, opening) = split_label(opening);
            make(
                k,
                label,
                join_lines(
                    std::iter::once(opening).chain(body[start + 1..end].iter().map(|l| l.text)),
                ),
            )
        })
        .collect();
    (description, actions)
}

/// A list of ministers: items are separated by `;`, or by a comma when what follows starts with a
/// role (`…, Secrétaire d'Etat en charge de …`). Commas inside a portfolio (`de l'Emploi et de la
/// Formation professionnelle, de la Transition numérique`) do not split.
fn ministers(value: &str) -> Vec<Minister> {
    let mut out = Vec::new();
    for item in value.split(';') {
        let mut current = String::new();
        for piece in item.split(',') {
            if !current.is_empty() && starts_with_role(piece) {
                out.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(',');
            }
            current.push_str(piece);
        }
        out.push(current);
    }
    out.into_iter()
        .map(|s| trim(&s).to_string())
        .filter(|s| !s.is_empty())
        .map(|portfolio| Minister {
            name: None,
            portfolio,
        })
        .collect()
}

/// A comma-separated list of organisations (commas inside parentheses do not split). An item's
/// qualifier is its text in final parentheses (`Easy Brussels (SPRB)`, `BRUXEO (pour le volet
/// e-santé)`) or, without parentheses, what follows a slash (`Brupartners/Service de facilitation
/// sectorielle`).
fn organisations(value: &str) -> Vec<Partner> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in value.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                items.push(&value[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&value[start..]);
    items
        .into_iter()
        .map(trim)
        .filter(|s| !s.is_empty())
        .map(partner)
        .collect()
}

fn partner(item: &str) -> Partner {
    if let Some(inner) = item.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
        && !trim(&inner[..open]).is_empty()
    {
        let qualifier = trim(&inner[open + 1..]);
        return Partner {
            name: trim(&inner[..open]).to_string(),
            qualifier: (!qualifier.is_empty()).then(|| qualifier.to_string()),
        };
    }
    if let Some((name, qualifier)) = item.split_once('/') {
        let (name, qualifier) = (trim(name), trim(qualifier));
        if !name.is_empty() && !qualifier.is_empty() {
            return Partner {
                name: name.to_string(),
                qualifier: Some(qualifier.to_string()),
            };
        }
    }
    Partner {
        name: item.to_string(),
        qualifier: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minister_lists() {
        let m = ministers(
            "Ministre en charge de l’Emploi, de la Transition numérique, Secrétaire d’Etat en charge de la recherche",
        );
        let p: Vec<&str> = m.iter().map(|m| m.portfolio.as_str()).collect();
        assert_eq!(
            p,
            [
                "Ministre en charge de l’Emploi, de la Transition numérique",
                "Secrétaire d’Etat en charge de la recherche"
            ]
        );
        let m = ministers("Ministre A; Ministre B, de C;");
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn partners() {
        let p = organisations(
            "CIRB, Easy Brussels (SPRB), Brupartners/Service de facilitation sectorielle, BRUXEO (pour le volet e-santé, surtout)",
        );
        let got: Vec<(&str, Option<&str>)> = p
            .iter()
            .map(|p| (p.name.as_str(), p.qualifier.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("CIRB", None),
                ("Easy Brussels", Some("SPRB")),
                ("Brupartners", Some("Service de facilitation sectorielle")),
                ("BRUXEO", Some("pour le volet e-santé, surtout")),
            ]
        );
    }

    #[test]
    fn axis_headings() {
        assert_eq!(axis_heading("1. Accélérer", 1), Some("Accélérer"));
        assert_eq!(axis_heading("5.Accompagner", 5), Some("Accompagner"));
        assert_eq!(axis_heading("5.Accompagner", 4), None);
        assert_eq!(axis_heading("1.750 K€", 1), None);
        assert_eq!(axis_heading("12. x", 1), None);
    }
}
