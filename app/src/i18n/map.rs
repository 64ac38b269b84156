//! Texts of the map of areas.

use klimadialog::Locale;
use klimadialog::numbers::{count, format_int};

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

pub static DA: MapTexts = MapTexts {
    nav: "Kort",
    title: "Idéerne på kortet",
    intro: "Hvor i kommunen kommer idéerne fra, og hvor bliver de støttet? Tryk på et område for at se dets idéer. Tabellen under kortet viser det samme.",
    shade_by: "Farv områderne efter",
    by_ideas: "antal idéer",
    by_supports: "antal støtter",
    map_title: |what| format!("Kort over kommunens områder, farvet efter {what}"),
    legend: "Forklaring",
    none: "Ingen",
    range: |from, to| {
        if from == to {
            format_int(Locale::Da, from)
        } else {
            format!(
                "{}–{}",
                format_int(Locale::Da, from),
                format_int(Locale::Da, to)
            )
        }
    },
    area_ideas: |area, ideas, supports| {
        format!(
            "{area}: {}, {}",
            count(Locale::Da, ideas, "idé", "idéer"),
            count(Locale::Da, supports, "støtte", "støtter")
        )
    },
    table_caption: "Idéer og støtter pr. område",
    area: "Område",
    ideas: "Idéer",
    supports: "Støtter",
    points_note: "Hver prik er en idé, der er sat på et bestemt sted på kortet. Stedet er afrundet til ca. 100 meter, medmindre det præcise sted er vigtigt for idéen.",
    areas_credit: "Områderne er postnumrene i kommunen. Grænser: Geodatastyrelsen og Danske Kommuner, DAGI.",
};

pub static EN: MapTexts = MapTexts {
    nav: "Map",
    title: "The ideas on the map",
    intro: "Where in the municipality do the ideas come from, and where are they supported? Tap an area to see its ideas. The table below the map shows the same.",
    shade_by: "Shade the areas by",
    by_ideas: "number of ideas",
    by_supports: "number of supporters",
    map_title: |what| format!("Map of the municipality's areas, shaded by {what}"),
    legend: "Legend",
    none: "None",
    range: |from, to| {
        if from == to {
            format_int(Locale::En, from)
        } else {
            format!(
                "{}–{}",
                format_int(Locale::En, from),
                format_int(Locale::En, to)
            )
        }
    },
    area_ideas: |area, ideas, supports| {
        format!(
            "{area}: {}, {}",
            count(Locale::En, ideas, "idea", "ideas"),
            count(Locale::En, supports, "supporter", "supporters")
        )
    },
    table_caption: "Ideas and supporters per area",
    area: "Area",
    ideas: "Ideas",
    supports: "Supporters",
    points_note: "Each dot is an idea that was placed at a specific spot on the map, rounded to about 100 metres unless the exact spot matters for the idea.",
    areas_credit: "The areas are the municipality's postal districts. Boundaries: Geodatastyrelsen and Danske Kommuner, DAGI.",
};

pub fn map_texts(locale: Locale) -> &'static MapTexts {
    match locale {
        Locale::Da => &DA,
        Locale::En => &EN,
    }
}
