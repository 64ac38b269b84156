//! Supporting ideas over real HTTP: as plain form posts (JavaScript off), as the island's
//! background calls (JavaScript on), after signing in, and under concurrency.

use crate::test_app::TestApp;
use klimadialog::signin::{self, SessionToken};
use klimadialog::storage::now;
use klimadialog::{IdeaId, ResidentId};
use reqwest::StatusCode;

const IDEA: i64 = 1;

async fn signed_in(app: &TestApp, n: usize) -> (ResidentId, SessionToken) {
    let resident = app
        .db
        .resident_for_email(&format!("supporter-{n}@example.org"), now())
        .await
        .unwrap();
    let token = signin::start_session(&app.db, resident, None, now())
        .await
        .unwrap();
    (resident, token)
}

/// Posts the support form; `json` for the island's call, else as a browser without JavaScript.
async fn post_support(
    app: &TestApp,
    token: Option<&SessionToken>,
    idea: i64,
    support: bool,
    json: bool,
) -> reqwest::Response {
    let mut request = app
        .client
        .post(format!("{}/fn/ideas/support", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header(
            "accept",
            if json {
                "application/json"
            } else {
                "text/html,*/*"
            },
        )
        .body(format!(
            "idea={idea}&support={support}&next=%2Fideas%2F{idea}"
        ));
    if let Some(token) = token {
        request = request.header("cookie", format!("session={}", token.as_str()));
    }
    request.send().await.unwrap()
}

async fn count(app: &TestApp, idea: i64) -> i64 {
    app.db.support_count(IdeaId(idea)).await.unwrap().unwrap()
}

#[tokio::test]
async fn support_and_withdraw_without_javascript() {
    let app = TestApp::spawn().await;
    let before = count(&app, IDEA).await;
    let (_, token) = signed_in(&app, 1).await;

    let response = post_support(&app, Some(&token), IDEA, true, false).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()["location"], "/ideas/1");
    assert_eq!(count(&app, IDEA).await, before + 1);
    // Sending the same form again changes nothing.
    post_support(&app, Some(&token), IDEA, true, false).await;
    assert_eq!(count(&app, IDEA).await, before + 1);

    let cookie = format!("session={}", token.as_str());
    let (_, page) = app.get_with("/ideas/1", &[("cookie", &cookie)]).await;
    assert!(
        page.contains("Træk din støtte tilbage"),
        "the page knows the visitor supports it"
    );
    assert!(page.contains(&format!("{} støtter", before + 1)));

    post_support(&app, Some(&token), IDEA, false, false).await;
    assert_eq!(count(&app, IDEA).await, before);
    let (_, page) = app.get_with("/ideas/1", &[("cookie", &cookie)]).await;
    assert!(page.contains("Støt idéen"));
}

#[tokio::test]
async fn the_island_gets_the_new_state_as_data() {
    let app = TestApp::spawn().await;
    let before = count(&app, IDEA).await;
    let (_, token) = signed_in(&app, 1).await;
    let response = post_support(&app, Some(&token), IDEA, true, true).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().get("location").is_none());
    let state: serde_json::Value = response.json().await.unwrap();
    assert_eq!(
        state,
        serde_json::json!({ "supported": true, "count": before + 1 })
    );

    let anonymous = post_support(&app, None, IDEA, true, true).await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(count(&app, IDEA).await, before + 1);
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_sign_in_with_the_support_remembered() {
    let app = TestApp::spawn().await;
    let before = count(&app, IDEA).await;
    let response = post_support(&app, None, IDEA, true, false).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(
        response.headers()["location"],
        "/signin?next=/ideas/1&intent=support%3A1"
    );
    assert_eq!(count(&app, IDEA).await, before);
    let (_, page) = app.get("/signin?next=/ideas/1&intent=support%3A1").await;
    assert!(
        page.contains(r#"name="intent" value="support:1""#),
        "the form carries the intent"
    );
}

#[tokio::test]
async fn ideas_the_public_cannot_see_cannot_be_supported() {
    let app = TestApp::spawn().await;
    let pending = app.db.count_ideas().await.unwrap() - 1;
    let (_, token) = signed_in(&app, 1).await;
    let response = post_support(&app, Some(&token), pending, true, true).await;
    // Not found, as for a number no idea has: an unpublished idea's existence and count are
    // nobody's business.
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(response.text().await.unwrap(), "\"NotFound\"");
    assert_eq!(count(&app, pending).await, 0);
}

/// 200 residents support at once, 50 of them twice: the count goes up by exactly 200.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_supports_count_exactly() {
    let app = std::sync::Arc::new(TestApp::spawn().await);
    let before = count(&app, IDEA).await;
    let mut tokens = Vec::new();
    for n in 0..200 {
        tokens.push(signed_in(&app, n).await.1);
    }
    let mut presses = tokio::task::JoinSet::new();
    for (n, token) in tokens.iter().enumerate() {
        for _ in 0..(1 + usize::from(n < 50)) {
            let (app, token) = (app.clone(), token.clone());
            presses.spawn(async move {
                post_support(&app, Some(&token), IDEA, true, n % 2 == 0)
                    .await
                    .status()
            });
        }
    }
    let statuses = presses.join_all().await;
    assert_eq!(statuses.len(), 250);
    assert!(
        statuses
            .iter()
            .all(|s| *s == StatusCode::OK || *s == StatusCode::FOUND),
        "{statuses:?}"
    );
    assert_eq!(count(&app, IDEA).await, before + 200);
    assert!(app.db.support_counts_agree().await.unwrap());
}

#[tokio::test]
async fn cards_show_the_visitors_support_and_lead_back_to_the_list() {
    let app = TestApp::spawn().await;
    let (_, token) = signed_in(&app, 1).await;
    post_support(&app, Some(&token), IDEA, true, false).await;
    let cookie = format!("session={}", token.as_str());

    let (_, list) = app.get_with("/ideas", &[("cookie", &cookie)]).await;
    assert_eq!(
        crate::test_app::count(&list, ">Træk din støtte tilbage</button>"),
        1,
        "only the supported card says so"
    );
    assert_eq!(crate::test_app::count(&list, ">Støt idéen</button>"), 19);
    assert_eq!(
        crate::test_app::count(&list, r#"name="next" value="/ideas""#),
        20
    );
    assert!(
        list.contains(r#"aria-describedby="idea-1""#),
        "each button names its idea"
    );

    let (_, front) = app.get("/").await;
    assert_eq!(
        crate::test_app::count(&front, ">Støt idéen</button>"),
        10,
        "anonymous visitors see plain buttons"
    );
    assert_eq!(
        crate::test_app::count(&front, r#"name="next" value="/""#),
        10
    );
}

/// No input a client sends may be answered as a server fault.
#[tokio::test]
async fn malformed_posts_are_client_errors() {
    let app = TestApp::spawn().await;
    let bodies = [
        "idea=abc&support=true&next=/",
        "support=maybe",
        "",
        "idea=1&support=true",
        "idea=99999999999999999999999&support=true&next=/",
        "%%%",
    ];
    for path in [
        "/fn/ideas/support",
        "/fn/signin/verify",
        "/fn/signin/request",
    ] {
        for body in bodies {
            let response = app
                .client
                .post(format!("{}{path}", app.base))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("accept", "application/json")
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(
                response.status(),
                StatusCode::BAD_REQUEST,
                "{path} {body:?}"
            );
        }
    }
}

/// An idea awaiting review is its author's alone; a rejected one shows its author the reason.
#[tokio::test]
async fn authors_see_their_unpublished_ideas_and_nobody_else_does() {
    let app = TestApp::spawn().await;
    let pending = app.db.count_ideas().await.unwrap() - 1;
    let rejected = pending + 1;
    let as_resident = |email: &str| {
        let (db, email) = (app.db.clone(), email.to_owned());
        async move {
            let resident = db.resident_for_email(&email, now()).await.unwrap();
            let token = signin::start_session(&db, resident, None, now())
                .await
                .unwrap();
            format!("session={}", token.as_str())
        }
    };
    // The demo's pending idea is by demo-005, the rejected one by demo-011.
    let author = as_resident("demo-005@klimadialog.invalid").await;
    let (status, page) = app
        .get_with(&format!("/ideas/{pending}"), &[("cookie", &author)])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Din idé venter på at blive godkendt"));
    assert!(
        !page.contains(">Støt idéen</button>"),
        "no supporting before approval"
    );
    assert!(page.contains(r#"<meta name="robots" content="noindex">"#));

    let stranger = as_resident("someone@example.org").await;
    let (status, _) = app
        .get_with(&format!("/ideas/{pending}"), &[("cookie", &stranger)])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.get(&format!("/ideas/{pending}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let rejected_author = as_resident("demo-011@klimadialog.invalid").await;
    let (status, page) = app
        .get_with(
            &format!("/ideas/{rejected}"),
            &[("cookie", &rejected_author)],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Din idé blev ikke godkendt"));
    assert!(
        page.contains("Reklame hører ikke hjemme i klimadialogen."),
        "the moderators' reason"
    );
}

/// A resident who presses far more often than a person does is slowed down, with a clear
/// message and a Retry-After; others are not affected, and nothing is counted twice.
#[tokio::test]
async fn floods_of_presses_are_refused_politely() {
    let app = TestApp::spawn().await;
    let before = count(&app, IDEA).await;
    let (_, token) = signed_in(&app, 1).await;
    for n in 0..60 {
        let response = post_support(&app, Some(&token), IDEA, n % 2 == 0, true).await;
        assert_eq!(response.status(), StatusCode::OK, "press {n}");
    }
    let refused = post_support(&app, Some(&token), IDEA, true, true).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: i64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=600).contains(&retry), "{retry}");

    let form = post_support(&app, Some(&token), IDEA, true, false).await;
    assert_eq!(form.headers()["location"], "/ideas/1?notice=too_many");
    let cookie = format!("session={}", token.as_str());
    let (_, page) = app
        .get_with("/ideas/1?notice=too_many", &[("cookie", &cookie)])
        .await;
    assert!(page.contains("Du har trykket mange gange på kort tid"));

    assert_eq!(
        count(&app, IDEA).await,
        before,
        "60 presses, alternating: back where it began"
    );
    let (_, other) = signed_in(&app, 2).await;
    assert_eq!(
        post_support(&app, Some(&other), IDEA, true, true)
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(count(&app, IDEA).await, before + 1);
}

#[tokio::test]
async fn my_page_lists_my_ideas_with_their_state_and_what_i_support() {
    let app = TestApp::spawn().await;
    let (status, page) = app.get("/me").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Log ind for at se dine idéer"));

    // demo-005 wrote the demo's idea that awaits review.
    let resident = app
        .db
        .resident_for_email("demo-005@klimadialog.invalid", now())
        .await
        .unwrap();
    let token = signin::start_session(&app.db, resident, None, now())
        .await
        .unwrap();
    post_support(&app, Some(&token), IDEA, true, false).await;
    let cookie = format!("session={}", token.as_str());
    let (_, page) = app.get_with("/me", &[("cookie", &cookie)]).await;
    let (mine, supported) = page.split_once("Idéer, du støtter").expect("both sections");
    assert!(mine.contains("Ladestandere på parkeringspladsen ved Klarup skole"));
    assert!(mine.contains("Afventer godkendelse"));
    assert!(supported.contains("Sammenhængende cykelsti langs Vejgårdsvej"));
    assert!(
        page.contains(r#"href="/me""#),
        "the header links to my page when signed in"
    );
}
