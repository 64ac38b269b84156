//! Signing in by e-mail code over real HTTP, with the code mailed to a real SMTP server process.

use crate::smtp;

use crate::support::{Browser, TestApp};
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
    digits[start..start + 6].iter().collect()
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
