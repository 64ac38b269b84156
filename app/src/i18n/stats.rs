//! Texts of the statistics page.

use klimadialog::Locale;
use klimadialog::time::Timestamp;

pub struct StatsTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub by_sector: &'static str,
    pub by_theme: &'static str,
    pub by_area: &'static str,
    pub by_week: &'static str,
    /// A week's label: its Monday and Sunday.
    pub week_of: fn(Timestamp, Timestamp) -> String,
    pub ideas: &'static str,
    pub supports: &'static str,
    /// The first column of each chart's table.
    pub sector: &'static str,
    pub theme: &'static str,
    pub area: &'static str,
    pub week: &'static str,
    pub show_numbers: &'static str,
}

pub static DA: StatsTexts = StatsTexts {
    nav: "Statistik",
    title: "Idéerne i tal",
    intro: "Offentlige idéer og støtten til dem fordelt på sektor, tema, område og uge.",
    by_sector: "Pr. sektor (mindre udledning)",
    by_theme: "Pr. tema (klimatilpasning)",
    by_area: "Pr. område",
    by_week: "Pr. uge, det seneste halve år",
    week_of: |monday, sunday| {
        format!(
            "Uge {} ({})",
            monday.iso_week(),
            monday.day_span(sunday, Locale::Da)
        )
    },
    ideas: "Idéer",
    supports: "Støtter",
    sector: "Sektor",
    theme: "Tema",
    area: "Område",
    week: "Uge",
    show_numbers: "Se tallene som tabel",
};

pub static EN: StatsTexts = StatsTexts {
    nav: "Statistics",
    title: "Ideas in numbers",
    intro: "Public ideas and their supporters by sector, theme, area and week.",
    by_sector: "By sector (cutting emissions)",
    by_theme: "By theme (climate adaptation)",
    by_area: "By area",
    by_week: "By week, the last six months",
    week_of: |monday, _| format!("Week of {}", monday.format_date(Locale::En)),
    ideas: "Ideas",
    supports: "Supporters",
    sector: "Sector",
    theme: "Theme",
    area: "Area",
    week: "Week",
    show_numbers: "See the numbers as a table",
};

pub fn stats_texts(locale: Locale) -> &'static StatsTexts {
    match locale {
        Locale::Da => &DA,
        Locale::En => &EN,
    }
}
