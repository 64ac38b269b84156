//! Passwords, login with lockout, and staff sessions.

use std::fmt;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use super::{StaffMember, StaffRole, Username};
use crate::signin::SessionToken;
use crate::storage::{Db, StorageError};

/// A new password: at least 12 characters (a passphrase is easier than symbols), at most
/// 1 000. Never printed.
pub struct Password(String);

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(******)")
    }
}

impl Password {
    pub const MIN_CHARS: usize = 12;

    pub fn parse(input: &str) -> Option<Password> {
        let n = input.chars().count();
        (Self::MIN_CHARS..=1000)
            .contains(&n)
            .then(|| Password(input.to_owned()))
    }
}

/// Hashes a password with argon2id (the crate's defaults: 19 MiB, 2 passes). CPU-bound: call it
/// off the async threads.
pub fn hash_password(password: &Password) -> String {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).expect("the operating system's random source works");
    let salt = SaltString::encode_b64(&salt).expect("16 bytes make a valid salt");
    Argon2::default()
        .hash_password(password.0.as_bytes(), &salt)
        .expect("argon2 with default parameters hashes any input")
        .to_string()
}

/// Hashes on tokio's blocking threads, so a slow hash holds up no other request.
pub async fn hash_off_thread(password: Password) -> Result<String, StorageError> {
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|_| StorageError::Unavailable("password hashing failed"))
}

/// Whether `candidate` is the password of `hash`. CPU-bound, like hashing.
pub fn verify_password(hash: &str, candidate: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(candidate.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Failed logins in a row before an account is locked.
pub const FAILURES_BEFORE_LOCK: i64 = 5;
/// Failures are forgotten this long after the last one, so an occasional wrong password (or
/// someone else's) never adds up to a lock.
pub const FAILURE_MEMORY_SECONDS: i64 = 3600;

/// How long an account stays locked after its `failures`-th failure in a row: a minute after
/// the fifth, doubling with each further one, at most an hour.
pub fn lock_seconds(failures: i64) -> i64 {
    if failures < FAILURES_BEFORE_LOCK {
        return 0;
    }
    let doublings = (failures - FAILURES_BEFORE_LOCK).min(6) as u32;
    (60 * 2i64.pow(doublings)).min(3600)
}

/// How long a staff session lasts: a working day and some.
pub const STAFF_SESSION_SECONDS: i64 = crate::retention::STAFF_SESSION_SECONDS;

#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    #[error("wrong username or password")]
    BadCredentials,
    #[error("locked until {until}")]
    Locked { until: i64 },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// A hash of a password nobody has, checked when the username is unknown, so a wrong name
/// takes as long as a wrong password and does not reveal which names exist.
const DECOY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$0f2dwEVRQkgcpiSPQ5ukCc1+ejJBwfd7rpuRpBbaEWY";

async fn verify_off_thread(hash: String, candidate: String) -> bool {
    tokio::task::spawn_blocking(move || verify_password(&hash, &candidate))
        .await
        .unwrap_or(false)
}

/// Checks a login. Each failure counts against the account, and from the fifth in a row (within
/// an hour of each other) it is locked for a time that doubles; while locked, even the right
/// password is refused. The password is checked in every case, so a locked account, a
/// disabled one and an unknown name take as long as a wrong password; callers show `Locked`
/// as a wrong password too, so names cannot be probed.
pub async fn login(
    db: &Db,
    username: &str,
    password: &str,
    now: i64,
) -> Result<StaffMember, LoginError> {
    let account = match Username::parse(username) {
        Some(name) => db.staff_account(name.as_str()).await?,
        None => None,
    };
    let Some(account) = account.filter(|a| a.disabled_at.is_none()) else {
        verify_off_thread(DECOY_HASH.to_owned(), password.to_owned()).await;
        return Err(LoginError::BadCredentials);
    };
    let right = verify_off_thread(account.password_hash.clone(), password.to_owned()).await;
    if let Some(until) = account.locked_until.filter(|until| *until > now) {
        // Tries while locked do not count: they would only lengthen the lock.
        return Err(LoginError::Locked { until });
    }
    if !right {
        let recent = account
            .last_failure_at
            .is_some_and(|at| now - at < FAILURE_MEMORY_SECONDS);
        let failures = if recent { account.failed_logins } else { 0 } + 1;
        let lock = lock_seconds(failures);
        db.record_staff_failure(account.id, failures, (lock > 0).then_some(now + lock), now)
            .await?;
        return Err(LoginError::BadCredentials);
    }
    db.record_staff_success(account.id).await?;
    let role = StaffRole::parse(&account.role)
        .ok_or_else(|| StorageError::InvalidRow(format!("staff {}: role", account.id)))?;
    Ok(StaffMember {
        id: account.id,
        username: account.username,
        role,
    })
}

/// Starts a staff session, ending the one the browser had (a new token at every login).
pub async fn start_staff_session(
    db: &Db,
    staff: &StaffMember,
    old: Option<&SessionToken>,
    now: i64,
) -> Result<SessionToken, StorageError> {
    if let Some(old) = old {
        db.delete_staff_session(&old.staff_hash()).await?;
    }
    let token = SessionToken::new_random();
    db.insert_staff_session(
        &token.staff_hash(),
        staff.id,
        now,
        now + STAFF_SESSION_SECONDS,
    )
    .await?;
    Ok(token)
}

/// The staff member a session token belongs to, if the session is live and the account enabled.
pub async fn staff_session(
    db: &Db,
    token: &SessionToken,
    now: i64,
) -> Result<Option<StaffMember>, StorageError> {
    db.staff_session(&token.staff_hash(), now).await
}

pub async fn end_staff_session(db: &Db, token: &SessionToken) -> Result<(), StorageError> {
    db.delete_staff_session(&token.staff_hash()).await
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
