//! The `klimadialog` binary as an operator uses it: help, seeding, serving and stopping.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use klimadialog::storage::Db;

const BIN: &str = env!("CARGO_BIN_EXE_klimadialog");

/// `klimadialog serve` on the database `db` in the folder `dir`, on a port the system picks,
/// logging JSON at info, without mail or a public address from the developer's environment.
pub(crate) fn serve_command(dir: &std::path::Path, db: &std::path::Path) -> Command {
    let mut command = Command::new(BIN);
    command
        .arg("serve")
        .env("DATABASE_URL", db)
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("KLIMADIALOG_METRICS_ADDR", "127.0.0.1:0")
        .env("LEPTOS_SITE_ROOT", dir)
        .env("KLIMADIALOG_DATA_DIR", dir)
        .env("KLIMADIALOG_LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .env_remove("SMTP_URL")
        .env_remove("MAIL_FROM")
        .env_remove("KLIMADIALOG_PUBLIC_URL")
        .stderr(Stdio::piped());
    command
}

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

#[test]
fn version_names_the_release_and_the_database_schema() {
    let out = Command::new(BIN).arg("--version").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let expected = format!(
        "klimadialog {} (database schema {})\n",
        env!("CARGO_PKG_VERSION"),
        klimadialog::storage::schema_version()
    );
    assert_eq!(text, expected);
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
    let mut child = serve_command(dir.path(), &dir.path().join("site.db"))
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

/// Runs `klimadialog staff add …` with `stdin` as its standard input (not a terminal).
fn staff_add(db: &std::path::Path, args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .arg("--database-url")
        .arg(db)
        .args(["staff", "add"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[tokio::test]
async fn staff_add_reads_the_password_from_stdin_and_stores_only_its_hash() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("staff.db");
    let out = staff_add(
        &db_path,
        &["anna", "--role", "admin"],
        "klimaplan-for-aalborg\nignored\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let db = Db::open(db_path.to_str().unwrap()).await.unwrap();
    let account = db.staff_account("anna").await.unwrap().unwrap();
    assert_eq!(account.role, "admin");
    assert!(account.password_hash.starts_with("$argon2id$"));
    assert!(klimadialog::staff::verify_password(
        &account.password_hash,
        "klimaplan-for-aalborg"
    ));
    db.close().await;
    let file = std::fs::read(&db_path).unwrap();
    assert!(!file.windows(21).any(|w| w == b"klimaplan-for-aalborg"));

    // A short password, a taken name or a password on the command line are refused.
    let short = staff_add(&db_path, &["bo"], "kort\n");
    assert_eq!(short.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 12 characters"));
    let again = staff_add(&db_path, &["anna"], "klimaplan-for-aalborg\n");
    assert_eq!(again.status.code(), Some(64));
    let argv = staff_add(
        &db_path,
        &["carl", "--password", "klimaplan-for-aalborg"],
        "",
    );
    assert!(!argv.status.success());
}

/// Starts `serve` with `env` over a fresh folder: `Ok` once it listens (then stops it), or the
/// exit code and log when it refused to start.
fn try_serve(env: &[(&str, &str)]) -> Result<(), (Option<i32>, String)> {
    let dir = tempfile::tempdir().unwrap();
    let mut command = serve_command(dir.path(), &dir.path().join("site.db"));
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command.spawn().unwrap();
    let lines: Vec<String> = BufReader::new(child.stderr.take().unwrap())
        .lines()
        .map_while(Result::ok)
        .take_while(|line| !line.contains("serving Klimadialog"))
        .collect();
    let _ = child.kill();
    let status = child.wait().unwrap();
    match status.code() {
        // Killed by us after it started: it was serving.
        None => Ok(()),
        code => Err((code, lines.join("\n"))),
    }
}

#[test]
fn a_production_start_without_mail_or_over_plain_http_is_refused_with_the_reason() {
    // No mail server and no demo: residents could never sign in, and before, their codes went
    // to the log. Refused, with what to do.
    let (code, log) = try_serve(&[("KLIMADIALOG_DEMO", "false")]).unwrap_err();
    assert_eq!(code, Some(64), "{log}");
    assert!(log.contains("no SMTP_URL"), "{log}");
    assert!(log.contains("KLIMADIALOG_MAIL_OUTBOX"), "{log}");
    try_serve(&[
        ("KLIMADIALOG_DEMO", "false"),
        ("KLIMADIALOG_MAIL_OUTBOX", "true"),
    ])
    .expect("the development switch starts it");

    // A public address over plain http that is not this machine: cookies would travel
    // unencrypted. Refused unless explicitly allowed.
    let public = [
        ("KLIMADIALOG_PUBLIC_URL", "http://klimadialog.aalborg.dk"),
        ("SMTP_URL", "smtp://127.0.0.1:2525"),
        ("MAIL_FROM", "Aalborg Kommune <klimadialog@aalborg.example>"),
    ];
    let (code, log) = try_serve(&public).unwrap_err();
    assert_eq!(code, Some(64), "{log}");
    assert!(log.contains("is not https://"), "{log}");
    let mut allowed = public.to_vec();
    allowed.push(("KLIMADIALOG_ALLOW_HTTP", "true"));
    try_serve(&allowed).expect("allowed for a test installation");
    // A mail server needs a sender residents can trust, not "localhost".
    let (code, log) = try_serve(&[
        ("KLIMADIALOG_PUBLIC_URL", "https://klimadialog.aalborg.dk"),
        ("SMTP_URL", "smtp://127.0.0.1:2525"),
    ])
    .unwrap_err();
    assert_eq!(code, Some(64), "{log}");
    assert!(log.contains("MAIL_FROM is not set"), "{log}");
    try_serve(&[
        ("KLIMADIALOG_PUBLIC_URL", "https://klimadialog.aalborg.dk"),
        ("SMTP_URL", "smtp://127.0.0.1:2525"),
        ("MAIL_FROM", "Aalborg Kommune <klimadialog@aalborg.example>"),
    ])
    .expect("https starts");
    // An accessibility statement address that is not https:// is a typo, not a statement.
    let (code, log) = try_serve(&[(
        "KLIMADIALOG_ACCESSIBILITY_STATEMENT_URL",
        "was.digst.dk/klimadialog-aalborg-dk",
    )])
    .unwrap_err();
    assert_eq!(code, Some(64), "{log}");
    assert!(
        log.contains("KLIMADIALOG_ACCESSIBILITY_STATEMENT_URL"),
        "{log}"
    );
}
