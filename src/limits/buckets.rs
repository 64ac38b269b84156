//! The buckets behind the limits: one `governor` keyed limiter per limit, and the set of them
//! the server functions share.

use std::hash::Hash;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

use super::Limit;
use crate::resident::ResidentId;
use crate::signin::ClientTag;

/// Keys remembered before those whose bucket is full again are forgotten, so memory stays
/// bounded under any load.
const FORGET_ABOVE: usize = 100_000;

type Keyed<K, C> =
    RateLimiter<K, DefaultKeyedStateStore<K>, C, NoOpMiddleware<<C as Clock>::Instant>>;

/// One limit, counted per key (a resident, a client). Switched off, it allows everything: for
/// load tests on loopback, where one address stands for thousands of clients.
pub struct Bucket<K: Hash + Eq + Clone, C: Clock = DefaultClock> {
    limiter: Option<Keyed<K, C>>,
}

impl<K: Hash + Eq + Clone> Bucket<K> {
    pub fn new(limit: Limit, on: bool) -> Bucket<K> {
        Bucket::with_clock(limit, on, DefaultClock::default())
    }
}

impl<K: Hash + Eq + Clone, C: Clock> Bucket<K, C> {
    /// A bucket on a given clock (tests move a fake one).
    pub fn with_clock(limit: Limit, on: bool, clock: C) -> Bucket<K, C> {
        let nonzero = |n: u32| NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN);
        let refill = Duration::from_secs(u64::from(limit.per_seconds.max(1)));
        let quota = Quota::with_period(refill / limit.max.max(1))
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
            .allow_burst(nonzero(limit.max));
        Bucket {
            limiter: on.then(|| RateLimiter::new(quota, DefaultKeyedStateStore::default(), clock)),
        }
    }

    /// Counts one for `key` if its bucket has room; otherwise counts nothing and says how many
    /// whole seconds until it has.
    pub fn check(&self, key: &K) -> Result<(), i64> {
        let Some(limiter) = &self.limiter else {
            return Ok(());
        };
        if limiter.len() > FORGET_ABOVE {
            limiter.retain_recent();
        }
        limiter.check_key(key).map_err(|not_until| {
            let wait = not_until.wait_time_from(limiter.clock().now());
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            i64::try_from(seconds).unwrap_or(i64::MAX).max(1)
        })
    }
}

/// The limits the server functions apply, one bucket each.
pub struct Limits {
    pub supports_per_resident: Bucket<ResidentId>,
    pub supports_per_client: Bucket<ClientTag>,
    pub ideas_per_resident: Bucket<ResidentId>,
    pub ideas_per_client: Bucket<ClientTag>,
    pub draft_saves_per_client: Bucket<ClientTag>,
    pub reports_per_resident: Bucket<ResidentId>,
    pub staff_logins_per_client: Bucket<ClientTag>,
    pub arguments_per_resident: Bucket<ResidentId>,
    pub helpful_per_resident: Bucket<ResidentId>,
}

impl Limits {
    /// Every limit counted (`on`), or none (load tests only).
    pub fn new(on: bool) -> Limits {
        use super::*;
        Limits {
            supports_per_resident: Bucket::new(SUPPORTS_PER_RESIDENT, on),
            supports_per_client: Bucket::new(SUPPORTS_PER_CLIENT, on),
            ideas_per_resident: Bucket::new(IDEAS_PER_RESIDENT, on),
            ideas_per_client: Bucket::new(IDEAS_PER_CLIENT, on),
            draft_saves_per_client: Bucket::new(DRAFT_SAVES_PER_CLIENT, on),
            reports_per_resident: Bucket::new(REPORTS_PER_RESIDENT, on),
            staff_logins_per_client: Bucket::new(STAFF_LOGINS_PER_CLIENT, on),
            arguments_per_resident: Bucket::new(ARGUMENTS_PER_RESIDENT, on),
            helpful_per_resident: Bucket::new(HELPFUL_PER_RESIDENT, on),
        }
    }
}

#[cfg(test)]
mod tests {
    use governor::clock::FakeRelativeClock;

    use super::*;

    const THREE_A_MINUTE: Limit = Limit {
        max: 3,
        per_seconds: 60,
    };

    #[test]
    fn allows_a_burst_then_one_per_share_of_the_period() {
        let clock = FakeRelativeClock::default();
        let bucket = Bucket::with_clock(THREE_A_MINUTE, true, clock.clone());
        for _ in 0..3 {
            assert_eq!(bucket.check(&"r1"), Ok(()));
        }
        // Empty: one more comes back every 20 seconds.
        assert_eq!(bucket.check(&"r1"), Err(20));
        clock.advance(Duration::from_secs(19));
        assert_eq!(bucket.check(&"r1"), Err(1));
        clock.advance(Duration::from_secs(1));
        assert_eq!(bucket.check(&"r1"), Ok(()));
        assert!(bucket.check(&"r1").is_err());
        // A minute later the whole burst is back.
        clock.advance(Duration::from_secs(60));
        for _ in 0..3 {
            assert_eq!(bucket.check(&"r1"), Ok(()));
        }
    }

    #[test]
    fn keys_are_counted_apart_and_refusals_do_not_count() {
        let clock = FakeRelativeClock::default();
        let bucket = Bucket::with_clock(THREE_A_MINUTE, true, clock.clone());
        for _ in 0..3 {
            bucket.check(&"a").unwrap();
        }
        for _ in 0..100 {
            assert!(bucket.check(&"a").is_err());
        }
        assert_eq!(bucket.check(&"b"), Ok(()));
        clock.advance(Duration::from_secs(20));
        assert_eq!(bucket.check(&"a"), Ok(()));
    }

    #[test]
    fn switched_off_allows_everything() {
        let bucket = Bucket::new(THREE_A_MINUTE, false);
        for _ in 0..1000 {
            assert_eq!(bucket.check(&1), Ok(()));
        }
    }

    #[test]
    fn memory_stays_bounded_under_many_keys() {
        let clock = FakeRelativeClock::default();
        let bucket = Bucket::with_clock(THREE_A_MINUTE, true, clock.clone());
        for key in 0..FORGET_ABOVE as u64 + 10 {
            bucket.check(&key).unwrap();
        }
        clock.advance(Duration::from_secs(61));
        bucket.check(&u64::MAX).unwrap();
        let limiter = bucket.limiter.as_ref().unwrap();
        assert!(limiter.len() < 10, "{} keys kept", limiter.len());
    }
}
