//! Staff: accounts, server-side sessions, login throttling, status assessments, the minister ↔
//! portfolio mapping, and the append-only audit log.
//!
//! Sessions store only the SHA-256 of the cookie token, so a copy of the database (a backup, a
//! leaked file) does not let anyone log in. Passwords are argon2id PHC strings.
//!
//! The audit log is append-only at the database level: triggers abort every `UPDATE` and
//! `DELETE` on it (SQLite `RAISE(ABORT)`, PostgreSQL a trigger function), so no code path, bug
//! or hand-typed SQL in the application can rewrite history. It has no foreign keys on purpose:
//! an audit row must outlive the user, link or action it describes.

use sea_orm_migration::sea_orm::DbBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
    Name,
    PasswordHash,
    Role,
    Disabled,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    Id,
    TokenHash,
    UserId,
    CsrfToken,
    CreatedAt,
    ExpiresAt,
    LastSeenAt,
}

#[derive(DeriveIden)]
enum LoginAttempt {
    Table,
    Id,
    Name,
    Ip,
    At,
    Success,
}

#[derive(DeriveIden)]
enum StatusAssessment {
    Table,
    Id,
    ActionId,
    Status,
    Justification,
    UserId,
    UserName,
    CreatedAt,
}

#[derive(DeriveIden)]
enum MinisterMapping {
    Table,
    Id,
    Portfolio,
    MinisterId,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    UserId,
    UserName,
    Kind,
    Entity,
    EntityId,
    ActionId,
    Before,
    After,
    Why,
}

#[derive(DeriveIden)]
enum Action {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Minister {
    Table,
    Id,
}

fn fk(
    name: &str,
    table: impl IntoIden,
    col: impl IntoIden,
    parent: impl IntoIden,
    parent_id: impl IntoIden,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, col)
        .to(parent, parent_id)
        .on_delete(on_delete)
        .on_update(ForeignKeyAction::Cascade)
        .to_owned()
}

fn index(
    name: &str,
    table: impl IntoIden,
    cols: Vec<DynIden>,
    unique: bool,
) -> IndexCreateStatement {
    let mut stmt = Index::create()
        .name(name)
        .table(table)
        .if_not_exists()
        .to_owned();
    for col in cols {
        stmt.col(col);
    }
    if unique {
        stmt.unique();
    }
    stmt
}

fn c(iden: impl IntoIden) -> DynIden {
    iden.into_iden()
}

const SQLITE_TRIGGERS: &[&str] = &[
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log \
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log \
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
];

const POSTGRES_TRIGGERS: &[&str] = &[
    "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ \
     BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log \
     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    // TRUNCATE bypasses row triggers on PostgreSQL.
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log \
     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
];

use ForeignKeyAction::Cascade;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(User::Table)
                .if_not_exists()
                .col(pk_auto(User::Id))
                .col(string_uniq(User::Name))
                .col(text(User::PasswordHash))
                .col(string(User::Role))
                .col(boolean(User::Disabled).default(false))
                .col(timestamp_with_time_zone(User::CreatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Session::Table)
                .if_not_exists()
                .col(pk_auto(Session::Id))
                .col(string_uniq(Session::TokenHash))
                .col(integer(Session::UserId))
                .col(string(Session::CsrfToken))
                .col(timestamp_with_time_zone(Session::CreatedAt))
                .col(timestamp_with_time_zone(Session::ExpiresAt))
                .col(timestamp_with_time_zone(Session::LastSeenAt))
                .foreign_key(&mut fk(
                    "fk_session_user",
                    Session::Table,
                    Session::UserId,
                    User::Table,
                    User::Id,
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_session_user",
            Session::Table,
            vec![c(Session::UserId)],
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(LoginAttempt::Table)
                .if_not_exists()
                .col(pk_auto(LoginAttempt::Id))
                .col(string(LoginAttempt::Name))
                .col(string(LoginAttempt::Ip))
                .col(timestamp_with_time_zone(LoginAttempt::At))
                .col(boolean(LoginAttempt::Success))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_login_attempt_name_at",
            LoginAttempt::Table,
            vec![c(LoginAttempt::Name), c(LoginAttempt::At)],
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_login_attempt_ip_at",
            LoginAttempt::Table,
            vec![c(LoginAttempt::Ip), c(LoginAttempt::At)],
            false,
        ))
        .await?;

        // History of staff assessments; the newest row of an action is the one in force. The
        // author's name is copied so the public page never needs the user table.
        m.create_table(
            Table::create()
                .table(StatusAssessment::Table)
                .if_not_exists()
                .col(pk_auto(StatusAssessment::Id))
                .col(integer(StatusAssessment::ActionId))
                .col(string(StatusAssessment::Status))
                .col(text(StatusAssessment::Justification))
                .col(integer(StatusAssessment::UserId))
                .col(string(StatusAssessment::UserName))
                .col(timestamp_with_time_zone(StatusAssessment::CreatedAt))
                .foreign_key(&mut fk(
                    "fk_status_assessment_action",
                    StatusAssessment::Table,
                    StatusAssessment::ActionId,
                    Action::Table,
                    Action::Id,
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_status_assessment_user",
                    StatusAssessment::Table,
                    StatusAssessment::UserId,
                    User::Table,
                    User::Id,
                    ForeignKeyAction::Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_status_assessment_action",
            StatusAssessment::Table,
            vec![c(StatusAssessment::ActionId), c(StatusAssessment::Id)],
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_status_assessment_user",
            StatusAssessment::Table,
            vec![c(StatusAssessment::UserId)],
            false,
        ))
        .await?;

        // A plan portfolio ("Ministre en charge de l'Emploi ...") paired by hand with the minister
        // who answers questions under another wording of it.
        m.create_table(
            Table::create()
                .table(MinisterMapping::Table)
                .if_not_exists()
                .col(pk_auto(MinisterMapping::Id))
                .col(text(MinisterMapping::Portfolio))
                .col(integer(MinisterMapping::MinisterId))
                .col(string(MinisterMapping::CreatedBy))
                .col(timestamp_with_time_zone(MinisterMapping::CreatedAt))
                .foreign_key(&mut fk(
                    "fk_minister_mapping_minister",
                    MinisterMapping::Table,
                    MinisterMapping::MinisterId,
                    Minister::Table,
                    Minister::Id,
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_minister_mapping_portfolio_minister",
            MinisterMapping::Table,
            vec![
                c(MinisterMapping::Portfolio),
                c(MinisterMapping::MinisterId),
            ],
            true,
        ))
        .await?;
        m.create_index(index(
            "ix_minister_mapping_minister",
            MinisterMapping::Table,
            vec![c(MinisterMapping::MinisterId)],
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(AuditLog::Table)
                .if_not_exists()
                .col(pk_auto(AuditLog::Id))
                .col(timestamp_with_time_zone(AuditLog::At))
                .col(integer_null(AuditLog::UserId))
                .col(string(AuditLog::UserName))
                .col(string(AuditLog::Kind))
                .col(string(AuditLog::Entity))
                .col(integer_null(AuditLog::EntityId))
                // The plan action the change concerns, for its public history page.
                .col(integer_null(AuditLog::ActionId))
                .col(text_null(AuditLog::Before))
                .col(text_null(AuditLog::After))
                .col(text_null(AuditLog::Why))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_audit_log_action",
            AuditLog::Table,
            vec![c(AuditLog::ActionId), c(AuditLog::Id)],
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_audit_log_entity",
            AuditLog::Table,
            vec![c(AuditLog::Entity), c(AuditLog::EntityId)],
            false,
        ))
        .await?;

        let triggers = match m.get_database_backend() {
            DbBackend::Sqlite => SQLITE_TRIGGERS,
            DbBackend::Postgres => POSTGRES_TRIGGERS,
            _ => &[],
        };
        let db = m.get_connection();
        for sql in triggers {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match m.get_database_backend() {
            DbBackend::Sqlite => {
                db.execute_unprepared("DROP TRIGGER IF EXISTS audit_log_no_update")
                    .await?;
                db.execute_unprepared("DROP TRIGGER IF EXISTS audit_log_no_delete")
                    .await?;
            }
            DbBackend::Postgres => {
                db.execute_unprepared("DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log")
                    .await?;
                db.execute_unprepared("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
                    .await?;
                db.execute_unprepared("DROP FUNCTION IF EXISTS audit_log_append_only()")
                    .await?;
            }
            _ => {}
        }
        for table in [
            c(AuditLog::Table),
            c(MinisterMapping::Table),
            c(StatusAssessment::Table),
            c(LoginAttempt::Table),
            c(Session::Table),
            c(User::Table),
        ] {
            m.drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
