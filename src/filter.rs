//! The filters of `/ideas` as the URL contract names them (`area`, `sector`, `theme`, `kind`,
//! `status`, `q`, `sort`, `page`): read from a query string, each one checked, and written back
//! in one fixed order, so every state of the list has exactly one shareable URL. A value that
//! is not valid is dropped, not an error: an old or mistyped link still shows a list.

use serde::{Deserialize, Serialize};

use crate::area::AreaSlug;
use crate::idea::{IdeaKind, PublicStatus};
use crate::ranking::SortOrder;
use crate::reference::CategoryKey;

/// The longest search text kept; more says nothing a search can use.
pub const MAX_QUERY_CHARS: usize = 200;
/// The highest page number followed.
pub const MAX_PAGE: u32 = 100_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaFilter {
    pub area: Option<AreaSlug>,
    pub sector: Option<CategoryKey>,
    pub theme: Option<CategoryKey>,
    pub kind: Option<IdeaKind>,
    pub status: Option<PublicStatus>,
    pub q: Option<String>,
    pub sort: SortOrder,
    /// 1-based.
    pub page: u32,
}

impl IdeaFilter {
    /// Reads the filter from query pairs (already percent-decoded). Unknown names are ignored;
    /// for a repeated name the first value counts.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> IdeaFilter {
        let mut filter = IdeaFilter {
            page: 1,
            ..IdeaFilter::default()
        };
        let mut seen: Vec<&str> = Vec::new();
        for (name, value) in pairs {
            if seen.contains(&name) {
                continue;
            }
            seen.push(name);
            let value = value.trim();
            match name {
                "area" => filter.area = AreaSlug::parse(value),
                "sector" => filter.sector = CategoryKey::parse(value),
                "theme" => filter.theme = CategoryKey::parse(value),
                "kind" => filter.kind = IdeaKind::parse(value),
                "status" => filter.status = PublicStatus::parse(value),
                "q" => {
                    let q: String = value.chars().take(MAX_QUERY_CHARS).collect();
                    filter.q = (!q.trim().is_empty()).then(|| q.trim().to_owned());
                }
                "sort" => filter.sort = SortOrder::parse_or_default(Some(value)),
                "page" => {
                    filter.page = value
                        .parse::<u32>()
                        .ok()
                        .filter(|p| (1..=MAX_PAGE).contains(p))
                        .unwrap_or(1)
                }
                _ => {}
            }
        }
        filter
    }

    /// The same filter on another page.
    pub fn on_page(&self, page: u32) -> IdeaFilter {
        IdeaFilter {
            page: page.clamp(1, MAX_PAGE),
            ..self.clone()
        }
    }

    /// The query pairs of this filter, in the contract's order, leaving out defaults.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(a) = &self.area {
            pairs.push(("area", a.as_str().to_owned()));
        }
        if let Some(s) = &self.sector {
            pairs.push(("sector", s.as_str().to_owned()));
        }
        if let Some(t) = &self.theme {
            pairs.push(("theme", t.as_str().to_owned()));
        }
        if let Some(k) = self.kind {
            pairs.push(("kind", k.as_str().to_owned()));
        }
        if let Some(s) = self.status {
            pairs.push(("status", s.as_str().to_owned()));
        }
        if let Some(q) = &self.q {
            pairs.push(("q", q.clone()));
        }
        if self.sort != SortOrder::default() {
            pairs.push(("sort", self.sort.as_str().to_owned()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        pairs
    }

    /// Whether anything narrows the list (sorting and paging do not).
    pub fn narrows(&self) -> bool {
        self.area.is_some()
            || self.sector.is_some()
            || self.theme.is_some()
            || self.kind.is_some()
            || self.status.is_some()
            || self.q.is_some()
    }
}

/// How many ideas each value of each filter would show, given the other filters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FilterCounts {
    pub area: Vec<(String, i64)>,
    pub sector: Vec<(String, i64)>,
    pub theme: Vec<(String, i64)>,
    pub kind: Vec<(String, i64)>,
    pub status: Vec<(String, i64)>,
}

impl FilterCounts {
    /// The count for one value of a filter; 0 when no idea has it.
    pub fn of(list: &[(String, i64)], value: &str) -> i64 {
        list.iter()
            .find(|(v, _)| v == value)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_reads_every_contract_parameter_and_writes_it_back_in_order() {
        let filter = IdeaFilter::from_pairs([
            ("page", "3"),
            ("q", "  cykelsti  "),
            ("sort", "new"),
            ("status", "in_plan"),
            ("kind", "mitigation"),
            ("theme", "heat"),
            ("sector", "transport"),
            ("area", "hals"),
        ]);
        let pairs: Vec<(&str, String)> = filter.pairs();
        let names: Vec<&str> = pairs.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            [
                "area", "sector", "theme", "kind", "status", "q", "sort", "page"
            ]
        );
        assert_eq!(pairs[5].1, "cykelsti");
        assert_eq!(filter.page, 3);
        assert!(filter.narrows());
    }

    #[test]
    fn bad_values_are_dropped_and_defaults_are_not_written() {
        let filter = IdeaFilter::from_pairs([
            ("area", "../etc"),
            ("kind", "both"),
            ("status", "adopted"),
            ("sort", "top"),
            ("page", "-2"),
            ("q", "   "),
            ("evil", "1"),
        ]);
        assert_eq!(filter, IdeaFilter::from_pairs([]));
        assert!(filter.pairs().is_empty());
        assert!(!filter.narrows());
        assert_eq!(IdeaFilter::from_pairs([("page", "99999999999")]).page, 1);
    }

    #[test]
    fn the_first_of_a_repeated_parameter_counts_and_long_searches_are_cut() {
        let filter = IdeaFilter::from_pairs([("area", "hals"), ("area", "nibe")]);
        assert_eq!(filter.area.unwrap().as_str(), "hals");
        let long = "å".repeat(500);
        let q = IdeaFilter::from_pairs([("q", long.as_str())]).q.unwrap();
        assert_eq!(q.chars().count(), MAX_QUERY_CHARS);
    }

    #[test]
    fn another_page_keeps_everything_else() {
        let filter = IdeaFilter::from_pairs([("area", "hals"), ("sort", "random")]);
        let next = filter.on_page(2);
        assert_eq!(next.area, filter.area);
        assert_eq!(next.sort, SortOrder::Random);
        assert_eq!(next.page, 2);
    }
}
