//! `/members`, `/ministers`, `/organisations`: everyone the dashboard has a page for, in name
//! order, with how many questions each asked or answered (members, ministers) or the other names
//! it goes by (organisations).

use maud::{Markup, html};
use vigie_store::query::api::{MemberItem, MinisterItem, OrganisationItem};
use vigie_store::query::common::Page;

use super::components::pagination;
use super::layout::{Section, page as layout};
use crate::ctx::Ctx;
use crate::paths;

/// One row: address, name, a detail under the name (portfolio, aliases), and a count.
struct Row {
    href: String,
    name: String,
    detail: Option<String>,
    count: Option<u64>,
}

fn index(ctx: &Ctx, title: &str, rows: &[Row], page: u64, pages: u64) -> Markup {
    let t = ctx.t();
    layout(
        ctx,
        Section::Other,
        title,
        html! {
            h1 { (title) }
            ul.list {
                @for r in rows {
                    li {
                        a href=(ctx.link(&r.href)) { (r.name) }
                        @if let Some(n) = r.count { " — " (ctx.lang.n_questions(n)) }
                        @if let Some(d) = &r.detail { div.meta { (d) } }
                    }
                }
            }
            @if rows.is_empty() { p { (t.nothing_yet) } }
            (pagination(ctx, page, pages))
        },
    )
}

pub fn members(ctx: &Ctx, p: &Page<MemberItem>) -> Markup {
    let rows: Vec<Row> = p
        .items
        .iter()
        .map(|m| Row {
            href: paths::member(&m.member),
            name: m.member.name.clone(),
            detail: None,
            count: Some(m.question_count),
        })
        .collect();
    index(ctx, ctx.t().members_title, &rows, p.page, p.pages())
}

pub fn ministers(ctx: &Ctx, p: &Page<MinisterItem>) -> Markup {
    let rows: Vec<Row> = p
        .items
        .iter()
        .map(|m| Row {
            href: paths::minister(&m.minister),
            name: m.minister.display().to_string(),
            detail: m
                .minister
                .name
                .as_ref()
                .map(|_| m.minister.portfolio.clone()),
            count: Some(m.question_count),
        })
        .collect();
    index(ctx, ctx.t().ministers_title, &rows, p.page, p.pages())
}

pub fn organisations(ctx: &Ctx, p: &Page<OrganisationItem>) -> Markup {
    let rows: Vec<Row> = p
        .items
        .iter()
        .map(|o| Row {
            href: paths::organisation(&o.organisation),
            name: o.organisation.name.clone(),
            detail: (!o.aliases.is_empty()).then(|| o.aliases.join(", ")),
            count: None,
        })
        .collect();
    index(ctx, ctx.t().organisations_title, &rows, p.page, p.pages())
}
