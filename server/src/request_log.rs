//! The request's span and its one log line of failures. Every request gets a span with an id,
//! its method and the route it matched (the route's pattern, never the query string, which can
//! hold what a resident searched for); whatever is logged while it is served carries them. The
//! internal failures a server function kept (`Failures`) are logged here, once, in that span,
//! with the function they happened in.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use klimadialog_app::error::Failures;
use tracing::Span;

/// The route a response answered, as the router's pattern (`/ideas/{id}`): for `/metrics`,
/// and kept with a cached page for the requests it answers later.
#[derive(Debug, Clone)]
pub struct RouteLabel(pub std::sync::Arc<str>);

/// The span a request is served in (for `TraceLayer::make_span_with`).
pub fn span(request: &Request) -> Span {
    static NEXT_ID: AtomicU64 = AtomicU64::new(1);
    tracing::info_span!(
        "request",
        id = NEXT_ID.fetch_add(1, Ordering::Relaxed),
        method = %request.method(),
        route = tracing::field::Empty,
    )
}

/// Inside the router, where the matched route is known: names it in the request's span, and
/// logs the failures the request's server functions kept.
pub async fn record(mut request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| std::sync::Arc::<str>::from(path.as_str()));
    Span::current().record("route", route.as_deref().unwrap_or("(no route)"));
    let failures = Failures::default();
    request.extensions_mut().insert(failures.clone());
    let mut response = next.run(request).await;
    for failure in failures.take() {
        failure.log();
    }
    if let Some(route) = route {
        response.extensions_mut().insert(RouteLabel(route));
    }
    response
}
