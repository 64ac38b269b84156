//! Texts of the map of areas.

pub struct MapTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub shade_by: &'static str,
    pub by_ideas: &'static str,
    pub by_supports: &'static str,
    pub map_title: fn(&str) -> String,
    pub legend: &'static str,
    pub none: &'static str,
    pub range: fn(i64, i64) -> String,
    pub area_ideas: fn(&str, i64, i64) -> String,
    pub table_caption: &'static str,
    pub area: &'static str,
    pub ideas: &'static str,
    pub supports: &'static str,
    pub points_note: &'static str,
    /// Where the area boundaries come from (the default areas are DAGI's postal districts).
    pub areas_credit: &'static str,
}
