//! `/metrics` as municipal IT watches it: Debian's `promtool` accepts the text, and Debian's
//! `prometheus`, scraping the real binary with a generated configuration, reports the target
//! up with the values the site's own traffic made. The public site has no `/metrics`.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::workload::{ServerProcess, prepare, published_ideas};

async fn get(client: &reqwest::Client, url: &str, cookie: Option<&str>) -> (u16, String) {
    let mut request = client.get(url);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// The value of the series `name{labels}` in a scrape, if it is there.
fn value(scrape: &str, series: &str) -> Option<f64> {
    scrape
        .lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .and_then(|v| v.parse().ok())
}

/// A port nobody listens on now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prometheus_scrapes_the_running_server_and_sees_what_happened() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("site.db");
    let cookies = prepare(&database, 1).await;
    let server = ServerProcess::start(dir.path(), &database);
    let metrics = server.metrics_base();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

    // Traffic: the front page twice (rendered, then from the cache), an idea, a miss, a support.
    let id = published_ideas(&client, &server.base).await[0];
    let idea = format!("{}/ideas/{id}", server.base);
    assert_eq!(
        get(&client, &format!("{}/", server.base), None).await.0,
        200
    );
    assert_eq!(
        get(&client, &format!("{}/", server.base), None).await.0,
        200
    );
    assert_eq!(get(&client, &idea, None).await.0, 200);
    assert_eq!(
        get(&client, &format!("{}/no-such-page", server.base), None)
            .await
            .0,
        404
    );
    let supported = client
        .post(format!("{}/fn/ideas/support", server.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("referer", &idea)
        .header("cookie", &cookies[0])
        .body(format!("idea={id}&support=true&next=%2F"))
        .send()
        .await
        .unwrap();
    assert!(supported.status().is_success());

    // Not on the public site.
    let (status, _) = get(&client, &format!("{}/metrics", server.base), None).await;
    assert_eq!(status, 404, "the public site must not serve /metrics");

    let (status, scrape) = get(&client, &format!("{metrics}/metrics"), None).await;
    assert_eq!(status, 200);
    let build = format!(
        "klimadialog_build_info{{version=\"{}\",schema=\"{}\"}}",
        env!("CARGO_PKG_VERSION"),
        klimadialog::storage::schema_version()
    );
    assert_eq!(value(&scrape, &build), Some(1.0), "{scrape}");
    assert_eq!(
        value(
            &scrape,
            "klimadialog_http_requests_total{route=\"/\",status=\"200\"}"
        ),
        Some(2.0)
    );
    assert_eq!(
        value(
            &scrape,
            "klimadialog_http_requests_total{route=\"/ideas/{id}\",status=\"200\"}"
        ),
        Some(1.0),
        "{scrape}"
    );
    assert!(scrape.contains("status=\"404\"}"), "{scrape}");
    assert!(
        value(
            &scrape,
            "klimadialog_page_cache_requests_total{result=\"hit\"}"
        ) >= Some(1.0)
    );
    assert!(
        value(
            &scrape,
            "klimadialog_page_cache_requests_total{result=\"miss\"}"
        ) >= Some(2.0)
    );
    assert_eq!(
        value(&scrape, "klimadialog_supports_total{change=\"added\"}"),
        Some(1.0)
    );
    assert!(value(&scrape, "klimadialog_database_bytes") > Some(4096.0));
    assert!(value(&scrape, "klimadialog_mail_queue{state=\"waiting\"}").is_some());
    let count = "klimadialog_http_request_duration_seconds_count{route=\"/\"}";
    assert_eq!(value(&scrape, count), Some(2.0));
    // Nothing a visitor typed becomes a series.
    assert!(!scrape.contains("no-such-page"), "{scrape}");

    // Debian's promtool lints the text as Prometheus will read it.
    let mut promtool = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("promtool (Debian's prometheus package; scripts/setup tests installs it)");
    use std::io::Write;
    promtool
        .stdin
        .take()
        .unwrap()
        .write_all(scrape.as_bytes())
        .unwrap();
    let linted = promtool.wait_with_output().unwrap();
    assert!(
        linted.status.success(),
        "promtool: {}{}",
        String::from_utf8_lossy(&linted.stdout),
        String::from_utf8_lossy(&linted.stderr)
    );

    // Debian's prometheus scrapes it every second, as a generated configuration says.
    let target = metrics.trim_start_matches("http://");
    let config = dir.path().join("prometheus.yml");
    std::fs::write(
        &config,
        format!(
            "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: klimadialog\n    \
             static_configs:\n      - targets: ['{target}']\n"
        ),
    )
    .unwrap();
    let port = free_port();
    let mut prometheus = Command::new("prometheus")
        .arg(format!("--config.file={}", config.display()))
        .arg(format!(
            "--storage.tsdb.path={}",
            dir.path().join("tsdb").display()
        ))
        .arg(format!("--web.listen-address=127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("prometheus (Debian's prometheus package)");
    let api = format!("http://127.0.0.1:{port}/api/v1");
    let started = Instant::now();
    let found = loop {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "prometheus never scraped the server"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
        let Ok(answer) = client
            .get(format!("{api}/query"))
            .query(&[("query", "klimadialog_supports_total{change=\"added\"}")])
            .send()
            .await
        else {
            continue;
        };
        let Ok(answer) = answer.json::<serde_json::Value>().await else {
            continue;
        };
        if let Some(found) = answer["data"]["result"].get(0).cloned() {
            break found;
        }
    };
    assert_eq!(found["value"][1], "1", "{found}");
    let targets: serde_json::Value = client
        .get(format!("{api}/targets"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let target = &targets["data"]["activeTargets"][0];
    assert_eq!(target["health"], "up", "{targets}");
    let _ = prometheus.kill();
    let _ = prometheus.wait();
    assert!(server.problems().is_empty(), "{:?}", server.problems());
}
