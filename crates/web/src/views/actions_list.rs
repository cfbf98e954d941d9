//! `/actions`: the plan's actions, filterable (status, axis, pilot, member, organisation, dates),
//! sortable, paginated; every filter lives in the URL.

use maud::{Markup, html};
use vigie_core::Status;
use vigie_store::query::common::Page;
use vigie_store::query::lists::{ActionRow, ActionSort, FilterOptions, Review};

use super::components::{Field, action_link, action_status, filter_form, pagination};
use super::layout::{Section, page as layout};
use crate::ctx::Ctx;

/// The options of the shared filter controls.
pub fn status_options(ctx: &Ctx) -> Vec<(String, String)> {
    Status::ALL
        .iter()
        .map(|s| (s.as_str().to_string(), ctx.t().status(*s).to_string()))
        .collect()
}

pub fn axis_options(ctx: &Ctx, o: &FilterOptions) -> Vec<(String, String)> {
    o.axes
        .iter()
        .map(|a| {
            (
                a.id.to_string(),
                format!("{} — {}", ctx.lang.axis_n(a.number.into()), a.title),
            )
        })
        .collect()
}

pub fn minister_options(o: &FilterOptions) -> Vec<(String, String)> {
    o.ministers
        .iter()
        .map(|m| (m.id.to_string(), m.display().to_string()))
        .collect()
}

pub fn member_options(o: &FilterOptions) -> Vec<(String, String)> {
    o.members
        .iter()
        .map(|m| (m.id.to_string(), m.name.clone()))
        .collect()
}

pub fn organisation_options(o: &FilterOptions) -> Vec<(String, String)> {
    o.organisations
        .iter()
        .map(|m| (m.id.to_string(), m.name.clone()))
        .collect()
}

/// The filter controls the lists of actions and of questions share; `minister` labels the
/// minister's control (the actions' pilot, the questions' addressee).
pub fn list_filters(
    ctx: &Ctx,
    options: &FilterOptions,
    minister: &'static str,
    sorts: Vec<(String, String)>,
) -> Vec<Field<'static>> {
    let t = ctx.t();
    let select = |name, label, options| Field::Select {
        name,
        label,
        options,
    };
    let date = |name, label| Field::Date { name, label };
    vec![
        select("status", t.status_label, status_options(ctx)),
        select("axis", t.axis, axis_options(ctx, options)),
        select("minister", minister, minister_options(options)),
        select("member", t.member, member_options(options)),
        select(
            "organisation",
            t.organisation,
            organisation_options(options),
        ),
        date("from", t.from),
        date("to", t.to),
        select("sort", t.sort, sorts),
    ]
}

pub fn page(ctx: &Ctx, rows: &Page<ActionRow>, options: &FilterOptions) -> Markup {
    let t = ctx.t();
    let sorts = ActionSort::ALL
        .iter()
        .map(|s| {
            let label = match s {
                ActionSort::Code => t.sort_code,
                ActionSort::Status => t.sort_status,
                ActionSort::Evidence => t.sort_evidence,
                ActionSort::Newest => t.sort_newest,
            };
            (s.as_str().to_string(), label.to_string())
        })
        .collect();
    layout(
        ctx,
        Section::Actions,
        t.actions_title,
        html! {
            h1 { (t.actions_title) }
            (filter_form(ctx, "/actions", {
                let mut fields = list_filters(ctx, options, t.pilots, sorts);
                fields.insert(1, Field::Select {
                    name: "review",
                    label: t.evidence_filter,
                    options: vec![
                        (Review::Unreviewed.as_str().to_string(), t.evidence_unreviewed.to_string()),
                        (Review::Reviewed.as_str().to_string(), t.evidence_reviewed.to_string()),
                    ],
                });
                fields
            }))
            p role="status" { (ctx.lang.n_actions(rows.total)) }
            @if rows.items.is_empty() { p { (t.no_results) } } @else {
                div.table-scroll {
                    table {
                        thead { tr {
                            th scope="col" { (t.action) }
                            th scope="col" { (t.status_label) }
                            th scope="col" { (t.axis) }
                            th scope="col" { (t.evidence_count) }
                            th scope="col" { (t.latest_evidence) }
                        } }
                        tbody {
                            @for r in &rows.items {
                                tr {
                                    td { (action_link(ctx, &r.action)) }
                                    td { (action_status(ctx, &r.action)) }
                                    td { @if let Some(a) = &r.axis { a href=(ctx.href("/actions", &[("axis", a.id.to_string())])) { (ctx.lang.axis_n(a.number.into())) } } }
                                    td {
                                        a href=(ctx.href("/questions", &[("action", r.action.id.to_string())])) { (r.evidence_count) }
                                    }
                                    td { @if let Some(d) = r.latest_evidence { (ctx.lang.date(d)) } @else { (t.none) } }
                                }
                            }
                        }
                    }
                }
            }
            (pagination(ctx, rows.page, rows.pages()))
        },
    )
}
