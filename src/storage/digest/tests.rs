//! Digest rounds on a real SQLite file: every kind of event reaches those who follow it, on
//! their schedule, once; their own doing, hidden things and what a status mail told at once
//! stay out; a round made twice is made once.

use crate::argument::{ArgumentId, ArgumentText, NewArgument, Post, Stance};
use crate::follow::{FollowTarget, Frequency};
use crate::staff::StaffRole;
use crate::storage::tests::{db_with_reference, idea, plan_action, staff};
use crate::storage::{Db, DueDigest, MailQueue};
use crate::time::Date;
use crate::{ModerationState, PublicStatus, ResidentId};

/// Danish winter time: `2026-12-02 10` is ten in the morning on Wednesday 2 December.
fn at(when: &str) -> i64 {
    let (date, hour) = when.split_once(' ').unwrap();
    Date::parse_iso(date).unwrap().start_in_denmark().0 + hour.parse::<i64>().unwrap() * 3_600
}

async fn resident(db: &Db, name: &str, frequency: Frequency) -> ResidentId {
    let id = db
        .resident_for_email(&format!("{name}@example.org"), at("2026-12-01 9"))
        .await
        .unwrap();
    db.set_frequency(id, frequency).await.unwrap();
    id
}

async fn argue(db: &Db, who: ResidentId, idea: crate::IdeaId, post: Post, now: i64) -> ArgumentId {
    let new = NewArgument {
        idea,
        post,
        text: ArgumentText::parse("Det vil gøre en forskel for mange i byen.").unwrap(),
    };
    db.insert_argument(
        who,
        &new,
        crate::Locale::Da,
        crate::moderation::ModerationMode::Post,
        now,
    )
    .await
    .unwrap()
    .unwrap()
}

/// Who got a mail in the round of `frequency`, by address, and each one's digest.
async fn round(db: &Db, frequency: &str, now: i64) -> Vec<(String, DueDigest)> {
    let mut due: Vec<_> = db
        .due_digests(now, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|d| d.frequency == frequency)
        .map(|d| (d.email.trim_end_matches("@example.org").to_owned(), d))
        .collect();
    due.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, digest) in &due {
        db.mark_mail_sent(MailQueue::Digest, digest.id, now)
            .await
            .unwrap();
    }
    due
}

fn names(due: &[(String, DueDigest)]) -> Vec<&str> {
    due.iter().map(|(name, _)| name.as_str()).collect()
}

#[tokio::test]
async fn every_kind_of_event_reaches_its_followers_on_their_schedule_once() {
    let (db, _dir) = db_with_reference().await;
    let anna = staff(&db, StaffRole::Admin).await;
    let code = plan_action(&db, "T3").await;
    let author = resident(&db, "author", Frequency::Daily).await;
    let fan = resident(&db, "fan", Frequency::Weekly).await;
    let talker = resident(&db, "talker", Frequency::Daily).await;
    let reader = resident(&db, "reader", Frequency::AtOnce).await;
    let quitter = resident(&db, "quitter", Frequency::Daily).await;
    let areafan = resident(&db, "areafan", Frequency::Daily).await;
    let planfan = resident(&db, "planfan", Frequency::Daily).await;
    let sectorfan = resident(&db, "sectorfan", Frequency::Daily).await;
    let silent = resident(&db, "silent", Frequency::Never).await;

    // The first rounds ever cover nothing that came before them.
    let start = at("2026-12-02 10");
    let mut first = idea("Cykelstier langs fjorden", ModerationState::Published);
    first.author = Some(author.0);
    first.created_at = start - 60;
    let cycle = db.insert_idea(&first).await.unwrap();
    let made = db.make_digest_rounds(start).await.unwrap();
    assert!(made.iter().all(|m| m.mails == 0), "{made:?}");

    for supporter in [fan, quitter, silent] {
        db.add_support(cycle, supporter.0, start).await.unwrap();
    }
    let target = FollowTarget::idea(cycle);
    db.set_follow(reader, &target, true, start).await.unwrap();
    db.set_follow(quitter, &target, false, start).await.unwrap();
    let area: String = sqlx::query_scalar("SELECT slug FROM areas WHERE id = 1")
        .fetch_one(db.pool())
        .await
        .unwrap();
    let area = FollowTarget::parse("area", &area).unwrap();
    db.set_follow(areafan, &area, true, start).await.unwrap();
    let action = FollowTarget::parse("action", "T3").unwrap();
    db.set_follow(planfan, &action, true, start).await.unwrap();
    let sector = FollowTarget::parse("category", "sector:transport").unwrap();
    db.set_follow(sectorfan, &sector, true, start)
        .await
        .unwrap();

    // The events: an argument, the author's reply to it, the municipality's reply, a status
    // with an answer, a new idea in the followed area, a milestone of the followed action.
    let t = start + 600;
    let argument = argue(&db, talker, cycle, Post::Argument(Stance::For), t).await;
    argue(&db, author, cycle, Post::Reply(argument), t + 1).await;
    db.reply_as_municipality(
        cycle,
        argument,
        &ArgumentText::parse("Kommunen ser på strækningen i foråret.").unwrap(),
        None,
        anna,
        t + 2,
    )
    .await
    .unwrap()
    .unwrap();
    let answer = crate::answer::OfficialAnswer {
        da: "Vi undersøger sagen.".into(),
        en: None,
    };
    db.answer_idea(cycle, PublicStatus::UnderReview, Some(&answer), anna, t + 3)
        .await
        .unwrap()
        .unwrap();
    let mut other = idea("Flere træer i Vestbyen", ModerationState::Published);
    other.author = Some(silent.0);
    other.created_at = t + 4;
    db.insert_idea(&other).await.unwrap();
    let milestone = db
        .add_action_milestone(
            &code,
            "Første 20 elbusser",
            Date::parse_iso("2027-01-01").unwrap(),
            anna,
            t + 5,
        )
        .await
        .unwrap()
        .unwrap();
    assert!(
        db.reach_milestone(&code, milestone, anna, t + 6)
            .await
            .unwrap()
    );
    let moving = crate::plan::ActionFields {
        code: "T3".into(),
        title_da: "Indsats T3".into(),
        description_da: "En indsats i klimaplanen.".into(),
        category: "sector:transport".into(),
        owner: "Trafik og Veje".into(),
        status: "in_progress".into(),
        start_year: "2025".into(),
        end_year: "2030".into(),
        ..crate::plan::ActionFields::default()
    };
    db.save_action(&moving.parse().unwrap(), Some(anna), t + 7)
        .await
        .unwrap()
        .unwrap();

    // At once, within the hour: the one who chose "at once", and the talker for the replies to
    // their argument (replies come at once by default).
    let soon = t + 3_600;
    db.make_digest_rounds(soon).await.unwrap();
    let at_once = round(&db, "at_once", soon).await;
    assert_eq!(names(&at_once), ["reader", "talker"]);
    let talker_hears = db.digest_entries(&at_once[1].1).await.unwrap();
    assert_eq!(talker_hears.len(), 2);
    assert!(talker_hears.iter().all(|e| e.reply));
    assert!(talker_hears.iter().any(|e| e.by_municipality));
    let reader_hears = db.digest_entries(&at_once[0].1).await.unwrap();
    assert_eq!(reader_hears.len(), 4, "argument, two replies, status");
    assert_eq!(reader_hears[0].status.as_deref(), Some("under_review"));
    assert_eq!(
        reader_hears[0].answer_da.as_deref(),
        Some("Vi undersøger sagen.")
    );

    // Made again, or later the same morning: nothing more.
    assert!(db.make_digest_rounds(soon).await.unwrap().is_empty());
    assert!(round(&db, "at_once", soon + 60).await.is_empty());

    // Thursday morning's daily digest.
    let thursday = at("2026-12-03 7");
    db.make_digest_rounds(thursday - 1).await.unwrap();
    assert!(
        round(&db, "daily", thursday - 1).await.is_empty(),
        "not before seven"
    );
    db.make_digest_rounds(thursday).await.unwrap();
    let daily = round(&db, "daily", thursday).await;
    assert_eq!(
        names(&daily),
        ["areafan", "author", "planfan", "sectorfan", "talker"]
    );
    let of = |name: &str| &daily.iter().find(|(n, _)| n == name).unwrap().1;
    let author_hears = db.digest_entries(of("author")).await.unwrap();
    // Not their own reply, not the status their status mail told them of at once.
    let kinds: Vec<_> = author_hears.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["argument", "argument"], "{author_hears:?}");
    let talker_hears = db.digest_entries(of("talker")).await.unwrap();
    assert_eq!(
        talker_hears.len(),
        1,
        "the status; the replies came at once"
    );
    let areafan_hears = db.digest_entries(of("areafan")).await.unwrap();
    assert_eq!(
        areafan_hears[0].idea_title.as_deref(),
        Some("Flere træer i Vestbyen")
    );
    assert!(areafan_hears[0].area.is_some());
    let planfan_hears = db.digest_entries(of("planfan")).await.unwrap();
    assert_eq!(planfan_hears.len(), 2, "{planfan_hears:?}");
    assert_eq!(
        planfan_hears[0].action_status.as_deref(),
        Some("in_progress")
    );
    assert_eq!(
        planfan_hears[1].milestone.as_deref(),
        Some("Første 20 elbusser")
    );
    let sectorfan_hears = db.digest_entries(of("sectorfan")).await.unwrap();
    assert_eq!(
        sectorfan_hears
            .iter()
            .map(|e| e.kind.as_str())
            .collect::<Vec<_>>(),
        ["idea"]
    );

    // Monday's weekly digest for the supporter: the debate (the status came at once).
    let monday = at("2026-12-07 7");
    db.make_digest_rounds(monday).await.unwrap();
    let weekly = round(&db, "weekly", monday).await;
    assert_eq!(names(&weekly), ["fan"]);
    assert_eq!(db.digest_entries(&weekly[0].1).await.unwrap().len(), 3);
    assert!(
        round(&db, "daily", monday).await.is_empty(),
        "nothing new since Thursday"
    );

    // The stop link: every mail about what they follow stops, once or twice; a made-up key
    // stops nothing.
    let key = db.mail_key(fan).await.unwrap();
    assert_eq!(db.mail_key(fan).await.unwrap(), key, "one key per resident");
    assert!(db.stop_mails(&key).await.unwrap());
    assert!(db.stop_mails(&key).await.unwrap());
    assert!(!db.stop_mails(&"0".repeat(64)).await.unwrap());
    assert_eq!(db.frequency(fan).await.unwrap(), Frequency::Never);
    assert!(!db.mail_settings(fan).await.unwrap().status_mails);
    assert_eq!(db.unsent_mails(MailQueue::Digest).await.unwrap(), 0);
}

#[tokio::test]
async fn a_status_change_on_an_idea_with_many_supporters_is_one_event_and_one_round() {
    let (db, _dir) = db_with_reference().await;
    let anna = staff(&db, StaffRole::Admin).await;
    let start = at("2026-12-02 10");
    let popular = db
        .insert_idea(&idea("Gratis bybusser", ModerationState::Published))
        .await
        .unwrap();
    db.make_digest_rounds(start).await.unwrap();
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
         INSERT INTO residents (email, created_at, status_mails, frequency)
         SELECT 'r' || i || '@example.org', 1, 0, 'daily' FROM n",
    )
    .execute(db.pool())
    .await
    .unwrap();
    sqlx::query("INSERT INTO supports (idea_id, resident_id, created_at) SELECT ?, id, 1 FROM residents WHERE email LIKE 'r%'")
        .bind(popular.0)
        .execute(db.pool())
        .await
        .unwrap();
    let answer = crate::answer::OfficialAnswer {
        da: "Det indgår i planen for busdriften.".into(),
        en: None,
    };
    db.answer_idea(
        popular,
        PublicStatus::AlreadyPlanned,
        Some(&answer),
        anna,
        start + 60,
    )
    .await
    .unwrap()
    .unwrap();
    let events: i64 =
        sqlx::query_scalar("SELECT count(*) FROM follow_events WHERE kind = 'status'")
            .fetch_one(db.pool())
            .await
            .unwrap();
    assert_eq!(events, 1);
    let made = db.make_digest_rounds(at("2026-12-03 7")).await.unwrap();
    let daily = made
        .iter()
        .find(|m| m.frequency == Frequency::Daily)
        .unwrap();
    assert_eq!(daily.mails, 2000);
    assert!(
        db.make_digest_rounds(at("2026-12-03 8"))
            .await
            .unwrap()
            .is_empty()
    );

    // A month on, the sweep takes the rounds and the events, but each schedule's newest round
    // stays, so the next starts where it ended: news after the sweep is still told, once.
    db.sweep(at("2027-01-05 8")).await.unwrap();
    let count =
        async |sql: &str| -> i64 { sqlx::query_scalar(sql).fetch_one(db.pool()).await.unwrap() };
    assert_eq!(count("SELECT count(*) FROM follow_events").await, 0);
    assert_eq!(count("SELECT count(*) FROM digest_runs").await, 3);
    assert_eq!(count("SELECT count(*) FROM digest_items").await, 0);
    let later = crate::answer::OfficialAnswer {
        da: "Det blev ikke en del af planen.".into(),
        en: None,
    };
    db.answer_idea(
        popular,
        PublicStatus::NotAdopted,
        Some(&later),
        anna,
        at("2027-01-05 9"),
    )
    .await
    .unwrap()
    .unwrap();
    let made = db.make_digest_rounds(at("2027-01-06 7")).await.unwrap();
    let daily = made
        .iter()
        .find(|m| m.frequency == Frequency::Daily)
        .unwrap();
    assert_eq!(daily.mails, 2000);
}
