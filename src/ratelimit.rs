//! Counting how often someone does something, to refuse floods politely. In memory, per
//! process: limits protect the service, they are not records, and a restart forgetting them
//! is harmless.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// The address limits count a client by: IPv4-mapped IPv6 as the IPv4 address it is, and IPv6
/// by its /64 prefix, since one home or phone gets a whole /64 and can take a new address from
/// it for every request.
pub fn client_key(address: std::net::IpAddr) -> std::net::IpAddr {
    use std::net::{IpAddr, Ipv6Addr};
    match address.to_canonical() {
        IpAddr::V6(v6) => {
            let prefix = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(Ipv6Addr::from(prefix))
        }
        v4 => v4,
    }
}

/// At most `max` events in any `per_seconds` window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max: usize,
    pub per_seconds: i64,
}

#[derive(Debug, Default)]
pub struct RateLimiter {
    events: Mutex<HashMap<String, VecDeque<i64>>>,
    off: bool,
}

/// Keys kept before old ones are swept out, so memory stays bounded under any load.
const SWEEP_ABOVE: usize = 50_000;

impl RateLimiter {
    /// Counts one event for `key` at `now` (seconds) if it is within `limit`; otherwise counts
    /// nothing and says how many seconds until it would be.
    /// A limiter that allows everything: for load tests on loopback, where one address
    /// stands for thousands of clients.
    pub fn off() -> RateLimiter {
        RateLimiter {
            off: true,
            ..RateLimiter::default()
        }
    }

    pub fn check(&self, key: &str, limit: Limit, now: i64) -> Result<(), i64> {
        if self.off {
            return Ok(());
        }
        let mut events = self
            .events
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if events.len() > SWEEP_ABOVE {
            events.retain(|_, times| times.back().is_some_and(|last| now - last < 3600));
        }
        let times = events.entry(key.to_owned()).or_default();
        while times
            .front()
            .is_some_and(|first| now - first >= limit.per_seconds)
        {
            times.pop_front();
        }
        if times.len() >= limit.max {
            let oldest = times.front().copied().unwrap_or(now);
            return Err((oldest + limit.per_seconds - now).max(1));
        }
        times.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const THREE_A_MINUTE: Limit = Limit {
        max: 3,
        per_seconds: 60,
    };

    #[test]
    fn ipv6_counts_by_its_64_prefix_and_mapped_ipv4_as_ipv4() {
        let key = |s: &str| client_key(s.parse().unwrap()).to_string();
        assert_eq!(key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::");
        assert_eq!(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff::9"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_eq!(key("::ffff:192.0.2.7"), "192.0.2.7");
        assert_eq!(key("192.0.2.7"), "192.0.2.7");
    }

    #[test]
    fn allows_up_to_the_limit_then_says_when_to_return() {
        let limiter = RateLimiter::default();
        for t in [0, 10, 20] {
            assert_eq!(limiter.check("r1", THREE_A_MINUTE, t), Ok(()));
        }
        assert_eq!(limiter.check("r1", THREE_A_MINUTE, 30), Err(30));
        assert_eq!(limiter.check("r1", THREE_A_MINUTE, 59), Err(1));
        // The first event has left the window.
        assert_eq!(limiter.check("r1", THREE_A_MINUTE, 60), Ok(()));
        assert_eq!(limiter.check("r1", THREE_A_MINUTE, 61), Err(9));
    }

    #[test]
    fn keys_are_counted_apart_and_refusals_do_not_count() {
        let limiter = RateLimiter::default();
        for _ in 0..3 {
            limiter.check("a", THREE_A_MINUTE, 0).unwrap();
        }
        for _ in 0..100 {
            assert!(limiter.check("a", THREE_A_MINUTE, 1).is_err());
        }
        assert_eq!(limiter.check("b", THREE_A_MINUTE, 1), Ok(()));
        assert_eq!(
            limiter.check("a", THREE_A_MINUTE, 60),
            Ok(()),
            "refusals did not extend the wait"
        );
    }

    #[test]
    fn memory_stays_bounded() {
        let limiter = RateLimiter::default();
        for n in 0..(SWEEP_ABOVE + 10) {
            limiter.check(&format!("k{n}"), THREE_A_MINUTE, 0).unwrap();
        }
        limiter.check("late", THREE_A_MINUTE, 7200).unwrap();
        assert!(limiter.events.lock().unwrap().len() < 10);
    }
}
