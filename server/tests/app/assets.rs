//! The built files (islands' loader and bundle, style sheet) under names that carry their
//! content's hash: kept by browsers for a year, and never mixed with another build's pages.

use crate::test_app::TestApp;

/// What a browser sends for a script, a style sheet or the bundle.
const BROWSER_ENCODINGS: &str = "gzip, deflate, br, zstd";

fn build(css: &str) -> Vec<(&'static str, Vec<u8>)> {
    vec![
        (
            "pkg/klimadialog.js",
            b"export default function init() {}".to_vec(),
        ),
        // The WebAssembly magic number and version, then a little of anything.
        ("pkg/klimadialog.wasm", b"\0asm\x01\0\0\0 islands".to_vec()),
        ("pkg/klimadialog.css", css.as_bytes().to_vec()),
        // One of the small scripts of some pages, copied from public/.
        ("live-list.js", b"// live list".to_vec()),
    ]
}

async fn serve(build: &[(&'static str, Vec<u8>)]) -> TestApp {
    let files: Vec<(&str, &[u8])> = build.iter().map(|(p, b)| (*p, b.as_slice())).collect();
    TestApp::spawn_with_built_files(&files).await
}

/// The `/pkg/…` addresses a page references, in order of appearance, without duplicates.
fn referenced(page: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (i, _) in page.match_indices("/pkg/") {
        let rest = &page[i..];
        let end = rest.find(['"', '\'', ' ', '>']).unwrap_or(rest.len());
        let path = rest[..end].to_owned();
        if !found.contains(&path) {
            found.push(path);
        }
    }
    found
}

/// A page's HTML and its Cache-Control.
async fn page(app: &TestApp, path: &str) -> (String, String) {
    let response = app
        .client
        .get(format!("{}{path}", app.base))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    let cache = response.headers()["cache-control"]
        .to_str()
        .unwrap()
        .to_owned();
    (response.text().await.unwrap(), cache)
}

/// Fetches `path` as a browser does; status, headers, and the body unpacked.
async fn fetch(app: &TestApp, path: &str) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let response = app
        .client
        .get(format!("{}{path}", app.base))
        .header("accept-encoding", BROWSER_ENCODINGS)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap();
    let body = if headers.get("content-encoding").is_some_and(|v| v == "gzip") {
        let mut plain = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut plain)
            .unwrap();
        plain
    } else {
        bytes.to_vec()
    };
    (status, headers, body)
}

#[tokio::test]
async fn built_files_are_named_by_content_and_kept_for_a_year() {
    let first = build("body { color: green }");
    let app = serve(&first).await;
    let (html, page_cache) = page(&app, "/").await;
    assert_eq!(
        page_cache, "no-cache",
        "pages are asked for again each time"
    );
    let files = referenced(&html);
    let css = files
        .iter()
        .find(|p| p.ends_with(".css"))
        .expect("a style sheet");
    let js = files
        .iter()
        .find(|p| p.ends_with(".js"))
        .expect("the loader");
    let stem = js.trim_end_matches(".js");
    assert!(css.len() > "/pkg/klimadialog.css".len(), "{css} has a hash");
    assert!(stem.len() > "/pkg/klimadialog".len(), "{js} has a hash");
    assert!(
        html.contains(&stem["/pkg/".len()..]),
        "the bundle is loaded by the hashed stem"
    );

    for (path, want, content_type) in [
        (css.clone(), first[2].1.clone(), "text/css; charset=utf-8"),
        (js.clone(), first[0].1.clone(), "text/javascript"),
        (
            format!("{stem}.wasm"),
            first[1].1.clone(),
            "application/wasm",
        ),
    ] {
        let (status, headers, body) = fetch(&app, &path).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(body, want, "{path}");
        assert_eq!(headers["content-type"], content_type, "{path}");
        assert_eq!(
            headers["content-encoding"], "gzip",
            "{path}: sent compressed"
        );
        assert_eq!(
            headers["cache-control"], "public, max-age=31536000, immutable",
            "{path}"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
    }

    // The fixed name (for the static fault pages) is asked for again, and cheaply.
    let (status, headers, _) = fetch(&app, "/pkg/klimadialog.css").await;
    assert_eq!(status, 200);
    assert_eq!(headers["cache-control"], "no-cache");
    let etag = headers["etag"].clone();
    let again = app
        .client
        .get(format!("{}/pkg/klimadialog.css", app.base))
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);

    // The next build changes only the style sheet: its pages name the new style sheet and the
    // same bundle, and the old style sheet's name is gone.
    let second = build("body { color: darkgreen }");
    let upgraded = serve(&second).await;
    let (html, _) = page(&upgraded, "/ideas").await;
    let files_after = referenced(&html);
    let css_after = files_after.iter().find(|p| p.ends_with(".css")).unwrap();
    assert_ne!(css_after, css, "a new style sheet, a new name");
    assert!(
        !html.contains(css.as_str()),
        "no page names the old style sheet"
    );
    assert!(
        files_after.contains(js),
        "the unchanged bundle keeps its name"
    );
    // The list page's own small script is named by its content too.
    let script = html
        .split('"')
        .find(|s| s.starts_with("/live-list."))
        .expect("the list's script");
    assert_ne!(script, "/live-list.js");
    let (status, headers, body) = fetch(&upgraded, script).await;
    assert_eq!((status, body), (200, second[3].1.clone()));
    assert_eq!(
        headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    let (status, _, body) = fetch(&upgraded, css_after).await;
    assert_eq!((status, body), (200, second[2].1.clone()));
    let (status, _, _) = fetch(&upgraded, css).await;
    assert_eq!(
        status, 404,
        "the old build's style sheet is not served by the new one"
    );
}

#[tokio::test]
async fn head_and_plain_clients_get_the_built_files_too() {
    let files = build("main { margin: 0 }");
    let app = serve(&files).await;
    let (html, _) = page(&app, "/").await;
    let css = referenced(&html)
        .into_iter()
        .find(|p| p.ends_with(".css"))
        .unwrap();
    // A client that takes no compression gets the bytes as they are.
    let plain = app
        .client
        .get(format!("{}{css}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(plain.headers().get("content-encoding"), None);
    assert_eq!(plain.bytes().await.unwrap().as_ref(), files[2].1.as_slice());
    let head = app
        .client
        .head(format!("{}{css}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(
        head.headers()["content-length"],
        files[2].1.len().to_string().as_str()
    );
    // Writes to a built file's address are not a thing.
    let post = app
        .client
        .post(format!("{}{css}", app.base))
        .send()
        .await
        .unwrap();
    assert!(post.status().is_client_error(), "{}", post.status());
}
