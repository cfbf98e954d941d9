//! The default organisation aliases: the names under which the seed documents (and the press)
//! know the plan's partners. Canonical names are written as the plan writes them.
//!
//! Staff edit aliases afterwards; `down` removes only the rows this migration created and that
//! nothing else uses, so it never deletes a staff-made alias or an organisation a plan names.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
    Name,
}

#[derive(DeriveIden)]
enum OrganisationAlias {
    Table,
    OrganisationId,
    Alias,
}

#[derive(DeriveIden)]
enum PlanPartner {
    Table,
    OrganisationId,
}

/// (canonical name, alias).
pub const DEFAULT_ALIASES: [(&str, &str); 4] = [
    ("CIRB", "Paradigm"),
    ("Easy Brussels", "easy.brussels"),
    ("Hub.Brussels", "hub.brussels"),
    ("Brupartners", "Brupartner"),
];

fn organisation_id(name: &str) -> SelectStatement {
    Query::select()
        .column(Organisation::Id)
        .from(Organisation::Table)
        .and_where(Expr::col(Organisation::Name).eq(name))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, alias) in DEFAULT_ALIASES {
            m.exec_stmt(
                Query::insert()
                    .into_table(Organisation::Table)
                    .columns([Organisation::Name])
                    .values_panic([name.into()])
                    .on_conflict(
                        OnConflict::column(Organisation::Name)
                            .do_nothing()
                            .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
            let select = Query::select()
                .column(Organisation::Id)
                .expr(Expr::val(alias))
                .from(Organisation::Table)
                .and_where(Expr::col(Organisation::Name).eq(name))
                .to_owned();
            m.exec_stmt(
                Query::insert()
                    .into_table(OrganisationAlias::Table)
                    .columns([OrganisationAlias::OrganisationId, OrganisationAlias::Alias])
                    .select_from(select)
                    .map_err(|e| DbErr::Migration(e.to_string()))?
                    .on_conflict(
                        OnConflict::column(OrganisationAlias::Alias)
                            .do_nothing()
                            .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, alias) in DEFAULT_ALIASES {
            m.exec_stmt(
                Query::delete()
                    .from_table(OrganisationAlias::Table)
                    .and_where(Expr::col(OrganisationAlias::Alias).eq(alias))
                    .and_where(
                        Expr::col(OrganisationAlias::OrganisationId)
                            .in_subquery(organisation_id(name)),
                    )
                    .to_owned(),
            )
            .await?;
            m.exec_stmt(
                Query::delete()
                    .from_table(Organisation::Table)
                    .and_where(Expr::col(Organisation::Name).eq(name))
                    .and_where(
                        Expr::col(Organisation::Id).not_in_subquery(
                            Query::select()
                                .column(PlanPartner::OrganisationId)
                                .from(PlanPartner::Table)
                                .to_owned(),
                        ),
                    )
                    .and_where(
                        Expr::col(Organisation::Id).not_in_subquery(
                            Query::select()
                                .column(OrganisationAlias::OrganisationId)
                                .from(OrganisationAlias::Table)
                                .to_owned(),
                        ),
                    )
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
