//! The session layer inside Leptos: the `klimadialog_session` crate's cookies and signed-in
//! people, read from and written to the request the reactive context is handling.

use http::HeaderValue;
use http::header::SET_COOKIE;
use http::request::Parts;
use klimadialog::ResidentId;
use klimadialog::signin::SessionToken;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

pub use klimadialog_session::{
    ClientAddress, SiteCookie, client_address_in, is_local_path, local_path,
};

use crate::state::AppState;

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
        let value = request_cookie(SiteCookie::SignInEmail)?;
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

    /// Sets it on the response.
    pub fn set(&self) {
        let email = crate::url::encode_component(&self.email);
        let value = match &self.browser {
            Some(browser) => format!("{}:{email}", browser.as_str()),
            None => email,
        };
        set_cookie(SiteCookie::SignInEmail, &value);
    }
}

/// Whether the site's cookies are `Secure` and named `__Host-…`: when it is served over HTTPS.
pub fn secure_cookies(state: &AppState) -> bool {
    state.config.secure_cookies()
}

fn secure_here() -> bool {
    use_context::<AppState>().is_some_and(|s| secure_cookies(&s))
}

/// The value of the site's cookie in the request being handled.
pub fn request_cookie(cookie: SiteCookie) -> Option<String> {
    let secure = secure_here();
    use_context::<Parts>().and_then(|parts| cookie.read(&parts.headers, secure))
}

/// Room for typed text in the cookie; browsers keep about 4 KB per cookie. Longer text (only a
/// long answer is) is cut, never refused.
const TYPED_BYTES: usize = 3500;

/// Keeps `fields` for the next page of this browser (five minutes).
pub fn keep_typed(fields: &[(&str, &str)]) {
    set_cookie(SiteCookie::Typed, &typed_value(fields));
}

/// The typed-text cookie's value for `fields`, each cut to fit the cookie.
pub fn typed_value(fields: &[(&str, &str)]) -> String {
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
    value
}

/// A field kept by `keep_typed`, from this request's cookie.
pub fn typed(name: &str) -> Option<String> {
    let cookie = request_cookie(SiteCookie::Typed)?;
    cookie.split('&').find_map(|pair| {
        let (n, v) = pair.split_once('=')?;
        (crate::url::decode_component(n) == name).then(|| crate::url::decode_component(v))
    })
}

/// Sets the site's cookie on the response of the request being handled, for its own time.
pub fn set_cookie(cookie: SiteCookie, value: &str) {
    append_set_cookie(cookie.set(value, secure_here()));
}

/// Deletes the site's cookie in the browser of the request being handled.
pub fn remove_cookie(cookie: SiteCookie) {
    append_set_cookie(cookie.remove(secure_here()));
}

fn append_set_cookie(cookie: String) {
    if let (Some(response), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(&cookie),
    ) {
        response.append_header(SET_COOKIE, value);
    }
}

pub fn session_token() -> Option<SessionToken> {
    request_cookie(SiteCookie::Session).and_then(|v| SessionToken::parse(&v))
}

pub fn set_session_cookie(token: &SessionToken) {
    set_cookie(SiteCookie::Session, token.as_str());
}

pub fn staff_session_token() -> Option<SessionToken> {
    request_cookie(SiteCookie::StaffSession).and_then(|v| SessionToken::parse(&v))
}

/// Sets (or with `None`, deletes) the staff session cookie.
pub fn set_staff_session_cookie(token: Option<&SessionToken>) {
    match token {
        Some(token) => set_cookie(SiteCookie::StaffSession, token.as_str()),
        None => remove_cookie(SiteCookie::StaffSession),
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

/// The signed-in resident of this request, if any.
pub async fn current_resident(state: &AppState) -> Option<ResidentId> {
    let parts = use_context::<Parts>()?;
    let now = klimadialog::storage::now();
    klimadialog_session::resident_of(&state.db, &parts.headers, secure_cookies(state), now).await
}

/// The client's address, for rate limits: as resolved by the server, else the connection's.
pub fn client_address() -> String {
    use_context::<Parts>()
        .map(|parts| client_address_in(&parts.extensions))
        .unwrap_or_else(|| "unknown".to_owned())
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
