//! Texts of the admins' areas page: importing a municipality's own boundaries.

use crate::server_fns::area::AreasProblem;

pub struct AreasTexts {
    pub title: &'static str,
    pub current: fn(usize) -> String,
    pub flagged: fn(i64) -> String,
    pub upload_heading: &'static str,
    pub file: &'static str,
    pub file_hint: &'static str,
    pub property: &'static str,
    pub property_hint: &'static str,
    pub preview_button: &'static str,
    pub preview_heading: fn(&str) -> String,
    pub map_label: &'static str,
    pub areas_in_file: fn(usize) -> String,
    pub what_happens: &'static str,
    pub replace: &'static str,
    pub merge: &'static str,
    pub added: &'static str,
    pub updated: &'static str,
    pub removed: &'static str,
    pub retired: &'static str,
    pub reassigned: &'static str,
    pub flagged_ideas: &'static str,
    pub replace_button: &'static str,
    pub merge_button: &'static str,
    pub done: &'static str,
    pub error: fn(AreasProblem, &str) -> String,
}
