//! Reading a municipality's own area boundaries from a GeoJSON FeatureCollection, as staff
//! upload it: Polygon and MultiPolygon features, the name in a property staff choose, several
//! features with one name joined into one area, extra coordinate values and a CRS84 `crs`
//! member accepted. Anything else is refused with a reason before anything is stored.

use geo::{InteriorPoint, MultiPolygon, Validation};
use serde::{Deserialize, Serialize};

use crate::area::AreaSlug;
use crate::geometry::{GeometryError, from_geojson_value};

/// An area read from the file, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedArea {
    pub name: String,
    pub slug: AreaSlug,
    pub shape: MultiPolygon<f64>,
    /// A point inside the area, for its label and for ideas without a point of their own.
    pub label: (f64, f64),
}

/// Why a file was refused; `feature` counts from 1, as staff would.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ImportError {
    #[error("the file is not JSON")]
    NotJson,
    #[error("the file is not a GeoJSON FeatureCollection")]
    NotFeatureCollection,
    #[error("the file's coordinates are not WGS84 longitude/latitude")]
    UnsupportedCrs,
    #[error("the file has no areas")]
    Empty,
    #[error("feature {feature} is not a Polygon or MultiPolygon with closed rings")]
    NotAPolygon { feature: usize },
    #[error("feature {feature} has a coordinate outside WGS84 longitude/latitude")]
    OutsideWgs84 { feature: usize },
    #[error("feature {feature} has no name in the property {property}")]
    MissingName { feature: usize, property: String },
    #[error("the area {name} crosses itself")]
    SelfIntersecting { name: String },
    #[error("the names {0} make the same address")]
    SameSlug(String),
    #[error("the file has more than {MAX_POINTS} coordinates")]
    TooManyPoints,
}

/// Most areas a file may hold: a municipality has tens, not thousands.
pub const MAX_AREAS: usize = 500;
/// Most coordinates a file may hold, counted before any shape is built: checking a shape costs
/// more than linear time in its points, and every map draws them. Detailed municipal
/// boundaries (DAGI at 1:10 000) have tens of thousands; simplify anything larger first.
pub const MAX_POINTS: usize = 200_000;

/// The positions in a geometry's coordinates, counted without building anything; stops
/// counting past `MAX_POINTS`. serde_json has already refused nesting deeper than 128.
fn count_points(value: &serde_json::Value, counted: &mut usize) {
    match value {
        serde_json::Value::Array(items) if items.first().is_some_and(|i| i.is_number()) => {
            *counted += 1;
        }
        serde_json::Value::Array(items) => {
            for item in items {
                if *counted > MAX_POINTS {
                    return;
                }
                count_points(item, counted);
            }
        }
        _ => {}
    }
}

/// Reads the areas of `text`, named by the feature property `name_property`.
pub fn read_areas(text: &str, name_property: &str) -> Result<Vec<ImportedArea>, ImportError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| ImportError::NotJson)?;
    if value.get("type").and_then(|t| t.as_str()) != Some("FeatureCollection") {
        return Err(ImportError::NotFeatureCollection);
    }
    if let Some(crs) = value.get("crs") {
        let name = crs
            .pointer("/properties/name")
            .and_then(|n| n.as_str())
            .unwrap_or("");
        let wgs84 = ["CRS84", "EPSG:4326", "EPSG::4326"]
            .iter()
            .any(|c| name.ends_with(c));
        if !wgs84 {
            return Err(ImportError::UnsupportedCrs);
        }
    }
    let features = value
        .get("features")
        .and_then(|f| f.as_array())
        .ok_or(ImportError::NotFeatureCollection)?;
    let mut points = 0;
    for feature in features {
        if let Some(coordinates) = feature.pointer("/geometry/coordinates") {
            count_points(coordinates, &mut points);
        }
    }
    if points > MAX_POINTS {
        return Err(ImportError::TooManyPoints);
    }
    // Features with the same name, in the order names first appear.
    let mut grouped: Vec<(String, MultiPolygon<f64>)> = Vec::new();
    for (index, feature) in features.iter().enumerate() {
        let number = index + 1;
        let geometry = feature
            .get("geometry")
            .ok_or(ImportError::NotAPolygon { feature: number })?;
        let shape = from_geojson_value(geometry).map_err(|e| match e {
            GeometryError::OutsideWgs84 => ImportError::OutsideWgs84 { feature: number },
            _ => ImportError::NotAPolygon { feature: number },
        })?;
        let name = match feature.pointer(&format!("/properties/{}", escape_pointer(name_property)))
        {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_owned(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => {
                return Err(ImportError::MissingName {
                    feature: number,
                    property: name_property.to_owned(),
                });
            }
        };
        let name: String = name.chars().take(100).collect();
        match grouped.iter_mut().find(|(n, _)| *n == name) {
            Some((_, joined)) => joined.0.extend(shape.0),
            None => grouped.push((name, shape)),
        }
    }
    if grouped.is_empty() || grouped.len() > MAX_AREAS {
        return Err(ImportError::Empty);
    }
    let mut areas: Vec<ImportedArea> = Vec::with_capacity(grouped.len());
    for (name, shape) in grouped {
        // Each polygon on its own must be valid; parts of one area may touch each other.
        if shape.0.iter().any(|polygon| !polygon.is_valid()) {
            return Err(ImportError::SelfIntersecting { name });
        }
        let slug = AreaSlug::from_name(&name);
        if let Some(other) = areas.iter().find(|a| a.slug == slug) {
            return Err(ImportError::SameSlug(format!("{} / {name}", other.name)));
        }
        let label = shape
            .interior_point()
            .map(|p| (p.y(), p.x()))
            .ok_or_else(|| ImportError::SelfIntersecting { name: name.clone() })?;
        areas.push(ImportedArea {
            name,
            slug,
            shape,
            label,
        });
    }
    Ok(areas)
}

/// A JSON pointer token for a property name (RFC 6901: `~` and `/` escaped).
fn escape_pointer(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// A real DAGI boundary file, kept in the repository as a test fixture (`tests/fixtures/dagi/`).
#[cfg(test)]
pub(crate) fn dagi_file(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dagi")
        .join(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn real_postcodes() -> String {
        std::fs::read_to_string(dagi_file("aalborg-postnumre.geojson")).unwrap()
    }

    #[test]
    fn a_file_with_too_many_points_is_refused_before_shapes_are_built() {
        // One ring around Aalborg with a point too many: checking it for crossings would cost
        // far more than counting.
        let n = MAX_POINTS;
        let ring: Vec<String> = (0..=n)
            .map(|i| {
                let angle = (i % n) as f64 / n as f64 * std::f64::consts::TAU;
                format!(
                    "[{},{}]",
                    9.9 + 0.1 * angle.cos(),
                    57.0 + 0.05 * angle.sin()
                )
            })
            .collect();
        let file = format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"navn":"Rund"}},"geometry":{{"type":"Polygon","coordinates":[[{}]]}}}}]}}"#,
            ring.join(",")
        );
        let started = std::time::Instant::now();
        assert_eq!(read_areas(&file, "navn"), Err(ImportError::TooManyPoints));
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn deep_nesting_is_refused_as_not_json_without_a_stack_overflow() {
        // serde_json stops at 128 levels; a file of a million brackets is read no deeper.
        let deep = format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"navn":"x"}},"geometry":{{"type":"Polygon","coordinates":{}{}}}}}]}}"#,
            "[".repeat(1_000_000),
            "]".repeat(1_000_000)
        );
        assert_eq!(read_areas(&deep, "navn"), Err(ImportError::NotJson));
    }

    #[test]
    fn the_real_postcode_file_reads_as_one_area_per_name() {
        let areas = read_areas(&real_postcodes(), "POSTBYNAVN").unwrap();
        // 24 features, 18 names: Nibe has 4 parts, Aalborg 3, Hals 2.
        assert_eq!(areas.len(), 18);
        let nibe = areas.iter().find(|a| a.name == "Nibe").unwrap();
        assert_eq!(nibe.shape.0.len(), 4);
        assert_eq!(nibe.slug.as_str(), "nibe");
        let sorby = areas.iter().find(|a| a.name == "Nørresundby").unwrap();
        assert_eq!(sorby.slug.as_str(), "norresundby");
        for area in &areas {
            let (lat, lon) = area.label;
            assert!(
                (56.5..57.5).contains(&lat) && (9.0..11.0).contains(&lon),
                "{}",
                area.name
            );
        }
        // By postcode instead: a number-like text property.
        assert_eq!(
            read_areas(&real_postcodes(), "POSTNR_TXT").unwrap().len(),
            18
        );
    }

    #[test]
    fn broken_files_are_refused_with_the_reason() {
        let square = |ring: &str| {
            format!(
                r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"navn":"A"}},"geometry":{{"type":"Polygon","coordinates":[{ring}]}}}}]}}"#
            )
        };
        assert_eq!(read_areas("not json", "navn"), Err(ImportError::NotJson));
        assert_eq!(
            read_areas(r#"{"type":"Feature"}"#, "navn"),
            Err(ImportError::NotFeatureCollection)
        );
        assert_eq!(
            read_areas(r#"{"type":"FeatureCollection","features":[]}"#, "navn"),
            Err(ImportError::Empty)
        );
        // A bow tie: the ring crosses itself.
        let bow_tie = square("[[9.8,57.0],[9.9,57.1],[9.9,57.0],[9.8,57.1],[9.8,57.0]]");
        assert_eq!(
            read_areas(&bow_tie, "navn"),
            Err(ImportError::SelfIntersecting { name: "A".into() })
        );
        let outside = square("[[9.8,57.0],[9.9,57.0],[9.9,95.0],[9.8,57.0]]");
        assert_eq!(
            read_areas(&outside, "navn"),
            Err(ImportError::OutsideWgs84 { feature: 1 })
        );
        let fine = square("[[9.8,57.0],[9.9,57.0],[9.9,57.1],[9.8,57.0]]");
        assert_eq!(read_areas(&fine, "navn").unwrap().len(), 1);
        assert_eq!(
            read_areas(&fine, "name"),
            Err(ImportError::MissingName {
                feature: 1,
                property: "name".into()
            })
        );
        let projected = fine.replace(
            r#""features""#,
            r#""crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}},"features""#,
        );
        assert_eq!(
            read_areas(&projected, "navn"),
            Err(ImportError::UnsupportedCrs)
        );
        let point = fine.replace(r#""type":"Polygon""#, r#""type":"Point""#);
        assert_eq!(
            read_areas(&point, "navn"),
            Err(ImportError::NotAPolygon { feature: 1 })
        );
    }
}
