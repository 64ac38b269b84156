//! The climate plan as the public reads it over HTTP, on the demo's plan: the actions by
//! sector and theme, the gap chart with its numbers, one action's timeline and ideas, and an
//! idea's place in the plan; in Danish and English.

use reqwest::StatusCode;

use crate::test_app::TestApp;

#[tokio::test]
async fn the_plan_shows_its_actions_and_the_gap_with_its_numbers() {
    let app = TestApp::spawn().await;
    let (status, page) = app.get("/plan").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<h1>Klimaplanen</h1>"), "{page}");
    assert!(
        page.contains("Tallene og indsatserne her er eksempler til demoen"),
        "demo figures are labelled as such"
    );
    assert!(page.contains("Vejen til målet i 2030"));
    // The demo's figures: 3 660 000 t in 1990, 2 375 000 t in 2022, the target 30 % of 1990,
    // 424 500 t of counted cuts, and what is left.
    for (label, tonnes) in [
        ("Udledning i 1990 (basisår)", "3.660.000"),
        ("Udledning i 2022", "2.375.000"),
        ("Mål for 2030: 70 % mindre end basisåret", "1.098.000"),
        ("Mangler stadig at blive fundet", "852.500"),
    ] {
        assert!(
            page.contains(&format!(r#"<th scope="row">{label}</th><td>{tonnes}</td>"#)),
            "{label}: {page}"
        );
    }
    assert!(page.contains(r#"role="img" aria-labelledby="gap-heading""#));
    // Actions by kind, each linked, with status, progress and tonnes.
    assert!(page.contains(r#"<a href="/plan/T1">"#));
    assert!(page.contains("Et sammenhængende net af cykelstier"));
    assert!(page.contains("1 af 2 milepæle nået"), "{page}");
    assert!(page.contains("Ca. 8.000 t CO₂e mindre om året"));
    assert!(page.contains("Indsatser for klimatilpasning"));
    assert!(page.contains("Skybrudssikring af midtbyen"));
    // Per sector: emissions beside residents' ideas.
    assert!(page.contains("Hvor udledningen er, og hvad borgerne foreslår"));
    assert!(page.contains(r#"<a href="/ideas?sector=transport">Transport</a>"#));

    let english = app.get_with("/plan", &[("accept-language", "en")]).await.1;
    assert!(english.contains("<h1>The climate plan</h1>"));
    assert!(english.contains("Cut by actions in progress"));
    // The demo's actions are in Danish only: marked so for screen readers.
    assert!(
        english.contains(r#"<span lang="da">Et sammenhængende net af cykelstier</span>"#),
        "{english}"
    );
}

#[tokio::test]
async fn an_action_has_its_timeline_and_the_ideas_behind_it() {
    let app = TestApp::spawn().await;
    let (status, page) = app.get("/plan/T1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Et sammenhængende net af cykelstier"));
    assert!(page.contains("Status: i gang"), "{page}");
    assert!(page.contains("Første 20 km nye cykelstier"));
    assert!(page.contains("(Nået)") && page.contains("(Forventes)"));
    assert!(page.contains("Sammenhængende cykelsti langs Vejgårdsvej"));
    assert!(page.contains("Strækningen er med i cykelstinettet."));
    assert!(page.contains("Trafik og Veje"));
    // A code is read in capitals; an unknown or malformed one is a real 404.
    assert_eq!(app.get("/plan/t1").await.0, StatusCode::OK);
    for missing in ["/plan/Z9", "/plan/%3Cscript%3E", "/plan/1"] {
        assert_eq!(app.get(missing).await.0, StatusCode::NOT_FOUND, "{missing}");
    }
    // The idea's page says which action it became part of, and links to it.
    let id = app.idea_id(crate::test_app::PUBLIC_DEMO_IDEA).await;
    let idea = app.get(&format!("/ideas/{id}")).await.1;
    assert!(idea.contains("I klimaplanen"), "{idea}");
    assert!(idea.contains(r#"Del af indsats T1:"#));
    assert!(idea.contains(r#"<a href="/plan/T1">Et sammenhængende net af cykelstier</a>"#));
    // Its whole life as one timeline: proposed, its statuses with the answer, the link to the
    // action and the action's progress since.
    let timeline = idea.split(r#"id="history-heading""#).nth(1).unwrap();
    let proposed = timeline.find("Foreslået").unwrap();
    let decided = timeline.find("Med i klimaplanen").unwrap();
    let linked = timeline.find("Blev en del af indsatsen").unwrap();
    assert!(proposed < decided && decided < linked, "{timeline}");
    assert!(timeline.contains(r#"<a href="/plan/T1">T1 Et sammenhængende net af cykelstier</a>"#));
}

#[tokio::test]
async fn the_actions_are_open_data_as_json_and_csv() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get("/api/actions.json").await;
    assert_eq!(status, StatusCode::OK);
    let data: serde_json::Value = serde_json::from_str(&body).unwrap();
    let actions = data["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 15);
    let t1 = actions.iter().find(|a| a["code"] == "T1").unwrap();
    assert_eq!(t1["capf_sector"], "transportation");
    assert_eq!(t1["status"], "in_progress");
    assert_eq!(t1["reduction_t_per_year"], 8000.0);
    assert_eq!(
        (t1["milestones"].as_i64(), t1["milestones_done"].as_i64()),
        (Some(2), Some(1))
    );
    let idea = app.idea_id(crate::test_app::PUBLIC_DEMO_IDEA).await;
    assert!(
        t1["idea_ids"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!(idea))
    );
    assert!(t1["url"].as_str().unwrap().ends_with("/plan/T1"));
    let k1 = actions.iter().find(|a| a["code"] == "K1").unwrap();
    assert_eq!(
        (k1["theme"].as_str(), k1["capf_sector"].as_str()),
        (Some("cloudburst"), None)
    );

    let response = app
        .client
        .get(format!("{}/api/actions.csv", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    let csv = response.text().await.unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "code,title_da,title_en,kind,sector,theme,capf_sector,owner,status,start_year,end_year,reduction_t_per_year,milestones,milestones_done,idea_ids,url"
    );
    let row = csv.lines().find(|l| l.starts_with("T1,")).unwrap();
    assert!(
        row.starts_with(
            "T1,Et sammenhængende net af cykelstier,,mitigation,transport,,transportation,"
        ),
        "{row}"
    );
    assert_eq!(csv.lines().count(), 16);

    // The ideas' open data names the actions each idea is part of.
    let ideas: serde_json::Value =
        serde_json::from_str(&app.get("/api/ideas.json").await.1).unwrap();
    let linked = ideas["ideas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == idea)
        .unwrap();
    assert_eq!(linked["actions"], serde_json::json!(["T1"]));
}

#[tokio::test]
async fn staff_link_an_idea_to_an_action_with_a_note_and_take_it_away() {
    let app = crate::test_app::with_staff().await;
    let id = app
        .idea_id("Bedre busforbindelse fra Vadum til Lindholm Station")
        .await;
    let idea = id.to_string();
    let mut mo = crate::test_app::staff_browser(&app, "mo").await;
    let page = mo.get(&format!("/staff/ideas/{id}")).await;
    assert!(
        page.contains("Idéen er ikke knyttet til nogen indsats."),
        "{page}"
    );
    assert!(page.contains(r#"<option value="T2">T2 Elbusser i bybusnettet</option>"#));

    // No action chosen, or a note of two lines: said, the note kept, nothing linked.
    let (_, location) = mo
        .post_form(
            "/fn/staff/plan/link",
            &[("idea", &idea), ("action", ""), ("note", "")],
        )
        .await;
    assert_eq!(
        location,
        format!("/staff/ideas/{id}?plan_error=action#plan")
    );
    assert!(mo.get(&location).await.contains("Vælg en indsats."));
    let long = "Busserne kører oftere. ".repeat(14);
    let (_, location) = mo
        .post_form(
            "/fn/staff/plan/link",
            &[("idea", &idea), ("action", "T2"), ("note", &long)],
        )
        .await;
    assert!(location.contains("plan_error=note"), "{location}");
    let page = mo.get(&location).await;
    assert!(page.contains("Noten må højst være 300 tegn på én linje."));
    assert!(page.contains(&format!(r#"value="{long}""#)), "{page}");
    assert!(
        app.db
            .actions_of_idea(klimadialog::IdeaId(id))
            .await
            .unwrap()
            .is_empty()
    );

    let note = "Ruten får elbusser fra 2026.";
    let (_, location) = mo
        .post_form(
            "/fn/staff/plan/link",
            &[("idea", &idea), ("action", "t2"), ("note", note)],
        )
        .await;
    assert_eq!(location, format!("/staff/ideas/{id}?plan=done#plan"));
    let public = app.get(&format!("/ideas/{id}")).await.1;
    assert!(public.contains("Del af indsats T2:"), "{public}");
    let action = app.get("/plan/T2").await.1;
    assert!(action.contains("Bedre busforbindelse fra Vadum til Lindholm Station"));
    assert!(action.contains(note));

    mo.post_form(
        "/fn/staff/plan/link",
        &[("idea", &idea), ("action", "T2"), ("unlink", "true")],
    )
    .await;
    assert!(
        !app.get(&format!("/ideas/{id}"))
            .await
            .1
            .contains("Del af indsats")
    );
    assert_eq!(
        app.audit_actions("idea", id).await,
        ["idea.link_action", "idea.unlink_action"]
    );
    // Residents cannot link.
    let mut lone = crate::test_app::Browser::new(&app);
    lone.sign_in_as("lone@example.dk").await;
    lone.post_form("/fn/staff/plan/link", &[("idea", &idea), ("action", "T2")])
        .await;
    assert!(
        app.db
            .actions_of_idea(klimadialog::IdeaId(id))
            .await
            .unwrap()
            .is_empty(),
        "the authorisation matrix has the details"
    );
}
