//! Links by action *and* state: the overview's "actions with a follow-up" (`DISTINCT action_id
//! … WHERE state <> 'rejected'`) reads this index alone instead of every link row, and an
//! action's evidence trail filters its links without visiting the rejected ones. It replaces
//! the index on `action_id` alone, which it covers.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Link {
    Table,
    ActionId,
    State,
}

const NEW: &str = "ix_link_action_state";
const OLD: &str = "ix_link_action";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name(NEW)
                .table(Link::Table)
                .col(Link::ActionId)
                .col(Link::State)
                .if_not_exists()
                .to_owned(),
        )
        .await?;
        m.drop_index(Index::drop().name(OLD).table(Link::Table).to_owned())
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name(OLD)
                .table(Link::Table)
                .col(Link::ActionId)
                .if_not_exists()
                .to_owned(),
        )
        .await?;
        m.drop_index(Index::drop().name(NEW).table(Link::Table).to_owned())
            .await
    }
}
