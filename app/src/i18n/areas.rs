//! Texts of the admins' areas page: importing a municipality's own boundaries.

use klimadialog::Locale;
use klimadialog::numbers::count;

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
    pub error: fn(&str, &str) -> String,
}

pub static DA: AreasTexts = AreasTexts {
    title: "Områder",
    current: |n| {
        format!(
            "Der er {} nu.",
            count(Locale::Da, n as i64, "område", "områder")
        )
    },
    flagged: |n| {
        format!(
            "{} kunne ikke placeres i et område ved sidste import og skal placeres i hånden.",
            count(Locale::Da, n, "idé", "idéer")
        )
    },
    upload_heading: "Indlæs områder fra en GeoJSON-fil",
    file: "GeoJSON-fil",
    file_hint: "En FeatureCollection med Polygon- eller MultiPolygon-områder i WGS84 (længde, bredde), højst 20 MB.",
    property: "Egenskaben med områdets navn",
    property_hint: "Fx POSTBYNAVN. Flere områder med samme navn bliver til ét.",
    preview_button: "Vis forhåndsvisning",
    preview_heading: |file| format!("Forhåndsvisning af {file}"),
    map_label: "Kort over områderne i filen",
    areas_in_file: |n| {
        format!(
            "{} i filen:",
            count(Locale::Da, n as i64, "område", "områder")
        )
    },
    what_happens: "Hvad der sker",
    replace: "Erstat",
    merge: "Flet",
    added: "Nye områder",
    updated: "Opdaterede områder",
    removed: "Områder, der fjernes",
    retired: "Heraf skjult, men beholdt (de har idéer uden punkt)",
    reassigned: "Idéer, der flyttes til området, hvor deres punkt ligger",
    flagged_ideas: "Idéer, der skal placeres i hånden",
    replace_button: "Erstat alle områder med filens",
    merge_button: "Flet filens områder med de nuværende",
    done: "Områderne er indlæst.",
    error: |key, detail| {
        match key {
        "too_large" => "Filen er for stor (højst 20 MB). Intet er ændret.".into(),
        "not_geojson" => "Filen er ikke en GeoJSON FeatureCollection. Intet er ændret.".into(),
        "crs" => "Filens koordinater er ikke WGS84 (længde, bredde). Intet er ændret.".into(),
        "empty" => "Filen indeholder ingen områder (eller over 500). Intet er ændret.".into(),
        "not_polygon" => format!(
            "Element {detail} er ikke et Polygon eller MultiPolygon med lukkede ringe. Intet er ændret."
        ),
        "outside" => format!("Element {detail} har koordinater uden for WGS84. Intet er ændret."),
        "no_name" => {
            format!("Element {detail} har ikke den valgte navne-egenskab. Intet er ændret.")
        }
        "self_intersecting" => format!("Området {detail} krydser sig selv. Intet er ændret."),
        "same_slug" => format!("Navnene {detail} giver samme adresse. Intet er ændret."),
        "too_many_points" => "Filen har over 200.000 punkter. Forenkl grænserne (fx i QGIS), og prøv igen. Intet er ændret.".into(),
        "no_file" => "Vælg en fil.".into(),
        _ => "Skriv navnet på egenskaben med områdets navn.".into(),
    }
    },
};

pub static EN: AreasTexts = AreasTexts {
    title: "Areas",
    current: |n| {
        format!(
            "There are {} now.",
            count(Locale::En, n as i64, "area", "areas")
        )
    },
    flagged: |n| {
        format!(
            "{} could not be placed in an area by the last import and must be placed by hand.",
            count(Locale::En, n, "idea", "ideas")
        )
    },
    upload_heading: "Load areas from a GeoJSON file",
    file: "GeoJSON file",
    file_hint: "A FeatureCollection of Polygon or MultiPolygon areas in WGS84 (longitude, latitude), at most 20 MB.",
    property: "The property with the area's name",
    property_hint: "E.g. POSTBYNAVN. Several areas with one name become one.",
    preview_button: "Show preview",
    preview_heading: |file| format!("Preview of {file}"),
    map_label: "Map of the areas in the file",
    areas_in_file: |n| {
        format!(
            "{} in the file:",
            count(Locale::En, n as i64, "area", "areas")
        )
    },
    what_happens: "What happens",
    replace: "Replace",
    merge: "Merge",
    added: "New areas",
    updated: "Updated areas",
    removed: "Areas to be removed",
    retired: "Of which kept but hidden (they have ideas without a point)",
    reassigned: "Ideas moved to the area containing their point",
    flagged_ideas: "Ideas to place by hand",
    replace_button: "Replace all areas with the file's",
    merge_button: "Merge the file's areas with the current ones",
    done: "The areas are loaded.",
    error: |key, detail| {
        match key {
        "too_large" => "The file is too large (at most 20 MB). Nothing changed.".into(),
        "not_geojson" => "The file is not a GeoJSON FeatureCollection. Nothing changed.".into(),
        "crs" => {
            "The file's coordinates are not WGS84 (longitude, latitude). Nothing changed.".into()
        }
        "empty" => "The file has no areas (or over 500). Nothing changed.".into(),
        "not_polygon" => format!(
            "Feature {detail} is not a Polygon or MultiPolygon with closed rings. Nothing changed."
        ),
        "outside" => format!("Feature {detail} has coordinates outside WGS84. Nothing changed."),
        "no_name" => format!("Feature {detail} lacks the chosen name property. Nothing changed."),
        "self_intersecting" => format!("The area {detail} crosses itself. Nothing changed."),
        "same_slug" => format!("The names {detail} make the same address. Nothing changed."),
        "too_many_points" => "The file has over 200,000 points. Simplify the boundaries (e.g. in QGIS) and try again. Nothing changed.".into(),
        "no_file" => "Choose a file.".into(),
        _ => "Write the name of the property with the area's name.".into(),
    }
    },
};

pub fn areas_texts(locale: Locale) -> &'static AreasTexts {
    match locale {
        Locale::Da => &DA,
        Locale::En => &EN,
    }
}
