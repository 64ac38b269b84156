//! Texts of the list of ideas: its filters, search and sort orders.

use klimadialog::ranking::SortOrder;

pub struct ListTexts {
    pub filters: &'static str,
    pub search: &'static str,
    pub search_hint: &'static str,
    pub area: &'static str,
    pub all_areas: &'static str,
    pub sector: &'static str,
    pub all_sectors: &'static str,
    pub theme: &'static str,
    pub all_themes: &'static str,
    pub kind: &'static str,
    pub all_kinds: &'static str,
    pub status: &'static str,
    pub all_statuses: &'static str,
    pub sort: &'static str,
    pub show: &'static str,
    pub clear: &'static str,
    pub no_match: &'static str,
    /// The heading over the list (read by screen readers; the cards are its subheadings).
    pub results: &'static str,
    /// The page's description for search engines and link previews.
    pub description: &'static str,
    pub sort_top: &'static str,
    pub sort_trending: &'static str,
    pub sort_new: &'static str,
    pub sort_random: &'static str,
}

impl ListTexts {
    pub fn sort_name(&self, sort: SortOrder) -> &'static str {
        match sort {
            SortOrder::Top => self.sort_top,
            SortOrder::Trending => self.sort_trending,
            SortOrder::New => self.sort_new,
            SortOrder::Random => self.sort_random,
        }
    }
}
