//! The page of an address that names several records (an action code held by two plans, a question
//! reference shared by two ministers of one surname): the choices, each with its own address.

use maud::{Markup, html};

use super::layout::{Section, page as layout};
use crate::ctx::Ctx;

/// `items`: (address, label) pairs.
pub fn page(ctx: &Ctx, section: Section, what: &str, items: &[(String, String)]) -> Markup {
    let t = ctx.t();
    layout(
        ctx,
        section,
        t.several_title,
        html! {
            h1 { (t.several_title) }
            p.lead { (t.several_lead) " " (what) }
            ul.list {
                @for (href, label) in items { li { a href=(ctx.link(href)) { (label) } } }
            }
        },
    )
}
