//! The map's optional background of tiles: off by default, so the map fetches nothing from
//! elsewhere; when configured, allowed by the policy and fetched only by the page's script
//! (a browser without JavaScript gets no tile addresses to fetch).

use crate::test_app::{TestApp, count, test_args};

#[tokio::test]
async fn without_a_tile_server_the_map_loads_nothing_from_elsewhere() {
    let app = TestApp::spawn().await;
    let (policy, page) = app.policy_and_page("/map").await;
    assert!(policy.contains("img-src 'self' data:;"), "{policy}");
    assert!(!page.contains("class=\"tiles\""));
    assert!(!page.contains("map-tiles.js"));
}

#[tokio::test]
async fn a_configured_tile_server_is_allowed_and_its_tiles_wait_for_javascript() {
    let app = TestApp::spawn_with(
        None,
        &[
            "--map-tiles",
            "https://tiles.example.dk/kort/{z}/{x}/{y}.png",
            "--map-tiles-credit",
            "Kort: © OpenStreetMap-bidragydere",
        ],
    )
    .await;
    // Rendered, then from the copy kept for visitors: the same either way.
    for _ in 0..2 {
        let (policy, page) = app.policy_and_page("/map").await;
        assert!(
            policy.contains("img-src 'self' data: https://tiles.example.dk;"),
            "{policy}"
        );
        let tiles = count(&page, "<image data-href=\"https://tiles.example.dk/kort/");
        assert!((4..=40).contains(&tiles), "{tiles} tiles");
        assert_eq!(
            count(&page, " href=\"https://tiles.example.dk"),
            0,
            "no address to fetch without JavaScript"
        );
        assert!(page.contains("<script type=\"module\" src=\"/map-tiles.js\"></script>"));
        let credit = page
            .find(">Kort: © OpenStreetMap-bidragydere</p>")
            .expect("the credit");
        let tag = &page[page[..credit].rfind("<p").unwrap()..credit];
        assert!(tag.contains("hidden"), "shown only with the tiles: {tag}");
    }
    let (_, front) = app.get("/").await;
    assert!(
        !front.contains("tiles.example.dk"),
        "only the map has tiles"
    );
}

#[test]
fn an_unusable_tile_server_address_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    for bad in [
        "http://tiles.example.dk/{z}/{x}/{y}.png",
        "https://tiles.example.dk/{z}/{x}.png",
        "https://tiles.example.dk/{z}/{x}/{y}.png'; script-src *",
    ] {
        let mut args = test_args(dir.path(), None);
        args.map_tiles = Some(bad.to_owned());
        let refused = args.site_config().unwrap_err();
        assert!(refused.contains("KLIMADIALOG_MAP_TILES"), "{refused}");
    }
    let mut args = test_args(dir.path(), None);
    args.map_tiles = Some("  ".to_owned());
    assert_eq!(args.site_config().unwrap().map_tiles, None, "blank is off");
}
