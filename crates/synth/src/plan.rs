//! Government priority plans in the layout of seed 002.

use crate::rng::Rng;
use crate::text::{Fill, capitalise, fill};
use crate::vocab::{
    MINISTERS, PLAN_ACTIONS, PLAN_AXIS_DESCRIPTIONS, PLAN_AXIS_TITLES, PLAN_INTRO, PLAN_LABELED,
    PLAN_PARTNERS, PLAN_TITLES, TOPICS,
};

/// A generated plan and its ground truth.
#[derive(Clone, Debug)]
pub struct SynthPlan {
    pub text: String,
    pub title: String,
    /// Number of actions of each axis, in order (axis `k + 1` has `actions_per_axis[k]` actions).
    pub actions_per_axis: Vec<usize>,
    /// Codes (`3.2`) of the actions whose bullet opens with a label, and the label.
    pub labels: Vec<(String, String)>,
    pub partners: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum AxisStyle {
    /// `- ` bullets right under the title.
    Bullets,
    /// A description line ending with `:`, then bullets (seed axes 3 and 4).
    DescribedBullets,
    /// No bullets: each paragraph is an action (seed axes 2 and 5).
    Paragraphs,
}

/// Generates a plan of exactly `n_actions` actions (at least one) spread over numbered axes.
/// The title carries the seed and the size, so different plans never collide on import.
pub fn plan(seed: u64, n_actions: usize) -> SynthPlan {
    let mut rng = Rng::for_item(seed, 0x504c_414e, n_actions as u64);
    let n_actions = n_actions.max(1);
    // Small plans look like seed 002 (2 to 3 actions per axis); big ones have fuller axes.
    let per_axis = if n_actions <= 30 { 2.6 } else { 8.0 };
    let n_axes = ((n_actions as f64 / per_axis).round() as usize).clamp(1, n_actions);
    let mut counts = vec![1usize; n_axes];
    for _ in n_axes..n_actions {
        let k = rng.below(n_axes);
        counts[k] += 1;
    }

    let title = format!("{} (programme S{seed}-{n_actions})", rng.pick(PLAN_TITLES));
    let mut lines = vec![title.clone()];
    let n_intro = rng.range(2, 4);
    for k in rng.sample(PLAN_INTRO.len(), n_intro) {
        lines.push(PLAN_INTRO[k].to_string());
    }
    lines.push("Qui s’en charge?".into());
    lines.push("Priorité concertée".into());

    let ministers = rng.sample(MINISTERS.len(), 4);
    let n_lead = rng.range(1, 2);
    let lead: Vec<&str> = ministers[..n_lead]
        .iter()
        .map(|&m| MINISTERS[m].plan_portfolio)
        .collect();
    let assoc: Vec<&str> = ministers[n_lead..n_lead + rng.range(1, 2)]
        .iter()
        .map(|&m| MINISTERS[m].plan_portfolio)
        .collect();
    lines.push(format!("Ministre(s) porteur : {}", lead.join(", ")));
    lines.push(format!("Ministre(s) associé(s) : {}", assoc.join(", ")));
    let partners: Vec<&str> = rng
        .sample_between(PLAN_PARTNERS.len(), 6, 12)
        .into_iter()
        .map(|k| PLAN_PARTNERS[k])
        .collect();
    lines.push(format!("Partenaires : {}", partners.join(", ")));
    let steering: Vec<&str> = partners
        .iter()
        .copied()
        .filter(|_| rng.chance(0.85))
        .collect();
    let steering = if steering.is_empty() {
        vec![partners[0]]
    } else {
        steering
    };
    lines.push(format!("Comité de pilotage : {}", steering.join(", ")));

    // Spread the themes over the axes so that a big plan covers every topic, in and out of the
    // seed plan's scope.
    let mut topic_order: Vec<usize> = Vec::new();
    let mut labels = Vec::new();
    for (a, &count) in counts.iter().enumerate() {
        if topic_order.is_empty() {
            topic_order = rng.sample(TOPICS.len(), TOPICS.len());
        }
        let topic = &TOPICS[topic_order.pop().expect("refilled above")];
        let f = Fill {
            topic,
            year: 2020,
            address: "",
            colleague: "",
            feminine_author: false,
        };
        let number = a + 1;
        let axis_title = capitalise(&fill(rng.pick(PLAN_AXIS_TITLES), &f, &mut rng));
        lines.push(if rng.chance(0.1) {
            format!("{number}.{axis_title}")
        } else {
            format!("{number}. {axis_title}")
        });
        let style = match rng.below(20) {
            0..=10 => AxisStyle::Bullets,
            11..=14 => AxisStyle::DescribedBullets,
            _ if count <= 3 => AxisStyle::Paragraphs,
            _ => AxisStyle::Bullets,
        };
        if style == AxisStyle::DescribedBullets {
            lines.push(capitalise(&fill(
                rng.pick(PLAN_AXIS_DESCRIPTIONS),
                &f,
                &mut rng,
            )));
        }
        for pos in 1..=count {
            let text = capitalise(&fill(rng.pick(PLAN_ACTIONS), &f, &mut rng));
            match style {
                AxisStyle::Paragraphs => lines.push(text),
                _ if rng.chance(0.15) => {
                    let label = rng.pick(topic.labels);
                    let body = capitalise(&fill(rng.pick(PLAN_LABELED), &f, &mut rng));
                    labels.push((format!("{number}.{pos}"), label.to_string()));
                    lines.push(format!("- {label} {body}"));
                }
                _ => lines.push(format!("- {text}")),
            }
        }
        let mut pilots = vec![MINISTERS[topic.minister].plan_portfolio];
        for _ in 0..rng.below(3) {
            let p = MINISTERS[rng.below(MINISTERS.len())].plan_portfolio;
            if !pilots.contains(&p) {
                pilots.push(p);
            }
        }
        lines.push(format!("Pilote(s) : {}", pilots.join("; ")));
    }

    SynthPlan {
        text: lines.join("\n"),
        title,
        actions_per_axis: counts,
        labels,
        partners: partners.len(),
    }
}

/// The text of a plan of `n_actions` actions for `seed`.
pub fn plan_file(seed: u64, n_actions: usize) -> String {
    plan(seed, n_actions).text
}
