//! Admins load the municipality's areas from a real boundary file: upload, preview on a map,
//! replace. Broken files change nothing and say why.

use reqwest::StatusCode;

use crate::test_app::{Browser, staff_browser, with_staff};

/// The real DAGI postcode file, kept in the repository as a fixture.
fn postcodes() -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/dagi/aalborg-postnumre.geojson");
    std::fs::read(path).unwrap()
}

/// Uploads `file` as the areas form does; returns the status and Location.
async fn upload(browser: &Browser<'_>, file: Vec<u8>, property: &str) -> (StatusCode, String) {
    let form = reqwest::multipart::Form::new()
        .part(
            "file",
            reqwest::multipart::Part::bytes(file)
                .file_name("omraader.geojson")
                .mime_str("application/geo+json")
                .unwrap(),
        )
        .text("property", property.to_owned());
    let response = browser
        .app
        .client
        .post(format!("{}/staff/areas/upload", browser.app.base))
        .header("cookie", browser.jar.header())
        .multipart(form)
        .send()
        .await
        .unwrap();
    (response.status(), crate::test_app::location(&response))
}

#[tokio::test]
async fn the_real_postcode_file_is_previewed_on_a_map_and_replaces_the_areas() {
    let app = with_staff().await;
    let mut anna = staff_browser(&app, "anna").await;
    let before = app.db.list_areas().await.unwrap().len();
    let (status, location) = upload(&anna, postcodes(), "POSTBYNAVN").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.starts_with("/staff/areas?preview="), "{location}");
    let page = anna.get(&location).await;
    assert!(page.contains("Forhåndsvisning af omraader.geojson"));
    assert!(page.contains("18 områder i filen:"));
    assert_eq!(page.matches(r#"class="area shade-1""#).count(), 18);
    assert!(page.contains("Nørresundby"));
    assert_eq!(
        app.db.list_areas().await.unwrap().len(),
        before,
        "a preview changes nothing"
    );

    let import = location
        .trim_start_matches("/staff/areas?preview=")
        .to_owned();
    let (_, done) = anna
        .post_form(
            "/fn/staff/areas/apply",
            &[("import", &import), ("mode", "replace")],
        )
        .await;
    assert_eq!(done, "/staff/areas?done=1");
    let names: Vec<String> = app
        .db
        .list_areas()
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(names.len(), 18);
    assert!(names.contains(&"Nibe".to_owned()));
    let map = app.get("/map").await.1;
    assert!(map.contains(r#"href="/ideas?area=nibe""#));
    let audit = anna.get("/staff/audit?action=areas.").await;
    assert!(audit.contains("areas.replace"));
    // The import is used up.
    let (status, _) = anna
        .post_form(
            "/fn/staff/areas/apply",
            &[("import", &import), ("mode", "replace")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn broken_files_are_refused_with_the_reason_and_change_nothing() {
    let app = with_staff().await;
    let mut anna = staff_browser(&app, "anna").await;
    let before = app.db.list_areas().await.unwrap();
    let collection = |ring: &str| {
        format!(r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"navn":"A"}},"geometry":{{"type":"Polygon","coordinates":[{ring}]}}}}]}}"#)
            .into_bytes()
    };
    let mut huge = b"{\"type\":\"FeatureCollection\",\"features\":[".to_vec();
    huge.resize(50 * 1024 * 1024, b' ');
    for (file, property, error, message) in [
        (
            b"<html>not a map</html>".to_vec(),
            "navn",
            "not_geojson",
            "ikke en GeoJSON FeatureCollection",
        ),
        (
            collection("[[9.8,57.0],[9.9,57.1],[9.9,57.0],[9.8,57.1],[9.8,57.0]]"),
            "navn",
            "self_intersecting",
            "Området A krydser sig selv",
        ),
        (
            collection("[[9.8,57.0],[9.9,57.0],[9.9,95.0],[9.8,57.0]]"),
            "navn",
            "outside",
            "Element 1 har koordinater uden for WGS84",
        ),
        (
            postcodes(),
            "navn",
            "no_name",
            "Element 1 har ikke den valgte navne-egenskab",
        ),
        (huge, "navn", "too_large", "Filen er for stor"),
    ] {
        let (status, location) = upload(&anna, file, property).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{error}");
        assert!(
            location.contains(&format!("error={error}")),
            "{error}: {location}"
        );
        let page = anna.get(&location).await;
        assert!(page.contains(message), "{error}: {message}");
        assert!(page.contains("Intet er ændret."));
    }
    assert_eq!(app.db.list_areas().await.unwrap(), before);

    // Only admins.
    let mo = staff_browser(&app, "mo").await;
    let (status, _) = upload(&mo, postcodes(), "POSTBYNAVN").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, location) = upload(&Browser::new(&app), postcodes(), "POSTBYNAVN").await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::SEE_OTHER, "/staff/login?next=/staff/areas")
    );
    assert_eq!(app.db.list_areas().await.unwrap(), before);
}

#[tokio::test]
async fn ideas_without_a_point_in_a_retired_area_are_listed_for_staff_to_place() {
    use klimadialog::storage::{NewIdea, now};
    use klimadialog::{Category, CategoryKey, IdeaDescription, IdeaTitle, ModerationState};
    let app = with_staff().await;
    app.db
        .insert_idea(&NewIdea {
            title: IdeaTitle::parse("Flere bænke ved åen, ingen punkt sat").unwrap(),
            description: IdeaDescription::parse("Der mangler steder at sidde i skygge.").unwrap(),
            category: Category::Theme(CategoryKey::parse("heat").unwrap()),
            area: klimadialog::AreaId(1),
            point: None,
            exact_point: false,
            photo: None,
            author: None,
            moderation: ModerationState::Published,
            created_at: now(),
        })
        .await
        .unwrap();
    let mut anna = staff_browser(&app, "anna").await;
    let (_, location) = upload(&anna, postcodes(), "POSTBYNAVN").await;
    let import = location
        .trim_start_matches("/staff/areas?preview=")
        .to_owned();
    anna.post_form(
        "/fn/staff/areas/apply",
        &[("import", &import), ("mode", "replace")],
    )
    .await;
    let page = anna.get("/staff/areas").await;
    assert!(
        page.contains("Flere bænke ved åen, ingen punkt sat"),
        "{page}"
    );
    assert!(
        page.contains("(9000 Aalborg)"),
        "the retired area it is still in: {page}"
    );
}
