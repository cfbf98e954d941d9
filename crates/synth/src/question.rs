//! Written questions in the Brussels Parliament layout (seeds 000, 001, 003, 004).

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDate};

use crate::rng::Rng;
use crate::text::{Fill, Typography, capitalise, fill};
use crate::vocab::{
    ADDRESSEE_CYCLE, ANSWER_ANNOUNCED, ANSWER_DELIVERED, ANSWER_HEADINGS, ANSWER_IN_PROGRESS,
    ANSWER_LIST_INTROS, ANSWER_NEUTRAL, ANSWER_STALLED, FIRST_NAMES_F, FIRST_NAMES_M,
    INTRO_GENERIC, MINISTERS, RUN_ONS, SUB_QUESTIONS, SURNAMES, TOPICS, TRANSITIONS, Topic,
};

/// Every generated question belongs to this legislature.
pub const LEGISLATURE: &str = "19/24";
/// Questions per minister per session: sets how numbers map to sessions and dates.
const PER_SESSION: u32 = 300;

/// A generated question file and what it is meant to say: the ground truth a reader's output can be
/// checked against.
#[derive(Clone, Debug)]
pub struct SynthQuestion {
    /// The file's content, exactly as written to disk.
    pub text: String,
    pub legislature: &'static str,
    pub session: String,
    pub number: u32,
    pub addressee_name: &'static str,
    pub addressee_portfolio: &'static str,
    pub author: String,
    /// The subject as written on the title line, without its run-on sentence or final period.
    pub subject: String,
    /// Whether the title line runs on into the first sentence of the question (seed 003).
    pub subject_runs_on: bool,
    pub received: NaiveDate,
    pub published: Option<NaiveDate>,
    pub answered: Option<NaiveDate>,
    /// Rows of the acts table.
    pub acts: usize,
    /// Bulleted sub-questions (0 when the questions are asked inside the intro).
    pub sub_questions: usize,
    /// Parts of the answer when it is numbered (`1/`, `1.`, `QUESTION 1`); `None` when the answer is
    /// written as plain paragraphs or when there is no answer.
    pub numbered_answer_parts: Option<usize>,
    pub has_answer: bool,
    /// Stable key of the topic (`open-data`, `mobility`, ...).
    pub topic: &'static str,
    /// Whether the topic belongs to the digital-transition plan (seed 002). Not to a generated plan:
    /// [`crate::plan`] spreads every topic, in and out of seed 002's scope, over its axes, so
    /// against a generated plan every question has actions on its subject.
    pub in_plan: bool,
    pub crlf: bool,
    pub final_newline: bool,
    pub bom: bool,
    /// The page's number on the Parliament's site (`moncode`), used by the HTML renderings.
    pub moncode: u32,
    /// The same content as `text`, kept as blocks for the HTML renderings ([`crate::html`]).
    pub(crate) body: Body,
    /// Seed and index of the question, so that its HTML renderings have their own random streams.
    pub(crate) seed: u64,
    pub(crate) index: usize,
}

/// What a question page shows, as blocks: the HTML renderings' source, filled while the text is
/// written so that both say the same thing.
#[derive(Clone, Debug, Default)]
pub(crate) struct Body {
    /// The title after `Question écrite concernant ` (subject and its final full stop, if any). A
    /// title that runs on (a text-export artefact) gives its sentence to the question's text instead.
    pub title: String,
    pub acts: Vec<ActRow>,
    pub question: Vec<Piece>,
    pub answer: Vec<Piece>,
}

/// A row of the acts table: date, act, and the "de" column (a member, an organ or `p.m.`).
#[derive(Clone, Debug)]
pub(crate) struct ActRow {
    pub date: NaiveDate,
    pub label: &'static str,
    pub by: String,
}

/// A block of a question's or an answer's text.
#[derive(Clone, Debug)]
pub(crate) enum Piece {
    Para(String),
    /// Lines of one paragraph separated by `<br />` (a part's number alone, then its text).
    Lines(Vec<String>),
    List(Vec<String>),
    Table(Vec<Vec<String>>),
    /// A paragraph holding only a no-break space, where the text has a `\u{a0}` line.
    Empty,
}

/// The moncode of the `i`-th question: distinct for every `i`, above the real site's (about 170,000
/// in 2026) so that a synthetic page is never taken for a real one.
pub fn moncode(i: usize) -> u32 {
    400_000 + u32::try_from(i).unwrap_or(u32::MAX - 400_000)
}

/// (addressee index into `MINISTERS`, question number) for the `i`-th question. Distinct for every
/// `i`: numbers restart per minister and grow with `i`, as in the Parliament's numbering.
pub fn identity(i: usize) -> (usize, u32) {
    let cycle = ADDRESSEE_CYCLE.len();
    let slot = i % cycle;
    let round = (i / cycle) as u32;
    let minister = ADDRESSEE_CYCLE[slot];
    let per_round = ADDRESSEE_CYCLE.iter().filter(|&&m| m == minister).count() as u32;
    let rank = ADDRESSEE_CYCLE[..slot]
        .iter()
        .filter(|&&m| m == minister)
        .count() as u32;
    (minister, round * per_round + rank + 1)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SubStyle {
    /// `- ` bullets separated by blank lines, after a transition sentence (seed 000).
    DashSpaced,
    /// `- ` bullets one per line (seed 004).
    DashCompact,
    /// `  • ` bullets right after the intro, no transition (seed 001).
    Bullet,
    /// No bullets: the questions are asked in the intro paragraphs.
    None,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum AnswerStyle {
    /// `Réponse   1/ Concernant ...`, then `2/ Concernant ...` (seed 000).
    SlashHeading,
    /// `Réponse   1/` alone, text on the next line (seeds 001, 003).
    SlashBare,
    /// `1. text` starting the part's first paragraph.
    Dot,
    /// `QUESTION 1` alone on its line.
    Upper,
    /// Plain paragraphs (seed 004).
    Paragraphs,
}

#[derive(Clone, Copy)]
enum Cue {
    Delivered,
    InProgress,
    Announced,
    Stalled,
}

enum Block {
    Paragraph(String),
    List {
        intro: String,
        bullet: &'static str,
        items: Vec<String>,
    },
    Table {
        rows: Vec<String>,
        cells: Vec<Vec<String>>,
    },
}

impl Block {
    fn len(&self) -> usize {
        match self {
            Block::Paragraph(p) => p.len() + 2,
            Block::List { intro, items, .. } => {
                intro.len() + items.iter().map(|i| i.len() + 4).sum::<usize>() + 2
            }
            Block::Table { rows, .. } => rows.iter().map(|r| r.len() + 1).sum::<usize>() + 2,
        }
    }
}

/// Generates the `i`-th question of the corpus for `seed`. Deterministic: the same (seed, i) gives
/// the same bytes, independently of how many other questions are generated.
pub fn question(seed: u64, i: usize) -> SynthQuestion {
    let mut rng = Rng::for_item(seed, 0x5155_4553, i as u64);
    let (m, number) = identity(i);
    let minister = &MINISTERS[m];

    let candidates: Vec<&Topic> = TOPICS.iter().filter(|t| t.minister == m).collect();
    let topic = rng.pick(&candidates);

    let feminine_author = rng.chance(0.5);
    let author = format!(
        "{} {}",
        rng.pick(if feminine_author {
            FIRST_NAMES_F
        } else {
            FIRST_NAMES_M
        }),
        rng.pick(SURNAMES)
    );

    // Sessions run from mid-September; numbers grow through the legislature.
    let session_idx = ((number - 1) / PER_SESSION).min(4);
    let start_year = 2019 + session_idx as i32;
    let session = format!("{:02}/{:02}", start_year % 100, (start_year + 1) % 100);
    let frac = f64::from((number - 1) % PER_SESSION) / f64::from(PER_SESSION);
    let session_start = NaiveDate::from_ymd_opt(start_year, 9, 15).expect("valid date");
    let received = session_start + Duration::days((frac * 290.0) as i64 + rng.range(0, 4) as i64);
    let admissible = received + Duration::days(rng.range(2, 14) as i64);
    let has_answer = rng.chance(0.92);
    let answered = has_answer.then(|| admissible + Duration::days(rng.range(7, 70) as i64));
    let published = answered.and_then(|a| {
        if rng.chance(0.04) {
            None
        } else if rng.chance(0.6) {
            Some(a)
        } else {
            Some(a + Duration::days(rng.range(1, 15) as i64))
        }
    });

    let typo = Typography::random(&mut rng);
    let colleague =
        MINISTERS[(m + 1 + rng.below(MINISTERS.len() - 1)) % MINISTERS.len()].referral();
    let year = received.year() - rng.below(2) as i32;
    let f = Fill {
        topic,
        year,
        address: minister.address(),
        colleague: &colleague,
        feminine_author,
    };
    let mut used = HashSet::new();
    let mut t = |pool: &'static [&'static str], rng: &mut Rng| {
        let tpl = fresh(pool, &mut used, rng);
        typo.apply(&fill(tpl, &f, rng), rng)
    };

    // Title line: subject, optionally running on into the question's first sentence (seed 003).
    let subject = t(topic.subjects, &mut rng);
    let subject_runs_on = rng.chance(0.12);
    let mut body = Body::default();
    let title = if subject_runs_on {
        let run_on = t(RUN_ONS, &mut rng);
        body.title = subject.clone();
        body.question.push(Piece::Para(run_on.clone()));
        format!("Question écrite concernant {subject} {run_on}")
    } else {
        let end = rng.pick(&["", "", ".", " ."]);
        body.title = format!("{subject}{end}");
        format!("Question écrite concernant {subject}{end}")
    };

    let mut lines: Vec<String> = vec![
        "Logo Parlement Buxellois".into(),
        String::new(),
        title,
        String::new(),
    ];
    lines.extend(["de".to_string(), author.clone(), "à".to_string()]);
    lines.push(format!(
        "{}, {} (question n°{number})",
        minister.name, minister.portfolio
    ));
    lines.extend([String::new(), NBSP.to_string()]);
    lines.push(format!(
        "Date de réception: {} Date de publication: {}",
        date(Some(received)),
        date(published)
    ));
    lines.push(format!(
        "Législature: {LEGISLATURE} Session: {session} Date de réponse: {}",
        date(answered)
    ));
    lines.push(NBSP.to_string());
    lines.push("Date Intitulé de l'acte de Référence page".into());
    let mut acts = Vec::new();
    if rng.chance(0.12) {
        acts.push(format!(
            "{} Question orale transformée en question écrite",
            date(Some(received))
        ));
        // The page names the member in the "de" column; the text rendering of the seeds does not.
        body.acts.push(ActRow {
            date: received,
            label: "Question orale transformée en question écrite",
            by: author.clone(),
        });
    }
    let admissible_ref = if rng.chance(0.7) {
        "Recevable p.m."
    } else {
        "Recevable Bureau élargi du Parlement"
    };
    acts.push(format!("{} {admissible_ref}", date(Some(admissible))));
    body.acts.push(ActRow {
        date: admissible,
        label: "Recevable",
        by: admissible_ref["Recevable ".len()..].to_string(),
    });
    if let Some(a) = answered
        && rng.chance(0.1)
    {
        acts.push(format!("{} Annexe à la réponse", date(Some(a))));
        body.acts.push(ActRow {
            date: a,
            label: "Annexe à la réponse",
            by: String::new(),
        });
    }
    let n_acts = acts.len();
    lines.extend(acts);
    lines.push(NBSP.to_string());

    // Target size: real questions weigh 3 to 8 KB.
    let target = if has_answer {
        rng.range(3200, 7300)
    } else {
        rng.range(3000, 3700)
    };

    // --- Question ---
    let gap = rng.pick(&[
        " \u{a0}\u{a0} ",
        " \u{a0}\u{a0} ",
        "\u{a0} ",
        "   ",
        "\t",
        " ",
    ]);
    let sub_style = rng.pick(&[
        SubStyle::DashSpaced,
        SubStyle::DashSpaced,
        SubStyle::DashCompact,
        SubStyle::Bullet,
        SubStyle::None,
    ]);
    let mut intro: Vec<String> = Vec::new();
    let n_intro = rng.range(1, 3);
    for p in 0..n_intro {
        let n_sent = rng.range(1, 3);
        let mut para = Vec::new();
        for s in 0..n_sent {
            let pool = if (p == 0 && s == 0) || rng.chance(0.4) {
                topic.context
            } else {
                INTRO_GENERIC
            };
            para.push(t(pool, &mut rng));
        }
        intro.push(para.join(" "));
    }
    let n_sub = if sub_style == SubStyle::None {
        0
    } else {
        rng.range(2, 5)
    };
    let mut subs: Vec<String> = (0..n_sub)
        .map(|_| {
            let k = rng.range(1, 2);
            (0..k)
                .map(|_| t(SUB_QUESTIONS, &mut rng))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    if sub_style == SubStyle::None {
        let k = rng.range(2, 4);
        let qs: Vec<String> = (0..k).map(|_| t(SUB_QUESTIONS, &mut rng)).collect();
        intro.push(format!(
            "{}, {}",
            minister.address(),
            lower_first(&qs.join(" "))
        ));
    }
    // Unanswered questions are padded with context so that they, too, are realistic in size.
    let header_len: usize = lines.iter().map(|l| l.len() + 1).sum();
    let q_len = |intro: &[String], subs: &[String]| -> usize {
        header_len + intro.iter().chain(subs).map(|s| s.len() + 3).sum::<usize>() + 120
    };
    while !has_answer && q_len(&intro, &subs) < target {
        let extra = t(INTRO_GENERIC, &mut rng);
        let at = rng.below(intro.len());
        intro[at].push(' ');
        intro[at].push_str(&extra);
        if !subs.is_empty() && rng.chance(0.3) {
            let k = rng.below(subs.len());
            let more = t(SUB_QUESTIONS, &mut rng);
            subs[k].push(' ');
            subs[k].push_str(&more);
        }
    }

    let mut first = true;
    for para in &intro {
        body.question.push(Piece::Para(para.clone()));
        if first {
            lines.push(format!("Question{gap}{para}"));
            first = false;
        } else {
            lines.push(String::new());
            lines.push(para.clone());
        }
    }
    match sub_style {
        SubStyle::DashSpaced | SubStyle::DashCompact => {
            lines.push(String::new());
            let transition = t(TRANSITIONS, &mut rng);
            body.question.push(Piece::Para(transition.clone()));
            lines.push(transition);
            lines.push(String::new());
            for (k, s) in subs.iter().enumerate() {
                if k > 0 && sub_style == SubStyle::DashSpaced {
                    lines.push(String::new());
                }
                lines.push(format!("- {s}"));
            }
        }
        SubStyle::Bullet => {
            for (k, s) in subs.iter().enumerate() {
                if k > 0 && rng.chance(0.5) {
                    lines.push(String::new());
                }
                lines.push(format!("  • {s}"));
            }
        }
        SubStyle::None => {}
    }
    if !subs.is_empty() {
        body.question.push(Piece::List(subs.clone()));
    }

    // --- Answer ---
    let mut numbered_answer_parts = None;
    if has_answer {
        let style = rng.pick(&[
            AnswerStyle::SlashHeading,
            AnswerStyle::SlashBare,
            AnswerStyle::SlashBare,
            AnswerStyle::Dot,
            AnswerStyle::Upper,
            AnswerStyle::Paragraphs,
            AnswerStyle::Paragraphs,
        ]);
        let n_parts = if style == AnswerStyle::Paragraphs {
            1
        } else if n_sub > 0 {
            n_sub
        } else {
            rng.range(2, 4)
        };
        let cue = rng.pick(&[
            Cue::Delivered,
            Cue::InProgress,
            Cue::InProgress,
            Cue::Announced,
            Cue::Stalled,
        ]);
        let mut parts: Vec<Vec<Block>> = (0..n_parts)
            .map(|_| vec![Block::Paragraph(paragraph(&mut t, cue, topic, &mut rng))])
            .collect();
        let mut size = q_len(&intro, &subs) + parts.iter().flatten().map(Block::len).sum::<usize>();
        let mut tables = 0;
        while size < target {
            let k = rng.below(n_parts);
            let block = match rng.below(10) {
                0..=6 => Block::Paragraph(paragraph(&mut t, cue, topic, &mut rng)),
                7 | 8 => list(&mut t, topic, &mut rng),
                _ if tables == 0 => {
                    tables += 1;
                    table(topic, f.year, &mut rng)
                }
                _ => Block::Paragraph(paragraph(&mut t, cue, topic, &mut rng)),
            };
            size += block.len();
            parts[k].push(block);
        }

        lines.push(NBSP.to_string());
        lines.push(NBSP.to_string());
        let blank = |rng: &mut Rng| {
            if rng.chance(0.1) {
                NBSP.to_string()
            } else {
                String::new()
            }
        };
        for (k, blocks) in parts.iter().enumerate() {
            let n = k + 1;
            let lead = if k == 0 {
                format!("Réponse{gap}")
            } else {
                String::new()
            };
            let push_blank = |lines: &mut Vec<String>, answer: &mut Vec<Piece>, rng: &mut Rng| {
                let b = blank(rng);
                if !b.is_empty() {
                    answer.push(Piece::Empty);
                }
                lines.push(b);
            };
            if k > 0 {
                push_blank(&mut lines, &mut body.answer, &mut rng);
                if style != AnswerStyle::SlashBare || rng.chance(0.7) {
                    push_blank(&mut lines, &mut body.answer, &mut rng);
                }
            }
            let mut blocks_iter = blocks.iter();
            // A part's number alone on its line, then (in the text) its first block on the next.
            let mut marker = None;
            match style {
                AnswerStyle::SlashHeading => {
                    let heading = format!("{n}/ {}", t(ANSWER_HEADINGS, &mut rng));
                    lines.push(format!("{lead}{heading}"));
                    body.answer.push(Piece::Para(heading));
                    lines.push(String::new());
                }
                AnswerStyle::SlashBare => {
                    lines.push(format!("{lead}{n}/"));
                    marker = Some(format!("{n}/"));
                }
                AnswerStyle::Upper => {
                    lines.push(format!("{lead}QUESTION {n}"));
                    marker = Some(format!("QUESTION {n}"));
                }
                AnswerStyle::Dot => {
                    // The number opens the part's first paragraph.
                    if let Some(Block::Paragraph(p)) = blocks.first() {
                        lines.push(format!("{lead}{n}. {p}"));
                        body.answer.push(Piece::Para(format!("{n}. {p}")));
                        blocks_iter.next();
                        if blocks.len() > 1 {
                            lines.push(String::new());
                        }
                    } else {
                        lines.push(format!("{lead}{n}."));
                        body.answer.push(Piece::Para(format!("{n}.")));
                    }
                }
                AnswerStyle::Paragraphs => {
                    if let Some(Block::Paragraph(p)) = blocks.first() {
                        lines.push(format!("{lead}{p}"));
                        body.answer.push(Piece::Para(p.clone()));
                        blocks_iter.next();
                        if blocks.len() > 1 {
                            lines.push(String::new());
                        }
                    }
                }
            }
            let rest: Vec<&Block> = blocks_iter.collect();
            for (b, block) in rest.iter().enumerate() {
                if b > 0 {
                    push_blank(&mut lines, &mut body.answer, &mut rng);
                }
                match block {
                    Block::Paragraph(p) => {
                        lines.push(p.clone());
                        match marker.take() {
                            Some(m) => body.answer.push(Piece::Lines(vec![m, p.clone()])),
                            None => body.answer.push(Piece::Para(p.clone())),
                        }
                    }
                    Block::List {
                        intro,
                        bullet,
                        items,
                    } => {
                        lines.push(intro.clone());
                        lines.extend(items.iter().map(|i| format!("{bullet}{i}")));
                        match marker.take() {
                            Some(m) => body.answer.push(Piece::Lines(vec![m, intro.clone()])),
                            None => body.answer.push(Piece::Para(intro.clone())),
                        }
                        body.answer.push(Piece::List(items.clone()));
                    }
                    Block::Table { rows, cells } => {
                        lines.extend(rows.iter().cloned());
                        if let Some(m) = marker.take() {
                            body.answer.push(Piece::Para(m));
                        }
                        body.answer.push(Piece::Table(cells.clone()));
                    }
                }
            }
            if let Some(m) = marker.take() {
                body.answer.push(Piece::Para(m));
            }
        }
        if style != AnswerStyle::Paragraphs {
            numbered_answer_parts = Some(n_parts);
        }
    }

    let crlf = rng.chance(0.15);
    let final_newline = rng.chance(0.4);
    let bom = rng.chance(0.03);
    let mut text = String::with_capacity(target + 1024);
    if bom {
        text.push('\u{feff}');
    }
    let eol = if crlf { "\r\n" } else { "\n" };
    for (k, l) in lines.iter().enumerate() {
        if k > 0 {
            text.push_str(eol);
        }
        text.push_str(l);
    }
    if final_newline {
        text.push_str(eol);
    }

    SynthQuestion {
        text,
        legislature: LEGISLATURE,
        session,
        number,
        addressee_name: minister.name,
        addressee_portfolio: minister.portfolio,
        author,
        subject,
        subject_runs_on,
        received,
        published,
        answered,
        acts: n_acts,
        sub_questions: n_sub,
        numbered_answer_parts,
        has_answer,
        topic: topic.key,
        in_plan: topic.in_plan,
        crlf,
        final_newline,
        bom,
        moncode: moncode(i),
        body,
        seed,
        index: i,
    }
}

/// The `i`-th question file of the corpus for `seed`.
pub fn question_file(seed: u64, i: usize) -> String {
    question(seed, i).text
}

const NBSP: &str = "\u{a0}";

/// A template of `pool` not used yet in this file when there is one: real answers do not repeat
/// the same sentence, and a corpus with repeated sentences would flatter term weighting.
fn fresh(
    pool: &'static [&'static str],
    used: &mut HashSet<&'static str>,
    rng: &mut Rng,
) -> &'static str {
    let start = rng.below(pool.len());
    let tpl = (0..pool.len())
        .map(|k| pool[(start + k) % pool.len()])
        .find(|t| !used.contains(t))
        .unwrap_or(pool[start]);
    used.insert(tpl);
    tpl
}

fn date(d: Option<NaiveDate>) -> String {
    match d {
        Some(d) => d.format("%d/%m/%Y").to_string(),
        None => "//".to_string(),
    }
}

fn lower_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_lowercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// A paragraph of an answer: 2 to 4 sentences, mostly carrying the question's delivery cue.
fn paragraph(
    t: &mut impl FnMut(&'static [&'static str], &mut Rng) -> String,
    cue: Cue,
    topic: &Topic,
    rng: &mut Rng,
) -> String {
    let n = rng.range(2, 4);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let pool: &'static [&'static str] = match rng.below(10) {
            0..=3 => match cue {
                Cue::Delivered => ANSWER_DELIVERED,
                Cue::InProgress => ANSWER_IN_PROGRESS,
                Cue::Announced => ANSWER_ANNOUNCED,
                Cue::Stalled => ANSWER_STALLED,
            },
            4..=6 => topic.facts,
            7 => rng.pick(&[ANSWER_DELIVERED, ANSWER_IN_PROGRESS, ANSWER_ANNOUNCED]),
            _ => ANSWER_NEUTRAL,
        };
        out.push(t(pool, rng));
    }
    capitalise(&out.join(" "))
}

fn list(
    t: &mut impl FnMut(&'static [&'static str], &mut Rng) -> String,
    topic: &Topic,
    rng: &mut Rng,
) -> Block {
    let bullet = rng.pick(&["- ", "- ", "· ", "· ", "● "]);
    let picks = rng.sample_between(topic.items.len(), 2, 5);
    let with_amounts = rng.chance(0.4);
    let items = picks
        .iter()
        .map(|&k| {
            let item = capitalise(topic.items[k]);
            if with_amounts {
                format!(
                    "{item} : {} K€",
                    crate::text::thousands(rng.range(40, 2400) as u64)
                )
            } else {
                let end = rng.pick(&[";", "", " ;", "."]);
                format!("{item}{end}")
            }
        })
        .collect();
    Block::List {
        intro: t(ANSWER_LIST_INTROS, rng),
        bullet,
        items,
    }
}

/// A small table, kept as text lines (tab- or space-separated), as PDFs exported to text show them.
fn table(topic: &Topic, year: i32, rng: &mut Rng) -> Block {
    let sep = rng.pick(&["\t", "  ", " "]);
    let what = capitalise(rng.pick(topic.counts));
    let mut cells = vec![vec!["Année".to_string(), what, "Budget (€)".to_string()]];
    for y in (year - rng.range(1, 3) as i32)..=year {
        cells.push(vec![
            y.to_string(),
            rng.range(10, 900).to_string(),
            crate::text::amount(rng),
        ]);
    }
    let rows = cells.iter().map(|r| r.join(sep)).collect();
    Block::Table { rows, cells }
}
