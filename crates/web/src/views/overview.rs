//! `/`: the plans, status counts (SVG drawn here), one stacked bar per axis, coverage and the
//! newest evidence. Every number links to the list behind it.

use maud::{Markup, html};
use vigie_core::Status;
use vigie_store::query::common::StatusCounts;
use vigie_store::query::overview::{AxisSummary, Overview, PartnerRef, PlanSummary};

use super::components::{
    action_link, action_status, member_link, minister_link, question_link, status_badge,
};
use super::layout::{Section, page as layout};
use crate::ctx::Ctx;
use crate::paths;

pub fn page(ctx: &Ctx, o: &Overview) -> Markup {
    let t = ctx.t();
    layout(
        ctx,
        Section::Overview,
        t.overview_title,
        html! {
            h1 { (t.overview_title) }
            @if o.plans.is_empty() {
                p.lead { (t.no_plan) }
            }
            @for p in &o.plans { (plan(ctx, p)) }

            section aria-labelledby="by-status" {
                h2 #by-status { (t.actions_by_status) }
                div.cards {
                    @for s in Status::ALL {
                        div.card {
                            a.stat href=(ctx.href("/actions", &[("status", s.as_str().to_string())])) { (o.totals.get(s)) }
                            div { (status_badge(ctx, s)) }
                        }
                    }
                    div.card {
                        a.stat href=(ctx.link("/actions")) { (o.total_actions) }
                        div { (t.all_actions) }
                    }
                }
                (status_chart(ctx, &o.totals))
                @if o.totals.unreviewed > 0 {
                    p {
                        a href=(ctx.href("/actions", &[("review", "unreviewed".to_string())])) {
                            (o.totals.unreviewed) " — " (t.evidence_unreviewed)
                        }
                        " " span.unreviewed-note { (t.unreviewed_title) }
                    }
                }
            }

            section aria-labelledby="coverage" {
                h2 #coverage { (t.coverage_title) }
                p {
                    a.stat href=(ctx.href("/actions", &[("sort", "evidence".to_string())])) { (ctx.lang.percent(o.covered, o.total_actions)) }
                }
                p { (ctx.lang.coverage(o.covered, o.total_actions)) }
                p {
                    a href=(ctx.href("/actions", &[("status", Status::NoFollowUp.as_str().to_string())])) {
                        (o.totals.get(Status::NoFollowUp)) " — " (t.st_no_follow_up)
                    }
                    " · "
                    a href=(ctx.link("/questions")) { (ctx.lang.n_questions(o.question_count)) }
                }
                // What the figures cover, and how fresh they are.
                @if let Some((from, to)) = o.period {
                    p.meta { (t.period_covered) " " (ctx.lang.date(from)) " – " (ctx.lang.date(to)) }
                }
                @if let Some(at) = o.last_updated {
                    p.meta { (t.last_updated) " " time datetime=(at.to_rfc3339()) { (ctx.lang.date(at.date_naive())) } }
                }
            }

            @if !o.axes.is_empty() {
                section aria-labelledby="by-axis" {
                    h2 #by-axis { (t.progress_by_axis) }
                    p.muted { (t.chart_by_axis_desc) }
                    (axis_chart(ctx, &o.axes))
                    div.table-scroll {
                        table {
                            caption.visually-hidden { (t.progress_by_axis) }
                            thead { tr {
                                th scope="col" { (t.axis) }
                                @for s in Status::ALL { th scope="col" { (t.status(s)) } }
                                th scope="col" { (t.total) }
                            } }
                            tbody {
                                @for a in &o.axes {
                                    tr {
                                        th scope="row" {
                                            a href=(ctx.href("/actions", &[("axis", a.axis.id.to_string())])) {
                                                (ctx.lang.axis_n(a.axis.number.into())) " — " (a.axis.title)
                                            }
                                        }
                                        @for s in Status::ALL {
                                            td {
                                                a href=(ctx.href("/actions", &[("axis", a.axis.id.to_string()), ("status", s.as_str().to_string())])) {
                                                    (a.counts.get(s))
                                                }
                                            }
                                        }
                                        td { (a.counts.total()) }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            section aria-labelledby="newest" {
                h2 #newest { (t.newest_evidence) }
                @if o.newest.is_empty() {
                    p { (t.no_evidence_yet) }
                } @else {
                    ul.list {
                        @for e in &o.newest {
                            li {
                                div.meta {
                                    span { (ctx.lang.opt_date(e.question.evidence_date())) }
                                    span { (member_link(ctx, &e.question.member)) " → " (minister_link(ctx, &e.question.minister)) }
                                }
                                div { (question_link(ctx, &e.question)) }
                                div { (action_status(ctx, &e.action)) " " (action_link(ctx, &e.action)) }
                            }
                        }
                    }
                }
            }
        },
    )
}

fn partners(ctx: &Ctx, list: &[PartnerRef]) -> Markup {
    html! {
        @for (i, p) in list.iter().enumerate() {
            @if i > 0 { ", " }
            a href=(ctx.link(&paths::organisation(&p.organisation))) { (p.organisation.name) }
            @if let Some(q) = &p.qualifier { " (" (q) ")" }
        }
    }
}

fn plan(ctx: &Ctx, p: &PlanSummary) -> Markup {
    let t = ctx.t();
    html! {
        section.plan aria-labelledby={ "plan-" (p.id) } {
            h2 id={ "plan-" (p.id) } { (p.title) }
            p.muted { (p.kind) }
            @if let Some(first) = p.intro.split('\n').find(|l| !l.trim().is_empty()) {
                p.lead { (first) }
            }
            dl.facts {
                @if !p.lead_ministers.is_empty() {
                    dt { (t.lead_ministers) }
                    dd { @for (i, m) in p.lead_ministers.iter().enumerate() { @if i > 0 { "; " } (minister_link(ctx, m)) } }
                }
                @if !p.associated_ministers.is_empty() {
                    dt { (t.associated_ministers) }
                    dd { @for (i, m) in p.associated_ministers.iter().enumerate() { @if i > 0 { "; " } (minister_link(ctx, m)) } }
                }
                @if !p.partners.is_empty() {
                    dt { (t.partners) }
                    dd { (partners(ctx, &p.partners)) }
                }
                @if !p.steering_committee.is_empty() {
                    dt { (t.steering_committee) }
                    dd { (partners(ctx, &p.steering_committee)) }
                }
            }
        }
    }
}

/// The charts are drawn 400 units wide, so that on a 390 px phone their 13-unit labels stay about
/// 12 px (a 640-unit drawing shrank them to 7 px); the stylesheet caps their width on wide screens.
const CHART_W: u32 = 400;
/// The longest status bar (the status chart's labels take the first 130 units, its counts the
/// last 40).
const BAR_W: f64 = 230.0;
/// The axis bars: after the axis label (70 units), to the right edge.
const AXIS_X: f64 = 70.0;
const AXIS_W: f64 = 330.0;

/// Horizontal bars, one per status, each a link to its list.
fn status_chart(ctx: &Ctx, c: &StatusCounts) -> Markup {
    let t = ctx.t();
    let max = Status::ALL
        .iter()
        .map(|s| c.get(*s))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let row = 34.0;
    let height = row * Status::ALL.len() as f64 + 6.0;
    html! {
        figure.chart {
            svg viewBox={ "0 0 " (CHART_W) " " (height) } role="group" aria-labelledby="chart-status-title" {
                title #chart-status-title { (t.actions_by_status) }
                desc { (t.chart_by_status_desc) }
                @for (i, s) in Status::ALL.into_iter().enumerate() {
                    @let y = 4.0 + i as f64 * row;
                    @let n = c.get(s);
                    @let w = if n == 0 { 0.0 } else { (n as f64 / max * BAR_W).max(3.0) };
                    a href=(ctx.href("/actions", &[("status", s.as_str().to_string())])) {
                        title { (t.status(s)) ": " (n) }
                        text x="0" y=(y + 19.0) { (t.status(s)) }
                        rect class={ "fill-" (s.as_str()) } x="130" y=(y) width=(format!("{w:.1}")) height="26" rx="3" {}
                        text x=(format!("{:.1}", 136.0 + w)) y=(y + 19.0) { (n) }
                    }
                }
            }
            figcaption.visually-hidden { (t.chart_by_status_desc) }
        }
    }
}

/// One stacked bar per axis (share of its actions in each status); each segment links to the
/// list of that axis and status, the axis label to the axis' list.
fn axis_chart(ctx: &Ctx, axes: &[AxisSummary]) -> Markup {
    let t = ctx.t();
    let row = 34.0;
    let height = row * axes.len() as f64 + 6.0;
    html! {
        figure.chart {
            svg viewBox={ "0 0 " (CHART_W) " " (height) } role="group" aria-labelledby="chart-axis-title" {
                title #chart-axis-title { (t.progress_by_axis) }
                desc { (t.chart_by_axis_desc) }
                @for (i, a) in axes.iter().enumerate() {
                    @let y = 4.0 + i as f64 * row;
                    @let total = a.counts.total();
                    a href=(ctx.href("/actions", &[("axis", a.axis.id.to_string())])) {
                        title { (ctx.lang.axis_n(a.axis.number.into())) " — " (a.axis.title) }
                        text x="0" y=(y + 19.0) { (ctx.lang.axis_n(a.axis.number.into())) }
                    }
                    @for (s, n, x, w) in segments(a) {
                        a href=(ctx.href("/actions", &[("axis", a.axis.id.to_string()), ("status", s.as_str().to_string())])) {
                            title { (ctx.lang.bar_label(a.axis.number.into(), s, n, total)) }
                            rect class={ "fill-" (s.as_str()) } x=(format!("{x:.1}")) y=(y) width=(format!("{w:.1}")) height="26" {}
                        }
                    }
                }
            }
        }
        ul.legend {
            @for s in Status::ALL { li { (status_badge(ctx, s)) } }
        }
    }
}

/// (status, count, x, width) of the non-empty segments of an axis bar.
fn segments(a: &AxisSummary) -> Vec<(Status, u64, f64, f64)> {
    let total = a.counts.total().max(1) as f64;
    let mut x = AXIS_X;
    let mut out = vec![];
    for s in Status::ALL {
        let n = a.counts.get(s);
        if n > 0 {
            let w = n as f64 / total * AXIS_W;
            out.push((s, n, x, w));
            x += w;
        }
    }
    out
}
