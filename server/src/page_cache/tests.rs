use super::*;

fn get(uri: &str, cookie: Option<&str>) -> Request {
    let mut request = Request::builder().uri(uri);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::empty()).unwrap()
}

fn key_of(request: &Request, pseudo_locale: bool) -> Option<Key> {
    shared_page_key(request, pseudo_locale, &Addresses::default()).map(|(key, _)| key)
}

#[test]
fn only_public_pages_without_a_session_are_shared() {
    let shared = |uri: &str, cookie: Option<&str>| key_of(&get(uri, cookie), false).is_some();
    for uri in [
        "/",
        "/ideas",
        "/ideas?area=vestbyen&sort=trending",
        "/ideas/42",
        "/map",
        "/map?shade=supports",
        "/stats",
        "/tilgaengelighed",
    ] {
        assert!(shared(uri, None), "{uri}");
        assert!(
            shared(uri, Some("lang=en; seed=17")),
            "{uri} with lang and seed"
        );
        assert!(
            shared(uri, Some("_ga=GA1.2.3; CookieConsent=yes")),
            "{uri} with a parent domain's cookies"
        );
    }
    for uri in [
        "/me",
        "/signin",
        "/afmeld/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "/ideas/new",
        "/ideas/new/review",
        "/ideas/42/x",
        "/ideas/",
        "/staff",
        "/staff/moderation",
        "/api/ideas.json",
        "/ideas?sort=random",
        "/ideas?sort=%72andom&page=2",
    ] {
        assert!(!shared(uri, None), "{uri}");
    }
    // A signed-in resident with nothing typed gets the shared render of the pages whose
    // every part of theirs is a personal part; anything else of theirs, their own page.
    let viewer = |uri: &str, cookie: &str| key_of(&get(uri, Some(cookie)), false).map(|key| key.2);
    assert_eq!(viewer("/", "session=abc"), Some(Viewer::Resident));
    assert_eq!(
        viewer("/ideas?sort=new", "session=abc; lang=en"),
        Some(Viewer::Resident)
    );
    assert_eq!(
        viewer("/map", "_ga=1; __Host-session=abc"),
        Some(Viewer::Resident)
    );
    assert_eq!(viewer("/ideas/42", "session=abc"), Some(Viewer::Resident));
    assert_eq!(viewer("/plan/M1", "session=abc"), Some(Viewer::Resident));
    assert_eq!(viewer("/me", "session=abc"), None);
    assert_eq!(viewer("/", "lang=da"), Some(Viewer::Visitor));
    for cookie in [
        "session=abc; typed=x",
        "lang=da; staff_session=x",
        "draft=1",
        "typed=x; seed=1",
        "_ga=1; signin_email=a%40b.dk",
    ] {
        assert!(!shared("/", Some(cookie)), "{cookie}");
    }
    let post = Request::builder()
        .method(Method::POST)
        .uri("/")
        .body(Body::empty())
        .unwrap();
    assert!(key_of(&post, false).is_none());
}

#[test]
fn each_language_is_its_own_page() {
    let da = key_of(&get("/", Some("lang=da")), false).unwrap();
    let en = key_of(&get("/", Some("lang=en")), false).unwrap();
    assert_ne!(da, en);
    let mut english = get("/", None);
    english.headers_mut().insert(
        header::ACCEPT_LANGUAGE,
        HeaderValue::from_static("en-GB,en;q=0.9"),
    );
    assert_eq!(key_of(&english, false).unwrap(), en);
}

#[test]
fn gzip_is_sent_only_to_those_who_take_it() {
    let takes = |value: &str| {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        accepts_gzip(&headers)
    };
    assert!(takes("gzip, deflate, br, zstd"));
    assert!(takes("br;q=1.0, GZIP;q=0.5"));
    assert!(takes("*"));
    assert!(!takes("gzip;q=0"));
    assert!(!takes("br, identity"));
    assert!(!accepts_gzip(&HeaderMap::new()));
}

#[test]
fn a_kept_page_allows_exactly_the_renderers_scripts_by_hash() {
    use base64::Engine;
    use sha2::Digest;
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self' 'nonce-N1' 'wasm-unsafe-eval'",
        ),
    );
    let html = r#"<head><script type="module" nonce="N1">load()</script>
        <script nonce="N1">__A=[];</script></head>
        <body><script>smuggled()</script><script nonce="other">x()</script></body>"#;
    let policy = hash_policy(&headers, html.as_bytes()).unwrap();
    let hash = |s: &str| {
        let digest = sha2::Sha256::digest(s.as_bytes());
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    };
    assert_eq!(
        policy.to_str().unwrap(),
        format!(
            "default-src 'self'; script-src 'self' {} {} 'wasm-unsafe-eval'",
            hash("load()"),
            hash("__A=[];")
        )
    );
    let mut no_policy = HeaderMap::new();
    no_policy.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
    assert!(hash_policy(&no_policy, html.as_bytes()).is_none());
}

fn page_of(changes: u64, size: usize) -> Arc<Page> {
    Arc::new(Page {
        changes,
        made: Instant::now(),
        headers: HeaderMap::new(),
        plain: Bytes::from(vec![b'x'; size]),
        gzip: Bytes::new(),
        spliced: None,
        route: None,
    })
}

#[tokio::test]
async fn a_flood_of_odd_pages_pushes_out_only_pages_nobody_asks_for() {
    let db = Db::open_in_memory().await.unwrap();
    let cache = PageCache::new(db.clone(), true, false, false);
    let now = db.changes();
    let quarter = BUDGETS[0] / 4;
    let key = |n: usize| (format!("/ideas/{n}"), Locale::Da, Viewer::Visitor);
    let popular = ("/".to_owned(), Locale::Da, Viewer::Visitor);
    cache.finish(&popular, Some(page_of(now, quarter)));
    for n in 0..40 {
        cache.finish(&key(n), Some(page_of(now, quarter)));
        // The front page is asked for all the time.
        assert!(
            matches!(cache.lookup(&popular), Lookup::Hit(_)),
            "after {n}"
        );
        assert!(cache.slots().bytes[0] <= BUDGETS[0]);
    }
    assert!(
        cache.peek(&key(39)).is_some(),
        "the newest odd page is kept"
    );
    assert!(cache.peek(&key(0)).is_none(), "the oldest odd page went");
    // Replacing a page counts only the difference.
    cache.finish(&popular, Some(page_of(now, quarter)));
    assert_eq!(cache.slots().bytes[0], 4 * quarter);
    // A page larger than the whole budget is never kept, and pushes nothing out.
    cache.finish(&key(99), Some(page_of(now, BUDGETS[0] + 1)));
    assert!(cache.peek(&key(99)).is_none());
    assert!(cache.peek(&popular).is_some());
}

#[tokio::test]
async fn searches_have_a_budget_of_their_own() {
    let db = Db::open_in_memory().await.unwrap();
    let cache = PageCache::new(db.clone(), true, false, false);
    let now = db.changes();
    let popular = ("/ideas?area=hals".to_owned(), Locale::Da, Viewer::Visitor);
    cache.finish(&popular, Some(page_of(now, BUDGETS[0] / 2)));
    for n in 0..200 {
        let search = (format!("/ideas?q=ord{n}"), Locale::Da, Viewer::Visitor);
        cache.finish(&search, Some(page_of(now, BUDGETS[1] / 8)));
    }
    let slots = cache.slots();
    assert!(slots.bytes[1] <= BUDGETS[1]);
    assert_eq!(
        slots.bytes[0],
        BUDGETS[0] / 2,
        "no search took room from other pages"
    );
    drop(slots);
    assert!(cache.peek(&popular).is_some());
}

#[tokio::test]
async fn one_request_renders_while_the_others_wait_for_its_page() {
    let db = Db::open_in_memory().await.unwrap();
    let cache = PageCache::new(db.clone(), true, false, false);
    let key = ("/".to_owned(), Locale::Da, Viewer::Visitor);
    let Lookup::Fill(filling) = cache.lookup(&key) else {
        panic!("the first request renders");
    };
    let Lookup::Wait(mut waiting) = cache.lookup(&key) else {
        panic!("the second waits");
    };
    let changes = filling.changes;
    let page = Arc::new(Page {
        changes,
        made: filling.started,
        headers: HeaderMap::new(),
        plain: Bytes::from_static(b"<p>page</p>"),
        gzip: Bytes::new(),
        spliced: None,
        route: None,
    });
    cache.finish(&key, Some(page.clone()));
    filling.done.send_replace(Some(page));
    drop(filling);
    assert!(
        waiting.changed().await.is_ok(),
        "the render was handed over"
    );
    assert!(waiting.borrow().is_some());
    assert!(matches!(cache.lookup(&key), Lookup::Hit(_)));
    db.mark_changed();
    let Lookup::Fill(again) = cache.lookup(&key) else {
        panic!("a change means a new render");
    };
    assert!(
        matches!(cache.lookup(&key), Lookup::Hit(_)),
        "meanwhile the last page is served"
    );
    drop(again);
    assert!(
        matches!(cache.lookup(&key), Lookup::Fill(_)),
        "a render that went away leaves no one waiting"
    );
}

#[tokio::test]
async fn those_who_waited_get_the_render_even_when_it_could_not_be_kept() {
    let db = Db::open_in_memory().await.unwrap();
    let cache = PageCache::new(db.clone(), true, false, false);
    let key = ("/".to_owned(), Locale::Da, Viewer::Visitor);
    let Lookup::Fill(filling) = cache.lookup(&key) else {
        panic!("the first request renders");
    };
    let Lookup::Wait(mut waiting) = cache.lookup(&key) else {
        panic!("the second waits");
    };
    // The database changed while it rendered: not current, so not kept, yet handed over.
    db.mark_changed();
    let page = page_of(filling.changes, 10);
    cache.finish(&key, None);
    filling.done.send_replace(Some(page));
    drop(filling);
    assert!(waiting.changed().await.is_ok());
    assert!(
        waiting.borrow().is_some(),
        "the waiter did not render on its own"
    );
}

#[test]
fn odd_spellings_of_a_page_share_its_key() {
    let key = |uri: &str| key_of(&get(uri, None), false).unwrap().0;
    assert_eq!(key("/?r=1"), "/");
    assert_eq!(key("/?r=2&utm_campaign=x"), "/");
    assert_eq!(
        key("/ideas?sort=trending&area=hals"),
        key("/ideas?area=hals&sort=trending")
    );
    assert_eq!(key("/ideas?q=%63ykel"), key("/ideas?q=cykel"));
    assert_eq!(key("/ideas/42?x=1"), "/ideas/42");
}

/// Every page the app routes is either shared from memory (public) or personal, never both and
/// never neither: a page added or renamed in the app without a place here fails this test
/// instead of silently going uncached, or worse, being shared.
#[test]
fn every_page_route_is_either_shared_or_personal() {
    let routes = leptos_axum::generate_route_list(klimadialog_app::App);
    assert!(routes.len() >= 15, "{} routes", routes.len());
    for route in routes {
        let path = route
            .path()
            .replace("{id}", "42")
            .replace("{code}", "T1")
            .replace("{key}", &"0".repeat(64));
        let public = is_public_page(&path);
        let personal = crate::routes::is_personal_path(&path);
        assert!(
            public != personal,
            "{path}: public {public}, personal {personal}"
        );
    }
}
