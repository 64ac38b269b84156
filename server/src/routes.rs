//! The few routes outside the Leptos app: health check, language switch and photos.

use std::time::Duration;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use klimadialog::Locale;
use klimadialog_app::LANGUAGE_COOKIE;
use klimadialog_app::session::is_local_path;
use klimadialog_app::state::AppState;
use serde::Deserialize;
use serde_json::json;

/// `/healthz`: 200 when the process runs and the database answers, 503 otherwise.
pub async fn healthz(State(state): State<AppState>) -> Response {
    let check = tokio::time::timeout(Duration::from_secs(2), state.db.check()).await;
    match check {
        Ok(Ok(())) => (
            StatusCode::OK,
            Json(json!({ "status": "ok", "database": "ok" })),
        )
            .into_response(),
        Ok(Err(error)) => {
            tracing::warn!(%error, "health check: database failed");
            unavailable()
        }
        Err(_) => {
            tracing::warn!("health check: database timed out");
            unavailable()
        }
    }
}

/// `/photos/{name}`: a resident's re-encoded photo. Names come from the content, so a name
/// always shows the same picture and browsers may keep it for a year.
pub async fn photo(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    if !klimadialog::photo::is_photo_name(&name) {
        return no_such_photo();
    }
    match tokio::fs::read(state.photo_dir.join(&name)).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "image/jpeg"),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
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
    let secure = if state.config.public_url.starts_with("https://") {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
        locale.tag()
    );
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
pub async fn server_fn_error_status(response: Response) -> Response {
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return too_large();
    }
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    if let Ok(error) = serde_json::from_slice::<klimadialog_app::error::AppError>(&bytes)
        && let Ok(status) = StatusCode::from_u16(error.status_code())
    {
        parts.status = status;
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
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
        && !path.starts_with("/staff/export")
        && !path.contains('.');
    if staff_page {
        let signed_out = matches!(
            klimadialog_app::session::require_staff_in(
                &state,
                request.headers(),
                klimadialog::staff::StaffRole::Moderator,
            )
            .await,
            Err(klimadialog_app::error::AppError::NotSignedIn)
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
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
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
    if writes && is_cross_site(request.headers(), &state.config.public_url) {
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
