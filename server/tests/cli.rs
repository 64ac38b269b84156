//! The `klimadialog` binary as an operator uses it: help, seeding, serving and stopping.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use klimadialog::storage::Db;

const BIN: &str = env!("CARGO_BIN_EXE_klimadialog");

#[test]
fn help_names_every_setting() {
    let out = Command::new(BIN).arg("--help").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in ["DATABASE_URL", "serve", "seed"] {
        assert!(text.contains(expected), "--help lacks {expected}:\n{text}");
    }
    let out = Command::new(BIN)
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "LEPTOS_SITE_ADDR",
        "LEPTOS_SITE_ROOT",
        "KLIMADIALOG_DEMO",
        "KLIMADIALOG_MUNICIPALITY",
    ] {
        assert!(
            text.contains(expected),
            "serve --help lacks {expected}:\n{text}"
        );
    }
}

#[tokio::test]
async fn seed_adds_exactly_the_requested_data() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("bench.db");
    let status = Command::new(BIN)
        .args(["seed", "--ideas", "200", "--supports", "3000"])
        .env("DATABASE_URL", &db_path)
        .env("RUST_LOG", "warn")
        .status()
        .unwrap();
    assert!(status.success());
    let db = Db::open(db_path.to_str().unwrap()).await.unwrap();
    assert_eq!(
        db.count_ideas().await.unwrap(),
        200,
        "seed adds no demo ideas"
    );
    assert_eq!(db.count_all_supports().await.unwrap(), 3000);
    assert!(db.support_counts_agree().await.unwrap());
}

#[test]
fn seed_refuses_supports_without_ideas() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["seed", "--ideas", "0", "--supports", "5"])
        .env("DATABASE_URL", dir.path().join("bench.db"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(log.contains("supports need ideas"), "{log}");
}

#[test]
fn sigterm_stops_the_server_gracefully() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(BIN)
        .arg("serve")
        .env("DATABASE_URL", dir.path().join("site.db"))
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("LEPTOS_SITE_ROOT", dir.path())
        .env("KLIMADIALOG_DATA_DIR", dir.path())
        .env("KLIMADIALOG_LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The server logs the address it bound; port 0 means the system chose it.
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let address = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| {
            let value: serde_json::Value = serde_json::from_str(&line).ok()?;
            value["fields"]["address"].as_str().map(str::to_owned)
        })
        .expect("the server logs its address");
    let health = std::net::TcpStream::connect(&address);
    assert!(health.is_ok(), "server listens on {address}");

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let (exited, exit) = std::sync::mpsc::channel();
    std::thread::spawn(move || exited.send(child.wait()));
    let status = exit
        .recv_timeout(Duration::from_secs(15))
        .expect("server did not stop after SIGTERM");
    let status = status.unwrap();
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(status.success(), "{status}: {rest:?}");
    assert!(
        rest.iter().any(|l| l.contains("closing the database")),
        "{rest:?}"
    );
}
