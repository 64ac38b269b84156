//! The helpers `bench/run` measures the site against, in one binary so every figure comes from
//! the same run on the same machine:
//!
//! - `ceiling`: a bare axum handler that answers every request with a page's number of bytes
//!   from memory; no page of the site can be faster than this on this machine.
//! - `sqlite-writes`: single-row insert transactions on a fresh SQLite file with the site's
//!   settings (WAL, `synchronous = FULL`), one after another; no durable write can be faster.
//! - `sessions`: signed-in residents for the load generator, one session token per line.
//! - `followers`: a status change on an idea with 20 000 supporters, timed: the transaction that
//!   queues their mails at once, and the next morning's digest round for them.

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
    /// On a fresh database at `db`: `supporters` residents support two ideas; prints the
    /// milliseconds of the status change that queues a mail at once for each, of one that
    /// goes to their digests instead, and of the morning round that queues the digests, and
    /// how many digests it queued.
    Followers {
        #[arg(long)]
        db: String,
        #[arg(long, default_value_t = 20_000)]
        supporters: i64,
    },
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    match Bench::parse() {
        Bench::Ceiling { bytes, addr } => ceiling(bytes, addr).await,
        Bench::SqliteWrites { db, seconds } => sqlite_writes(db, seconds).await,
        Bench::Sessions { db, count } => sessions(&db, count).await,
        Bench::Followers { db, supporters } => followers(&db, supporters).await,
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

async fn followers(path: &str, supporters: i64) -> Result<(), Box<dyn std::error::Error>> {
    use klimadialog::answer::OfficialAnswer;
    use klimadialog::storage::{Db, NewIdea, now};
    use klimadialog::{Category, CategoryKey, IdeaDescription, IdeaTitle, ModerationState};

    let db = Db::open(path).await?;
    klimadialog::demo::install_reference_data(&db).await?;
    let staff = db
        .insert_staff(
            "bench",
            "$argon2id$x",
            klimadialog::staff::StaffRole::Admin,
            now(),
        )
        .await?;
    let mut ideas = Vec::new();
    for title in [
        "Gratis bybusser i hele kommunen",
        "Cykelsti langs hele fjorden",
    ] {
        ideas.push(
            db.insert_idea(&NewIdea {
                title: IdeaTitle::parse(title)?,
                description: IdeaDescription::parse("Mange vil bruge den, hvis den kommer.")?,
                category: Category::Sector(CategoryKey::parse("transport").ok_or("sector")?),
                area: klimadialog::AreaId(1),
                point: None,
                exact_point: false,
                photo: None,
                author: None,
                moderation: ModerationState::Published,
                created_at: now(),
            })
            .await?,
        );
    }
    // Where news starts: the first rounds cover nothing.
    db.make_digest_rounds(now()).await?;
    // The residents and their supports in bulk, on a connection of its own (the site's API
    // makes one at a time, which is not what is measured here).
    let options = SqliteConnectOptions::from_str("sqlite://")?
        .filename(klimadialog::storage::database_file(path))
        .journal_mode(SqliteJournalMode::Wal)
        .foreign_keys(true);
    let mut conn = SqliteConnection::connect_with(&options).await?;
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO residents (email, created_at) SELECT 'f' || i || '@example.org', 1 FROM n",
    )
    .bind(supporters)
    .execute(&mut conn)
    .await?;
    for idea in &ideas {
        sqlx::query(
            "INSERT INTO supports (idea_id, resident_id, created_at)
             SELECT ?, id, 1 FROM residents WHERE email LIKE 'f%'",
        )
        .bind(idea.0)
        .execute(&mut conn)
        .await?;
    }
    let answer = OfficialAnswer {
        da: "Det indgår i planen for den kollektive trafik.".into(),
        en: None,
    };
    // A status with an answer, timed: the transaction that queues whatever it queues.
    let answered = async |idea: klimadialog::IdeaId| -> Result<Duration, String> {
        let timed = Instant::now();
        db.answer_idea(
            idea,
            klimadialog::PublicStatus::UnderReview,
            Some(&answer),
            staff,
            now(),
        )
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| format!("{e:?}"))?;
        Ok(timed.elapsed())
    };
    let at_once = answered(ideas[0]).await?;
    // The same residents, now without mails at once: the second status goes to their digests.
    sqlx::query("UPDATE residents SET status_mails = 0")
        .execute(&mut conn)
        .await?;
    let to_digest = answered(ideas[1]).await?;
    let timed = Instant::now();
    let made = db.make_digest_rounds(now() + 86_400).await?;
    let round = timed.elapsed();
    let digests: u64 = made.iter().map(|m| m.mails).sum();
    println!(
        "{} {} {} {digests}",
        at_once.as_millis(),
        to_digest.as_millis(),
        round.as_millis()
    );
    db.close().await;
    Ok(())
}
