//! Upkeep: what is kept past its time (README, "Retention") is deleted by the hourly run, with
//! the photo files nothing uses any more; what is still in use stays.

use std::time::{Duration, SystemTime};

use klimadialog::moderation::ModerationAction;
use klimadialog::propose::DraftFields;
use klimadialog::signin::{ClientTagger, DraftToken, request_code, start_session};
use klimadialog::storage::{Draft, NewIdea, now};
use klimadialog::{
    Category, CategoryKey, EmailAddress, IdeaDescription, IdeaId, IdeaTitle, ModerationState,
};

const DAY: i64 = 24 * 3600;

/// A photo file of `age` seconds, named as photos are.
fn photo_file(dir: &std::path::Path, n: u32, age: i64) -> String {
    let name = format!("{n:032x}.10x10.jpg");
    let path = dir.join("photos").join(&name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, b"jpeg").unwrap();
    let when = SystemTime::now() - Duration::from_secs(age as u64);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(when)
        .unwrap();
    name
}

async fn idea_with_photo(db: &klimadialog::storage::Db, photo: &str, title: &str) -> IdeaId {
    db.insert_idea(&NewIdea {
        title: IdeaTitle::parse(title).unwrap(),
        description: IdeaDescription::parse("Et billede siger mere end tusind ord.").unwrap(),
        category: Category::Sector(CategoryKey::parse("energy").unwrap()),
        area: klimadialog::AreaId(1),
        point: None,
        exact_point: false,
        photo: Some(photo.to_owned()),
        author: None,
        moderation: ModerationState::Published,
        created_at: now() - 10 * DAY,
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn upkeep_deletes_what_is_past_its_time_and_photos_nothing_uses() {
    let dir = tempfile::tempdir().unwrap();
    let db = klimadialog_server::open_database(dir.path().join("site.db").to_str().unwrap(), true)
        .await
        .unwrap();
    let t = now();
    let clients = ClientTagger::default();
    let email = EmailAddress::parse("aldrig-logget-ind@example.org").unwrap();
    request_code(&db, &email, &clients.tag("a"), t - 2 * DAY)
        .await
        .unwrap();
    request_code(&db, &email, &clients.tag("a"), t)
        .await
        .unwrap();
    let resident = db.resident_for_email("r@example.org", t).await.unwrap();
    start_session(&db, resident, None, t - 31 * DAY)
        .await
        .unwrap();
    let live = start_session(&db, resident, None, t).await.unwrap();

    // Drafts: one from today, one untouched for eight days (saved second, since saving
    // a draft also forgets the week-old ones); each with its photo.
    let (old_draft, new_draft) = (DraftToken::generate(), DraftToken::generate());
    let old_photo = photo_file(dir.path(), 1, 8 * DAY);
    let new_photo = photo_file(dir.path(), 2, 2 * 3600);
    for (token, photo, at) in [
        (&new_draft, &new_photo, t),
        (&old_draft, &old_photo, t - 8 * DAY),
    ] {
        let draft = Draft {
            fields: DraftFields::default(),
            photo: Some(photo.clone()),
        };
        db.save_draft(token, &draft, at).await.unwrap();
    }
    // Ideas: one hidden two days ago, one hidden just now, one published; each with a photo.
    let staff = db
        .insert_staff(
            "mo",
            "$argon2id$x",
            klimadialog::staff::StaffRole::Moderator,
            t,
        )
        .await
        .unwrap();
    let mut ideas = Vec::new();
    for (n, hidden_at) in [(3, Some(t - 2 * DAY)), (4, Some(t)), (5, None)] {
        let photo = photo_file(dir.path(), n, 3 * DAY);
        let id = idea_with_photo(&db, &photo, &format!("Idé med foto nummer {n}")).await;
        if let Some(at) = hidden_at {
            db.moderate(
                id,
                ModerationAction::Hide,
                Some("Billedet viser en person."),
                staff,
                at,
            )
            .await
            .unwrap()
            .unwrap();
        }
        ideas.push(photo);
    }
    // Files nothing refers to: one two hours old, one a minute old (its draft may be on the
    // way), and a half-written one from yesterday.
    let orphan = photo_file(dir.path(), 6, 2 * 3600);
    let arriving = photo_file(dir.path(), 7, 60);
    let partial = photo_file(dir.path(), 8, DAY);
    std::fs::rename(
        dir.path().join("photos").join(&partial),
        dir.path()
            .join("photos")
            .join(format!("{partial}.4242-0.partial")),
    )
    .unwrap();
    let partial = format!("{partial}.4242-0.partial");
    std::fs::create_dir_all(dir.path().join("outbox")).unwrap();
    let old_mail = dir.path().join("outbox/old.eml");
    std::fs::write(&old_mail, "To: r@example.org").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&old_mail)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(8 * DAY as u64))
        .unwrap();
    std::fs::write(dir.path().join("outbox/new.eml"), "To: r@example.org").unwrap();

    let done = klimadialog_server::upkeep::run_once(&db, dir.path(), t)
        .await
        .unwrap();
    assert_eq!(done.rows.sign_in_codes, 1, "the code of two days ago");
    assert_eq!(done.rows.sessions, 1, "the expired session");
    assert_eq!(done.rows.drafts, 1, "the draft of eight days ago");
    assert_eq!(
        done.rows.photos, 1,
        "the photo of the idea hidden two days ago"
    );
    assert_eq!(done.outbox_files, 1);
    let left = |name: &str| dir.path().join("photos").join(name).exists();
    assert!(!left(&old_photo), "the old draft's photo");
    assert!(
        !left(&ideas[0]),
        "the photo of the idea hidden two days ago"
    );
    assert!(!left(&orphan) && !left(&partial), "files nothing uses");
    assert!(left(&new_photo), "today's draft keeps its photo");
    assert!(
        left(&ideas[1]),
        "hidden just now: a moderator may still restore it"
    );
    assert!(left(&ideas[2]), "published");
    assert!(left(&arriving), "too new to judge");
    assert_eq!(done.photo_files, 4);
    assert!(!old_mail.exists() && dir.path().join("outbox/new.eml").exists());
    assert!(
        klimadialog::signin::session_resident(&db, &live, t)
            .await
            .unwrap()
            .is_some()
    );

    // A second run finds nothing more.
    let again = klimadialog_server::upkeep::run_once(&db, dir.path(), t)
        .await
        .unwrap();
    assert_eq!(again, Default::default());
}
