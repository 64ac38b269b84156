//! Texts of the staff table of ideas and of one idea's staff page.

use klimadialog::ModerationState;
use klimadialog::staff_ideas::Column;

pub struct StaffIdeasTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub filters: &'static str,
    pub search: &'static str,
    pub any: &'static str,
    pub moderation: &'static str,
    pub moderation_name: fn(ModerationState) -> &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub with_photo: &'static str,
    pub with_open_reports: &'static str,
    pub without_point: &'static str,
    pub min_supports: &'static str,
    pub show: &'static str,
    pub reset: &'static str,
    /// "Viser 51–100 af 312 idéer".
    pub showing: fn(i64, i64, i64) -> String,
    pub none: &'static str,
    pub caption: &'static str,
    pub column_name: fn(Column) -> &'static str,
    /// What a column header's link does, for screen readers: "Sortér efter støtter".
    pub order_by: fn(&str) -> String,
    pub photo: &'static str,
    pub no_point: &'static str,
    /// "Side 2 af 7".
    pub page_of: fn(u32, u32) -> String,
    pub pages: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    /// One idea's page.
    pub back_to_table: &'static str,
    pub not_found: &'static str,
    /// An idea that is not public cannot get a status yet.
    pub not_public: &'static str,
    pub to_moderation: &'static str,
    pub open_reports: fn(i64) -> String,
    pub public_page: &'static str,
}
