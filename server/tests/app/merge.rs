//! Merging a duplicate idea into another over HTTP: exact support counts, the old address
//! leads to the kept idea, and only an admin takes a merge back.

use klimadialog::storage::now;
use klimadialog::{IdeaId, ResidentId};
use reqwest::StatusCode;

use crate::test_app::{TestApp, staff_browser, with_staff};

async fn id_of(app: &TestApp, title: &str) -> IdeaId {
    IdeaId(app.idea_id(title).await)
}

async fn count(app: &TestApp, idea: IdeaId) -> i64 {
    app.db.support_count(idea).await.unwrap().unwrap()
}

#[tokio::test]
async fn a_moderator_merges_a_duplicate_and_an_admin_undoes_it_with_exact_counts() {
    let app = with_staff().await;
    let kept = id_of(&app, "Sammenhængende cykelsti langs Vejgårdsvej").await;
    // Any other public idea will do as the duplicate.
    let duplicate = app
        .db
        .export_ideas(&Default::default(), 0, 100, false)
        .await
        .unwrap();
    let duplicate = duplicate
        .iter()
        .find(|i| {
            i.columns.id != kept.0
                && i.moderation_state == klimadialog::ModerationState::Published
                && i.supports > 0
        })
        .map(|i| IdeaId(i.columns.id))
        .expect("another supported public idea");
    // One resident supports both: after the merge they count once.
    let both: ResidentId = app
        .db
        .resident_for_email("begge@example.dk", now())
        .await
        .unwrap();
    app.db.add_public_support(kept, both, now()).await.unwrap();
    app.db
        .add_public_support(duplicate, both, now())
        .await
        .unwrap();
    let (kept_before, duplicate_before) = (count(&app, kept).await, count(&app, duplicate).await);

    let mut mo = staff_browser(&app, "mo").await;
    let merge = |into: String| {
        vec![
            ("idea".to_owned(), duplicate.0.to_string()),
            ("into".to_owned(), into),
            ("back".to_owned(), "/staff/ideas".to_owned()),
        ]
    };
    for bad in ["", "abc", &duplicate.0.to_string(), "999999"] {
        let fields = merge(bad.to_owned());
        let fields: Vec<(&str, &str)> = fields
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let (_, location) = mo.post_form("/fn/staff/ideas/merge", &fields).await;
        assert!(
            location.contains("error=merge_target"),
            "{bad:?}: {location}"
        );
    }
    assert_eq!(
        count(&app, duplicate).await,
        duplicate_before,
        "refusals change nothing"
    );

    let fields = merge(format!("#{}", kept.0));
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let (_, location) = mo.post_form("/fn/staff/ideas/merge", &fields).await;
    assert!(location.contains("merged="), "{location}");
    assert_eq!(count(&app, kept).await, kept_before + duplicate_before - 1);
    assert_eq!(count(&app, duplicate).await, 0);

    let (status, body) = app.get(&format!("/ideas/{}", duplicate.0)).await;
    assert_eq!(status, StatusCode::FOUND, "{body}");
    let response = app
        .client
        .get(format!("{}/ideas/{}", app.base, duplicate.0))
        .send()
        .await
        .unwrap();
    let to = response.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(to, format!("/ideas/{}?merged={}", kept.0, duplicate.0));
    assert!(app.get(&to).await.1.contains(&format!(
        "Idé nr. {} er lagt sammen med denne idé.",
        duplicate.0
    )));

    // Moderators merge; only admins undo.
    let staff_page = mo.get("/staff/ideas").await;
    assert!(staff_page.contains("Sammenlagte idéer") && !staff_page.contains(">Fortryd</button>"));
    let merge_id = app.db.recent_merges(1).await.unwrap()[0].id.to_string();
    let (status, _) = mo
        .post_form("/fn/staff/ideas/unmerge", &[("merge", &merge_id)])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let mut anna = staff_browser(&app, "anna").await;
    assert!(anna.get("/staff/ideas").await.contains(">Fortryd</button>"));
    let (_, location) = anna
        .post_form("/fn/staff/ideas/unmerge", &[("merge", &merge_id)])
        .await;
    assert!(
        location.starts_with("/staff/ideas?unmerged=1"),
        "{location}"
    );
    assert_eq!(count(&app, kept).await, kept_before);
    assert_eq!(count(&app, duplicate).await, duplicate_before);
    assert_eq!(
        app.get(&format!("/ideas/{}", duplicate.0)).await.0,
        StatusCode::OK
    );
    let actions = app.audit_actions("idea", duplicate.0).await;
    assert_eq!(actions, ["idea.merge", "idea.unmerge"]);
}
