//! Photos as residents' phones and hostile clients send them, to the real binary: a picture
//! that decodes to gigabytes is refused from its header, sixteen at once leave the server's
//! peak memory under 300 MB, and a real 12-megapixel phone photo still goes through.

use std::time::Duration;

use crate::images;
use crate::workload::{ServerProcess, prepare};

/// The propose form's fields, as the workload sends them, with `photo`.
fn form(photo: Vec<u8>) -> reqwest::multipart::Form {
    let mut form = reqwest::multipart::Form::new();
    for (name, value) in crate::test_app::proposal_form(
        "Solceller på skolernes tage",
        "Læg solceller på alle skolers tage, og brug strømmen i skolen.",
    ) {
        form = form.text(name, value);
    }
    let part = reqwest::multipart::Part::bytes(photo)
        .file_name("IMG_2041.png")
        .mime_str("image/png")
        .unwrap();
    form.part("photo", part)
}

/// A client that waits as long as a phone on a slow line would, and follows no redirect.
fn slow_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(120))
        .build()
        .unwrap()
}

/// The page at `path` as the browser with this draft cookie sees it.
async fn page_of(client: &reqwest::Client, base: &str, path: &str, cookie: &str) -> String {
    let response = client.get(format!("{base}{path}")).header("cookie", cookie);
    response.send().await.unwrap().text().await.unwrap()
}

/// Sends the form without a session; returns where it went and the draft cookie it set.
async fn send(client: &reqwest::Client, base: &str, photo: Vec<u8>) -> (String, String) {
    let response = client
        .post(format!("{base}/ideas/new"))
        .header("accept", "text/html")
        .multipart(form(photo))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let draft = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("draft="))
        .and_then(|v| v.split(';').next())
        .map(|v| format!("draft={v}"))
        .unwrap();
    (location, draft)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn photo_bombs_are_refused_and_leave_memory_bounded_while_a_phone_photo_works() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("site.db");
    prepare(&database, 0).await;
    let server = ServerProcess::start(dir.path(), &database);
    let client = slow_client();
    let resting = server.peak_memory_mb();

    // 12 000 × 12 000 at 16 bits per channel: 1.15 GB decoded from about a megabyte.
    let bomb = images::bomb_png(12_000, 12_000, true);
    assert!(bomb.len() < 2 * 1024 * 1024);
    let mut sent = tokio::task::JoinSet::new();
    for _ in 0..16 {
        let (client, base, bomb) = (client.clone(), server.base.clone(), bomb.clone());
        sent.spawn(async move { send(&client, &base, bomb).await });
    }
    let mut one = None;
    while let Some(answer) = sent.join_next().await {
        let (location, draft) = answer.unwrap();
        assert!(
            location.contains("photo_error=too_many_pixels"),
            "{location}"
        );
        one = Some((location, draft));
    }
    let (location, draft) = one.unwrap();
    let page = page_of(&client, &server.base, &location, &draft).await;
    assert!(page.contains("Billedet har for mange pixels."), "{page}");
    assert!(
        page.contains("Solceller på skolernes tage"),
        "the text stays"
    );
    assert!(!page.contains("/photos/"), "no photo kept");
    let after_bombs = server.peak_memory_mb();
    assert!(
        after_bombs < 300,
        "peak memory {after_bombs} MB after 16 bombs (at rest {resting} MB)"
    );

    // A phone photo: 12 megapixels with the camera's EXIF (turned, with a GPS position).
    let photo = images::with_exif(&images::jpeg(4000, 3000));
    let (location, draft) = send(&client, &server.base, photo).await;
    assert!(!location.contains("photo_error"), "{location}");
    let page = page_of(&client, &server.base, "/ideas/new", &draft).await;
    assert!(page.contains(".1200x1600.jpg"), "upright, at most 1600 px");
    let after_photo = server.peak_memory_mb();
    assert!(
        after_photo < 300,
        "peak memory {after_photo} MB after a 12-megapixel photo"
    );
    assert!(server.problems().is_empty(), "{:?}", server.problems());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_largest_photos_sent_at_once_are_decoded_two_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("site.db");
    prepare(&database, 0).await;
    let server = ServerProcess::start(dir.path(), &database);
    let client = slow_client();
    // 40 megapixels, 8-bit RGBA: the most a photo may be, 160 MB each once decoded. Six at
    // once, decoded all together, would take the server past a gigabyte.
    let largest = images::bomb_png(8_000, 5_000, false);
    let mut sent = tokio::task::JoinSet::new();
    for _ in 0..6 {
        let (client, base, photo) = (client.clone(), server.base.clone(), largest.clone());
        sent.spawn(async move { send(&client, &base, photo).await });
    }
    while let Some(answer) = sent.join_next().await {
        let (location, _) = answer.unwrap();
        // Taken, or (if the queue was long) a polite "send it again in a moment".
        assert!(
            !location.contains("photo_error") || location.contains("photo_error=busy"),
            "{location}"
        );
    }
    let peak = server.peak_memory_mb();
    eprintln!("peak memory with six of the largest photos: {peak} MB");
    assert!(
        peak < 600,
        "peak memory {peak} MB: decodes ran more than two at a time"
    );
}
