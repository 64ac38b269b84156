//! Moderating the debate as residents and staff meet it without JavaScript: residents report
//! an argument (one report each, a reason, the hiding threshold), the moderation queue takes
//! arguments next to ideas, a moderator hides under a published rule and the author is mailed
//! which (a real SMTP server), arguments wait for approval when the site says so, and the
//! municipality replies for a department.

use reqwest::StatusCode;

use crate::smtp::{SmtpSink, mail_body};
use crate::test_app::{Browser, TestApp};

const IDEA: &str = crate::test_app::PUBLIC_DEMO_IDEA;

/// A browser signed in as the resident with this address.
async fn resident<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let mut browser = Browser::new(app);
    browser.sign_in_as(email).await;
    browser
}

/// Posts an argument; the redirect and the new argument's id.
async fn argue(
    browser: &mut Browser<'_>,
    idea: &str,
    stance: &str,
    text: &str,
) -> (String, String) {
    let (status, location) = browser
        .post_form(
            "/fn/ideas/argue",
            &[("idea", idea), ("stance", stance), ("text", text)],
        )
        .await;
    assert_eq!(status, StatusCode::FOUND, "{location}");
    let id = location.rsplit("argument-").next().unwrap().to_owned();
    (location, id)
}

async fn report(
    browser: &mut Browser<'_>,
    idea: &str,
    argument: &str,
    reason: &str,
    comment: &str,
) -> String {
    let (status, location) = browser
        .post_form(
            "/fn/ideas/argument/report",
            &[
                ("idea", idea),
                ("argument", argument),
                ("reason", reason),
                ("comment", comment),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::FOUND, "{location}");
    location
}

// Multi-threaded: the SMTP sink is read with blocking waits while the mail worker runs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_hide_an_argument_and_a_moderator_hides_it_under_a_rule_telling_the_author() {
    let smtp = SmtpSink::start();
    let url = format!("smtp://127.0.0.1:{}", smtp.port);
    // Accounts count at once here; the age rule has its own storage test.
    let app =
        crate::test_app::with_staff_mailing(Some(&url), &["--report-min-account-hours", "0"]).await;
    let id = app.idea_id(IDEA).await;
    let idea = id.to_string();
    let mut lone = resident(&app, "lone@example.dk").await;
    let words = "Ring til Jens Hansen på 12 34 56 78, han ved alt om det.";
    let (_, argument) = argue(&mut lone, &idea, "for", words).await;

    // A visitor's "Report" leads through sign-in and back to the form.
    let public = app.get(&format!("/ideas/{id}")).await.1;
    let back =
        format!("/ideas/{id}?report_argument={argument}&argument_report=open#argument-{argument}");
    assert!(
        public.contains(&format!(
            "/signin?next={}",
            klimadialog_app::url::encode_component(&back)
        )),
        "{public}"
    );
    assert!(
        !lone
            .get(&format!("/ideas/{id}"))
            .await
            .contains("?report_argument="),
        "nobody reports their own words"
    );

    // A report without a reason is explained, the comment kept, nothing stored.
    let mut a = resident(&app, "a@example.dk").await;
    let page = a
        .get(&format!(
            "/ideas/{id}?report_argument={argument}#argument-{argument}"
        ))
        .await;
    assert!(
        page.contains("Hvorfor skal en moderator se på indlægget?"),
        "{page}"
    );
    assert!(page.contains(&format!(r#"id="report-{argument}-spam""#)));
    assert!(
        !page.contains(&format!(r#"id="report-{argument}-duplicate""#)),
        "an argument is never a duplicate idea"
    );
    let location = report(&mut a, &idea, &argument, "", "Navn og nummer").await;
    assert!(
        location.contains("argument_report=reason_missing"),
        "{location}"
    );
    let page = a.get(&location).await;
    assert!(
        page.contains("Vælg, hvorfor du anmelder indlægget."),
        "{page}"
    );
    assert!(page.contains("Navn og nummer</textarea>"), "{page}");
    let location = report(&mut a, &idea, &argument, "duplicate", "").await;
    assert!(
        location.contains("argument_report=reason_missing"),
        "an argument is no duplicate idea: {location}"
    );
    assert_eq!(app.db.argument_queue_count().await.unwrap(), 0);

    let location = report(&mut a, &idea, &argument, "offensive", "Navn og nummer").await;
    assert!(
        a.get(&location)
            .await
            .contains("Tak. En moderator ser på indlægget.")
    );
    let location = report(&mut a, &idea, &argument, "spam", "").await;
    assert!(
        a.get(&location)
            .await
            .contains("Du har anmeldt dette indlæg."),
        "one report each"
    );
    for email in ["b@example.dk", "c@example.dk"] {
        let mut other = resident(&app, email).await;
        report(&mut other, &idea, &argument, "other", "").await;
    }
    // Three reports hide it until a moderator has looked.
    let public = app.get(&format!("/ideas/{id}")).await.1;
    assert!(!public.contains("Jens Hansen"), "{public}");
    assert!(
        public.contains("fordi flere borgere har anmeldt indlægget"),
        "{public}"
    );

    // The queue shows it with its reports; hiding there needs the rule.
    let mut mo = crate::test_app::staff_browser(&app, "mo").await;
    let queue = mo.get("/staff/moderation").await;
    assert!(queue.contains("Indlæg i debatten"), "{queue}");
    assert!(queue.contains("Jens Hansen"), "moderators read the words");
    assert!(queue.contains("Skjult efter anmeldelser fra borgere"));
    assert!(
        queue.contains("Krænkende eller stødende: Navn og nummer"),
        "{queue}"
    );
    let hide = |rule: &'static str| {
        [
            ("idea", idea.clone()),
            ("argument", argument.clone()),
            ("action", "hide".to_owned()),
            ("rule", rule.to_owned()),
            ("from", "queue".to_owned()),
        ]
    };
    let fields = hide("");
    let fields: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let (_, location) = mo.post_form("/fn/staff/debate/moderate", &fields).await;
    assert!(
        location.starts_with("/staff/moderation?debate_error=rule_missing"),
        "{location}"
    );
    assert!(
        mo.get(&location)
            .await
            .contains("Vælg den regel, indlægget bryder.")
    );
    let fields = hide("privacy");
    let fields: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let (_, location) = mo.post_form("/fn/staff/debate/moderate", &fields).await;
    assert_eq!(
        location,
        format!("/staff/moderation?done=argument#argument-{argument}")
    );
    assert!(
        mo.get(&location).await.contains("Ingen indlæg venter."),
        "decided, it leaves the queue"
    );

    // The author is told which rule, with their words and the rules' address.
    let mail = smtp.next_mail();
    assert!(mail.contains("To: lone@example.dk"), "{mail}");
    let body = mail_body(&mail);
    assert!(
        body.contains("debatreglen »Respektér andres privatliv«"),
        "{body}"
    );
    assert!(body.contains(&format!("> {words}")), "{body}");
    assert!(body.contains("/debatregler#rule-privacy"), "{body}");
    let public = app.get(&format!("/ideas/{id}")).await.1;
    assert!(
        public.contains(": Respektér andres privatliv</a>"),
        "{public}"
    );
    assert_eq!(
        app.audit_actions("idea", id).await,
        ["debate.auto_hide", "debate.hide"]
    );
}

#[tokio::test]
async fn under_approval_an_argument_waits_visible_to_its_author_until_a_moderator_approves() {
    let app = crate::test_app::with_staff_and(&["--debate-moderation", "pre"]).await;
    let id = app.idea_id(IDEA).await;
    let idea = id.to_string();
    let mut lone = resident(&app, "lone@example.dk").await;
    let words = "Cykelstien gør det trygt for børnene at cykle i skole.";
    let (location, argument) = argue(&mut lone, &idea, "for", words).await;
    assert!(location.contains("argued=waiting"), "{location}");
    let page = lone.get(&location).await;
    assert!(
        page.contains("Tak. En moderator læser dit indlæg, før det bliver vist i debatten."),
        "{page}"
    );
    assert!(page.contains("Venter på godkendelse. Kun du kan se dit indlæg"));
    assert!(page.contains(words));
    let public = app.get(&format!("/ideas/{id}")).await.1;
    assert!(!public.contains(words), "nobody else sees it yet");
    assert!(public.contains("Ingen indlæg endnu."));
    let rules = app.get("/debatregler").await.1;
    assert!(rules.contains("En moderator læser alle indlæg, før de bliver vist"));

    let mut mo = crate::test_app::staff_browser(&app, "mo").await;
    let dashboard = mo.get("/staff").await;
    assert!(
        dashboard.contains("<dt>Indlæg i debatten, der venter på en moderator</dt><dd>1</dd>"),
        "{dashboard}"
    );
    let queue = mo.get("/staff/moderation").await;
    assert!(
        queue.contains(words) && queue.contains(">Godkend<"),
        "{queue}"
    );
    let (_, location) = mo
        .post_form(
            "/fn/staff/debate/moderate",
            &[
                ("idea", &idea),
                ("argument", &argument),
                ("action", "publish"),
                ("from", "queue"),
            ],
        )
        .await;
    assert!(location.contains("done=argument"), "{location}");
    let public = app.get(&format!("/ideas/{id}")).await.1;
    assert!(public.contains(words), "approved, it is public");
    assert!(public.contains("1 indlæg: 1 for"), "{public}");
    assert_eq!(app.audit_actions("idea", id).await, ["debate.approve"]);
}

#[tokio::test]
async fn the_municipality_replies_for_a_department_and_a_bad_one_keeps_the_words() {
    let app = crate::test_app::with_staff().await;
    let id = app.idea_id(IDEA).await;
    let idea = id.to_string();
    let mut lone = resident(&app, "lone@example.dk").await;
    let (_, argument) = argue(&mut lone, &idea, "question", "Hvornår bliver den bygget?").await;
    let mut mo = crate::test_app::staff_browser(&app, "mo").await;
    let reply = "Vi forventer at gå i gang i 2027.";
    let long = "Klima".repeat(17);
    let (_, location) = mo
        .post_form(
            "/fn/staff/debate/reply",
            &[
                ("idea", &idea),
                ("reply_to", &argument),
                ("text", reply),
                ("department", &long),
            ],
        )
        .await;
    assert_eq!(
        location,
        format!(
            "/staff/ideas/{id}?debate_error=reply_invalid&reply_to={argument}#argument-{argument}"
        )
    );
    let page = mo.get(&location).await;
    assert!(page.contains(&format!("{reply}</textarea>")), "{page}");
    assert!(page.contains(&format!(r#"value="{long}""#)), "{page}");
    assert!(page.contains("en afdeling på højst 80 tegn"));

    mo.post_form(
        "/fn/staff/debate/reply",
        &[
            ("idea", &idea),
            ("reply_to", &argument),
            ("text", reply),
            ("department", "Klima og Bæredygtighed"),
        ],
    )
    .await;
    let public = app.get(&format!("/ideas/{id}")).await.1;
    assert!(
        public.contains(r#"<span class="department">, Klima og Bæredygtighed</span>"#),
        "{public}"
    );
    // The next reply starts with the department named last.
    let page = mo.get(&format!("/staff/ideas/{id}")).await;
    assert!(page.contains(r#"value="Klima og Bæredygtighed""#), "{page}");
    // The municipality's words are not for residents to report.
    let page = lone.get(&format!("/ideas/{id}")).await;
    assert_eq!(crate::test_app::count(&page, "?report_argument="), 0);
}

#[tokio::test]
async fn the_debate_rules_page_speaks_in_the_municipalitys_words_where_it_gave_any() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("debatregler.toml");
    std::fs::write(
        &file,
        r#"
[da]
intro = """Aalborg Kommune vil have en saglig debat.

Skriv til klima@aalborg.dk, hvis du er uenig i en afgørelse."""
privacy = "Nævn ikke naboer, kolleger eller andre ved navn."

[en]
intro = "Aalborg Kommune wants a debate on the facts."
"#,
    )
    .unwrap();
    let app = TestApp::spawn_with(None, &["--debate-rules", file.to_str().unwrap()]).await;
    let page = app.get("/debatregler").await.1;
    assert!(
        page.contains(
            "<p>Aalborg Kommune vil have en saglig debat.</p><p>Skriv til klima@aalborg.dk"
        ),
        "{page}"
    );
    assert!(page.contains("<p>Nævn ikke naboer, kolleger eller andre ved navn.</p>"));
    assert!(
        page.contains("Skriv om idéen, ikke om de mennesker"),
        "what the file leaves out is the built-in text"
    );
    let english = app
        .get_with("/debatregler", &[("accept-language", "en")])
        .await
        .1;
    assert!(
        english.contains("<p>Aalborg Kommune wants a debate on the facts.</p>"),
        "{english}"
    );

    // A file with a typo, or too long a text, stops the start.
    for (bad, says) in [
        ("[da]\nrespekt = \"Vis respekt\"\n", "respekt"),
        (
            &format!("[en]\nintro = \"{}\"\n", "a".repeat(3001)) as &str,
            "3000",
        ),
        ("[da]\nintro = \"\"\n", "empty"),
    ] {
        std::fs::write(&file, bad).unwrap();
        let mut args = crate::test_app::test_args(dir.path(), None);
        args.debate_rules = Some(file.clone());
        let refused = args.site_config().unwrap_err();
        assert!(
            refused.contains("KLIMADIALOG_DEBATE_RULES") && refused.contains(says),
            "{refused}"
        );
    }
}
