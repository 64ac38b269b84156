//! The real router on port 0 with a fresh SQLite file per test, asked over real HTTP.

#![allow(dead_code)] // each test file uses a different part

use std::collections::HashMap;

use klimadialog::storage::Db;
use klimadialog_server::config::ServeArgs;
use klimadialog_server::{open_database, router};
use reqwest::StatusCode;
use reqwest::redirect::Policy;

pub mod log_watch;

pub struct TestApp {
    pub base: String,
    pub db: Db,
    pub client: reqwest::Client,
    _dir: tempfile::TempDir,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        log_watch::assert_clean();
    }
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with_mail(None).await
    }

    pub async fn spawn_with_mail(smtp_url: Option<&str>) -> TestApp {
        TestApp::spawn_with(smtp_url, &[]).await
    }

    /// The app with more command-line options, such as `--moderation post`.
    pub async fn spawn_with(smtp_url: Option<&str>, options: &[&str]) -> TestApp {
        TestApp::start(smtp_url, options, true).await
    }

    /// Without the background mail worker, whose polling would show up in query counts.
    pub async fn spawn_without_mail_worker(options: &[&str]) -> TestApp {
        TestApp::start(None, options, false).await
    }

    /// The app on a site root holding these built files (`pkg/klimadialog.css`, …), as a
    /// release build leaves them.
    pub async fn spawn_with_built_files(files: &[(&str, &[u8])]) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        for (path, bytes) in files {
            let path = dir.path().join("site").join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        TestApp::start_in(dir, None, &[], false).await
    }

    async fn start(smtp_url: Option<&str>, options: &[&str], mail_worker: bool) -> TestApp {
        TestApp::start_in(tempfile::tempdir().unwrap(), smtp_url, options, mail_worker).await
    }

    async fn start_in(
        dir: tempfile::TempDir,
        smtp_url: Option<&str>,
        options: &[&str],
        mail_worker: bool,
    ) -> TestApp {
        log_watch::install();
        let db = open_database(dir.path().join("site.db").to_str().unwrap(), true)
            .await
            .unwrap();
        let args = {
            use clap::Parser;
            let list = test_arg_list(dir.path(), smtp_url);
            ServeArgs::parse_from(
                list.into_iter()
                    .chain(options.iter().map(|o| o.to_string())),
            )
        };
        let state = klimadialog_server::app_state(db.clone(), &args).unwrap();
        if mail_worker {
            klimadialog_server::mail_worker::spawn(
                state.clone(),
                args.mail_retry_seconds,
                args.mails_per_minute,
            );
        }
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let app = router(state, &args, &Default::default());
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

    /// A published transport idea in area 3, without point or photo, straight into the
    /// database: the starting point of tests about what happens to an idea afterwards.
    pub async fn insert_published_idea(
        &self,
        title: &str,
        description: &str,
        author: Option<klimadialog::ResidentId>,
    ) -> klimadialog::IdeaId {
        insert_published_idea(&self.db, title, description, author).await
    }

    /// The id of the (demo) idea with this title.
    pub async fn idea_id(&self, title: &str) -> i64 {
        self.db.ideas_with_title(title).await.unwrap()[0].0
    }

    /// Waits (up to twenty seconds) until the worker has recorded every mail of `queue` as
    /// sent: it records a mail just after the mail server took it, so a test that has read the
    /// mail may still be a moment ahead of the record. Returns how many are left unsent.
    pub async fn unsent_after_the_worker(&self, queue: klimadialog::storage::MailQueue) -> i64 {
        let until = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let left = self.db.unsent_mails(queue).await.unwrap();
            if left == 0 || std::time::Instant::now() > until {
                return left;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// The audit log's actions about one object, oldest first.
    pub async fn audit_actions(&self, object_type: &str, object_id: i64) -> Vec<String> {
        self.db
            .audit_of(object_type, object_id)
            .await
            .unwrap()
            .into_iter()
            .map(|(_, action, _, _)| action)
            .collect()
    }

    pub async fn get(&self, path: &str) -> (StatusCode, String) {
        self.get_with(path, &[]).await
    }

    /// A page's Content-Security-Policy and its HTML.
    pub async fn policy_and_page(&self, path: &str) -> (String, String) {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        let policy = response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        (policy, response.text().await.unwrap())
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

/// The propose form as a resident fills it in for a transport idea in 9000 Aalborg, picked
/// from the area list (no point).
pub const fn proposal_form<'a>(
    title: &'a str,
    description: &'a str,
) -> [(&'static str, &'a str); 8] {
    [
        ("kind", "mitigation"),
        ("sector", "transport"),
        ("theme", ""),
        ("area", "9000-aalborg"),
        ("lat", ""),
        ("lon", ""),
        ("title", title),
        ("description", description),
    ]
}

/// A published idea in Hasseris (area 3) about transport, straight into the database.
pub async fn insert_published_idea(
    db: &Db,
    title: &str,
    description: &str,
    author: Option<klimadialog::ResidentId>,
) -> klimadialog::IdeaId {
    use klimadialog::storage::{NewIdea, now};
    use klimadialog::{Category, CategoryKey, IdeaDescription, IdeaTitle, ModerationState};
    db.insert_idea(&NewIdea {
        title: IdeaTitle::parse(title).unwrap(),
        description: IdeaDescription::parse(description).unwrap(),
        category: Category::Sector(CategoryKey::parse("transport").unwrap()),
        area: klimadialog::AreaId(3),
        point: None,
        exact_point: false,
        photo: None,
        author: author.map(|a| a.0),
        moderation: ModerationState::Published,
        created_at: now(),
    })
    .await
    .unwrap()
}

/// Serve options for a test: everything inside the test's own folder; mail to `smtp_url`, or
/// to the outbox there.
pub fn test_args(dir: &std::path::Path, smtp_url: Option<&str>) -> ServeArgs {
    use clap::Parser;
    ServeArgs::parse_from(test_arg_list(dir, smtp_url))
}

fn test_arg_list(dir: &std::path::Path, smtp_url: Option<&str>) -> Vec<String> {
    let root = dir.join("site");
    let mut args = vec![
        "serve".to_owned(),
        "--site-addr".to_owned(),
        "127.0.0.1:0".to_owned(),
        "--site-root".to_owned(),
        root.to_str().unwrap().to_owned(),
        "--data-dir".to_owned(),
        dir.to_str().unwrap().to_owned(),
    ];
    if let Some(url) = smtp_url {
        args.extend([
            "--smtp-url".to_owned(),
            url.to_owned(),
            "--mail-from".to_owned(),
            "Aalborg Kommune – Klimadialog <klimadialog@aalborg.example>".to_owned(),
        ]);
    }
    args
}

pub fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// A response's Location header, or empty.
pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// A browser's cookie jar, reduced to what these tests need.
#[derive(Default)]
pub struct Jar(pub HashMap<String, String>);

impl Jar {
    pub fn take(&mut self, response: &reqwest::Response) {
        for header in response.headers().get_all("set-cookie") {
            let text = header.to_str().unwrap();
            let (pair, _) = text.split_once(';').unwrap_or((text, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if text.contains("Max-Age=0") {
                self.0.remove(name);
            } else {
                log_watch::secret(value);
                self.0.insert(name.to_owned(), value.to_owned());
            }
        }
    }

    pub fn header(&self) -> String {
        self.0
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

pub struct Browser<'a> {
    pub app: &'a TestApp,
    pub jar: Jar,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Browser<'a> {
        Browser {
            app,
            jar: Jar::default(),
        }
    }
}

impl Browser<'_> {
    /// Presses a follow or stop button (the form of `/fn/follow`): `kind` is idea, area,
    /// sector or action; returns the status and Location.
    pub async fn follow(
        &mut self,
        kind: &str,
        key: &str,
        follow: bool,
        next: &str,
    ) -> (StatusCode, String) {
        let follow = if follow { "true" } else { "false" };
        let fields = [
            ("kind", kind),
            ("key", key),
            ("follow", follow),
            ("next", next),
        ];
        self.post_form("/fn/follow", &fields).await
    }

    /// Posts a form as a browser without JavaScript does; returns the status and Location.
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{k}={}", klimadialog_app::url::encode_component(v)))
            .collect::<Vec<_>>()
            .join("&");
        let response = self
            .app
            .client
            .post(format!("{}{path}", self.app.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "text/html,application/xhtml+xml")
            .header("referer", format!("{}/signin", self.app.base))
            .header("cookie", self.jar.header())
            .body(body)
            .send()
            .await
            .unwrap();
        self.took(response)
    }

    /// Keeps the response's cookies; returns its status and Location.
    fn took(&mut self, response: reqwest::Response) -> (StatusCode, String) {
        self.jar.take(&response);
        (response.status(), location(&response))
    }

    pub async fn get(&mut self, path: &str) -> String {
        let cookie = self.jar.header();
        self.app.get_with(path, &[("cookie", &cookie)]).await.1
    }
}

impl Browser<'_> {
    /// Signs in as the resident with this address, as if the mailed code had been typed.
    pub async fn sign_in_as(&mut self, email: &str) -> klimadialog::ResidentId {
        use klimadialog::storage::now;
        let resident = self.app.db.resident_for_email(email, now()).await.unwrap();
        let token = klimadialog::signin::start_session(&self.app.db, resident, None, now())
            .await
            .unwrap();
        log_watch::secret(token.as_str());
        self.jar
            .0
            .insert("session".to_owned(), token.as_str().to_owned());
        resident
    }

    /// Posts a multipart form as a browser does, with an optional file in the `photo` field;
    /// returns the status and Location.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        photo: Option<Vec<u8>>,
    ) -> (StatusCode, String) {
        let mut form = reqwest::multipart::Form::new();
        for (name, value) in fields {
            form = form.text(name.to_string(), value.to_string());
        }
        let photo = photo.unwrap_or_default();
        let part = reqwest::multipart::Part::bytes(photo)
            .file_name("photo.jpg")
            .mime_str("image/jpeg")
            .unwrap();
        form = form.part("photo", part);
        let response = self
            .app
            .client
            .post(format!("{}{path}", self.app.base))
            .header("accept", "text/html,application/xhtml+xml")
            .header("cookie", self.jar.header())
            .multipart(form)
            .send()
            .await
            .unwrap();
        self.took(response)
    }
}

/// A demo idea that waits for a moderator.
pub const PENDING_DEMO_IDEA: &str = "Ladestandere på parkeringspladsen ved Klarup skole";
/// A published demo idea.
pub const PUBLIC_DEMO_IDEA: &str = "Sammenhængende cykelsti langs Vejgårdsvej";

/// The password of the test staff accounts.
pub const STAFF_PASSWORD: &str = "klimaplan-for-aalborg";

/// The app with an admin `anna` and a moderator `mo`.
pub async fn with_staff() -> TestApp {
    with_staff_and(&[]).await
}

/// [`with_staff`] with more command-line options.
pub async fn with_staff_and(options: &[&str]) -> TestApp {
    with_staff_mailing(None, options).await
}

/// [`with_staff_and`] sending mail to this SMTP server.
pub async fn with_staff_mailing(smtp_url: Option<&str>, options: &[&str]) -> TestApp {
    use klimadialog::staff::{Password, StaffRole, hash_password};
    use klimadialog::storage::now;
    let app = TestApp::spawn_with(smtp_url, options).await;
    let hash = hash_password(&Password::parse(STAFF_PASSWORD).unwrap());
    app.db
        .insert_staff("anna", &hash, StaffRole::Admin, now())
        .await
        .unwrap();
    app.db
        .insert_staff("mo", &hash, StaffRole::Moderator, now())
        .await
        .unwrap();
    app
}

/// A browser signed in as staff member `name` through the login form.
pub async fn staff_browser<'a>(app: &'a TestApp, name: &str) -> Browser<'a> {
    let mut browser = Browser::new(app);
    let (status, location) = browser
        .post_form(
            "/fn/staff/login",
            &[
                ("username", name),
                ("password", STAFF_PASSWORD),
                ("next", "/staff"),
            ],
        )
        .await;
    assert_eq!((status, location.as_str()), (StatusCode::FOUND, "/staff"));
    browser
}
