//! `/ideas` as a plain GET form over real HTTP: every filter alone and combined, Danish search,
//! sort orders, the visitor's own random order, and links that keep the filters.

use crate::test_app::{TestApp, count};
use reqwest::StatusCode;

/// The idea links of a list page, in order.
fn idea_links(page: &str) -> Vec<String> {
    page.match_indices(r#"<h3 id="idea-"#)
        .map(|(at, _)| {
            let rest = &page[at + 12..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect()
}

#[tokio::test]
async fn each_filter_alone_and_combined_shows_only_matching_ideas() {
    let app = TestApp::spawn().await;
    let (_, all) = app.get("/ideas").await;
    assert!(all.contains(r#"<form method="get" action="/ideas""#));
    for label in [
        "Søg",
        "Område",
        "Type",
        "Sektor",
        "Tema",
        "Status",
        "Sortering",
    ] {
        assert!(all.contains(&format!(">{label}</label>")), "{label}");
    }

    let (status, vejgaard) = app.get("/ideas?area=9000-aalborg").await;
    assert_eq!(status, StatusCode::OK);
    let cards = idea_links(&vejgaard);
    assert!(!cards.is_empty());
    assert_eq!(count(&vejgaard, "<dd>9000 Aalborg</dd>"), cards.len());
    assert!(vejgaard.contains(r#"<option value="9000-aalborg" selected"#));

    let (_, adaptation) = app.get("/ideas?kind=adaptation&theme=cloudburst").await;
    assert!(!idea_links(&adaptation).is_empty());
    assert_eq!(count(&adaptation, "kind-mitigation"), 0);

    let (_, nothing) = app.get("/ideas?sector=transport&theme=heat").await;
    assert!(idea_links(&nothing).is_empty());
    assert!(nothing.contains("Ingen idéer passer til det, du har valgt."));
}

#[tokio::test]
async fn danish_search_finds_stems_and_names_typed_without_special_letters() {
    let app = TestApp::spawn().await;
    let (_, found) = app.get("/ideas?q=cykelstier").await;
    assert!(found.contains("Sammenhængende cykelsti langs Vejgårdsvej"));
    let (_, plain) = app.get("/ideas?q=norresundby").await;
    let (_, danish) = app.get("/ideas?q=N%C3%B8rresundby").await;
    assert!(!idea_links(&plain).is_empty());
    assert_eq!(idea_links(&plain), idea_links(&danish));
    // Search text is shown back escaped, never as markup.
    let (status, hostile) = app
        .get("/ideas?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!hostile.contains("<script>alert(1)</script>"));
}

#[tokio::test]
async fn random_order_is_stable_for_a_visitor_and_their_own() {
    let app = TestApp::spawn().await;
    let first = app
        .client
        .get(format!("{}/ideas?sort=random", app.base))
        .send()
        .await
        .unwrap();
    let cookie = first.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("seed="), "{cookie}");
    let seed = cookie.split(';').next().unwrap().to_owned();
    let (_, a) = app
        .get_with("/ideas?sort=random", &[("cookie", &seed)])
        .await;
    let (_, b) = app
        .get_with("/ideas?sort=random", &[("cookie", &seed)])
        .await;
    assert_eq!(idea_links(&a), idea_links(&b));
    let (_, other) = app
        .get_with("/ideas?sort=random", &[("cookie", "seed=12345")])
        .await;
    assert_ne!(idea_links(&a), idea_links(&other));
    // The next page continues the same order with the same filters.
    assert!(a.contains(r#"href="/ideas?sort=random&amp;page=2""#));
}

#[tokio::test]
async fn page_links_keep_the_filters_and_bad_values_still_show_a_list() {
    let app = TestApp::spawn().await;
    let (_, page) = app.get("/ideas?kind=mitigation&sort=new").await;
    assert!(page.contains(r#"href="/ideas?kind=mitigation&amp;sort=new&amp;page=2""#));
    let (_, second) = app.get("/ideas?kind=mitigation&sort=new&page=2").await;
    assert!(second.contains(r#"href="/ideas?kind=mitigation&amp;sort=new""#));
    for bad in [
        "/ideas?area=..%2F..%2Fetc&page=-1&sort=evil",
        "/ideas?page=99999999999999",
        "/ideas?status=adopted&kind=both",
        "/ideas?q=%22%20OR%20*",
    ] {
        // Bad values are dropped: the visitor lands on the list without them.
        let response = app
            .client
            .get(format!("{}{bad}", app.base))
            .send()
            .await
            .unwrap();
        let to = match response.status() {
            StatusCode::FOUND => response.headers()["location"].to_str().unwrap().to_owned(),
            status => {
                assert_eq!(status, StatusCode::OK, "{bad}");
                bad.to_owned()
            }
        };
        let (status, body) = app.get(&to).await;
        assert_eq!(status, StatusCode::OK, "{bad} → {to}");
        assert!(body.contains("Alle idéer"), "{bad}");
    }
}

#[tokio::test]
async fn a_sent_form_is_redirected_to_the_one_short_url_of_its_filter() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .get(format!(
            "{}/ideas?q=&area=9000-aalborg&kind=&sector=&theme=&status=&sort=new",
            app.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(
        response.headers()["location"],
        "/ideas?area=9000-aalborg&sort=new"
    );
    let (status, _) = app.get("/ideas?area=9000-aalborg&sort=new").await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the short URL is not redirected again"
    );
    let (status, _) = app.get("/ideas?q=N%C3%B8rresundby").await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a search with Danish letters is already short"
    );
}

#[tokio::test]
async fn the_map_links_every_area_and_its_table_matches_its_shading() {
    let app = TestApp::spawn().await;
    for path in ["/map", "/map?by=supports"] {
        let (status, page) = app.get(path).await;
        assert_eq!(status, StatusCode::OK);
        let areas = app.db.list_areas().await.unwrap();
        for area in &areas {
            let slug = area.slug.as_str();
            let link = format!(r#"<a href="/ideas?area={slug}" aria-label="#);
            assert_eq!(count(&page, &link), 1, "{path}: map link for {slug}");
            // The table row and the map's path carry the same shade.
            let row_at = page
                .find(&format!(r#"<tr data-area="{slug}" data-shade=""#))
                .unwrap();
            let row_shade = &page[row_at..][..60].split("data-shade=\"").nth(1).unwrap()[..1];
            let path_class = format!(r#"class="area shade-{row_shade}""#);
            let path_at = page.find(&link).unwrap();
            assert!(
                page[path_at..]
                    .split("</path>")
                    .next()
                    .unwrap()
                    .contains(&path_class),
                "{path}: {slug} is shade {row_shade} in the table but not on the map: {}",
                &page[path_at..][..400]
            );
        }
        assert!(page.contains("<caption>"));
        assert!(page.contains(r#"aria-labelledby="map-title""#));
    }
}

#[tokio::test]
async fn statistics_are_charts_with_their_numbers_as_tables() {
    let app = TestApp::spawn().await;
    let (status, page) = app.get("/stats").await;
    assert_eq!(status, StatusCode::OK);
    for (id, rows) in [("sectors", 9), ("themes", 9), ("areas", 17), ("weeks", 26)] {
        let svg =
            format!(r#"role="img" aria-labelledby="{id}-heading" aria-describedby="{id}-table""#);
        assert_eq!(count(&page, &svg), 1, "{id}: chart");
        let table_at = page.find(&format!(r#"<table id="{id}-table""#)).unwrap();
        let table = &page[table_at..page[table_at..].find("</table>").unwrap() + table_at];
        assert_eq!(count(table, r#"<th scope="row">"#), rows, "{id}: rows");
    }
    assert!(page.contains("Transport"));
    assert!(page.contains("Skybrud"));
}
