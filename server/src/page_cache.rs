//! A short-lived copy of the public pages for visitors without a session.
//!
//! Everyone who is not signed in sees the same `/`, `/ideas?…`, idea page, map and statistics
//! in their language, and a campaign launch sends thousands of them to the same few addresses
//! at once. Rendering a page costs about a millisecond of CPU and a few queries; answering from
//! memory costs microseconds. So the first request renders, and the others get its copy until
//! the database changes (any commit, see `Db::changes`) or ten seconds pass (for what changes
//! with the clock alone).
//!
//! - Only GET requests of the public pages, and only without the site's personal cookies
//!   (`SiteCookie::personal`: a session, a draft, typed text…), which make the page the visitor's
//!   own, rendered for them and never kept. Other cookies (the language, which is in the key,
//!   the random-order seed, a parent domain's) change nothing.
//!   `sort=random` pages are each visitor's own order and never kept either.
//! - Pages are keyed, and rendered, by their canonical address (`klimadialog_app::canonical`):
//!   `/?r=1`, `/?r=2` and `/` are one page, so odd addresses cannot make pages of their own.
//! - Only a 200 HTML page that sets no cookie is kept.
//! - One render per page at a time: others asking meanwhile wait for it and get that very
//!   render (kept or not), or, when there is an out-of-date copy, get that (never more than
//!   fifteen seconds old).
//! - A kept page's inline scripts are allowed by their hashes, not by the render's nonce: a
//!   nonce must be new in every response, a copy is the same bytes every time.
//! - At most [`BUDGET_BYTES`] of pages, of which free-text searches (many, each rarely asked
//!   for) may take [`SEARCH_BUDGET_BYTES`]; when full, the page used longest ago goes.
//! - Only a write that changed what public pages show makes them out of date: the database
//!   counts commits that touched a public table (`Db::changes`).

use klimadialog_session::cookies::{
    has_personal_cookie, impersonal_cookie_header, only_session_cookie,
};
use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use klimadialog::Locale;
use klimadialog::storage::Db;
use tokio::sync::watch;

use crate::request_log::RouteLabel;

use address::Addresses;
use spliced::{Cut, Spliced};

mod address;
mod spliced;

/// The longest a kept page is served.
pub const MAX_AGE: Duration = Duration::from_secs(10);

/// How much longer than [`MAX_AGE`] a page is served while its next copy renders.
const RENDER_GRACE: Duration = Duration::from_secs(5);

/// The most memory kept pages take (plain and gzip together).
pub const BUDGET_BYTES: usize = 16 * 1024 * 1024;
/// Of that, what free-text searches may take.
pub const SEARCH_BUDGET_BYTES: usize = 2 * 1024 * 1024;

/// A page's canonical address, its language and whom it is for.
type Key = (String, Locale, Viewer);

/// Whom a kept page is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Viewer {
    /// Visitors without a session: the page as it is.
    Visitor,
    /// Signed-in residents: the shared render, each resident's parts put in per request.
    Resident,
}

/// What a render hands to the requests that waited for it: its page, if it made one.
type Rendered = Option<Arc<Page>>;

pub struct PageCache {
    db: Db,
    enabled: bool,
    /// Whether the site's cookies have their `__Host-` names (served over HTTPS).
    secure_cookies: bool,
    /// Whether requests may ask for the test-only pseudo-language.
    pseudo_locale: bool,
    addresses: Addresses,
    slots: Mutex<Slots>,
}

#[derive(Default)]
struct Slots {
    map: HashMap<Key, Slot>,
    /// Bytes kept: [other pages, searches].
    bytes: [usize; 2],
}

struct Slot {
    page: Option<Arc<Page>>,
    /// Set while a request renders this page; it sends its page when done.
    filling: Option<watch::Receiver<Rendered>>,
    /// When the page was last served: the one used longest ago goes first.
    used: Instant,
}

impl Default for Slot {
    fn default() -> Slot {
        Slot {
            page: None,
            filling: None,
            used: Instant::now(),
        }
    }
}

/// Which budget a page counts against: 1 for free-text searches, 0 for the rest.
fn budget_of(key: &Key) -> usize {
    usize::from(klimadialog_app::canonical::is_search(&key.0))
}

const BUDGETS: [usize; 2] = [BUDGET_BYTES - SEARCH_BUDGET_BYTES, SEARCH_BUDGET_BYTES];

struct Page {
    /// `Db::changes` when the render started: the page is current while it is unchanged.
    changes: u64,
    made: Instant,
    headers: HeaderMap,
    plain: Bytes,
    gzip: Bytes,
    /// A shared render for residents with parts of their own, cut at those parts.
    spliced: Option<Spliced>,
    /// The route that rendered it, for `/metrics` to count the requests it answers.
    route: Option<RouteLabel>,
}

/// Whether a public page came from the cache, on the response for `/metrics`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheUse {
    /// Made by an earlier request (kept, or rendered meanwhile for another).
    Hit,
    /// Rendered for this request.
    Miss,
}

enum Lookup {
    Hit(Arc<Page>),
    Wait(watch::Receiver<Rendered>),
    Fill(Filling),
}

/// The right to render a page for everyone. Dropping it, also when the request is cancelled,
/// lets the waiting requests go on (to render on their own, having been handed nothing).
struct Filling {
    changes: u64,
    started: Instant,
    done: watch::Sender<Rendered>,
}

impl PageCache {
    pub fn new(db: Db, enabled: bool, pseudo_locale: bool, secure_cookies: bool) -> Arc<PageCache> {
        Arc::new(PageCache {
            db,
            enabled,
            secure_cookies,
            pseudo_locale,
            addresses: Addresses::default(),
            slots: Mutex::default(),
        })
    }

    fn slots(&self) -> MutexGuard<'_, Slots> {
        // A panic while holding the lock leaves plain data behind, still consistent enough
        // for a cache: at worst a page is rendered again.
        self.slots
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn lookup(&self, key: &Key) -> Lookup {
        let changes = self.db.changes();
        let mut slots = self.slots();
        if let Some(slot) = slots.map.get_mut(key) {
            let filling = slot
                .filling
                .as_ref()
                .filter(|f| f.has_changed().is_ok())
                .cloned();
            if let Some(page) = &slot.page {
                let age = page.made.elapsed();
                let current = page.changes == changes && age < MAX_AGE;
                // While the next copy renders, the last one does, if not too old.
                let meanwhile = filling.is_some() && age < MAX_AGE + RENDER_GRACE;
                if current || meanwhile {
                    let page = page.clone();
                    slot.used = Instant::now();
                    return Lookup::Hit(page);
                }
            }
            if let Some(filling) = filling {
                return Lookup::Wait(filling);
            }
        }
        let (done, waiting) = watch::channel(None);
        slots.map.entry(key.clone()).or_default().filling = Some(waiting);
        Lookup::Fill(Filling {
            changes,
            started: Instant::now(),
            done,
        })
    }

    #[cfg(test)]
    fn peek(&self, key: &Key) -> Option<Arc<Page>> {
        let changes = self.db.changes();
        let slots = self.slots();
        let page = slots.map.get(key)?.page.as_ref()?;
        (page.changes == changes && page.made.elapsed() < MAX_AGE).then(|| page.clone())
    }

    /// Ends a render: keeps its page, making room by dropping the pages used longest ago,
    /// and clears the slot of the render.
    fn finish(&self, key: &Key, page: Option<Arc<Page>>) {
        let mut slots = self.slots();
        if let Some(page) = page {
            let budget = budget_of(key);
            let old = slots
                .map
                .get(key)
                .and_then(|s| s.page.as_ref())
                .map_or(0, |p| p.size());
            let need = page.size();
            if slots.make_room(budget, key, need, old) {
                let slot = slots.map.entry(key.clone()).or_default();
                slot.page = Some(page);
                slot.used = Instant::now();
                slots.bytes[budget] = slots.bytes[budget] + need - old;
            }
        }
        if let Some(slot) = slots.map.get_mut(key) {
            slot.filling = None;
            if slot.page.is_none() {
                slots.map.remove(key);
            }
        }
    }

    /// Ends a render for everyone: its page, or the response itself when it is not one to
    /// keep (not a page, someone's own, or a shared render whose parts are unreadable).
    async fn fill(
        &self,
        filling: Filling,
        key: Key,
        response: Response,
    ) -> Result<Arc<Page>, Response> {
        if !is_shareable(&response) {
            self.finish(&key, None);
            return Err(response);
        }
        let (parts, body) = response.into_parts();
        let bytes = match axum::body::to_bytes(body, usize::MAX).await {
            Ok(bytes) => bytes,
            Err(error) => {
                tracing::error!(%error, "rendering a page failed midway");
                self.finish(&key, None);
                return Err(busy());
            }
        };
        let Some(mut page) = Page::new(&filling, parts.headers.clone(), bytes.clone(), key.2)
        else {
            self.finish(&key, None);
            return Err(Response::from_parts(parts, Body::from(bytes)));
        };
        page.route = parts.extensions.get::<RouteLabel>().cloned();
        let page = Arc::new(page);
        self.finish(&key, Some(page.clone()));
        // Those who waited get this very render, kept or not.
        filling.done.send_replace(Some(page.clone()));
        Ok(page)
    }

    /// The kept page for `key`, and whether it was made by an earlier request: from memory,
    /// from the render another request is making, or rendered now by `render`. `Err` carries a
    /// response that is not a page to keep.
    async fn page<F>(&self, key: Key, render: F) -> Result<(Arc<Page>, bool), Response>
    where
        F: AsyncFnOnce() -> Response,
    {
        match self.lookup(&key) {
            Lookup::Hit(page) => Ok((page, true)),
            Lookup::Wait(mut waiting) => {
                // Err: the render ended without a page to share (not a page, or cancelled).
                let rendered = match waiting.changed().await {
                    Ok(()) => waiting.borrow().clone(),
                    Err(_) => None,
                };
                match rendered {
                    Some(page) => Ok((page, true)),
                    None => Err(render().await),
                }
            }
            Lookup::Fill(filling) => {
                let response = render().await;
                Ok((self.fill(filling, key, response).await?, false))
            }
        }
    }
}

impl Slots {
    /// Frees room in `budget` for `need` bytes replacing `old` at `key`, dropping the pages used
    /// longest ago; `false` if a page that large cannot fit at all.
    fn make_room(&mut self, budget: usize, key: &Key, need: usize, old: usize) -> bool {
        if need > BUDGETS[budget] {
            return false;
        }
        while self.bytes[budget] + need - old > BUDGETS[budget] {
            let oldest = self
                .map
                .iter()
                .filter(|(k, s)| *k != key && s.page.is_some() && budget_of(k) == budget)
                .min_by_key(|(_, s)| s.used)
                .map(|(k, _)| k.clone());
            let Some(oldest) = oldest else {
                return false;
            };
            if let Some(slot) = self.map.get_mut(&oldest)
                && let Some(page) = slot.page.take()
            {
                self.bytes[budget] -= page.size();
                if slot.filling.is_none() {
                    self.map.remove(&oldest);
                }
            }
        }
        true
    }
}

impl Page {
    fn new(
        filling: &Filling,
        mut headers: HeaderMap,
        plain: Bytes,
        viewer: Viewer,
    ) -> Option<Page> {
        let policy = hash_policy(&headers, &plain)?;
        let spliced = match viewer {
            Viewer::Visitor => None,
            Viewer::Resident => match Spliced::parse(&plain) {
                Cut::NoParts => None,
                Cut::Parts(spliced) => Some(spliced),
                Cut::Broken => {
                    tracing::error!("a shared render's personal parts are unreadable; not kept");
                    return None;
                }
            },
        };
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
        headers.remove(header::CONTENT_LENGTH);
        headers.insert(
            header::VARY,
            HeaderValue::from_static("Accept-Encoding, Accept-Language, Cookie"),
        );
        // A page with parts is only ever sent put together.
        let (plain, gzip) = if spliced.is_some() {
            (Bytes::new(), Bytes::new())
        } else {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(&plain).ok()?;
            (plain, Bytes::from(encoder.finish().ok()?))
        };
        Some(Page {
            changes: filling.changes,
            made: filling.started,
            headers,
            plain,
            gzip,
            spliced,
            route: None,
        })
    }

    fn size(&self) -> usize {
        self.plain.len() + self.gzip.len() + self.spliced.as_ref().map_or(0, Spliced::size)
    }

    fn response(&self, gzip: bool, from_memory: bool) -> Response {
        self.response_with(
            if gzip { &self.gzip } else { &self.plain }.clone(),
            gzip,
            from_memory,
        )
    }

    /// The page for a signed-in resident: their own variant in each part, and never kept by
    /// a browser's or proxy's cache. `None` when it must be rendered for them after all.
    async fn for_resident(
        &self,
        db: &Db,
        resident: klimadialog::ResidentId,
        gzip: bool,
        from_memory: bool,
    ) -> Option<Response> {
        let body = match &self.spliced {
            None => if gzip { &self.gzip } else { &self.plain }.clone(),
            Some(spliced) => {
                let choices = klimadialog_app::personal::resolve(db, resident, spliced.slots())
                    .await
                    .inspect_err(
                        |error| tracing::warn!(%error, "reading a resident's parts failed"),
                    )
                    .ok()??;
                spliced.assemble(&choices, gzip)
            }
        };
        let mut response = self.response_with(body, gzip, from_memory);
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        Some(response)
    }

    fn response_with(&self, body: Bytes, gzip: bool, from_memory: bool) -> Response {
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = self.headers.clone();
        if gzip {
            response
                .headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        }
        if let Some(route) = &self.route {
            response.extensions_mut().insert(route.clone());
        }
        response.extensions_mut().insert(if from_memory {
            CacheUse::Hit
        } else {
            CacheUse::Miss
        });
        if from_memory {
            // RFC 9111's Age: how long ago the page was rendered; also how a reader of the
            // response can tell it came from here.
            response.headers_mut().insert(
                header::AGE,
                HeaderValue::from(self.made.elapsed().as_secs()),
            );
        }
        response
    }
}

/// The middleware. Outside it, only compression (which leaves gzip pages alone) and tracing.
pub async fn serve(
    State(cache): State<Arc<PageCache>>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some((key, redirect)) = cache
        .enabled
        .then(|| shared_page_key(&request, cache.pseudo_locale, &cache.addresses))
        .flatten()
    else {
        let before = cache.db.changes();
        let response = next.run(request).await;
        if cache.db.changes() != before {
            // Something public changed and has committed by now; close the gap
            // `Db::changes` describes.
            cache.db.mark_changed();
        }
        return response;
    };
    if redirect {
        // What the page itself would answer, without rendering it.
        return found(&key.0);
    }
    // Rendered at the canonical address, which is what the page is kept under.
    if let Ok(uri) = key.0.parse() {
        *request.uri_mut() = uri;
    }
    let gzip = accepts_gzip(request.headers());
    match key.2 {
        Viewer::Visitor => match cache.page(key, async || next.run(request).await).await {
            Ok((page, from_memory)) => page.response(gzip, from_memory),
            Err(response) => response,
        },
        Viewer::Resident => for_resident(&cache, key, request, next, gzip).await,
    }
}

/// A signed-in resident's page: the shared render with their own parts, or, when their
/// session has ended or the page cannot be put together, the page rendered for them.
async fn for_resident(
    cache: &PageCache,
    key: Key,
    request: Request,
    next: Next,
    gzip: bool,
) -> Response {
    let now = klimadialog::storage::now();
    let resident =
        klimadialog_session::resident_of(&cache.db, request.headers(), cache.secure_cookies, now)
            .await;
    let Some(resident) = resident else {
        return next.run(request).await;
    };
    let (parts, body) = request.into_parts();
    let own = Request::from_parts(parts.clone(), body);
    // The shared render sees none of the resident's cookies: nothing of theirs can get in.
    let mut shared = Request::from_parts(parts, Body::empty());
    shared.headers_mut().remove(header::COOKIE);
    if let Some(cookies) = impersonal_cookie_header(own.headers()) {
        shared.headers_mut().insert(header::COOKIE, cookies);
    }
    shared
        .extensions_mut()
        .insert(klimadialog_app::personal::SharedRender);
    let render = next.clone();
    let page = cache.page(key, async || render.run(shared).await).await;
    if let Ok((page, from_memory)) = page
        && let Some(response) = page
            .for_resident(&cache.db, resident, gzip, from_memory)
            .await
    {
        return response;
    }
    next.run(own).await
}

/// The key of a page everyone without a session sees alike, or `None` for the visitor's own;
/// with it, whether the address is a list's to redirect to the key's canonical one.
fn shared_page_key(
    request: &Request,
    pseudo_locale: bool,
    addresses: &Addresses,
) -> Option<(Key, bool)> {
    if request.method() != Method::GET || !is_public_page(request.uri().path()) {
        return None;
    }
    let address = addresses.of(request.uri());
    let canonical = address.canonical.clone()?;
    // A cookie header that is not text is nobody's to share either.
    let unreadable = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .any(|v| v.to_str().is_err());
    if unreadable {
        return None;
    }
    let viewer = if !has_personal_cookie(request.headers()) {
        Viewer::Visitor
    } else if only_session_cookie(request.headers()) {
        // Every public page's resident-dependent content is in `personal` parts, so one render
        // serves all residents.
        Viewer::Resident
    } else {
        return None;
    };
    let locale = klimadialog_app::locale_of(request.headers(), pseudo_locale);
    Some(((canonical, locale, viewer), address.redirect))
}

/// A redirect to `to`, as the list page sends a form's long URL to its short one.
fn found(to: &str) -> Response {
    let mut response = StatusCode::FOUND.into_response();
    if let Ok(location) = HeaderValue::from_str(to) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

fn is_idea_page(path: &str) -> bool {
    path.strip_prefix("/ideas/")
        .is_some_and(|id| (1..=18).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit()))
}

/// An action's page, by a code as the core reads one (a letter, then letters, digits, dots or
/// hyphens).
fn is_action_page(path: &str) -> bool {
    path.strip_prefix("/plan/").is_some_and(|code| {
        (1..=12).contains(&code.len())
            && code.starts_with(|c: char| c.is_ascii_alphabetic())
            && code
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    })
}

fn is_public_page(path: &str) -> bool {
    let idea_page = is_idea_page(path);
    let action_page = is_action_page(path);
    idea_page
        || action_page
        || matches!(
            path,
            "/" | "/ideas"
                | "/map"
                | "/stats"
                | "/plan"
                | "/tilgaengelighed"
                | "/privatliv"
                | "/debatregler"
        )
}

fn is_shareable(response: &Response) -> bool {
    let headers = response.headers();
    let html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let private = headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("no-store") || v.contains("private"));
    response.status() == StatusCode::OK
        && html
        && !private
        && !headers.contains_key(header::SET_COOKIE)
        && !headers.contains_key(header::CONTENT_ENCODING)
}

/// Whether `Accept-Encoding` takes gzip (`gzip` or `*`, with a q-value above 0).
pub(crate) fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or("").trim();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && q > 0.0
        })
}

/// The page's policy with the render's nonce replaced by the hashes of the inline scripts that
/// carry it. Only the renderer knew the nonce, so only its own scripts are hashed; markup
/// smuggled into the page has no nonce and stays blocked.
fn hash_policy(headers: &HeaderMap, html: &[u8]) -> Option<HeaderValue> {
    use base64::Engine;
    use sha2::Digest;
    let policy = headers
        .get(header::CONTENT_SECURITY_POLICY)?
        .to_str()
        .ok()?;
    let nonce = policy.split_once("'nonce-")?.1.split_once('\'')?.0;
    let marker = format!("nonce=\"{nonce}\"");
    let mut hashes = Vec::new();
    let mut rest = std::str::from_utf8(html).ok()?;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let tag_end = after.find('>')?;
        let content = &after[tag_end + 1..];
        let close = content.find("</script>")?;
        if after[..tag_end].contains(&marker) {
            let digest = sha2::Sha256::digest(&content.as_bytes()[..close]);
            let hash = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("'sha256-{hash}'"));
        }
        rest = &content[close..];
    }
    let policy = policy.replace(&format!("'nonce-{nonce}'"), &hashes.join(" "));
    HeaderValue::from_str(&policy).ok()
}

fn busy() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::RETRY_AFTER, "1")],
        "Prøv igen om lidt. / Please try again in a moment.",
    )
        .into_response()
}

#[cfg(test)]
mod tests;
