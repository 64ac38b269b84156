//! Proposing an idea over real HTTP, as a browser without JavaScript does it: the multipart
//! form, the draft kept across sign-in, similar ideas, sending, and moderation.

use crate::images;

use crate::test_app::{Browser, TestApp, count, proposal_form};
use klimadialog::ModerationState;
use reqwest::StatusCode;

const GOOD: &[(&str, &str)] = &proposal_form(
    "Flere cykelstier til skolerne",
    "Børnene i Vestbyen cykler ad veje uden cykelstier. Byg sammenhængende cykelstier.",
);

/// The good fields with some of them replaced.
fn with(changes: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    GOOD.iter()
        .map(|(name, value)| {
            let changed = changes.iter().find(|(n, _)| n == name).map(|(_, v)| *v);
            (*name, changed.unwrap_or(*value))
        })
        .collect()
}

/// The id, moderation state and author of the idea with this title.
async fn idea_state(app: &TestApp, title: &str) -> Option<(i64, String, Option<i64>)> {
    app.db
        .ideas_with_title(title)
        .await
        .unwrap()
        .into_iter()
        .next()
}

#[tokio::test]
async fn the_whole_journey_without_javascript_ends_awaiting_review() {
    let app = TestApp::spawn().await;
    let ideas_before = app.db.count_ideas().await.unwrap();
    let mut browser = Browser::new(&app);

    let form = browser.get("/ideas/new").await;
    for label in [
        r#"<label for="kind-mitigation">"#,
        r#"<label for="sector">"#,
        r#"<label for="theme">"#,
        r#"<label for="area">"#,
        r#"<label for="title">Overskrift</label>"#,
        r#"<label for="description">Beskrivelse</label>"#,
        r#"<label for="photo">"#,
    ] {
        assert_eq!(count(&form, label), 1, "{label}");
    }
    assert!(form.contains(r#"enctype="multipart/form-data""#));
    assert!(
        !form.contains("field-error"),
        "a first visit shows no errors"
    );

    // Not signed in: the draft is kept and the resident is asked to sign in.
    let (status, location) = browser.post_multipart("/ideas/new", GOOD, None).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, "/signin?next=%2Fideas%2Fnew%2Freview");
    let signin = browser.get(&location).await;
    assert!(signin.contains("Din idé er gemt som kladde"));
    assert!(
        browser
            .get("/ideas/new")
            .await
            .contains("Flere cykelstier til skolerne")
    );

    let author = browser.sign_in_as("forslag@example.org").await;
    let review = browser.get("/ideas/new/review").await;
    assert!(review.contains("Flere cykelstier til skolerne"));
    assert!(review.contains("9000 Aalborg"));
    // Similar ideas first: the demo's cycle path idea, found from "cykelstier".
    assert!(
        review.contains("Sammenhængende cykelsti langs Vejgårdsvej"),
        "{review}"
    );
    assert!(review.contains("Støt denne i stedet"));
    assert!(count(&review, "Støt denne i stedet") <= 5);
    assert!(review.contains(r#"action="/fn/ideas/submit""#));

    let (status, location) = browser.post_form("/fn/ideas/submit", &[]).await;
    assert_eq!(status, StatusCode::FOUND);
    let id: i64 = location.strip_prefix("/ideas/").unwrap().parse().unwrap();
    let (stored, state, stored_author) = idea_state(&app, "Flere cykelstier til skolerne")
        .await
        .unwrap();
    assert_eq!(stored, id);
    assert_eq!(state, ModerationState::Pending.as_str());
    assert_eq!(stored_author, Some(author.0));
    assert_eq!(app.db.count_ideas().await.unwrap(), ideas_before + 1);

    // The author sees it awaiting review; nobody else sees it at all.
    let page = browser.get(&location).await;
    assert!(page.contains("Din idé venter på at blive godkendt."));
    let (status, _) = app.get(&location).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, list) = app.get("/ideas").await;
    assert!(!list.contains("Flere cykelstier til skolerne"));

    // Sending again (a double tap, a resend) makes no second idea.
    let (_, again) = browser.post_form("/fn/ideas/submit", &[]).await;
    assert_ne!(again, location);
    assert_eq!(app.db.count_ideas().await.unwrap(), ideas_before + 1);
}

#[tokio::test]
async fn every_bad_field_gets_its_message_next_to_it_keeps_the_input_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let ideas_before = app.db.count_ideas().await.unwrap();
    /// Changed fields, the id of the message's element, and the message.
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);
    let long: &'static str = "Cykelstier ".repeat(400).leak();
    let too_long: &'static [(&str, &str)] = vec![("description", long)].leak();
    let cases: &[Case] = &[
        (
            &[("kind", "")],
            "kind-error",
            "Vælg, om idéen mindsker udledningen",
        ),
        (
            &[("kind", "both")],
            "kind-error",
            "Vælg, om idéen mindsker udledningen",
        ),
        (&[("sector", "")], "sector-error", "Vælg en sektor."),
        (
            &[("sector", "space_travel")],
            "sector-error",
            "Vælg en sektor.",
        ),
        (&[("kind", "adaptation")], "theme-error", "Vælg et tema."),
        (&[("area", "")], "area-error", "Vælg et område på listen."),
        (
            &[("area", "../../etc")],
            "area-error",
            "Vælg et område på listen.",
        ),
        (
            &[("lat", "55.676"), ("lon", "12.568")],
            "area-error",
            "Punktet ligger uden for Aalborg Kommune.",
        ),
        (
            &[("lat", "north"), ("lon", "9.9")],
            "area-error",
            "Vi kunne ikke læse din placering.",
        ),
        (&[("title", "")], "title-error", "Skriv noget her."),
        (&[("title", "Cyk")], "title-error", "Skriv mindst 5 tegn."),
        (
            &[("title", "Linje\u{7}skift")],
            "title-error",
            "Teksten indeholder tegn",
        ),
        (
            &[("description", "For kort")],
            "description-error",
            "Skriv mindst 20 tegn.",
        ),
        // The limit as Danes write numbers, in the message and in the counter.
        (too_long, "description-error", "Skriv højst 4.000 tegn."),
        (too_long, "description-hint", "af højst 4.000 tegn"),
    ];
    for (changes, error_id, message) in cases {
        let mut browser = Browser::new(&app);
        browser.sign_in_as("rettelser@example.org").await;
        let fields = with(changes);
        let (status, location) = browser.post_multipart("/ideas/new", &fields, None).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{changes:?}");
        assert!(
            location.starts_with("/ideas/new?check=1"),
            "{changes:?}: {location}"
        );
        let page = browser.get(&location).await;
        assert!(
            page.contains(&format!(r#"id="{error_id}""#)),
            "{changes:?}: no {error_id}"
        );
        assert!(page.contains(message), "{changes:?}: no {message:?}");
        assert!(
            page.contains(r#"id="form-errors""#),
            "{changes:?}: no summary"
        );
        // What was typed stays (the title as a value, escaped).
        let title = changes
            .iter()
            .find(|(n, _)| *n == "title")
            .map(|(_, v)| *v)
            .unwrap_or("Flere cykelstier til skolerne");
        if !title.is_empty() && !title.contains('\u{7}') {
            assert!(page.contains(title), "{changes:?}: the title is gone");
        }
        // The check page sends back to the form instead of sending.
        let (_, to) = browser.post_form("/fn/ideas/submit", &[]).await;
        assert_eq!(to, "/ideas/new?check=1", "{changes:?}");
    }
    assert_eq!(app.db.count_ideas().await.unwrap(), ideas_before);

    // Markup in a title is shown as text, never as markup.
    let mut browser = Browser::new(&app);
    let fields = with(&[("title", "<script>alert(1)</script>")]);
    browser.post_multipart("/ideas/new", &fields, None).await;
    let page = browser.get("/ideas/new?check=1").await;
    assert!(!page.contains("<script>alert(1)</script>"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

    // Nor in the description, which the form shows in a textarea (whose children Leptos does
    // not escape by itself).
    let breakout = "Lang nok beskrivelse </textarea><script>alert(2)</script>";
    let fields = with(&[("title", "Kort"), ("description", breakout)]);
    browser.post_multipart("/ideas/new", &fields, None).await;
    let page = browser.get("/ideas/new?check=1").await;
    assert!(
        !page.contains("<script>alert(2)"),
        "the textarea was closed by input"
    );
    assert!(page.contains("&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;</textarea>"));
}

#[tokio::test]
async fn a_point_is_turned_into_its_area_by_the_server() {
    let app = TestApp::spawn().await;
    let mut browser = Browser::new(&app);
    browser.sign_in_as("punkt@example.org").await;
    // Budolfi Kirke, with Hals chosen in the list: the point wins.
    let fields = with(&[("area", "9370-hals"), ("lat", "57.0487"), ("lon", "9.9187")]);
    let (_, location) = browser.post_multipart("/ideas/new", &fields, None).await;
    assert_eq!(location, "/ideas/new/review");
    let review = browser.get(&location).await;
    assert!(review.contains("Området er fundet ud fra det punkt, du har valgt: 9000 Aalborg."));

    // "Use my location" asks the same question in the background.
    let located = app
        .client
        .post(format!("{}/fn/ideas/locate", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("lat=57048700&lon=9918700")
        .send()
        .await
        .unwrap();
    assert_eq!(located.status(), StatusCode::OK);
    assert_eq!(located.text().await.unwrap(), r#""9000 Aalborg""#);
    let outside = app
        .client
        .post(format!("{}/fn/ideas/locate", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("lat=55676000&lon=12568000")
        .send()
        .await
        .unwrap();
    assert_eq!(outside.text().await.unwrap(), "null");
    let nonsense = app
        .client
        .post(format!("{}/fn/ideas/locate", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("lat=999000000&lon=NaN")
        .send()
        .await
        .unwrap();
    assert_eq!(nonsense.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_photo_comes_back_without_its_gps_data_and_only_its_author_sees_it_until_published() {
    let app = TestApp::spawn().await;
    let mut browser = Browser::new(&app);
    browser.sign_in_as("foto@example.org").await;
    let upload = images::with_exif(&images::jpeg(2400, 1200));
    assert!(upload.windows(4).any(|w| w == b"Exif"));
    let (_, location) = browser
        .post_multipart("/ideas/new", GOOD, Some(upload))
        .await;
    assert_eq!(location, "/ideas/new/review");
    let review = browser.get(&location).await;
    let start = review
        .find("/photos/")
        .expect("the photo on the check page");
    let src = review[start..start + review[start..].find('"').unwrap()].to_owned();
    assert!(src.ends_with(".800x1600.jpg"), "{src}");

    let fetch = |cookie: String| {
        let request = app.client.get(format!("{}{src}", app.base));
        async move { request.header("cookie", cookie).send().await.unwrap() }
    };
    // The draft's photo: its author's browser only, kept by no cache.
    let photo = fetch(browser.jar.header()).await;
    assert_eq!(photo.status(), StatusCode::OK);
    assert_eq!(photo.headers()["content-type"], "image/jpeg");
    assert_eq!(photo.headers()["cache-control"], "private, no-store");
    let bytes = photo.bytes().await.unwrap();
    assert!(
        !bytes.windows(4).any(|w| w == b"Exif"),
        "EXIF left in the photo"
    );
    let stored = image::load_from_memory(&bytes).unwrap();
    // Turned upright (the EXIF said "rotate 90°") and at most 1600 px.
    assert_eq!((stored.width(), stored.height()), (800, 1600));
    assert_eq!(fetch(String::new()).await.status(), StatusCode::NOT_FOUND);

    // Sent and awaiting review: still only the author.
    let (_, idea_page) = browser.post_form("/fn/ideas/submit", &[]).await;
    let id: i64 = idea_page.trim_start_matches("/ideas/").parse().unwrap();
    assert_eq!(fetch(browser.jar.header()).await.status(), StatusCode::OK);
    assert_eq!(fetch(String::new()).await.status(), StatusCode::NOT_FOUND);

    // Published: everyone, and caches may keep it a day.
    let now = klimadialog::storage::now();
    let staff = app
        .db
        .insert_staff(
            "mo",
            "$argon2id$x",
            klimadialog::staff::StaffRole::Moderator,
            now,
        )
        .await
        .unwrap();
    app.db
        .moderate(
            klimadialog::IdeaId(id),
            klimadialog::moderation::ModerationAction::Approve,
            None,
            staff,
            now,
        )
        .await
        .unwrap()
        .unwrap();
    let public = fetch(String::new()).await;
    assert_eq!(public.status(), StatusCode::OK);
    assert_eq!(public.headers()["cache-control"], "public, max-age=86400");
    // The idea page reserves the photo's space and loads it lazily.
    let page = browser.get(&idea_page).await;
    let img = format!(r#"src="{src}" width="800" height="1600" loading="lazy""#);
    assert!(page.contains(&img), "{page}");

    for bad in [
        "/photos/../site.db",
        "/photos/abc.jpg",
        "/photos/%2e%2e%2fsite.db",
    ] {
        let (status, _) = app.get(bad).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{bad}");
    }
}

#[tokio::test]
async fn photos_that_are_too_large_or_not_pictures_get_a_message_and_are_not_kept() {
    let app = TestApp::spawn().await;
    let mut browser = Browser::new(&app);
    browser.sign_in_as("store-filer@example.org").await;
    let cases: [(Vec<u8>, &str); 3] = [
        (
            b"%PDF-1.4 not a picture".to_vec(),
            "Filen er ikke et JPEG-, PNG- eller WebP-billede.",
        ),
        (
            vec![0xFF; 10 * 1024 * 1024 + 1],
            "Fotoet er større end 10 MB.",
        ),
        (vec![0xFF; 12 * 1024 * 1024], "Fotoet er større end 10 MB."),
    ];
    for (upload, message) in cases {
        let (status, location) = browser
            .post_multipart("/ideas/new", GOOD, Some(upload))
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(location.contains("photo_error="), "{location}");
        let page = browser.get(&location).await;
        assert!(page.contains(message), "{message}");
        assert!(page.contains("Flere cykelstier til skolerne"));
        assert!(!page.contains("/photos/"));
    }
}

#[tokio::test]
async fn post_moderation_publishes_at_once() {
    let app = TestApp::spawn_with(None, &["--moderation", "post"]).await;
    let mut browser = Browser::new(&app);
    browser.sign_in_as("straks@example.org").await;
    browser.post_multipart("/ideas/new", GOOD, None).await;
    assert!(
        browser
            .get("/ideas/new/review")
            .await
            .contains("Idéen bliver offentlig med det samme.")
    );
    let (_, location) = browser.post_form("/fn/ideas/submit", &[]).await;
    let (_, state, _) = idea_state(&app, "Flere cykelstier til skolerne")
        .await
        .unwrap();
    assert_eq!(state, "published");
    let (status, page) = app.get(&location).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Flere cykelstier til skolerne"));
}

#[tokio::test]
async fn sending_many_ideas_quickly_is_refused_with_a_message() {
    let app = TestApp::spawn().await;
    let mut browser = Browser::new(&app);
    browser.sign_in_as("travl@example.org").await;
    let mut refused = None;
    for n in 0..11 {
        browser.post_multipart("/ideas/new", GOOD, None).await;
        let (_, location) = browser.post_form("/fn/ideas/submit", &[]).await;
        if location.contains("notice=too_many_ideas") {
            refused = Some((n, location));
            break;
        }
    }
    let (n, location) = refused.expect("the eleventh idea within an hour is refused");
    assert_eq!(n, 10);
    let page = browser.get(&location).await;
    assert!(page.contains("Du har sendt mange idéer på kort tid."));
}

#[tokio::test]
async fn malformed_form_posts_are_refused_with_400() {
    let app = TestApp::spawn().await;
    let post = |content_type: &'static str, body: &'static str| {
        app.client
            .post(format!("{}/ideas/new", app.base))
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    for (content_type, body) in [
        ("application/x-www-form-urlencoded", "title=hej"),
        ("multipart/form-data", "no boundary"),
        ("multipart/form-data; boundary=xyz", "--xyz\r\nbroken"),
        ("text/plain", ""),
    ] {
        let response = post(content_type, body).await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{content_type}");
    }
    assert_eq!(app.db.count_drafts().await.unwrap(), 0);
}

#[tokio::test]
async fn a_point_from_the_phone_is_published_rounded_unless_the_exact_spot_matters() {
    let app = crate::test_app::with_staff_and(&["--moderation", "post"]).await;
    let mut browser = Browser::new(&app);
    browser.sign_in_as("hjemme@example.org").await;
    let form = browser.get("/ideas/new").await;
    assert!(form.contains("vises det offentligt afrundet til ca. 100 meter"));
    assert!(form.contains(r#"<label for="exact_point">"#));

    // At home: the resident pressed "use my location" and ticked nothing.
    let home = with(&[
        ("lat", "57.048712"),
        ("lon", "9.918734"),
        ("title", "Ladestander ved mit hus i Midtbyen"),
    ]);
    browser.post_multipart("/ideas/new", &home, None).await;
    browser.post_form("/fn/ideas/submit", &[]).await;
    // At a crossing whose exact spot matters.
    let mut crossing = with(&[
        ("lat", "57.050123"),
        ("lon", "9.921456"),
        ("title", "Fodgængerfelt ved netop dette kryds"),
    ]);
    crossing.push(("exact_point", "1"));
    browser.post_multipart("/ideas/new", &crossing, None).await;
    browser.post_form("/fn/ideas/submit", &[]).await;

    let (_, geojson) = app.get("/api/ideas.geojson").await;
    let all: serde_json::Value = serde_json::from_str(&geojson).unwrap();
    let point_of = |title: &str| {
        let feature = all["features"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["properties"]["title"] == title)
            .unwrap_or_else(|| panic!("{title} in the open data"));
        feature["geometry"]["coordinates"].clone()
    };
    assert_eq!(
        point_of("Ladestander ved mit hus i Midtbyen"),
        serde_json::json!([9.919, 57.049]),
        "rounded to about 100 m"
    );
    assert_eq!(
        point_of("Fodgængerfelt ved netop dette kryds"),
        serde_json::json!([9.921456, 57.050123])
    );
    assert!(!geojson.contains("57.048712"));
    let (_, page) = app.get("/").await;
    assert!(!page.contains("57.048712"));

    // Staff keep the exact point.
    let mo = crate::test_app::staff_browser(&app, "mo").await;
    let (_, csv) = app
        .get_with("/staff/export/ideas.csv", &[("cookie", &mo.jar.header())])
        .await;
    assert!(csv.contains("57.048712"), "exact in the staff export");
}
