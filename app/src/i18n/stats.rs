//! Texts of the statistics page.

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
