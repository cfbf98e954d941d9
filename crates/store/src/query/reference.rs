//! Public addresses by official reference: an action by its code in the plan (`/actions/5.1`), a
//! question by legislature, minister's surname and number (`/questions/19-24/clerfayt/1176`), as
//! people cite them. Resolves an address to the record(s) it names, and a record to the parts of
//! its address; the URLs themselves are built by the web crate's `paths` module.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::entity::{action, minister, plan, question};

/// One action an address may name, with what tells it apart from the others.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionChoice {
    pub id: i32,
    pub plan_id: i32,
    pub plan_title: String,
    pub code: String,
}

/// The actions with this code, in every plan (or in plan `plan` only), in plan order.
pub async fn actions_by_code<C: ConnectionTrait>(
    db: &C,
    plan: Option<i32>,
    code: &str,
) -> Result<Vec<ActionChoice>, DbErr> {
    let mut q = action::Entity::find()
        .filter(action::Column::Code.eq(code))
        .order_by_asc(action::Column::PlanId);
    if let Some(p) = plan {
        q = q.filter(action::Column::PlanId.eq(p));
    }
    let rows = q.all(db).await?;
    let titles = plan_titles(db, rows.iter().map(|a| a.plan_id).collect()).await?;
    Ok(rows
        .into_iter()
        .map(|a| ActionChoice {
            id: a.id,
            plan_title: titles.get(&a.plan_id).cloned().unwrap_or_default(),
            plan_id: a.plan_id,
            code: a.code,
        })
        .collect())
}

/// The parts of an action's address: its code, its plan, and whether another plan holds the same
/// code (its address then names the plan too).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionAddress {
    pub plan_id: i32,
    pub code: String,
    pub shared: bool,
}

pub async fn action_address<C: ConnectionTrait>(
    db: &C,
    id: i32,
) -> Result<Option<ActionAddress>, DbErr> {
    let Some(a) = action::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let same_code = action::Entity::find()
        .filter(action::Column::Code.eq(&a.code))
        .all(db)
        .await?
        .len();
    Ok(Some(ActionAddress {
        plan_id: a.plan_id,
        code: a.code,
        shared: same_code > 1,
    }))
}

/// One question an address may name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionChoice {
    pub id: i32,
    pub subject: String,
    pub minister: String,
}

/// The questions with the official reference printed on them: legislature (`24/29`, or `24-29` as
/// in addresses), the addressee's surname (any case or accents, spaces or hyphens: `Van den
/// Brandt`, `van-den-brandt`) and the number. Usually one; two when two ministers of the
/// legislature share the surname. In id order.
pub async fn questions_by_reference<C: ConnectionTrait>(
    db: &C,
    legislature: &str,
    surname: &str,
    number: i32,
) -> Result<Vec<QuestionChoice>, DbErr> {
    let legislature = legislature.trim().replace('-', "/");
    let wanted = vigie_core::text::slug(surname.trim());
    let rows = question::Entity::find()
        .filter(question::Column::Legislature.eq(legislature))
        .filter(question::Column::Number.eq(number))
        .order_by_asc(question::Column::Id)
        .all(db)
        .await?;
    let ministers = ministers_of(db, rows.iter().map(|q| q.minister_id).collect()).await?;
    Ok(rows
        .into_iter()
        .filter_map(|q| {
            let m = ministers.get(&q.minister_id)?;
            (vigie_core::text::slug(&m.surname()) == wanted).then(|| QuestionChoice {
                id: q.id,
                subject: q.subject,
                minister: m.name.clone().unwrap_or_else(|| m.portfolio.clone()),
            })
        })
        .collect())
}

/// The parts of a question's address: legislature, the addressee's surname, number; `None` for
/// the surname when the addressee has no name (its address is then by id). `shared` when another
/// question has the same reference.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionAddress {
    pub legislature: String,
    pub surname: Option<String>,
    pub number: i32,
    pub shared: bool,
}

pub async fn question_address<C: ConnectionTrait>(
    db: &C,
    id: i32,
) -> Result<Option<QuestionAddress>, DbErr> {
    let Some(q) = question::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let ministers = ministers_of(db, vec![q.minister_id]).await?;
    let surname = ministers
        .get(&q.minister_id)
        .filter(|m| m.name.is_some())
        .map(vigie_core::Minister::surname);
    let shared = match &surname {
        Some(s) => {
            questions_by_reference(db, &q.legislature, s, q.number)
                .await?
                .len()
                > 1
        }
        None => false,
    };
    Ok(Some(QuestionAddress {
        legislature: q.legislature,
        surname,
        number: q.number,
        shared,
    }))
}

async fn ministers_of<C: ConnectionTrait>(
    db: &C,
    ids: Vec<i32>,
) -> Result<HashMap<i32, vigie_core::Minister>, DbErr> {
    Ok(minister::Entity::find()
        .filter(minister::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|m| {
            let who = vigie_core::Minister {
                name: m.name,
                portfolio: m.portfolio,
            };
            (m.id, who)
        })
        .collect())
}

async fn plan_titles<C: ConnectionTrait>(
    db: &C,
    ids: Vec<i32>,
) -> Result<HashMap<i32, String>, DbErr> {
    Ok(plan::Entity::find()
        .filter(plan::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect())
}
