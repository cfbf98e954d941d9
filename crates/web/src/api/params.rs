//! Strict query parameters and the list envelope of the API.
//!
//! Pages read their query string leniently (a bad filter is ignored, the page still shows); the
//! API does the opposite: a parameter that the route does not know, that is repeated, or whose
//! value cannot be used is a 400 naming the parameter and what was expected, so that a client
//! never receives an unfiltered list believing it filtered.

use axum::Json;
use axum::extract::Query;
use chrono::NaiveDate;
use serde::Serialize;
use vigie_core::Status;
use vigie_store::query::api::{DEFAULT_PER_PAGE, MAX_PER_PAGE, Paging};
use vigie_store::query::common::Page;

use crate::ctx::build_url;
use crate::error::AppError;

/// The query string as pairs, in order.
pub type RawParams = Query<Vec<(String, String)>>;

/// The highest page number accepted.
pub const MAX_PAGE: u64 = 100_000;
/// Longest value accepted for one parameter.
pub const MAX_VALUE_LEN: usize = 200;

/// Parameters every list accepts.
pub const PAGING: [&str; 2] = ["page", "per_page"];

/// The validated query parameters of one request.
#[derive(Clone, Debug)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

fn bad(msg: impl Into<String>) -> AppError {
    AppError::BadRequest(msg.into())
}

/// A value quoted for an error message, cut so that a huge input gives a short message.
fn shown(v: &str) -> String {
    let cut: String = v.chars().take(40).collect();
    if cut.len() < v.len() {
        format!("{:?}…", cut)
    } else {
        format!("{cut:?}")
    }
}

impl Params {
    /// Checks that every parameter is one of `allowed`, given once, and not too long.
    pub fn parse(Query(pairs): RawParams, allowed: &[&str]) -> Result<Params, AppError> {
        let mut seen: Vec<&str> = vec![];
        for (k, v) in &pairs {
            if !allowed.contains(&k.as_str()) {
                return Err(bad(if allowed.is_empty() {
                    format!(
                        "unknown parameter {}: this route takes no parameters",
                        shown(k)
                    )
                } else {
                    format!(
                        "unknown parameter {}; expected one of: {}",
                        shown(k),
                        allowed.join(", ")
                    )
                }));
            }
            if seen.contains(&k.as_str()) {
                return Err(bad(format!("parameter {k} given more than once")));
            }
            seen.push(k);
            if v.chars().count() > MAX_VALUE_LEN {
                return Err(bad(format!(
                    "parameter {k} is longer than {MAX_VALUE_LEN} characters"
                )));
            }
        }
        Ok(Params { pairs })
    }

    /// The value of `key`, trimmed; `None` when absent or empty (`?status=` means no filter).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// A positive id.
    pub fn id(&self, key: &str) -> Result<Option<i32>, AppError> {
        self.get(key)
            .map(|v| {
                v.parse::<i32>().ok().filter(|i| *i > 0).ok_or_else(|| {
                    bad(format!(
                        "{key} must be a positive whole number (an id), not {}",
                        shown(v)
                    ))
                })
            })
            .transpose()
    }

    /// A date written `YYYY-MM-DD`.
    pub fn date(&self, key: &str) -> Result<Option<NaiveDate>, AppError> {
        self.get(key)
            .map(|v| {
                crate::ctx::parse_date(v).ok_or_else(|| {
                    bad(format!(
                        "{key} must be a date written YYYY-MM-DD, not {}",
                        shown(v)
                    ))
                })
            })
            .transpose()
    }

    /// One of a fixed set of words, parsed by `parse`.
    pub fn choice<T>(
        &self,
        key: &str,
        names: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<Option<T>, AppError> {
        self.get(key)
            .map(|v| {
                parse(v).ok_or_else(|| {
                    bad(format!(
                        "{key} must be one of: {}; not {}",
                        names.join(", "),
                        shown(v)
                    ))
                })
            })
            .transpose()
    }

    pub fn status(&self) -> Result<Option<Status>, AppError> {
        let names: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        self.choice("status", &names, Status::parse)
    }

    /// `page` (from 1 to [`MAX_PAGE`]) and `per_page` (from 1 to [`MAX_PER_PAGE`]).
    pub fn paging(&self) -> Result<Paging, AppError> {
        let page = match self.get("page") {
            None => 1,
            Some(v) => v
                .parse::<u64>()
                .ok()
                .filter(|p| (1..=MAX_PAGE).contains(p))
                .ok_or_else(|| {
                    bad(format!(
                        "page must be a whole number from 1 to {MAX_PAGE}, not {}",
                        shown(v)
                    ))
                })?,
        };
        let per_page = match self.get("per_page") {
            None => DEFAULT_PER_PAGE,
            Some(v) => v
                .parse::<u64>()
                .ok()
                .filter(|p| (1..=MAX_PER_PAGE).contains(p))
                .ok_or_else(|| {
                    bad(format!(
                        "per_page must be a whole number from 1 to {MAX_PER_PAGE}, not {}",
                        shown(v)
                    ))
                })?,
        };
        Ok(Paging::new(page, per_page))
    }

    /// The filters of the lists of actions and of questions, checked in one order (paging,
    /// status, axis, action, minister, member, organisation, from, to, sort) so that, given
    /// several bad values, both lists name the same one first. `sorts` are the list's orders,
    /// written by `name` and read back by `parse`; an absent `sort` is the default order.
    pub fn list_filters<S: Copy + Default>(
        &self,
        sorts: &[S],
        name: fn(S) -> &'static str,
        parse: fn(&str) -> Option<S>,
    ) -> Result<ListFilters<S>, AppError> {
        let sort_names: Vec<&str> = sorts.iter().map(|s| name(*s)).collect();
        Ok(ListFilters {
            paging: self.paging()?,
            status: self.status()?,
            axis: self.id("axis")?,
            action: self.id("action")?,
            minister: self.id("minister")?,
            member: self.id("member")?,
            organisation: self.id("organisation")?,
            from: self.date("from")?,
            to: self.date("to")?,
            sort: self.choice("sort", &sort_names, parse)?.unwrap_or_default(),
        })
    }

    /// The URL of the same list at another page (every other parameter kept, in order).
    fn url_for_page(&self, path: &str, page: u64, per_page: u64) -> String {
        let page = page.to_string();
        let per_page = per_page.to_string();
        let mut pairs: Vec<(&str, &str)> = self
            .pairs
            .iter()
            .filter(|(k, v)| !PAGING.contains(&k.as_str()) && !v.trim().is_empty())
            .map(|(k, v)| (k.as_str(), v.trim()))
            .collect();
        pairs.push(("page", &page));
        pairs.push(("per_page", &per_page));
        build_url(path, &pairs)
    }
}

/// The filters shared by the lists of actions and of questions (see [`Params::list_filters`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ListFilters<S> {
    pub paging: Paging,
    pub status: Option<Status>,
    pub axis: Option<i32>,
    /// Always `None` for the actions: their route does not accept the parameter.
    pub action: Option<i32>,
    pub minister: Option<i32>,
    pub member: Option<i32>,
    pub organisation: Option<i32>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub sort: S,
}

/// The shape of every list.
#[derive(Clone, Debug, Serialize)]
pub struct Envelope<T> {
    pub items: Vec<T>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
    /// The next page's URL (path and query), `null` on the last page.
    pub next: Option<String>,
}

/// Wraps one page of a list, with the link to the next page of `path`.
pub fn envelope<T: Serialize>(page: Page<T>, path: &str, params: &Params) -> Json<Envelope<T>> {
    let has_next = page.page.saturating_mul(page.per_page) < page.total && page.page < MAX_PAGE;
    let next = has_next.then(|| params.url_for_page(path, page.page + 1, page.per_page));
    Json(Envelope {
        items: page.items,
        page: page.page,
        per_page: page.per_page,
        total: page.total,
        next,
    })
}

/// One record by its path id, as the pages read it: an id that cannot exist names nothing.
pub use crate::pages::by_path_id;

#[cfg(test)]
mod tests {
    use super::*;

    fn params(q: &[(&str, &str)], allowed: &[&str]) -> Result<Params, AppError> {
        Params::parse(
            Query(
                q.iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            ),
            allowed,
        )
    }

    #[test]
    fn unknown_repeated_and_long_parameters_are_refused() {
        assert!(params(&[("x", "1")], &["page"]).is_err());
        assert!(params(&[("page", "1"), ("page", "2")], &["page"]).is_err());
        let long = "1".repeat(MAX_VALUE_LEN + 1);
        assert!(params(&[("page", &long)], &["page"]).is_err());
        assert!(params(&[("page", "2")], &["page"]).is_ok());
    }

    #[test]
    fn paging_bounds() {
        let ok = |q: &[(&str, &str)]| params(q, &PAGING).unwrap().paging();
        assert_eq!(ok(&[]).unwrap(), Paging::new(1, DEFAULT_PER_PAGE));
        assert_eq!(
            ok(&[("page", "3"), ("per_page", "100")]).unwrap(),
            Paging::new(3, 100)
        );
        for bad in ["-1", "0", "1.5", "abc", "1000000000", "१"] {
            assert!(ok(&[("page", bad)]).is_err(), "page={bad}");
        }
        for bad in ["0", "101", "1000000000", "-5"] {
            assert!(ok(&[("per_page", bad)]).is_err(), "per_page={bad}");
        }
    }

    #[test]
    fn next_keeps_filters() {
        let p = params(
            &[("status", "delivered"), ("page", "1"), ("axis", "")],
            &["status", "page", "axis"],
        )
        .unwrap();
        assert_eq!(
            p.url_for_page("/api/v1/actions", 2, 10),
            "/api/v1/actions?status=delivered&page=2&per_page=10"
        );
    }
}
