use super::*;

fn get(uri: &str, cookie: Option<&str>) -> Request {
    let mut request = Request::builder().uri(uri);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::empty()).unwrap()
}

#[test]
fn only_public_pages_without_a_session_are_shared() {
    let shared = |uri: &str, cookie: Option<&str>| shared_page_key(&get(uri, cookie)).is_some();
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
    for cookie in [
        "session=abc",
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
    assert!(shared_page_key(&post).is_none());
}

#[test]
fn each_language_is_its_own_page() {
    let da = shared_page_key(&get("/", Some("lang=da"))).unwrap();
    let en = shared_page_key(&get("/", Some("lang=en"))).unwrap();
    assert_ne!(da, en);
    let mut english = get("/", None);
    english.headers_mut().insert(
        header::ACCEPT_LANGUAGE,
        HeaderValue::from_static("en-GB,en;q=0.9"),
    );
    assert_eq!(shared_page_key(&english).unwrap(), en);
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

#[tokio::test]
async fn pages_stay_within_the_budget_and_out_of_date_ones_make_room() {
    let db = Db::open_in_memory().await.unwrap();
    let cache = PageCache::new(db.clone(), true);
    let big = Bytes::from(vec![b'x'; BUDGET_BYTES / 4]);
    let page = |changes| {
        Arc::new(Page {
            changes,
            made: Instant::now(),
            headers: HeaderMap::new(),
            plain: big.clone(),
            gzip: Bytes::new(),
        })
    };
    let key = |n: usize| (format!("/ideas/{n}"), Locale::Da);
    let now = db.changes();
    for n in 0..6 {
        cache.finish(&key(n), Some(page(now)));
    }
    assert!(cache.slots().bytes <= BUDGET_BYTES);
    assert!(cache.peek(&key(0)).is_some(), "the first pages stay");
    assert!(cache.peek(&key(5)).is_none(), "no room for the fifth");
    db.mark_changed();
    cache.finish(&key(5), Some(page(db.changes())));
    assert!(cache.peek(&key(5)).is_some(), "out-of-date pages made room");
    assert_eq!(cache.slots().bytes, BUDGET_BYTES / 4);
}

#[tokio::test]
async fn one_request_renders_while_the_others_wait_for_its_page() {
    let db = Db::open_in_memory().await.unwrap();
    let cache = PageCache::new(db.clone(), true);
    let key = ("/".to_owned(), Locale::Da);
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
    });
    cache.finish(&key, Some(page));
    drop(filling);
    assert!(waiting.changed().await.is_err(), "the render ended");
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
