//! Admins manage the staff team; moderators and residents may not.

use reqwest::StatusCode;

use crate::test_app::{Browser, STAFF_PASSWORD, staff_browser, with_staff};

#[tokio::test]
async fn an_admin_adds_a_moderator_who_can_then_sign_in() {
    let app = with_staff().await;
    let mut anna = staff_browser(&app, "anna").await;
    let page = anna.get("/staff/team").await;
    for text in [
        "<h1>Medarbejdere</h1>",
        "(dig)",
        ">mo<",
        "Tilføj en medarbejder",
    ] {
        let at = page.find("anna").unwrap_or(0);
        assert!(page.contains(text), "{text}: {}", &page[at..at + 80]);
    }
    let add = |user: &'static str, password: &'static str, again: &'static str| {
        [
            ("username", user),
            ("role", "moderator"),
            ("password", password),
            ("password_again", again),
        ]
    };
    // Bad input: a message next to the field, the name kept, no account.
    for (fields, error, message) in [
        (
            add("Bo Jensen", STAFF_PASSWORD, STAFF_PASSWORD),
            "username",
            "Brugernavnet skal være",
        ),
        (add("bo", "kort", "kort"), "password", "mindst 12 tegn"),
        (
            add("bo", STAFF_PASSWORD, "noget-helt-andet-1"),
            "mismatch",
            "ikke ens",
        ),
        (
            add("mo", STAFF_PASSWORD, STAFF_PASSWORD),
            "taken",
            "allerede i brug",
        ),
    ] {
        let (status, location) = anna.post_form("/fn/staff/team/add", &fields).await;
        assert_eq!(status, StatusCode::FOUND);
        assert!(location.contains(&format!("error={error}")), "{location}");
        let page = anna.get(&location).await;
        assert!(page.contains(message), "{error}: {message}");
        assert!(
            page.contains(&format!(r#"value="{}""#, fields[0].1)),
            "{error}: name kept"
        );
    }
    assert_eq!(app.db.count_staff().await.unwrap(), 2);

    let (_, location) = anna
        .post_form(
            "/fn/staff/team/add",
            &add("bo", STAFF_PASSWORD, STAFF_PASSWORD),
        )
        .await;
    assert_eq!(location, "/staff/team?done=add");
    assert_eq!(app.db.count_staff().await.unwrap(), 3);
    let mut bo = staff_browser(&app, "bo").await;
    assert!(
        bo.get("/staff/moderation")
            .await
            .contains("<h1>Moderation</h1>")
    );
    // A moderator does not manage the team.
    let (status, _) = bo
        .post_form(
            "/fn/staff/team/add",
            &add("eve", STAFF_PASSWORD, STAFF_PASSWORD),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(app.db.count_staff().await.unwrap(), 3);
}

#[tokio::test]
async fn disabling_signs_the_member_out_and_the_last_admin_stays() {
    let app = with_staff().await;
    let mut anna = staff_browser(&app, "anna").await;
    let mut mo = staff_browser(&app, "mo").await;
    let mo_id = app.db.staff_account("mo").await.unwrap().unwrap().id;
    let anna_id = app.db.staff_account("anna").await.unwrap().unwrap().id;
    let change = |member: i64, change: &'static str| (member.to_string(), change);

    let (id, what) = change(mo_id, "disable");
    let (_, location) = anna
        .post_form(
            "/fn/staff/team/change",
            &[("member", &id), ("change", what)],
        )
        .await;
    assert_eq!(location, "/staff/team?done=change");
    let (status, _) = mo
        .post_form(
            "/fn/staff/moderation/act",
            &[("idea", "1"), ("action", "keep")],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "the session ended with the account"
    );
    let (status, _) = Browser::new(&app)
        .post_form(
            "/fn/staff/login",
            &[
                ("username", "mo"),
                ("password", STAFF_PASSWORD),
                ("next", "/staff"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::FOUND);
    assert!(anna.get("/staff/team").await.contains("Deaktiveret"));

    // Anna is the only admin: she cannot demote or disable herself.
    for what in ["moderator", "disable"] {
        let (id, what) = change(anna_id, what);
        let (_, location) = anna
            .post_form(
                "/fn/staff/team/change",
                &[("member", &id), ("change", what)],
            )
            .await;
        assert!(location.contains("error=yourself"), "{location}");
    }
    let page = anna.get("/staff/team?error=yourself").await;
    assert!(page.contains("Du kan ikke fjerne din egen administratorrolle"));

    // A new password: too short is refused; a good one works and the old one does not.
    let id = mo_id.to_string();
    anna.post_form(
        "/fn/staff/team/change",
        &[("member", &id), ("change", "enable")],
    )
    .await;
    let (_, location) = anna
        .post_form(
            "/fn/staff/team/change",
            &[
                ("member", &id),
                ("change", "password"),
                ("password", "kort"),
            ],
        )
        .await;
    assert!(location.contains("error=password"), "{location}");
    anna.post_form(
        "/fn/staff/team/change",
        &[
            ("member", &id),
            ("change", "password"),
            ("password", "et-helt-nyt-kodeord"),
        ],
    )
    .await;
    let (_, location) = Browser::new(&app)
        .post_form(
            "/fn/staff/login",
            &[
                ("username", "mo"),
                ("password", "et-helt-nyt-kodeord"),
                ("next", "/staff"),
            ],
        )
        .await;
    assert_eq!(location, "/staff");
    let (status, _) = anna
        .post_form(
            "/fn/staff/team/change",
            &[("member", &id), ("change", "emperor")],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
