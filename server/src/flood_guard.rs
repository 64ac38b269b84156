//! The flood guard: per client address, a token bucket (GCRA, from the `governor` crate) in
//! front of each endpoint a script would hammer — sign-in codes, staff login, proposals,
//! supports, reports, exports, open data and every other server function. It answers 429 with a Retry-After and a sentence, before any
//! work is done. The finer limits (per resident, per e-mail, per code) stay where the domain
//! decides them; this guard only stops what no person does. Buckets are generous enough for a
//! school or library where many residents share one address.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use klimadialog::limits::{Bucket, Flood};
use klimadialog_app::error::AppError;
use klimadialog_session::ClientAddress;

use crate::paths;

/// What a guarded request does, each with its own bucket per address (the limits are the
/// core's `limits::Flood`).
pub type Guarded = Flood;

/// Which bucket, if any, a request draws from. Server functions are named by their types'
/// `PATH` and the axum routes by `paths`, so renaming an endpoint cannot drop its guard.
pub fn guarded(method: &Method, path: &str) -> Option<Guarded> {
    use klimadialog_app::server_fns::{argument, me, propose, report, signin, staff, support};
    use leptos::server_fn::ServerFn;

    let is = |paths: &[&str]| paths.contains(&path);
    if method == Method::POST {
        if is(&[
            signin::RequestSignInCode::PATH,
            signin::VerifySignInCode::PATH,
        ]) {
            return Some(Guarded::SignIn);
        }
        if is(&[staff::StaffLogin::PATH]) {
            return Some(Guarded::StaffLogin);
        }
        if is(&[
            paths::PROPOSE_FORM,
            propose::SubmitIdea::PATH,
            propose::LocatePoint::PATH,
        ]) {
            return Some(Guarded::Proposal);
        }
        if is(&[support::SetSupport::PATH]) {
            return Some(Guarded::Support);
        }
        if is(&[report::ReportIdea::PATH, report::ReportArgument::PATH]) {
            return Some(Guarded::Report);
        }
        if is(&[
            argument::PostArgument::PATH,
            argument::MarkHelpful::PATH,
            argument::EditArgument::PATH,
            argument::DeleteArgument::PATH,
        ]) {
            return Some(Guarded::Debate);
        }
    }
    if is(&[paths::AUDIT_CSV, me::DownloadMyData::PATH]) || path.starts_with(paths::EXPORTS) {
        return Some(Guarded::Export);
    }
    if path.starts_with(paths::OPEN_DATA) {
        return Some(Guarded::OpenData);
    }
    if path.starts_with(paths::SERVER_FNS) {
        return Some(Guarded::Read);
    }
    // Files (the bundle, styles, photos) and the health check are no renders.
    let file = path.contains('.')
        || path.starts_with(paths::PHOTOS)
        || path.starts_with(paths::LANGUAGE)
        || path == paths::HEALTH;
    (method == Method::GET && !file).then_some(Guarded::Page)
}

/// One bucket per guarded kind, each per client address. Off only for load tests on
/// loopback, where one address stands for thousands of clients.
#[derive(Clone)]
pub struct FloodGuard {
    buckets: Arc<Vec<(Guarded, Bucket<IpAddr>)>>,
}

impl FloodGuard {
    pub fn new(enabled: bool) -> FloodGuard {
        let buckets = Guarded::ALL
            .iter()
            .map(|&kind| (kind, Bucket::new(kind.limit(), enabled)))
            .collect();
        FloodGuard {
            buckets: Arc::new(buckets),
        }
    }

    /// `Err(seconds)` to wait when `client` has used up its bucket for `kind`.
    pub fn check(&self, kind: Guarded, client: IpAddr) -> Result<(), i64> {
        match self.buckets.iter().find(|(k, _)| *k == kind) {
            Some((_, bucket)) => bucket.check(&client),
            None => Ok(()),
        }
    }
}

/// The middleware: refuses a request whose bucket is empty, before it reaches any handler.
pub async fn guard(State(guard): State<FloodGuard>, request: Request, next: Next) -> Response {
    let kind = guarded(request.method(), request.uri().path());
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
fn too_many(retry_after: i64, wants_page: bool) -> Response {
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
        let error = AppError::RateLimited { retry_after };
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

    /// The endpoints as clients call them (the URL contract), each in its own bucket.
    #[test]
    fn each_hammered_endpoint_has_its_bucket() {
        let post = Method::POST;
        for (path, kind) in [
            ("/fn/signin/request", Guarded::SignIn),
            ("/fn/signin/verify", Guarded::SignIn),
            ("/fn/staff/login", Guarded::StaffLogin),
            ("/ideas/new", Guarded::Proposal),
            ("/fn/ideas/submit", Guarded::Proposal),
            ("/fn/ideas/locate", Guarded::Proposal),
            ("/fn/ideas/support", Guarded::Support),
            ("/fn/ideas/report", Guarded::Report),
            ("/fn/ideas/argument/report", Guarded::Report),
            ("/fn/ideas/argue", Guarded::Debate),
            ("/fn/ideas/helpful", Guarded::Debate),
            ("/fn/ideas/argument/edit", Guarded::Debate),
            ("/fn/ideas/argument/delete", Guarded::Debate),
        ] {
            assert_eq!(guarded(&post, path), Some(kind), "{path}");
        }
        for path in [
            "/staff/audit.csv",
            "/fn/me/data",
            "/staff/export/ideas",
            "/staff/export/ideas.xlsx",
            "/staff/export/arguments.csv",
        ] {
            assert_eq!(guarded(&Method::GET, path), Some(Guarded::Export), "{path}");
        }
    }

    /// Every server function the app registers draws from a bucket: the writes from their own,
    /// the rest from `Read`. A new or renamed one cannot slip past the guard.
    #[test]
    fn every_server_function_draws_from_a_bucket() {
        let registered: Vec<_> = leptos::server_fn::axum::server_fn_paths().collect();
        assert!(registered.len() >= 30, "{} registered", registered.len());
        for (path, method) in registered {
            assert!(guarded(&method, path).is_some(), "{method} {path}");
        }
    }

    #[test]
    fn only_the_hammered_endpoints_are_guarded() {
        assert_eq!(
            guarded(&Method::POST, "/fn/signin/request"),
            Some(Guarded::SignIn)
        );
        assert_eq!(
            guarded(&Method::GET, "/staff/export/ideas.csv"),
            Some(Guarded::Export)
        );
        assert_eq!(guarded(&Method::GET, "/ideas"), Some(Guarded::Page));
        for free in [
            "/photos/a.jpg",
            "/pkg/klimadialog.wasm",
            "/healthz",
            "/lang/en",
        ] {
            assert_eq!(guarded(&Method::GET, free), None, "{free}");
        }
        // Open data and every other server function, the pages' loaders too, cost work.
        assert_eq!(
            guarded(&Method::GET, "/api/ideas.json"),
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
            assert_eq!(guarded(&method, path), Some(Guarded::Read), "{path}");
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
