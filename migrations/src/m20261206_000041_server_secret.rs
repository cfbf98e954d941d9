//! `server_secret`: keys the server generates once and every replica shares (today, the key that
//! signs the login form's CSRF tokens, so the login form accepts only tokens a Vigie server
//! issued). In the database rather than in a process, so that several `vigie serve` on one
//! database accept each other's tokens and a restart does not void the forms open in browsers.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ServerSecret {
    Table,
    Name,
    Value,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ServerSecret::Table)
                .if_not_exists()
                .col(
                    ColumnDef::new(ServerSecret::Name)
                        .string()
                        .not_null()
                        .primary_key(),
                )
                .col(ColumnDef::new(ServerSecret::Value).string().not_null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ServerSecret::Table).to_owned())
            .await
    }
}
