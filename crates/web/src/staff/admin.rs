//! `/admin/aliases` (admins): organisation aliases and the minister ↔ portfolio mapping, which
//! the next `vigie match` uses.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use maud::{Markup, html};
use vigie_store::staff::aliases;

use super::{csrf_field, refused};
use crate::auth::{Admin, FormFields, change, see_other};
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::pages::path_id;
use crate::state::AppState;
use crate::views::layout::{Section, page as layout};

const PAGE: &str = "/admin/aliases";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/aliases", get(page).merge(change(add_alias)))
        .route("/admin/aliases/{id}/delete", change(remove_alias))
        .route("/admin/ministers", change(add_mapping))
        .route("/admin/ministers/{id}/delete", change(remove_mapping))
}

async fn page(State(st): State<AppState>, ctx: Ctx, _admin: Admin) -> Result<Markup, AppError> {
    let orgs = aliases::organisations(st.db()).await?;
    let mappings = aliases::minister_mappings(st.db()).await?;
    let portfolios = aliases::plan_portfolios(st.db()).await?;
    let ministers = aliases::named_ministers(st.db()).await?;
    let s = ctx.lang.staff();
    let why_field = |id: &str| {
        html! {
            label for=(id) { (s.reason_optional) }
            input id=(id) type="text" name="why" maxlength="4000";
        }
    };
    Ok(layout(
        &ctx,
        Section::Other,
        s.aliases_title,
        html! {
            h1 { (s.aliases_title) }
            p.lead { (s.aliases_intro) }

            section aria-labelledby="orgs" {
                h2 #orgs { (s.organisation_aliases) }
                div.table-scroll {
                    table {
                        thead { tr { th scope="col" { (ctx.t().organisation) } th scope="col" { (ctx.t().aliases) } } }
                        tbody {
                            @for o in &orgs {
                                tr {
                                    th scope="row" { (o.name) }
                                    td {
                                        ul.plain {
                                            @for (id, alias) in &o.aliases {
                                                li {
                                                    (alias) " "
                                                    form.inline method="post" action={ "/admin/aliases/" (id) "/delete" } {
                                                        (csrf_field(&ctx))
                                                        (why_field(&format!("why-a{id}")))
                                                        button type="submit" { (s.remove) }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                h3 { (s.add_alias) }
                form.staff-form method="post" action="/admin/aliases" {
                    (csrf_field(&ctx))
                    div {
                        label for="al-org" { (ctx.t().organisation) }
                        select #al-org name="organisation" required {
                            @for o in &orgs { option value=(o.id) { (o.name) } }
                        }
                    }
                    div {
                        label for="al-alias" { (s.alias) }
                        input #al-alias type="text" name="alias" required maxlength="300";
                    }
                    div { (why_field("al-why")) }
                    div.form-actions { button type="submit" { (s.add) } }
                }
            }

            section aria-labelledby="ministers" {
                h2 #ministers { (s.minister_mapping) }
                p { (s.minister_mapping_intro) }
                @if mappings.is_empty() {
                    p { (s.no_mapping) }
                } @else {
                    div.table-scroll {
                        table {
                            thead { tr {
                                th scope="col" { (s.plan_portfolio) }
                                th scope="col" { (ctx.t().minister) }
                                th scope="col" { (s.who) }
                                th scope="col" { span.visually-hidden { (s.remove) } }
                            } }
                            tbody {
                                @for m in &mappings {
                                    tr {
                                        td { (m.portfolio) }
                                        td { (m.minister.display()) }
                                        td { (m.created_by) }
                                        td {
                                            form.inline method="post" action={ "/admin/ministers/" (m.id) "/delete" } {
                                                (csrf_field(&ctx))
                                                (why_field(&format!("why-m{}", m.id)))
                                                button type="submit" { (s.remove) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                h3 { (s.add_mapping) }
                form.staff-form method="post" action="/admin/ministers" {
                    (csrf_field(&ctx))
                    div {
                        label for="mm-portfolio" { (s.plan_portfolio) }
                        input #mm-portfolio type="text" name="portfolio" required maxlength="4000" list="mm-portfolios";
                        datalist #mm-portfolios { @for p in &portfolios { option value=(p) {} } }
                    }
                    div {
                        label for="mm-minister" { (ctx.t().minister) }
                        select #mm-minister name="minister" required {
                            @for m in &ministers { option value=(m.id) title=(m.portfolio) { (m.display()) } }
                        }
                    }
                    div { (why_field("mm-why")) }
                    div.form-actions { button type="submit" { (s.add) } }
                }
            }
        },
    ))
}

async fn add_alias(
    State(st): State<AppState>,
    ctx: Ctx,
    admin: Admin,
    fields: FormFields,
) -> Result<Response, AppError> {
    let Some(org) = fields.id("organisation") else {
        return Ok(super::problem(
            &ctx,
            axum::http::StatusCode::BAD_REQUEST,
            ctx.lang.staff().choose_organisation,
        ));
    };
    match aliases::add_alias(
        st.db(),
        &admin.0.actor(),
        org,
        fields.get("alias").unwrap_or(""),
        fields.get("why"),
    )
    .await
    {
        Ok(_) => Ok(see_other(PAGE)),
        Err(e) => Ok(refused(&ctx, e)),
    }
}

async fn remove_alias(
    State(st): State<AppState>,
    ctx: Ctx,
    admin: Admin,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, AppError> {
    let id = path_id(&id, "alias")?;
    match aliases::remove_alias(st.db(), &admin.0.actor(), id, fields.get("why")).await {
        Ok(()) => Ok(see_other(PAGE)),
        Err(e) => Ok(refused(&ctx, e)),
    }
}

async fn add_mapping(
    State(st): State<AppState>,
    ctx: Ctx,
    admin: Admin,
    fields: FormFields,
) -> Result<Response, AppError> {
    let Some(minister) = fields.id("minister") else {
        return Ok(super::problem(
            &ctx,
            axum::http::StatusCode::BAD_REQUEST,
            ctx.lang.staff().choose_minister,
        ));
    };
    let portfolio = fields.get("portfolio").unwrap_or("");
    match aliases::add_mapping(
        st.db(),
        &admin.0.actor(),
        portfolio,
        minister,
        fields.get("why"),
    )
    .await
    {
        Ok(_) => Ok(see_other(PAGE)),
        Err(e) => Ok(refused(&ctx, e)),
    }
}

async fn remove_mapping(
    State(st): State<AppState>,
    ctx: Ctx,
    admin: Admin,
    Path(id): Path<String>,
    fields: FormFields,
) -> Result<Response, AppError> {
    let id = path_id(&id, "mapping")?;
    match aliases::remove_mapping(st.db(), &admin.0.actor(), id, fields.get("why")).await {
        Ok(()) => Ok(see_other(PAGE)),
        Err(e) => Ok(refused(&ctx, e)),
    }
}
