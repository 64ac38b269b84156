//! Signing in with a one-time code sent by e-mail, and the sessions that follow.
//!
//! Codes are six digits, live ten minutes, and are stored only as hashes. A code allows five
//! comparisons in all: each try is counted before the code is compared, so parallel guesses
//! cannot get more. An address and a client may ask for a limited number of codes an hour.
//! Nothing here tells whether an address belongs to a known resident: every well-formed
//! address gets a code, and the resident is created when the code is used.

use sha2::{Digest, Sha256};

use crate::resident::{EmailAddress, ResidentId};
use crate::storage::{Db, StorageError};

pub const CODE_LIFETIME_SECONDS: i64 = 10 * 60;
pub const SESSION_LIFETIME_SECONDS: i64 = crate::retention::RESIDENT_SESSION_SECONDS;
pub use crate::limits::{
    CODES_PER_ADDRESS_PER_HOUR, CODES_PER_CLIENT_PER_HOUR, FAILED_TRIES_PER_HOUR_SITE_WIDE,
    MAX_TRIES_PER_CODE,
};
const HOUR: i64 = 3600;

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("too many codes asked for; try again in {retry_after} seconds")]
    RateLimited { retry_after: i64 },
    #[error("the code is not six digits")]
    MalformedCode,
    #[error("wrong code; {tries_left} tries left")]
    WrongCode { tries_left: i64 },
    #[error("the code has been tried too many times")]
    Locked,
    #[error("there is no valid code for this address; it expired or was used")]
    NoValidCode,
    #[error("too many wrong codes on the site; checking is paused for {retry_after} seconds")]
    Paused { retry_after: i64 },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl SignInError {
    pub fn status_code(&self) -> u16 {
        match self {
            SignInError::RateLimited { .. } | SignInError::Paused { .. } => 429,
            SignInError::MalformedCode | SignInError::WrongCode { .. } => 400,
            SignInError::Locked | SignInError::NoValidCode => 400,
            SignInError::Storage(e) => e.status_code(),
        }
    }
}

/// A six-digit one-time code as the resident reads it in the mail.
#[derive(Clone, PartialEq, Eq)]
pub struct SignInCode(String);

impl std::fmt::Debug for SignInCode {
    // Codes are secrets: never in logs by accident.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SignInCode(******)")
    }
}

impl SignInCode {
    pub fn generate() -> SignInCode {
        // Rejection sampling keeps every code equally likely.
        loop {
            let n = u32::from_le_bytes(random_bytes::<4>());
            if n < 4_294_000_000 {
                return SignInCode(format!("{:06}", n % 1_000_000));
            }
        }
    }

    /// Reads what was typed: spaces and dashes are ignored ("123 456" works on phones).
    pub fn parse(input: &str) -> Option<SignInCode> {
        let digits: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        (digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then_some(SignInCode(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Salted with the address, so one precomputed table does not fit every address.
    fn hash_for(&self, email: &EmailAddress) -> String {
        sha256_hex(&format!("sign-in-code:{}:{}", email.as_str(), self.0))
    }
}

/// The secret a session cookie carries. Only its hash is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

impl std::fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionToken(******)")
    }
}

impl SessionToken {
    fn generate() -> SessionToken {
        SessionToken(hex(&random_bytes::<32>()))
    }

    /// Reads a token from a cookie; anything that is not 64 hex digits is no token.
    pub fn parse(value: &str) -> Option<SessionToken> {
        (value.len() == 64
            && value
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()))
        .then(|| SessionToken(value.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn hash(&self) -> String {
        sha256_hex(&format!("session:{}", self.0))
    }

    /// A new random token (for staff sessions; residents get theirs at sign-in).
    pub fn new_random() -> SessionToken {
        SessionToken::generate()
    }

    /// The stored form of a staff session's token: hashed apart from residents' tokens.
    pub(crate) fn staff_hash(&self) -> String {
        sha256_hex(&format!("staff:{}", self.0))
    }
}

/// The secret a draft cookie carries. Like a session token, only its hash is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct DraftToken(SessionToken);

impl std::fmt::Debug for DraftToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DraftToken(******)")
    }
}

impl DraftToken {
    pub fn generate() -> DraftToken {
        DraftToken(SessionToken::generate())
    }

    pub fn parse(value: &str) -> Option<DraftToken> {
        SessionToken::parse(value).map(DraftToken)
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    pub(crate) fn hash(&self) -> String {
        sha256_hex(&format!("draft:{}", self.0.0))
    }
}

/// The secret that binds a code to the browser that asked for it, kept in that browser's
/// sign-in cookie; only its hash is stored with the code.
#[derive(Clone, PartialEq, Eq)]
pub struct SignInBrowser(SessionToken);

impl std::fmt::Debug for SignInBrowser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SignInBrowser(******)")
    }
}

impl SignInBrowser {
    pub fn parse(value: &str) -> Option<SignInBrowser> {
        SessionToken::parse(value).map(SignInBrowser)
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    fn hash(&self) -> String {
        sha256_hex(&format!("sign-in-browser:{}", self.0.0))
    }
}

/// Identifies a client for rate limiting without storing its address: a hash of the address
/// with a salt that lives only in the running process.
#[derive(Clone)]
pub struct ClientTagger {
    salt: [u8; 32],
}

impl Default for ClientTagger {
    fn default() -> Self {
        ClientTagger {
            salt: random_bytes::<32>(),
        }
    }
}

impl ClientTagger {
    pub fn tag(&self, client_address: &str) -> ClientTag {
        let mut hasher = Sha256::new();
        hasher.update(self.salt);
        hasher.update(client_address.as_bytes());
        ClientTag(hex(&hasher.finalize()))
    }
}

/// A client as rate limits know it: a salted hash of its address.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClientTag(String);

impl ClientTag {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Makes a code for `email`, bound to the browser that asks (the returned secret goes into its
/// cookie), unless the address or the client has asked for too many lately. The caller mails
/// the code; it is not kept anywhere in clear.
#[tracing::instrument(skip_all)]
pub async fn request_code(
    db: &Db,
    email: &EmailAddress,
    client: &ClientTag,
    now: i64,
) -> Result<(SignInCode, SignInBrowser), SignInError> {
    let since = now - HOUR;
    let recent = [
        (
            db.sign_in_codes_for_address_since(email.as_str(), since)
                .await?,
            CODES_PER_ADDRESS_PER_HOUR,
        ),
        (
            db.sign_in_codes_for_client_since(client.as_str(), since)
                .await?,
            CODES_PER_CLIENT_PER_HOUR,
        ),
    ];
    for ((count, oldest), limit) in recent {
        if count >= limit {
            return Err(SignInError::RateLimited {
                retry_after: (oldest + HOUR - now).max(1),
            });
        }
    }
    let code = SignInCode::generate();
    let browser = SignInBrowser(SessionToken::generate());
    db.insert_sign_in_code(
        email.as_str(),
        &code.hash_for(email),
        client.as_str(),
        &browser.hash(),
        now,
        now + CODE_LIFETIME_SECONDS,
    )
    .await?;
    Ok((code, browser))
}

/// Checks a typed code against the newest valid code this browser asked for `email`. On
/// success the code is used up and the resident (created now if new) is returned. While the
/// site has seen too many wrong codes this hour, nothing is checked.
#[tracing::instrument(skip_all)]
pub async fn verify_code(
    db: &Db,
    email: &EmailAddress,
    browser: &SignInBrowser,
    typed: &str,
    now: i64,
) -> Result<ResidentId, SignInError> {
    let code = SignInCode::parse(typed).ok_or(SignInError::MalformedCode)?;
    // Codes live ten minutes, so those asked for in the last 70 minutes hold every wrong try
    // of the last hour.
    let window = HOUR + CODE_LIFETIME_SECONDS;
    if db.failed_sign_in_tries_since(now - window).await? >= FAILED_TRIES_PER_HOUR_SITE_WIDE {
        return Err(SignInError::Paused {
            retry_after: CODE_LIFETIME_SECONDS,
        });
    }
    let Some(open) = db
        .newest_open_sign_in_code(email.as_str(), &browser.hash(), now)
        .await?
    else {
        return Err(SignInError::NoValidCode);
    };
    // Count the try before comparing: at most MAX_TRIES_PER_CODE comparisons, even in parallel.
    let Some((stored_hash, tries)) = db.take_sign_in_try(open, MAX_TRIES_PER_CODE).await? else {
        return Err(SignInError::Locked);
    };
    if !constant_time_eq(stored_hash.as_bytes(), code.hash_for(email).as_bytes()) {
        return Err(SignInError::WrongCode {
            tries_left: MAX_TRIES_PER_CODE - tries,
        });
    }
    if !db.use_sign_in_code(open, now).await? {
        return Err(SignInError::NoValidCode);
    }
    Ok(db.resident_for_email(email.as_str(), now).await?)
}

/// Starts a session for a resident who just signed in, ending the one they had (a new token at
/// every sign-in, so a token seen before sign-in is worth nothing after).
pub async fn start_session(
    db: &Db,
    resident: ResidentId,
    previous: Option<&SessionToken>,
    now: i64,
) -> Result<SessionToken, SignInError> {
    if let Some(previous) = previous {
        db.delete_session(&previous.hash()).await?;
    }
    let token = SessionToken::generate();
    db.insert_session(&token.hash(), resident, now, now + SESSION_LIFETIME_SECONDS)
        .await?;
    Ok(token)
}

/// The resident a session cookie belongs to, if the session is still valid.
pub async fn session_resident(
    db: &Db,
    token: &SessionToken,
    now: i64,
) -> Result<Option<ResidentId>, SignInError> {
    Ok(db.session_resident(&token.hash(), now).await?)
}

pub async fn end_session(db: &Db, token: &SessionToken) -> Result<(), SignInError> {
    Ok(db.delete_session(&token.hash()).await?)
}

/// A random number for a visitor's own random order of ideas.
pub fn random_seed() -> u32 {
    u32::from_le_bytes(random_bytes::<4>())
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system's random source works");
    bytes
}

fn sha256_hex(input: &str) -> String {
    hex(&Sha256::digest(input.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests;
