//! The moderation queue over real HTTP: approve, reject with a reason, hide, each in the audit
//! log; and nobody but staff may do it.

use crate::test_app::{Browser, TestApp, staff_browser, with_staff};
use reqwest::StatusCode;

const PENDING: &str = crate::test_app::PENDING_DEMO_IDEA;

async fn id_of(app: &TestApp, title: &str) -> i64 {
    app.idea_id(title).await
}

async fn state_of(app: &TestApp, title: &str) -> String {
    app.db.ideas_with_title(title).await.unwrap()[0].1.clone()
}

#[tokio::test]
async fn a_moderator_approves_a_new_idea_and_the_audit_log_says_so() {
    let app = with_staff().await;
    let id = id_of(&app, PENDING).await;
    let mut mo = staff_browser(&app, "mo").await;
    let queue = mo.get("/staff/moderation").await;
    assert!(queue.contains(PENDING));
    // The counter counts the whole queue, the page's list is the same queue.
    let waiting = app.db.moderation_queue(1_000).await.unwrap().len();
    assert_eq!(waiting, 1, "the demo data's one new idea");
    assert_eq!(app.db.moderation_queue_count().await.unwrap(), 1);
    assert!(
        queue.contains(r#"<p role="status">1 idé venter på moderation.</p>"#),
        "{queue}"
    );
    for label in ["Godkend", "Afvis", "Skjul"] {
        assert!(queue.contains(&format!(">{label}</button>")), "{label}");
    }

    // Rejecting needs a reason; without one nothing changes.
    let idea = id.to_string();
    let (_, location) = mo
        .post_form(
            "/fn/staff/moderation/act",
            &[("idea", &idea), ("action", "reject"), ("reason", " ")],
        )
        .await;
    assert!(
        location.starts_with("/staff/moderation?error=reason"),
        "{location}"
    );
    assert!(mo.get(&location).await.contains("Skriv en begrundelse"));
    assert_eq!(state_of(&app, PENDING).await, "pending");

    let (_, location) = mo
        .post_form(
            "/fn/staff/moderation/act",
            &[("idea", &idea), ("action", "approve")],
        )
        .await;
    assert_eq!(location, "/staff/moderation?done=approve");
    assert_eq!(state_of(&app, PENDING).await, "published");
    let (status, page) = app.get(&format!("/ideas/{id}")).await;
    assert_eq!(status, StatusCode::OK, "public now");
    assert!(
        page.contains("Godkendt og vist for alle"),
        "on its timeline"
    );
    assert!(
        !mo.get("/staff/moderation").await.contains(PENDING),
        "out of the queue"
    );

    let audit = app.db.audit_of("idea", id).await.unwrap();
    assert_eq!(audit.len(), 1);
    let (staff, action, before, after) = &audit[0];
    assert_eq!(
        *staff,
        Some(app.db.staff_account("mo").await.unwrap().unwrap().id)
    );
    assert_eq!(action, "moderation.approve");
    assert!(before.as_deref().unwrap().contains("pending"));
    assert!(after.as_deref().unwrap().contains("published"));

    // Approving twice is refused politely and records nothing.
    let (_, location) = mo
        .post_form(
            "/fn/staff/moderation/act",
            &[("idea", &idea), ("action", "approve")],
        )
        .await;
    assert_eq!(location, "/staff/moderation?error=not_now");
    assert_eq!(app.db.audit_of("idea", id).await.unwrap().len(), 1);

    // Hiding with a reason: gone from public lists, the author can read why.
    let (_, location) = mo
        .post_form(
            "/fn/staff/moderation/act",
            &[
                ("idea", &idea),
                ("action", "hide"),
                ("reason", "Dobbelt indsendt."),
            ],
        )
        .await;
    assert_eq!(location, "/staff/moderation?done=hide");
    assert_eq!(state_of(&app, PENDING).await, "hidden");
    let (status, _) = app.get(&format!("/ideas/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Withheld ideas can be restored, and that is logged too.
    let queue = mo.get("/staff/moderation").await;
    assert!(queue.contains("Skjulte og afviste idéer") && queue.contains(">Gendan</button>"));
    let (_, location) = mo
        .post_form(
            "/fn/staff/moderation/act",
            &[("idea", &idea), ("action", "restore")],
        )
        .await;
    assert_eq!(location, "/staff/moderation?done=restore");
    assert_eq!(state_of(&app, PENDING).await, "published");
    let actions = app.audit_actions("idea", id).await;
    assert_eq!(
        actions,
        [
            "moderation.approve",
            "moderation.hide",
            "moderation.restore"
        ]
    );
}

#[tokio::test]
async fn nobody_but_staff_may_moderate() {
    let app = with_staff().await;
    let id = id_of(&app, PENDING).await.to_string();
    let mut resident = Browser::new(&app);
    resident.sign_in_as("borger@example.org").await;
    let anonymous = Browser::new(&app);
    for who in [&anonymous, &resident] {
        let page = app
            .client
            .get(format!("{}/staff/moderation", app.base))
            .header("cookie", who.jar.header())
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::FOUND);
        let act = app
            .client
            .post(format!("{}/fn/staff/moderation/act", app.base))
            .header("cookie", who.jar.header())
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("idea={id}&action=approve"))
            .send()
            .await
            .unwrap();
        assert_eq!(act.status(), StatusCode::UNAUTHORIZED);
    }
    assert_eq!(state_of(&app, PENDING).await, "pending");
    let admin = staff_browser(&app, "anna").await;
    let page = app
        .client
        .get(format!("{}/staff/moderation", app.base))
        .header("cookie", admin.jar.header())
        .send()
        .await
        .unwrap();
    assert_eq!(
        page.status(),
        StatusCode::OK,
        "an admin may do what a moderator may"
    );
}

#[tokio::test]
async fn a_moderator_corrects_a_title_category_and_area_and_the_original_stays() {
    let app = with_staff().await;
    let id = id_of(&app, PENDING).await;
    let mut mo = staff_browser(&app, "mo").await;
    let idea = id.to_string();
    let queue = mo.get("/staff/moderation").await;
    assert!(queue.contains("<summary>Ret idéen</summary>"));
    assert!(queue.contains(r#"<option value="sector:transport" selected"#));

    let (_, location) = mo
        .post_form(
            "/fn/staff/moderation/correct",
            &[
                ("idea", &idea),
                ("title", "x"),
                ("category", "theme:heat"),
                ("area", "9000-aalborg"),
            ],
        )
        .await;
    assert!(location.contains("error=title"), "{location}");
    assert!(
        mo.get(&location)
            .await
            .contains("Titlen skal være 5–120 tegn")
    );
    assert_eq!(
        app.db.ideas_with_title(PENDING).await.unwrap().len(),
        1,
        "unchanged"
    );

    let fixed = "Ladestandere på parkeringspladsen ved Klarup Skole";
    let (_, location) = mo
        .post_form(
            "/fn/staff/moderation/correct",
            &[
                ("idea", &idea),
                ("title", fixed),
                ("category", "theme:heat"),
                ("area", "9000-aalborg"),
            ],
        )
        .await;
    assert!(
        location.starts_with("/staff/moderation?done=correct"),
        "{location}"
    );
    let queue = mo.get("/staff/moderation").await;
    assert!(queue.contains(fixed), "{queue}");
    assert!(queue.contains(&format!("Forslagsstillerens titel: {PENDING}")));
    assert!(queue.contains(r#"<option value="theme:heat" selected"#));
    let audit = app.db.audit_of("idea", id).await.unwrap();
    assert_eq!(audit.last().unwrap().1, "idea.correct");
    assert!(
        audit
            .last()
            .unwrap()
            .2
            .as_deref()
            .unwrap()
            .contains(PENDING)
    );

    for (category, area) in [
        ("theme:nonsense", "9000-aalborg"),
        ("sector:transport", "atlantis"),
        ("x", "9000-aalborg"),
    ] {
        let (status, _) = mo
            .post_form(
                "/fn/staff/moderation/correct",
                &[
                    ("idea", &idea),
                    ("title", fixed),
                    ("category", category),
                    ("area", area),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{category} {area}");
    }
    assert_eq!(
        app.db.audit_of("idea", id).await.unwrap().len(),
        audit.len(),
        "nothing changed"
    );
}
