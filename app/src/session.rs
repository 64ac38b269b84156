//! Cookies and sessions on the server: who is signed in, and the cookies that say so.

use http::HeaderValue;
use http::header::{COOKIE, SET_COOKIE};
use http::request::Parts;
use klimadialog::ResidentId;
use klimadialog::signin::{self, SESSION_LIFETIME_SECONDS, SessionToken};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use crate::state::AppState;

pub const SESSION_COOKIE: &str = "session";
/// The browser's idea draft (what was typed on the propose form, its photo and place).
pub const DRAFT_COOKIE: &str = "draft";
/// Staff sessions have their own cookie, SameSite=Strict: no other site can start a request
/// that carries it.
pub const STAFF_SESSION_COOKIE: &str = "staff_session";
/// The address being signed in with, between the two steps of sign-in (never in a URL), and
/// the secret that binds the mailed code to this browser.
pub const SIGN_IN_EMAIL_COOKIE: &str = "signin_email";

/// What the sign-in cookie holds: `{browser secret}:{address}` once a code was asked for, or
/// only the address as typed when it was refused (the form shows it again).
#[derive(Debug, Clone)]
pub struct SignInCookie {
    pub email: String,
    pub browser: Option<klimadialog::signin::SignInBrowser>,
}

impl SignInCookie {
    /// The cookie of the request being handled.
    pub fn get() -> Option<SignInCookie> {
        let value = request_cookie(SIGN_IN_EMAIL_COOKIE)?;
        // The address is percent-encoded, so it holds no ':'.
        let (browser, email) = match value.split_once(':') {
            Some((secret, email)) => (klimadialog::signin::SignInBrowser::parse(secret), email),
            None => (None, value.as_str()),
        };
        Some(SignInCookie {
            email: crate::url::decode_component(email),
            browser,
        })
    }

    /// Sets it on the response, for fifteen minutes: the code's ten and time to find the mail.
    pub fn set(&self) {
        let email = crate::url::encode_component(&self.email);
        let value = match &self.browser {
            Some(browser) => format!("{}:{email}", browser.as_str()),
            None => email,
        };
        set_cookie(SIGN_IN_EMAIL_COOKIE, &value, 15 * 60);
    }
}

/// Whether the site's cookies are `Secure` and named `__Host-…`: when it is served over HTTPS.
pub fn secure_cookies(state: &AppState) -> bool {
    state.config.public_url.starts_with("https://")
}

/// A cookie's name as browsers store it. Over HTTPS it is `__Host-` + name: browsers take such
/// a cookie only from this very host, Secure, for the whole path and without a Domain, so a
/// neighbouring subdomain (another of the municipality's sites) cannot plant a session or a
/// draft on residents. Over plain HTTP (on a developer's machine) browsers refuse the prefix.
pub fn wire_name(name: &str, secure: bool) -> std::borrow::Cow<'_, str> {
    if secure {
        format!("__Host-{name}").into()
    } else {
        name.into()
    }
}

/// The value of the site's cookie `name` in request headers, by its name on the wire.
pub fn state_cookie(state: &AppState, headers: &http::HeaderMap, name: &str) -> Option<String> {
    header_cookie(headers, &wire_name(name, secure_cookies(state)))
}

/// The value of a cookie in request headers, by its exact name.
pub fn header_cookie(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.trim().to_owned())
}

/// The value of the site's cookie `name` in the request being handled.
pub fn request_cookie(name: &str) -> Option<String> {
    let secure = use_context::<AppState>().is_some_and(|s| secure_cookies(&s));
    use_context::<Parts>().and_then(|parts| header_cookie(&parts.headers, &wire_name(name, secure)))
}

/// What a form had typed when it was sent back with an error, for the page to show again: in a
/// short-lived cookie rather than the address, which proxies log and Referer headers carry.
pub const TYPED_COOKIE: &str = "typed";

/// The site's cookies that make a page the visitor's own: with any of them, a public page is
/// rendered for that visitor and never shared from the server's copy of pages. (The others,
/// the language and the random-order seed, change nothing the page cache does not key on.)
/// Every cookie the site sets is one of these or one of those; `cookie_header` checks it.
pub const PERSONAL_COOKIES: [&str; 5] = [
    SESSION_COOKIE,
    STAFF_SESSION_COOKIE,
    SIGN_IN_EMAIL_COOKIE,
    TYPED_COOKIE,
    DRAFT_COOKIE,
];

/// Room for typed text in the cookie; browsers keep about 4 KB per cookie. Longer text (only a
/// long answer is) is cut, never refused.
const TYPED_BYTES: usize = 3500;

/// Keeps `fields` for the next page of this browser (five minutes).
pub fn keep_typed(fields: &[(&str, &str)]) {
    let mut value = String::new();
    for (name, text) in fields {
        let mut text: &str = text;
        loop {
            let pair = format!(
                "{}{}={}",
                if value.is_empty() { "" } else { "&" },
                crate::url::encode_component(name),
                crate::url::encode_component(text)
            );
            if value.len() + pair.len() <= TYPED_BYTES {
                value.push_str(&pair);
                break;
            }
            // Cut by characters until it fits.
            let keep = text.chars().count() * 3 / 4;
            if keep == 0 {
                break;
            }
            text = &text[..text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i)];
        }
    }
    set_cookie(TYPED_COOKIE, &value, 300);
}

/// A field kept by `keep_typed`, from this request's cookie.
pub fn typed(name: &str) -> Option<String> {
    let cookie = request_cookie(TYPED_COOKIE)?;
    cookie.split('&').find_map(|pair| {
        let (n, v) = pair.split_once('=')?;
        (crate::url::decode_component(n) == name).then(|| crate::url::decode_component(v))
    })
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, for the whole site; Secure and `__Host-`
/// named when the site is served over HTTPS. `max_age` 0 deletes the cookie.
pub fn cookie_header(name: &str, value: &str, max_age: i64, secure: bool) -> String {
    debug_assert!(
        PERSONAL_COOKIES.contains(&name) || name == crate::server_fns::list::SEED_COOKIE,
        "a new cookie `{name}`: add it to PERSONAL_COOKIES if it changes what a page shows"
    );
    format!(
        "{}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{}",
        wire_name(name, secure),
        if secure { "; Secure" } else { "" }
    )
}

/// Adds a `Set-Cookie` to the response of the request being handled.
pub fn set_cookie(name: &str, value: &str, max_age: i64) {
    let secure = use_context::<AppState>().is_some_and(|s| secure_cookies(&s));
    let cookie = cookie_header(name, value, max_age, secure);
    if let (Some(response), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(&cookie),
    ) {
        response.append_header(SET_COOKIE, value);
    }
}

pub fn session_token() -> Option<SessionToken> {
    request_cookie(SESSION_COOKIE).and_then(|v| SessionToken::parse(&v))
}

pub fn set_session_cookie(token: &SessionToken) {
    set_cookie(SESSION_COOKIE, token.as_str(), SESSION_LIFETIME_SECONDS);
}

pub fn staff_session_token() -> Option<SessionToken> {
    request_cookie(STAFF_SESSION_COOKIE).and_then(|v| SessionToken::parse(&v))
}

/// Sets (or with `None`, deletes) the staff session cookie.
pub fn set_staff_session_cookie(token: Option<&SessionToken>) {
    let secure = use_context::<AppState>().is_some_and(|s| secure_cookies(&s));
    let (value, max_age) = match token {
        Some(t) => (t.as_str(), klimadialog::staff::STAFF_SESSION_SECONDS),
        None => ("", 0),
    };
    let cookie = cookie_header(STAFF_SESSION_COOKIE, value, max_age, secure)
        .replace("SameSite=Lax", "SameSite=Strict");
    if let (Some(response), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(&cookie),
    ) {
        response.append_header(SET_COOKIE, value);
    }
}

/// The staff member of this request, if the request carries a live staff session.
pub async fn current_staff(state: &AppState) -> Option<klimadialog::staff::StaffMember> {
    let token = staff_session_token()?;
    match klimadialog::staff::staff_session(&state.db, &token, klimadialog::storage::now()).await {
        Ok(member) => member,
        Err(error) => {
            tracing::error!(%error, "staff session lookup failed");
            None
        }
    }
}

/// The staff member of this request if their role allows `needed`: every staff page and staff
/// server function starts here. 401 without a staff session, 403 with too small a role.
pub async fn require_staff(
    state: &AppState,
    needed: klimadialog::staff::StaffRole,
) -> Result<klimadialog::staff::StaffMember, crate::error::AppError> {
    use crate::error::AppError;
    let member = current_staff(state)
        .await
        .ok_or_else(|| AppError::NotSignedIn.respond())?;
    if member.role.allows(needed) {
        Ok(member)
    } else {
        Err(AppError::Forbidden.respond())
    }
}

/// `require_staff` for axum handlers outside Leptos (exports), from the request's headers.
pub async fn require_staff_in(
    state: &AppState,
    headers: &http::HeaderMap,
    needed: klimadialog::staff::StaffRole,
) -> Result<klimadialog::staff::StaffMember, crate::error::AppError> {
    use crate::error::AppError;
    let token = state_cookie(state, headers, STAFF_SESSION_COOKIE)
        .and_then(|v| SessionToken::parse(&v))
        .ok_or(AppError::NotSignedIn)?;
    let member = klimadialog::staff::staff_session(&state.db, &token, klimadialog::storage::now())
        .await?
        .ok_or(AppError::NotSignedIn)?;
    if member.role.allows(needed) {
        Ok(member)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The signed-in resident of this request, if any.
pub async fn current_resident(state: &AppState) -> Option<ResidentId> {
    let token = session_token()?;
    match signin::session_resident(&state.db, &token, klimadialog::storage::now()).await {
        Ok(resident) => resident,
        Err(error) => {
            tracing::error!(%error, "session lookup failed");
            None
        }
    }
}

/// The client's address as the server resolved it (through trusted proxies), for rate limits:
/// IPv6 by its /64 (`klimadialog::limits::client_key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub std::net::IpAddr);

/// The client's address, for rate limits: as resolved by the server, else the connection's.
pub fn client_address() -> String {
    use_context::<Parts>()
        .map(|parts| client_address_in(&parts.extensions))
        .unwrap_or_else(|| "unknown".to_owned())
}

/// [`client_address`] for handlers outside the Leptos context, from the request's extensions.
pub fn client_address_in(extensions: &http::Extensions) -> String {
    let resolved = extensions.get::<ClientAddress>().map(|c| c.0);
    resolved
        .or_else(|| {
            extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| klimadialog::limits::client_key(c.0.ip()))
        })
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Whether `next` is a path on this site. Redirects go only there: a redirect elsewhere would
/// let anyone use the site to send residents to a look-alike.
pub fn is_local_path(next: &str) -> bool {
    next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && next.len() <= 2_000
        && !next.chars().any(|c| c.is_control() || c == '\\')
}

/// A path on this site to return to after sign-in; anything else becomes the front page.
pub fn local_path(next: &str) -> String {
    if is_local_path(next) {
        next.to_owned()
    } else {
        "/".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/"));
        assert!(is_local_path("/ideas?page=2"));
        for bad in [
            "",
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "/a\r\nSet-Cookie: x",
            "ideas",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }
}

/// Whether this request is a plain HTML form post (JavaScript off), which wants a redirect
/// rather than data.
pub fn is_form_post() -> bool {
    use_context::<Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("text/html"))
        })
        .unwrap_or(false)
}

/// What a resident was doing when sent to sign in, done once the code is confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    Support(klimadialog::IdeaId),
}

impl Intent {
    pub fn parse(s: &str) -> Option<Intent> {
        let id = s.strip_prefix("support:")?;
        klimadialog::IdeaId::parse(id).map(Intent::Support)
    }
}
