//! The page frame: landmarks (header, nav, main, footer), skip link, language switcher, the
//! "logged in as" slot for staff and a search box.

use maud::{DOCTYPE, Markup, html};

use crate::assets;
use crate::ctx::Ctx;
use crate::i18n::Lang;

/// Which navigation entry the page belongs to (marked `aria-current`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Overview,
    Actions,
    Questions,
    Search,
    Statuses,
    /// Pages reached from content (members, ministers, organisations) and staff pages.
    Other,
}

/// A whole HTML page: `title` goes into `<title>` (followed by the site name), `body` into
/// `<main>`. The body must hold the page's only `<h1>`.
pub fn page(ctx: &Ctx, section: Section, title: &str, body: Markup) -> Markup {
    let t = ctx.t();
    let nav = [
        (Section::Overview, "/", t.nav_overview),
        (Section::Actions, "/actions", t.nav_actions),
        (Section::Questions, "/questions", t.nav_questions),
        (Section::Search, "/search", t.nav_search),
        (Section::Statuses, "/statuses", t.nav_statuses),
    ];
    html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — " (t.site_name) }
                link rel="stylesheet" href=(assets::css_url());
                @for lang in Lang::ALL {
                    @if lang != ctx.lang {
                        link rel="alternate" hreflang=(lang.code()) href=(ctx.switch_lang(lang));
                    }
                }
                // Feed readers find the evidence feed from any page.
                link rel="alternate" type="application/atom+xml" title=(t.footer_feed) href=(ctx.link(crate::feeds::EVIDENCE_FEED));
            }
            body {
                a.skip-link href="#main" { (t.skip_to_content) }
                header.site-header {
                    div.wrap {
                        a.brand href=(ctx.link("/")) { (t.site_name) small { (t.tagline) } }
                        nav.site-nav aria-label=(t.nav_label) {
                            ul {
                                @for (s, path, label) in nav {
                                    li {
                                        a href=(ctx.link(path)) aria-current=[(s == section).then_some("page")] { (label) }
                                    }
                                }
                            }
                        }
                        @if section != Section::Search {
                            form.header-search role="search" method="get" action="/search" {
                                label.visually-hidden for="header-q" { (t.search_label) }
                                input #header-q type="search" name="q" maxlength="200" placeholder=(t.nav_search);
                                @if ctx.lang_explicit { input type="hidden" name="lang" value=(ctx.lang.code()); }
                                button type="submit" { (t.search_button) }
                            }
                        }
                        div.lang-switch {
                            span.visually-hidden { (t.language) ": " }
                            @for (i, lang) in Lang::ALL.into_iter().enumerate() {
                                @if i > 0 { " · " }
                                a href=(ctx.switch_lang(lang)) hreflang=(lang.code()) lang=(lang.code())
                                    aria-current=[(lang == ctx.lang).then_some("true")] { (lang.native_name()) }
                            }
                        }
                        (crate::auth::login::user_slot(ctx))
                    }
                }
                main #main tabindex="-1" {
                    div.wrap { (body) }
                }
                footer.site-footer {
                    div.wrap {
                        p { (t.footer_sources) }
                        p { (t.footer_license) " " a href=(ctx.link("/statuses")) { (t.nav_statuses) } }
                        p {
                            a href=(ctx.link("/ministers")) { (t.ministers_title) } " · "
                            a href=(ctx.link("/members")) { (t.members_title) } " · "
                            a href=(ctx.link("/organisations")) { (t.organisations_title) }
                        }
                        // Open data, from every page: downloads, the API and its OpenAPI document,
                        // the feed.
                        p.open-data {
                            (t.footer_open_data) " "
                            a href=(crate::downloads::ACTIONS_CSV) { "actions.csv" } " · "
                            a href=(crate::downloads::LINKS_CSV) { "links.csv" } " · "
                            a href=(crate::downloads::DATASET_JSON) { "dataset.json" } " · "
                            a href="/api/v1/" { "API" } " · "
                            a href="/api/v1/openapi.json" { "OpenAPI" } " · "
                            a href=(ctx.link(crate::feeds::EVIDENCE_FEED)) type="application/atom+xml" { (t.footer_feed) }
                        }
                    }
                }
            }
        }
    }
}
