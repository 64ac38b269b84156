//! `/metrics` in Prometheus' text format, on a listen address of its own (loopback by default)
//! so that it is never on the public site: requests by route and status, how long they took,
//! the page cache's hits and misses, supports, the mail queue, the database's size and the
//! running release. Routes are the router's patterns (`/ideas/{id}`), never addresses, so the
//! number of series stays bounded whatever visitors ask for.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, RwLock};
use std::time::Instant;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use klimadialog::storage::Db;

use crate::page_cache::CacheUse;
use crate::request_log::RouteLabel;

/// The upper bounds of the latency histogram's buckets, in seconds.
const BUCKETS: [f64; 13] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];
/// The status codes counted one by one; anything else is counted as 599.
const STATUSES: std::ops::RangeInclusive<u16> = 100..=599;

/// Everything counted since the process started.
#[derive(Debug, Default)]
pub struct Metrics {
    routes: RwLock<HashMap<Arc<str>, Arc<RouteSeries>>>,
    cache_hits: AtomicU64,
    cache_misses: AtomicU64,
}

/// Mails handed to the mail server and attempts that failed, in this process (it runs one
/// mail worker).
static MAILS_SENT: AtomicU64 = AtomicU64::new(0);
static MAIL_FAILURES: AtomicU64 = AtomicU64::new(0);

/// Counts a mail the worker handed to the mail server, or one it refused or could not take.
pub fn mail_attempt(sent: bool) {
    if sent { &MAILS_SENT } else { &MAIL_FAILURES }.fetch_add(1, Relaxed);
}

/// One route's counts by status and its latency histogram.
#[derive(Debug)]
struct RouteSeries {
    statuses: Box<[AtomicU64]>,
    buckets: [AtomicU64; BUCKETS.len()],
    micros: AtomicU64,
    count: AtomicU64,
}

impl Default for RouteSeries {
    fn default() -> RouteSeries {
        RouteSeries {
            statuses: STATUSES.map(|_| AtomicU64::new(0)).collect(),
            buckets: Default::default(),
            micros: AtomicU64::new(0),
            count: AtomicU64::new(0),
        }
    }
}

impl Metrics {
    /// Counts one response. The series are read under the shared lock without taking a
    /// reference each (two atomic writes fewer per request on a line both cores share); the
    /// write lock is taken once per route, the first time it answers.
    fn record(&self, route: &str, status: u16, seconds: f64) {
        if let Some(series) = self
            .routes
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(route)
        {
            series.add(status, seconds);
            return;
        }
        let mut routes = self.routes.write().unwrap_or_else(|e| e.into_inner());
        routes
            .entry(Arc::from(route))
            .or_default()
            .add(status, seconds);
    }
}

impl RouteSeries {
    fn add(&self, status: u16, seconds: f64) {
        let index = if STATUSES.contains(&status) {
            status
        } else {
            599
        };
        self.statuses[usize::from(index - STATUSES.start())].fetch_add(1, Relaxed);
        if let Some(bucket) = BUCKETS.iter().position(|&le| seconds <= le) {
            self.buckets[bucket].fetch_add(1, Relaxed);
        }
        self.micros.fetch_add((seconds * 1e6) as u64, Relaxed);
        self.count.fetch_add(1, Relaxed);
    }
}

/// The middleware around the whole site: counts each response under its route and status,
/// with the time until its headers were ready.
pub async fn count(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let asset = request.uri().path().starts_with("/pkg/");
    let response = next.run(request).await;
    let route = match response.extensions().get::<RouteLabel>() {
        Some(RouteLabel(route)) => route.as_ref(),
        None if asset => "/pkg/{file}",
        None => "(no route)",
    };
    metrics.record(
        route,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    match response.extensions().get::<CacheUse>() {
        Some(CacheUse::Hit) => _ = metrics.cache_hits.fetch_add(1, Relaxed),
        Some(CacheUse::Miss) => _ = metrics.cache_misses.fetch_add(1, Relaxed),
        None => {}
    }
    response
}

/// What `/metrics` reads besides the counters.
#[derive(Clone)]
struct Scrape {
    metrics: Arc<Metrics>,
    db: Db,
    /// The database's write-ahead log beside its file (none for a database in memory).
    wal: std::path::PathBuf,
}

/// The router of the metrics listener: `/metrics` and nothing else.
pub fn router(metrics: Arc<Metrics>, db: Db, database: std::path::PathBuf) -> Router {
    let mut wal = database.into_os_string();
    wal.push("-wal");
    Router::new()
        .route("/metrics", get(scrape))
        .with_state(Scrape {
            metrics,
            db,
            wal: wal.into(),
        })
}

async fn scrape(State(scrape): State<Scrape>) -> Response {
    let mut out = String::with_capacity(16 * 1024);
    let m = &scrape.metrics;
    family(
        &mut out,
        "klimadialog_build_info",
        "gauge",
        "The running release and the database schema it uses.",
    );
    let _ = writeln!(
        out,
        "klimadialog_build_info{{version=\"{}\",schema=\"{}\"}} 1",
        crate::VERSION,
        klimadialog::storage::schema_version()
    );
    requests(&mut out, m);
    family(
        &mut out,
        "klimadialog_page_cache_requests_total",
        "counter",
        "Public pages asked for, by whether they came from the page cache (hit) or were rendered (miss).",
    );
    let _ = writeln!(
        out,
        "klimadialog_page_cache_requests_total{{result=\"hit\"}} {}",
        m.cache_hits.load(Relaxed)
    );
    let _ = writeln!(
        out,
        "klimadialog_page_cache_requests_total{{result=\"miss\"}} {}",
        m.cache_misses.load(Relaxed)
    );
    let (added, withdrawn) = scrape.db.supports_committed();
    family(
        &mut out,
        "klimadialog_supports_total",
        "counter",
        "Supports added and withdrawn, once committed.",
    );
    let _ = writeln!(
        out,
        "klimadialog_supports_total{{change=\"added\"}} {added}"
    );
    let _ = writeln!(
        out,
        "klimadialog_supports_total{{change=\"withdrawn\"}} {withdrawn}"
    );
    family(
        &mut out,
        "klimadialog_mails_sent_total",
        "counter",
        "Mails the mail server took.",
    );
    let _ = writeln!(
        out,
        "klimadialog_mails_sent_total {}",
        MAILS_SENT.load(Relaxed)
    );
    family(
        &mut out,
        "klimadialog_mail_failures_total",
        "counter",
        "Mail attempts that failed (each is tried again later, up to its limit).",
    );
    let _ = writeln!(
        out,
        "klimadialog_mail_failures_total {}",
        MAIL_FAILURES.load(Relaxed)
    );
    // The database's answers; a failing database leaves them out rather than failing the
    // scrape, so the counters above still arrive (and `up` stays 1 while `/healthz` says 503).
    if let Ok(queue) = scrape.db.mail_queue_state(0).await {
        family(
            &mut out,
            "klimadialog_mail_queue",
            "gauge",
            "Queued mails: not tried yet, to be tried again, given up.",
        );
        let _ = writeln!(
            out,
            "klimadialog_mail_queue{{state=\"waiting\"}} {}",
            queue.waiting
        );
        let _ = writeln!(
            out,
            "klimadialog_mail_queue{{state=\"retrying\"}} {}",
            queue.retrying
        );
        let _ = writeln!(
            out,
            "klimadialog_mail_queue{{state=\"given_up\"}} {}",
            queue.given_up
        );
    }
    if let Ok(bytes) = scrape.db.size_bytes().await {
        family(
            &mut out,
            "klimadialog_database_bytes",
            "gauge",
            "The SQLite database file's size.",
        );
        let _ = writeln!(out, "klimadialog_database_bytes {bytes}");
    }
    let bytes = tokio::fs::metadata(&scrape.wal)
        .await
        .map(|m| m.len())
        .unwrap_or(0);
    family(
        &mut out,
        "klimadialog_database_wal_bytes",
        "gauge",
        "The database's write-ahead log, until its next checkpoint.",
    );
    let _ = writeln!(out, "klimadialog_database_wal_bytes {bytes}");
    let mut response = out.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    response
}

fn family(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
}

/// The request counters and the latency histograms, routes in order.
fn requests(out: &mut String, metrics: &Metrics) {
    let mut routes: Vec<(Arc<str>, Arc<RouteSeries>)> = metrics
        .routes
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .map(|(route, series)| (route.clone(), series.clone()))
        .collect();
    routes.sort_by(|a, b| a.0.cmp(&b.0));
    family(
        out,
        "klimadialog_http_requests_total",
        "counter",
        "Requests answered, by route and status.",
    );
    for (route, series) in &routes {
        let route = label(route);
        for (status, count) in STATUSES.zip(series.statuses.iter()) {
            let count = count.load(Relaxed);
            if count > 0 {
                let _ = writeln!(
                    out,
                    "klimadialog_http_requests_total{{route=\"{route}\",status=\"{status}\"}} {count}"
                );
            }
        }
    }
    family(
        out,
        "klimadialog_http_request_duration_seconds",
        "histogram",
        "Time until a response's headers were ready, by route.",
    );
    for (route, series) in &routes {
        let route = label(route);
        let name = "klimadialog_http_request_duration_seconds";
        let mut cumulative = 0;
        for (le, bucket) in BUCKETS.iter().zip(&series.buckets) {
            cumulative += bucket.load(Relaxed);
            let _ = writeln!(
                out,
                "{name}_bucket{{route=\"{route}\",le=\"{le}\"}} {cumulative}"
            );
        }
        let count = series.count.load(Relaxed);
        let _ = writeln!(
            out,
            "{name}_bucket{{route=\"{route}\",le=\"+Inf\"}} {count}"
        );
        let seconds = series.micros.load(Relaxed) as f64 / 1e6;
        let _ = writeln!(out, "{name}_sum{{route=\"{route}\"}} {seconds}");
        let _ = writeln!(out, "{name}_count{{route=\"{route}\"}} {count}");
    }
}

/// A label value as the text format writes it.
fn label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_land_in_their_bucket_and_status() {
        let metrics = Metrics::default();
        metrics.record("/ideas/{id}", 200, 0.003);
        metrics.record("/ideas/{id}", 200, 20.0);
        metrics.record("/ideas/{id}", 404, 0.0001);
        metrics.record("/ideas/{id}", 1000, 0.0001);
        let mut out = String::new();
        requests(&mut out, &metrics);
        for line in [
            "klimadialog_http_requests_total{route=\"/ideas/{id}\",status=\"200\"} 2",
            "klimadialog_http_requests_total{route=\"/ideas/{id}\",status=\"404\"} 1",
            "klimadialog_http_requests_total{route=\"/ideas/{id}\",status=\"599\"} 1",
            "_bucket{route=\"/ideas/{id}\",le=\"0.001\"} 2",
            "_bucket{route=\"/ideas/{id}\",le=\"0.005\"} 3",
            "_bucket{route=\"/ideas/{id}\",le=\"10\"} 3",
            "_bucket{route=\"/ideas/{id}\",le=\"+Inf\"} 4",
            "_count{route=\"/ideas/{id}\"} 4",
        ] {
            assert!(out.contains(line), "{line} not in\n{out}");
        }
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
