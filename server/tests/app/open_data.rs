//! Open data over real HTTP: the filters of `/ideas`, RFC 7946 GeoJSON checked by GDAL's
//! `ogrinfo`, and no personal data.

use crate::test_app::TestApp;
use reqwest::StatusCode;

async fn fetch(app: &TestApp, path: &str) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let response = app
        .client
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .unwrap();
    let headers = response.headers().clone();
    (response.status(), headers, response.text().await.unwrap())
}

#[tokio::test]
async fn open_data_lists_published_ideas_with_the_filters_of_the_list() {
    let app = TestApp::spawn().await;
    let (status, headers, body) = fetch(&app, "/api/ideas.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["access-control-allow-origin"], "*");
    let data: serde_json::Value = serde_json::from_str(&body).unwrap();
    let ideas = data["ideas"].as_array().unwrap();
    assert_eq!(
        ideas.len() as i64,
        app.db.count_published(&Default::default()).await.unwrap()
    );
    let first = &ideas[0];
    for field in [
        "id",
        "title",
        "description",
        "kind",
        "area",
        "status",
        "supports",
        "created_at",
        "lat",
        "lon",
    ] {
        assert!(!first[field].is_null(), "{field}");
    }
    assert!(data["next"].is_null());

    let (_, _, body) = fetch(&app, "/api/ideas.json?area=9000-aalborg&kind=mitigation").await;
    let data: serde_json::Value = serde_json::from_str(&body).unwrap();
    let ideas = data["ideas"].as_array().unwrap();
    assert!(!ideas.is_empty());
    assert!(
        ideas
            .iter()
            .all(|i| i["area"] == "9000-aalborg" && i["kind"] == "mitigation")
    );

    // Awaiting review and rejected ideas are not open data.
    let (_, _, all) = fetch(&app, "/api/ideas.json").await;
    assert!(!all.contains("Køb mine solceller"));
    assert!(!all.contains("Ladestandere på parkeringspladsen ved Klarup skole"));
}

#[tokio::test]
async fn open_data_has_no_personal_data() {
    let app = TestApp::spawn().await;
    for path in ["/api/ideas.json", "/api/ideas.geojson"] {
        let (_, _, body) = fetch(&app, path).await;
        assert!(!body.contains('@'), "{path}: an e-mail address");
        for leak in ["email", "author_id", "resident", "klimadialog.invalid"] {
            assert!(!body.contains(leak), "{path}: {leak}");
        }
    }
}

#[tokio::test]
async fn the_geojson_is_rfc_7946_as_gdal_reads_it() {
    let app = TestApp::spawn().await;
    let (status, headers, body) = fetch(&app, "/api/ideas.geojson").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/geo+json");
    let data: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(data["type"], "FeatureCollection");
    let features = data["features"].as_array().unwrap();
    for feature in features {
        let [lon, lat] = [
            feature["geometry"]["coordinates"][0].as_f64().unwrap(),
            feature["geometry"]["coordinates"][1].as_f64().unwrap(),
        ];
        // Longitude first, inside Aalborg Kommune's bounding box.
        assert!(
            (9.39..=10.39).contains(&lon) && (56.81..=57.23).contains(&lat),
            "{feature}"
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ideas.geojson");
    std::fs::write(&file, &body).unwrap();
    let output = std::process::Command::new("ogrinfo")
        .args(["-ro", "-so", "-al"])
        .arg(&file)
        .output()
        .expect("GDAL's ogrinfo (Debian gdal-bin; scripts/setup installs it)");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(report.contains("Geometry: Point"), "{report}");
    assert!(
        report.contains(&format!("Feature Count: {}", features.len())),
        "{report}"
    );
    assert!(
        report.contains("EPSG") || report.contains("WGS 84"),
        "{report}"
    );
    for field in ["title", "kind", "status", "supports"] {
        assert!(
            report.contains(&format!("{field}: ")),
            "{field} in {report}"
        );
    }
}
