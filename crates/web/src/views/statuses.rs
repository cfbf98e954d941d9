//! `/statuses`: what each status means and how the engine proposes it.

use maud::{Markup, html};
use vigie_core::Status;

use super::components::status_link;
use super::layout::{Section, page as layout};
use crate::ctx::Ctx;

pub fn page(ctx: &Ctx) -> Markup {
    let t = ctx.t();
    layout(
        ctx,
        Section::Statuses,
        t.statuses_title,
        html! {
            h1 { (t.statuses_title) }
            p.lead { (t.statuses_intro) }
            @for s in Status::ALL {
                section aria-labelledby={ "st-" (s.as_str()) } {
                    h2 id={ "st-" (s.as_str()) } { (t.status(s)) }
                    p { (status_link(ctx, s)) }
                    dl.facts {
                        dt { (t.statuses_cues) }
                        dd { (t.status_definition(s)) }
                        dt { (t.statuses_how) }
                        dd { (t.status_how(s)) }
                    }
                }
            }
            h2 { (t.statuses_rules_title) }
            ol {
                @for rule in t.statuses_rules { li { (rule) } }
            }
        },
    )
}
