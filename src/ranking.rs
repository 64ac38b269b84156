//! How lists of ideas are ordered. The database does the sorting with indexes; these rules
//! are the reference the SQL must agree with, and the names the URL uses.

use serde::{Deserialize, Serialize};

/// The `sort` parameter of `/ideas`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum SortOrder {
    /// Most supported first.
    #[default]
    Top,
    /// Supported lately, decaying with age.
    Trending,
    /// Newest first.
    New,
    /// Shuffled per visitor, stable across pages.
    Random,
}

impl SortOrder {
    pub const ALL: [SortOrder; 4] = [
        SortOrder::Top,
        SortOrder::Trending,
        SortOrder::New,
        SortOrder::Random,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortOrder::Top => "top",
            SortOrder::Trending => "trending",
            SortOrder::New => "new",
            SortOrder::Random => "random",
        }
    }

    /// An unknown value falls back to the default rather than failing: old shared links keep working.
    pub fn parse_or_default(s: Option<&str>) -> SortOrder {
        s.and_then(|s| Self::ALL.into_iter().find(|o| o.as_str() == s))
            .unwrap_or_default()
    }
}

/// What the top order looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopKey {
    pub supports: i64,
    pub created_at: i64,
    pub id: i64,
}

/// The top order: more supports first; on a tie the newer idea first (it has had less time to
/// gather support); then the higher id, so the order is total and pages never overlap.
pub fn top_order(a: &TopKey, b: &TopKey) -> std::cmp::Ordering {
    b.supports
        .cmp(&a.supports)
        .then(b.created_at.cmp(&a.created_at))
        .then(b.id.cmp(&a.id))
}

/// How far back `trending` looks.
pub const TRENDING_WINDOW_SECONDS: i64 = 14 * 24 * 3600;

/// The trending score of an idea from the times of its supports: each support of the last 14
/// days counts by how recent it is (a support given now counts 14 days' worth of seconds, one
/// given 13 days ago one day's worth), older supports count nothing. So a new idea that people
/// support now rises above an old one that gathered its support long ago. The SQL sums the same
/// expression.
pub fn trending_score(support_times: &[i64], now: i64) -> i64 {
    let cutoff = now - TRENDING_WINDOW_SECONDS;
    support_times
        .iter()
        .filter(|t| **t > cutoff)
        .map(|t| t.min(&now) - cutoff)
        .sum()
}

/// The prime 2³¹ − 1: positions in the random order are residues modulo it, and the product
/// of an id and a multiplier (both below it) stays far inside 64-bit integers, in Rust and
/// in SQLite alike.
pub const RANDOM_MODULUS: i64 = 2_147_483_647;

/// The multiplier a visitor's seed gives the random order: spread over the whole range (a
/// small multiplier would leave small ids in order) and never 0, so the order is a permutation.
pub fn random_multiplier(seed: u32) -> i64 {
    ((i128::from(seed) * 2_654_435_761) % i128::from(RANDOM_MODULUS - 1)) as i64 + 1
}

/// An idea's place in a visitor's random order: `id × m mod p`, which the SQL computes the same
/// way. The same seed gives the same order on every page and every reload; another seed, a
/// different order; and nobody's idea is first for everyone.
pub fn random_position(id: i64, seed: u32) -> i64 {
    (id % RANDOM_MODULUS) * random_multiplier(seed) % RANDOM_MODULUS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_orders_by_supports_then_newness_then_id() {
        let key = |supports, created_at, id| TopKey {
            supports,
            created_at,
            id,
        };
        let mut ideas = [
            key(3, 10, 1),
            key(7, 5, 2),
            key(3, 20, 3),
            key(3, 20, 4),
            key(0, 99, 5),
        ];
        ideas.sort_by(top_order);
        let ids: Vec<i64> = ideas.iter().map(|k| k.id).collect();
        assert_eq!(ids, vec![2, 4, 3, 1, 5]);
    }

    #[test]
    fn unknown_sort_values_fall_back_to_top() {
        assert_eq!(SortOrder::parse_or_default(Some("new")), SortOrder::New);
        assert_eq!(
            SortOrder::parse_or_default(Some("'; drop table")),
            SortOrder::Top
        );
        assert_eq!(SortOrder::parse_or_default(None), SortOrder::Top);
    }

    #[test]
    fn trending_weighs_recent_supports_and_forgets_old_ones() {
        let now = 100 * 24 * 3600;
        let day = 24 * 3600;
        let fresh = [now - day, now - 2 * day, now - day / 2];
        let stale = [now - 13 * day; 5];
        let ancient = [now - 30 * day; 500];
        assert!(trending_score(&fresh, now) > trending_score(&stale, now));
        assert_eq!(trending_score(&ancient, now), 0);
        assert_eq!(trending_score(&[now], now), TRENDING_WINDOW_SECONDS);
        assert_eq!(trending_score(&[], now), 0);
    }

    #[test]
    fn random_order_is_stable_for_one_visitor_and_differs_between_visitors() {
        let order = |seed: u32| {
            let mut ids: Vec<i64> = (1..=50).collect();
            ids.sort_by_key(|id| (random_position(*id, seed), *id));
            ids
        };
        assert_eq!(order(7), order(7));
        assert_ne!(order(7), order(8));
        assert_ne!(order(7), (1..=50).collect::<Vec<_>>());
        // A permutation: no two ideas share a place.
        let mut places: Vec<i64> = (1..=1000).map(|id| random_position(id, 12345)).collect();
        places.sort();
        places.dedup();
        assert_eq!(places.len(), 1000);
        assert_eq!(random_multiplier(0), 1);
        assert!(random_position(RANDOM_MODULUS - 1, u32::MAX) < RANDOM_MODULUS);
    }
}
