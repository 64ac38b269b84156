//! Every cookie the site sets, with its attributes, built and read by the `cookie` crate. No
//! other code writes a `Set-Cookie` or splits a `Cookie` header.

use std::borrow::Cow;

use cookie::{Cookie, SameSite};
use http::HeaderMap;
use http::header::COOKIE;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteCookie {
    /// A resident's session.
    Session,
    /// A staff member's session: SameSite=Strict, so no other site can start a request that
    /// carries it.
    StaffSession,
    /// The browser's idea draft (what was typed on the propose form, its photo and place).
    Draft,
    /// The address being signed in with, between the two steps of sign-in (never in a URL),
    /// and the secret that binds the mailed code to this browser.
    SignInEmail,
    /// What a form had typed when it was sent back with an error, for the page to show again:
    /// in a short-lived cookie rather than the address, which proxies log and Referer carries.
    Typed,
    /// The visitor's seed for the random order of ideas.
    Seed,
    /// The language the visitor chose.
    Language,
}

impl SiteCookie {
    pub const ALL: [SiteCookie; 7] = [
        SiteCookie::Session,
        SiteCookie::StaffSession,
        SiteCookie::Draft,
        SiteCookie::SignInEmail,
        SiteCookie::Typed,
        SiteCookie::Seed,
        SiteCookie::Language,
    ];

    /// The cookie's own name (over HTTPS most carry the `__Host-` prefix as well).
    pub fn name(self) -> &'static str {
        match self {
            SiteCookie::Session => "session",
            SiteCookie::StaffSession => "staff_session",
            SiteCookie::Draft => "draft",
            SiteCookie::SignInEmail => "signin_email",
            SiteCookie::Typed => "typed",
            SiteCookie::Seed => "seed",
            SiteCookie::Language => "lang",
        }
    }

    /// Whether it makes a page the visitor's own: with any of these, a public page is rendered
    /// for that visitor and never shared from the server's copy of pages. The language and the
    /// seed change nothing the page cache does not key on.
    pub fn personal(self) -> bool {
        !matches!(self, SiteCookie::Seed | SiteCookie::Language)
    }

    /// How long the browser keeps it, in seconds.
    pub fn max_age(self) -> i64 {
        match self {
            SiteCookie::Session => klimadialog::signin::SESSION_LIFETIME_SECONDS,
            SiteCookie::StaffSession => klimadialog::staff::STAFF_SESSION_SECONDS,
            SiteCookie::Draft => klimadialog::storage::DRAFT_LIFETIME_SECONDS,
            // The code's ten minutes and time to find the mail.
            SiteCookie::SignInEmail => 15 * 60,
            SiteCookie::Typed => 5 * 60,
            SiteCookie::Seed => 30 * 24 * 3600,
            SiteCookie::Language => 365 * 24 * 3600,
        }
    }

    fn same_site(self) -> SameSite {
        match self {
            SiteCookie::StaffSession => SameSite::Strict,
            _ => SameSite::Lax,
        }
    }

    /// Over HTTPS a cookie is named `__Host-` + name: browsers take such a cookie only from this
    /// very host, Secure, for the whole path and without a Domain, so a neighbouring subdomain
    /// (another of the municipality's sites) cannot plant a session or a draft on residents.
    /// Over plain HTTP (a developer's machine) browsers refuse the prefix. The language keeps
    /// its plain name: it carries no secret, and renaming it would forget every visitor's choice.
    pub fn wire_name(self, secure: bool) -> Cow<'static, str> {
        if secure && self != SiteCookie::Language {
            format!("__Host-{}", self.name()).into()
        } else {
            self.name().into()
        }
    }

    /// A `Set-Cookie` value: HttpOnly, for the whole site, Secure over HTTPS, kept for the
    /// cookie's own time.
    pub fn set(self, value: &str, secure: bool) -> String {
        self.build(value, self.max_age(), secure)
    }

    /// A `Set-Cookie` value that deletes the cookie.
    pub fn remove(self, secure: bool) -> String {
        self.build("", 0, secure)
    }

    fn build(self, value: &str, max_age: i64, secure: bool) -> String {
        Cookie::build((self.wire_name(secure), value.to_owned()))
            .path("/")
            .max_age(cookie::time::Duration::seconds(max_age))
            .http_only(true)
            .same_site(self.same_site())
            .secure(secure)
            .build()
            .to_string()
    }

    /// The cookie's value in request headers, by its name on the wire.
    pub fn read(self, headers: &HeaderMap, secure: bool) -> Option<String> {
        let name = self.wire_name(secure);
        request_cookies(headers)
            .find(|c| c.name() == name)
            .map(|c| c.value().to_owned())
    }

    /// The site's cookie of this name on the wire, either name (`__Host-session` or `session`).
    fn from_wire(name: &str) -> Option<SiteCookie> {
        let name = name.strip_prefix("__Host-").unwrap_or(name);
        SiteCookie::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Whether the request carries any of the site's personal cookies, under either name.
pub fn has_personal_cookie(headers: &HeaderMap) -> bool {
    request_cookies(headers)
        .filter_map(|c| SiteCookie::from_wire(c.name()))
        .any(SiteCookie::personal)
}

/// Whether the request's only personal cookie is a resident's session: a signed-in resident
/// with nothing half-typed, whose public pages can be put together from a shared render.
pub fn only_session_cookie(headers: &HeaderMap) -> bool {
    let mut personal = request_cookies(headers)
        .filter_map(|c| SiteCookie::from_wire(c.name()))
        .filter(|c| c.personal())
        .peekable();
    personal.peek().is_some() && personal.all(|c| c == SiteCookie::Session)
}

/// The request's `Cookie` header without the site's personal cookies (the language and the
/// random-order seed stay): what a render for nobody in particular may see.
pub fn impersonal_cookie_header(headers: &HeaderMap) -> Option<http::HeaderValue> {
    let kept: Vec<String> = request_cookies(headers)
        .filter(|c| SiteCookie::from_wire(c.name()).is_none_or(|site| !site.personal()))
        .map(|c| format!("{}={}", c.name(), c.value()))
        .collect();
    if kept.is_empty() {
        return None;
    }
    http::HeaderValue::from_str(&kept.join("; ")).ok()
}

/// Every cookie of the request's `Cookie` headers; malformed pairs are skipped.
fn request_cookies(headers: &HeaderMap) -> impl Iterator<Item = Cookie<'_>> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_alone_is_a_signed_in_resident_with_nothing_typed() {
        assert!(only_session_cookie(&headers("session=abc; lang=en")));
        assert!(only_session_cookie(&headers("__Host-session=abc")));
        assert!(!only_session_cookie(&headers("lang=en")));
        assert!(!only_session_cookie(&headers("session=abc; typed=x")));
        assert!(!only_session_cookie(&headers(
            "session=abc; staff_session=y"
        )));
        assert!(!only_session_cookie(&HeaderMap::new()));
    }

    #[test]
    fn the_impersonal_header_keeps_language_seed_and_others_only() {
        let kept = impersonal_cookie_header(&headers("session=abc; lang=en; seed=7; _ga=1"));
        assert_eq!(kept.unwrap(), "lang=en; seed=7; _ga=1");
        assert_eq!(
            impersonal_cookie_header(&headers("__Host-session=abc")),
            None
        );
    }

    fn headers(cookie: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, cookie.parse().unwrap());
        headers
    }

    #[test]
    fn each_cookie_carries_its_attributes() {
        let session = SiteCookie::Session.set("abc", true);
        for part in [
            "__Host-session=abc",
            "Path=/",
            "HttpOnly",
            "SameSite=Lax",
            "Secure",
        ] {
            assert!(session.contains(part), "{session}");
        }
        let staff = SiteCookie::StaffSession.set("x", false);
        assert!(staff.starts_with("staff_session=x"), "{staff}");
        assert!(staff.contains("SameSite=Strict") && !staff.contains("Secure"));
        assert!(SiteCookie::Draft.remove(false).contains("Max-Age=0"));
        assert!(SiteCookie::Language.set("en", true).starts_with("lang=en"));
    }

    #[test]
    fn reads_by_the_name_on_the_wire_and_knows_the_personal_ones() {
        let h = headers("lang=en; __Host-session=tok; seed=7");
        assert_eq!(SiteCookie::Session.read(&h, true).as_deref(), Some("tok"));
        assert_eq!(SiteCookie::Session.read(&h, false), None);
        assert_eq!(SiteCookie::Language.read(&h, true).as_deref(), Some("en"));
        assert!(has_personal_cookie(&h));
        assert!(!has_personal_cookie(&headers("lang=da; seed=1; other=2")));
        // Malformed pairs do not hide the rest.
        let h = headers("=; ;junk; draft=d1");
        assert_eq!(SiteCookie::Draft.read(&h, false).as_deref(), Some("d1"));
    }
}
