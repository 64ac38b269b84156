//! Residents report ideas; enough reports hide one until a moderator has looked; the moderator
//! reads the reasons and decides, and every step is in the audit log.

use reqwest::StatusCode;

use crate::test_app::{Browser, TestApp, staff_browser, with_staff, with_staff_and};

const IDEA: &str = crate::test_app::PUBLIC_DEMO_IDEA;

async fn idea_id(app: &TestApp) -> i64 {
    app.idea_id(IDEA).await
}

async fn open_reports(app: &TestApp, id: i64) -> usize {
    app.db.open_reports_of(&[id]).await.unwrap().len()
}

async fn report(browser: &mut Browser<'_>, id: i64, reason: &str, comment: &str) -> String {
    let idea = id.to_string();
    let (status, location) = browser
        .post_form(
            "/fn/ideas/report",
            &[("idea", &idea), ("reason", reason), ("comment", comment)],
        )
        .await;
    assert_eq!(status, StatusCode::FOUND, "{location}");
    location
}

#[tokio::test]
async fn a_visitor_is_asked_to_sign_in_and_comes_back_to_the_form() {
    let app = TestApp::spawn().await;
    let id = idea_id(&app).await;
    let page = app.get(&format!("/ideas/{id}")).await.1;
    assert!(page.contains("<summary>Anmeld idéen</summary>"));
    assert!(page.contains("Log ind for at anmelde en idé."));
    let mut visitor = Browser::new(&app);
    let location = report(&mut visitor, id, "spam", "").await;
    assert_eq!(
        location,
        format!("/signin?next=/ideas/{id}%3Freport%3Dopen%23report")
    );
    assert_eq!(open_reports(&app, id).await, 0);
}

#[tokio::test]
async fn bad_reports_are_explained_keep_what_was_typed_and_store_nothing() {
    let app = TestApp::spawn().await;
    let id = idea_id(&app).await;
    let mut resident = Browser::new(&app);
    resident.sign_in_as("lone@example.dk").await;
    let form = resident.get(&format!("/ideas/{id}")).await;
    assert!(
        form.contains(
            r#"<input type="radio" id="report-off_topic" name="reason" value="off_topic""#
        )
    );
    assert!(form.contains("Handler ikke om klimaplanen"));

    let location = report(
        &mut resident,
        id,
        "",
        "Den <b>står</b> to gange</textarea><script>alert(1)</script>",
    )
    .await;
    assert!(location.contains("report=reason_missing"), "{location}");
    let page = resident.get(&location).await;
    assert!(page.contains("Vælg, hvorfor du anmelder idéen."));
    let at = page.find("<textarea").unwrap();
    assert!(
        page.contains(
            "Den &lt;b&gt;står&lt;/b&gt; to gange&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"
        ),
        "kept, escaped: {}",
        &page[at..at + 300]
    );
    assert!(!page.contains("<script>alert(1)"));
    let details = &page[page.find(r#"<details id="report""#).unwrap()..];
    assert!(
        details[..details.find('>').unwrap()].contains(" open"),
        "the form is open"
    );

    let too_long = "ø".repeat(1001);
    let location = report(&mut resident, id, "other", &too_long).await;
    assert!(location.contains("report=comment_too_long"), "{location}");
    let page = resident.get(&location).await;
    assert!(page.contains("Kommentaren må højst være 1.000 tegn."));
    assert!(
        page.contains(r#"value="other" checked"#),
        "the reason stays chosen"
    );

    for reason in ["boring", "spam'; DROP TABLE reports; --", "SPAM"] {
        let location = report(&mut resident, id, reason, "").await;
        assert!(
            location.contains("report=reason_missing"),
            "{reason}: {location}"
        );
    }
    let location = report(&mut resident, id, "spam", "a\u{1}b").await;
    assert!(location.contains("report=comment_bad"), "{location}");
    assert_eq!(open_reports(&app, id).await, 0);

    // An idea that is not public cannot be reported.
    let pending = app.idea_id(crate::test_app::PENDING_DEMO_IDEA).await;
    let (status, _) = resident
        .post_form(
            "/fn/ideas/report",
            &[("idea", &pending.to_string()), ("reason", "spam")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn one_report_per_resident_and_three_hide_the_idea_until_a_moderator_restores_it() {
    // Accounts of any age count here; the age rule is tested below.
    let app = with_staff_and(&["--report-min-account-hours", "0"]).await;
    let id = idea_id(&app).await;
    let mut first = Browser::new(&app);
    first.sign_in_as("a@example.dk").await;
    let location = report(&mut first, id, "duplicate", "Samme som idé 3").await;
    assert_eq!(location, format!("/ideas/{id}?report=thanks#report"));
    assert!(
        first
            .get(&location)
            .await
            .contains("Tak. En moderator ser på idéen.")
    );
    let location = report(&mut first, id, "spam", "").await;
    assert_eq!(location, format!("/ideas/{id}?report=already#report"));
    assert!(
        first
            .get(&format!("/ideas/{id}"))
            .await
            .contains("Du har anmeldt denne idé.")
    );
    assert_eq!(open_reports(&app, id).await, 1);

    let mut second = Browser::new(&app);
    second.sign_in_as("b@example.dk").await;
    report(&mut second, id, "off_topic", "").await;
    assert_eq!(
        app.get(&format!("/ideas/{id}")).await.0,
        StatusCode::OK,
        "still public at 2"
    );

    let mut third = Browser::new(&app);
    third.sign_in_as("c@example.dk").await;
    let location = report(&mut third, id, "offensive", "").await;
    let thanks = third.get(&location).await;
    assert!(
        thanks.contains("Tak. En moderator ser på idéen."),
        "{thanks}"
    );
    assert_eq!(
        app.get(&format!("/ideas/{id}")).await.0,
        StatusCode::NOT_FOUND,
        "hidden"
    );
    assert!(!app.get("/ideas?sort=top").await.1.contains(IDEA));

    // The moderator sees why, not who, and restores it.
    let mut mo = staff_browser(&app, "mo").await;
    let queue = mo.get("/staff/moderation").await;
    for text in [
        "Skjult automatisk efter anmeldelser",
        "Findes allerede som en anden idé",
        "<q>Samme som idé 3</q>",
        "Handler ikke om klimaplanen",
        "Krænkende eller stødende",
        ">Gendan</button>",
    ] {
        assert!(queue.contains(text), "{text}");
    }
    assert!(!queue.contains("a@example.dk"));
    let (_, location) = mo
        .post_form(
            "/fn/staff/moderation/act",
            &[("idea", &id.to_string()), ("action", "restore")],
        )
        .await;
    assert_eq!(location, "/staff/moderation?done=restore");
    assert_eq!(app.get(&format!("/ideas/{id}")).await.0, StatusCode::OK);
    assert_eq!(open_reports(&app, id).await, 0);
    let actions = app.audit_actions("idea", id).await;
    assert_eq!(actions, ["moderation.auto_hide", "moderation.restore"]);
}

#[tokio::test]
async fn a_published_idea_with_a_report_is_kept_and_leaves_the_queue() {
    let app = with_staff().await;
    let id = idea_id(&app).await;
    let mut resident = Browser::new(&app);
    resident.sign_in_as("a@example.dk").await;
    report(&mut resident, id, "spam", "").await;
    let mut mo = staff_browser(&app, "mo").await;
    let queue = mo.get("/staff/moderation").await;
    assert!(queue.contains(">Behold (luk anmeldelserne)</button>"));
    assert!(!queue.contains(r#"value="approve""#) || queue.contains("Ladestandere"));
    mo.post_form(
        "/fn/staff/moderation/act",
        &[("idea", &id.to_string()), ("action", "keep")],
    )
    .await;
    assert_eq!(open_reports(&app, id).await, 0);
    assert!(!mo.get("/staff/moderation").await.contains(IDEA));
}

#[tokio::test]
async fn the_threshold_is_configurable_and_zero_never_hides() {
    let app = TestApp::spawn_with(None, &["--report-threshold", "0"]).await;
    let id = idea_id(&app).await;
    for n in 0..4 {
        let mut resident = Browser::new(&app);
        resident.sign_in_as(&format!("r{n}@example.dk")).await;
        report(&mut resident, id, "spam", "").await;
    }
    assert_eq!(open_reports(&app, id).await, 4);
    assert_eq!(app.get(&format!("/ideas/{id}")).await.0, StatusCode::OK);
}

#[tokio::test]
async fn reports_from_new_accounts_reach_moderators_but_do_not_hide_the_idea() {
    let app = with_staff().await;
    let id = idea_id(&app).await;
    for n in 0..5 {
        let mut fresh = Browser::new(&app);
        fresh.sign_in_as(&format!("ny-{n}@example.dk")).await;
        let location = report(&mut fresh, id, "offensive", "").await;
        assert_eq!(location, format!("/ideas/{id}?report=thanks#report"));
    }
    assert_eq!(
        app.get(&format!("/ideas/{id}")).await.0,
        StatusCode::OK,
        "five accounts made today cannot hide an idea"
    );
    assert_eq!(open_reports(&app, id).await, 5);
    let mut mo = staff_browser(&app, "mo").await;
    assert!(mo.get("/staff/moderation").await.contains(IDEA));
}
