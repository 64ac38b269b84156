//! Followers' mails at a real SMTP server: a resident who supports an idea and chooses a weekly
//! digest gets one, with the new arguments and the municipality's answer, in their language,
//! with a settings link, a stop link and the RFC 8058 headers, plain text and HTML; the stop
//! link works from a mail program without a session, twice; the settings form refuses what it
//! does not offer. The mail server refuses, then accepts: the digest arrives once. The server
//! is killed mid-round, twice: every follower gets their digest, none a second different one.

use std::collections::HashMap;
use std::time::Duration;

use klimadialog::argument::{ArgumentText, NewArgument, Post, Stance};
use klimadialog::storage::{MailQueue, now};
use klimadialog::{IdeaId, PublicStatus, ResidentId};
use reqwest::StatusCode;

use crate::smtp::{SmtpSink, mail_body, mail_html};
use crate::test_app::{Browser, TestApp, with_staff_mailing};

/// A week on from now: past next Monday's seven o'clock, when the weekly round is due.
const A_WEEK: i64 = 7 * 86_400;

/// A header of a raw mail, unfolded.
fn header(raw: &str, name: &str) -> Option<String> {
    let raw = raw.replace("\r\n", "\n");
    let head = raw.split("\n\n").next().unwrap_or("").replace("\n ", " ");
    head.lines().find_map(|l| {
        l.split_once(':')
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim().to_owned())
    })
}

/// The mails a test reads from its sink, each message once: a mail may be sent again with the
/// same Message-ID when the record of its sending did not land (at least once, by design), and
/// a mail program shows that as one mail.
struct Inbox<'a> {
    smtp: &'a SmtpSink,
    seen: std::collections::HashSet<String>,
}

impl<'a> Inbox<'a> {
    fn new(smtp: &'a SmtpSink) -> Inbox<'a> {
        Inbox {
            smtp,
            seen: Default::default(),
        }
    }

    /// The next new mail to `to` within a minute; the others arriving before it are passed
    /// over, however many (the demo's supporters get the plan's news at once, paced), and named
    /// if it does not come.
    fn mail_to(&mut self, to: &str) -> String {
        let mut passed = Vec::new();
        let until = std::time::Instant::now() + Duration::from_secs(60);
        loop {
            let left = until.saturating_duration_since(std::time::Instant::now());
            let Some(raw) = self.smtp.next_mail_within(left) else {
                panic!("no new mail to {to} in a minute; passed over: {passed:#?}");
            };
            let id = header(&raw, "Message-ID").unwrap_or_default();
            let recipient = header(&raw, "To").unwrap_or_default();
            if !self.seen.insert(id.clone()) {
                passed.push(format!("again {id} to {recipient}"));
            } else if recipient.contains(to) {
                return raw;
            } else {
                passed.push(format!("{id} to {recipient}"));
            }
        }
    }
}

async fn argue(app: &TestApp, who: ResidentId, idea: IdeaId, post: Post, words: &str) {
    let new = NewArgument {
        idea,
        post,
        text: ArgumentText::parse(words).unwrap(),
    };
    app.db
        .insert_argument(
            who,
            &new,
            klimadialog::Locale::Da,
            klimadialog::moderation::ModerationMode::Post,
            now(),
        )
        .await
        .unwrap()
        .unwrap();
}

/// The app with staff ("anna", "mo"), mailing to `smtp`, retrying after a second; its first
/// digest rounds made, so news starts now (the demo's past is no news). Returns mo's id.
async fn following_app(smtp: &SmtpSink) -> (TestApp, i64) {
    let url = format!("smtp://127.0.0.1:{}", smtp.port);
    let app = with_staff_mailing(Some(&url), &["--mail-retry-seconds", "1"]).await;
    app.db.make_digest_rounds(now()).await.unwrap();
    let mo = app.db.staff_account("mo").await.unwrap().unwrap().id;
    (app, mo)
}

/// A resident's mail settings as (frequency, status mails at once, replies at once).
async fn settings_of(app: &TestApp, resident: ResidentId) -> (&'static str, bool, bool) {
    let s = app.db.mail_settings(resident).await.unwrap();
    (s.frequency.as_str(), s.status_mails, s.replies_at_once)
}

// Multi-threaded: the SMTP sink is read with blocking waits while the mail worker runs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supporter_gets_a_weekly_digest_and_stops_every_mail_in_one_click() {
    let smtp = SmtpSink::start();
    let mut inbox = Inbox::new(&smtp);
    let (app, mo) = following_app(&smtp).await;
    let author = app
        .db
        .resident_for_email("forfatter@example.dk", now())
        .await
        .unwrap();
    let idea = app
        .insert_published_idea(
            "Solceller på skolernes tage",
            "Skolernes tage kan bære solceller, der dækker en del af deres forbrug.",
            Some(author),
        )
        .await;
    let page = format!("/ideas/{}", idea.0);

    // The fan supports it and chooses a weekly digest and no status mails at once, without
    // JavaScript.
    let mut fan = Browser::new(&app);
    let fan_id = fan.sign_in_as("fan@example.dk").await;
    let key = idea.0.to_string();
    fan.post_form(
        "/fn/ideas/support",
        &[("idea", &key), ("support", "true"), ("next", &page)],
    )
    .await;
    let me = fan.get("/me").await;
    assert!(
        me.contains("Hvor ofte vil du høre om det, du følger?"),
        "{me}"
    );
    assert!(me.contains(r#"value="daily" checked"#), "daily by default");
    let (status, back) = fan
        .post_form(
            "/fn/me/mail",
            &[
                ("language", "da"),
                ("frequency", "weekly"),
                ("replies_at_once", "1"),
            ],
        )
        .await;
    assert_eq!(
        (status, back.as_str()),
        (StatusCode::FOUND, "/me?me=mail_saved#mail")
    );
    // A choice the form does not offer: said in Danish, nothing saved.
    let (_, back) = fan
        .post_form(
            "/fn/me/mail",
            &[("language", "da"), ("frequency", "hourly")],
        )
        .await;
    assert_eq!(back, "/me?me=mail_refused#mail");
    assert!(
        fan.get(&back)
            .await
            .contains("Vælg, hvor ofte du vil høre om det, du følger")
    );
    assert_eq!(settings_of(&app, fan_id).await, ("weekly", false, true));

    // The week's news: two arguments and the municipality's answer.
    let talker = app
        .db
        .resident_for_email("talker@example.dk", now())
        .await
        .unwrap();
    argue(
        &app,
        talker,
        idea,
        Post::Argument(Stance::For),
        "Det sparer skolerne penge hvert år.",
    )
    .await;
    argue(
        &app,
        talker,
        idea,
        Post::Argument(Stance::Question),
        "Hvem skal vedligeholde anlæggene?",
    )
    .await;
    let answer = klimadialog::answer::OfficialAnswer {
        da: "Vi undersøger tagene i foråret.".into(),
        en: None,
    };
    app.db
        .answer_idea(idea, PublicStatus::UnderReview, Some(&answer), mo, now())
        .await
        .unwrap()
        .unwrap();
    // The author gets the status at once (their default), with the stop link and headers.
    let status_mail = inbox.mail_to("forfatter@example.dk");
    assert!(header(&status_mail, "List-Unsubscribe").is_some_and(|h| h.contains("/afmeld/")));
    assert!(mail_body(&status_mail).contains("Stop alle mails om det, du følger, med ét klik"));

    // Next Monday morning: one digest for the fan, with everything.
    app.db.make_digest_rounds(now() + A_WEEK).await.unwrap();
    let digest = inbox.mail_to("fan@example.dk");
    let body = mail_body(&digest);
    for expected in [
        "den seneste uge",
        "»Solceller på skolernes tage«",
        "1 nyt argument for og 1 nyt spørgsmål",
        "Ny status: Under behandling",
        "Kommunens svar: Vi undersøger tagene i foråret.",
        &format!("/ideas/{}", idea.0),
        "/me#mail",
    ] {
        assert!(body.contains(expected), "{expected}\n{body}");
    }
    let stop = header(&digest, "List-Unsubscribe").unwrap();
    assert_eq!(
        header(&digest, "List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let stop = stop.trim_matches(['<', '>']).to_owned();
    assert!(body.contains(&stop), "the stop link is in the text too");
    let html = mail_html(&digest);
    assert!(
        html.contains(r#"<html lang="da">"#) && html.contains(&format!(r#"<a href="{stop}">"#))
    );

    // Opening the link changes nothing (mail scanners open links); the page offers the button.
    let path = &stop[stop.find("/afmeld/").unwrap()..];
    let (status, page_text) = app.get(path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page_text.contains("Stop alle mails om det, du følger"),
        "{page_text}"
    );
    assert_eq!(
        app.db
            .mail_settings(fan_id)
            .await
            .unwrap()
            .frequency
            .as_str(),
        "weekly"
    );
    // A mail program's one click: no cookie, no session, from elsewhere; twice is once.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for origin in [None, Some("https://mail.example.com")] {
        let mut request = client
            .post(format!("{}{path}", app.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click");
        if let Some(origin) = origin {
            request = request
                .header("origin", origin)
                .header("sec-fetch-site", "cross-site");
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Du får ikke flere mails")
        );
    }
    assert_eq!(settings_of(&app, fan_id).await, ("never", false, false));
    assert!(
        app.get(path)
            .await
            .1
            .contains("Du får ikke flere mails om det, du følger")
    );
    // A browser's button goes back to the page.
    let (status, back) = fan
        .post_form(path, &[("List-Unsubscribe", "One-Click")])
        .await;
    assert!(status.is_redirection(), "{status}");
    assert_eq!(back, path);

    // Keys that are nobody's: a page that says so, and nothing stopped.
    let nobody = format!("/afmeld/{}", "0".repeat(64));
    let (status, text) = app.get(&nobody).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(text.contains("Linket virker ikke"));
    assert_eq!(
        app.get("/afmeld/%3Cscript%3E").await.0,
        StatusCode::NOT_FOUND
    );
    let response = client
        .post(format!("{}{nobody}", app.base))
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_digest_waits_out_a_refusing_mail_server_and_arrives_once() {
    let smtp = SmtpSink::start_refusing(2);
    let mut inbox = Inbox::new(&smtp);
    let (app, _) = following_app(&smtp).await;
    let reader = app
        .db
        .resident_for_email("reader@example.dk", now())
        .await
        .unwrap();
    app.db
        .set_frequency(reader, klimadialog::follow::Frequency::Daily)
        .await
        .unwrap();
    let idea = app
        .insert_published_idea(
            "Flere ladestandere i Nørresundby",
            "Der mangler ladestandere ved etageboligerne.",
            None,
        )
        .await;
    app.db
        .set_follow(
            reader,
            &klimadialog::follow::FollowTarget::idea(idea),
            true,
            now(),
        )
        .await
        .unwrap();
    let talker = app
        .db
        .resident_for_email("talker@example.dk", now())
        .await
        .unwrap();
    argue(
        &app,
        talker,
        idea,
        Post::Argument(Stance::Against),
        "Det bør betales af elselskaberne.",
    )
    .await;
    let made = app.db.make_digest_rounds(now() + 86_400).await.unwrap();
    assert!(made.iter().any(|m| m.mails == 1), "{made:?}");
    let digest = inbox.mail_to("reader@example.dk");
    assert!(mail_body(&digest).contains("1 nyt argument imod"));
    assert!(!smtp.mail_within(Duration::from_secs(3)), "sent once");
    assert_eq!(app.db.unsent_mails(MailQueue::Digest).await.unwrap(), 0);
    // The dashboard's count saw it sent today (or, near midnight, yesterday).
    let state = app.db.mail_queue_state(now() - 86_400).await.unwrap();
    assert!(state.sent_today >= 1 && state.retrying == 0 && state.given_up == 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_mid_round_twice_every_follower_gets_their_digest_once() {
    use crate::workload::{ServerProcess, run_cli};

    const FOLLOWERS: usize = 24;
    let smtp = SmtpSink::start();
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("klimadialog.db");
    let url = database.to_str().unwrap();
    {
        let db = klimadialog_server::open_database(url, false).await.unwrap();
        db.make_digest_rounds(now()).await.unwrap();
        let idea = klimadialog_server_test_idea(&db).await;
        for n in 0..FOLLOWERS {
            let id = db
                .resident_for_email(&format!("f{n}@example.dk"), now())
                .await
                .unwrap();
            db.add_public_support(idea, id, now()).await.unwrap();
        }
        let talker = db
            .resident_for_email("talker@example.dk", now())
            .await
            .unwrap();
        let new = NewArgument {
            idea,
            post: Post::Argument(Stance::For),
            text: ArgumentText::parse("Det gør turen tryggere for børnene.").unwrap(),
        };
        db.insert_argument(
            talker,
            &new,
            klimadialog::Locale::Da,
            klimadialog::moderation::ModerationMode::Post,
            now(),
        )
        .await
        .unwrap()
        .unwrap();
        db.close().await;
    }
    // Tomorrow morning's round, made from the command line as an operator (or a test) can.
    let tomorrow = (now() + 86_400).to_string();
    run_cli(&database, &["digests", "--at", &tomorrow]);

    let smtp_url = format!("smtp://127.0.0.1:{}", smtp.port);
    let env = [
        ("KLIMADIALOG_MAIL_OUTBOX", "false"),
        ("SMTP_URL", smtp_url.as_str()),
        ("MAIL_FROM", "Aalborg Kommune <klimadialog@aalborg.example>"),
        ("KLIMADIALOG_MAILS_PER_MINUTE", "240"),
    ];
    let mut received: Vec<String> = Vec::new();
    for kill_after in [4, 12] {
        let server = ServerProcess::start_with(dir.path(), &database, &env);
        while received.len() < kill_after {
            received.push(smtp.next_mail());
        }
        server.kill();
    }
    let server = ServerProcess::start_with(dir.path(), &database, &env);
    let mut by_recipient: HashMap<String, Vec<String>> = HashMap::new();
    let tally = |raw: &String, map: &mut HashMap<String, Vec<String>>| {
        let to = header(raw, "To").unwrap();
        map.entry(to)
            .or_default()
            .push(header(raw, "Message-ID").unwrap());
    };
    for raw in &received {
        tally(raw, &mut by_recipient);
    }
    while by_recipient.len() < FOLLOWERS {
        let raw = smtp.next_mail();
        tally(&raw, &mut by_recipient);
        received.push(raw);
    }
    assert!(
        !smtp.mail_within(Duration::from_secs(3)),
        "nothing more comes"
    );
    server.stop();
    // A kill between the mail server's "accepted" and our record of it may send one again,
    // then as the same message (the same Message-ID); never a second digest.
    for (to, ids) in &by_recipient {
        assert!(ids.iter().all(|id| id == &ids[0]), "{to}: {ids:?}");
    }
    assert!(received.len() <= FOLLOWERS + 2, "{} mails", received.len());
    assert!(
        received
            .iter()
            .all(|raw| mail_body(raw).contains("1 nyt argument for"))
    );
}

/// A published idea in a bare database, for the process tests.
async fn klimadialog_server_test_idea(db: &klimadialog::storage::Db) -> IdeaId {
    crate::test_app::insert_published_idea(
        db,
        "Sikre skoleveje i Vejgaard",
        "Fortove og overgange, så børn kan cykle selv.",
        None,
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_follows_an_area_on_their_page_and_hears_of_a_new_idea_there() {
    let smtp = SmtpSink::start();
    let mut inbox = Inbox::new(&smtp);
    let (app, _) = following_app(&smtp).await;
    let area = app
        .db
        .list_areas()
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.id == klimadialog::AreaId(3))
        .unwrap();

    // On /me, without JavaScript: follow the area and a sector, see them listed, stop one.
    let mut neighbour = Browser::new(&app);
    let id = neighbour.sign_in_as("nabo@example.dk").await;
    let me = neighbour.get("/me").await;
    assert!(me.contains("Du har ikke selv valgt at følge noget endnu."));
    assert!(me.contains("Følg et område, og hør om nye idéer der"));
    let follow = |kind: &'static str, key: String, follow: &'static str| {
        [
            ("kind", kind.to_owned()),
            ("key", key),
            ("follow", follow.to_owned()),
            ("next", "/me".to_owned()),
        ]
    };
    for fields in [
        follow("area", area.slug.as_str().to_owned(), "true"),
        follow("category", "sector:energy".to_owned(), "true"),
    ] {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, back) = neighbour.post_form("/fn/follow", &fields).await;
        assert_eq!((status, back.as_str()), (StatusCode::FOUND, "/me#follow"));
    }
    let me = neighbour.get("/me").await;
    assert!(
        me.contains(&format!(r#"href="/ideas?area={}""#, area.slug.as_str())),
        "{me}"
    );
    assert!(me.contains(&format!("Følg ikke {} længere", area.name)));
    let stop = follow("sector", "energy".to_owned(), "false");
    let stop: Vec<(&str, &str)> = stop.iter().map(|(k, v)| (*k, v.as_str())).collect();
    neighbour.post_form("/fn/follow", &stop).await;
    assert_eq!(app.db.followed_topics(id).await.unwrap().len(), 1);
    // Something that is not there to follow is a 404, and nothing is stored.
    let bogus = follow("category", "sector:nowhere".to_owned(), "true");
    let bogus: Vec<(&str, &str)> = bogus.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _) = neighbour.post_form("/fn/follow", &bogus).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A new idea in the area (by someone else); tomorrow morning's digest tells of it.
    let idea = app
        .insert_published_idea(
            "Skybrudssikring af stien ved åen",
            "Stien står under vand efter hvert skybrud.",
            None,
        )
        .await;
    app.db.make_digest_rounds(now() + 86_400).await.unwrap();
    let digest = inbox.mail_to("nabo@example.dk");
    let body = mail_body(&digest);
    assert!(body.contains(&format!("Ny idé i {}", area.name)), "{body}");
    assert!(body.contains(&format!("/ideas/{}", idea.0)));
    assert!(body.contains("siden i går"));
}

#[tokio::test]
async fn an_action_page_offers_signed_in_residents_to_follow_it() {
    let app = TestApp::spawn().await;
    let (status, page) = app.get("/plan/T1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !page.contains(r#"id="follow""#),
        "signed-out visitors see no button"
    );
    let mut resident = Browser::new(&app);
    let id = resident.sign_in_as("plan@example.dk").await;
    assert!(
        resident
            .get("/plan/T1")
            .await
            .contains("Følg indsatsen, så hører du")
    );
    let (status, back) = resident.follow("action", "T1", true, "/plan/T1").await;
    assert_eq!(
        (status, back.as_str()),
        (StatusCode::FOUND, "/plan/T1#follow")
    );
    assert!(
        resident
            .get("/plan/T1")
            .await
            .contains("Du følger indsatsen")
    );
    let topics = app.db.followed_topics(id).await.unwrap();
    assert_eq!((topics.len(), topics[0].href().as_str()), (1, "/plan/T1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replies_come_at_once_and_the_plan_s_progress_in_english_the_next_morning() {
    let smtp = SmtpSink::start();
    let mut inbox = Inbox::new(&smtp);
    let (app, mo) = following_app(&smtp).await;
    let idea = app
        .insert_published_idea(
            "Grønne tage på busskurene",
            "Sedum på taget af busskurene tager regnvand og giver insekter et sted at være.",
            None,
        )
        .await;
    let key = idea.0.to_string();
    let page = format!("/ideas/{key}");

    // A resident argues through the form; another replies, and the municipality too.
    let mut talker = Browser::new(&app);
    talker.sign_in_as("talker@example.dk").await;
    let (status, _) = talker
        .post_form(
            "/fn/ideas/argue",
            &[
                ("idea", &key),
                ("stance", "for"),
                ("text", "Det er billigt og ser godt ud."),
            ],
        )
        .await;
    assert!(status.is_redirection(), "{status}");
    let argument: i64 = {
        let debate = app.get(&page).await.1;
        debate
            .split(r#"id="argument-"#)
            .skip(1)
            .find_map(|rest| rest.split('"').next()?.parse().ok())
            .expect("the argument on the page")
    };
    let replier = app
        .db
        .resident_for_email("replier@example.dk", now())
        .await
        .unwrap();
    argue(
        &app,
        replier,
        idea,
        Post::Reply(klimadialog::argument::ArgumentId(argument)),
        "Og de holder busskuret køligt om sommeren.",
    )
    .await;
    // The worker makes the round at once by itself: no clock needed for mails at once.
    let reply = inbox.mail_to("talker@example.dk");
    let body = mail_body(&reply);
    assert!(body.contains("1 nyt svar på dit indlæg"), "{body}");
    assert!(header(&reply, "List-Unsubscribe").is_some());
    app.db
        .reply_as_municipality(
            idea,
            klimadialog::argument::ArgumentId(argument),
            &ArgumentText::parse("Kommunen prøver det på ti busskure i 2027.").unwrap(),
            None,
            mo,
            now(),
        )
        .await
        .unwrap()
        .unwrap();
    let municipality = mail_body(&inbox.mail_to("talker@example.dk"));
    assert!(
        municipality.contains("Kommunen har skrevet 1 indlæg i debatten"),
        "{municipality}"
    );

    // An English-speaking resident follows an action; it reaches a milestone.
    let mut planner = Browser::new(&app);
    let planner_id = planner.sign_in_as("planner@example.dk").await;
    planner
        .post_form(
            "/fn/me/mail",
            &[
                ("language", "en"),
                ("frequency", "daily"),
                ("status_mails", "1"),
            ],
        )
        .await;
    planner.follow("action", "T1", true, "/plan/T1").await;
    assert_eq!(app.db.followed_topics(planner_id).await.unwrap().len(), 1);
    let code = klimadialog::plan::ActionCode::parse("T1").unwrap();
    let detail = app.db.action_detail(&code).await.unwrap().unwrap();
    let open = detail
        .milestones
        .iter()
        .find(|m| m.done_at.is_none())
        .unwrap();
    let anna = app.db.staff_account("anna").await.unwrap().unwrap().id;
    assert!(
        app.db
            .reach_milestone(&code, open.id, anna, now())
            .await
            .unwrap()
    );
    app.db.make_digest_rounds(now() + 86_400).await.unwrap();
    let digest = inbox.mail_to("planner@example.dk");
    let body = mail_body(&digest);
    assert!(
        body.contains("Here is what happened since yesterday"),
        "{body}"
    );
    assert!(
        body.contains(&format!(
            "The action reached the milestone “{}”",
            open.title
        )),
        "{body}"
    );
    assert!(body.contains("/plan/T1"));
    assert!(mail_html(&digest).contains(r#"<html lang="en">"#));
}
