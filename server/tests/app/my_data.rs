//! `/me`: downloading everything stored about me, and deleting my account, over real HTTP.

use crate::test_app::{Browser, TestApp};
use klimadialog::IdeaId;
use klimadialog::storage::now;
use reqwest::StatusCode;

const EMAIL: &str = "mine-data@example.org";

/// A resident with an idea of their own and two supports.
async fn resident_with_history(app: &TestApp, browser: &mut Browser<'_>) -> IdeaId {
    let resident = browser.sign_in_as(EMAIL).await;
    let idea = app
        .insert_published_idea(
            "Delebiler i Hasseris",
            "Flere delebiler gør det let at undvære bil nummer to.",
            Some(resident),
        )
        .await;
    for id in [IdeaId(1), IdeaId(2)] {
        assert!(
            app.db
                .add_public_support(id, resident, now())
                .await
                .unwrap()
        );
    }
    idea
}

async fn supports(app: &TestApp, id: i64) -> i64 {
    app.db.support_count(IdeaId(id)).await.unwrap().unwrap()
}

#[tokio::test]
async fn a_resident_downloads_everything_stored_about_them() {
    let app = TestApp::spawn().await;
    let mut browser = Browser::new(&app);
    resident_with_history(&app, &mut browser).await;
    let page = browser.get("/me").await;
    assert!(page.contains(r#"href="/fn/me/data""#));
    // An argument in a debate is theirs too.
    let (_, posted) = browser
        .post_form(
            "/fn/ideas/argue",
            &[
                ("idea", "1"),
                ("stance", "question"),
                ("text", "Hvornår er den færdig?"),
            ],
        )
        .await;
    assert!(posted.contains("argued=posted"), "{posted}");
    // So is their report of another resident's argument.
    let mut other = Browser::new(&app);
    other.sign_in_as("anden@example.dk").await;
    let (_, theirs) = other
        .post_form(
            "/fn/ideas/argue",
            &[("idea", "1"), ("stance", "against"), ("text", "Køb en bil")],
        )
        .await;
    let argument = theirs.rsplit("argument-").next().unwrap().to_owned();
    browser
        .post_form(
            "/fn/ideas/argument/report",
            &[("idea", "1"), ("argument", &argument), ("reason", "spam")],
        )
        .await;

    let response = app
        .client
        .get(format!("{}/fn/me/data", app.base))
        .header("cookie", browser.jar.header())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let data: serde_json::Value = response.json().await.unwrap();
    assert_eq!(data["resident"]["email"], EMAIL);
    assert_eq!(data["ideas"][0]["title"], "Delebiler i Hasseris");
    assert_eq!(data["supports"].as_array().unwrap().len(), 2);
    assert_eq!(data["sessions"].as_array().unwrap().len(), 1);
    assert_eq!(data["arguments"][0]["text"], "Hvornår er den færdig?");
    assert_eq!(data["arguments"][0]["stance"], "question");
    let reports = data["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0]["argument_id"].to_string(), argument);
    assert_eq!(reports[0]["reason"], "spam");
    let text = data.to_string();
    let session = browser.jar.0["session"].clone();
    assert!(
        !text.contains(&session),
        "the session secret is not data about the person"
    );
    assert!(!text.contains("hash"));

    // Without a session there is nothing to download: off to sign in.
    let anonymous = app
        .client
        .get(format!("{}/fn/me/data", app.base))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert!(anonymous.status().is_redirection());
    assert_eq!(anonymous.headers()["location"], "/signin?next=%2Fme");
}

#[tokio::test]
async fn deleting_an_account_keeps_the_ideas_anonymous_and_removes_supports_for_good() {
    let app = TestApp::spawn().await;
    let mut browser = Browser::new(&app);
    let before = (supports(&app, 1).await, supports(&app, 2).await);
    let idea = resident_with_history(&app, &mut browser).await;
    assert_eq!(supports(&app, 1).await, before.0 + 1);

    // Not without the tick in the box.
    let (_, location) = browser.post_form("/fn/me/delete", &[]).await;
    assert_eq!(location, "/me?me=delete_unconfirmed#delete");
    let page = browser.get(&location).await;
    assert!(page.contains("Sæt kryds for at bekræfte"));
    assert_eq!(supports(&app, 1).await, before.0 + 1);

    let (_, location) = browser
        .post_form("/fn/me/delete", &[("confirm", "yes")])
        .await;
    assert_eq!(location, "/?notice=account_deleted");
    assert!(
        browser
            .get(&location)
            .await
            .contains("Din konto er slettet.")
    );
    assert!(
        !browser.jar.0.contains_key("session"),
        "the cookie is cleared"
    );
    assert_eq!(
        (supports(&app, 1).await, supports(&app, 2).await),
        before,
        "the supports are gone"
    );
    // The idea stays, public, with nobody's name on it.
    let (status, page) = app.get(&format!("/ideas/{idea}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Delebiler i Hasseris"));
    assert_eq!(
        app.db
            .ideas_with_title("Delebiler i Hasseris")
            .await
            .unwrap()[0]
            .2,
        None
    );

    // Signing up again with the same address starts from nothing: one support, not two.
    let mut again = Browser::new(&app);
    let new_resident = again.sign_in_as(EMAIL).await;
    let data = app.db.personal_data(new_resident).await.unwrap().unwrap();
    assert!(data.ideas.is_empty() && data.supports.is_empty());
    assert!(
        app.db
            .add_public_support(IdeaId(1), new_resident, now())
            .await
            .unwrap()
    );
    assert!(
        !app.db
            .add_public_support(IdeaId(1), new_resident, now())
            .await
            .unwrap()
    );
    assert_eq!(supports(&app, 1).await, before.0 + 1);
}
