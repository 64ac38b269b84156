//! The staff table of ideas over HTTP, as staff use it without JavaScript: every moderation
//! state, each filter kept in the address and in the form, sortable headers, and an export of
//! a filter holding exactly the table's rows. One idea's staff page for any state.

use reqwest::StatusCode;

use crate::test_app::{PENDING_DEMO_IDEA, PUBLIC_DEMO_IDEA, staff_browser, with_staff};

/// The idea ids the table links to, in the table's order.
fn linked_ids(page: &str) -> Vec<i64> {
    page.split("href=\"/staff/ideas/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect()
}

#[tokio::test]
async fn the_table_shows_every_state_filters_in_the_address_and_orders_by_any_column() {
    let app = with_staff().await;
    let pending = app.idea_id(PENDING_DEMO_IDEA).await;
    let mut mo = staff_browser(&app, "mo").await;

    let all = mo.get("/staff/ideas").await;
    assert!(all.contains("<h1>Idéer</h1>"), "{all}");
    assert!(all.contains("Viser 1–50 af "), "the count of what matches");
    assert_eq!(linked_ids(&all).len(), 50, "fifty rows a page");
    assert!(all.contains("<span>Side 1 af 2</span>"));
    assert!(all.contains(r#"<a href="/staff/ideas?page=2">Næste side</a>"#));
    assert!(
        all.contains(r#"aria-sort="descending""#),
        "newest first, and said so"
    );

    // Pending ideas are in the table, found by the moderation filter, which the form keeps.
    let waiting = mo.get("/staff/ideas?moderation=pending").await;
    assert!(linked_ids(&waiting).contains(&pending), "{waiting}");
    assert!(waiting.contains(r#"<option value="pending" selected>Afventer</option>"#));
    assert!(!linked_ids(&waiting).contains(&app.idea_id(PUBLIC_DEMO_IDEA).await));

    // Filters at once: read, shown back in the form, written back in one order.
    let narrow = mo
        .get("/staff/ideas?to=2030-01-01&from=2020-01-01&kind=mitigation&q=cykelsti&order=supports&dir=asc")
        .await;
    assert!(narrow.contains(r#"value="2020-01-01""#) && narrow.contains(r#"value="2030-01-01""#));
    assert!(narrow.contains(r#"aria-sort="ascending""#), "{narrow}");
    assert!(
        narrow.contains(r#"href="/staff/ideas?kind=mitigation&amp;q=cykelsti&amp;from=2020-01-01&amp;to=2030-01-01&amp;order=supports""#),
        "the supports header turns the order round and keeps the filter: {narrow}"
    );
    let ticked = mo.get("/staff/ideas?nopoint=on&min_supports=3").await;
    assert!(
        ticked
            .contains(r#"name="min_supports" type="number" min="1" inputmode="numeric" value="3""#),
        "{ticked}"
    );
    assert!(
        ticked.contains(r#"id="filter-nopoint" name="nopoint" value="1" checked"#),
        "{ticked}"
    );
    assert!(narrow.contains("Nulstil filtrene"));

    // Ordered by supports, most first: the counts in the rows never rise.
    let top = mo.get("/staff/ideas?order=supports").await;
    let ids = linked_ids(&top);
    let mut counts = Vec::new();
    for id in &ids[..10] {
        counts.push(
            app.db
                .support_count(klimadialog::IdeaId(*id))
                .await
                .unwrap()
                .unwrap(),
        );
    }
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");

    // A filter nothing matches says so, as a status.
    let none = mo.get("/staff/ideas?q=zzzqqq").await;
    assert!(none.contains(r#"<p role="status">Ingen idéer passer til filteret.</p>"#));
}

/// The table's script (public/staff-table.js) keeps no texts or rules of its own: the count of
/// ticked rows comes from the page in the page's language and plural rules, one text per number
/// a page can have, and the batch fields say which action they belong to.
#[tokio::test]
async fn the_table_gives_its_script_every_text_and_rule_it_needs() {
    let app = with_staff().await;
    let mut mo = staff_browser(&app, "mo").await;
    let page = mo.get("/staff/ideas").await;
    assert!(page.contains(r#"<script type="module" src="/staff-table.js"></script>"#));
    let counts = page
        .split(r#"data-counts=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the texts of the count");
    let counts: Vec<&str> = counts.split('|').collect();
    assert_eq!(counts.len(), 51, "0 to 50 ticked rows");
    assert_eq!(counts[0], "Du har valgt 0 idéer.");
    assert_eq!(counts[1], "Du har valgt 1 idé.");
    assert_eq!(counts[50], "Du har valgt 50 idéer.");
    // The box that ticks the page is hidden until the script shows it.
    assert!(
        page.contains(r#"<span hidden class="pick-all"><input type="checkbox" id="pick-all">"#),
        "{page}"
    );
    for (field, action) in [
        ("batch-status", "status"),
        ("batch-answer-da", "status"),
        ("batch-category", "category"),
        ("batch-area", "area"),
        ("batch-reason", "reject hide"),
    ] {
        assert!(
            page.contains(&format!(
                r#"<div data-for="{action}" class="field"><label for="{field}">"#
            )),
            "{field}"
        );
    }
    mo.jar.0.insert("lang".to_owned(), "en".to_owned());
    let english = mo.get("/staff/ideas").await;
    assert!(english.contains("You have ticked 1 idea.|You have ticked 2 ideas."));
}

#[tokio::test]
async fn an_export_of_the_tables_filter_holds_exactly_its_rows() {
    let app = with_staff().await;
    let mut mo = staff_browser(&app, "mo").await;
    let filter = "moderation=published&sector=transport&order=title";
    let table = mo.get(&format!("/staff/ideas?{filter}")).await;
    let mut shown = linked_ids(&table);
    assert!(
        shown.len() > 2 && shown.len() < 50,
        "one page: {}",
        shown.len()
    );
    // The export links carry the filter, without order or page.
    assert!(
        table.contains(
            r#"href="/staff/export/ideas.json?sector=transport&amp;moderation=published""#
        ),
        "{table}"
    );
    let response = app
        .client
        .get(format!(
            "{}/staff/export/ideas.json?sector=transport&moderation=published",
            app.base
        ))
        .header("cookie", mo.jar.header())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let rows: Vec<serde_json::Value> = response.json().await.unwrap();
    let mut exported: Vec<i64> = rows.iter().map(|r| r["id"].as_i64().unwrap()).collect();
    shown.sort_unstable();
    exported.sort_unstable();
    assert_eq!(exported, shown);
}

#[tokio::test]
async fn one_ideas_staff_page_for_any_state() {
    let app = with_staff().await;
    let mut mo = staff_browser(&app, "mo").await;
    let public = app.idea_id(PUBLIC_DEMO_IDEA).await;
    let page = mo.get(&format!("/staff/ideas/{public}")).await;
    assert!(
        page.contains(&format!(">{PUBLIC_DEMO_IDEA}</h1>")),
        "{page}"
    );
    assert!(page.contains("Gem og send besked") && page.contains("Gem note"));
    assert!(page.contains("Læg sammen"));

    // A pending idea: a note, but no status or merge until it is approved.
    let pending = app.idea_id(PENDING_DEMO_IDEA).await;
    let page = mo.get(&format!("/staff/ideas/{pending}")).await;
    assert!(page.contains("Idéen er ikke offentlig."), "{page}");
    assert!(page.contains("Gem note"));
    assert!(!page.contains("Gem og send besked") && !page.contains("Læg sammen"));

    let (status, page) = app
        .get_with("/staff/ideas/999999", &[("cookie", &mo.jar.header())])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("Idéen findes ikke."));
}

#[tokio::test]
async fn staff_merge_by_searching_the_title_and_see_both_before_confirming() {
    let app = with_staff().await;
    let mut mo = staff_browser(&app, "mo").await;
    let kept = app.idea_id(PUBLIC_DEMO_IDEA).await;
    let duplicate = app
        .insert_published_idea(
            "Cykelsti hele vejen langs Vejgårdsvej",
            "Den samme cykelsti som den anden idé, foreslået igen.",
            None,
        )
        .await
        .0;
    let here = format!("/staff/ideas/{duplicate}");

    // The search lists public ideas by title, never the idea itself.
    let found = mo.get(&format!("{here}?merge_q=vejgårdsvej")).await;
    let choose = format!("href=\"{here}?merge_q=vejg%C3%A5rdsvej&amp;into={kept}#merge\"");
    assert!(found.contains(&choose), "{found}");
    assert!(!found.contains(&format!("into={duplicate}#merge")));
    let nothing = mo.get(&format!("{here}?merge_q=zzzqqq")).await;
    assert!(nothing.contains("Ingen andre offentlige idéer passer til søgningen."));

    // Chosen: both side by side, and one button that names the idea kept.
    let pair = mo
        .get(&format!("{here}?merge_q=vejg%C3%A5rdsvej&into={kept}"))
        .await;
    assert!(pair.contains("Denne idé bliver en henvisning") && pair.contains("Denne idé beholdes"));
    assert!(
        pair.contains(&format!("Læg sammen, og behold »{PUBLIC_DEMO_IDEA}«")),
        "{pair}"
    );
    let (status, location) = mo
        .post_form(
            "/fn/staff/ideas/merge",
            &[
                ("idea", &duplicate.to_string()),
                ("into", &kept.to_string()),
                ("back", &here),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(location, format!("/staff/ideas?merged={duplicate}#merges"));
    assert!(mo.get(&location).await.contains("Idéerne er lagt sammen."));

    // Merged away, it offers no second merge; a refused one says why in the merge section.
    let (_, location) = mo
        .post_form(
            "/fn/staff/ideas/merge",
            &[
                ("idea", &kept.to_string()),
                ("into", &kept.to_string()),
                ("back", &format!("/staff/ideas/{kept}")),
            ],
        )
        .await;
    let refused = mo.get(&location).await;
    assert!(
        refused.contains("Vælg en anden offentlig idé, som ikke selv er lagt sammen."),
        "{refused}"
    );
}
