//! Signing in by e-mail code over real HTTP, with the code mailed to a real SMTP server process.

use crate::smtp;

use crate::test_app::{Browser, TestApp};
use reqwest::StatusCode;
use smtp::SmtpSink;

/// The app with its mail going to a real SMTP server process.
async fn app_with_mail() -> (SmtpSink, TestApp) {
    let sink = SmtpSink::start();
    let app = TestApp::spawn_with_mail(Some(&format!("smtp://127.0.0.1:{}", sink.port))).await;
    (sink, app)
}

fn code_in(mail: &str) -> String {
    let digits: Vec<char> = mail.chars().collect();
    let start = (0..digits.len() - 6)
        .find(|&i| {
            digits[i..i + 6].iter().all(char::is_ascii_digit)
                && !digits.get(i + 6).is_some_and(char::is_ascii_digit)
        })
        .expect("a six-digit code in the mail");
    let code: String = digits[start..start + 6].iter().collect();
    crate::test_app::log_watch::secret(&code);
    code
}

#[tokio::test]
async fn a_resident_signs_in_with_a_mailed_code_and_signs_out() {
    let (sink, app) = app_with_mail().await;
    let mut browser = Browser::new(&app);

    let page = browser.get("/signin?next=/ideas/1").await;
    assert!(page.contains(r#"action="/fn/signin/request""#));
    assert!(page.contains(r#"<label for="email">Din e-mail</label>"#));

    let (status, location) = browser
        .post_form(
            "/fn/signin/request",
            &[("email", " Mette@Example.org "), ("next", "/ideas/1")],
        )
        .await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(location, "/signin/code?next=/ideas/1");
    let mail = sink.next_mail();
    assert!(mail.contains("To: mette@example.org"), "{mail}");
    let code = code_in(&mail);

    let page = browser.get("/signin/code?next=/ideas/1").await;
    assert!(page.contains("Vi har sendt en kode til mette@example.org"));
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let (_, location) = browser
        .post_form(
            "/fn/signin/verify",
            &[("code", wrong), ("next", "/ideas/1")],
        )
        .await;
    assert_eq!(
        location,
        "/signin/code?error=code_wrong&left=4&next=/ideas/1"
    );
    let page = browser.get(&location).await;
    assert!(page.contains("Koden passer ikke. Du har 4 forsøg tilbage."));

    let (status, location) = browser
        .post_form(
            "/fn/signin/verify",
            &[("code", &code), ("next", "/ideas/1")],
        )
        .await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(location, "/ideas/1", "back where the resident was going");
    let session = browser
        .jar
        .0
        .get("session")
        .expect("a session cookie")
        .clone();
    assert_eq!(session.len(), 64);
    assert!(
        !browser.jar.0.contains_key("signin_email"),
        "the address cookie is cleared"
    );
    assert!(browser.get("/").await.contains("Log ud"));

    let (_, location) = browser.post_form("/fn/signout", &[]).await;
    assert_eq!(location, "/");
    assert!(!browser.jar.0.contains_key("session"));
    // The old token is worthless even if someone kept it.
    let page = app
        .get_with("/", &[("cookie", &format!("session={session}"))])
        .await
        .1;
    assert!(
        page.contains("Log ud"),
        "the header only looks at the cookie"
    );
    assert_eq!(
        app.db.count_sessions().await.unwrap(),
        0,
        "sign-out deletes the session"
    );
}

#[tokio::test]
async fn session_cookies_are_http_only_and_same_site() {
    let (sink, app) = app_with_mail().await;
    let mut browser = Browser::new(&app);
    browser
        .post_form(
            "/fn/signin/request",
            &[("email", "jens@example.org"), ("next", "/")],
        )
        .await;
    let code = code_in(&sink.next_mail());
    let cookie = browser.jar.header();
    let response = app
        .client
        .post(format!("{}/fn/signin/verify", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .header("cookie", cookie)
        .body(format!("code={code}&next=%2F"))
        .send()
        .await
        .unwrap();
    let set = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect::<Vec<_>>();
    let session = set
        .iter()
        .find(|c| c.starts_with("session="))
        .expect("session cookie");
    assert!(
        session.contains("HttpOnly")
            && session.contains("SameSite=Lax")
            && session.contains("Path=/"),
        "{session}"
    );
    assert!(!session.contains("Secure"), "plain http in tests");
}

#[tokio::test]
async fn bad_addresses_get_a_message_and_keep_what_was_typed() {
    let app = TestApp::spawn().await;
    let mut browser = Browser::new(&app);
    let (_, location) = browser
        .post_form(
            "/fn/signin/request",
            &[("email", "mette@aalborg"), ("next", "/")],
        )
        .await;
    assert_eq!(location, "/signin?error=email_invalid&next=/");
    let page = browser.get(&location).await;
    assert!(page.contains("Det ligner ikke en e-mailadresse"));
    assert!(
        page.contains(r#"value="mette@aalborg""#),
        "what was typed stays"
    );
    assert!(page.contains(r#"aria-invalid="true""#));
    let (_, location) = browser
        .post_form("/fn/signin/request", &[("email", ""), ("next", "/")])
        .await;
    assert_eq!(location, "/signin?error=email_empty&next=/");
    assert_eq!(
        app.db.count_sign_in_codes().await.unwrap(),
        0,
        "nothing stored"
    );
    // A hostile next goes nowhere but this site.
    let (_, location) = browser
        .post_form(
            "/fn/signin/request",
            &[("email", "x"), ("next", "https://evil.example")],
        )
        .await;
    assert_eq!(location, "/signin?error=email_invalid&next=/");
}

#[tokio::test]
async fn known_and_unknown_addresses_get_the_same_answer() {
    let app = TestApp::spawn().await;
    let mut first = Browser::new(&app);
    let known = first
        .post_form(
            "/fn/signin/request",
            &[("email", "demo-001@klimadialog.invalid"), ("next", "/")],
        )
        .await;
    let mut second = Browser::new(&app);
    let unknown = second
        .post_form(
            "/fn/signin/request",
            &[("email", "nobody-here@example.org"), ("next", "/")],
        )
        .await;
    assert_eq!(known, unknown);
}

#[tokio::test]
async fn the_sixth_try_is_refused_even_with_the_right_code() {
    let (sink, app) = app_with_mail().await;
    let mut browser = Browser::new(&app);
    browser
        .post_form(
            "/fn/signin/request",
            &[("email", "sofie@example.org"), ("next", "/")],
        )
        .await;
    let code = code_in(&sink.next_mail());
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in (0..5).rev() {
        let (_, location) = browser
            .post_form("/fn/signin/verify", &[("code", wrong), ("next", "/")])
            .await;
        assert_eq!(
            location,
            format!("/signin/code?error=code_wrong&left={left}&next=/")
        );
    }
    let (_, location) = browser
        .post_form("/fn/signin/verify", &[("code", &code), ("next", "/")])
        .await;
    assert_eq!(location, "/signin?error=code_locked&next=/");
    assert!(!browser.jar.0.contains_key("session"));
    assert!(
        browser
            .get(&location)
            .await
            .contains("Koden er prøvet for mange gange")
    );
}

#[tokio::test]
async fn signing_in_to_support_comes_back_with_the_support_done() {
    let (sink, app) = app_with_mail().await;
    let before = app
        .db
        .support_count(klimadialog::IdeaId(1))
        .await
        .unwrap()
        .unwrap();
    let mut browser = Browser::new(&app);
    let fields = [
        ("email", "karen@example.org"),
        ("next", "/ideas/1"),
        ("intent", "support:1"),
    ];
    let (_, location) = browser.post_form("/fn/signin/request", &fields).await;
    assert_eq!(location, "/signin/code?next=/ideas/1&intent=support%3A1");
    let page = browser.get(&location).await;
    assert!(page.contains(r#"name="intent" value="support:1""#));
    let code = code_in(&sink.next_mail());
    let fields = [
        ("code", code.as_str()),
        ("next", "/ideas/1"),
        ("intent", "support:1"),
    ];
    let (_, location) = browser.post_form("/fn/signin/verify", &fields).await;
    assert_eq!(location, "/ideas/1");
    let after = app
        .db
        .support_count(klimadialog::IdeaId(1))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after, before + 1, "the support was done by the sign-in");
    assert!(
        browser
            .get("/ideas/1")
            .await
            .contains("Træk din støtte tilbage")
    );
}

#[tokio::test]
async fn a_mail_server_that_is_down_is_said_honestly_and_codes_come_again_when_it_is_back() {
    let sink = SmtpSink::start();
    let port = sink.port;
    let app = TestApp::spawn_with_mail(Some(&format!("smtp://127.0.0.1:{port}"))).await;
    let mut browser = Browser::new(&app);
    let ask = [("email", "kirsten@example.org"), ("next", "/ideas")];
    let (_, location) = browser.post_form("/fn/signin/request", &ask).await;
    assert_eq!(location, "/signin/code?next=/ideas");
    sink.next_mail();

    // The mail server goes down: the resident is told, not sent to wait for a mail.
    sink.stop();
    let (status, location) = browser.post_form("/fn/signin/request", &ask).await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(location, "/signin?error=mail_failed&next=/ideas");
    let page = browser.get(&location).await;
    assert!(
        page.contains("Vi kunne ikke sende mailen lige nu. Prøv igen om lidt."),
        "{page}"
    );
    assert!(!page.contains("Vi har sendt en kode"));
    assert!(
        page.contains(r#"value="kirsten@example.org""#),
        "the address stays in the form"
    );

    // It comes back: the next request mails a code that works.
    let sink = SmtpSink::start_on(port);
    let (_, location) = browser.post_form("/fn/signin/request", &ask).await;
    assert_eq!(location, "/signin/code?next=/ideas");
    let code = code_in(&smtp::mail_body(&sink.next_mail()));
    let (_, location) = browser
        .post_form("/fn/signin/verify", &[("code", &code), ("next", "/ideas")])
        .await;
    assert_eq!(location, "/ideas");
}

#[tokio::test]
async fn over_https_cookies_are_host_only_and_secure_and_a_planted_plain_one_counts_for_nothing() {
    use klimadialog::storage::now;
    let app = TestApp::spawn_with(None, &["--public-url", "https://klimadialog.aalborg.dk"]).await;
    let response = app
        .client
        .post(format!("{}/fn/signin/request", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .body("email=lise%40example.org&next=%2F")
        .send()
        .await
        .unwrap();
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("__Host-signin_email="), "{cookie}");
    assert!(
        cookie.contains("; Path=/;") && cookie.contains("; Secure"),
        "{cookie}"
    );
    assert!(!cookie.contains("Domain"), "{cookie}");

    let resident = app
        .db
        .resident_for_email("lise@example.org", now())
        .await
        .unwrap();
    let token = klimadialog::signin::start_session(&app.db, resident, None, now())
        .await
        .unwrap();
    // A sibling subdomain can set `session` for the parent domain, never `__Host-session`.
    let planted = format!("session={}", token.as_str());
    let (_, page) = app.get_with("/me", &[("cookie", &planted)]).await;
    assert!(
        page.contains("Log ind for at se dine idéer"),
        "not signed in"
    );
    let own = format!("__Host-session={}", token.as_str());
    let (_, page) = app.get_with("/me", &[("cookie", &own)]).await;
    assert!(!page.contains("Log ind for at se dine idéer"), "signed in");
}

#[tokio::test]
async fn signing_out_forgets_the_draft_what_was_typed_and_the_address() {
    let app = TestApp::spawn().await;
    let mut browser = Browser::new(&app);
    browser.sign_in_as("bibliotek@example.org").await;
    let fields = [
        ("kind", "mitigation"),
        ("sector", "transport"),
        ("area", "9000-aalborg"),
        ("title", "Cykelparkering ved Hovedbiblioteket"),
        ("description", ""),
    ];
    browser.post_multipart("/ideas/new", &fields, None).await;
    assert!(browser.jar.0.contains_key("draft"));
    assert_eq!(app.db.count_drafts().await.unwrap(), 1);
    browser
        .jar
        .0
        .insert("signin_email".into(), "bibliotek%40example.org".into());
    browser.jar.0.insert("typed".into(), "title=x".into());

    let (_, location) = browser.post_form("/fn/signout", &[]).await;
    assert_eq!(location, "/");
    for cookie in ["session", "draft", "typed", "signin_email"] {
        assert!(!browser.jar.0.contains_key(cookie), "{cookie} is deleted");
    }
    assert_eq!(
        app.db.count_drafts().await.unwrap(),
        0,
        "the draft row is gone"
    );
    // The next person at the computer finds an empty form.
    let form = browser.get("/ideas/new").await;
    assert!(!form.contains("Cykelparkering ved Hovedbiblioteket"));
}

#[tokio::test]
async fn a_code_works_only_in_the_browser_that_asked_for_it() {
    let (sink, app) = app_with_mail().await;
    let mut phone = Browser::new(&app);
    let ask = [("email", "ole@example.org"), ("next", "/")];
    phone.post_form("/fn/signin/request", &ask).await;
    let code = code_in(&smtp::mail_body(&sink.next_mail()));

    // Another browser that knows the address (and even the code) gets nowhere with it.
    let mut other = Browser::new(&app);
    other
        .jar
        .0
        .insert("signin_email".into(), "ole%40example.org".into());
    let (_, location) = other
        .post_form("/fn/signin/verify", &[("code", &code), ("next", "/")])
        .await;
    assert!(
        location.starts_with("/signin?error=start_again"),
        "{location}"
    );
    let forged = format!("{}:ole%40example.org", "a".repeat(64));
    other.jar.0.insert("signin_email".into(), forged);
    let (_, location) = other
        .post_form("/fn/signin/verify", &[("code", &code), ("next", "/")])
        .await;
    assert!(
        location.starts_with("/signin?error=code_expired"),
        "{location}"
    );
    assert!(!other.jar.0.contains_key("session"));

    let (_, location) = phone
        .post_form("/fn/signin/verify", &[("code", &code), ("next", "/")])
        .await;
    assert_eq!(location, "/");
    assert!(phone.jar.0.contains_key("session"));
}

/// A request for a code as a browser without JavaScript sends it.
async fn ask_for_code(base: &str, email: &str) {
    let response = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(format!("{base}/fn/signin/request"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .body(format!("email={}&next=%2F", email.replace('@', "%40")))
        .send()
        .await
        .unwrap();
    let to = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.starts_with("/signin/code"), "{to}");
}

#[tokio::test]
async fn codes_are_never_in_the_log_at_any_level_with_or_without_a_mail_server() {
    use crate::workload::{ServerProcess, prepare};
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("site.db");
    prepare(&database, 0).await;

    // Without a mail server (development): the code is in the outbox file, not the log.
    let server = ServerProcess::start_with(dir.path(), &database, &[("RUST_LOG", "trace")]);
    ask_for_code(&server.base, "logfri@example.org").await;
    let outbox = dir.path().join("outbox");
    let mail = std::fs::read_dir(&outbox)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .find(|m| m.contains("logfri@example.org"))
        .expect("the mail in the outbox");
    let code = code_in(&smtp::mail_body(&mail));
    assert!(
        !mail
            .lines()
            .any(|l| l.starts_with("Subject:") && l.contains(&code))
    );
    let log = server.log();
    assert!(
        log.contains("outbox"),
        "the log is at trace level: {}",
        log.len()
    );
    assert!(!log.contains(&code), "the code is in the log");
    server.stop();

    // With one.
    let sink = SmtpSink::start();
    let smtp_url = format!("smtp://127.0.0.1:{}", sink.port);
    let server = ServerProcess::start_with(
        dir.path(),
        &database,
        &[
            ("RUST_LOG", "trace"),
            ("SMTP_URL", &smtp_url),
            ("MAIL_FROM", "Klimadialog <klimadialog@aalborg.example>"),
        ],
    );
    ask_for_code(&server.base, "logfri@example.org").await;
    let code = code_in(&smtp::mail_body(&sink.next_mail()));
    assert!(!server.log().contains(&code), "the code is in the log");
    server.stop();
}

#[tokio::test]
async fn a_link_that_supports_on_sign_in_asks_first_and_keeps_to_the_buttons_limits() {
    let (sink, app) = app_with_mail().await;
    let title = app
        .db
        .published_idea(klimadialog::IdeaId(1))
        .await
        .unwrap()
        .unwrap()
        .summary
        .title;
    let count = || async {
        app.db
            .support_count(klimadialog::IdeaId(1))
            .await
            .unwrap()
            .unwrap()
    };
    let before = count().await;
    // A shared link: "sign in to Klimadialog", carrying an intent the reader never chose.
    let mut reader = Browser::new(&app);
    let fields = [
        ("email", "laeser@example.org"),
        ("next", "/"),
        ("intent", "support:1"),
    ];
    let (_, location) = reader.post_form("/fn/signin/request", &fields).await;
    let page = reader.get(&location).await;
    let question = format!("Støt idéen »{title}«, når jeg er logget ind");
    assert!(page.contains(&question), "the code form asks: {page}");
    assert!(page.contains(r#"type="checkbox" id="intent" name="intent" value="support:1""#));
    // Unticked, the form sends no intent: signing in supports nothing.
    let code = code_in(&sink.next_mail());
    let (_, location) = reader
        .post_form("/fn/signin/verify", &[("code", &code), ("next", "/")])
        .await;
    assert_eq!(location, "/");
    assert_eq!(count().await, before, "nothing supported");

    // Ticked, it is the button's own support, within the button's limits: a resident who has
    // used up their support changes gets none by signing in either.
    let mut busy = Browser::new(&app);
    busy.sign_in_as("travl@example.org").await;
    for n in 0..klimadialog::limits::SUPPORTS_PER_RESIDENT.max {
        let want = n % 2 == 0;
        let (status, _) = busy
            .post_form(
                "/fn/ideas/support",
                &[("idea", "2"), ("support", &want.to_string()), ("next", "/")],
            )
            .await;
        assert_eq!(status, StatusCode::FOUND);
    }
    busy.jar.0.remove("session");
    let fields = [
        ("email", "travl@example.org"),
        ("next", "/ideas/1"),
        ("intent", "support:1"),
    ];
    busy.post_form("/fn/signin/request", &fields).await;
    let code = code_in(&sink.next_mail());
    let (_, location) = busy
        .post_form(
            "/fn/signin/verify",
            &[
                ("code", &code),
                ("next", "/ideas/1"),
                ("intent", "support:1"),
            ],
        )
        .await;
    assert_eq!(location, "/ideas/1");
    assert_eq!(count().await, before, "the limit held");
}

#[tokio::test]
async fn a_pause_in_checking_codes_is_explained_to_everyone_it_stops() {
    let app = TestApp::spawn().await;
    let mut browser = Browser::new(&app);
    browser.jar.0.insert(
        "signin_email".into(),
        format!("{}:a%40example.org", "b".repeat(64)),
    );
    let page = browser.get("/signin/code?error=paused&next=/").await;
    assert!(
        page.contains("så vi tjekker ikke koder lige nu. Det gælder alle, ikke kun dig."),
        "{page}"
    );
}

#[tokio::test]
async fn the_code_mail_says_who_sends_it_where_to_type_it_and_not_to_share_it_in_each_language() {
    let (sink, app) = app_with_mail().await;
    let mut browser = Browser::new(&app);
    browser
        .post_form(
            "/fn/signin/request",
            &[("email", "dansk@example.org"), ("next", "/")],
        )
        .await;
    let raw = sink.next_mail();
    // The sender's name is encoded (it has a dash); the address is the configured one.
    assert!(
        raw.contains("<klimadialog@aalborg.example>"),
        "the sender: {raw}"
    );
    let danish = smtp::mail_body(&raw);
    for line in [
        "Din kode til Klimadialog er:",
        "Koden gælder i 10 minutter",
        "Del ikke koden med andre. Aalborg Kommune beder dig aldrig om koden.",
        "Venlig hilsen\nAalborg Kommune",
        "Du kan ikke svare på den.",
    ] {
        assert!(danish.contains(line), "{line}: {danish}");
    }
    assert!(danish.contains("Skriv koden på siden, hvor du bad om den (http://"));

    let response = app
        .client
        .post(format!("{}/fn/signin/request", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .header("accept-language", "en-GB,en;q=0.9")
        .body("email=english%40example.org&next=%2F")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    let english = smtp::mail_body(&sink.next_mail());
    for line in [
        "Your Klimadialog code is:",
        "The code is valid for 10 minutes",
        "Do not share this code with anyone. Aalborg Kommune will never ask you for it.",
        "Kind regards\nAalborg Kommune",
    ] {
        assert!(english.contains(line), "{line}: {english}");
    }
    assert!(!english.contains("Hej"), "one language per mail");
}

/// Signs in through the forms with the code from the mail, in the browser's language cookie.
async fn sign_in_through_forms(sink: &SmtpSink, browser: &mut Browser<'_>, email: &str) {
    let (_, location) = browser
        .post_form("/fn/signin/request", &[("email", email), ("next", "/me")])
        .await;
    assert!(location.starts_with("/signin/code"), "{location}");
    let code = code_in(&smtp::mail_body(&sink.next_mail()));
    let (_, location) = browser
        .post_form("/fn/signin/verify", &[("code", &code), ("next", "/me")])
        .await;
    assert_eq!(location, "/me");
}

#[tokio::test]
async fn mails_keep_the_language_of_the_first_sign_in_until_changed_on_my_page() {
    let (sink, app) = app_with_mail().await;
    let email = "visiting@example.org";
    let mut english = Browser::new(&app);
    english.jar.0.insert("lang".into(), "en".into());
    sign_in_through_forms(&sink, &mut english, email).await;
    let resident = app
        .db
        .resident_for_email(email, klimadialog::storage::now())
        .await
        .unwrap();
    let settings = app.db.mail_settings(resident).await.unwrap();
    assert_eq!(settings.language, klimadialog::Locale::En);
    assert!(settings.status_mails, "on until they switch them off");
    let page = english.get("/me").await;
    assert!(page.contains(r#"<option value="en" selected"#), "{page}");

    // Later, on a Danish phone: the choice stands.
    let mut danish = Browser::new(&app);
    sign_in_through_forms(&sink, &mut danish, email).await;
    let settings = app.db.mail_settings(resident).await.unwrap();
    assert_eq!(settings.language, klimadialog::Locale::En);
}
