//! The real router on port 0 with a fresh SQLite file per test, asked over real HTTP.

#![allow(dead_code)] // each test file uses a different part

use klimadialog::storage::Db;
use klimadialog_server::config::ServeArgs;
use klimadialog_server::{open_database, router};
use reqwest::StatusCode;
use reqwest::redirect::Policy;

pub struct TestApp {
    pub base: String,
    pub db: Db,
    pub client: reqwest::Client,
    _dir: tempfile::TempDir,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with_mail(None).await
    }

    pub async fn spawn_with_mail(smtp_url: Option<&str>) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let db = open_database(dir.path().join("site.db").to_str().unwrap(), true)
            .await
            .unwrap();
        let args = test_args(dir.path(), smtp_url);
        let state = klimadialog_server::app_state(db.clone(), &args).unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let app = router(state, klimadialog_server::leptos_options(&args));
        let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        let client = reqwest::Client::builder()
            .redirect(Policy::none())
            .build()
            .unwrap();
        TestApp {
            base,
            db,
            client,
            _dir: dir,
        }
    }

    pub async fn get(&self, path: &str) -> (StatusCode, String) {
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> (StatusCode, String) {
        let mut request = self.client.get(format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.unwrap();
        (response.status(), response.text().await.unwrap())
    }
}

/// Serve options for a test: everything inside the test's own folder; mail to `smtp_url`, or
/// to the outbox there.
pub fn test_args(dir: &std::path::Path, smtp_url: Option<&str>) -> ServeArgs {
    use clap::Parser;
    let root = dir.join("site");
    let mut args = vec![
        "serve",
        "--site-addr",
        "127.0.0.1:0",
        "--site-root",
        root.to_str().unwrap(),
    ];
    args.extend(["--data-dir", dir.to_str().unwrap()]);
    if let Some(url) = smtp_url {
        args.extend(["--smtp-url", url]);
    }
    ServeArgs::parse_from(args)
}

pub fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}
