//! `/links`: every link between a question and an action, whatever its review state (the
//! record of what the matcher proposed and what staff decided), with its passages and reasons.

use axum::Json;
use axum::extract::State;
use vigie_core::LinkState;
use vigie_store::query::api::{self, LinkFilter, LinkItem};

use super::params::{Envelope, Params, RawParams, envelope};
use crate::error::AppError;
use crate::state::AppState;

pub const LIST_PARAMS: &[&str] = &["state", "action", "question", "page", "per_page"];

pub async fn list(
    State(st): State<AppState>,
    q: RawParams,
) -> Result<Json<Envelope<LinkItem>>, AppError> {
    let p = Params::parse(q, LIST_PARAMS)?;
    let filter = LinkFilter {
        state: p.choice(
            "state",
            &["proposed", "confirmed", "rejected"],
            LinkState::parse,
        )?,
        action: p.id("action")?,
        question: p.id("question")?,
    };
    let page = api::link_list(st.db(), &filter, p.paging()?).await?;
    Ok(envelope(page, "/api/v1/links", &p))
}
