//! Texts of the list of ideas: its filters, search and sort orders.

use klimadialog::Locale;
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

pub static DA: ListTexts = ListTexts {
    filters: "Find idéer",
    search: "Søg",
    search_hint: "Fx cykelsti eller Nørresundby",
    area: "Område",
    all_areas: "Alle områder",
    sector: "Sektor",
    all_sectors: "Alle sektorer",
    theme: "Tema",
    all_themes: "Alle temaer",
    kind: "Type",
    all_kinds: "Begge typer",
    status: "Status",
    all_statuses: "Alle",
    sort: "Sortering",
    show: "Vis idéer",
    clear: "Nulstil",
    no_match: "Ingen idéer passer til det, du har valgt.",
    results: "Idéerne",
    description: "Alle borgernes idéer til klimaplanen: søg, filtrér efter område, sektor, tema og status, og se, hvilke der har mest støtte.",
    sort_top: "Mest støttede",
    sort_trending: "Populære lige nu",
    sort_new: "Nyeste",
    sort_random: "Tilfældig rækkefølge",
};

pub static EN: ListTexts = ListTexts {
    filters: "Find ideas",
    search: "Search",
    search_hint: "E.g. cycle path or Nørresundby",
    area: "Area",
    all_areas: "All areas",
    sector: "Sector",
    all_sectors: "All sectors",
    theme: "Theme",
    all_themes: "All themes",
    kind: "Type",
    all_kinds: "Both types",
    status: "Status",
    all_statuses: "All",
    sort: "Sort by",
    show: "Show ideas",
    clear: "Clear filters",
    no_match: "No ideas match your filters.",
    results: "The ideas",
    description: "All residents' ideas for the climate plan: search, filter by area, sector, theme and status, and see which have the most support.",
    sort_top: "Most supported",
    sort_trending: "Popular right now",
    sort_new: "Newest",
    sort_random: "Random order",
};

pub fn list_texts(locale: Locale) -> &'static ListTexts {
    match locale {
        Locale::Da => &DA,
        Locale::En => &EN,
    }
}
