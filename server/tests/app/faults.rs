//! Faults from outside, against the real binary: the disk that holds the database fills up
//! while residents support and propose, then space comes back. While it is full, residents are
//! told to try again (503, never a 500) and `/healthz` says the site cannot write; once space is
//! back, every request works again without a restart, and nothing acknowledged is lost.
//!
//! The disk is a real filesystem of its own (a 32 MB tmpfs), filled by another file as a log
//! or a backup would fill it. Mounting needs root, which the test machines and CI have.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::workload::{
    Ledger, Resident, ServerProcess, prepare, published_ideas, residents, verify,
};

const CLIENTS: usize = 12;

/// A small filesystem of the test's own; unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(megabytes: u32) -> SmallDisk {
        let dir = tempfile::tempdir().unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(dir.path())
            .status()
            .expect("mount(8)");
        assert!(
            status.success(),
            "mounting a tmpfs for the full-disk test needs root"
        );
        SmallDisk { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the filesystem to the last block with another file; returns it.
    fn fill(&self) -> PathBuf {
        use std::io::Write;
        let path = self.path().join("ballast");
        let mut file = std::fs::File::create(&path).unwrap();
        for size in [1 << 20, 1 << 16, 1 << 12, 1 << 9] {
            let block = vec![7u8; size];
            while file.write_all(&block).is_ok() {}
        }
        let _ = file.sync_all();
        path
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// Every resident acts at full speed for `time`.
async fn run(
    residents: &Arc<Vec<Mutex<Resident>>>,
    base: &str,
    ideas: &Arc<Vec<i64>>,
    ledger: &Arc<Mutex<Ledger>>,
    time: Duration,
) {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let until = Instant::now() + time;
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..residents.len() {
        let (residents, ideas, ledger) = (residents.clone(), ideas.clone(), ledger.clone());
        let (client, base) = (client.clone(), base.to_owned());
        tasks.spawn(async move {
            let mut resident = residents[n].lock().unwrap().clone();
            while Instant::now() < until {
                resident.act(&client, &base, &ideas, &ledger).await;
            }
            *residents[n].lock().unwrap() = resident;
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.unwrap();
    }
}

async fn health(client: &reqwest::Client, base: &str) -> u16 {
    client
        .get(format!("{base}/healthz"))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// The errors written to the ledger since `from`.
fn errors_since(ledger: &Mutex<Ledger>, from: usize) -> Vec<String> {
    ledger.lock().unwrap().errors[from..].to_vec()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn after_a_full_disk_every_request_works_again_and_nothing_acknowledged_is_lost() {
    let disk = SmallDisk::mount(32);
    let database = disk.path().join("site.db");
    let cookies = prepare(&database, CLIENTS).await;
    let server = ServerProcess::start(disk.path(), &database);
    let client = reqwest::Client::new();
    let ideas = Arc::new(published_ideas(&client, &server.base).await);
    let residents = residents(cookies, 1);
    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let base = server.base.clone();

    run(&residents, &base, &ideas, &ledger, Duration::from_secs(2)).await;
    assert_eq!(errors_since(&ledger, 0), Vec::<String>::new());
    assert_eq!(health(&client, &base).await, 200);

    // Another file takes the last of the disk. Writes go on until the database needs more
    // room than it has, and from then on fail.
    let ballast = disk.fill();
    let full_from = ledger.lock().unwrap().errors.len();
    let deadline = Instant::now() + Duration::from_secs(60);
    while health(&client, &base).await != 503 {
        assert!(
            Instant::now() < deadline,
            "/healthz never said the disk is full"
        );
        run(
            &residents,
            &base,
            &ideas,
            &ledger,
            Duration::from_millis(500),
        )
        .await;
    }
    run(&residents, &base, &ideas, &ledger, Duration::from_secs(1)).await;
    let refused = errors_since(&ledger, full_from);
    assert!(!refused.is_empty(), "writes failed while the disk was full");
    for error in &refused {
        assert!(
            error.contains(" 503 ") || error.ends_with(" 503") || error.contains(": 503"),
            "a full disk is a 503 (try again), not {error}"
        );
    }
    // A resident without JavaScript is told what happened, in Danish.
    let cookie = residents[0].lock().unwrap().cookie.clone();
    let form = client
        .post(format!("{base}/fn/ideas/support"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .header("referer", format!("{base}/ideas/{}", ideas[0]))
        .header("cookie", &cookie)
        .body(format!("idea={}&support=true&next=%2F", ideas[0]))
        .send()
        .await
        .unwrap();
    if form.status().is_server_error() {
        assert_eq!(form.status(), 503);
        let page = form.text().await.unwrap();
        assert!(page.contains("Prøv igen om lidt"), "{page}");
        assert!(page.contains(&format!(r#"href="/ideas/{}""#, ideas[0])));
    }
    assert_eq!(health(&client, &base).await, 503);

    // Space comes back: from the next request on, everything works, without a restart.
    std::fs::remove_file(&ballast).unwrap();
    assert_eq!(health(&client, &base).await, 200);
    let back_from = ledger.lock().unwrap().errors.len();
    run(&residents, &base, &ideas, &ledger, Duration::from_secs(3)).await;
    assert_eq!(errors_since(&ledger, back_from), Vec::<String>::new());
    assert_eq!(health(&client, &base).await, 200);

    server.stop();
    let ledger = ledger.lock().unwrap().clone();
    assert!(!ledger.supports.is_empty() && !ledger.proposals.is_empty());
    verify(&database, &ledger, CLIENTS).await;
}
