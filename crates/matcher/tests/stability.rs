//! A link decision for a question does not change when unrelated questions are added to or removed
//! from the database (issue 10): the development corpus alone, then with 2,000 generated
//! out-of-plan questions beside it, and then in another order, gives the same links, scores and
//! reasons on the development questions.

mod common;

use vigie_core::Question;
use vigie_matcher::{PlanIndex, default_aliases};

#[test]
fn unrelated_questions_do_not_change_the_links_of_the_development_corpus() {
    let index = PlanIndex::new(&common::plan(), &default_aliases(), &[]);
    let dev = common::real_questions();
    let alone = index.match_all(&dev);
    assert!(
        alone.iter().filter(|l| !l.is_empty()).count() >= 5,
        "the property is not vacuous: several development questions are linked"
    );

    // 2,000 generated questions on topics outside the plan (mobility, housing, Actiris...).
    let out_of_plan: Vec<Question> = (0..)
        .filter(|&i| !vigie_synth::question(7, i).in_plan)
        .take(2_000)
        .map(common::synth_question)
        .collect();
    let mut crowd = out_of_plan.clone();
    crowd.extend(dev.iter().cloned());
    let crowded = index.match_all(&crowd);
    assert_eq!(&crowded[out_of_plan.len()..], &alone[..]);

    // Reversed, interleaved: order and neighbours do not matter either.
    let mut mixed: Vec<Question> = Vec::new();
    for (i, q) in dev.iter().rev().enumerate() {
        mixed.push(q.clone());
        mixed.extend(out_of_plan[i * 10..i * 10 + 10].iter().cloned());
    }
    let links = index.match_all(&mixed);
    let mut again: Vec<_> = links.into_iter().step_by(11).collect();
    again.reverse();
    assert_eq!(again, alone);
}
