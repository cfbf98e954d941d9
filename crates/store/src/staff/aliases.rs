//! What the matcher knows about names, edited by admins: organisation aliases (`Paradigm` is
//! `CIRB`) and the minister ↔ portfolio mapping (the plan's "Ministre en charge de l'Emploi…"
//! is the minister who answers as "Bernard Clerfayt, Ministre … chargé de l'Emploi…").
//!
//! `vigie match` reads both from the database ([`matcher_aliases`], [`matcher_minister_map`]),
//! and every edit re-runs the matcher in its own transaction (`matching::rematch`), so links,
//! statuses, counts and feeds follow it at once, never at the next `vigie match`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set,
};
use serde::Serialize;
use serde_json::json;

use super::audit::AuditKind;
use super::entity::minister_mapping;
use super::{Actor, Field, MAX_TEXT, Problem, StaffError, audit, optional_text, required_text};
use crate::entity::{minister, organisation, organisation_alias};
use crate::query::common::MinisterRef;

/// Longest alias or portfolio accepted.
pub const MAX_NAME: usize = 300;

#[derive(Clone, Debug, Serialize)]
pub struct OrganisationAliases {
    pub id: i32,
    pub name: String,
    /// (alias id, alias), alphabetical.
    pub aliases: Vec<(i32, String)>,
}

/// Every organisation with its aliases, by name.
pub async fn organisations<C: ConnectionTrait>(db: &C) -> Result<Vec<OrganisationAliases>, DbErr> {
    let orgs = organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .all(db)
        .await?;
    let mut aliases: BTreeMap<i32, Vec<(i32, String)>> = BTreeMap::new();
    for a in organisation_alias::Entity::find()
        .order_by_asc(organisation_alias::Column::Alias)
        .all(db)
        .await?
    {
        aliases
            .entry(a.organisation_id)
            .or_default()
            .push((a.id, a.alias));
    }
    Ok(orgs
        .into_iter()
        .map(|o| OrganisationAliases {
            aliases: aliases.remove(&o.id).unwrap_or_default(),
            id: o.id,
            name: o.name,
        })
        .collect())
}

/// Adds `alias` to organisation `organisation_id`. An alias names one organisation only.
pub async fn add_alias(
    db: &DatabaseConnection,
    actor: &Actor,
    organisation_id: i32,
    alias: &str,
    why: Option<&str>,
) -> Result<i32, StaffError> {
    let alias = required_text(alias, Field::Alias, MAX_NAME)?;
    let why = optional_text(why, Field::Reason, MAX_TEXT)?;
    let txn = crate::write::begin(db).await?;
    let org = organisation::Entity::find_by_id(organisation_id)
        .one(&txn)
        .await?
        .ok_or_else(|| StaffError::NotFound(format!("organisation {organisation_id}")))?;
    if let Some(existing) = organisation_alias::Entity::find()
        .filter(organisation_alias::Column::Alias.eq(&alias))
        .one(&txn)
        .await?
    {
        let owner = organisation::Entity::find_by_id(existing.organisation_id)
            .one(&txn)
            .await?
            .map(|o| o.name);
        return Err(StaffError::Refused(Problem::AliasTaken(
            alias,
            owner.unwrap_or_else(|| "another organisation".into()),
        )));
    }
    let row = organisation_alias::ActiveModel {
        organisation_id: Set(org.id),
        alias: Set(alias.clone()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::write(
        &txn,
        actor,
        audit::Change {
            kind: AuditKind::AliasAdd,
            entity: "organisation_alias",
            entity_id: Some(row.id),
            after: Some(json!({ "organisation": org.name, "alias": alias })),
            why: why.as_deref(),
            action_id: None,
            before: None,
        },
    )
    .await?;
    // The matcher reads aliases and mappings: links and statuses follow the change at once.
    crate::matching::rematch(&txn).await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Removes one alias.
pub async fn remove_alias(
    db: &DatabaseConnection,
    actor: &Actor,
    alias_id: i32,
    why: Option<&str>,
) -> Result<(), StaffError> {
    let why = optional_text(why, Field::Reason, MAX_TEXT)?;
    let txn = crate::write::begin(db).await?;
    let row = organisation_alias::Entity::find_by_id(alias_id)
        .one(&txn)
        .await?
        .ok_or_else(|| StaffError::NotFound(format!("alias {alias_id}")))?;
    let org = organisation::Entity::find_by_id(row.organisation_id)
        .one(&txn)
        .await?
        .map(|o| o.name);
    organisation_alias::Entity::delete_by_id(row.id)
        .exec(&txn)
        .await?;
    audit::write(
        &txn,
        actor,
        audit::Change {
            kind: AuditKind::AliasRemove,
            entity: "organisation_alias",
            entity_id: Some(row.id),
            before: Some(json!({ "organisation": org, "alias": row.alias })),
            why: why.as_deref(),
            action_id: None,
            after: None,
        },
    )
    .await?;
    // The matcher reads aliases and mappings: links and statuses follow the change at once.
    crate::matching::rematch(&txn).await?;
    txn.commit().await?;
    Ok(())
}

#[derive(Clone, Debug, Serialize)]
pub struct Mapping {
    pub id: i32,
    pub portfolio: String,
    pub minister: MinisterRef,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// Every mapping, by portfolio.
pub async fn minister_mappings<C: ConnectionTrait>(db: &C) -> Result<Vec<Mapping>, DbErr> {
    let rows = minister_mapping::Entity::find()
        .order_by_asc(minister_mapping::Column::Portfolio)
        .order_by_asc(minister_mapping::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.minister_id).collect();
    let ministers: BTreeMap<i32, minister::Model> = if ids.is_empty() {
        BTreeMap::new()
    } else {
        minister::Entity::find()
            .filter(minister::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect()
    };
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let m = ministers.get(&r.minister_id)?.clone();
            Some(Mapping {
                id: r.id,
                portfolio: r.portfolio,
                minister: MinisterRef::from(m),
                created_by: r.created_by,
                created_at: r.created_at,
            })
        })
        .collect())
}

/// The portfolios the plans name (ministers known by portfolio only), for the mapping form.
pub async fn plan_portfolios<C: ConnectionTrait>(db: &C) -> Result<Vec<String>, DbErr> {
    let mut v: Vec<String> = minister::Entity::find()
        .filter(minister::Column::Name.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.portfolio)
        .collect();
    v.sort();
    v.dedup();
    Ok(v)
}

/// The ministers questions are addressed to (known by name), for the mapping form.
pub async fn named_ministers<C: ConnectionTrait>(db: &C) -> Result<Vec<MinisterRef>, DbErr> {
    Ok(minister::Entity::find()
        .filter(minister::Column::Name.is_not_null())
        .order_by_asc(minister::Column::Name)
        .order_by_asc(minister::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(MinisterRef::from)
        .collect())
}

/// Pairs the plan portfolio `portfolio` with minister `minister_id`.
pub async fn add_mapping(
    db: &DatabaseConnection,
    actor: &Actor,
    portfolio: &str,
    minister_id: i32,
    why: Option<&str>,
) -> Result<i32, StaffError> {
    let portfolio = required_text(portfolio, Field::Portfolio, MAX_TEXT)?;
    let why = optional_text(why, Field::Reason, MAX_TEXT)?;
    let txn = crate::write::begin(db).await?;
    let m = minister::Entity::find_by_id(minister_id)
        .one(&txn)
        .await?
        .ok_or_else(|| StaffError::NotFound(format!("minister {minister_id}")))?;
    let exists = minister_mapping::Entity::find()
        .filter(minister_mapping::Column::Portfolio.eq(&portfolio))
        .filter(minister_mapping::Column::MinisterId.eq(minister_id))
        .one(&txn)
        .await?
        .is_some();
    if exists {
        return Err(StaffError::Refused(Problem::MappingExists));
    }
    let row = minister_mapping::ActiveModel {
        portfolio: Set(portfolio.clone()),
        minister_id: Set(minister_id),
        created_by: Set(actor.name.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::write(
        &txn,
        actor,
        audit::Change {
            kind: AuditKind::MinisterMappingAdd,
            entity: "minister_mapping",
            entity_id: Some(row.id),
            after: Some(
                json!({ "portfolio": portfolio, "minister": m.name.unwrap_or(m.portfolio) }),
            ),
            why: why.as_deref(),
            action_id: None,
            before: None,
        },
    )
    .await?;
    // The matcher reads aliases and mappings: links and statuses follow the change at once.
    crate::matching::rematch(&txn).await?;
    txn.commit().await?;
    Ok(row.id)
}

pub async fn remove_mapping(
    db: &DatabaseConnection,
    actor: &Actor,
    mapping_id: i32,
    why: Option<&str>,
) -> Result<(), StaffError> {
    let why = optional_text(why, Field::Reason, MAX_TEXT)?;
    let txn = crate::write::begin(db).await?;
    let row = minister_mapping::Entity::find_by_id(mapping_id)
        .one(&txn)
        .await?
        .ok_or_else(|| StaffError::NotFound(format!("mapping {mapping_id}")))?;
    let m = minister::Entity::find_by_id(row.minister_id)
        .one(&txn)
        .await?;
    minister_mapping::Entity::delete_by_id(row.id)
        .exec(&txn)
        .await?;
    audit::write(
        &txn,
        actor,
        audit::Change {
            kind: AuditKind::MinisterMappingRemove,
            entity: "minister_mapping",
            entity_id: Some(row.id),
            before: Some(json!({
                "portfolio": row.portfolio,
                "minister": m.map(|m| m.name.unwrap_or(m.portfolio)),
            })),
            why: why.as_deref(),
            action_id: None,
            after: None,
        },
    )
    .await?;
    // The matcher reads aliases and mappings: links and statuses follow the change at once.
    crate::matching::rematch(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// The alias table as the matcher takes it (`vigie_matcher::PlanIndex::new`): every
/// organisation with its aliases.
pub async fn matcher_aliases<C: ConnectionTrait>(
    db: &C,
) -> Result<Vec<vigie_core::Organisation>, DbErr> {
    Ok(organisations(db)
        .await?
        .into_iter()
        .map(|o| vigie_core::Organisation {
            name: o.name,
            aliases: o.aliases.into_iter().map(|(_, a)| a).collect(),
        })
        .collect())
}

/// The minister mapping as the matcher takes it: (plan portfolio, the minister's name — or
/// portfolio when the minister has no name).
pub async fn matcher_minister_map<C: ConnectionTrait>(
    db: &C,
) -> Result<Vec<(String, String)>, DbErr> {
    Ok(minister_mappings(db)
        .await?
        .into_iter()
        .map(|m| (m.portfolio, m.minister.name.unwrap_or(m.minister.portfolio)))
        .collect())
}
