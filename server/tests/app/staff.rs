//! Staff sign-in and the dashboard over real HTTP, and who may see what.

use crate::test_app::{Browser, STAFF_PASSWORD as PASSWORD, staff_browser, with_staff};
use reqwest::StatusCode;

#[tokio::test]
async fn staff_sign_in_with_a_strict_cookie_and_see_the_dashboard() {
    let app = with_staff().await;
    let login = app.get("/staff/login").await.1;
    for label in ["Brugernavn", "Adgangskode"] {
        assert!(login.contains(&format!(">{label}</label>")), "{label}");
    }
    let response = app
        .client
        .post(format!("{}/fn/staff/login", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .body(format!("username=anna&password={PASSWORD}&next=%2Fstaff"))
        .send()
        .await
        .unwrap();
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("staff_session="));
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );

    let mut browser = staff_browser(&app, "anna").await;
    let page = browser.get("/staff").await;
    assert!(page.contains("Logget ind som anna (administrator)."));
    assert!(page.contains("Idéer, der venter på moderation"));
    let (_, location) = browser.post_form("/fn/staff/logout", &[]).await;
    assert_eq!(location, "/staff/login");
    let anna = app.db.staff_account("anna").await.unwrap().unwrap().id;
    let actions = app.audit_actions("staff_user", anna).await;
    assert_eq!(
        actions,
        ["staff.login", "staff.login", "staff.logout"],
        "sign-ins are audited"
    );
    let response = app
        .client
        .get(format!("{}/staff", app.base))
        .header("cookie", browser.jar.header())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND, "signed out");
}

#[tokio::test]
async fn wrong_passwords_get_one_message_and_five_lock_the_account() {
    let app = with_staff().await;
    let mut browser = Browser::new(&app);
    for name in ["anna", "nobody"] {
        let (_, location) = browser
            .post_form(
                "/fn/staff/login",
                &[
                    ("username", name),
                    ("password", "forkert-kodeord"),
                    ("next", "/staff"),
                ],
            )
            .await;
        assert!(location.starts_with("/staff/login?error=bad"), "{location}");
    }
    let page = browser.get("/staff/login?error=bad&user=anna").await;
    assert!(page.contains("Brugernavn eller adgangskode er forkert."));
    for _ in 0..4 {
        browser
            .post_form(
                "/fn/staff/login",
                &[
                    ("username", "anna"),
                    ("password", "forkert-kodeord"),
                    ("next", "/staff"),
                ],
            )
            .await;
    }
    let (_, location) = browser
        .post_form(
            "/fn/staff/login",
            &[
                ("username", "anna"),
                ("password", PASSWORD),
                ("next", "/staff"),
            ],
        )
        .await;
    // Locked: even the right password is refused, with the answer a wrong password or an
    // unknown name gets, so nobody learns that "anna" exists by locking her.
    assert!(location.starts_with("/staff/login?error=bad"), "{location}");
    assert!(
        browser
            .get(&location)
            .await
            .contains("bliver kontoen låst i et stykke tid")
    );
    let id = app.db.staff_account("anna").await.unwrap().unwrap().id;
    assert_eq!(app.audit_actions("staff_user", id).await, ["staff.locked"]);
}

/// Who may reach the dashboard and its server function: anonymous and residents are sent to
/// sign in (401 for the function), moderators and admins get it.
#[tokio::test]
async fn only_staff_see_the_dashboard() {
    let app = with_staff().await;
    let mut resident = Browser::new(&app);
    resident.sign_in_as("borger@example.org").await;
    let anonymous = Browser::new(&app);
    let moderator = staff_browser(&app, "mo").await;
    let admin = staff_browser(&app, "anna").await;
    let cases = [
        (&anonymous, false),
        (&resident, false),
        (&moderator, true),
        (&admin, true),
    ];
    for (who, allowed) in cases {
        let page = app
            .client
            .get(format!("{}/staff", app.base))
            .header("cookie", who.jar.header())
            .send()
            .await
            .unwrap();
        let function = app
            .client
            .post(format!("{}/fn/staff/dashboard", app.base))
            .header("cookie", who.jar.header())
            .header("content-type", "application/x-www-form-urlencoded")
            .send()
            .await
            .unwrap();
        if allowed {
            assert_eq!(page.status(), StatusCode::OK);
            assert_eq!(function.status(), StatusCode::OK);
        } else {
            assert_eq!(page.status(), StatusCode::FOUND);
            assert_eq!(page.headers()["location"], "/staff/login?next=/staff");
            assert_eq!(function.status(), StatusCode::UNAUTHORIZED);
        }
    }
}

#[tokio::test]
async fn the_dashboard_counts_what_waits_and_shows_recent_actions() {
    let app = with_staff().await;
    let mut resident = Browser::new(&app);
    resident.sign_in_as("lone@example.dk").await;
    let reported = app.idea_id(crate::test_app::PUBLIC_DEMO_IDEA).await;
    resident
        .post_form(
            "/fn/ideas/report",
            &[("idea", &reported.to_string()), ("reason", "spam")],
        )
        .await;
    let mut mo = staff_browser(&app, "mo").await;
    let pending = app.idea_id(crate::test_app::PENDING_DEMO_IDEA).await;
    mo.post_form(
        "/fn/staff/moderation/act",
        &[("idea", &pending.to_string()), ("action", "approve")],
    )
    .await;
    let page = mo.get("/staff").await;
    assert!(
        page.contains("<dt>Idéer med åbne anmeldelser</dt><dd>1</dd>"),
        "{page}"
    );
    assert!(page.contains("<dt>Mails til borgere, der venter på at blive sendt</dt><dd>0</dd>"));
    assert!(page.contains("<dt>Mails, der er opgivet efter et døgns forsøg</dt><dd>0</dd>"));
    assert!(page.contains("<h2>Seneste handlinger</h2>"));
    // Named for staff, the stored name kept for whoever needs it.
    assert!(page.contains(r#"<span data-action="moderation.approve">Godkendt</span>"#));
    assert!(page.contains(&format!(r##"href="/ideas/{pending}">#{pending}</a>"##)));
}

/// Without a mail server (a demo or a developer's machine) staff are told that residents get
/// no mail; with one, nothing is said.
#[tokio::test]
async fn staff_are_told_when_no_mail_is_sent() {
    let app = with_staff().await;
    let mut mo = staff_browser(&app, "mo").await;
    assert!(mo.get("/staff").await.contains("Sitet sender ikke mails"));

    let sink = crate::smtp::SmtpSink::start();
    let app =
        crate::test_app::TestApp::spawn_with_mail(Some(&format!("smtp://127.0.0.1:{}", sink.port)))
            .await;
    let hash =
        klimadialog::staff::hash_password(&klimadialog::staff::Password::parse(PASSWORD).unwrap());
    app.db
        .insert_staff(
            "mo",
            &hash,
            klimadialog::staff::StaffRole::Moderator,
            klimadialog::storage::now(),
        )
        .await
        .unwrap();
    let mut mo = staff_browser(&app, "mo").await;
    let page = mo.get("/staff").await;
    assert!(page.contains("Overblik") && !page.contains("Sitet sender ikke mails"));
}
