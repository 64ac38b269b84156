//! Durability: residents support, withdraw and propose at full speed while the server is
//! killed with SIGKILL at random moments, ten times; after each restart every acknowledged
//! write is in the database and SQLite's integrity check passes. A backup is taken while the
//! load runs and restored at the end.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::workload::{
    Dice, Ledger, Resident, ServerProcess, prepare, published_ideas, residents, run_cli,
    seed_from_clock, verify,
};

const KILLS: usize = 10;
const CLIENTS: usize = 24;

/// Runs the residents against `base` until the returned flag is set; they stop at the next
/// failed request once the server is gone.
fn unleash(
    residents: &Arc<Vec<Mutex<Resident>>>,
    base: &str,
    ideas: &Arc<Vec<i64>>,
    ledger: &Arc<Mutex<Ledger>>,
    stop: &Arc<std::sync::atomic::AtomicBool>,
) -> tokio::task::JoinSet<()> {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..residents.len() {
        let (residents, ideas, ledger, stop) = (
            residents.clone(),
            ideas.clone(),
            ledger.clone(),
            stop.clone(),
        );
        let (client, base) = (client.clone(), base.to_owned());
        tasks.spawn(async move {
            let mut resident = residents[n].lock().unwrap().clone();
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                resident.act(&client, &base, &ideas, &ledger).await;
            }
            *residents[n].lock().unwrap() = resident;
        });
    }
    tasks
}

/// A copy of what was acknowledged and asked so far.
fn snapshot(ledger: &Mutex<Ledger>) -> Ledger {
    ledger.lock().unwrap().clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn acknowledged_writes_survive_sigkill_and_the_backup_restores() {
    let seed = seed_from_clock();
    eprintln!("durability seed: {seed}");
    let mut dice = Dice::new(seed);
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("site.db");
    let cookies = prepare(&database, CLIENTS).await;
    let residents = residents(cookies, seed);
    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let backup = dir.path().join("backup.db");
    let mut acknowledged_before_backup = None;
    let mut ideas = None;
    for round in 0..KILLS {
        let server = ServerProcess::start(dir.path(), &database);
        let plain = reqwest::Client::new();
        let ideas = match &ideas {
            Some(ideas) => Arc::clone(ideas),
            None => ideas
                .insert(Arc::new(published_ideas(&plain, &server.base).await))
                .clone(),
        };
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let tasks = unleash(&residents, &server.base, &ideas, &ledger, &stop);
        if round == KILLS / 2 {
            // Online backup: taken while the residents keep writing.
            tokio::time::sleep(Duration::from_millis(300)).await;
            let before = snapshot(&ledger);
            let (db_path, backup_path) = (database.clone(), backup.clone());
            tokio::task::spawn_blocking(move || {
                run_cli(&db_path, &["backup", backup_path.to_str().unwrap()])
            })
            .await
            .unwrap();
            // A pair asked about while the backup was being made may be in it either way.
            let mut before = before;
            let after = snapshot(&ledger);
            for (pair, asked) in &after.asked {
                if before.asked.get(pair) != Some(asked) {
                    before.uncertain.insert(*pair);
                }
            }
            acknowledged_before_backup = Some(before);
        }
        tokio::time::sleep(Duration::from_millis(200 + dice.below(1300))).await;
        server.kill();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        tasks.join_all().await;
        let now = snapshot(&ledger);
        assert!(now.errors.is_empty(), "round {round}: {:?}", now.errors);
        verify(&database, &now, CLIENTS).await;
    }
    let ledger = snapshot(&ledger);
    let supports = ledger.supports.len();
    eprintln!(
        "durability: {supports} support pairs, {} proposals, {} reads acknowledged; {} pairs in flight at a kill",
        ledger.proposals.len(),
        ledger.reads,
        ledger.uncertain.len()
    );
    assert!(
        supports > 100,
        "the load did something: {supports} supports"
    );
    assert!(!ledger.proposals.is_empty(), "and proposed ideas");

    // The backup holds everything acknowledged before it started, and restores.
    let before = acknowledged_before_backup.unwrap();
    verify(&backup, &before, CLIENTS).await;
    run_cli(&database, &["restore", backup.to_str().unwrap()]);
    let restored = ServerProcess::start(dir.path(), &database);
    let health = reqwest::get(format!("{}/healthz", restored.base))
        .await
        .unwrap();
    assert!(health.status().is_success());
    assert!(restored.problems().is_empty(), "{:?}", restored.problems());
    restored.kill();
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("site.db.replaced-")
        })
        .collect();
    assert_eq!(kept.len(), 1, "the replaced database is kept");
}
