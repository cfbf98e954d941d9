//! `possible_link`: the review queue's "possible missed links" (issue 10) — for each question, the
//! best (question, action) pairs the matcher scored just under the link threshold, with the
//! passage that came closest and its reasons. `vigie match` rewrites the rows of the questions it
//! links; they are never public and never feed a status. Staff accept one (it becomes a confirmed
//! link) or dismiss it (a rejected link, so the matcher does not offer it again and learns from it).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PossibleLink {
    Table,
    Id,
    QuestionId,
    ActionId,
    PassageId,
    Score,
    Reasons,
    MatcherVersion,
}

#[derive(DeriveIden)]
enum Question {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Action {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Passage {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let fk = |name: &str, col: PossibleLink, parent: DynIden, parent_id: DynIden| {
            ForeignKey::create()
                .name(name)
                .from(PossibleLink::Table, col)
                .to(parent, parent_id)
                .on_delete(ForeignKeyAction::Cascade)
                .to_owned()
        };
        m.create_table(
            Table::create()
                .table(PossibleLink::Table)
                .if_not_exists()
                .col(pk_auto(PossibleLink::Id))
                .col(integer(PossibleLink::QuestionId))
                .col(integer(PossibleLink::ActionId))
                .col(integer(PossibleLink::PassageId))
                .col(double(PossibleLink::Score))
                .col(text(PossibleLink::Reasons))
                .col(string(PossibleLink::MatcherVersion))
                .foreign_key(&mut fk(
                    "fk_possible_link_question",
                    PossibleLink::QuestionId,
                    Question::Table.into_iden(),
                    Question::Id.into_iden(),
                ))
                .foreign_key(&mut fk(
                    "fk_possible_link_action",
                    PossibleLink::ActionId,
                    Action::Table.into_iden(),
                    Action::Id.into_iden(),
                ))
                .foreign_key(&mut fk(
                    "fk_possible_link_passage",
                    PossibleLink::PassageId,
                    Passage::Table.into_iden(),
                    Passage::Id.into_iden(),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_possible_link_pair")
                .table(PossibleLink::Table)
                .col(PossibleLink::QuestionId)
                .col(PossibleLink::ActionId)
                .unique()
                .if_not_exists()
                .to_owned(),
        )
        .await?;
        // Foreign keys are indexed (an action's or a passage's deletion cascades here).
        for (name, col) in [
            ("ix_possible_link_action", PossibleLink::ActionId),
            ("ix_possible_link_passage", PossibleLink::PassageId),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(PossibleLink::Table)
                    .col(col)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        }
        m.create_index(
            Index::create()
                .name("ix_possible_link_score")
                .table(PossibleLink::Table)
                .col(PossibleLink::Score)
                .if_not_exists()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(PossibleLink::Table).to_owned())
            .await
    }
}
