//! Batch actions from the staff table over HTTP, as a browser without JavaScript sends them:
//! the ticked rows as repeated `ids` fields, one status and answer mailed once per resident
//! (a real SMTP server), the form's problems with the typed text kept, refusals per idea with
//! nothing changed, and "all matching" only while the confirmed count holds.

use std::time::Duration;

use klimadialog::storage::now;
use klimadialog::{IdeaId, ResidentId};
use reqwest::StatusCode;

use crate::smtp::{SmtpSink, mail_body};
use crate::test_app::{Browser, PENDING_DEMO_IDEA, STAFF_PASSWORD, TestApp, staff_browser};

/// The value of the table's checkbox for `idea` (`id:updated_at`), read from the page.
fn checkbox(page: &str, idea: IdeaId) -> String {
    let marker = format!("name=\"ids\" id=\"pick-{}\" value=\"", idea.0);
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no checkbox: {page}"))
        + marker.len();
    page[start..].split('"').next().unwrap().to_owned()
}

async fn post(mo: &mut Browser<'_>, path: &str, fields: &[(&str, &str)]) -> String {
    let (status, location) = mo.post_form(path, fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    location
}

/// A moderator, and two public ideas that one resident supports both of and another one.
async fn app_with_two_ideas(smtp: &SmtpSink) -> (TestApp, [IdeaId; 2]) {
    use klimadialog::staff::{Password, StaffRole, hash_password};
    let url = format!("smtp://127.0.0.1:{}", smtp.port);
    let app = TestApp::spawn_with(Some(&url), &["--mail-retry-seconds", "1"]).await;
    let hash = hash_password(&Password::parse(STAFF_PASSWORD).unwrap());
    app.db
        .insert_staff("mo", &hash, StaffRole::Moderator, now())
        .await
        .unwrap();
    let ideas = [
        app.insert_published_idea(
            "Ladeplads til elcykler ved Kennedy Arkaden",
            "Overdækkede pladser med strøm til elcykler ved stationen.",
            None,
        )
        .await,
        app.insert_published_idea(
            "Elcykler til udlån på biblioteket",
            "Prøv en elcykel en uge, før du køber en.",
            None,
        )
        .await,
    ];
    let both: ResidentId = app
        .db
        .resident_for_email("begge@example.dk", now())
        .await
        .unwrap();
    let one: ResidentId = app
        .db
        .resident_for_email("en@example.dk", now())
        .await
        .unwrap();
    for idea in ideas {
        app.db.add_public_support(idea, both, now()).await.unwrap();
    }
    app.db
        .add_public_support(ideas[1], one, now())
        .await
        .unwrap();
    (app, ideas)
}

// Multi-threaded: the SMTP sink is read with blocking waits while the mail worker runs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_status_for_ticked_ideas_mails_each_resident_once() {
    let smtp = SmtpSink::start();
    let (app, ideas) = app_with_two_ideas(&smtp).await;
    let mut mo = staff_browser(&app, "mo").await;
    let table = mo.get("/staff/ideas?q=elcykler").await;
    assert!(
        table.contains("Vælg »Elcykler til udlån på biblioteket«"),
        "{table}"
    );
    let picked: Vec<String> = ideas.iter().map(|i| checkbox(&table, *i)).collect();
    assert!(table.contains(r#"action="/staff/ideas/batch?q=elcykler""#));

    // A decision without its answer: nothing changes, the English typed is kept.
    let location = post(
        &mut mo,
        "/staff/ideas/batch?q=elcykler",
        &[
            ("ids", &picked[0]),
            ("ids", &picked[1]),
            ("scope", "ticked"),
            ("action", "status"),
            ("new_status", "in_plan"),
            ("answer_en", "Both are <b>in</b> the plan."),
        ],
    )
    .await;
    assert_eq!(
        location,
        "/staff/ideas?q=elcykler&batch_error=english_alone#batch"
    );
    let page = mo.get(&location).await;
    assert!(page.contains("Skriv også svaret på dansk."), "{page}");
    assert!(page.contains("Both are &lt;b&gt;in&lt;/b&gt; the plan.</textarea>"));
    assert!(!smtp.mail_within(Duration::from_millis(300)));

    let location = post(
        &mut mo,
        "/staff/ideas/batch?q=elcykler",
        &[
            ("ids", &picked[0]),
            ("ids", &picked[1]),
            ("scope", "ticked"),
            ("action", "status"),
            ("new_status", "partly_in_plan"),
            ("answer_da", "Elcykler indgår i planens transportafsnit."),
        ],
    )
    .await;
    assert_eq!(
        location,
        "/staff/ideas?q=elcykler&batch_done=status&changed=2#batch"
    );
    assert!(
        mo.get(&location)
            .await
            .contains("2 idéer er ændret. Beskederne sendes nu.")
    );
    let mut mails = [smtp.next_mail(), smtp.next_mail()];
    assert!(
        !smtp.mail_within(Duration::from_secs(2)),
        "one mail each, however many of their ideas"
    );
    mails.sort_by_key(|m| m.contains("To: en@example.dk"));
    let both = mail_body(&mails[0]);
    assert!(mails[0].contains("To: begge@example.dk"));
    assert!(
        both.contains(
            "2 idéer, som du har foreslået eller støtter, har fået status »Delvist med i klimaplanen«"
        ),
        "{both}"
    );
    assert!(
        both.contains("Ladeplads til elcykler ved Kennedy Arkaden")
            && both.contains("Elcykler til udlån på biblioteket")
    );
    assert!(both.contains("Kommunens svar:\nElcykler indgår i planens transportafsnit."));
    let one = mail_body(&mails[1]);
    assert!(
        one.contains("Idéen »Elcykler til udlån på biblioteket«, som du støtter"),
        "{one}"
    );
    for idea in ideas {
        assert_eq!(
            app.audit_actions("idea", idea.0).await.last().unwrap(),
            "idea.status"
        );
    }
}

#[tokio::test]
async fn a_refused_idea_leaves_every_idea_as_it_was_and_is_named() {
    let app = crate::test_app::with_staff().await;
    let mut mo = staff_browser(&app, "mo").await;
    let pending = IdeaId(app.idea_id(PENDING_DEMO_IDEA).await);
    let public = IdeaId(app.idea_id(crate::test_app::PUBLIC_DEMO_IDEA).await);
    let ticked = [
        checkbox(&mo.get("/staff/ideas?moderation=pending").await, pending),
        checkbox(&mo.get("/staff/ideas?q=vejg%C3%A5rdsvej").await, public),
    ];
    let location = post(
        &mut mo,
        "/staff/ideas/batch",
        &[
            ("ids", &ticked[0]),
            ("ids", &ticked[1]),
            ("action", "approve"),
        ],
    )
    .await;
    let page = mo.get(&location).await;
    assert!(
        page.contains("Intet er ændret, fordi disse idéer ikke kunne:"),
        "{page}"
    );
    assert!(page.contains(&format!(
        "<a href=\"/staff/ideas/{}\">Idé nr. {}</a>: handlingen passer ikke til idéens moderation",
        public.0, public.0
    )));
    assert_eq!(
        app.db
            .staff_idea(pending)
            .await
            .unwrap()
            .unwrap()
            .moderation,
        klimadialog::ModerationState::Pending,
        "nothing half-done"
    );

    // The same ticks download as an export, sent as the form's GET with all its fields; the
    // batch fields' names never pass for the filter's.
    let export = app
        .client
        .get(format!(
            "{}/staff/export/ideas.json?ids={}&ids={}&scope=ticked&count=63&action=status&new_status=in_plan&new_area=hals",
            app.base,
            klimadialog_app::url::encode_component(&ticked[0]),
            klimadialog_app::url::encode_component(&ticked[1])
        ))
        .header("cookie", mo.jar.header())
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), StatusCode::OK);
    let rows: Vec<serde_json::Value> = export.json().await.unwrap();
    let mut exported: Vec<i64> = rows.iter().map(|r| r["id"].as_i64().unwrap()).collect();
    exported.sort_unstable();
    let mut expected = vec![pending.0, public.0];
    expected.sort_unstable();
    assert_eq!(exported, expected);

    // All that match a filter, with the count shown: only while it still holds.
    let location = post(
        &mut mo,
        "/staff/ideas/batch?moderation=pending",
        &[("scope", "all"), ("count", "7"), ("action", "approve")],
    )
    .await;
    assert!(
        location.contains("batch_error=count_changed&matching=1"),
        "{location}"
    );
    assert!(
        mo.get(&location)
            .await
            .contains("Intet er ændret: filteret passer nu til 1 idé, ikke 7.")
    );
    let location = post(
        &mut mo,
        "/staff/ideas/batch?moderation=pending",
        &[("scope", "all"), ("count", "1"), ("action", "approve")],
    )
    .await;
    assert!(
        location.contains("batch_done=approve&changed=1"),
        "{location}"
    );
    assert_eq!(
        app.audit_actions("idea", pending.0).await,
        ["moderation.approve"]
    );

    // A signed-in resident is no staff member: the form leads to the staff login.
    let mut resident = Browser::new(&app);
    resident.sign_in_as("borger@example.dk").await;
    let (status, location) = resident
        .post_form(
            "/staff/ideas/batch",
            &[("ids", &ticked[1]), ("action", "hide"), ("reason", "x")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.starts_with("/staff/login"), "{location}");

    // Signed out, the form leads to the login; nothing runs.
    let (status, location) = Browser::new(&app)
        .post_form(
            "/staff/ideas/batch",
            &[("ids", &ticked[1]), ("action", "hide")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.starts_with("/staff/login"), "{location}");
    assert_eq!(
        app.db.staff_idea(public).await.unwrap().unwrap().moderation,
        klimadialog::ModerationState::Published
    );
}
