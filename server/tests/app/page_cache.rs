//! The copy of public pages kept for visitors without a session and, with each resident's own
//! parts put in, for signed-in residents: shared only where a page is the same for everyone,
//! current after every write, in each language, with a policy that lets exactly its own scripts
//! run. A page served from memory carries an `Age` header.

use crate::test_app::{Browser, TestApp, count};
use klimadialog::IdeaId;
use klimadialog::storage::now;
use reqwest::StatusCode;

async fn fetch(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = app.client.get(format!("{}{path}", app.base));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

fn from_memory(response: &reqwest::Response) -> bool {
    response.headers().contains_key("age")
}

async fn supports_shown(app: &TestApp, idea: i64) -> (bool, String) {
    let response = fetch(app, &format!("/ideas/{idea}"), &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let kept = from_memory(&response);
    (kept, response.text().await.unwrap())
}

fn count_text(n: i64) -> String {
    format!(">{n} støtter<")
}

#[tokio::test]
async fn a_visitor_gets_the_kept_page_until_a_write_changes_it() {
    let app = TestApp::spawn().await;
    let n = app.db.support_count(IdeaId(1)).await.unwrap().unwrap();
    let (kept, first) = supports_shown(&app, 1).await;
    assert!(!kept, "the first request renders");
    assert!(first.contains(&count_text(n)), "{n} supports shown");
    let (kept, second) = supports_shown(&app, 1).await;
    assert!(kept, "the second comes from memory");
    assert_eq!(first, second);

    // A resident supports through the site (a form post): the next visitor sees it at once.
    let mut resident = Browser::new(&app);
    resident.sign_in_as("supporter@example.org").await;
    let (status, _) = resident
        .post_form(
            "/fn/ideas/support",
            &[("idea", "1"), ("support", "true"), ("next", "/ideas/1")],
        )
        .await;
    assert_eq!(status, StatusCode::FOUND);
    let (kept, after) = supports_shown(&app, 1).await;
    assert!(!kept, "a write makes the page render again");
    assert!(
        after.contains(&count_text(n + 1)),
        "the new support is shown"
    );

    // A write straight into the database (a command-line tool, say) counts the same.
    let resident = app
        .db
        .resident_for_email("other@example.org", now())
        .await
        .unwrap();
    app.db
        .add_public_support(IdeaId(1), resident, now())
        .await
        .unwrap();
    let (kept, after) = supports_shown(&app, 1).await;
    assert!(!kept);
    assert!(after.contains(&count_text(n + 2)));
}

/// Whether the page shows idea `idea`'s support button as supported by the viewer.
fn shows_supported(page: &str, idea: i64) -> bool {
    // The card's title, then its support form: the hidden field says what a click would ask.
    let card = page
        .split("<li class=\"idea-card\">")
        .find(|card| card.contains(&format!("id=\"idea-{idea}\"")))
        .unwrap_or_else(|| panic!("idea {idea} on the page"));
    assert!(!card.contains("<template"), "no marker reaches a resident");
    card.contains("name=\"support\" value=\"false\"")
}

#[tokio::test]
async fn signed_in_residents_get_one_shared_render_with_their_own_supports() {
    let app = TestApp::spawn().await;
    let mut ann = Browser::new(&app);
    let ann_id = ann.sign_in_as("ann@example.org").await;
    let mut bo = Browser::new(&app);
    bo.sign_in_as("bo@example.org").await;
    app.db
        .add_public_support(IdeaId(1), ann_id, now())
        .await
        .unwrap();
    let ann_cookie = ann.jar.header();
    let bo_cookie = bo.jar.header();

    let first = fetch(&app, "/", &[("cookie", &ann_cookie)]).await;
    assert!(!from_memory(&first), "the first resident's request renders");
    assert_eq!(
        first.headers()["cache-control"],
        "no-store",
        "never kept by a browser or proxy"
    );
    let first = first.text().await.unwrap();
    assert!(first.contains("Log ud"), "the resident is signed in");
    assert!(shows_supported(&first, 1), "Ann sees her support");
    assert!(!shows_supported(&first, 2));

    let other = fetch(&app, "/", &[("cookie", &bo_cookie)]).await;
    assert!(
        from_memory(&other),
        "the next resident's page comes from the shared render"
    );
    let other = other.text().await.unwrap();
    assert!(other.contains("Log ud"));
    assert!(!shows_supported(&other, 1), "Bo does not get Ann's support");

    // Gzip, as browsers ask: the same page.
    let gzipped = fetch(
        &app,
        "/",
        &[
            ("cookie", &ann_cookie),
            ("accept-encoding", "gzip, deflate, br, zstd"),
        ],
    )
    .await;
    assert_eq!(gzipped.headers()["content-encoding"], "gzip");
    let bytes = gzipped.bytes().await.unwrap();
    let mut unpacked = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut unpacked)
        .unwrap();
    assert_eq!(unpacked, first);

    // Bo supports through the site: his next page shows it at once.
    let (status, _) = bo
        .post_form(
            "/fn/ideas/support",
            &[("idea", "2"), ("support", "true"), ("next", "/")],
        )
        .await;
    assert_eq!(status, StatusCode::FOUND);
    let after = fetch(&app, "/", &[("cookie", &bo_cookie)])
        .await
        .text()
        .await
        .unwrap();
    assert!(shows_supported(&after, 2), "his own support, at once");
    assert!(!shows_supported(&after, 1));

    // Visitors never get a resident's page, nor the residents' shared render.
    for _ in 0..2 {
        let page = fetch(&app, "/", &[]).await.text().await.unwrap();
        assert!(
            !page.contains("Log ud"),
            "a visitor never gets a resident's page"
        );
        assert!(!page.contains("<template"));
    }

    // A session that has ended gets the page rendered for the request, signed out.
    ann.post_form("/fn/signout", &[]).await;
    let ended = fetch(&app, "/", &[("cookie", &ann_cookie)]).await;
    assert!(!from_memory(&ended));
    let ended = ended.text().await.unwrap();
    assert!(
        !shows_supported(&ended, 1),
        "nobody's supports without a session"
    );
}

#[tokio::test]
async fn a_residents_half_typed_text_keeps_their_pages_their_own() {
    let app = TestApp::spawn().await;
    let mut resident = Browser::new(&app);
    resident.sign_in_as("me@example.org").await;
    let cookie = resident.jar.header();
    // Something half-typed makes every page theirs.
    let typed = format!("{cookie}; typed=x");
    for _ in 0..2 {
        let response = fetch(&app, "/", &[("cookie", &typed)]).await;
        assert!(
            !from_memory(&response),
            "with typed text, the page is theirs"
        );
    }
    // The site's other personal cookies make the page the visitor's too.
    for cookie in ["draft=abc", "typed=x", "staff_session=y"] {
        fetch(&app, "/ideas", &[("cookie", cookie)]).await;
        let again = fetch(&app, "/ideas", &[("cookie", cookie)]).await;
        assert!(!from_memory(&again), "{cookie}");
    }
    // Cookies that are not the site's (a parent domain's, say) change nothing.
    fetch(&app, "/ideas", &[("cookie", "_ga=GA1.2.3")]).await;
    let other = fetch(
        &app,
        "/ideas",
        &[("cookie", "_ga=GA1.2.4; CookieConsent=1")],
    )
    .await;
    assert!(from_memory(&other));
}

#[tokio::test]
async fn each_language_has_its_own_copy() {
    let app = TestApp::spawn().await;
    for _ in 0..2 {
        let en = fetch(&app, "/map", &[("accept-language", "en-GB,en;q=0.8")]).await;
        assert!(en.text().await.unwrap().contains("<html lang=\"en\""));
        let da = fetch(&app, "/map", &[("cookie", "lang=da")]).await;
        assert!(da.text().await.unwrap().contains("<html lang=\"da\""));
        let en = fetch(&app, "/map", &[("cookie", "lang=en; seed=5")]).await;
        assert!(
            from_memory(&en),
            "the language cookie shares the English copy"
        );
        assert!(en.text().await.unwrap().contains("<html lang=\"en\""));
    }
}

#[tokio::test]
async fn random_order_missing_pages_and_a_disabled_cache_are_never_kept() {
    let app = TestApp::spawn().await;
    for path in ["/ideas?sort=random", "/ideas/999999", "/signin"] {
        for _ in 0..2 {
            let response = fetch(&app, path, &[("cookie", "seed=42")]).await;
            assert!(!from_memory(&response), "{path}");
        }
    }
    let random = fetch(&app, "/ideas?sort=random", &[("cookie", "seed=42")]).await;
    assert_eq!(
        random.headers()["cache-control"],
        "private",
        "nor kept by proxies"
    );
    let off = TestApp::spawn_with(None, &["--page-cache", "false"]).await;
    for _ in 0..2 {
        assert!(!from_memory(&fetch(&off, "/", &[]).await));
    }
}

#[tokio::test]
async fn a_kept_page_lets_exactly_its_own_scripts_run_and_comes_gzipped_on_request() {
    use base64::Engine;
    use sha2::Digest;
    use std::io::Read;
    let app = TestApp::spawn().await;
    fetch(&app, "/ideas", &[]).await;
    let kept = fetch(&app, "/ideas", &[]).await;
    assert!(from_memory(&kept));
    let policy = kept.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        kept.headers()["x-frame-options"],
        "DENY",
        "the security headers come along"
    );
    let page = kept.text().await.unwrap();
    assert!(!policy.contains("'nonce-"), "{policy}");
    let scripts: Vec<&str> = page
        .split("<script")
        .skip(1)
        .filter(|s| !s[..s.find('>').unwrap()].contains(" src="))
        .map(|s| &s[s.find('>').unwrap() + 1..s.find("</script>").unwrap()])
        .collect();
    assert!(scripts.len() >= 2, "the islands' loader and state");
    for script in &scripts {
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script));
        assert!(policy.contains(&format!("'sha256-{hash}'")), "{script}");
    }
    assert_eq!(count(&policy, "'sha256-"), scripts.len());

    let gzipped = fetch(&app, "/ideas", &[("accept-encoding", "gzip, deflate, br")]).await;
    assert!(from_memory(&gzipped));
    assert_eq!(gzipped.headers()["content-encoding"], "gzip");
    let bytes = gzipped.bytes().await.unwrap();
    let mut plain = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut plain)
        .unwrap();
    assert_eq!(plain, page);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crowd_arriving_at_once_gets_the_same_page() {
    let app = TestApp::spawn().await;
    let crowd: Vec<_> = (0..40)
        .map(|_| {
            let client = app.client.clone();
            let url = format!("{}/stats", app.base);
            tokio::spawn(async move { client.get(url).send().await.unwrap() })
        })
        .collect();
    let mut rendered = 0;
    let mut pages = std::collections::HashSet::new();
    for visitor in crowd {
        let response = visitor.await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        rendered += usize::from(!from_memory(&response));
        pages.insert(response.text().await.unwrap());
    }
    assert_eq!(pages.len(), 1, "everyone saw the same page");
    assert!(rendered <= 2, "{rendered} renders for 40 visitors");
}

#[tokio::test]
async fn only_writes_that_change_a_public_page_make_pages_render_again() {
    let app = TestApp::spawn().await;
    let (kept, _) = supports_shown(&app, 1).await;
    assert!(!kept);
    // Requests that change nothing public: a post nowhere, a refused form, a sign-in code
    // asked for (its row is private), a draft saved.
    let anyone = reqwest::Client::new();
    for (path, body) in [
        ("/nope", ""),
        ("/fn/staff/ideas/status", "idea=1&status=in_plan"),
        ("/fn/signin/request", "email=ny%40example.org&next=%2F"),
    ] {
        anyone
            .post(format!("{}{path}", app.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "text/html")
            .body(body)
            .send()
            .await
            .unwrap();
    }
    let mut visitor = Browser::new(&app);
    visitor
        .post_multipart("/ideas/new", &[("title", "Et udkast")], None)
        .await;
    let (kept, _) = supports_shown(&app, 1).await;
    assert!(kept, "still the kept page");
}

#[tokio::test]
async fn odd_addresses_share_their_page_and_cannot_crowd_out_the_front_page() {
    let app = TestApp::spawn().await;
    let first = fetch(&app, "/", &[]).await;
    assert!(!from_memory(&first));
    // Hundreds of addresses nobody links to: each is the front page.
    for n in 0..300 {
        let odd = fetch(&app, &format!("/?r={n}&utm_source=x{n}"), &[]).await;
        assert!(from_memory(&odd), "/?r={n} is the kept front page");
    }
    let spelled = fetch(&app, "/ideas?area=9370-hals&sort=new", &[]).await;
    assert!(!from_memory(&spelled));
    let again = fetch(&app, "/ideas?sort=new&area=9370-hals", &[]).await;
    assert!(from_memory(&again), "another order of the same list");
    // A list address with more than its filter is sent to its one URL, as the page would.
    let odd = fetch(&app, "/ideas?sort=new&area=9370-hals&x=1", &[]).await;
    assert_eq!(odd.status(), StatusCode::FOUND);
    assert_eq!(odd.headers()["location"], "/ideas?area=9370-hals&sort=new");
}

/// The page as rendered for the request alone: a cookie of the site's that changes nothing on
/// public pages (the address being signed in with) makes it the resident's own render.
async fn own_render(app: &TestApp, path: &str, cookie: &str) -> String {
    let cookie = format!("{cookie}; signin_email=x%40example.org");
    let response = fetch(app, path, &[("cookie", &cookie)]).await;
    assert!(!from_memory(&response));
    normalised(&response.text().await.unwrap())
}

/// A page put together from the shared render.
async fn put_together(app: &TestApp, path: &str, cookie: &str) -> String {
    let response = fetch(app, path, &[("cookie", cookie)]).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    assert!(from_memory(&response), "{path} from the shared render");
    normalised(&response.text().await.unwrap())
}

/// Without the render's nonce, which every render has its own of (Leptos also writes it into
/// the preload links' `crossorigin`).
fn normalised(page: &str) -> String {
    let mut page = page.to_owned();
    for attribute in ["nonce=\"", "crossorigin=\""] {
        let mut out = String::with_capacity(page.len());
        let mut rest = page.as_str();
        while let Some(i) = rest.find(attribute) {
            out.push_str(&rest[..i + attribute.len()]);
            rest = &rest[i + attribute.len()..];
            rest = &rest[rest.find('"').unwrap_or(0)..];
        }
        out.push_str(rest);
        page = out;
    }
    page
}

#[tokio::test]
async fn each_residents_page_put_together_equals_the_page_rendered_for_them() {
    let app = TestApp::spawn().await;
    let idea = app.idea_id(crate::test_app::PUBLIC_DEMO_IDEA).await;
    let id = idea.to_string();
    let page = format!("/ideas/{idea}");
    let mut ann = Browser::new(&app);
    ann.sign_in_as("ann@example.org").await;
    let mut bo = Browser::new(&app);
    bo.sign_in_as("bo@example.org").await;
    let mut cy = Browser::new(&app);
    cy.sign_in_as("cy@example.org").await;

    // Bo argues; Ann argues too, marks Bo's argument helpful, supports and reports the idea;
    // Cy chooses to follow it, then stops.
    for (who, text) in [
        (&mut bo, "Færre biler i midtbyen."),
        (&mut ann, "Sikrere skoleveje."),
    ] {
        let (status, _) = who
            .post_form(
                "/fn/ideas/argue",
                &[("idea", &id), ("stance", "for"), ("text", text)],
            )
            .await;
        assert_eq!(status, StatusCode::FOUND);
    }
    let debate = app
        .db
        .debate(
            idea_id(idea),
            None,
            klimadialog::argument::ArgumentOrder::Newest,
            None,
            1,
        )
        .await
        .unwrap()
        .unwrap();
    let bos = debate
        .threads
        .iter()
        .find(|t| matches!(&t.argument.shown, klimadialog::argument::Shown::Text(s) if s.starts_with("Færre")))
        .unwrap()
        .argument
        .id
        .0
        .to_string();
    for (path, fields) in [
        (
            "/fn/ideas/helpful",
            vec![
                ("idea", id.as_str()),
                ("argument", bos.as_str()),
                ("helpful", "true"),
            ],
        ),
        (
            "/fn/ideas/support",
            vec![("idea", id.as_str()), ("support", "true"), ("next", "/")],
        ),
        (
            "/fn/ideas/report",
            vec![("idea", id.as_str()), ("reason", "spam")],
        ),
    ] {
        let (status, _) = ann.post_form(path, &fields).await;
        assert_eq!(status, StatusCode::FOUND, "{path}");
    }
    let (status, _) = bo.follow("action", "T1", true, "/plan/T1").await;
    assert_eq!(status, StatusCode::FOUND);
    for follow in [true, false] {
        let (status, _) = cy.follow("idea", &id, follow, &page).await;
        assert_eq!(status, StatusCode::FOUND);
    }

    let cookies = [ann.jar.header(), bo.jar.header(), cy.jar.header()];
    for path in [
        "/",
        "/ideas",
        page.as_str(),
        "/ideas?sort=new",
        "/map",
        "/plan",
        "/plan/T1",
    ] {
        // The first request makes the shared render.
        fetch(&app, path, &[("cookie", &cookies[0])]).await;
        for cookie in &cookies {
            let together = put_together(&app, path, cookie).await;
            let own = own_render(&app, path, cookie).await;
            assert!(!together.contains("<template"), "{path}: no marker sent");
            if together != own {
                let at = together
                    .bytes()
                    .zip(own.bytes())
                    .position(|(a, b)| a != b)
                    .unwrap_or(together.len().min(own.len()));
                panic!(
                    "{path}: put together differs from rendered at {at}:\n{}\n---\n{}",
                    &together[at.saturating_sub(200)..(at + 200).min(together.len())],
                    &own[at.saturating_sub(200)..(at + 200).min(own.len())],
                );
            }
        }
    }
}

fn idea_id(id: i64) -> IdeaId {
    IdeaId(id)
}
