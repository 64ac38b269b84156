//! Every limit on how often someone may do something, in one place, and the one limiter that
//! counts them.
//!
//! Limits protect the service and the other residents; they are not records. The in-memory
//! buckets forget on restart, which is harmless. Sign-in codes are the exception: they are
//! counted from the codes stored anyway, so a restart cannot reset them.
//!
//! A [`Limit`] is a bucket (GCRA, from the `governor` crate): `max` at once, refilled evenly
//! over `per_seconds`. After a burst of `max`, one more is allowed every `per_seconds / max`
//! seconds, so a steady pace of `max` per `per_seconds` is never refused.

/// At most `max` at once, refilled evenly over `per_seconds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max: u32,
    pub per_seconds: u32,
}

const HOUR: u32 = 3600;

/// Support changes one resident may make: plenty for reading through a list and pressing.
pub const SUPPORTS_PER_RESIDENT: Limit = Limit {
    max: 60,
    per_seconds: 600,
};
/// Support changes from one client address (a school or an office shares one).
pub const SUPPORTS_PER_CLIENT: Limit = Limit {
    max: 600,
    per_seconds: 600,
};
/// Ideas one resident may send: a person with many ideas is welcome, a script is not.
pub const IDEAS_PER_RESIDENT: Limit = Limit {
    max: 10,
    per_seconds: HOUR,
};
/// Ideas sent from one client address.
pub const IDEAS_PER_CLIENT: Limit = Limit {
    max: 30,
    per_seconds: HOUR,
};
/// Proposal form steps saved from one client address (each step saves the draft).
pub const DRAFT_SAVES_PER_CLIENT: Limit = Limit {
    max: 120,
    per_seconds: 600,
};
/// Ideas one resident may report: plenty for a conscientious reader, too few for one person to
/// hide ideas they merely dislike faster than moderators can look.
pub const REPORTS_PER_RESIDENT: Limit = Limit {
    max: 20,
    per_seconds: HOUR,
};
/// Arguments and replies one resident may post: a lively debater writes a few an hour; a
/// flood of them drowns everyone else.
pub const ARGUMENTS_PER_RESIDENT: Limit = Limit {
    max: 12,
    per_seconds: HOUR,
};
/// "Helpful" marks one resident may set or take back: as many as support changes.
pub const HELPFUL_PER_RESIDENT: Limit = SUPPORTS_PER_RESIDENT;
/// Staff password tries from one client address: enough for typos, too few to try common
/// passwords across many accounts.
pub const STAFF_LOGINS_PER_CLIENT: Limit = Limit {
    max: 30,
    per_seconds: 600,
};

// Sign-in codes, counted from the stored codes (see `signin`).
/// Codes one e-mail address may be sent in an hour.
pub const CODES_PER_ADDRESS_PER_HOUR: i64 = 5;
/// Codes one client address may ask for in an hour.
pub const CODES_PER_CLIENT_PER_HOUR: i64 = 30;
/// Tries at one code before it is locked.
pub const MAX_TRIES_PER_CODE: i64 = 5;
/// Wrong codes typed on the whole site in an hour before checking codes pauses for everyone.
/// Codes are bound to the browser that asked, but anyone may ask for a code for any address
/// and guess at it: this caps what guessing across thousands of addresses can win (600 guesses
/// an hour at one in a million each) at the price of a pause while someone tries.
pub const FAILED_TRIES_PER_HOUR_SITE_WIDE: i64 = 600;

/// What the flood guard in front of the endpoints counts, per client address, before any work
/// is done. These only stop what no person does: generous enough for a school or a library
/// where many residents share one address. The finer limits above still apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flood {
    SignIn,
    StaffLogin,
    /// A proposal is several posts (one per step).
    Proposal,
    Support,
    Report,
    /// Arguments, replies and "helpful" marks.
    Debate,
    Export,
    /// `/api/*`: open data, up to a thousand ideas a page.
    OpenData,
    /// Every other server function (the pages' loaders): what a page costs.
    Read,
    /// A page rendered for this request (the page cache answers the rest without counting).
    Page,
}

impl Flood {
    pub const ALL: [Flood; 10] = [
        Flood::SignIn,
        Flood::StaffLogin,
        Flood::Proposal,
        Flood::Support,
        Flood::Report,
        Flood::Debate,
        Flood::Export,
        Flood::OpenData,
        Flood::Read,
        Flood::Page,
    ];

    pub fn limit(self) -> Limit {
        let (max, per_minute) = match self {
            Flood::SignIn => (30, 30),
            Flood::StaffLogin => (10, 10),
            Flood::Proposal => (120, 60),
            Flood::Support => (300, 300),
            Flood::Report => (30, 30),
            Flood::Debate => (120, 60),
            Flood::Export => (20, 20),
            Flood::OpenData => (60, 60),
            Flood::Read => (600, 300),
            Flood::Page => (600, 300),
        };
        Limit {
            max,
            per_seconds: 60 * max / per_minute,
        }
    }
}

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

#[cfg(feature = "storage")]
mod buckets;
#[cfg(feature = "storage")]
pub use buckets::{Bucket, Limits};

#[cfg(test)]
mod tests {
    use super::*;

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
    fn flood_buckets_refill_at_their_pace_per_minute() {
        // A proposal: 120 at once, 60 a minute after that.
        assert_eq!(
            Flood::Proposal.limit(),
            Limit {
                max: 120,
                per_seconds: 120
            }
        );
        for kind in Flood::ALL {
            assert!(
                kind.limit().max > 0 && kind.limit().per_seconds > 0,
                "{kind:?}"
            );
        }
    }
}
