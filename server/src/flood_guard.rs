//! The flood guard: per client address, a token bucket (GCRA, from the `governor` crate) in
//! front of each endpoint a script would hammer — sign-in codes, staff login, proposals,
//! supports, reports, exports, open data and every other server function. It answers 429 with a Retry-After and a sentence, before any
//! work is done. The finer limits (per resident, per e-mail, per code) stay where the domain
//! decides them; this guard only stops what no person does. Buckets are generous enough for a
//! school or library where many residents share one address.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{Quota, RateLimiter};
use klimadialog_app::error::AppError;
use klimadialog_app::session::ClientAddress;

type KeyedLimiter =
    RateLimiter<IpAddr, governor::state::keyed::DefaultKeyedStateStore<IpAddr>, DefaultClock>;

/// What a guarded request does, each with its own bucket per address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guarded {
    SignIn,
    StaffLogin,
    Proposal,
    Support,
    Report,
    Export,
    /// `/api/*`: open data, up to a thousand ideas a page.
    OpenData,
    /// Every other server function (the pages' loaders, named or not): what a page costs.
    Read,
    /// A page rendered for this request: public pages the page cache did not have (it sits
    /// outside this guard, so pages answered from memory never count) and personal ones.
    Page,
}

impl Guarded {
    /// Which bucket, if any, a request draws from.
    pub fn of(method: &Method, path: &str) -> Option<Guarded> {
        let post = method == Method::POST;
        match path {
            "/fn/signin/request" | "/fn/signin/verify" if post => Some(Guarded::SignIn),
            "/fn/staff/login" if post => Some(Guarded::StaffLogin),
            "/ideas/new" | "/fn/ideas/submit" | "/fn/ideas/locate" if post => {
                Some(Guarded::Proposal)
            }
            "/fn/ideas/support" if post => Some(Guarded::Support),
            "/fn/ideas/report" if post => Some(Guarded::Report),
            "/staff/audit.csv" | "/fn/me/data" => Some(Guarded::Export),
            _ if path.starts_with("/staff/export/") || path == "/staff/export" => {
                Some(Guarded::Export)
            }
            _ if path.starts_with("/api/") => Some(Guarded::OpenData),
            _ if path.starts_with("/fn/") => Some(Guarded::Read),
            // Files (the bundle, styles, photos) and the health check are no renders.
            _ if *method == Method::GET
                && !path.contains('.')
                && !path.starts_with("/photos/")
                && !path.starts_with("/lang/")
                && path != "/healthz" =>
            {
                Some(Guarded::Page)
            }
            _ => None,
        }
    }

    /// (burst, per minute) for one address. A proposal is several posts (one per step).
    fn quota(self) -> (u32, u32) {
        match self {
            Guarded::SignIn => (30, 30),
            Guarded::StaffLogin => (10, 10),
            Guarded::Proposal => (120, 60),
            Guarded::Support => (300, 300),
            Guarded::Report => (30, 30),
            Guarded::Export => (20, 20),
            Guarded::OpenData => (60, 60),
            Guarded::Read => (600, 300),
            Guarded::Page => (600, 300),
        }
    }

    const ALL: [Guarded; 9] = [
        Guarded::SignIn,
        Guarded::StaffLogin,
        Guarded::Proposal,
        Guarded::Support,
        Guarded::Report,
        Guarded::Export,
        Guarded::OpenData,
        Guarded::Read,
        Guarded::Page,
    ];
}

/// One bucket set per guarded kind. Off only for load tests on loopback, where one address
/// stands for thousands of clients.
#[derive(Clone)]
pub struct FloodGuard {
    limiters: Option<Arc<Vec<(Guarded, KeyedLimiter)>>>,
}

/// Addresses remembered before idle ones are forgotten, so memory stays bounded.
const FORGET_ABOVE: usize = 100_000;

impl FloodGuard {
    pub fn new(enabled: bool) -> FloodGuard {
        let limiters = enabled.then(|| {
            let nonzero = |n: u32| NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN);
            Arc::new(
                Guarded::ALL
                    .iter()
                    .map(|&kind| {
                        let (burst, per_minute) = kind.quota();
                        let quota =
                            Quota::per_minute(nonzero(per_minute)).allow_burst(nonzero(burst));
                        (kind, RateLimiter::keyed(quota))
                    })
                    .collect(),
            )
        });
        FloodGuard { limiters }
    }

    /// `Err(seconds)` to wait when `client` has used up its bucket for `kind`.
    pub fn check(&self, kind: Guarded, client: IpAddr) -> Result<(), u64> {
        let Some(limiters) = &self.limiters else {
            return Ok(());
        };
        let Some((_, limiter)) = limiters.iter().find(|(k, _)| *k == kind) else {
            return Ok(());
        };
        if limiter.len() > FORGET_ABOVE {
            limiter.retain_recent();
        }
        limiter.check_key(&client).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            wait.as_secs() + 1
        })
    }
}

/// The middleware: refuses a request whose bucket is empty, before it reaches any handler.
pub async fn guard(State(guard): State<FloodGuard>, request: Request, next: Next) -> Response {
    let kind = Guarded::of(request.method(), request.uri().path());
    let client = request.extensions().get::<ClientAddress>().map(|c| c.0);
    if let (Some(kind), Some(client)) = (kind, client)
        && let Err(retry_after) = guard.check(kind, client)
    {
        tracing::info!(?kind, retry_after, "flood guard refused a request");
        let wants_page = request
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"));
        return too_many(retry_after, wants_page);
    }
    next.run(request).await
}

/// 429 with Retry-After: a short page for a browser's form post, else the server functions'
/// own error (which the islands show in the resident's language).
fn too_many(retry_after: u64, wants_page: bool) -> Response {
    let mut response = if wants_page {
        let page = format!(
            "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>For mange forsøg – Klimadialog</title></head><body><main>\
             <h1>For mange forsøg</h1>\
             <p>Der kom for mange forespørgsler fra din forbindelse på kort tid. \
             Vent {retry_after} sekunder, og prøv igen.</p>\
             <p lang=\"en\">Too many requests from your connection in a short time. \
             Wait {retry_after} seconds and try again.</p>\
             <p><a href=\"/\">Til forsiden / To the front page</a></p></main></body></html>"
        );
        (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            page,
        )
            .into_response()
    } else {
        let error = AppError::RateLimited {
            retry_after: i64::try_from(retry_after).unwrap_or(i64::MAX),
        };
        let body = serde_json::to_string(&error).unwrap_or_default();
        (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response()
    };
    if let Ok(value) = HeaderValue::from_str(&retry_after.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_hammered_endpoints_are_guarded() {
        assert_eq!(
            Guarded::of(&Method::POST, "/fn/signin/request"),
            Some(Guarded::SignIn)
        );
        assert_eq!(
            Guarded::of(&Method::GET, "/staff/export/ideas.csv"),
            Some(Guarded::Export)
        );
        assert_eq!(Guarded::of(&Method::GET, "/ideas"), Some(Guarded::Page));
        for free in [
            "/photos/a.jpg",
            "/pkg/klimadialog.wasm",
            "/healthz",
            "/lang/en",
        ] {
            assert_eq!(Guarded::of(&Method::GET, free), None, "{free}");
        }
        // Open data and every other server function, the pages' loaders too, cost work.
        assert_eq!(
            Guarded::of(&Method::GET, "/api/ideas.json"),
            Some(Guarded::OpenData)
        );
        for path in [
            "/fn/staff/ideas/note",
            "/fn/list_ideas1234",
            "/fn/signin/request",
        ] {
            let method = if path.ends_with("request") {
                Method::GET
            } else {
                Method::POST
            };
            assert_eq!(Guarded::of(&method, path), Some(Guarded::Read), "{path}");
        }
    }

    #[test]
    fn a_bucket_empties_for_one_address_only() {
        let guard = FloodGuard::new(true);
        let (a, b): (IpAddr, IpAddr) = ("198.51.100.1".parse().unwrap(), "::1".parse().unwrap());
        for _ in 0..10 {
            guard.check(Guarded::StaffLogin, a).unwrap();
        }
        let wait = guard.check(Guarded::StaffLogin, a).unwrap_err();
        assert!((1..=7).contains(&wait), "{wait}");
        assert!(guard.check(Guarded::StaffLogin, b).is_ok());
        assert!(guard.check(Guarded::Export, a).is_ok());
    }

    #[test]
    fn switched_off_it_lets_everything_through() {
        let guard = FloodGuard::new(false);
        let a: IpAddr = "198.51.100.1".parse().unwrap();
        for _ in 0..1000 {
            guard.check(Guarded::StaffLogin, a).unwrap();
        }
    }
}
