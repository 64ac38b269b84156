//! The authorisation matrix: every staff page, download and server function, asked by an
//! anonymous visitor, a signed-in resident, a moderator and an admin. Roles are checked on the
//! server, so each answer here is what a hand-made request gets, whatever the pages show.

use reqwest::StatusCode;

use crate::test_app::{Browser, staff_browser, with_staff_and};

/// What a request may get.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// Served (a page: 200; a server function: anything but 401/403/5xx).
    Allowed,
    /// Sent to sign in: a page redirects to the staff login, anything else answers 401.
    SignIn,
    Forbidden,
}

use Expect::*;

/// Pages and downloads: (path, anonymous/resident, moderator, admin).
const PAGES: &[(&str, Expect, Expect)] = &[
    ("/staff", Allowed, Allowed),
    ("/staff/moderation", Allowed, Allowed),
    ("/staff/ideas", Allowed, Allowed),
    ("/staff/ideas/1", Allowed, Allowed),
    ("/staff/team", Forbidden, Allowed),
    ("/staff/areas", Forbidden, Allowed),
    ("/staff/audit", Forbidden, Allowed),
    ("/staff/audit.csv", Forbidden, Allowed),
    ("/staff/export/ideas.csv", Allowed, Allowed),
    ("/staff/export/ideas.xlsx", Allowed, Allowed),
    ("/staff/export/ideas.geojson", Allowed, Allowed),
    ("/staff/export/ideas.json", Allowed, Allowed),
    ("/staff/export/ideas.csv?contact=1", Forbidden, Allowed),
    ("/staff/export/arguments.csv", Allowed, Allowed),
    ("/staff/export/arguments.json", Allowed, Allowed),
    ("/staff/plan", Forbidden, Allowed),
    ("/staff/plan/edit", Forbidden, Allowed),
    ("/staff/plan/edit?code=T1", Forbidden, Allowed),
    ("/staff/export/actions.csv", Allowed, Allowed),
    ("/staff/export/actions.xlsx", Allowed, Allowed),
];

/// Server functions with arguments that would succeed or fail harmlessly: (endpoint, body,
/// moderator, admin).
const FUNCTIONS: &[(&str, &str, Expect, Expect)] = &[
    ("staff/dashboard", "", Allowed, Allowed),
    ("staff/moderation/queue", "", Allowed, Allowed),
    (
        "staff/moderation/act",
        "idea=999999&action=approve",
        Allowed,
        Allowed,
    ),
    (
        "staff/moderation/correct",
        "idea=999999&title=Flere+cykelstier&category=sector%3Atransport&area=nowhere",
        Allowed,
        Allowed,
    ),
    ("staff/ideas", "query=status%3Dnew", Allowed, Allowed),
    ("staff/idea", "id=1", Allowed, Allowed),
    (
        "staff/ideas/status",
        "idea=999999&status=under_review",
        Allowed,
        Allowed,
    ),
    (
        "staff/ideas/merge",
        "idea=999999&into=999998",
        Allowed,
        Allowed,
    ),
    ("staff/ideas/unmerge", "merge=999999", Forbidden, Allowed),
    ("staff/debate", "idea=1", Allowed, Allowed),
    ("staff/plan/idea", "idea=1", Allowed, Allowed),
    (
        "staff/plan/link",
        "idea=999999&action=T1&note=x",
        Allowed,
        Allowed,
    ),
    (
        "staff/debate/moderate",
        "idea=999999&argument=999999&action=restore",
        Allowed,
        Allowed,
    ),
    (
        "staff/debate/reply",
        "idea=999999&reply_to=999999&text=Kommunen+svarer",
        Allowed,
        Allowed,
    ),
    (
        "staff/debate/close",
        "idea=999999&close=false",
        Allowed,
        Allowed,
    ),
    ("staff/team", "", Forbidden, Allowed),
    ("staff/plan", "", Forbidden, Allowed),
    ("staff/plan/confirm", "import=999999", Forbidden, Allowed),
    ("staff/plan/form", "code=T1", Forbidden, Allowed),
    (
        "staff/plan/save",
        "code=T1&title_da=x&title_en=&description_da=&description_en=&owner=x&status=x&start_year=x&end_year=x&reduction=&link=",
        Forbidden,
        Allowed,
    ),
    (
        "staff/plan/milestone",
        "code=Z9&title=Milep%C3%A6l&due=2027-01-01",
        Forbidden,
        Allowed,
    ),
    (
        "staff/plan/reach",
        "code=Z9&milestone=999999",
        Forbidden,
        Allowed,
    ),
    ("staff/areas", "", Forbidden, Allowed),
    (
        "staff/areas/apply",
        "import=999999&mode=merge",
        Forbidden,
        Allowed,
    ),
    (
        "staff/team/add",
        "username=x&role=moderator&password=a&password_again=b",
        Forbidden,
        Allowed,
    ),
    (
        "staff/team/change",
        "member=999999&change=enable",
        Forbidden,
        Allowed,
    ),
    (
        "staff/audit",
        "query[staff]=&query[action]=&query[object]=&query[id]=&query[from]=&query[until]=",
        Forbidden,
        Allowed,
    ),
];

/// Plain forms that axum handles itself (not server functions): (path, body, moderator, admin).
/// A refused form leads to the staff login, as the page it came from would.
const FORMS: &[(&str, &str, Expect, Expect)] = &[
    (
        "/staff/ideas/batch",
        "ids=999999%3A0&action=hide&reason=Spam",
        Allowed,
        Allowed,
    ),
    ("/staff/plan/upload", "file=x", Forbidden, Allowed),
    ("/staff/plan/baseline", "base_year=1990", Forbidden, Allowed),
];

fn check(who: &str, what: &str, expect: Expect, status: StatusCode, location: &str, page: bool) {
    let ok = match expect {
        Allowed if page => status == StatusCode::OK,
        Allowed => !matches!(status.as_u16(), 401 | 403 | 500..),
        SignIn if page && !what.contains('.') => {
            status == StatusCode::FOUND && location.starts_with("/staff/login")
        }
        SignIn => status == StatusCode::UNAUTHORIZED,
        Forbidden => status == StatusCode::FORBIDDEN,
    };
    assert!(
        ok,
        "{who} {what}: expected {expect:?}, got {status} {location}"
    );
}

async fn ask(browser: &Browser<'_>, path: &str, body: Option<&str>) -> (StatusCode, String) {
    let url = format!("{}{path}", browser.app.base);
    let request = match body {
        Some(body) => browser
            .app
            .client
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_owned()),
        None => browser.app.client.get(url),
    };
    let response = request
        .header("cookie", browser.jar.header())
        .send()
        .await
        .unwrap();
    (response.status(), crate::test_app::location(&response))
}

#[tokio::test]
async fn every_staff_page_and_function_checks_the_role_on_the_server() {
    // Every download four times over from one address would meet the flood guard, which is
    // tested on its own (rate_limits.rs); here only the roles are asked.
    let app = with_staff_and(&["--rate-limits", "false"]).await;
    let anonymous = Browser::new(&app);
    let mut resident = Browser::new(&app);
    resident.sign_in_as("lone@example.dk").await;
    let moderator = staff_browser(&app, "mo").await;
    let admin = staff_browser(&app, "anna").await;
    let staff_before = app.db.count_staff().await.unwrap();

    for (path, for_moderator, for_admin) in PAGES {
        for (who, browser, expect) in [
            ("anonymous", &anonymous, SignIn),
            ("resident", &resident, SignIn),
            ("moderator", &moderator, *for_moderator),
            ("admin", &admin, *for_admin),
        ] {
            let (status, location) = ask(browser, path, None).await;
            check(who, path, expect, status, &location, true);
        }
    }
    for (endpoint, body, for_moderator, for_admin) in FUNCTIONS {
        let path = format!("/fn/{endpoint}");
        for (who, browser, expect) in [
            ("anonymous", &anonymous, SignIn),
            ("resident", &resident, SignIn),
            ("moderator", &moderator, *for_moderator),
            ("admin", &admin, *for_admin),
        ] {
            let (status, location) = ask(browser, &path, Some(body)).await;
            check(who, &path, expect, status, &location, false);
        }
    }
    for (path, body, for_moderator, for_admin) in FORMS {
        for (who, browser, expect) in [
            ("anonymous", &anonymous, SignIn),
            ("resident", &resident, SignIn),
            ("moderator", &moderator, *for_moderator),
            ("admin", &admin, *for_admin),
        ] {
            let (status, location) = ask(browser, path, Some(body)).await;
            let to_login = location.starts_with("/staff/login");
            let ok = match expect {
                SignIn => status == StatusCode::SEE_OTHER && to_login,
                Allowed => status == StatusCode::SEE_OTHER && !to_login,
                Forbidden => status == StatusCode::FORBIDDEN,
            };
            assert!(
                ok,
                "{who} {path}: expected {expect:?}, got {status} {location}"
            );
        }
    }
    assert_eq!(
        app.db.count_staff().await.unwrap(),
        staff_before,
        "no refused call changed anything"
    );
}

#[tokio::test]
async fn signed_out_staff_pages_send_to_the_login_with_the_whole_address() {
    let app = crate::test_app::TestApp::spawn().await;
    let response = app
        .client
        .get(format!("{}/staff/ideas?q=cykel", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(
        response.headers()["location"],
        "/staff/login?next=/staff/ideas%3Fq%3Dcykel"
    );
    assert_eq!(app.get("/staff/login").await.0, StatusCode::OK);
    assert_eq!(
        app.get("/staff/audit.csv").await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get("/staff/export/ideas?format=csv").await.0,
        StatusCode::UNAUTHORIZED
    );
}
