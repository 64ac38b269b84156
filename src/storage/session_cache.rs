//! The live sessions the server looked up lately, so that a signed-in resident's every page and
//! support does not ask the database who they are (a round trip to SQLite's thread each time,
//! the largest part of a signed-in page kept in memory).
//!
//! What ends a session in this process (signing out, deleting the account) forgets it at once.
//! A session ended by another process (the command line, a restored backup) is believed for at
//! most [`RECHECK_SECONDS`] more; an expired one never. A lookup that started before a session
//! was forgotten does not put it back: every forgetting moves a generation on, and only a lookup
//! of the current generation is kept.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::resident::ResidentId;

/// How long a looked-up session is believed without asking the database again.
pub const RECHECK_SECONDS: i64 = 30;

/// At most this many sessions are kept (about 100 bytes each); when full, all are dropped and
/// looked up again, which costs one query each.
const MAX_SESSIONS: usize = 100_000;

#[derive(Debug, Default)]
pub(crate) struct SessionCache {
    sessions: Mutex<HashMap<String, Known>>,
    generation: AtomicU64,
}

#[derive(Debug, Clone, Copy)]
struct Known {
    resident: ResidentId,
    expires_at: i64,
    checked_at: i64,
}

impl SessionCache {
    fn sessions(&self) -> std::sync::MutexGuard<'_, HashMap<String, Known>> {
        // Plain data: a panic elsewhere while holding the lock leaves nothing half-done.
        self.sessions
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The resident of a session looked up lately and still live at `now`.
    pub(crate) fn get(&self, token_hash: &str, now: i64) -> Option<ResidentId> {
        let known = *self.sessions().get(token_hash)?;
        (known.expires_at > now && now - known.checked_at < RECHECK_SECONDS)
            .then_some(known.resident)
    }

    /// The generation to pass to [`SessionCache::put`] for a lookup starting now.
    pub(crate) fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Keeps what a lookup that started in `generation` found, unless something was forgotten
    /// since.
    pub(crate) fn put(
        &self,
        generation: u64,
        token_hash: &str,
        resident: ResidentId,
        expires_at: i64,
        now: i64,
    ) {
        let mut sessions = self.sessions();
        if self.generation.load(Ordering::Acquire) != generation {
            return;
        }
        if sessions.len() >= MAX_SESSIONS {
            sessions.clear();
        }
        sessions.insert(
            token_hash.to_owned(),
            Known {
                resident,
                expires_at,
                checked_at: now,
            },
        );
    }

    /// Forgets one session (signed out).
    pub(crate) fn forget(&self, token_hash: &str) {
        let mut sessions = self.sessions();
        self.generation.fetch_add(1, Ordering::AcqRel);
        sessions.remove(token_hash);
    }

    /// Forgets every session of a resident (their account deleted).
    pub(crate) fn forget_resident(&self, resident: ResidentId) {
        let mut sessions = self.sessions();
        self.generation.fetch_add(1, Ordering::AcqRel);
        sessions.retain(|_, known| known.resident != resident);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_is_believed_until_it_expires_or_is_due_a_recheck() {
        let cache = SessionCache::default();
        cache.put(cache.generation(), "h", ResidentId(7), 1_000, 100);
        assert_eq!(cache.get("h", 100), Some(ResidentId(7)));
        assert_eq!(
            cache.get("h", 100 + RECHECK_SECONDS - 1),
            Some(ResidentId(7))
        );
        assert_eq!(cache.get("h", 100 + RECHECK_SECONDS), None, "asked again");
        cache.put(cache.generation(), "h", ResidentId(7), 1_000, 990);
        assert_eq!(cache.get("h", 1_000), None, "expired");
        assert_eq!(cache.get("other", 100), None);
    }

    #[test]
    fn a_lookup_from_before_a_sign_out_is_not_kept() {
        let cache = SessionCache::default();
        let before = cache.generation();
        cache.forget("h");
        cache.put(before, "h", ResidentId(7), 1_000, 100);
        assert_eq!(cache.get("h", 100), None);
        cache.put(cache.generation(), "h", ResidentId(7), 1_000, 100);
        cache.put(cache.generation(), "k", ResidentId(8), 1_000, 100);
        cache.forget_resident(ResidentId(7));
        assert_eq!(cache.get("h", 100), None);
        assert_eq!(cache.get("k", 100), Some(ResidentId(8)));
    }
}
