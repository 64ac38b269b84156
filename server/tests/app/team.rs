//! Admins manage the staff team and read the audit log, in the browser and as CSV; moderators
//! and residents may do neither.

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

#[tokio::test]
async fn the_audit_log_lists_filters_and_exports_every_staff_action() {
    let app = with_staff().await;
    let mut anna = staff_browser(&app, "anna").await;
    let mut mo = staff_browser(&app, "mo").await;
    let pending = app
        .db
        .ideas_with_title("Ladestandere på parkeringspladsen ved Klarup skole")
        .await
        .unwrap()[0]
        .0;
    mo.post_form(
        "/fn/staff/moderation/act",
        &[
            ("idea", &pending.to_string()),
            ("action", "reject"),
            ("reason", "=HYPERLINK(\"x\"), \"citat\""),
        ],
    )
    .await;
    anna.post_form(
        "/fn/staff/team/add",
        &[
            ("username", "bo"),
            ("role", "moderator"),
            ("password", STAFF_PASSWORD),
            ("password_again", STAFF_PASSWORD),
        ],
    )
    .await;

    let page = anna.get("/staff/audit").await;
    for text in [
        "<h1>Handlingslog</h1>",
        r#"<span data-action="moderation.reject">Afvist</span>"#,
        r#"<span data-action="staff.add">Medarbejder tilføjet</span>"#,
        ">mo<",
        ">anna<",
    ] {
        assert!(page.contains(text), "{text}");
    }
    assert!(page.contains(&format!(r#"href="/ideas/{pending}">Idé {pending}</a>"#)));
    assert!(!page.contains("<code>"), "no raw names shown");
    let only_mo = anna.get("/staff/audit?staff=mo").await;
    assert!(
        only_mo.contains("moderation.reject") && !only_mo.contains(r#"data-action="staff.add""#)
    );
    let staff_actions = anna.get("/staff/audit?action=staff.").await;
    assert!(
        staff_actions.contains(r#"data-action="staff.add""#)
            && !staff_actions.contains("moderation.reject")
    );
    let future = anna.get("/staff/audit?from=2999-01-01").await;
    assert!(future.contains("Ingen handlinger passer til filteret."));
    let garbage = anna.get("/staff/audit?from=igår&id=-1%27&action=%25").await;
    assert!(
        garbage.contains("<h1>Handlingslog</h1>"),
        "unreadable filters are no 500"
    );

    // CSV: BOM, header, CRLF, formula neutralised, Danish letters intact.
    let cookie = anna.jar.header();
    let response = app
        .client
        .get(format!("{}/staff/audit.csv?staff=mo", app.base))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let csv = response.text().await.unwrap();
    assert!(
        csv.starts_with("\u{feff}id;time_utc;staff;action;object_type;object_id;before;after\r\n")
    );
    assert!(csv.contains(";mo;moderation.reject;idea;"));
    assert!(!csv.contains("staff.add"), "filtered");
    assert!(csv.contains(r#"=HYPERLINK(\""x\""), \""citat\"""#), "{csv}");
    // The export itself is in the log.
    assert!(
        anna.get("/staff/audit?action=export.")
            .await
            .contains("export.audit_csv")
    );

    // Only admins.
    let mo_cookie = mo.jar.header();
    for (cookie, status) in [
        ("", StatusCode::UNAUTHORIZED),
        (mo_cookie.as_str(), StatusCode::FORBIDDEN),
    ] {
        let response = app
            .client
            .get(format!("{}/staff/audit.csv", app.base))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), status);
    }
    assert!(mo.get("/staff/audit").await.contains("Ingen adgang"));
}
