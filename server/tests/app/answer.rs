//! Staff set a status with the official answer; the author and each supporter get one mail at a
//! real SMTP server, sent in the background, retried when the server refuses, and never holding
//! up the staff action.

use std::time::Duration;

use klimadialog::storage::now;
use klimadialog::{IdeaId, ResidentId};
use reqwest::StatusCode;

use crate::smtp::{SmtpSink, mail_body};
use crate::test_app::{Browser, STAFF_PASSWORD, TestApp};

/// The app with a moderator and a published idea by one resident supported by two others.
async fn app_with_idea(smtp: &SmtpSink, retry_seconds: &str) -> (TestApp, IdeaId) {
    use klimadialog::staff::{Password, StaffRole, hash_password};
    let url = format!("smtp://127.0.0.1:{}", smtp.port);
    let app = TestApp::spawn_with(Some(&url), &["--mail-retry-seconds", retry_seconds]).await;
    let hash = hash_password(&Password::parse(STAFF_PASSWORD).unwrap());
    app.db
        .insert_staff("mo", &hash, StaffRole::Moderator, now())
        .await
        .unwrap();
    let author = app
        .db
        .resident_for_email("forfatter@example.dk", now())
        .await
        .unwrap();
    let idea = app
        .insert_published_idea(
            "Delebiler i Hasseris",
            "Flere delebiler gør det let at undvære bil nummer to.",
            Some(author),
        )
        .await;
    app.db
        .add_public_support(idea, author, now())
        .await
        .unwrap();
    for email in ["a@example.dk", "b@example.dk"] {
        let supporter: ResidentId = app.db.resident_for_email(email, now()).await.unwrap();
        app.db
            .add_public_support(idea, supporter, now())
            .await
            .unwrap();
    }
    (app, idea)
}

async fn set_status(
    mo: &mut Browser<'_>,
    idea: IdeaId,
    fields: &[(&str, &str)],
) -> (StatusCode, String) {
    let id = idea.0.to_string();
    let back = format!("/staff/ideas/{id}");
    let mut all = vec![("idea", id.as_str()), ("back", back.as_str())];
    all.extend_from_slice(fields);
    mo.post_form("/fn/staff/ideas/status", &all).await
}

// Multi-threaded: the SMTP sink is read with blocking waits, and the mail worker must run
// meanwhile.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_decision_with_its_answer_mails_author_and_supporters_once_each() {
    let smtp = SmtpSink::start();
    let (app, idea) = app_with_idea(&smtp, "30").await;
    let mut mo = crate::test_app::staff_browser(&app, "mo").await;
    // The table finds it; its title leads to the idea's staff page with the status form.
    let list = mo.get("/staff/ideas?q=delebiler").await;
    let link = format!(
        "<a href=\"/staff/ideas/{}\">Delebiler i Hasseris</a>",
        idea.0
    );
    assert!(list.contains(&link), "{list}");
    assert!(
        mo.get(&format!("/staff/ideas/{}", idea.0))
            .await
            .contains("Gem og send besked")
    );

    // A decision without an answer is refused: nothing stored, nothing sent, English kept.
    let (_, location) = set_status(
        &mut mo,
        idea,
        &[
            ("status", "not_adopted"),
            ("answer_da", ""),
            ("answer_en", "Not <b>now</b>."),
        ],
    )
    .await;
    assert!(location.contains("error=english_alone"), "{location}");
    let page = mo.get(&location).await;
    assert!(page.contains("Skriv også svaret på dansk."));
    // The hint names the statuses as staff see them in the list.
    assert!(page.contains(
        "Skal udfyldes ved status »Med i klimaplanen«, »Delvist med i klimaplanen«, »Allerede planlagt« og »Ikke med i klimaplanen«."
    ));
    assert!(page.contains("3 støtter"), "a count says what it counts");
    assert!(
        page.contains("Not &lt;b&gt;now&lt;/b&gt;.</textarea>"),
        "kept and escaped"
    );
    let (_, location) = set_status(&mut mo, idea, &[("status", "in_plan")]).await;
    assert!(location.contains("error=answer_required"), "{location}");
    let (_, location) =
        set_status(&mut mo, idea, &[("status", "merged"), ("answer_da", "x")]).await;
    assert!(location.contains("error=status"), "{location}");
    assert!(!smtp.mail_within(Duration::from_millis(500)));
    assert_eq!(
        app.db
            .published_idea(idea)
            .await
            .unwrap()
            .unwrap()
            .summary
            .status
            .as_str(),
        "new"
    );

    // "In the climate plan" says which action: refused until the idea is linked to one,
    // with the answer kept in the form.
    let decision = [
        ("status", "in_plan"),
        (
            "answer_da",
            "Delebiler indgår i planens afsnit om transport.",
        ),
        (
            "answer_en",
            "Car sharing is part of the plan's transport section.",
        ),
    ];
    let (_, location) = set_status(&mut mo, idea, &decision).await;
    assert!(location.contains("error=no_action"), "{location}");
    let page = mo.get(&location).await;
    assert!(
        page.contains("Knyt først idéen til en indsats i klimaplanen"),
        "{page}"
    );
    assert!(page.contains("Delebiler indgår i planens afsnit om transport.</textarea>"));
    assert!(!smtp.mail_within(Duration::from_millis(300)));
    let (_, linked) = mo
        .post_form(
            "/fn/staff/plan/link",
            &[
                ("idea", &idea.0.to_string()),
                ("action", "T2"),
                ("note", ""),
            ],
        )
        .await;
    assert!(linked.ends_with("plan=done#plan"), "{linked}");

    let (status, location) = set_status(
        &mut mo,
        idea,
        &[
            ("status", "in_plan"),
            (
                "answer_da",
                "Delebiler indgår i planens afsnit om transport.",
            ),
            (
                "answer_en",
                "Car sharing is part of the plan's transport section.",
            ),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::FOUND);
    assert!(
        location.ends_with(&format!("done={0}#idea-{0}", idea.0)),
        "{location}"
    );
    let mut recipients = Vec::new();
    for _ in 0..3 {
        let mail = smtp.next_mail();
        let body = mail_body(&mail);
        assert!(
            body.contains("Kommunens svar:\nDelebiler indgår i planens afsnit om transport."),
            "{body}"
        );
        assert!(
            !body.contains("Car sharing") && !body.contains("The municipality"),
            "Danish residents get Danish alone: {body}"
        );
        assert!(body.contains("/me#mail"), "how to stop them: {body}");
        assert!(body.contains(&format!("/ideas/{}", idea.0)), "{body}");
        let to = mail
            .lines()
            .find_map(|l| l.strip_prefix("To: "))
            .unwrap()
            .to_owned();
        recipients.push(to);
    }
    recipients.sort();
    assert_eq!(
        recipients,
        ["a@example.dk", "b@example.dk", "forfatter@example.dk"]
    );
    assert!(
        !smtp.mail_within(Duration::from_secs(2)),
        "one mail each, the author once"
    );

    let page = app.get(&format!("/ideas/{}", idea.0)).await.1;
    assert!(page.contains("Delebiler indgår i planens afsnit om transport."));
    let audit = app.db.audit_of("idea", idea.0).await.unwrap();
    assert_eq!(audit.last().unwrap().1, "idea.status");
}

// Multi-threaded: the SMTP sink is read with blocking waits, and the mail worker must run
// meanwhile.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refusing_mail_server_does_not_block_the_change_and_the_mail_comes_later() {
    let smtp = SmtpSink::start_refusing(2);
    let (app, idea) = app_with_idea(&smtp, "1").await;
    let mut mo = crate::test_app::staff_browser(&app, "mo").await;
    let started = std::time::Instant::now();
    let (status, _) = set_status(&mut mo, idea, &[("status", "under_review")]).await;
    assert_eq!(
        status,
        StatusCode::FOUND,
        "the staff action does not wait for mail"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    // Two refusals, then all three arrive on retries.
    for _ in 0..3 {
        assert!(mail_body(&smtp.next_mail()).contains("Under behandling"));
    }
    assert_eq!(
        app.unsent_after_the_worker(klimadialog::storage::MailQueue::Status)
            .await,
        0
    );
    // The dashboard says what the queue went through: all sent today, none left or given up.
    let page = mo.get("/staff").await;
    assert!(
        page.contains("<dt>Mails sendt i dag</dt><dd>3</dd>"),
        "{page}"
    );
    assert!(
        page.contains("<dt>Mails, der prøves igen, fordi mailserveren afviste dem</dt><dd>0</dd>")
    );
}

/// Sends each mail to its recipient: `(to, body)` pairs, sorted by address.
fn mails_by_recipient(smtp: &SmtpSink, count: usize) -> Vec<(String, String)> {
    let mut mails: Vec<(String, String)> = (0..count)
        .map(|_| {
            let mail = smtp.next_mail();
            let to = mail
                .lines()
                .find_map(|l| l.strip_prefix("To: "))
                .unwrap()
                .to_owned();
            (to, mail_body(&mail))
        })
        .collect();
    mails.sort();
    mails
}

// Multi-threaded: the SMTP sink is read with blocking waits, and the mail worker must run
// meanwhile.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_resident_gets_their_own_language_and_can_stop_status_mails_on_my_page() {
    let smtp = SmtpSink::start();
    let (app, idea) = app_with_idea(&smtp, "30").await;

    // One supporter chooses English on /me, without JavaScript; the other switches mails off.
    let mut a = Browser::new(&app);
    a.sign_in_as("a@example.dk").await;
    let page = a.get("/me").await;
    assert!(page.contains("Sprog i mailene") && page.contains(r#"action="/fn/me/mail""#));
    let (status, location) = a
        .post_form("/fn/me/mail", &[("language", "en"), ("status_mails", "1")])
        .await;
    assert!(status.is_redirection(), "{status} {location}");
    assert!(a.get(&location).await.contains("Dine valg er gemt"));
    let mut b = Browser::new(&app);
    b.sign_in_as("b@example.dk").await;
    b.post_form("/fn/me/mail", &[("language", "da")]).await;
    // A tag the site does not offer is refused, and nothing changes.
    let (status, _) = b.post_form("/fn/me/mail", &[("language", "xx")]).await;
    assert!(!status.is_redirection(), "{status}");
    let b_id = app
        .db
        .resident_for_email("b@example.dk", now())
        .await
        .unwrap();
    assert!(!app.db.mail_settings(b_id).await.unwrap().status_mails);

    // A decision answered in Danish only.
    let mut mo = crate::test_app::staff_browser(&app, "mo").await;
    set_status(
        &mut mo,
        idea,
        &[
            ("status", "partly_in_plan"),
            ("answer_da", "Delebiler indgår i planen."),
        ],
    )
    .await;
    let mails = mails_by_recipient(&smtp, 2);
    assert!(
        !smtp.mail_within(Duration::from_secs(2)),
        "the supporter who switched them off gets none"
    );
    let (to, english) = &mails[0];
    assert_eq!(to, "a@example.dk");
    assert!(english.contains("The idea “Delebiler i Hasseris”, which you support, now has the status “Partly in the climate plan”"), "{english}");
    assert!(
        english.contains("The municipality's answer (in Danish):\nDelebiler indgår i planen."),
        "{english}"
    );
    assert!(
        !english.contains("Hej") && !english.contains("Kommunens svar"),
        "{english}"
    );
    let (to, danish) = &mails[1];
    assert_eq!(to, "forfatter@example.dk");
    assert!(
        danish.contains("Din idé »Delebiler i Hasseris« har fået status"),
        "{danish}"
    );
    assert!(danish.contains("fordi du har foreslået idéen"), "{danish}");
}
