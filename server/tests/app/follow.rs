//! Following an idea over HTTP as a browser without JavaScript does: the page says whether and
//! why the resident follows it, and a plain form follows or stops; a choice to stop outlasts
//! supporting again. Signed-out visitors are sent to sign in; what does not exist is a 404.

use reqwest::StatusCode;

use crate::test_app::{Browser, PUBLIC_DEMO_IDEA, TestApp};

#[tokio::test]
async fn a_resident_follows_an_idea_by_supporting_it_and_can_stop() {
    let app = TestApp::spawn().await;
    let id = app.idea_id(PUBLIC_DEMO_IDEA).await;
    let page = format!("/ideas/{id}");
    let anonymous = app.get(&page).await.1;
    assert!(
        !anonymous.contains(r#"id="follow""#),
        "signed-out visitors see no follow form"
    );

    let mut lone = Browser::new(&app);
    lone.sign_in_as("lone@example.dk").await;
    assert!(
        lone.get(&page)
            .await
            .contains("Følg idéen, så får du besked")
    );
    let key = id.to_string();
    let (_, back) = lone
        .post_form(
            "/fn/ideas/support",
            &[("idea", &key), ("support", "true"), ("next", &page)],
        )
        .await;
    assert_eq!(back, page);
    assert!(
        lone.get(&page)
            .await
            .contains("Du følger idéen, fordi du støtter den.")
    );

    let form = |follow: &'static str| {
        [
            ("kind", "idea".to_owned()),
            ("key", key.clone()),
            ("follow", follow.to_owned()),
            ("next", page.clone()),
        ]
    };
    let stop = form("false");
    let stop: Vec<(&str, &str)> = stop.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, back) = lone.post_form("/fn/follow", &stop).await;
    assert_eq!(
        (status, back.as_str()),
        (StatusCode::FOUND, format!("{page}#follow").as_str())
    );
    assert!(lone.get(&page).await.contains("Du følger ikke idéen"));
    // Withdrawing and supporting again does not undo the choice.
    for support in ["false", "true"] {
        lone.post_form(
            "/fn/ideas/support",
            &[("idea", &key), ("support", support), ("next", &page)],
        )
        .await;
    }
    assert!(lone.get(&page).await.contains("Du følger ikke idéen"));
    let start = form("true");
    let start: Vec<(&str, &str)> = start.iter().map(|(k, v)| (*k, v.as_str())).collect();
    lone.post_form("/fn/follow", &start).await;
    assert!(
        lone.get(&page)
            .await
            .contains("Du følger idéen, fordi du støtter den.")
    );

    // Signed out: to sign in, and back. What does not exist, or is no key, is a 404.
    let (_, to) = Browser::new(&app).post_form("/fn/follow", &start).await;
    assert!(to.starts_with("/signin?next="), "{to}");
    for (kind, key) in [
        ("idea", "999999"),
        ("idea", "abc"),
        ("area", "atlantis"),
        ("planet", "1"),
    ] {
        let (status, _) = lone.follow(kind, key, true, "/").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{kind} {key}");
    }
    // An area, a sector and an action of the plan can be followed too.
    for (kind, key) in [
        ("area", "9000-aalborg"),
        ("sector", "transport"),
        ("action", "T1"),
    ] {
        let (status, _) = lone.follow(kind, key, true, "/").await;
        assert_eq!(status, StatusCode::FOUND, "{kind} {key}");
    }
    let resident = app
        .db
        .resident_for_email("lone@example.dk", 0)
        .await
        .unwrap();
    assert_eq!(app.db.chosen_follows(resident).await.unwrap().len(), 4);
}
