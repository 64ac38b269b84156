use super::*;
use crate::storage::test_support::file_db;

const NOW: i64 = 1_800_000_000;

fn mette() -> EmailAddress {
    EmailAddress::parse("mette@example.org").unwrap()
}

fn client(name: &str) -> ClientTag {
    static TAGGER: std::sync::OnceLock<ClientTagger> = std::sync::OnceLock::new();
    TAGGER.get_or_init(ClientTagger::default).tag(name)
}

fn wrong(code: &SignInCode) -> String {
    let n: u32 = code.as_str().parse().unwrap();
    format!("{:06}", (n + 1) % 1_000_000)
}

#[test]
fn codes_are_six_digits_and_typed_loosely() {
    for _ in 0..200 {
        let code = SignInCode::generate();
        assert_eq!(code.as_str().len(), 6);
        assert!(code.as_str().bytes().all(|b| b.is_ascii_digit()));
    }
    assert_eq!(SignInCode::parse(" 123 456 ").unwrap().as_str(), "123456");
    assert_eq!(SignInCode::parse("123-456").unwrap().as_str(), "123456");
    for bad in ["", "12345", "1234567", "12345a", "١٢٣٤٥٦"] {
        assert!(SignInCode::parse(bad).is_none(), "{bad:?}");
    }
    assert_eq!(
        format!("{:?}", SignInCode::parse("123456").unwrap()),
        "SignInCode(******)"
    );
}

#[test]
fn session_tokens_are_long_random_and_strictly_parsed() {
    let a = SessionToken::generate();
    let b = SessionToken::generate();
    assert_ne!(a, b);
    assert_eq!(SessionToken::parse(a.as_str()), Some(a.clone()));
    assert!(SessionToken::parse("abc").is_none());
    assert!(SessionToken::parse(&"G".repeat(64)).is_none());
    assert!(SessionToken::parse(&a.as_str().to_uppercase()).is_none());
}

#[tokio::test]
async fn a_mailed_code_signs_in_and_works_once() {
    let (db, _dir) = file_db().await;
    let (code, code_browser) = request_code(&db, &mette(), &client("client"), NOW)
        .await
        .unwrap();
    let resident = verify_code(&db, &mette(), &code_browser, code.as_str(), NOW + 60)
        .await
        .unwrap();
    assert!(matches!(
        verify_code(&db, &mette(), &code_browser, code.as_str(), NOW + 61).await,
        Err(SignInError::NoValidCode)
    ));
    // The same address is the same resident next time, however it is typed.
    let (again, again_browser) = request_code(&db, &mette(), &client("client"), NOW + 120)
        .await
        .unwrap();
    let upper = EmailAddress::parse("METTE@example.org").unwrap();
    assert_eq!(
        verify_code(&db, &upper, &again_browser, again.as_str(), NOW + 130)
            .await
            .unwrap(),
        resident
    );
    // Codes are stored only as hashes.
    let stored: Vec<String> = sqlx::query_scalar("SELECT code_hash FROM sign_in_codes")
        .fetch_all(db.pool())
        .await
        .unwrap();
    assert!(
        stored
            .iter()
            .all(|h| h.len() == 64 && !h.contains(code.as_str()))
    );
}

#[tokio::test]
async fn codes_expire_after_ten_minutes() {
    let (db, _dir) = file_db().await;
    let (code, code_browser) = request_code(&db, &mette(), &client("client"), NOW)
        .await
        .unwrap();
    let late = verify_code(
        &db,
        &mette(),
        &code_browser,
        code.as_str(),
        NOW + CODE_LIFETIME_SECONDS,
    )
    .await;
    assert!(matches!(late, Err(SignInError::NoValidCode)));
}

#[tokio::test]
async fn five_wrong_tries_lock_the_code_even_for_the_right_one() {
    let (db, _dir) = file_db().await;
    let (code, code_browser) = request_code(&db, &mette(), &client("client"), NOW)
        .await
        .unwrap();
    for left in (0..5).rev() {
        match verify_code(&db, &mette(), &code_browser, &wrong(&code), NOW + 1).await {
            Err(SignInError::WrongCode { tries_left }) => assert_eq!(tries_left, left),
            other => panic!("expected a wrong code, got {other:?}"),
        }
    }
    let sixth = verify_code(&db, &mette(), &code_browser, code.as_str(), NOW + 2).await;
    assert!(matches!(sixth, Err(SignInError::Locked)), "{sixth:?}");
}

#[tokio::test]
async fn parallel_guesses_get_no_more_than_five_comparisons() {
    let (db, _dir) = file_db().await;
    let (code, code_browser) = request_code(&db, &mette(), &client("client"), NOW)
        .await
        .unwrap();
    let mut guesses = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let (db, guess, browser) = (db.clone(), wrong(&code), code_browser.clone());
        guesses.spawn(async move { verify_code(&db, &mette(), &browser, &guess, NOW + 1).await });
    }
    let results = guesses.join_all().await;
    let compared = results
        .iter()
        .filter(|r| matches!(r, Err(SignInError::WrongCode { .. })))
        .count();
    let locked = results
        .iter()
        .filter(|r| matches!(r, Err(SignInError::Locked)))
        .count();
    assert_eq!((compared, locked), (5, 35));
}

#[tokio::test]
async fn malformed_input_costs_no_try() {
    let (db, _dir) = file_db().await;
    let (code, code_browser) = request_code(&db, &mette(), &client("client"), NOW)
        .await
        .unwrap();
    for _ in 0..10 {
        assert!(matches!(
            verify_code(&db, &mette(), &code_browser, "abc", NOW + 1).await,
            Err(SignInError::MalformedCode)
        ));
    }
    assert!(
        verify_code(&db, &mette(), &code_browser, code.as_str(), NOW + 2)
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn a_new_code_replaces_the_old_one() {
    let (db, _dir) = file_db().await;
    let (first, _) = request_code(&db, &mette(), &client("client"), NOW)
        .await
        .unwrap();
    let (second, second_browser) = request_code(&db, &mette(), &client("client"), NOW + 30)
        .await
        .unwrap();
    // The browser holds the newest secret; its first code no longer counts.
    if first != second {
        assert!(
            verify_code(&db, &mette(), &second_browser, first.as_str(), NOW + 40)
                .await
                .is_err()
        );
    }
    assert!(
        verify_code(&db, &mette(), &second_browser, second.as_str(), NOW + 41)
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn a_code_works_only_in_the_browser_that_asked_and_others_cannot_use_up_its_tries() {
    let (db, _dir) = file_db().await;
    let (code, mine) = request_code(&db, &mette(), &client("home"), NOW)
        .await
        .unwrap();
    // Someone else asks for a code for Mette's address and guesses with it, many times.
    let (other_code, theirs) = request_code(&db, &mette(), &client("elsewhere"), NOW + 1)
        .await
        .unwrap();
    for _ in 0..MAX_TRIES_PER_CODE + 3 {
        let _ = verify_code(&db, &mette(), &theirs, &wrong(&other_code), NOW + 2).await;
    }
    // Mette's own code is not theirs to try, and still has all its tries.
    if code != other_code {
        assert!(matches!(
            verify_code(&db, &mette(), &theirs, code.as_str(), NOW + 3).await,
            Err(SignInError::Locked | SignInError::WrongCode { .. })
        ));
    }
    assert!(
        verify_code(&db, &mette(), &mine, code.as_str(), NOW + 4)
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn too_many_wrong_codes_on_the_site_pause_checking_for_an_hour() {
    let (db, _dir) = file_db().await;
    let per_code = MAX_TRIES_PER_CODE;
    let codes = FAILED_TRIES_PER_HOUR_SITE_WIDE / per_code;
    for n in 0..codes {
        let email = EmailAddress::parse(&format!("r{n}@example.org")).unwrap();
        let (code, browser) = request_code(&db, &email, &client(&format!("c{n}")), NOW)
            .await
            .unwrap();
        for _ in 0..per_code {
            let _ = verify_code(&db, &email, &browser, &wrong(&code), NOW + 1).await;
        }
    }
    let (code, browser) = request_code(&db, &mette(), &client("honest"), NOW + 2)
        .await
        .unwrap();
    assert!(matches!(
        verify_code(&db, &mette(), &browser, code.as_str(), NOW + 3).await,
        Err(SignInError::Paused { .. })
    ));
    // An hour after those codes were asked for (and ten minutes for them to run out), checking
    // works again.
    let later = NOW + 3600 + CODE_LIFETIME_SECONDS + 1;
    let (code, browser) = request_code(&db, &mette(), &client("honest"), later)
        .await
        .unwrap();
    assert!(
        verify_code(&db, &mette(), &browser, code.as_str(), later + 1)
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn codes_are_rate_limited_per_address_and_per_client() {
    let (db, _dir) = file_db().await;
    for i in 0..CODES_PER_ADDRESS_PER_HOUR {
        request_code(&db, &mette(), &client(&format!("client-{i}")), NOW + i)
            .await
            .unwrap();
    }
    match request_code(&db, &mette(), &client("another-client"), NOW + 100).await {
        Err(SignInError::RateLimited { retry_after }) => assert_eq!(retry_after, 3600 - 100),
        other => panic!("expected a rate limit, got {other:?}"),
    }
    // An hour after the first code, the address may ask again.
    assert!(
        request_code(&db, &mette(), &client("another-client"), NOW + 3600)
            .await
            .is_ok()
    );

    for i in 0..CODES_PER_CLIENT_PER_HOUR {
        let email = EmailAddress::parse(&format!("r{i}@example.org")).unwrap();
        request_code(&db, &email, &client("busy-client"), NOW)
            .await
            .unwrap();
    }
    let one_more = EmailAddress::parse("last@example.org").unwrap();
    assert!(matches!(
        request_code(&db, &one_more, &client("busy-client"), NOW).await,
        Err(SignInError::RateLimited { .. })
    ));
}

#[tokio::test]
async fn sessions_are_renewed_at_sign_in_and_end_at_sign_out() {
    let (db, _dir) = file_db().await;
    let resident = db
        .resident_for_email("mette@example.org", NOW)
        .await
        .unwrap();
    let first = start_session(&db, resident, None, NOW).await.unwrap();
    assert_eq!(
        session_resident(&db, &first, NOW + 1).await.unwrap(),
        Some(resident)
    );
    let second = start_session(&db, resident, Some(&first), NOW + 2)
        .await
        .unwrap();
    assert_eq!(
        session_resident(&db, &first, NOW + 3).await.unwrap(),
        None,
        "the old token is void"
    );
    assert_eq!(
        session_resident(&db, &second, NOW + 3).await.unwrap(),
        Some(resident)
    );
    let expired = NOW + 2 + SESSION_LIFETIME_SECONDS;
    assert_eq!(session_resident(&db, &second, expired).await.unwrap(), None);
    end_session(&db, &second).await.unwrap();
    assert_eq!(session_resident(&db, &second, NOW + 4).await.unwrap(), None);
}

#[test]
fn client_tags_hide_the_address() {
    let tagger = ClientTagger::default();
    let tag = tagger.tag("192.0.2.7");
    assert_eq!(tag.as_str().len(), 64);
    // Hex digits only: the address's dots cannot be in it (its digits may, by chance: the
    // hash is random, one in 70 of them holds "192" somewhere).
    assert!(tag.as_str().bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(tagger.tag("192.0.2.7"), tag);
    assert_ne!(
        ClientTagger::default().tag("192.0.2.7"),
        tag,
        "salted per process"
    );
}

#[tokio::test]
async fn an_ended_session_is_over_at_once_and_one_ended_elsewhere_within_the_recheck() {
    let (db, _dir) = file_db().await;
    let resident = db
        .resident_for_email("mette@example.org", NOW)
        .await
        .unwrap();
    let token = start_session(&db, resident, None, NOW).await.unwrap();
    // Looked up once, then answered from memory.
    assert_eq!(
        session_resident(&db, &token, NOW).await.unwrap(),
        Some(resident)
    );
    assert_eq!(
        session_resident(&db, &token, NOW + 1).await.unwrap(),
        Some(resident)
    );

    // Signing out ends it at once.
    end_session(&db, &token).await.unwrap();
    assert_eq!(session_resident(&db, &token, NOW + 2).await.unwrap(), None);

    // A new sign-in replaces the old session at once.
    let first = start_session(&db, resident, None, NOW).await.unwrap();
    assert!(session_resident(&db, &first, NOW).await.unwrap().is_some());
    let second = start_session(&db, resident, Some(&first), NOW + 3)
        .await
        .unwrap();
    assert_eq!(session_resident(&db, &first, NOW + 3).await.unwrap(), None);
    assert_eq!(
        session_resident(&db, &second, NOW + 3).await.unwrap(),
        Some(resident)
    );

    // Deleting the account ends every session of it at once.
    assert!(db.delete_resident(resident, NOW + 4).await.unwrap());
    assert_eq!(session_resident(&db, &second, NOW + 4).await.unwrap(), None);

    // A session ended by another process (here: straight in the database) is believed for at
    // most the recheck interval, and an expired one never.
    let other = db.resident_for_email("ole@example.org", NOW).await.unwrap();
    let token = start_session(&db, other, None, NOW).await.unwrap();
    assert!(session_resident(&db, &token, NOW).await.unwrap().is_some());
    sqlx::query("DELETE FROM sessions")
        .execute(db.pool())
        .await
        .unwrap();
    let recheck = crate::storage::SESSION_RECHECK_SECONDS;
    assert!(
        session_resident(&db, &token, NOW + recheck - 1)
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(
        session_resident(&db, &token, NOW + recheck).await.unwrap(),
        None
    );
    let expiring = start_session(&db, other, None, NOW).await.unwrap();
    assert!(
        session_resident(&db, &expiring, NOW)
            .await
            .unwrap()
            .is_some()
    );
    let end = NOW + SESSION_LIFETIME_SECONDS;
    assert_eq!(session_resident(&db, &expiring, end).await.unwrap(), None);
}
