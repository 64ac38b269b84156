//! The few routes outside the Leptos app (health check, language switch, the accessibility
//! statement's redirect, photos) and the middleware every request passes: security headers,
//! refusing cross-site writes, the status of server functions' errors, and sending signed-out
//! visitors of staff pages to the login.

use std::time::Duration;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use klimadialog::Locale;
use klimadialog_app::state::AppState;
use klimadialog_session::cookies::has_personal_cookie;
use klimadialog_session::{SiteCookie, is_local_path};
use serde::Deserialize;
use serde_json::json;

/// `/healthz`: 200 when the process runs and the database answers a read and commits a write,
/// with the release and database schema running (what a rolling upgrade waits for); 503 otherwise (a full disk lets reads go on while every write fails), and 200 again as soon
/// as writes work.
pub async fn healthz(State(state): State<AppState>) -> Response {
    let read = tokio::time::timeout(Duration::from_secs(2), state.db.check()).await;
    let write = match read {
        Ok(Ok(())) => tokio::time::timeout(Duration::from_secs(5), state.db.check_write()).await,
        failed => failed,
    };
    match write {
        Ok(Ok(())) => (
            StatusCode::OK,
            Json(json!({
                "status": "ok",
                "database": "ok",
                "version": crate::VERSION,
                "schema": klimadialog::storage::schema_version(),
            })),
        )
            .into_response(),
        Ok(Err(error)) => {
            tracing::warn!(%error, "health check: the database failed");
            unavailable()
        }
        Err(_) => {
            tracing::warn!("health check: the database timed out");
            unavailable()
        }
    }
}

/// `/photos/{name}`: a resident's re-encoded photo. A published idea's photo is public (names
/// come from the content, so browsers may keep it a day; not longer, so a photo taken down is
/// soon gone from their caches too). A draft's photo is shown only to the browser that holds
/// the draft, and an idea's that is not public only to its author and the staff, never kept
/// by a cache. Anything else is "no such photo", so the site hosts nobody's pictures.
pub async fn photo(
    State(state): State<AppState>,
    Path(name): Path<String>,
    headers: axum::http::HeaderMap,
) -> Response {
    use klimadialog::storage::{PhotoAccess, PhotoViewer};
    if !klimadialog::photo::is_photo_name(&name) {
        return no_such_photo();
    }
    // Most photos asked for are published ones: those need no session looked up.
    let cache = match state.db.photo_access(&name, &PhotoViewer::default()).await {
        Ok(PhotoAccess::Public) => "public, max-age=86400",
        Ok(_) => match personal_photo_access(&state, &name, &headers).await {
            Ok(PhotoAccess::Public) => "public, max-age=86400",
            Ok(PhotoAccess::Private) => "private, no-store",
            Ok(PhotoAccess::None) => return no_such_photo(),
            Err(error) => return photo_failed(&error),
        },
        Err(error) => return photo_failed(&error),
    };
    match tokio::fs::read(state.photo_dir.join(&name)).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "image/jpeg"),
                (header::CACHE_CONTROL, cache),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            bytes,
        )
            .into_response(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => no_such_photo(),
        Err(error) => {
            tracing::error!(%error, "reading a photo failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

fn photo_failed(error: &klimadialog::storage::StorageError) -> Response {
    tracing::error!(%error, "looking up a photo failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

/// Whether the person asking (their draft, their session, a staff session) may see a photo
/// that is not public.
async fn personal_photo_access(
    state: &AppState,
    name: &str,
    headers: &axum::http::HeaderMap,
) -> Result<klimadialog::storage::PhotoAccess, klimadialog::storage::StorageError> {
    use klimadialog::staff::StaffRole;
    use klimadialog::storage::{PhotoViewer, now};
    let secure = state.config.secure_cookies();
    let resident = klimadialog_session::resident_of(&state.db, headers, secure, now()).await;
    let staff =
        klimadialog_session::staff_of(&state.db, headers, secure, StaffRole::Moderator, now())
            .await
            .is_ok();
    let viewer = PhotoViewer {
        draft: SiteCookie::Draft
            .read(headers, secure)
            .and_then(|v| klimadialog::signin::DraftToken::parse(&v)),
        resident,
        staff,
    };
    state.db.photo_access(name, &viewer).await
}

fn no_such_photo() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Billedet findes ikke. / No such photo.",
    )
        .into_response()
}

fn unavailable() -> Response {
    let body = Json(json!({ "status": "unavailable", "database": "unavailable" }));
    let mut response = (StatusCode::SERVICE_UNAVAILABLE, body).into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("10"));
    response
}

/// `/was`: the accessibility statement in Digitaliseringsstyrelsen's WAS-Tool when the
/// municipality has published it there, else the site's own statement. Temporary, so a later
/// address in the configuration takes effect at once.
pub async fn was(State(state): State<AppState>) -> Response {
    let target = state.config.accessibility_statement_href();
    match HeaderValue::from_str(&target) {
        Ok(location) => {
            let mut response = StatusCode::FOUND.into_response();
            response.headers_mut().insert(header::LOCATION, location);
            response
        }
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

#[derive(Debug, Deserialize)]
pub struct SwitchQuery {
    next: Option<String>,
}

/// `/lang/{da|en}?next=/path`: remembers the choice in a cookie and goes back to the page.
pub async fn switch_language(
    State(state): State<AppState>,
    Path(tag): Path<String>,
    Query(query): Query<SwitchQuery>,
) -> Response {
    let Some(locale) = Locale::ALL.into_iter().find(|l| l.tag() == tag) else {
        return (StatusCode::NOT_FOUND, "Ukendt sprog / Unknown language").into_response();
    };
    let next = query
        .next
        .as_deref()
        .filter(|n| is_local_path(n))
        .unwrap_or("/");
    let cookie = SiteCookie::Language.set(locale.tag(), state.config.secure_cookies());
    let (Ok(location), Ok(cookie)) = (HeaderValue::from_str(next), HeaderValue::from_str(&cookie))
    else {
        return (StatusCode::BAD_REQUEST, "Ugyldig adresse / Invalid address").into_response();
    };
    let mut response = StatusCode::SEE_OTHER.into_response();
    response.headers_mut().insert(header::LOCATION, location);
    response.headers_mut().insert(header::SET_COOKIE, cookie);
    response
}

/// Gives server-function errors the status they stand for. Leptos answers every error it raises
/// itself (undecodable arguments, say) with a 500; the body is our `AppError`, which knows
/// better: bad input is the client's mistake, and no user input may look like a server fault.
/// A plain form (no JavaScript) that failed on our side (the database busy or the disk full)
/// gets a page in the visitor's language that says so and the way back, instead of the error's
/// JSON.
pub async fn server_fn_error_status(
    State(state): State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let form_post = request.method() == axum::http::Method::POST
        && request
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"));
    // Only a plain form gets a page back; only then are its way back and language needed.
    let back = form_post.then(|| {
        (
            back_path(request.headers()),
            klimadialog_app::locale_of(request.headers(), state.config.pseudo_locale),
        )
    });
    let response = next.run(request).await;
    let status = response.status();
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        return too_large();
    }
    // Leptos answers a failed plain form with a redirect back to its page, the error folded
    // into the address, where no page shows it: a resident would land on the form as if
    // nothing happened. A fault on our side gets the fault page instead.
    if let Some((back, locale)) = &back
        && status.is_redirection()
        && let Some(error) = error_in_location(&response)
        && let Ok(status) = StatusCode::from_u16(error.status_code())
        && status.is_server_error()
    {
        return fault_page(status, *locale, back);
    }
    if !status.is_server_error() {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    if status == StatusCode::INTERNAL_SERVER_ERROR
        && let Ok(error) = serde_json::from_slice::<klimadialog_app::error::AppError>(&bytes)
        && let Ok(status) = StatusCode::from_u16(error.status_code())
    {
        parts.status = status;
    }
    if let Some((back, locale)) = back.filter(|_| parts.status.is_server_error()) {
        return fault_page(parts.status, locale, &back);
    }
    if parts.status == StatusCode::SERVICE_UNAVAILABLE {
        parts
            .headers
            .insert(header::RETRY_AFTER, HeaderValue::from_static("10"));
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// The error Leptos folded into a form's redirect (`__err`: URL-safe base64 of its JSON).
fn error_in_location(response: &Response) -> Option<klimadialog_app::error::AppError> {
    use base64::Engine;
    let location = response.headers().get(header::LOCATION)?.to_str().ok()?;
    let (_, query) = location.split_once('?')?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).ok()?;
    let (_, encoded) = pairs.into_iter().find(|(name, _)| name == "__err")?;
    let json = base64::engine::general_purpose::URL_SAFE
        .decode(&encoded)
        .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(&encoded))
        .ok()?;
    serde_json::from_slice(&json).ok()
}

/// "Try again in a moment", in the visitor's language, with the way back; never cached.
fn fault_page(status: StatusCode, locale: klimadialog::Locale, back: &str) -> Response {
    let mut response = (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        klimadialog_app::i18n::fault_page(locale, back),
    )
        .into_response();
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("10"));
    }
    response
}

/// Where "back" goes from a form post: the page it was sent from, when that is on this site.
fn back_path(headers: &axum::http::HeaderMap) -> String {
    headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|referer| {
            // The path and query of an absolute address; hosts are not compared, since the
            // path is only ever used on this site.
            let rest = referer.split_once("://").map_or(referer, |(_, rest)| rest);
            rest.find('/').map(|i| &rest[i..])
        })
        .filter(|path| is_local_path(path))
        .unwrap_or("/")
        .to_owned()
}

/// Forms and server functions take small bodies (the longest is an idea's description); more is
/// refused before it is read. The propose form, which may carry a photo, has its own limit.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The answer to a body over the limit: 413 with a sentence in both languages, since the
/// request was not read far enough to know the visitor's.
fn too_large() -> Response {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Det, du sendte, er for stort. / What you sent is too large.",
    )
        .into_response()
}

/// Staff pages need a staff session. Without one the answer is the redirect to the staff login,
/// decided here, before the page renders: a redirect set from inside a page's suspended part
/// was seen lost once in an end-to-end run. The role is still checked by each page and server
/// function; downloads answer 401 themselves.
pub async fn staff_pages_need_login(
    State(state): State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let path = request.uri().path();
    let staff_page = request.method() == axum::http::Method::GET
        && (path == "/staff" || path.starts_with("/staff/"))
        && path != "/staff/login"
        && !path.starts_with(crate::paths::EXPORTS)
        && !path.contains('.');
    if staff_page {
        let signed_out = matches!(
            klimadialog_session::staff_of(
                &state.db,
                request.headers(),
                state.config.secure_cookies(),
                klimadialog::staff::StaffRole::Moderator,
                klimadialog::storage::now(),
            )
            .await,
            Err(klimadialog_session::StaffRefused::NotSignedIn)
        );
        if signed_out {
            let here = request
                .uri()
                .path_and_query()
                .map_or(path, |pq| pq.as_str());
            let to = format!(
                "/staff/login?next={}",
                klimadialog_app::url::encode_component(here)
            );
            let mut response = StatusCode::FOUND.into_response();
            if let Ok(location) = HeaderValue::from_str(&to) {
                response.headers_mut().insert(header::LOCATION, location);
            }
            return response;
        }
    }
    next.run(request).await
}

/// The Content-Security-Policy: scripts, styles, images and WebAssembly from this site only
/// (images also from the map's tile server, if one is configured); the one inline script (the
/// islands' loader) runs by the per-response nonce.
fn content_security_policy(nonce: &str, tile_origin: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:{tile_origin}; font-src 'self'; connect-src 'self'; \
         object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    )
}

/// Headers every response carries: the Content-Security-Policy, no MIME sniffing, no framing
/// by other sites, no full addresses in Referer headers to other sites, the browser features
/// the site uses (location for "use my location", for itself only) and, when the site is
/// served over HTTPS, HSTS. A fresh nonce goes into the request for the page renderer (which
/// puts it on its inline scripts) and into the policy.
pub async fn security_headers(
    State(state): State<AppState>,
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let nonce = leptos::nonce::Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let personal_request = is_personal_request(&request);
    let mut response = next.run(request).await;
    let personal = personal_request || response.headers().contains_key(header::SET_COOKIE);
    let headers = response.headers_mut();
    let page_or_data = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html") || t.starts_with("application/json"));
    if personal && page_or_data {
        // Never kept by the browser's cache, a proxy or a shared computer's back button.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    } else if page_or_data {
        // The same address answers in another language, or for a signed-in visitor; a cache
        // between us and the browser must tell them apart (and ask again each time).
        headers.insert(
            header::VARY,
            HeaderValue::from_static("Accept-Encoding, Accept-Language, Cookie"),
        );
        if !headers.contains_key(header::CACHE_CONTROL) {
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        }
    }
    let fixed: [(&str, &str); 4] = [
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "strict-origin-when-cross-origin"),
        (
            "permissions-policy",
            "geolocation=(self), camera=(), microphone=(), payment=(), usb=()",
        ),
        ("x-frame-options", "DENY"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    let tile_origin = match &state.config.map_tiles {
        Some(tiles) => format!(" {}", tiles.template.origin()),
        None => String::new(),
    };
    if let Ok(policy) = HeaderValue::from_str(&content_security_policy(&nonce, &tile_origin)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    if state.config.public_url.starts_with("https://") {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

/// Whether a request is about one person: their pages (`/me`, sign-in, proposing, staff), the
/// server functions, or anything asked with one of the site's personal cookies.
fn is_personal_request(request: &axum::extract::Request) -> bool {
    is_personal_path(request.uri().path()) || has_personal_cookie(request.headers())
}

/// The pages (and server functions) that are about one person whoever asks: their own page,
/// sign-in, proposing, the stop page of their mails, every staff page.
pub(crate) fn is_personal_path(path: &str) -> bool {
    ["/me", "/signin", "/ideas/new", "/afmeld", "/staff", "/fn/"]
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{}/", p.trim_end_matches('/'))))
}

/// Refuses state-changing requests (anything but GET, HEAD and OPTIONS) that a browser says come
/// from another site: `Sec-Fetch-Site: cross-site`, or an `Origin` that is neither this host nor
/// the configured public address. Requests without either header (scripts, old browsers) pass;
/// staff cookies are SameSite=Strict and resident cookies SameSite=Lax besides.
pub async fn refuse_cross_site_writes(
    State(state): State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    use axum::http::Method;
    let writes = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    // The one-click stop comes from residents' mail programs, wherever they run; its key is
    // its authority, and all it can do is stop mails.
    let stop_link = request.uri().path().starts_with(crate::paths::UNSUBSCRIBE);
    if writes && !stop_link && is_cross_site(request.headers(), &state.config.public_url) {
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Formularen kom fra et andet websted. / The form came from another site.",
        )
            .into_response();
    }
    next.run(request).await
}

fn is_cross_site(headers: &axum::http::HeaderMap, public_url: &str) -> bool {
    let value = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if value("sec-fetch-site") == Some("cross-site") {
        return true;
    }
    let Some(origin) = value("origin") else {
        return false;
    };
    let host = value("host").unwrap_or("");
    let own = [format!("http://{host}"), format!("https://{host}")];
    let public = public_url.trim_end_matches('/');
    !(own.iter().any(|o| o == origin) || origin == public)
}
