//! Residents at full speed against the real `klimadialog` binary: supports, withdrawals,
//! proposals and page reads, each client remembering what the server acknowledged, so the
//! durability and load tests can check that nothing acknowledged was lost.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use klimadialog::IdeaId;
use klimadialog::storage::{Db, now};

const BIN: &str = env!("CARGO_BIN_EXE_klimadialog");

/// The server binary, started on port 0 over a database file.
pub struct ServerProcess {
    child: Child,
    pub base: String,
    log: Arc<Mutex<Vec<String>>>,
}

impl ServerProcess {
    pub fn start(dir: &Path, database: &Path) -> ServerProcess {
        ServerProcess::start_with(dir, database, &[])
    }

    /// [`ServerProcess::start`] with more (or other) environment variables.
    pub fn start_with(dir: &Path, database: &Path, env: &[(&str, &str)]) -> ServerProcess {
        let mut command = Command::new(BIN);
        command
            .arg("serve")
            .env("DATABASE_URL", database)
            .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
            .env("KLIMADIALOG_METRICS_ADDR", "127.0.0.1:0")
            .env("LEPTOS_SITE_ROOT", dir)
            .env("KLIMADIALOG_DATA_DIR", dir)
            .env("KLIMADIALOG_DEMO", "false")
            .env("KLIMADIALOG_MAIL_OUTBOX", "true")
            .env("KLIMADIALOG_RATE_LIMITS", "false")
            .env("KLIMADIALOG_LOG_FORMAT", "json")
            .env("RUST_LOG", "warn,klimadialog_server=info");
        for (name, value) in env {
            command.env(name, value);
        }
        let mut child = command.stderr(Stdio::piped()).spawn().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (found, address) = std::sync::mpsc::channel();
        let lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let kept = log.clone();
        // Drains the log for the server's whole life, so a full pipe never stalls it.
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                let value: Option<serde_json::Value> = serde_json::from_str(&line).ok();
                if let Some(address) = value.as_ref().and_then(|v| v["fields"]["address"].as_str())
                {
                    let _ = found.send(address.to_owned());
                }
                crate::test_app::log_watch::check(&line);
                kept.lock().unwrap().push(line);
            }
        });
        let address = address
            .recv_timeout(Duration::from_secs(60))
            .expect("the server logs its address");
        ServerProcess {
            child,
            base: format!("http://{address}"),
            log,
        }
    }

    /// SIGKILL: no shutdown, no checkpoint, as in a power cut of the process.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// SIGTERM, and waits for the clean shutdown.
    pub fn stop(mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        self.child.wait().unwrap();
    }

    /// The most memory the process has held so far (VmHWM, its peak resident set), in MB.
    pub fn peak_memory_mb(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let kib: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .expect("VmHWM in /proc/<pid>/status");
        kib / 1024
    }

    /// Where the server serves `/metrics` (`http://address`), as it logged at start.
    pub fn metrics_base(&self) -> String {
        let log = self.log.lock().unwrap();
        log.iter()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .find_map(|v| v["fields"]["metrics_address"].as_str().map(str::to_owned))
            .map(|address| format!("http://{address}"))
            .expect("the server logs its metrics address")
    }

    /// Everything the server logged so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }

    /// What the server logged as errors.
    pub fn problems(&self) -> Vec<String> {
        let log = self.log.lock().unwrap();
        log.iter()
            .filter(|l| l.contains("\"level\":\"ERROR\""))
            .cloned()
            .collect()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        crate::test_app::log_watch::assert_clean();
    }
}

/// Runs the binary with `args` over `database`; panics with its log if it fails.
pub fn run_cli(database: &Path, args: &[&str]) {
    let out = Command::new(BIN)
        .env("DATABASE_URL", database)
        .env("RUST_LOG", "warn")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "klimadialog {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A demo database with `residents` signed-in residents; returns their session cookies.
pub async fn prepare(database: &Path, residents: usize) -> Vec<String> {
    let url = database.to_str().unwrap();
    let db = klimadialog_server::open_database(url, true).await.unwrap();
    let mut cookies = Vec::new();
    for n in 0..residents {
        let resident = db
            .resident_for_email(&format!("load-{n}@example.org"), now())
            .await
            .unwrap();
        let token = klimadialog::signin::start_session(&db, resident, None, now())
            .await
            .unwrap();
        cookies.push(format!("session={}", token.as_str()));
    }
    db.close().await;
    cookies
}

/// One client per session cookie, each with dice of its own drawn from `seed`.
pub fn residents(cookies: Vec<String>, seed: u64) -> std::sync::Arc<Vec<Mutex<Resident>>> {
    std::sync::Arc::new(
        cookies
            .into_iter()
            .enumerate()
            .map(|(n, cookie)| {
                Mutex::new(Resident {
                    n,
                    cookie,
                    dice: Dice::new(seed.wrapping_add(n as u64 * 7919)),
                })
            })
            .collect(),
    )
}

/// A small, seedable generator: the tests print their seed, so a failure can be replayed.
#[derive(Clone)]
pub struct Dice(u64);

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice(seed | 1)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

pub fn seed_from_clock() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
}

/// What the server acknowledged, and what it was asked without an answer (the process died).
#[derive(Default, Clone)]
pub struct Ledger {
    /// (client, idea) → supported, for answers received.
    pub supports: HashMap<(usize, i64), bool>,
    /// Pairs asked about whose answer never came: either outcome is right.
    pub uncertain: std::collections::HashSet<(usize, i64)>,
    /// How often each pair was asked about, answered or not.
    pub asked: HashMap<(usize, i64), u64>,
    /// Ideas whose proposal was acknowledged, with their titles.
    pub proposals: Vec<(i64, String)>,
    pub reads: u64,
    /// Requests answered with anything unexpected (a 5xx, a refusal): must stay empty.
    pub errors: Vec<String>,
}

/// One resident's client: one support, withdrawal, proposal or read after another.
#[derive(Clone)]
pub struct Resident {
    pub n: usize,
    pub cookie: String,
    pub dice: Dice,
}

/// What kind of thing a resident does, in proportion.
pub fn pick(dice: &mut Dice) -> Action {
    match dice.below(100) {
        0..=39 => Action::Read,
        40..=94 => Action::Support,
        _ => Action::Propose,
    }
}

#[derive(Debug, Clone, Copy)]
pub enum Action {
    Read,
    Support,
    Propose,
}

impl Resident {
    /// Does one thing and writes its outcome in the ledger. A connection error (the server was
    /// killed) leaves the outcome uncertain; it is not an error.
    pub async fn act(
        &mut self,
        client: &reqwest::Client,
        base: &str,
        ideas: &[i64],
        ledger: &Mutex<Ledger>,
    ) {
        let idea = ideas[self.dice.below(ideas.len() as u64) as usize];
        match pick(&mut self.dice) {
            Action::Read => self.read(client, base, idea, ledger).await,
            Action::Support => self.support(client, base, idea, ledger).await,
            Action::Propose => self.propose(client, base, ledger).await,
        }
    }

    async fn read(
        &mut self,
        client: &reqwest::Client,
        base: &str,
        idea: i64,
        ledger: &Mutex<Ledger>,
    ) {
        let path = match self.dice.below(4) {
            0 => "/".to_owned(),
            1 => "/ideas?sort=trending".to_owned(),
            2 => "/ideas?q=cykelsti".to_owned(),
            _ => format!("/ideas/{idea}"),
        };
        if let Ok(response) = client.get(format!("{base}{path}")).send().await {
            let status = response.status();
            let body = response.text().await;
            let mut ledger = ledger.lock().unwrap();
            if status.is_success() && body.is_ok() {
                ledger.reads += 1;
            } else if body.is_ok() {
                ledger.errors.push(format!("GET {path}: {status}"));
            }
        }
    }

    async fn support(
        &mut self,
        client: &reqwest::Client,
        base: &str,
        idea: i64,
        ledger: &Mutex<Ledger>,
    ) {
        let key = (self.n, idea);
        let want = !ledger
            .lock()
            .unwrap()
            .supports
            .get(&key)
            .copied()
            .unwrap_or(false);
        {
            let mut ledger = ledger.lock().unwrap();
            ledger.uncertain.insert(key);
            *ledger.asked.entry(key).or_default() += 1;
        }
        let sent = client
            .post(format!("{base}/fn/ideas/support"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .header("referer", format!("{base}/ideas/{idea}"))
            .header("cookie", &self.cookie)
            .body(format!("idea={idea}&support={want}&next=%2F"))
            .send()
            .await;
        let Ok(response) = sent else { return };
        let status = response.status();
        let Ok(body) = response.text().await else {
            return;
        };
        let mut ledger = ledger.lock().unwrap();
        match serde_json::from_str::<serde_json::Value>(&body) {
            Ok(state) if status.is_success() && state["supported"] == want => {
                ledger.supports.insert(key, want);
                ledger.uncertain.remove(&key);
            }
            _ => ledger
                .errors
                .push(format!("support {key:?}: {status} {body}")),
        }
    }

    async fn propose(&mut self, client: &reqwest::Client, base: &str, ledger: &Mutex<Ledger>) {
        let title = format!(
            "Flere træer på vej {} nr. {}",
            self.n,
            self.dice.below(1_000_000)
        );
        let fields = crate::test_app::proposal_form(
            &title,
            "Plant træer langs vejen, så der bliver skygge og mindre trafikstøj.",
        );
        let mut form = reqwest::multipart::Form::new();
        for (name, value) in fields {
            form = form.text(name, value.to_owned());
        }
        let draft = client
            .post(format!("{base}/ideas/new"))
            .header("accept", "text/html")
            .header("referer", format!("{base}/ideas/new"))
            .header("cookie", &self.cookie)
            .multipart(form)
            .send()
            .await;
        let Ok(draft) = draft else { return };
        let draft_cookie = draft
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("draft="))
            .and_then(|v| v.split(';').next())
            .map(str::to_owned);
        let Some(draft_cookie) = draft_cookie else {
            let status = draft.status();
            if status.is_client_error() || status.is_server_error() {
                ledger
                    .lock()
                    .unwrap()
                    .errors
                    .push(format!("draft: {status}"));
            }
            return;
        };
        let submitted = client
            .post(format!("{base}/fn/ideas/submit"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "text/html")
            .header("referer", format!("{base}/ideas/new/review"))
            .header("cookie", format!("{}; {draft_cookie}", self.cookie))
            .send()
            .await;
        let Ok(submitted) = submitted else { return };
        let location = submitted
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let mut ledger = ledger.lock().unwrap();
        match location
            .strip_prefix("/ideas/")
            .and_then(|id| id.parse().ok())
        {
            Some(id) => ledger.proposals.push((id, title)),
            None => ledger
                .errors
                .push(format!("submit: {} to {location:?}", submitted.status())),
        }
    }
}

/// Checks that everything acknowledged is in the database: each support or withdrawal as last
/// answered, each proposed idea with its title.
pub async fn verify(database: &Path, ledger: &Ledger, residents: usize) {
    let db = Db::open(database.to_str().unwrap()).await.unwrap();
    assert!(db.integrity_ok().await.unwrap(), "PRAGMA integrity_check");
    assert!(db.support_counts_agree().await.unwrap(), "cached counts");
    let ids: Vec<klimadialog::ResidentId> = {
        let mut ids = Vec::new();
        for n in 0..residents {
            ids.push(
                db.resident_for_email(&format!("load-{n}@example.org"), now())
                    .await
                    .unwrap(),
            );
        }
        ids
    };
    for (&(client, idea), &supported) in &ledger.supports {
        if ledger.uncertain.contains(&(client, idea)) {
            continue;
        }
        let stored = db.has_support(IdeaId(idea), ids[client]).await.unwrap();
        assert_eq!(stored, supported, "resident {client}, idea {idea}");
    }
    for (id, title) in &ledger.proposals {
        let found = db.ideas_with_title(title).await.unwrap();
        assert!(
            found.iter().any(|(i, _, _)| i == id),
            "idea {id} {title:?} lost"
        );
    }
    db.close().await;
}

/// The published ideas, as the open data lists them.
pub async fn published_ideas(client: &reqwest::Client, base: &str) -> Vec<i64> {
    let list: serde_json::Value = client
        .get(format!("{base}/api/ideas.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ideas: Vec<i64> = list["ideas"]
        .as_array()
        .or(list.as_array())
        .unwrap()
        .iter()
        .filter_map(|idea| idea["id"].as_i64())
        .collect();
    assert!(!ideas.is_empty());
    ideas
}
