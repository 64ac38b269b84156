//! The debate under an idea, as residents use it without JavaScript: arguments for and against
//! and questions, one level of replies, "helpful" marks, and every bad input explained with
//! the words kept and nothing stored.

use reqwest::StatusCode;

use klimadialog::IdeaId;
use klimadialog::argument::ArgumentOrder;

use crate::test_app::{Browser, TestApp};

const IDEA: &str = crate::test_app::PUBLIC_DEMO_IDEA;

async fn argue(browser: &mut Browser<'_>, fields: &[(&str, &str)]) -> String {
    let (status, location) = browser.post_form("/fn/ideas/argue", fields).await;
    assert_eq!(status, StatusCode::FOUND, "{location}");
    location
}

/// A browser signed in as the resident with this address.
async fn resident<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let mut browser = Browser::new(app);
    browser.sign_in_as(email).await;
    browser
}

/// Arguments and replies under an idea (none when the public cannot see it).
async fn posts_under(app: &TestApp, idea: i64) -> usize {
    app.db
        .debate(IdeaId(idea), None, ArgumentOrder::Newest, None, 1)
        .await
        .unwrap()
        .map_or(0, |d| d.threads.iter().map(|t| 1 + t.replies.len()).sum())
}

#[tokio::test]
async fn residents_argue_reply_and_mark_helpful_without_javascript() {
    let app = TestApp::spawn().await;
    let id = app.idea_id(IDEA).await;
    let idea = id.to_string();

    // A visitor reads the debate and is asked to sign in to take part.
    let page = app.get(&format!("/ideas/{id}")).await.1;
    assert!(
        page.contains(r#"<h2 id="debate-heading">Debat</h2>"#),
        "{page}"
    );
    assert!(page.contains("Ingen indlæg endnu."));
    assert!(page.contains("Log ind for at deltage i debatten"));
    // Typing first and signing in on the way keeps the words and the stance.
    let mut lone = Browser::new(&app);
    let words = "Færre biler betyder renere luft i Vejgård.";
    let location = argue(
        &mut lone,
        &[("idea", &idea), ("stance", "for"), ("text", words)],
    )
    .await;
    assert_eq!(location, format!("/signin?next=/ideas/{id}%23argue"));
    assert_eq!(posts_under(&app, id).await, 0);
    lone.sign_in_as("lone@example.dk").await;
    let page = lone.get(&format!("/ideas/{id}")).await;
    assert!(
        page.contains("Du er logget ind. Dit indlæg er ikke sendt endnu."),
        "{page}"
    );
    assert!(page.contains(&format!("{words}</textarea>")));
    assert!(
        page.contains(r#"name="stance" value="for" checked"#),
        "{page}"
    );
    let location = argue(
        &mut lone,
        &[("idea", &idea), ("stance", "for"), ("text", words)],
    )
    .await;
    assert!(
        location.starts_with(&format!("/ideas/{id}?argued=posted#argument-")),
        "{location}"
    );
    let page = lone.get(&location).await;
    assert!(page.contains("Tak. Dit indlæg er med i debatten."));
    assert!(
        !page.contains("Dit indlæg er ikke sendt endnu."),
        "the draft is gone"
    );
    assert!(
        page.contains("1 indlæg: 1 for, 0 imod, 0 spørgsmål"),
        "{page}"
    );
    assert!(page.contains(words));
    let argument = location.rsplit("argument-").next().unwrap().to_owned();
    assert!(
        !page.contains(r#"name="helpful""#),
        "no helpful button on one's own argument"
    );

    // Another resident replies and finds it helpful.
    let mut jens = resident(&app, "jens@example.dk").await;
    let location = argue(
        &mut jens,
        &[
            ("idea", &idea),
            ("reply_to", &argument),
            ("text", "Enig, og børnene kan cykle selv."),
        ],
    )
    .await;
    assert!(location.contains("argued=posted"), "{location}");
    let (status, location) = jens
        .post_form(
            "/fn/ideas/helpful",
            &[
                ("idea", &idea),
                ("argument", &argument),
                ("helpful", "true"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(location, format!("/ideas/{id}#argument-{argument}"));
    let page = jens.get(&format!("/ideas/{id}")).await;
    assert!(
        page.contains(
            r#"aria-pressed="true" class="button secondary helpful">Nyttigt (1)</button>"#
        ),
        "{page}"
    );
    assert!(page.contains("Enig, og børnene kan cykle selv."));
    assert!(page.contains(r#"<ol class="replies">"#));
    assert!(
        page.contains("1 indlæg: 1 for"),
        "a reply is not counted as an argument"
    );

    // One level of replies: a reply cannot be replied to.
    let debate = app
        .db
        .debate(IdeaId(id), None, ArgumentOrder::Newest, None, 1)
        .await
        .unwrap()
        .unwrap();
    let reply = debate.threads[0].replies[0].id.0;
    let location = argue(
        &mut lone,
        &[
            ("idea", &idea),
            ("reply_to", &reply.to_string()),
            ("text", "Svar på svar"),
        ],
    )
    .await;
    assert!(location.contains("argument_error=no_parent"), "{location}");
    assert_eq!(posts_under(&app, id).await, 2);

    // In English, with the plural rules.
    lone.jar.0.insert("lang".to_owned(), "en".to_owned());
    let english = lone.get(&format!("/ideas/{id}?stance=for")).await;
    assert!(
        english.contains("1 post: 1 for, 0 against, 0 questions"),
        "{english}"
    );
    assert!(english.contains(r#"aria-current="true">For</a>"#));
}

#[tokio::test]
async fn bad_arguments_are_explained_keep_the_words_and_store_nothing() {
    let app = TestApp::spawn().await;
    let id = app.idea_id(IDEA).await;
    let idea = id.to_string();
    let mut lone = resident(&app, "lone@example.dk").await;
    let hostile = "Se <b>her</b></textarea><script>alert(1)</script>";
    let long = "ø".repeat(1501);
    let links = "https://a.dk https://b.dk https://c.dk";
    for (stance, text, problem, says) in [
        ("", hostile, "stance", "Vælg, om du er for eller imod idéen"),
        ("for", "   ", "empty", "Skriv dit indlæg."),
        ("against", &long, "too_long", "Skriv højst 1.500 tegn."),
        ("for", links, "links", "Brug højst 2."),
        ("for", "Ja\u{0}nej", "control", "tegn, vi ikke kan bruge"),
        ("maybe", "Et godt forslag", "stance", "Vælg, om du er for"),
    ] {
        let location = argue(
            &mut lone,
            &[("idea", &idea), ("stance", stance), ("text", text)],
        )
        .await;
        assert!(
            location.contains(&format!("argument_error={problem}")),
            "{problem}: {location}"
        );
        let page = lone.get(&location).await;
        assert!(page.contains(says), "{problem}: {says}");
        assert!(!page.contains("<script>alert(1)"));
        if problem == "stance" && stance.is_empty() {
            assert!(
                page.contains("Se &lt;b&gt;her&lt;/b&gt;&lt;/textarea&gt;&lt;script&gt;"),
                "the words come back, escaped"
            );
        }
    }
    assert_eq!(posts_under(&app, id).await, 0);

    // The same words twice in a day.
    let text = "Cykelstien skal også være belyst om vinteren.";
    argue(
        &mut lone,
        &[("idea", &idea), ("stance", "for"), ("text", text)],
    )
    .await;
    let location = argue(
        &mut lone,
        &[("idea", &idea), ("stance", "question"), ("text", text)],
    )
    .await;
    assert!(location.contains("argument_error=repeated"), "{location}");
    assert_eq!(posts_under(&app, id).await, 1);

    // An idea the public cannot see has no debate.
    let pending = app.idea_id(crate::test_app::PENDING_DEMO_IDEA).await;
    let location = argue(
        &mut lone,
        &[
            ("idea", &pending.to_string()),
            ("stance", "for"),
            ("text", "Hemmeligt"),
        ],
    )
    .await;
    assert!(location.contains("argument_error=closed"), "{location}");
    assert_eq!(posts_under(&app, pending).await, 0);
}

#[tokio::test]
async fn a_moderator_hides_under_a_rule_replies_as_the_municipality_and_closes_the_debate() {
    let app = crate::test_app::with_staff().await;
    let id = app.idea_id(IDEA).await;
    let idea = id.to_string();
    let mut lone = resident(&app, "lone@example.dk").await;
    let mut jens = resident(&app, "jens@example.dk").await;
    let location = argue(
        &mut lone,
        &[
            ("idea", &idea),
            ("stance", "against"),
            ("text", "I er nogle idioter alle sammen"),
        ],
    )
    .await;
    let rude = location.rsplit("argument-").next().unwrap().to_owned();
    argue(
        &mut jens,
        &[
            ("idea", &idea),
            ("reply_to", &rude),
            ("text", "Hold nu en god tone."),
        ],
    )
    .await;

    let mut mo = crate::test_app::staff_browser(&app, "mo").await;
    let staff_page = mo.get(&format!("/staff/ideas/{id}")).await;
    assert!(
        staff_page.contains("I er nogle idioter alle sammen"),
        "{staff_page}"
    );
    assert!(staff_page.contains(r#"<option value="respect">Vis respekt</option>"#));
    // Hiding needs the rule.
    let (status, location) = mo
        .post_form(
            "/fn/staff/debate/moderate",
            &[
                ("idea", &idea),
                ("argument", &rude),
                ("action", "hide"),
                ("rule", ""),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::FOUND);
    assert!(
        location.ends_with("?debate_error=rule_missing#debate"),
        "{location}"
    );
    assert!(
        mo.get(&location)
            .await
            .contains("Vælg den regel, indlægget bryder.")
    );
    let (_, location) = mo
        .post_form(
            "/fn/staff/debate/moderate",
            &[
                ("idea", &idea),
                ("argument", &rude),
                ("action", "hide"),
                ("rule", "respect"),
            ],
        )
        .await;
    assert!(location.ends_with("?debate=done#debate"), "{location}");

    // Readers see where it was and why, not the words; the reply stays.
    let public = app.get(&format!("/ideas/{id}")).await.1;
    assert!(!public.contains("idioter"), "the hidden words are not sent");
    assert!(public.contains("Skjult af en moderator den "), "{public}");
    assert!(public.contains(": Vis respekt</a>"));
    assert!(public.contains(r#"href="/debatregler#rule-respect""#));
    assert!(public.contains("Hold nu en god tone."));
    assert!(
        public.contains("Ingen indlæg endnu."),
        "a hidden argument is not counted"
    );
    let rules = app.get("/debatregler").await.1;
    assert!(
        rules.contains(r#"<li id="rule-respect"><h2>Vis respekt</h2>"#),
        "{rules}"
    );
    assert!(
        public.contains(r#"<a href="/debatregler">Debatregler</a>"#),
        "the rules are linked from every page's footer"
    );

    // The municipality replies, marked as such.
    let (_, location) = mo
        .post_form(
            "/fn/staff/debate/reply",
            &[
                ("idea", &idea),
                ("reply_to", &rude),
                ("text", "Vi har skjult indlægget efter debatreglerne."),
            ],
        )
        .await;
    assert!(location.ends_with("?debate=done#debate"), "{location}");
    let public = app.get(&format!("/ideas/{id}")).await.1;
    assert!(
        public.contains(r#"<span class="badge">Kommunens svar</span>"#),
        "{public}"
    );
    assert!(public.contains("Vi har skjult indlægget efter debatreglerne."));

    // Closing needs a conclusion; closed, the debate is read, not written.
    let (_, location) = mo
        .post_form(
            "/fn/staff/debate/close",
            &[("idea", &idea), ("close", "true"), ("conclusion", " ")],
        )
        .await;
    assert!(
        location.contains("debate_error=conclusion_missing"),
        "{location}"
    );
    mo.post_form(
        "/fn/staff/debate/close",
        &[
            ("idea", &idea),
            ("close", "true"),
            ("conclusion", "Cykelstien er med i klimaplanen."),
        ],
    )
    .await;
    let public = lone.get(&format!("/ideas/{id}")).await;
    assert!(public.contains("Debatten blev lukket den "), "{public}");
    assert!(public.contains("Cykelstien er med i klimaplanen."));
    assert!(
        !public.contains("Send indlæg"),
        "no form on a closed debate"
    );
    let location = argue(
        &mut lone,
        &[("idea", &idea), ("stance", "for"), ("text", "Jeg er for")],
    )
    .await;
    assert!(location.contains("argument_error=closed"), "{location}");
    assert_eq!(
        app.audit_actions("idea", id).await,
        ["debate.hide", "debate.reply", "debate.close"]
    );
    // Restoring is a moderator's too.
    mo.post_form(
        "/fn/staff/debate/moderate",
        &[("idea", &idea), ("argument", &rude), ("action", "restore")],
    )
    .await;
    assert!(app.get(&format!("/ideas/{id}")).await.1.contains("idioter"));
}

#[tokio::test]
async fn authors_edit_their_words_for_fifteen_minutes_and_delete_them_leaving_the_replies() {
    let app = TestApp::spawn().await;
    let id = app.idea_id(IDEA).await;
    let idea = id.to_string();
    let mut lone = resident(&app, "lone@example.dk").await;
    let mut jens = resident(&app, "jens@example.dk").await;
    let location = argue(
        &mut lone,
        &[
            ("idea", &idea),
            ("stance", "for"),
            ("text", "Fære biler i byen"),
        ],
    )
    .await;
    let argument = location.rsplit("argument-").next().unwrap().to_owned();
    argue(
        &mut jens,
        &[("idea", &idea), ("reply_to", &argument), ("text", "Enig")],
    )
    .await;
    // Each sees one edit form: for their own words only.
    let edits = |page: &str| page.matches("<summary>Ret</summary>").count();
    assert_eq!(edits(&lone.get(&format!("/ideas/{id}")).await), 1);
    assert_eq!(edits(&jens.get(&format!("/ideas/{id}")).await), 1);
    assert_eq!(edits(&app.get(&format!("/ideas/{id}")).await.1), 0);

    // An empty edit is explained, the form open, nothing changed.
    let (status, location) = lone
        .post_form(
            "/fn/ideas/argument/edit",
            &[("idea", &idea), ("argument", &argument), ("text", "  ")],
        )
        .await;
    assert_eq!(status, StatusCode::FOUND);
    assert!(
        location.contains(&format!("argument_error=empty&edit={argument}")),
        "{location}"
    );
    let page = lone.get(&location).await;
    assert!(page.contains(r#"<details open class="reply"><summary>Ret</summary><p role="alert" class="notice error">Skriv dit indlæg.</p>"#), "{page}");
    // Another resident's edit is refused.
    let (_, location) = jens
        .post_form(
            "/fn/ideas/argument/edit",
            &[
                ("idea", &idea),
                ("argument", &argument),
                ("text", "Overtaget"),
            ],
        )
        .await;
    assert!(
        location.contains("argument_error=edit_too_late"),
        "{location}"
    );
    let (_, location) = lone
        .post_form(
            "/fn/ideas/argument/edit",
            &[
                ("idea", &idea),
                ("argument", &argument),
                ("text", "Færre biler i byen"),
            ],
        )
        .await;
    assert!(location.contains("argued=edited"), "{location}");
    let page = lone.get(&location).await;
    assert!(page.contains("Dit indlæg er rettet."));
    assert!(page.contains("Færre biler i byen") && !page.contains("Fære biler"));
    assert!(page.contains(" (redigeret)"));

    let (_, location) = lone
        .post_form(
            "/fn/ideas/argument/delete",
            &[("idea", &idea), ("argument", &argument)],
        )
        .await;
    assert!(location.contains("argued=deleted"), "{location}");
    let page = app.get(&format!("/ideas/{id}")).await.1;
    assert!(page.contains("Slettet af forfatteren den "), "{page}");
    assert!(!page.contains("Færre biler i byen"), "the words are gone");
    assert!(page.contains("Enig"), "the reply stays");
}

#[tokio::test]
async fn cards_count_an_ideas_arguments_by_stance() {
    let app = TestApp::spawn().await;
    let id = app.idea_id(IDEA).await;
    let idea = id.to_string();
    for (who, stance, text) in [
        ("a@example.dk", "for", "Godt for luften"),
        ("b@example.dk", "for", "Godt for børnene"),
        ("c@example.dk", "against", "For dyrt"),
        ("d@example.dk", "question", "Hvornår?"),
    ] {
        let mut resident = resident(&app, who).await;
        argue(
            &mut resident,
            &[("idea", &idea), ("stance", stance), ("text", text)],
        )
        .await;
    }
    let list = app.get("/ideas").await.1;
    assert!(
        list.contains("<dt>Debat</dt><dd>4 indlæg: 2 for, 1 imod, 1 spørgsmål</dd>"),
        "{list}"
    );
}

#[tokio::test]
async fn a_resident_posts_twelve_arguments_an_hour_then_is_told_to_wait() {
    let app = TestApp::spawn().await;
    let id = app.idea_id(IDEA).await;
    let idea = id.to_string();
    let mut lone = resident(&app, "lone@example.dk").await;
    let limit = klimadialog::limits::ARGUMENTS_PER_RESIDENT.max as usize;
    for n in 0..limit {
        let location = argue(
            &mut lone,
            &[
                ("idea", &idea),
                ("stance", "for"),
                ("text", &format!("Argument nummer {n}")),
            ],
        )
        .await;
        assert!(location.contains("argued=posted"), "{n}: {location}");
    }
    let location = argue(
        &mut lone,
        &[
            ("idea", &idea),
            ("stance", "for"),
            ("text", "Et argument for meget"),
        ],
    )
    .await;
    assert!(location.contains("argument_error=too_many"), "{location}");
    let page = lone.get(&location).await;
    assert!(page.contains("Du har skrevet mange indlæg på kort tid."));
    assert!(
        page.contains("Et argument for meget</textarea>"),
        "the words are kept"
    );
    assert_eq!(posts_under(&app, id).await, limit);

    // Another resident is not held back by the first.
    let mut jens = resident(&app, "jens@example.dk").await;
    let location = argue(
        &mut jens,
        &[
            ("idea", &idea),
            ("stance", "against"),
            ("text", "Jeg er imod"),
        ],
    )
    .await;
    assert!(location.contains("argued=posted"), "{location}");
}
