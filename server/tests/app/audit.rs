//! Admins read the audit log, in the browser and as CSV, filtered by every kind of action;
//! moderators and residents may not.

use reqwest::StatusCode;

use crate::test_app::{STAFF_PASSWORD, staff_browser, with_staff};

#[tokio::test]
async fn the_audit_log_lists_filters_and_exports_every_staff_action() {
    let app = with_staff().await;
    let mut anna = staff_browser(&app, "anna").await;
    let mut mo = staff_browser(&app, "mo").await;
    let pending = app.idea_id(crate::test_app::PENDING_DEMO_IDEA).await;
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
