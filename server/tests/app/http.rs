//! The real router on port 0 with a fresh SQLite file per test, asked over real HTTP.

use crate::test_app::{TestApp, count};
use reqwest::StatusCode;

#[tokio::test]
async fn the_front_page_lists_the_top_demo_ideas_in_danish() {
    let app = TestApp::spawn().await;
    let (status, html) = app.get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..100]);
    assert!(html.contains(r#"<html lang="da""#));
    assert!(html.contains("Mest støttede idéer"));
    assert!(
        count(&html, r#"class="idea-card""#) >= 10,
        "fewer than 10 cards"
    );
    assert!(html.contains("Sammenhængende cykelsti langs Vejgårdsvej"));
    assert!(html.contains("184 støtter"));
    assert!(html.contains("Tilgængelighedserklæring"));
    assert!(html.contains(r##"href="#main""##), "skip link");
    // Complete without JavaScript: no unresolved Suspense fallbacks are left in the page.
    assert!(
        !html.contains("<!--s-"),
        "streamed placeholders left in the HTML"
    );
}

#[tokio::test]
async fn an_idea_page_shows_its_answer_and_history() {
    let app = TestApp::spawn().await;
    let (status, html) = app.get("/ideas/1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1>Sammenhængende cykelsti langs Vejgårdsvej</h1>"));
    assert!(html.contains("Kommunens svar"));
    assert!(html.contains("Med i klimaplanen"));
    assert!(html.contains("Under behandling"));
    assert!(html.contains(r#"property="og:title""#));
    // The demo's first idea is by a resident with a public display name.
    assert!(html.contains("Foreslået af Mette den"), "byline");
}

#[tokio::test]
async fn unknown_hidden_and_malformed_ideas_are_real_404_pages() {
    let app = TestApp::spawn().await;
    let pending = app.db.count_ideas().await.unwrap() - 1;
    let rejected = pending + 1;
    for path in [
        "/ideas/99999".to_owned(),
        format!("/ideas/{pending}"),
        format!("/ideas/{rejected}"),
        "/ideas/abc".to_owned(),
        "/ideas/-1".to_owned(),
        "/no/such/page".to_owned(),
    ] {
        let (status, html) = app.get(&path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(html.contains("Siden findes ikke"), "{path}");
        assert!(html.contains(r#"<html lang="da""#), "{path}");
    }
}

#[tokio::test]
async fn the_list_pages_through_every_published_idea() {
    let app = TestApp::spawn().await;
    let (status, first) = app.get("/ideas").await;
    assert_eq!(status, StatusCode::OK);
    assert!(first.contains("61 idéer"));
    assert_eq!(count(&first, r#"class="idea-card""#), 20);
    assert!(first.contains("Side 1 af 4"));
    let (_, last) = app.get("/ideas?page=4").await;
    assert_eq!(count(&last, r#"class="idea-card""#), 1);
    // A page number that is no page sends to the first page.
    let (status, _) = app.get("/ideas?page=-3").await;
    assert_eq!(status, StatusCode::FOUND);
}

#[tokio::test]
async fn english_by_accept_language_and_by_the_switch() {
    let app = TestApp::spawn().await;
    let (_, html) = app
        .get_with("/", &[("accept-language", "en-GB,en;q=0.9")])
        .await;
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("Most supported ideas"));
    assert!(html.contains("184 supporters"), "English counts supporters");

    // The switch on a page links back to that very page, query included.
    let (_, page_two) = app.get("/ideas?page=2").await;
    assert!(
        page_two.contains(r#"href="/lang/en?next=/ideas%3Fpage%3D2""#),
        "switch link lost the query"
    );

    let response = app
        .client
        .get(format!("{}/lang/en?next=%2Fideas%3Fpage%3D2", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/ideas?page=2");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("lang=en;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"));

    let (_, html) = app
        .get_with(
            "/ideas/1",
            &[("cookie", "lang=en"), ("accept-language", "da")],
        )
        .await;
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("The municipality's answer"));
    assert!(html.contains("Thank you. The cycle path"));

    let (_, html) = app
        .get_with("/", &[("cookie", "lang=da"), ("accept-language", "en")])
        .await;
    assert!(html.contains(r#"<html lang="da""#));
}

#[tokio::test]
async fn the_language_switch_only_returns_to_this_site() {
    let app = TestApp::spawn().await;
    for next in [
        "https%3A%2F%2Fevil.example",
        "%2F%2Fevil.example",
        "%2F%5Cevil.example",
    ] {
        let response = app
            .client
            .get(format!("{}/lang/da?next={next}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["location"], "/", "{next}");
    }
    let (status, _) = app.get("/lang/xx").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_accessibility_statement_is_generated_from_configuration() {
    let app = TestApp::spawn().await;
    let (status, html) = app.get("/tilgaengelighed").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1>Tilgængelighedserklæring</h1>"));
    assert!(html.contains("Aalborg Kommune ønsker"));
    assert!(html.contains("https://www.aalborg.dk"));
    let (_, en) = app
        .get_with("/tilgaengelighed", &[("accept-language", "en")])
        .await;
    assert!(en.contains("<h1>Accessibility statement</h1>"));
    for page in [&html, &en] {
        assert!(
            page.contains(r#"<a href="/tilgaengelighed">"#),
            "the footer"
        );
    }
    // The evidence WAS-Tool asks for: what is tested, on every change.
    assert!(html.contains("Det tester vi ved hver ændring") && html.contains("320 pixels"));
    assert!(html.contains("Kendte undtagelser"));
    assert!(!html.contains("tel:"), "no phone configured, none shown");
    let response = app
        .client
        .get(format!("{}/was", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()["location"], "/tilgaengelighed");
}

#[tokio::test]
async fn with_a_was_tool_statement_the_footer_and_was_lead_there_and_the_page_is_the_evidence() {
    let was = "https://www.was.digst.dk/klimadialog-aalborg-dk";
    let app = TestApp::spawn_with(
        None,
        &[
            "--accessibility-statement-url",
            was,
            "--accessibility-phone",
            "99 31 31 31",
            "--accessibility-email",
            "tilgaengelighed@aalborg.example",
        ],
    )
    .await;
    let response = app
        .client
        .get(format!("{}/was", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()["location"], was);
    for path in ["/", "/ideas", "/privatliv"] {
        let (_, page) = app.get(path).await;
        assert!(
            page.contains(&format!(r#"<a href="{was}">Tilgængelighedserklæring</a>"#)),
            "{path}"
        );
    }
    let (status, page) = app.get("/tilgaengelighed").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("<h1>Sådan tester vi tilgængeligheden</h1>"),
        "{page}"
    );
    assert!(page.contains(&format!(r#"<a href="{was}" hreflang="da">"#)));
    assert!(
        page.contains(r#"<a href="tel:99313131" translate="no">99 31 31 31</a>"#),
        "phone"
    );
    assert!(
        page.contains("mailto:tilgaengelighed@aalborg.example"),
        "written"
    );
}

#[tokio::test]
async fn healthz_checks_the_database() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get("/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains(r#""database":"ok""#));
    // What a rolling upgrade waits for: the release and the schema now running.
    let health: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(health["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(health["schema"], klimadialog::storage::schema_version());
    assert!(health["schema"].as_i64().unwrap() >= 28);
    app.db.close().await;
    let (status, body) = app.get("/healthz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(body.contains("unavailable"));
}

#[tokio::test]
async fn user_text_is_escaped() {
    let app = TestApp::spawn().await;
    let (_, html) = app.get("/ideas/1").await;
    assert!(!html.contains("<script>alert"));
    let (status, html) = app.get("/ideas/%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!html.contains("<script>alert(1)</script>"));
}

#[tokio::test]
async fn oversized_bodies_are_refused_before_anything_is_stored() {
    let app = TestApp::spawn().await;
    let big = format!(
        "email=a%40example.org&next=%2F&filler={}",
        "x".repeat(200 * 1024)
    );
    for path in ["/fn/signin/request", "/fn/ideas/support", "/fn/me/delete"] {
        let response = app
            .client
            .post(format!("{}{path}", app.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(big.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            reqwest::StatusCode::PAYLOAD_TOO_LARGE,
            "{path}"
        );
        assert!(response.text().await.unwrap().contains("for stort"));
    }
    assert_eq!(app.db.count_sign_in_codes().await.unwrap(), 0);
}

#[tokio::test]
async fn an_idea_page_links_its_area_and_topic_and_previews_well_when_shared() {
    let app = TestApp::spawn().await;
    let (_, page) = app.get("/ideas/1").await;
    assert!(page.contains(r#"<a href="/ideas?area=9000-aalborg">9000 Aalborg</a>"#));
    assert!(page.contains(r#"href="/ideas?sector=transport""#));
    assert!(page.contains(
        r#"<meta property="og:title" content="Sammenhængende cykelsti langs Vejgårdsvej""#
    ));
    assert!(page.contains(r#"<meta name="description" content="Mange børn cykler"#));
    assert!(page.contains(r#"class="mini-map""#));
    assert!(page.contains(r#"aria-label="Kort over 9000 Aalborg""#));
}

#[tokio::test]
async fn every_kind_of_response_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    let paths = [
        "/",
        "/ideas",
        "/ideas/1",
        "/ideas/999999",
        "/map",
        "/stats",
        "/signin",
        "/staff/login",
        "/staff",
        "/api/ideas.json",
        "/api/ideas.geojson",
        "/healthz",
        "/pkg/klimadialog.css",
        "/no-such-page",
    ];
    for path in paths {
        let response = app
            .client
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        let headers = response.headers();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        assert_eq!(
            headers["referrer-policy"], "strict-origin-when-cross-origin",
            "{path}"
        );
        assert!(
            headers["permissions-policy"]
                .to_str()
                .unwrap()
                .contains("geolocation=(self)"),
            "{path}"
        );
        assert!(
            headers["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert!(
            headers.get("strict-transport-security").is_none(),
            "{path}: plain HTTP"
        );
    }
    let response = app
        .client
        .post(format!("{}/fn/ideas/support", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("idea=1&support=true&next=%2F")
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.headers()["x-content-type-options"],
        "nosniff",
        "server functions too"
    );
}

/// Pages allow scripts from the site only, and their inline script by a nonce that changes
/// with every response; nothing else inline runs. (Pages kept for visitors without a session
/// name their scripts' hashes instead: `page_cache.rs`; here every page is rendered.)
#[tokio::test]
async fn the_script_policy_names_a_fresh_nonce_that_every_inline_script_carries() {
    let app = TestApp::spawn_with(None, &["--page-cache", "false"]).await;
    let mut nonces = Vec::new();
    for path in [
        "/",
        "/ideas",
        "/ideas/1",
        "/map",
        "/signin",
        "/no-such-page",
    ] {
        let (policy, page) = app.policy_and_page(path).await;
        for directive in [
            "default-src 'self'",
            "'wasm-unsafe-eval'",
            "style-src 'self'",
            "object-src 'none'",
            "frame-ancestors 'none'",
        ] {
            assert!(policy.contains(directive), "{path}: {policy}");
        }
        assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
        let nonce = policy
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .expect("a nonce")
            .to_owned();
        assert!(nonce.len() >= 22, "128 bits: {nonce}");
        // Scripts from a file (`src`) run by the policy's 'self'; the inline ones need the nonce.
        let scripts = page.matches("<script").count()
            - page.matches("<script type=\"module\" src=\"/").count();
        assert!(scripts > 0, "{path} loads the islands");
        assert_eq!(
            page.matches(&format!("<script nonce=\"{nonce}\"")).count()
                + page
                    .matches(&format!("<script type=\"module\" nonce=\"{nonce}\""))
                    .count(),
            scripts,
            "{path}: every script carries the nonce\n{page}"
        );
        nonces.push(nonce);
    }
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 6, "a fresh nonce per response");
}

#[tokio::test]
async fn hsts_only_when_the_site_is_served_over_https() {
    let app = TestApp::spawn_with(None, &["--public-url", "https://klimadialog.aalborg.dk"]).await;
    let response = app
        .client
        .get(format!("{}/", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
}

/// Every endpoint that changes something, as a browser on another site would post to it.
const WRITES: &[&str] = &[
    "/fn/ideas/locate",
    "/fn/ideas/report",
    "/fn/ideas/submit",
    "/fn/ideas/support",
    "/fn/me/delete",
    "/fn/signin/request",
    "/fn/signin/verify",
    "/fn/signout",
    "/fn/staff/areas/apply",
    "/fn/staff/ideas/merge",
    "/fn/staff/ideas/note",
    "/fn/staff/ideas/status",
    "/fn/staff/ideas/unmerge",
    "/fn/staff/login",
    "/fn/staff/logout",
    "/fn/staff/moderation/act",
    "/fn/staff/moderation/correct",
    "/fn/staff/team/add",
    "/fn/staff/team/change",
    "/ideas/new",
    "/staff/areas/upload",
];

#[tokio::test]
async fn posts_from_another_site_are_refused_on_every_write() {
    let app = TestApp::spawn().await;
    let staff_before = app.db.count_staff().await.unwrap();
    for path in WRITES {
        for (name, value) in [
            ("origin", "https://evil.example"),
            ("sec-fetch-site", "cross-site"),
        ] {
            let response = app
                .client
                .post(format!("{}{path}", app.base))
                .header("content-type", "application/x-www-form-urlencoded")
                .header(name, value)
                .body("username=anna&password=x&next=%2Fstaff&email=a%40example.dk&idea=1&support=true")
                .send()
                .await
                .unwrap();
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{path} with {name}: {value}"
            );
            assert!(response.text().await.unwrap().contains("another site"));
        }
    }
    assert_eq!(app.db.count_staff().await.unwrap(), staff_before);
    // The site's own forms pass: same origin, or a same-site fetch.
    let response = app
        .client
        .post(format!("{}/fn/signin/request", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .header("origin", app.base.as_str())
        .header("sec-fetch-site", "same-origin")
        .body("email=lone%40example.dk&next=%2F")
        .send()
        .await
        .unwrap();
    assert_ne!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn personal_responses_are_never_stored_and_public_pages_say_what_they_vary_by() {
    let app = TestApp::spawn().await;
    let mut resident = crate::test_app::Browser::new(&app);
    resident.sign_in_as("eget@example.org").await;
    let cookie = resident.jar.header();
    let header = |response: &reqwest::Response, name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    for (path, with_session) in [
        ("/me", true),
        ("/ideas/1", true),
        ("/", true),
        ("/fn/me/data", true),
        ("/signin/code?next=/", false),
        ("/signin", false),
        ("/staff/login", false),
        ("/ideas/new", false),
    ] {
        let mut request = app.client.get(format!("{}{path}", app.base));
        if with_session {
            request = request.header("cookie", &cookie);
        }
        let response = request.send().await.unwrap();
        assert_eq!(header(&response, "cache-control"), "no-store", "{path}");
    }
    let public = app
        .client
        .get(format!("{}/ideas/1", app.base))
        .send()
        .await
        .unwrap();
    assert!(!header(&public, "cache-control").contains("store"));
    let vary = header(&public, "vary").to_ascii_lowercase();
    for name in ["cookie", "accept-language", "accept-encoding"] {
        assert!(vary.contains(name), "Vary: {vary}");
    }
}

#[tokio::test]
async fn the_privacy_notice_names_the_controller_the_periods_the_code_keeps_and_the_way_to_complain()
 {
    let app = TestApp::spawn_with(None, &["--dpo-email", "databeskyttelse@aalborg.dk"]).await;
    let (status, page) = app.get("/privatliv").await;
    assert_eq!(status, StatusCode::OK);
    for expected in [
        "Aalborg Kommune er dataansvarlig",
        "databeskyttelse@aalborg.dk",
        "artikel 6, stk. 1, litra e",
        "Kun administratorer kan hente en fil med forslagsstillernes e-mailadresser",
        "Datatilsynet",
        r#"href="/me""#,
    ] {
        assert!(page.contains(expected), "{expected}");
    }
    // The periods are the ones the code deletes by.
    let kept = |what: &str, period: &str| {
        assert!(
            page.contains(&format!(r#"<th scope="row">{what}</th><td>{period}</td>"#)),
            "{what}: {period}"
        );
    };
    kept(
        "Koder til at logge ind, med den e-mailadresse de blev sendt til",
        "1 dag",
    );
    kept("At du er logget ind (på din enhed)", "30 dage");
    kept("Foto til en idé, der er afvist eller skjult", "12 timer");
    assert_eq!(
        klimadialog::retention::RESIDENT_SESSION_SECONDS,
        30 * 24 * 3600
    );

    let (_, english) = app
        .get_with("/privatliv", &[("accept-language", "en")])
        .await;
    assert!(english.contains("is the data controller"));
    assert!(english.contains("Datatilsynet"));
    // Linked from every page's footer, from sign-in and from the propose form.
    for path in ["/", "/signin", "/ideas/new", "/map"] {
        assert!(
            app.get(path).await.1.contains(r#"href="/privatliv""#),
            "{path}"
        );
    }
    // The sign-in page no longer says the address is never shown to anyone: admins can
    // export it.
    assert!(
        app.get("/signin")
            .await
            .1
            .contains("aldrig vist offentligt")
    );
}

#[tokio::test]
async fn the_footer_states_the_configured_targets_and_labels_say_what_they_count() {
    let app =
        TestApp::spawn_with(None, &["--target-percent", "80", "--neutral-year", "2045"]).await;
    let (_, home) = app.get("/").await;
    assert!(
        home.contains("80 % mindre udledning i 2030, klimaneutral senest i 2045"),
        "{home}"
    );
    // "Se alle 61 idéer": the number said once, not "Se alle idéer (61 idéer)".
    let link = &home[home.find(">Se alle ").unwrap()..];
    let link = &link[..link.find("</a>").unwrap()];
    let number = link
        .trim_start_matches(">Se alle ")
        .trim_end_matches(" idéer");
    assert!(number.parse::<u32>().is_ok(), "{link}");
    let (_, en) = app.get_with("/", &[("accept-language", "en")]).await;
    assert!(en.contains("80% lower emissions by 2030, climate neutral by 2045"));
    // A mitigation idea's category is its sector; an adaptation idea's, its theme.
    let (_, list) = app.get("/ideas?kind=mitigation").await;
    assert!(list.contains("<dt>Sektor</dt>") && !list.contains("<dt>Tema</dt>"));
    let (_, list) = app.get("/ideas?kind=adaptation").await;
    assert!(list.contains("<dt>Tema</dt>") && !list.contains("<dt>Sektor</dt>"));
}

#[tokio::test]
async fn text_in_another_language_than_the_page_is_marked_with_lang() {
    use klimadialog::storage::{StatusUpdate, now};
    let app = TestApp::spawn().await;
    let english = app
        .insert_published_idea(
            "Safe bike lanes to the schools",
            "More bike lanes to the schools, so that children can cycle on their own.",
            None,
        )
        .await;
    app.db
        .set_status(
            english,
            &StatusUpdate {
                status: klimadialog::PublicStatus::UnderReview,
                answer_da: Some("Vi ser på det sammen med skolerne."),
                answer_en: None,
                staff: None,
                at: now(),
            },
        )
        .await
        .unwrap();
    let path = format!("/ideas/{}", english.0);
    // On a Danish page the English idea is marked; the Danish answer is not.
    let (_, da) = app.get(&path).await;
    assert!(da.contains(r#"<h1 lang="en">Safe bike lanes"#), "{da}");
    assert!(
        da.contains("<p>Vi ser på det sammen med skolerne.</p>"),
        "{da}"
    );
    assert!(da.contains("<p>Vi ser på det sammen med skolerne.</p>"));
    // On an English page the idea is not, the Danish answer is.
    let (_, en) = app.get_with(&path, &[("accept-language", "en")]).await;
    assert!(en.contains("<h1>Safe bike lanes"), "{en}");
    assert!(en.contains(r#"<p lang="da">Vi ser på det sammen med skolerne.</p>"#));
    // Danish ideas on an English list are marked, on a Danish list not.
    // Each card's title: marked on the English list (the demo ideas are Danish), never on the
    // Danish one.
    let titles = |page: &str| -> Vec<String> {
        page.split(r#"<h3 id="idea-"#)
            .skip(1)
            .map(|card| card[..card.find("</a>").unwrap()].to_owned())
            .collect()
    };
    let (_, list) = app.get_with("/ideas", &[("accept-language", "en")]).await;
    let english_titles = titles(&list);
    assert!(english_titles.len() > 5);
    for title in &english_titles {
        let marked = if title.contains("Safe bike lanes") {
            ""
        } else {
            r#" lang="da""#
        };
        assert!(title.contains(&format!(r#""{marked}>"#)), "{title}");
        assert_eq!(title.contains(" lang="), !marked.is_empty(), "{title}");
    }
    let (_, list) = app.get("/ideas").await;
    for title in titles(&list) {
        let marked = if title.contains("Safe bike lanes") {
            r#" lang="en""#
        } else {
            ""
        };
        assert!(title.contains(&format!(r#""{marked}>"#)), "{title}");
        assert_eq!(title.contains(" lang="), !marked.is_empty(), "{title}");
    }
}
