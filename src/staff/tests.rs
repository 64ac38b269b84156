use super::*;
use crate::storage::test_support::file_db;

const PASSWORD: &str = "klimaplan-for-aalborg";

async fn with_admin() -> (Db, tempfile::TempDir) {
    let (db, dir) = file_db().await;
    let hash = hash_password(&Password::parse(PASSWORD).unwrap());
    db.insert_staff("anna", &hash, StaffRole::Admin, 0)
        .await
        .unwrap();
    (db, dir)
}

#[test]
fn names_roles_and_passwords_are_checked() {
    assert_eq!(Username::parse(" Anna.K ").unwrap().as_str(), "anna.k");
    for bad in ["a", "anna k", "anna@kommune", "", &"a".repeat(61)] {
        assert!(Username::parse(bad).is_none(), "{bad}");
    }
    assert!(Password::parse("for kort").is_none());
    assert!(Password::parse(PASSWORD).is_some());
    assert_eq!(
        format!("{:?}", Password::parse(PASSWORD).unwrap()),
        "Password(******)"
    );
    assert!(StaffRole::Admin.allows(StaffRole::Moderator));
    assert!(!StaffRole::Moderator.allows(StaffRole::Admin));
    assert_eq!(StaffRole::parse("root"), None);
}

#[test]
fn hashes_are_argon2id_salted_and_verify() {
    let password = Password::parse(PASSWORD).unwrap();
    let (a, b) = (hash_password(&password), hash_password(&password));
    assert!(a.starts_with("$argon2id$"));
    assert_ne!(a, b, "a fresh salt each time");
    assert!(verify_password(&a, PASSWORD));
    assert!(!verify_password(&a, "klimaplan-for-aarhus"));
    assert!(!verify_password("not a hash", PASSWORD));
    // The decoy must be a real argon2id hash, or unknown names would answer faster.
    assert!(PasswordHash::new(DECOY_HASH).is_ok());
    assert!(!verify_password(DECOY_HASH, PASSWORD));
}

#[test]
fn locks_double_from_the_fifth_failure_up_to_an_hour() {
    assert_eq!(
        (1..=12).map(lock_seconds).collect::<Vec<_>>(),
        [0, 0, 0, 0, 60, 120, 240, 480, 960, 1920, 3600, 3600]
    );
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_account_even_against_the_right_one() {
    let (db, _dir) = with_admin().await;
    let t = 1_000_000;
    for _ in 0..4 {
        assert!(matches!(
            login(&db, "anna", "wrong-password!", t).await,
            Err(LoginError::BadCredentials)
        ));
    }
    // One wrong in a row is forgiven by a right one.
    let member = login(&db, "Anna", PASSWORD, t).await.unwrap();
    assert_eq!(
        (member.username.as_str(), member.role),
        ("anna", StaffRole::Admin)
    );
    for _ in 0..5 {
        let _ = login(&db, "anna", "wrong-password!", t).await;
    }
    assert!(matches!(
        login(&db, "anna", PASSWORD, t + 10).await,
        Err(LoginError::Locked { until }) if until == t + 60
    ));
    // After the lock the right password works again; the next failure locks for longer.
    assert!(login(&db, "anna", PASSWORD, t + 61).await.is_ok());
    assert!(matches!(
        login(&db, "nobody", PASSWORD, t).await,
        Err(LoginError::BadCredentials)
    ));
}

#[tokio::test]
async fn failures_an_hour_apart_never_add_up_to_a_lock_and_tries_while_locked_do_not_count() {
    let (db, _dir) = with_admin().await;
    let t = 1_000_000;
    // A wrong password every hour, forever: never locked.
    for hour in 0..20 {
        let at = t + hour * FAILURE_MEMORY_SECONDS;
        assert!(matches!(
            login(&db, "anna", "wrong-password!", at).await,
            Err(LoginError::BadCredentials)
        ));
    }
    assert!(
        login(&db, "anna", PASSWORD, t + 20 * FAILURE_MEMORY_SECONDS)
            .await
            .is_ok()
    );

    // Locked by five in a row; hammering the lock does not lengthen it.
    let t = t + 30 * FAILURE_MEMORY_SECONDS;
    for _ in 0..5 {
        let _ = login(&db, "anna", "wrong-password!", t).await;
    }
    for s in 1..50 {
        assert!(matches!(
            login(&db, "anna", "wrong-password!", t + s).await,
            Err(LoginError::Locked { until }) if until == t + 60
        ));
    }
    assert!(login(&db, "anna", PASSWORD, t + 60).await.is_ok());
    let locks = db
        .audit_log(
            &crate::storage::AuditFilter {
                action: Some("staff.locked".into()),
                ..Default::default()
            },
            None,
            10,
        )
        .await
        .unwrap();
    assert_eq!(locks.len(), 1, "the lock is in the audit log, once");
}

#[tokio::test]
async fn staff_sessions_are_renewed_at_login_and_end_at_sign_out() {
    let (db, _dir) = with_admin().await;
    let member = login(&db, "anna", PASSWORD, 100).await.unwrap();
    let first = start_staff_session(&db, &member, None, 100).await.unwrap();
    assert_eq!(
        staff_session(&db, &first, 200).await.unwrap(),
        Some(member.clone())
    );
    let second = start_staff_session(&db, &member, Some(&first), 300)
        .await
        .unwrap();
    assert_eq!(
        staff_session(&db, &first, 300).await.unwrap(),
        None,
        "the old one ends"
    );
    assert!(staff_session(&db, &second, 300).await.unwrap().is_some());
    assert_eq!(
        staff_session(&db, &second, 300 + STAFF_SESSION_SECONDS)
            .await
            .unwrap(),
        None,
        "it expires"
    );
    end_staff_session(&db, &second).await.unwrap();
    assert_eq!(staff_session(&db, &second, 301).await.unwrap(), None);
    // A resident's session token is no staff token.
    let resident = db
        .resident_for_email("borger@example.org", 0)
        .await
        .unwrap();
    let token = crate::signin::start_session(&db, resident, None, 100)
        .await
        .unwrap();
    assert_eq!(staff_session(&db, &token, 200).await.unwrap(), None);
}
