//! The staff table of ideas (`/staff/ideas`): every idea in any moderation state, narrowed by
//! anything staff sort a consultation's ideas by, ordered by any column, paged. The filter
//! lives in the URL (one fixed order, like `/ideas`), and the staff exports read the same
//! filter, so a download holds exactly the rows the table shows.

use serde::{Deserialize, Serialize};

use crate::ModerationState;
use crate::filter::IdeaFilter;
use crate::idea::{IdeaKind, PublicStatus};
use crate::time::{Date, Timestamp};

/// Rows per page of the table.
pub const PER_PAGE: u32 = 50;

crate::string_enum!(
    /// A column the table can be ordered by (`order=`).
    Column {
        Title => "title",
        Kind => "kind",
        Category => "category",
        Area => "area",
        Status => "status",
        Moderation => "moderation",
        Supports => "supports",
        Reports => "reports",
        Created => "created",
    }
);

impl Column {
    /// The direction a first click on the column orders by: numbers and dates largest and
    /// newest first, text from A.
    pub fn first_direction(self) -> Direction {
        match self {
            Column::Supports | Column::Reports | Column::Created => Direction::Descending,
            _ => Direction::Ascending,
        }
    }
}

crate::string_enum!(
    /// Which way a column is ordered (`dir=`).
    Direction {
        Ascending => "asc",
        Descending => "desc",
    }
);

impl Direction {
    pub fn flipped(self) -> Direction {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }
}

/// What the table shows: the filters of `/ideas` (area, sector, theme, kind, status, search
/// text) and the ones only staff need, the order and the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffFilter {
    /// The public list's filters; its `sort` is not used here and its `page` is this table's.
    pub public: IdeaFilter,
    pub moderation: Option<ModerationState>,
    /// Created on or after this day (Danish time).
    pub from: Option<Date>,
    /// Created on or before this day (Danish time).
    pub to: Option<Date>,
    pub with_photo: bool,
    pub with_open_reports: bool,
    pub without_point: bool,
    /// At least this many supports (`min_supports=`).
    pub min_supports: Option<i64>,
    /// Only these ideas (`ids=`, repeated): the rows ticked in the table, for their export.
    pub ids: Vec<i64>,
    pub order: Column,
    pub direction: Direction,
}

impl Default for StaffFilter {
    fn default() -> Self {
        StaffFilter {
            public: IdeaFilter {
                page: 1,
                ..IdeaFilter::default()
            },
            moderation: None,
            from: None,
            to: None,
            with_photo: false,
            with_open_reports: false,
            without_point: false,
            min_supports: None,
            ids: Vec::new(),
            order: Column::Created,
            direction: Direction::Descending,
        }
    }
}

/// A checkbox filter is on when it is sent with any of the values a form or a hand-written
/// link would use.
fn ticked(value: &str) -> bool {
    matches!(value, "1" | "on" | "true" | "yes")
}

impl StaffFilter {
    /// Reads the filter from query pairs (percent-decoded). As on `/ideas`, a value that is
    /// not valid is dropped, and for a repeated name the first value counts.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> StaffFilter {
        let pairs: Vec<(&str, &str)> = pairs.into_iter().collect();
        let mut filter = StaffFilter {
            public: IdeaFilter::from_pairs(pairs.iter().copied().filter(|(n, _)| *n != "sort")),
            ..StaffFilter::default()
        };
        let mut seen: Vec<&str> = Vec::new();
        let mut direction = None;
        for (name, value) in pairs {
            // Every ticked row, as the table's form sends it (`id:updated_at`) or as a link
            // writes it (`id`).
            if name == "ids" {
                let id = value.split(':').next().unwrap_or_default().trim();
                if let Ok(id) = id.parse::<i64>()
                    && !filter.ids.contains(&id)
                    && filter.ids.len() < crate::batch::MAX_BATCH
                {
                    filter.ids.push(id);
                }
                continue;
            }
            if seen.contains(&name) {
                continue;
            }
            seen.push(name);
            let value = value.trim();
            match name {
                "moderation" => filter.moderation = ModerationState::parse(value),
                "from" => filter.from = Date::parse_iso(value),
                "to" => filter.to = Date::parse_iso(value),
                "photo" => filter.with_photo = ticked(value),
                "reported" => filter.with_open_reports = ticked(value),
                "nopoint" => filter.without_point = ticked(value),
                "min_supports" => {
                    filter.min_supports = value.parse::<i64>().ok().filter(|n| *n > 0);
                }
                "order" => {
                    if let Some(column) = Column::parse(value) {
                        filter.order = column;
                    }
                }
                "dir" => direction = Direction::parse(value),
                _ => {}
            }
        }
        filter.direction = direction.unwrap_or(filter.order.first_direction());
        filter
    }

    /// The query pairs of this filter in one fixed order, leaving out defaults.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs: Vec<(&'static str, String)> = self
            .public
            .pairs()
            .into_iter()
            .filter(|(n, _)| !matches!(*n, "sort" | "page"))
            .collect();
        if let Some(m) = self.moderation {
            pairs.push(("moderation", m.as_str().to_owned()));
        }
        if let Some(d) = self.from {
            pairs.push(("from", d.iso()));
        }
        if let Some(d) = self.to {
            pairs.push(("to", d.iso()));
        }
        if let Some(n) = self.min_supports {
            pairs.push(("min_supports", n.to_string()));
        }
        for (on, name) in [
            (self.with_photo, "photo"),
            (self.with_open_reports, "reported"),
            (self.without_point, "nopoint"),
        ] {
            if on {
                pairs.push((name, "1".to_owned()));
            }
        }
        pairs.extend(self.ids.iter().map(|id| ("ids", id.to_string())));
        if self.order != Column::Created {
            pairs.push(("order", self.order.as_str().to_owned()));
        }
        if self.direction != self.order.first_direction() {
            pairs.push(("dir", self.direction.as_str().to_owned()));
        }
        if self.public.page > 1 {
            pairs.push(("page", self.public.page.to_string()));
        }
        pairs
    }

    /// The same rows, without paging or ordering: what an export of this table carries.
    pub fn rows_only(&self) -> StaffFilter {
        StaffFilter {
            order: Column::Created,
            direction: Direction::Descending,
            public: self.public.on_page(1),
            ..self.clone()
        }
    }

    pub fn page(&self) -> u32 {
        self.public.page.max(1)
    }

    pub fn on_page(&self, page: u32) -> StaffFilter {
        StaffFilter {
            public: self.public.on_page(page),
            ..self.clone()
        }
    }

    /// The table ordered by `column`: a click on the current column turns its direction, a
    /// click on another starts from the first page in that column's first direction.
    pub fn ordered_by(&self, column: Column) -> StaffFilter {
        let direction = if self.order == column {
            self.direction.flipped()
        } else {
            column.first_direction()
        };
        StaffFilter {
            order: column,
            direction,
            public: self.public.on_page(1),
            ..self.clone()
        }
    }

    /// The first and the last second counted by the date range, as Unix times
    /// (`created_at >= start` and `created_at < end`).
    pub fn created_range(&self) -> (Option<Timestamp>, Option<Timestamp>) {
        (
            self.from.map(Date::start_in_denmark),
            self.to.map(|d| d.following().start_in_denmark()),
        )
    }

    /// Whether anything narrows the table (ordering and paging do not).
    pub fn narrows(&self) -> bool {
        self.public.narrows()
            || self.moderation.is_some()
            || self.from.is_some()
            || self.to.is_some()
            || self.with_photo
            || self.with_open_reports
            || self.without_point
            || !self.ids.is_empty()
            || self.min_supports.is_some()
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffRow {
    pub id: i64,
    pub title: String,
    /// The language the title is written in.
    pub language: crate::Locale,
    pub kind: IdeaKind,
    /// The sector's or the theme's key.
    pub category: String,
    pub area_name: String,
    pub status: PublicStatus,
    pub moderation: ModerationState,
    pub supports: i64,
    pub open_reports: i64,
    pub created_at: Timestamp,
    /// When anything about the idea last changed: a batch refuses an idea changed since.
    pub updated_at: i64,
    pub has_photo: bool,
    pub has_point: bool,
}

/// A page of the table and how many ideas the filter matches in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffPage {
    pub rows: Vec<StaffRow>,
    pub total: i64,
    pub page: u32,
}

impl StaffPage {
    pub fn page_count(&self) -> u32 {
        let pages = (self.total.max(0) as u64).div_ceil(u64::from(PER_PAGE));
        pages.clamp(1, u64::from(crate::filter::MAX_PAGE)) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Queries here need no percent-encoding.
    fn filter(query: &str) -> StaffFilter {
        StaffFilter::from_pairs(query.split('&').filter_map(|pair| pair.split_once('=')))
    }

    impl StaffFilter {
        fn query(&self) -> String {
            let pairs: Vec<String> = self
                .pairs()
                .iter()
                .map(|(n, v)| format!("{n}={v}"))
                .collect();
            pairs.join("&")
        }
    }

    #[test]
    fn every_filter_is_read_and_written_back_in_one_order() {
        let f = filter(
            "page=2&dir=asc&order=supports&nopoint=on&reported=1&photo=1&min_supports=5&to=2026-11-30\
             &from=2026-11-01&moderation=pending&q=cykel&status=new&kind=mitigation&area=noerresundby",
        );
        assert_eq!(f.moderation, Some(ModerationState::Pending));
        assert!(f.with_photo && f.with_open_reports && f.without_point);
        assert_eq!(
            (f.order, f.direction),
            (Column::Supports, Direction::Ascending)
        );
        assert_eq!(
            f.query(),
            "area=noerresundby&kind=mitigation&status=new&q=cykel&moderation=pending\
             &from=2026-11-01&to=2026-11-30&min_supports=5&photo=1&reported=1&nopoint=1&order=supports&dir=asc&page=2"
        );
        assert_eq!(filter(&f.query()), f);
    }

    #[test]
    fn defaults_and_bad_values_leave_a_short_address() {
        let f = filter(
            "order=nonsense&dir=up&from=2026-02-30&moderation=gone&photo=0&sort=top&min_supports=-3",
        );
        assert_eq!(f, StaffFilter::default());
        assert_eq!(f.query(), "");
        assert!(!f.narrows());
        // The first direction of a column is not written.
        assert_eq!(filter("order=title").direction, Direction::Ascending);
        assert_eq!(filter("order=title").query(), "order=title");
    }

    #[test]
    fn ordering_by_a_column_turns_it_and_starts_from_the_first_page() {
        let f = filter("status=new&page=3");
        let by_supports = f.ordered_by(Column::Supports);
        assert_eq!(by_supports.query(), "status=new&order=supports");
        assert_eq!(
            by_supports.ordered_by(Column::Supports).query(),
            "status=new&order=supports&dir=asc"
        );
        assert_eq!(
            by_supports.ordered_by(Column::Title).query(),
            "status=new&order=title"
        );
        assert_eq!(f.rows_only().query(), "status=new");
    }

    #[test]
    fn ticked_rows_narrow_to_their_ids_in_either_spelling() {
        let f = filter("ids=12:1796122800&ids=7&ids=12&ids=x:1&status=new");
        assert_eq!(f.ids, [12, 7]);
        assert!(f.narrows());
        assert_eq!(f.query(), "status=new&ids=12&ids=7");
    }

    #[test]
    fn the_date_range_counts_whole_danish_days() {
        let f = filter("from=2026-07-01&to=2026-07-01");
        let (start, end) = f.created_range();
        // Summer time: Danish midnight is 22:00 UTC the day before.
        assert_eq!(start.unwrap().rfc3339_utc(), "2026-06-30T22:00:00Z");
        assert_eq!(end.unwrap().rfc3339_utc(), "2026-07-01T22:00:00Z");
        let (_, end) = filter("to=2026-12-31").created_range();
        assert_eq!(end.unwrap().rfc3339_utc(), "2026-12-31T23:00:00Z");
    }
}
