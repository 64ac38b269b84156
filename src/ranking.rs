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
}
