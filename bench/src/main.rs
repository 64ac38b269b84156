//! The helpers `bench/run` measures the site against, in one binary so every figure comes from
//! the same run on the same machine:
//!
//! - `ceiling`: a bare axum handler that answers every request with a page's number of bytes
//!   from memory; no page of the site can be faster than this on this machine.
//! - `sqlite-writes`: single-row insert transactions on a fresh SQLite file with the site's
//!   settings (WAL, `synchronous = FULL`), one after another; no durable write can be faster.
//! - `sessions`: signed-in residents for the load generator, one session token per line.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::{Duration, Instant};

use axum::Router;
use axum::http::header;
use clap::Parser;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{Connection, SqliteConnection};

#[derive(Parser)]
enum Bench {
    /// Serve `bytes` bytes of HTML from memory on every path.
    Ceiling {
        #[arg(long)]
        bytes: usize,
        #[arg(long)]
        addr: SocketAddr,
    },
    /// Commit single-row inserts for `seconds`; prints transactions per second.
    SqliteWrites {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 10)]
        seconds: u64,
    },
    /// Make `count` residents with sessions in the database; prints one token per line.
    Sessions {
        #[arg(long)]
        db: String,
        #[arg(long)]
        count: usize,
    },
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    match Bench::parse() {
        Bench::Ceiling { bytes, addr } => ceiling(bytes, addr).await,
        Bench::SqliteWrites { db, seconds } => sqlite_writes(db, seconds).await,
        Bench::Sessions { db, count } => sessions(&db, count).await,
    }
}

async fn ceiling(bytes: usize, addr: SocketAddr) -> Result<(), Box<dyn std::error::Error>> {
    let body = axum::body::Bytes::from(vec![b'x'; bytes]);
    let app = Router::new().fallback(move || {
        let body = body.clone();
        async move { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body) }
    });
    let listener = tokio::net::TcpListener::bind(addr).await?;
    axum::serve(listener, app).await?;
    Ok(())
}

async fn sqlite_writes(db: PathBuf, seconds: u64) -> Result<(), Box<dyn std::error::Error>> {
    let options = SqliteConnectOptions::from_str("sqlite://")?
        .filename(&db)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full);
    let mut conn = SqliteConnection::connect_with(&options).await?;
    sqlx::query("CREATE TABLE IF NOT EXISTS writes (id INTEGER PRIMARY KEY, idea INTEGER, resident INTEGER, at INTEGER)")
        .execute(&mut conn)
        .await?;
    let started = Instant::now();
    let mut done: u64 = 0;
    while started.elapsed() < Duration::from_secs(seconds) {
        let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query("INSERT INTO writes (idea, resident, at) VALUES (?, ?, ?)")
            .bind((done % 10_000) as i64)
            .bind(done as i64)
            .bind(done as i64)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        done += 1;
    }
    println!("{:.0}", done as f64 / started.elapsed().as_secs_f64());
    Ok(())
}

async fn sessions(db: &str, count: usize) -> Result<(), Box<dyn std::error::Error>> {
    use klimadialog::storage::{Db, now};
    let db = Db::open(db).await?;
    for n in 0..count {
        let resident = db
            .resident_for_email(&format!("bench-{n}@example.org"), now())
            .await?;
        let token = klimadialog::signin::start_session(&db, resident, None, now()).await?;
        println!("{}", token.as_str());
    }
    db.close().await;
    Ok(())
}
