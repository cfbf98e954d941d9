//! Rendered public pages kept in memory, keyed by (URL, language), and served again as long as
//! the data has not changed.
//!
//! Before answering from the cache, [`middleware`] reads the data revision
//! ([`vigie_store::query::revision::data_revision`]: one row bumped by triggers in the same
//! transaction as any write to a published table, whichever process wrote it — `vigie import`
//! and `vigie match` run beside `vigie serve`). A different revision empties the cache, so a
//! visitor never sees a page older than the last committed write. The revision is read before
//! the page is rendered: if a write lands in between, the page is stored under the older number
//! and dropped at the next request.
//!
//! Only anonymous `GET`s of the public pages are kept, and only `200 text/html` answers: a
//! logged-in staff member's pages (name, CSRF token, staff forms) never enter nor leave the
//! cache. Each page is kept as is and gzip-compressed, so a hit costs one small query and a copy
//! of the compressed bytes; the compression layer leaves responses that carry a
//! `Content-Encoding` alone.
//!
//! The cache is bounded (entries and bytes); when full, the oldest pages leave first. Query
//! strings are part of the key, so odd URLs can only push out other pages, never grow memory.

use std::collections::{HashMap, VecDeque};
use std::io::Write as _;
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes, HttpBody, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::ctx::{Ctx, CurrentUser};
use crate::i18n::Lang;
use crate::state::AppState;

/// At most this many pages...
pub const MAX_ENTRIES: usize = 4096;
/// ... and this many bytes (uncompressed plus compressed).
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// A page bigger than this is not kept (it would push out many others).
pub const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;

type Key = (String, Lang);

struct Entry {
    headers: HeaderMap,
    body: Bytes,
    gzip: Bytes,
}

impl Entry {
    fn size(&self) -> usize {
        self.body.len() + self.gzip.len()
    }
}

#[derive(Default)]
struct Inner {
    revision: Option<i64>,
    entries: HashMap<Key, Arc<Entry>>,
    order: VecDeque<Key>,
    bytes: usize,
}

/// The page cache of one server process (cheap to clone: a shared handle).
#[derive(Clone)]
pub struct PageCache {
    inner: Arc<Mutex<Inner>>,
    enabled: bool,
    /// Tells, without a query, that no commit happened since the revision was last read (see
    /// [`vigie_store::ChangeProbe`]); `None`: read the revision on every request.
    probe: Option<vigie_store::ChangeProbe>,
    /// The probe's reading taken just before the revision was last read, and that revision.
    seen: Arc<Mutex<Option<Seen>>>,
}

/// A [`vigie_store::ChangeProbe`] reading and the data revision read right after it.
type Seen = ([u8; 48], i64);

impl Default for PageCache {
    fn default() -> Self {
        PageCache {
            inner: Arc::default(),
            enabled: true,
            probe: None,
            seen: Arc::default(),
        }
    }
}

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        f.debug_struct("PageCache")
            .field("enabled", &self.enabled)
            .field("revision", &inner.revision)
            .field("entries", &inner.entries.len())
            .field("bytes", &inner.bytes)
            .finish()
    }
}

impl PageCache {
    /// A cache that keeps nothing: every page is rendered (`vigie serve --no-page-cache`, to
    /// measure or debug the rendering itself).
    pub fn disabled() -> Self {
        PageCache {
            enabled: false,
            ..PageCache::default()
        }
    }

    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// The same cache, checking for commits with `probe` before reading the revision.
    pub fn with_probe(mut self, probe: Option<vigie_store::ChangeProbe>) -> Self {
        self.probe = probe;
        self
    }

    /// The data revision: from memory when the probe shows no commit since it was read, else from
    /// the database. The probe is read *before* the revision, so a commit that lands in between
    /// leaves a reading that no longer matches, and the next request reads the revision again.
    async fn revision(&self, db: &sea_orm::DatabaseConnection) -> Option<i64> {
        let reading = self.probe.as_ref().and_then(|p| p.read());
        if let Some(r) = reading {
            let seen = *self.seen.lock().unwrap_or_else(|e| e.into_inner());
            if let Some((at, revision)) = seen
                && at == r
            {
                return Some(revision);
            }
        }
        let revision = vigie_store::query::revision::data_revision(db)
            .await
            .ok()??;
        if let Some(r) = reading {
            *self.seen.lock().unwrap_or_else(|e| e.into_inner()) = Some((r, revision));
        }
        Some(revision)
    }

    /// The page for `key` if it was rendered at `revision`; a newer revision empties the cache.
    fn get(&self, key: &Key, revision: i64) -> Option<Arc<Entry>> {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if inner.revision != Some(revision) {
            inner.entries.clear();
            inner.order.clear();
            inner.bytes = 0;
            inner.revision = Some(revision);
            return None;
        }
        inner.entries.get(key).cloned()
    }

    fn put(&self, key: Key, revision: i64, entry: Arc<Entry>) {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        // Rendered from data older than what the cache holds now: not worth keeping.
        if inner.revision != Some(revision) || inner.entries.contains_key(&key) {
            return;
        }
        while !inner.order.is_empty()
            && (inner.entries.len() >= MAX_ENTRIES || inner.bytes + entry.size() > MAX_BYTES)
        {
            if let Some(old) = inner.order.pop_front()
                && let Some(e) = inner.entries.remove(&old)
            {
                inner.bytes -= e.size();
            }
        }
        inner.bytes += entry.size();
        inner.order.push_back(key.clone());
        inner.entries.insert(key, entry);
    }

    /// How many pages are kept (tests).
    pub fn len(&self) -> usize {
        self.inner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entries
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Whether `path` is one of the public pages (`/`, the lists, one action, question, member,
/// minister or organisation, search, statuses). Feeds, downloads, the API, login and staff
/// pages are not kept.
pub fn is_public_page(path: &str) -> bool {
    let segs: Vec<&str> = path.strip_prefix('/').unwrap_or(path).split('/').collect();
    let is_id = |s: &str| !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit());
    // An action code or a reference part: short, and no dot segment.
    let is_part = |s: &str| !s.is_empty() && s.len() <= 64 && s != "." && s != "..";
    match segs.as_slice() {
        [""] | ["actions"] | ["questions"] | ["search"] | ["statuses"] => true,
        ["members"] | ["ministers"] | ["organisations"] => true,
        ["questions" | "members" | "ministers" | "organisations", id] => is_id(id),
        // Permalinks (see `paths`): an action by code, in a plan, a question by reference.
        ["actions", code] => is_part(code),
        ["plans", plan, "actions", code] => is_id(plan) && is_part(code),
        ["questions", legislature, surname, number] => {
            is_part(legislature) && is_part(surname) && is_id(number)
        }
        _ => false,
    }
}

/// Whether the client takes gzip (`Accept-Encoding`, a `q=0` refuses it).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            name.eq_ignore_ascii_case("gzip") && !refused
        })
}

fn respond(entry: &Entry, gzip: bool) -> Response {
    let body = if gzip {
        entry.gzip.clone()
    } else {
        entry.body.clone()
    };
    let mut res = Response::new(Body::from(body));
    *res.headers_mut() = entry.headers.clone();
    if gzip {
        res.headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    res.headers_mut()
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    res
}

fn gzip(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 4),
        flate2::Compression::default(),
    );
    enc.write_all(body)?;
    enc.finish()
}

/// See the module documentation. Runs inside the staff session middleware, which has put the
/// logged-in staff member (if any) into the request extensions.
pub async fn middleware(State(st): State<AppState>, req: Request, next: Next) -> Response {
    if !st.pages.is_enabled()
        || req.method() != Method::GET
        || req.extensions().get::<CurrentUser>().is_some()
        || !is_public_page(req.uri().path())
    {
        return next.run(req).await;
    }
    // No revision (another backend, or an error reading it): nothing can be trusted, render.
    let Some(revision) = st.pages.revision(st.db()).await else {
        return next.run(req).await;
    };
    let (parts, body) = req.into_parts();
    let key: Key = (
        parts.uri.path_and_query().map_or_else(
            || parts.uri.path().to_string(),
            |pq| pq.as_str().to_string(),
        ),
        Ctx::from_parts(&parts).lang,
    );
    let gz = accepts_gzip(&parts.headers);
    if let Some(entry) = st.pages.get(&key, revision) {
        return respond(&entry, gz);
    }

    let res = next.run(Request::from_parts(parts, body)).await;
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html"));
    if res.status() != StatusCode::OK
        || !is_html
        || res.headers().contains_key(header::CONTENT_ENCODING)
        || res.headers().contains_key(header::SET_COOKIE)
    {
        return res;
    }
    // Rendered pages are whole strings, so their size is known before reading them.
    match res.body().size_hint().exact() {
        Some(n) if n <= MAX_PAGE_BYTES as u64 => {}
        _ => return res,
    }
    let (parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_PAGE_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Ok(compressed) = gzip(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let entry = Arc::new(Entry {
        headers: parts.headers,
        body: bytes,
        gzip: Bytes::from(compressed),
    });
    st.pages.put(key, revision, entry.clone());
    respond(&entry, gz)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_pages_are_kept() {
        for p in [
            "/",
            "/actions",
            "/actions/12",
            "/actions/5.1",
            "/plans/2/actions/5.1",
            "/questions/19-24/clerfayt/1176",
            "/questions/3",
            "/members/1",
            "/ministers/2",
            "/organisations/4",
            "/search",
            "/statuses",
        ] {
            assert!(is_public_page(p), "{p}");
        }
        for p in [
            "/actions/12/feed.atom",
            "/actions/12/assess",
            "/questions/x",
            "/questions/19-24/clerfayt/x",
            "/api/v1/actions",
            "/login",
            "/review",
            "/admin/aliases",
            "/feeds/evidence.atom",
            "/downloads/actions.csv",
            "/static/site.css",
            "/questions/99999999999",
        ] {
            assert!(!is_public_page(p), "{p}");
        }
    }

    #[test]
    fn gzip_is_taken_unless_refused() {
        let h = |v: &str| {
            let mut m = HeaderMap::new();
            m.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            m
        };
        assert!(accepts_gzip(&h("gzip")));
        assert!(accepts_gzip(&h("br, GZIP;q=0.8, deflate")));
        assert!(!accepts_gzip(&h("gzip;q=0")));
        assert!(!accepts_gzip(&h("br, deflate")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    fn entry(n: usize) -> Arc<Entry> {
        Arc::new(Entry {
            headers: HeaderMap::new(),
            body: Bytes::from(vec![b'x'; n]),
            gzip: Bytes::new(),
        })
    }

    #[test]
    fn a_new_revision_empties_the_cache() {
        let c = PageCache::default();
        let k: Key = ("/".into(), Lang::Fr);
        assert!(c.get(&k, 1).is_none());
        c.put(k.clone(), 1, entry(10));
        assert!(c.get(&k, 1).is_some());
        assert!(
            c.get(&k, 2).is_none(),
            "revision 2 must not see revision 1's page"
        );
        assert!(c.is_empty());
        // A page rendered at revision 1, stored after revision 2 was seen, is not kept.
        c.put(k.clone(), 1, entry(10));
        assert!(c.is_empty());
    }

    #[test]
    fn the_oldest_pages_leave_first_when_full() {
        let c = PageCache::default();
        c.get(&("/".into(), Lang::Fr), 7);
        for i in 0..MAX_ENTRIES + 3 {
            c.put((format!("/actions/{i}"), Lang::Fr), 7, entry(1));
        }
        assert_eq!(c.len(), MAX_ENTRIES);
        assert!(c.get(&("/actions/0".into(), Lang::Fr), 7).is_none());
        assert!(
            c.get(&(format!("/actions/{}", MAX_ENTRIES + 2), Lang::Fr), 7)
                .is_some()
        );
        let big = MAX_BYTES / 3 + 1;
        for i in 0..3 {
            c.put((format!("/big/{i}"), Lang::En), 7, entry(big));
        }
        let inner = c.inner.lock().unwrap();
        assert!(inner.bytes <= MAX_BYTES);
        assert!(inner.entries.contains_key(&("/big/2".into(), Lang::En)));
        assert!(!inner.entries.contains_key(&("/big/0".into(), Lang::En)));
    }
}
