//! Load without loss: many residents at once for a bounded time against the real binary on
//! loopback, mixing page reads, supports, withdrawals and proposals. No request may fail, and
//! at the end every idea's support count is exactly what the answers said.
//!
//! The suite runs a short version (100 clients, 10 s); `scripts/load-test` runs the full one
//! (500 clients, 2 minutes, release build). `KLIMADIALOG_LOAD_CLIENTS` and
//! `KLIMADIALOG_LOAD_SECONDS` set them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use klimadialog::IdeaId;
use klimadialog::storage::Db;

use crate::workload::{
    Dice, Ledger, Resident, ServerProcess, prepare, published_ideas, seed_from_clock, verify,
};

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn support_counts(database: &std::path::Path, ideas: &[i64]) -> HashMap<i64, i64> {
    let db = Db::open(database.to_str().unwrap()).await.unwrap();
    let mut counts = HashMap::new();
    for &idea in ideas {
        counts.insert(idea, db.support_count(IdeaId(idea)).await.unwrap().unwrap());
    }
    db.close().await;
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn many_residents_at_once_lose_nothing_and_counts_are_exact() {
    let clients = setting("KLIMADIALOG_LOAD_CLIENTS", 100) as usize;
    let seconds = setting("KLIMADIALOG_LOAD_SECONDS", 10);
    let seed = seed_from_clock();
    eprintln!("load: {clients} clients for {seconds} s, seed {seed}");
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("site.db");
    let cookies = prepare(&database, clients).await;
    let server = ServerProcess::start(dir.path(), &database);
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .pool_max_idle_per_host(clients)
        .build()
        .unwrap();
    let ideas = Arc::new(published_ideas(&client, &server.base).await);
    let before = support_counts(&database, &ideas).await;

    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for (n, cookie) in cookies.into_iter().enumerate() {
        let (client, base, ideas, ledger) = (
            client.clone(),
            server.base.clone(),
            ideas.clone(),
            ledger.clone(),
        );
        tasks.spawn(async move {
            let mut resident = Resident {
                n,
                cookie,
                dice: Dice::new(seed.wrapping_add(n as u64 * 7919)),
            };
            while Instant::now() < deadline {
                resident.act(&client, &base, &ideas, &ledger).await;
            }
        });
    }
    tasks.join_all().await;
    let elapsed = started.elapsed().as_secs_f64();
    let problems = server.problems();
    server.stop();

    let ledger = ledger.lock().unwrap().clone();
    let writes = ledger.asked.values().sum::<u64>() + ledger.proposals.len() as u64;
    eprintln!(
        "load: {:.0} requests/s ({} reads, {writes} writes, {} proposals) in {elapsed:.1} s",
        (ledger.reads + writes) as f64 / elapsed,
        ledger.reads,
        ledger.proposals.len()
    );
    assert!(ledger.errors.is_empty(), "{:?}", ledger.errors);
    assert!(
        ledger.uncertain.is_empty(),
        "unanswered: {:?}",
        ledger.uncertain
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert!(ledger.reads > 0 && writes > 0 && !ledger.proposals.is_empty());
    verify(&database, &ledger, clients).await;
    let after = support_counts(&database, &ideas).await;
    for &idea in ideas.iter() {
        let added = ledger
            .supports
            .iter()
            .filter(|((_, i), supported)| *i == idea && **supported)
            .count() as i64;
        assert_eq!(after[&idea], before[&idea] + added, "idea {idea}");
    }
}
