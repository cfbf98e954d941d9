//! What the HTML reader adds to a question: its official page (`source_moncode`, `source_url`),
//! the warnings its reading raised (`read_warnings`, a JSON array of `{location, message}`), and
//! for each act the person the row names (`person`) and an annex's link (`url`).
//!
//! All nullable: questions imported from text have no official page until their HTML page is
//! imported (a text re-import keeps the page it had), and most questions have no warning.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Question {
    Table,
    SourceMoncode,
    SourceUrl,
    ReadWarnings,
}

#[derive(DeriveIden)]
enum Act {
    Table,
    Person,
    Url,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for col in [
            ColumnDef::new(Question::SourceMoncode)
                .string()
                .null()
                .to_owned(),
            ColumnDef::new(Question::SourceUrl).text().null().to_owned(),
            ColumnDef::new(Question::ReadWarnings)
                .text()
                .null()
                .to_owned(),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Question::Table)
                    .add_column(col)
                    .to_owned(),
            )
            .await?;
        }
        for col in [
            ColumnDef::new(Act::Person).text().null().to_owned(),
            ColumnDef::new(Act::Url).text().null().to_owned(),
        ] {
            m.alter_table(Table::alter().table(Act::Table).add_column(col).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for col in [
            Question::SourceMoncode,
            Question::SourceUrl,
            Question::ReadWarnings,
        ] {
            m.alter_table(
                Table::alter()
                    .table(Question::Table)
                    .drop_column(col)
                    .to_owned(),
            )
            .await?;
        }
        for col in [Act::Person, Act::Url] {
            m.alter_table(Table::alter().table(Act::Table).drop_column(col).to_owned())
                .await?;
        }
        Ok(())
    }
}
