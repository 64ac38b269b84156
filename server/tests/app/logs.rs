//! The log as an operator reads it: the real binary, JSON lines on stderr. A failure is logged
//! once, inside its request's span (id, method, route), naming the function it happened in.

use std::io::{BufRead, BufReader};
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

use klimadialog::storage::now;
use serde_json::Value;

use crate::cli::serve_command;
use crate::test_app::insert_published_idea;

#[tokio::test]
async fn a_storage_failure_is_logged_once_with_its_request_route_and_function() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("site.db");
    let url = db_path.to_str().unwrap().to_owned();
    // A published idea and a signed-in resident, made before the server starts.
    let db = klimadialog_server::open_database(&url, false)
        .await
        .unwrap();
    let idea = insert_published_idea(
        &db,
        "Flere cykelstier",
        "Cykelstier langs Hobrovej og Vesterbro.",
        None,
    )
    .await;
    let resident = db.resident_for_email("a@example.dk", now()).await.unwrap();
    let session = klimadialog::signin::start_session(&db, resident, None, now())
        .await
        .unwrap();
    db.close().await;

    let mut child = serve_command(dir.path(), &db_path).spawn().unwrap();
    let (send, lines) = mpsc::channel::<Value>();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Ok(value) = serde_json::from_str(&line)
                && send.send(value).is_err()
            {
                break;
            }
        }
    });
    let address = lines
        .iter()
        .find_map(|line| line["fields"]["address"].as_str().map(str::to_owned))
        .expect("the server logs its address");

    // The database refuses every new support, as a real fault would (a trigger, not a mock).
    let mut raw = <sqlx::SqliteConnection as sqlx::Connection>::connect(&format!("sqlite:{url}"))
        .await
        .unwrap();
    sqlx::query(
        "CREATE TRIGGER refuse_supports BEFORE INSERT ON supports
         BEGIN SELECT RAISE(ABORT, 'disk I/O fault for the test'); END",
    )
    .execute(&mut raw)
    .await
    .unwrap();

    let response = reqwest::Client::new()
        .post(format!("http://{address}/fn/ideas/support"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .header("referer", format!("http://{address}/ideas/{}", idea.0))
        .header("cookie", format!("session={}", session.as_str()))
        .body(format!(
            "idea={}&support=true&next=%2Fideas%2F{}",
            idea.0, idea.0
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 500);

    // Stop the server so the log is complete, then read all of it.
    let stopped = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(stopped.success());
    child.wait().unwrap();
    let rest: Vec<Value> =
        std::iter::from_fn(|| lines.recv_timeout(Duration::from_secs(5)).ok()).collect();
    let failures: Vec<&Value> = rest
        .iter()
        .filter(|line| matches!(line["level"].as_str(), Some("ERROR" | "WARN")))
        .filter(|line| line.to_string().contains("fault for the test"))
        .collect();
    assert_eq!(failures.len(), 1, "logged once: {failures:#?}");
    let failure = failures[0];
    assert_eq!(failure["fields"]["during"], "set_support", "{failure:#}");
    let request = &failure["span"];
    assert_eq!(request["name"], "request", "{failure:#}");
    assert_eq!(request["route"], "/fn/ideas/support", "{failure:#}");
    assert_eq!(request["method"], "POST", "{failure:#}");
    assert!(request["id"].as_u64().is_some(), "{failure:#}");
    // Nothing personal: not the session, not the address.
    let all = serde_json::to_string(&rest).unwrap();
    assert!(!all.contains(session.as_str()));
    assert!(!all.contains("a@example.dk"));
}
