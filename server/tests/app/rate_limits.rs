//! The flood guard in front of sign-in, staff login, proposals, supports, reports and exports:
//! per client address, 429 with Retry-After and a sentence, other addresses untouched. The
//! server trusts the loopback proxy here, so each test address comes in `X-Forwarded-For`
//! as it would through the municipality's reverse proxy.

use reqwest::StatusCode;

use crate::test_app::TestApp;

async fn behind_proxy() -> TestApp {
    TestApp::spawn_with(None, &["--trusted-proxies", "127.0.0.1"]).await
}

/// One request of a guarded kind from `client`, as a script (JSON) or a browser form post.
async fn send(
    app: &TestApp,
    (method, path, body): (&str, &str, &str),
    client: &str,
    page: bool,
) -> reqwest::Response {
    // `{n}` becomes a number never sent before: an address the page cache cannot have.
    static SENT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = SENT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let url = format!("{}{}", app.base, path.replace("{n}", &n.to_string()));
    let request = if method == "GET" {
        app.client.get(url)
    } else {
        app.client
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_owned())
    };
    let accept = if page {
        "text/html,*/*;q=0.8"
    } else {
        "application/json"
    };
    request
        .header("x-forwarded-for", client)
        .header("accept", accept)
        .send()
        .await
        .unwrap()
}

const GUARDED: [((&str, &str, &str), usize); 9] = [
    (
        (
            "POST",
            "/fn/signin/verify",
            "email=a%40example.org&code=000000&next=%2F",
        ),
        30,
    ),
    (
        (
            "POST",
            "/fn/staff/login",
            "username=nobody&password=wrong&next=%2Fstaff",
        ),
        10,
    ),
    (("POST", "/ideas/new", "step=kind"), 120),
    (
        ("POST", "/fn/ideas/support", "id=1&support=true&next=%2F"),
        300,
    ),
    (
        (
            "POST",
            "/fn/ideas/report",
            "id=1&reason=spam&comment=&next=%2F",
        ),
        30,
    ),
    (("GET", "/staff/export/ideas.csv", ""), 20),
    (("GET", "/api/ideas.json", ""), 60),
    // Any other server function, here one a page loads with (refused, signed out).
    (("POST", "/fn/staff/dashboard", ""), 600),
    // Pages rendered for the asker: here searches, each a new address the cache lacks.
    (("GET", "/ideas?q=flood{n}", ""), 600),
];

/// Sends until refused; returns how many passed and the refusal. The bucket refills while the
/// flood runs, so a few more than the burst may pass; a guard that never refuses fails here.
async fn flood(
    app: &TestApp,
    request: (&str, &str, &str),
    client: &str,
    page: bool,
    burst: usize,
) -> (usize, reqwest::Response) {
    for passed in 0..burst * 2 {
        let response = send(app, request, client, page).await;
        let status = response.status();
        if status == StatusCode::TOO_MANY_REQUESTS {
            return (passed, response);
        }
        assert!(!status.is_server_error(), "{request:?} #{passed}: {status}");
    }
    panic!(
        "{request:?}: {} requests from one address, none refused",
        burst * 2
    );
}

#[tokio::test]
async fn each_guarded_kind_refuses_a_flood_from_one_address_only() {
    let app = behind_proxy().await;
    for (n, (request, burst)) in GUARDED.into_iter().enumerate() {
        let flooder = format!("198.51.100.{}", n + 1);
        let (passed, refused) = flood(&app, request, &flooder, false, burst).await;
        assert!(passed >= burst, "{request:?}: only {passed} passed");
        let retry: u64 = refused.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=60).contains(&retry), "{request:?}: {retry}");
        let body: serde_json::Value = refused.json().await.unwrap();
        assert_eq!(body["RateLimited"]["retry_after"], retry, "{request:?}");

        let (_, page) = flood(&app, request, &flooder, true, burst).await;
        assert!(page.headers().contains_key("retry-after"));
        assert_eq!(page.headers()["x-content-type-options"], "nosniff");
        let text = page.text().await.unwrap();
        assert!(text.contains("For mange forsøg"), "{text}");
        assert!(text.contains("Too many requests"), "{text}");

        let neighbour = send(&app, request, "203.0.113.7", false).await.status();
        assert_ne!(neighbour, StatusCode::TOO_MANY_REQUESTS, "{request:?}");
    }
}

/// Without a trusted proxy the header is anyone's to write, so it changes nothing: a flood
/// cannot dodge the guard by inventing addresses.
#[tokio::test]
async fn forged_forwarded_addresses_do_not_dodge_the_guard() {
    let app = TestApp::spawn().await;
    let (request, burst) = GUARDED[1];
    for i in 0..burst {
        let status = send(&app, request, &format!("192.0.2.{i}"), false)
            .await
            .status();
        assert_ne!(status, StatusCode::TOO_MANY_REQUESTS, "#{i}");
    }
    let refused = send(&app, request, "192.0.2.250", false).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
}

/// An IPv6 client counts by its /64: a phone or a home gets a whole /64 and could take a new
/// address from it for every request.
#[tokio::test]
async fn an_ipv6_flood_from_one_64_is_one_client() {
    let app = behind_proxy().await;
    let (request, burst) = GUARDED[1];
    for i in 0..burst {
        let status = send(&app, request, &format!("2001:db8:1:2::{:x}", i + 1), false)
            .await
            .status();
        assert_ne!(status, StatusCode::TOO_MANY_REQUESTS, "#{i}");
    }
    let same_64 = send(&app, request, "2001:db8:1:2:ffff::9", false).await;
    assert_eq!(same_64.status(), StatusCode::TOO_MANY_REQUESTS);
    let next_64 = send(&app, request, "2001:db8:1:3::1", false).await;
    assert_ne!(next_64.status(), StatusCode::TOO_MANY_REQUESTS);
}

/// A proxy that adds its own `X-Forwarded-For` line after the client's (HAProxy does): the
/// client's own line is not believed, the proxy's is.
#[tokio::test]
async fn a_forged_forwarded_line_before_the_proxy_line_is_not_believed() {
    let app = behind_proxy().await;
    let (request, burst) = GUARDED[1];
    let (method, path, body) = request;
    assert_eq!(method, "POST");
    let mut refused = false;
    for i in 0..burst + 1 {
        let status = app
            .client
            .post(format!("{}{path}", app.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .header("x-forwarded-for", format!("192.0.2.{i}"))
            .header("x-forwarded-for", "198.51.100.77")
            .body(body)
            .send()
            .await
            .unwrap()
            .status();
        refused |= status == StatusCode::TOO_MANY_REQUESTS;
    }
    assert!(refused, "every forged line counted as a new client");
}

/// Load tests on loopback switch the limits off; then nothing is refused.
#[tokio::test]
async fn switched_off_for_load_tests_nothing_is_refused() {
    let app = TestApp::spawn_with(None, &["--rate-limits", "false"]).await;
    let (request, burst) = GUARDED[1];
    for i in 0..burst * 3 {
        let status = send(&app, request, "192.0.2.1", false).await.status();
        assert_ne!(status, StatusCode::TOO_MANY_REQUESTS, "#{i}");
    }
}
