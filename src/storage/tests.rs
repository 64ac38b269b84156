//! Storage tests on fresh real SQLite files: the schema refuses bad states, counts stay exact,
//! and the public only sees what it may.

use super::test_support::file_db;
use super::*;
use crate::ModerationState;
use crate::demo::install_reference_data;
use crate::idea::{Category, IdeaDescription, IdeaId, IdeaTitle};
use crate::reference::CategoryKey;

pub(crate) async fn db_with_reference() -> (Db, tempfile::TempDir) {
    let (db, dir) = file_db().await;
    install_reference_data(&db).await.unwrap();
    (db, dir)
}

pub(crate) fn idea(title: &str, moderation: ModerationState) -> NewIdea {
    NewIdea {
        title: IdeaTitle::parse(title).unwrap(),
        description: IdeaDescription::parse("En beskrivelse der er lang nok til at blive gemt.")
            .unwrap(),
        category: Category::Sector(CategoryKey::parse("transport").unwrap()),
        area: crate::AreaId(1),
        point: None,
        exact_point: false,
        photo: None,
        author: None,
        moderation,
        created_at: now(),
    }
}

pub(crate) async fn insert(db: &Db, title: &str, moderation: ModerationState) -> IdeaId {
    db.insert_idea(&idea(title, moderation)).await.unwrap()
}

/// A staff member with this role (a moderator "mo", an admin "anna"), without a usable
/// password: storage tests only need their id.
pub(crate) async fn staff(db: &Db, role: crate::staff::StaffRole) -> i64 {
    let name = match role {
        crate::staff::StaffRole::Admin => "anna",
        crate::staff::StaffRole::Moderator => "mo",
    };
    db.insert_staff(name, "$argon2id$x", role, 1).await.unwrap()
}

pub(crate) async fn resident(db: &Db, n: usize) -> i64 {
    let email = format!("r{n}@example.org");
    db.insert_resident(&NewResident {
        email: &email,
        display_name: None,
        area: None,
        created_at: now(),
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn the_database_file_uses_wal_and_foreign_keys() {
    let (db, _dir) = file_db().await;
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(fk, 1);
    let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert!(busy >= 5_000);
    db.check().await.unwrap();
}

#[tokio::test]
async fn reopening_keeps_data_and_runs_no_migration_twice() {
    let (db, dir) = db_with_reference().await;
    let id = insert(&db, "Flere cykelstier", ModerationState::Published).await;
    db.close().await;
    let again = Db::open(dir.path().join("test.db").to_str().unwrap())
        .await
        .unwrap();
    assert!(again.published_idea(id).await.unwrap().is_some());
    install_reference_data(&again).await.unwrap();
    assert_eq!(again.count_areas().await.unwrap(), 17);
}

#[tokio::test]
async fn pending_rejected_and_unknown_ideas_are_not_public() {
    let (db, _dir) = db_with_reference().await;
    let public = insert(&db, "Synlig idé her", ModerationState::Published).await;
    let pending = insert(&db, "Afventer godkendelse", ModerationState::Pending).await;
    assert!(db.published_idea(public).await.unwrap().is_some());
    assert!(db.published_idea(pending).await.unwrap().is_none());
    assert!(db.published_idea(IdeaId(9_999)).await.unwrap().is_none());
    let page = db
        .list_published(&Default::default(), 20, 0, now())
        .await
        .unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.ideas[0].id, public);
}

#[tokio::test]
async fn one_support_per_resident_per_idea_and_exact_counts() {
    let (db, _dir) = db_with_reference().await;
    let id = insert(&db, "Flere cykelstier", ModerationState::Published).await;
    let a = resident(&db, 1).await;
    let b = resident(&db, 2).await;
    assert!(db.add_support(id, a, now()).await.unwrap());
    assert!(!db.add_support(id, a, now()).await.unwrap());
    assert!(db.add_support(id, b, now()).await.unwrap());
    assert_eq!(db.support_count(id).await.unwrap(), Some(2));
    assert_eq!(db.count_supports_of(id).await.unwrap(), 2);
}

#[tokio::test]
async fn concurrent_supports_from_many_connections_count_exactly() {
    let (db, _dir) = db_with_reference().await;
    let id = insert(&db, "Flere cykelstier", ModerationState::Published).await;
    let mut residents = Vec::new();
    for n in 0..60 {
        residents.push(resident(&db, n).await);
    }
    let mut tasks = tokio::task::JoinSet::new();
    for (n, r) in residents.iter().copied().enumerate() {
        for _ in 0..1 + n % 2 {
            let db = db.clone();
            tasks.spawn(async move { db.add_support(id, r, now()).await.unwrap() });
        }
    }
    let new: usize = tasks
        .join_all()
        .await
        .into_iter()
        .filter(|fresh| *fresh)
        .count();
    assert_eq!(new, 60);
    assert_eq!(db.support_count(id).await.unwrap(), Some(60));
    assert!(db.support_counts_agree().await.unwrap());
}

/// Supports that arrive together share commits (one sync of the disk for many), and every one
/// of them is counted once, withdrawals too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn supports_arriving_together_share_commits_and_count_exactly() {
    let (db, _dir) = db_with_reference().await;
    let id = insert(&db, "Flere cykelstier", ModerationState::Published).await;
    let hidden = insert(&db, "Skjult idé om vind", ModerationState::Pending).await;
    let mut residents = Vec::new();
    for n in 0..200 {
        residents.push(crate::ResidentId(resident(&db, n).await));
    }
    let commits_before = db.changes();
    let mut tasks = tokio::task::JoinSet::new();
    for (n, r) in residents.iter().copied().enumerate() {
        let db = db.clone();
        tasks.spawn(async move {
            // Each supports twice (the second changes nothing) and tries the hidden idea.
            let first = db.add_public_support(id, r, now()).await.unwrap();
            let again = db.add_public_support(id, r, now()).await.unwrap();
            let hidden = db.add_public_support(hidden, r, now()).await.unwrap();
            let withdrawn = n % 4 == 0 && db.remove_support(id, r).await.unwrap();
            (first, again, hidden, withdrawn)
        });
    }
    let results = tasks.join_all().await;
    let commits = db.changes() - commits_before;
    assert!(
        results
            .iter()
            .all(|(first, again, hidden, _)| *first && !again && !hidden)
    );
    let withdrawn = results.iter().filter(|r| r.3).count();
    assert_eq!(withdrawn, 50);
    assert_eq!(db.support_count(id).await.unwrap(), Some(150));
    assert_eq!(db.support_count(hidden).await.unwrap(), Some(0));
    assert!(db.support_counts_agree().await.unwrap());
    assert_eq!(
        db.support_state(id, residents[0]).await.unwrap(),
        Some((150, false)),
        "withdrawn"
    );
    assert_eq!(
        db.support_state(id, residents[1]).await.unwrap(),
        Some((150, true))
    );
    assert_eq!(
        db.support_state(IdeaId(999_999), residents[1])
            .await
            .unwrap(),
        None
    );
    assert!(
        commits < 650 / 2,
        "650 changes took {commits} commits: they were not grouped"
    );
}

/// The schema itself refuses states the domain forbids, whatever the code above it does.
#[tokio::test]
async fn the_schema_refuses_impossible_states() {
    let (db, _dir) = db_with_reference().await;
    let base = "INSERT INTO ideas (title, description, kind, sector_key, theme_key, area_id, moderation_state, status, merged_into, created_at, updated_at) VALUES";
    let bad = [
        "('T', 'D', 'mitigation', NULL, 'heat', 1, 'published', 'new', NULL, 0, 0)",
        "('T', 'D', 'adaptation', 'energy', 'heat', 1, 'published', 'new', NULL, 0, 0)",
        "('T', 'D', 'opinion', 'energy', NULL, 1, 'published', 'new', NULL, 0, 0)",
        "('T', 'D', 'mitigation', 'energy', NULL, 1, 'visible', 'new', NULL, 0, 0)",
        "('T', 'D', 'mitigation', 'energy', NULL, 1, 'published', 'adopted', NULL, 0, 0)",
        "('T', 'D', 'mitigation', 'energy', NULL, 1, 'published', 'merged', NULL, 0, 0)",
        "('T', 'D', 'mitigation', 'energy', NULL, 1, 'rejected', 'new', NULL, 0, 0)",
        "('T', 'D', 'mitigation', 'nosuchsector', NULL, 1, 'published', 'new', NULL, 0, 0)",
        "('T', 'D', 'mitigation', 'energy', NULL, 999, 'published', 'new', NULL, 0, 0)",
        "('', 'D', 'mitigation', 'energy', NULL, 1, 'published', 'new', NULL, 0, 0)",
    ];
    for values in bad {
        let result = sqlx::query(&format!("{base} {values}"))
            .execute(db.pool())
            .await;
        assert!(result.is_err(), "accepted {values}");
    }
    let long_title = format!(
        "('{}', 'D', 'mitigation', 'energy', NULL, 1, 'published', 'new', NULL, 0, 0)",
        "x".repeat(121)
    );
    assert!(
        sqlx::query(&format!("{base} {long_title}"))
            .execute(db.pool())
            .await
            .is_err()
    );
    assert_eq!(db.count_ideas().await.unwrap(), 0);

    let decision_without_answer = sqlx::query(
        "INSERT INTO status_changes (idea_id, status, created_at) VALUES (1, 'not_adopted', 0)",
    )
    .execute(db.pool())
    .await;
    assert!(decision_without_answer.is_err());
}

#[tokio::test]
async fn audit_events_are_append_only() {
    let (db, _dir) = db_with_reference().await;
    sqlx::query("INSERT INTO audit_events (action, object_type, object_id, created_at) VALUES ('approve', 'idea', 1, 0)")
        .execute(db.pool())
        .await
        .unwrap();
    assert!(
        sqlx::query("UPDATE audit_events SET action = 'x'")
            .execute(db.pool())
            .await
            .is_err()
    );
    assert!(
        sqlx::query("DELETE FROM audit_events")
            .execute(db.pool())
            .await
            .is_err()
    );
}

#[tokio::test]
async fn stored_areas_find_points() {
    let (db, _dir) = db_with_reference().await;
    let map = db.load_area_map().await.unwrap();
    assert_eq!(map.len(), 17);
    let areas = db.list_areas().await.unwrap();
    let hals = areas
        .iter()
        .find(|a| a.slug.as_str() == "9370-hals")
        .unwrap();
    let at = crate::geometry::LatLon::new(56.9935, 10.3095).unwrap();
    assert_eq!(map.locate(at), Some(hals.id));
}

#[tokio::test]
async fn only_public_ideas_can_be_supported_and_withdrawing_is_exact() {
    let (db, _dir) = db_with_reference().await;
    let public = insert(&db, "Synlig idé her", ModerationState::Published).await;
    let pending = insert(&db, "Afventer godkendelse", ModerationState::Pending).await;
    let r = crate::ResidentId(resident(&db, 1).await);
    assert!(db.add_public_support(public, r, now()).await.unwrap());
    assert!(
        !db.add_public_support(public, r, now()).await.unwrap(),
        "one per resident"
    );
    assert!(
        !db.add_public_support(pending, r, now()).await.unwrap(),
        "not while awaiting review"
    );
    assert!(
        !db.add_public_support(IdeaId(9_999), r, now())
            .await
            .unwrap()
    );
    assert!(db.has_support(public, r).await.unwrap());
    assert!(db.remove_support(public, r).await.unwrap());
    assert!(!db.remove_support(public, r).await.unwrap());
    assert_eq!(db.support_count(public).await.unwrap(), Some(0));
    assert_eq!(db.support_count(pending).await.unwrap(), Some(0));
}

#[tokio::test]
async fn a_list_knows_which_of_its_ideas_the_visitor_supports() {
    let (db, _dir) = db_with_reference().await;
    let a = insert(&db, "Første idé her", ModerationState::Published).await;
    let b = insert(&db, "Anden idé her", ModerationState::Published).await;
    let c = insert(&db, "Tredje idé her", ModerationState::Published).await;
    let me = crate::ResidentId(resident(&db, 1).await);
    let other = crate::ResidentId(resident(&db, 2).await);
    db.add_public_support(a, me, now()).await.unwrap();
    db.add_public_support(c, me, now()).await.unwrap();
    db.add_public_support(b, other, now()).await.unwrap();
    let mut mine = db.supported_among(me, &[a, b, c]).await.unwrap();
    mine.sort();
    assert_eq!(mine, vec![a, c]);
    assert!(db.supported_among(me, &[]).await.unwrap().is_empty());
}

#[tokio::test]
async fn authors_see_their_own_ideas_in_any_state_and_nobody_else_does() {
    let (db, _dir) = db_with_reference().await;
    let author = crate::ResidentId(resident(&db, 1).await);
    let other = crate::ResidentId(resident(&db, 2).await);
    let mut pending = idea("Afventer godkendelse", ModerationState::Pending);
    pending.author = Some(author.0);
    let id = db.insert_idea(&pending).await.unwrap();
    let (detail, moderation) = db.authored_idea(id, author).await.unwrap().unwrap();
    assert_eq!(detail.summary.title, "Afventer godkendelse");
    assert_eq!(
        moderation,
        Moderation {
            state: ModerationState::Pending,
            reason: None
        }
    );
    assert!(db.authored_idea(id, other).await.unwrap().is_none());
    assert!(db.published_idea(id).await.unwrap().is_none());
}

#[tokio::test]
async fn a_resident_sees_what_they_wrote_and_what_they_support() {
    let (db, _dir) = db_with_reference().await;
    let me = crate::ResidentId(resident(&db, 1).await);
    let mut mine = idea("Min egen idé her", ModerationState::Pending);
    mine.author = Some(me.0);
    let mine = db.insert_idea(&mine).await.unwrap();
    let other = insert(&db, "En andens idé her", ModerationState::Published).await;
    db.add_public_support(other, me, now()).await.unwrap();
    let written = db.ideas_by_author(me).await.unwrap();
    assert_eq!(written.len(), 1);
    assert_eq!(
        (written[0].0.id, written[0].1),
        (mine, ModerationState::Pending)
    );
    let supported = db.ideas_supported_by(me).await.unwrap();
    assert_eq!(
        supported.iter().map(|i| i.id).collect::<Vec<_>>(),
        vec![other]
    );
}

#[tokio::test]
async fn the_change_counter_grows_with_every_commit_and_not_with_reads() {
    let (db, _dir) = db_with_reference().await;
    let id = insert(&db, "En idé der skal tælles", ModerationState::Published).await;
    let me = crate::ResidentId(resident(&db, 1).await);
    let before = db.changes();
    db.published_idea(id).await.unwrap();
    db.count_ideas().await.unwrap();
    let filter = crate::filter::IdeaFilter::default();
    db.list_published(&filter, 20, 0, now()).await.unwrap();
    assert_eq!(db.changes(), before, "reads are not changes");
    db.add_public_support(id, me, now()).await.unwrap();
    let after_support = db.changes();
    assert!(after_support > before, "a support is a change");
    insert(&db, "Endnu en idé at tælle", ModerationState::Pending).await;
    assert!(db.changes() > after_support, "a new idea is a change");
    let marked = db.changes();
    db.mark_changed();
    assert_eq!(db.changes(), marked + 1);
}

/// An action of the plan with this code (transport, planned), for tests of what links to it.
pub(crate) async fn plan_action(db: &Db, code: &str) -> crate::plan::ActionCode {
    let fields = crate::plan::ActionFields {
        code: code.into(),
        title_da: format!("Indsats {code}"),
        description_da: "En indsats i klimaplanen.".into(),
        category: "sector:transport".into(),
        owner: "Trafik og Veje".into(),
        status: "planned".into(),
        start_year: "2025".into(),
        end_year: "2030".into(),
        ..crate::plan::ActionFields::default()
    };
    let action = fields.parse().unwrap();
    db.save_action(&action, None, 1).await.unwrap().unwrap();
    action.code
}

/// A double tap sends support and withdrawal at once: they land in one group, are written in
/// the order sent, and each is answered with where the idea stands once the group committed.
#[tokio::test]
async fn changes_to_one_support_in_one_group_are_written_in_order() {
    let (db, _dir) = db_with_reference().await;
    let id = insert(&db, "Flere cykelstier", ModerationState::Published).await;
    let hidden = insert(&db, "Skjult idé om vind", ModerationState::Pending).await;
    let r = crate::ResidentId(resident(&db, 1).await);
    let other = crate::ResidentId(resident(&db, 2).await);
    let t = now();
    let (a, b, c, d, e) = tokio::join!(
        db.change_support(id, r, true, t),
        db.change_support(id, r, false, t),
        db.change_support(id, r, true, t),
        db.change_support(id, other, false, t),
        db.change_support(hidden, r, true, t),
    );
    let states = [a, b, c, d, e].map(Result::unwrap);
    assert_eq!(
        states,
        [
            Some((1, true)),
            Some((1, true)),
            Some((1, true)),
            Some((1, false)),
            None
        ]
    );
    assert_eq!(db.support_count(id).await.unwrap(), Some(1));
    assert!(db.support_counts_agree().await.unwrap());
    // And the same one after the other: each sees its own change.
    assert_eq!(
        db.change_support(id, r, false, t).await.unwrap(),
        Some((0, false))
    );
    assert_eq!(
        db.change_support(id, r, false, t).await.unwrap(),
        Some((0, false))
    );
    assert!(!db.remove_support(id, r).await.unwrap());
    assert!(db.add_public_support(id, r, t).await.unwrap());
    assert!(!db.add_public_support(id, r, t).await.unwrap());
}
