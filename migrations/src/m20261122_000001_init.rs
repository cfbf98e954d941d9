//! The first schema: documents, the plan (ministers, partners, axes, actions), written questions
//! (acts, passages), links between questions and actions, and status proposals.
//!
//! Written with the sea-query builder only (no raw SQL) so the same migration runs on PostgreSQL.
//! Every foreign key has an index; a child row that has no meaning without its parent is deleted
//! with it (`ON DELETE CASCADE`); shared reference rows (ministers, members, organisations) are
//! never deleted from under a row that names them (`RESTRICT`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Document {
    Table,
    Id,
    Kind,
    SourceName,
    Sha256,
    ImportedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Minister {
    Table,
    Id,
    Name,
    Portfolio,
}

#[derive(DeriveIden)]
enum Member {
    Table,
    Id,
    Name,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
    Name,
}

#[derive(DeriveIden)]
enum OrganisationAlias {
    Table,
    Id,
    OrganisationId,
    Alias,
}

#[derive(DeriveIden)]
enum Plan {
    Table,
    Id,
    DocumentId,
    Title,
    Kind,
    Intro,
    ImportedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PlanMinister {
    Table,
    Id,
    PlanId,
    MinisterId,
    Role,
    Position,
}

#[derive(DeriveIden)]
enum PlanPartner {
    Table,
    Id,
    PlanId,
    OrganisationId,
    Qualifier,
    Role,
    Position,
}

#[derive(DeriveIden)]
enum Axis {
    Table,
    Id,
    PlanId,
    Number,
    Title,
    Description,
}

#[derive(DeriveIden)]
enum AxisPilot {
    Table,
    Id,
    AxisId,
    MinisterId,
    Position,
}

#[derive(DeriveIden)]
enum Action {
    Table,
    Id,
    PlanId,
    AxisId,
    Code,
    Position,
    Label,
    Text,
}

#[derive(DeriveIden)]
enum Question {
    Table,
    Id,
    DocumentId,
    Legislature,
    Session,
    Number,
    Subject,
    MemberId,
    MinisterId,
    Received,
    Published,
    Answered,
}

#[derive(DeriveIden)]
enum Act {
    Table,
    Id,
    QuestionId,
    Position,
    Date,
    Label,
    Reference,
}

#[derive(DeriveIden)]
enum Passage {
    Table,
    Id,
    QuestionId,
    Position,
    Kind,
    Heading,
    Text,
}

#[derive(DeriveIden)]
enum Link {
    Table,
    Id,
    QuestionId,
    ActionId,
    Score,
    State,
    Origin,
    MatcherVersion,
    Note,
    CreatedAt,
    UpdatedAt,
    ReviewedBy,
    ReviewedAt,
}

#[derive(DeriveIden)]
enum LinkPassage {
    Table,
    Id,
    LinkId,
    PassageId,
    Score,
    Reasons,
}

#[derive(DeriveIden)]
enum StatusProposal {
    Table,
    Id,
    ActionId,
    Status,
    Sentence,
    QuestionId,
    PassageId,
    EvidenceDate,
    MatcherVersion,
    ComputedAt,
    Current,
}

/// A named foreign key from `table.col` to `parent.id`.
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

/// A named index on `cols` of `table`.
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

fn cols<const N: usize>(cols: [DynIden; N]) -> Vec<DynIden> {
    cols.into_iter().collect()
}

fn c(iden: impl IntoIden) -> DynIden {
    iden.into_iden()
}

/// Tables in creation order; dropped in reverse.
fn tables() -> Vec<DynIden> {
    vec![
        c(Document::Table),
        c(Minister::Table),
        c(Member::Table),
        c(Organisation::Table),
        c(OrganisationAlias::Table),
        c(Plan::Table),
        c(PlanMinister::Table),
        c(PlanPartner::Table),
        c(Axis::Table),
        c(AxisPilot::Table),
        c(Action::Table),
        c(Question::Table),
        c(Act::Table),
        c(Passage::Table),
        c(Link::Table),
        c(LinkPassage::Table),
        c(StatusProposal::Table),
    ]
}

use ForeignKeyAction::{Cascade, Restrict, SetNull};

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Document::Table)
                .if_not_exists()
                .col(pk_auto(Document::Id))
                .col(string(Document::Kind))
                .col(string(Document::SourceName))
                .col(string_uniq(Document::Sha256))
                .col(timestamp_with_time_zone(Document::ImportedAt))
                .col(timestamp_with_time_zone(Document::UpdatedAt))
                .to_owned(),
        )
        .await?;

        // Plans name ministers by portfolio only (name NULL); questions by name and portfolio.
        // NULLs are distinct in a unique index, so the store looks plan ministers up by
        // `name IS NULL AND portfolio = ?` before inserting.
        m.create_table(
            Table::create()
                .table(Minister::Table)
                .if_not_exists()
                .col(pk_auto(Minister::Id))
                .col(string_null(Minister::Name))
                .col(text(Minister::Portfolio))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_minister_name_portfolio",
            Minister::Table,
            cols([c(Minister::Name), c(Minister::Portfolio)]),
            true,
        ))
        .await?;
        m.create_index(index(
            "ix_minister_portfolio",
            Minister::Table,
            cols([c(Minister::Portfolio)]),
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Member::Table)
                .if_not_exists()
                .col(pk_auto(Member::Id))
                .col(string_uniq(Member::Name))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Organisation::Table)
                .if_not_exists()
                .col(pk_auto(Organisation::Id))
                .col(string_uniq(Organisation::Name))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(OrganisationAlias::Table)
                .if_not_exists()
                .col(pk_auto(OrganisationAlias::Id))
                .col(integer(OrganisationAlias::OrganisationId))
                .col(string_uniq(OrganisationAlias::Alias))
                .foreign_key(&mut fk(
                    "fk_organisation_alias_organisation",
                    OrganisationAlias::Table,
                    OrganisationAlias::OrganisationId,
                    Organisation::Table,
                    Organisation::Id,
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_organisation_alias_organisation",
            OrganisationAlias::Table,
            cols([c(OrganisationAlias::OrganisationId)]),
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Plan::Table)
                .if_not_exists()
                .col(pk_auto(Plan::Id))
                .col(integer(Plan::DocumentId))
                .col(string_uniq(Plan::Title))
                .col(string(Plan::Kind))
                .col(text(Plan::Intro))
                .col(timestamp_with_time_zone(Plan::ImportedAt))
                .col(timestamp_with_time_zone(Plan::UpdatedAt))
                .foreign_key(&mut fk(
                    "fk_plan_document",
                    Plan::Table,
                    Plan::DocumentId,
                    Document::Table,
                    Document::Id,
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_plan_document",
            Plan::Table,
            cols([c(Plan::DocumentId)]),
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(PlanMinister::Table)
                .if_not_exists()
                .col(pk_auto(PlanMinister::Id))
                .col(integer(PlanMinister::PlanId))
                .col(integer(PlanMinister::MinisterId))
                .col(string(PlanMinister::Role))
                .col(integer(PlanMinister::Position))
                .foreign_key(&mut fk(
                    "fk_plan_minister_plan",
                    PlanMinister::Table,
                    PlanMinister::PlanId,
                    Plan::Table,
                    Plan::Id,
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_plan_minister_minister",
                    PlanMinister::Table,
                    PlanMinister::MinisterId,
                    Minister::Table,
                    Minister::Id,
                    Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_plan_minister_plan",
            PlanMinister::Table,
            cols([c(PlanMinister::PlanId)]),
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_plan_minister_minister",
            PlanMinister::Table,
            cols([c(PlanMinister::MinisterId)]),
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(PlanPartner::Table)
                .if_not_exists()
                .col(pk_auto(PlanPartner::Id))
                .col(integer(PlanPartner::PlanId))
                .col(integer(PlanPartner::OrganisationId))
                .col(string_null(PlanPartner::Qualifier))
                .col(string(PlanPartner::Role))
                .col(integer(PlanPartner::Position))
                .foreign_key(&mut fk(
                    "fk_plan_partner_plan",
                    PlanPartner::Table,
                    PlanPartner::PlanId,
                    Plan::Table,
                    Plan::Id,
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_plan_partner_organisation",
                    PlanPartner::Table,
                    PlanPartner::OrganisationId,
                    Organisation::Table,
                    Organisation::Id,
                    Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_plan_partner_plan",
            PlanPartner::Table,
            cols([c(PlanPartner::PlanId)]),
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_plan_partner_organisation",
            PlanPartner::Table,
            cols([c(PlanPartner::OrganisationId)]),
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Axis::Table)
                .if_not_exists()
                .col(pk_auto(Axis::Id))
                .col(integer(Axis::PlanId))
                .col(integer(Axis::Number))
                .col(text(Axis::Title))
                .col(text(Axis::Description))
                .foreign_key(&mut fk(
                    "fk_axis_plan",
                    Axis::Table,
                    Axis::PlanId,
                    Plan::Table,
                    Plan::Id,
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // Also the index for the plan_id foreign key (leading column).
        m.create_index(index(
            "ux_axis_plan_number",
            Axis::Table,
            cols([c(Axis::PlanId), c(Axis::Number)]),
            true,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(AxisPilot::Table)
                .if_not_exists()
                .col(pk_auto(AxisPilot::Id))
                .col(integer(AxisPilot::AxisId))
                .col(integer(AxisPilot::MinisterId))
                .col(integer(AxisPilot::Position))
                .foreign_key(&mut fk(
                    "fk_axis_pilot_axis",
                    AxisPilot::Table,
                    AxisPilot::AxisId,
                    Axis::Table,
                    Axis::Id,
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_axis_pilot_minister",
                    AxisPilot::Table,
                    AxisPilot::MinisterId,
                    Minister::Table,
                    Minister::Id,
                    Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_axis_pilot_axis",
            AxisPilot::Table,
            cols([c(AxisPilot::AxisId)]),
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_axis_pilot_minister",
            AxisPilot::Table,
            cols([c(AxisPilot::MinisterId)]),
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Action::Table)
                .if_not_exists()
                .col(pk_auto(Action::Id))
                .col(integer(Action::PlanId))
                .col(integer(Action::AxisId))
                .col(string(Action::Code))
                .col(integer(Action::Position))
                .col(string_null(Action::Label))
                .col(text(Action::Text))
                .foreign_key(&mut fk(
                    "fk_action_plan",
                    Action::Table,
                    Action::PlanId,
                    Plan::Table,
                    Plan::Id,
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_action_axis",
                    Action::Table,
                    Action::AxisId,
                    Axis::Table,
                    Axis::Id,
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_action_plan_code",
            Action::Table,
            cols([c(Action::PlanId), c(Action::Code)]),
            true,
        ))
        .await?;
        m.create_index(index(
            "ix_action_axis",
            Action::Table,
            cols([c(Action::AxisId)]),
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Question::Table)
                .if_not_exists()
                .col(pk_auto(Question::Id))
                .col(integer(Question::DocumentId))
                .col(string(Question::Legislature))
                .col(string(Question::Session))
                .col(integer(Question::Number))
                .col(text(Question::Subject))
                .col(integer(Question::MemberId))
                .col(integer(Question::MinisterId))
                .col(date_null(Question::Received))
                .col(date_null(Question::Published))
                .col(date_null(Question::Answered))
                .foreign_key(&mut fk(
                    "fk_question_document",
                    Question::Table,
                    Question::DocumentId,
                    Document::Table,
                    Document::Id,
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_question_member",
                    Question::Table,
                    Question::MemberId,
                    Member::Table,
                    Member::Id,
                    Restrict,
                ))
                .foreign_key(&mut fk(
                    "fk_question_minister",
                    Question::Table,
                    Question::MinisterId,
                    Minister::Table,
                    Minister::Id,
                    Restrict,
                ))
                .to_owned(),
        )
        .await?;
        // The question's identity: numbers restart for every addressee and legislature.
        m.create_index(index(
            "ux_question_identity",
            Question::Table,
            cols([
                c(Question::Legislature),
                c(Question::MinisterId),
                c(Question::Number),
            ]),
            true,
        ))
        .await?;
        m.create_index(index(
            "ix_question_document",
            Question::Table,
            cols([c(Question::DocumentId)]),
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_question_member",
            Question::Table,
            cols([c(Question::MemberId)]),
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_question_minister",
            Question::Table,
            cols([c(Question::MinisterId)]),
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_question_answered",
            Question::Table,
            cols([c(Question::Answered)]),
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Act::Table)
                .if_not_exists()
                .col(pk_auto(Act::Id))
                .col(integer(Act::QuestionId))
                .col(integer(Act::Position))
                .col(date_null(Act::Date))
                .col(text(Act::Label))
                .col(text_null(Act::Reference))
                .foreign_key(&mut fk(
                    "fk_act_question",
                    Act::Table,
                    Act::QuestionId,
                    Question::Table,
                    Question::Id,
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_act_question",
            Act::Table,
            cols([c(Act::QuestionId)]),
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Passage::Table)
                .if_not_exists()
                .col(pk_auto(Passage::Id))
                .col(integer(Passage::QuestionId))
                .col(integer(Passage::Position))
                .col(string(Passage::Kind))
                .col(text_null(Passage::Heading))
                .col(text(Passage::Text))
                .foreign_key(&mut fk(
                    "fk_passage_question",
                    Passage::Table,
                    Passage::QuestionId,
                    Question::Table,
                    Question::Id,
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_passage_question_position",
            Passage::Table,
            cols([c(Passage::QuestionId), c(Passage::Position)]),
            true,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Link::Table)
                .if_not_exists()
                .col(pk_auto(Link::Id))
                .col(integer(Link::QuestionId))
                .col(integer(Link::ActionId))
                .col(double(Link::Score))
                .col(string(Link::State))
                .col(string(Link::Origin))
                .col(string(Link::MatcherVersion))
                .col(text_null(Link::Note))
                .col(timestamp_with_time_zone(Link::CreatedAt))
                .col(timestamp_with_time_zone(Link::UpdatedAt))
                .col(string_null(Link::ReviewedBy))
                .col(timestamp_with_time_zone_null(Link::ReviewedAt))
                .foreign_key(&mut fk(
                    "fk_link_question",
                    Link::Table,
                    Link::QuestionId,
                    Question::Table,
                    Question::Id,
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_link_action",
                    Link::Table,
                    Link::ActionId,
                    Action::Table,
                    Action::Id,
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_link_question_action",
            Link::Table,
            cols([c(Link::QuestionId), c(Link::ActionId)]),
            true,
        ))
        .await?;
        m.create_index(index(
            "ix_link_action",
            Link::Table,
            cols([c(Link::ActionId)]),
            false,
        ))
        .await?;
        // The review queue lists proposed links.
        m.create_index(index(
            "ix_link_state",
            Link::Table,
            cols([c(Link::State)]),
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(LinkPassage::Table)
                .if_not_exists()
                .col(pk_auto(LinkPassage::Id))
                .col(integer(LinkPassage::LinkId))
                .col(integer(LinkPassage::PassageId))
                .col(double(LinkPassage::Score))
                .col(text(LinkPassage::Reasons))
                .foreign_key(&mut fk(
                    "fk_link_passage_link",
                    LinkPassage::Table,
                    LinkPassage::LinkId,
                    Link::Table,
                    Link::Id,
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_link_passage_passage",
                    LinkPassage::Table,
                    LinkPassage::PassageId,
                    Passage::Table,
                    Passage::Id,
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_link_passage_link_passage",
            LinkPassage::Table,
            cols([c(LinkPassage::LinkId), c(LinkPassage::PassageId)]),
            true,
        ))
        .await?;
        m.create_index(index(
            "ix_link_passage_passage",
            LinkPassage::Table,
            cols([c(LinkPassage::PassageId)]),
            false,
        ))
        .await?;

        // History of the engine's proposals: a new row when the proposal changes; `current` marks
        // the latest. The evidence may disappear (question or passage re-imported without it) while
        // the proposal's history stays, hence SET NULL.
        m.create_table(
            Table::create()
                .table(StatusProposal::Table)
                .if_not_exists()
                .col(pk_auto(StatusProposal::Id))
                .col(integer(StatusProposal::ActionId))
                .col(string(StatusProposal::Status))
                .col(text_null(StatusProposal::Sentence))
                .col(integer_null(StatusProposal::QuestionId))
                .col(integer_null(StatusProposal::PassageId))
                .col(date_null(StatusProposal::EvidenceDate))
                .col(string(StatusProposal::MatcherVersion))
                .col(timestamp_with_time_zone(StatusProposal::ComputedAt))
                .col(boolean(StatusProposal::Current))
                .foreign_key(&mut fk(
                    "fk_status_proposal_action",
                    StatusProposal::Table,
                    StatusProposal::ActionId,
                    Action::Table,
                    Action::Id,
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "fk_status_proposal_question",
                    StatusProposal::Table,
                    StatusProposal::QuestionId,
                    Question::Table,
                    Question::Id,
                    SetNull,
                ))
                .foreign_key(&mut fk(
                    "fk_status_proposal_passage",
                    StatusProposal::Table,
                    StatusProposal::PassageId,
                    Passage::Table,
                    Passage::Id,
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_status_proposal_action_current",
            StatusProposal::Table,
            cols([c(StatusProposal::ActionId), c(StatusProposal::Current)]),
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_status_proposal_question",
            StatusProposal::Table,
            cols([c(StatusProposal::QuestionId)]),
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_status_proposal_passage",
            StatusProposal::Table,
            cols([c(StatusProposal::PassageId)]),
            false,
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Children first, so foreign keys never point at a dropped table (PostgreSQL refuses
        // that; SQLite would leave dangling references). Indexes go with their tables.
        for table in tables().into_iter().rev() {
            m.drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
