//! An organisation's page: its other names, the plans it partners, the actions and the answers
//! that name it (under any of its names).

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use super::common::{ActionRef, OrganisationRef, actions_by_ids};
use super::search::{Mention, actions_naming, answers_naming, organisation_names};
use crate::entity::{organisation, plan, plan_partner};

/// How many naming answers the page lists.
pub const MENTIONS_LIMIT: u64 = 100;

#[derive(Clone, Debug, Serialize)]
pub struct PlanRole {
    pub plan_id: i32,
    pub plan_title: String,
    pub role: String,
    pub qualifier: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct OrganisationPage {
    pub organisation: OrganisationRef,
    pub aliases: Vec<String>,
    pub plans: Vec<PlanRole>,
    pub actions_naming: Vec<ActionRef>,
    pub answers_naming: Vec<Mention>,
}

pub async fn organisation_page<C: ConnectionTrait>(
    db: &C,
    id: i32,
) -> Result<Option<OrganisationPage>, DbErr> {
    let Some(o) = organisation::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let names = organisation_names(db, id).await?;
    let roles = plan_partner::Entity::find()
        .filter(plan_partner::Column::OrganisationId.eq(id))
        .order_by_asc(plan_partner::Column::PlanId)
        .all(db)
        .await?;
    let plans: HashMap<i32, String> = plan::Entity::find()
        .filter(plan::Column::Id.is_in(roles.iter().map(|r| r.plan_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect();
    let action_ids = actions_naming(db, &names, 500).await?;
    let mut actions = actions_by_ids(db, &action_ids).await?;
    actions.sort_by_key(|a| (a.plan_id, a.axis_id, a.position));
    let answers = answers_naming(db, &names, MENTIONS_LIMIT).await?;
    Ok(Some(OrganisationPage {
        aliases: names.into_iter().skip(1).collect(),
        plans: roles
            .into_iter()
            .map(|r| PlanRole {
                plan_title: plans.get(&r.plan_id).cloned().unwrap_or_default(),
                plan_id: r.plan_id,
                role: r.role,
                qualifier: r.qualifier,
            })
            .collect(),
        actions_naming: actions,
        answers_naming: answers,
        organisation: o.into(),
    }))
}
