//! Area polygons: drawing Aalborg's default areas, reading and writing them as GeoJSON, and
//! finding the area a point lies in.

use geo::{BoundingRect, Coord, Intersects, LineString, MultiPolygon, Point, Polygon, Rect};

use crate::area::AreaId;

/// A point on the earth in WGS84 degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

impl LatLon {
    /// Accepts only finite coordinates inside WGS84's range.
    pub fn new(lat: f64, lon: f64) -> Option<LatLon> {
        let ok = lat.is_finite()
            && lon.is_finite()
            && (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lon);
        ok.then_some(LatLon { lat, lon })
    }

    fn point(self) -> Point<f64> {
        Point::new(self.lon, self.lat)
    }
}

/// Aalborg Kommune's default areas: its postal districts, cut to the municipality's outline,
/// made by `scripts/make-areas` from the DAGI files in `tests/fixtures/dagi/` (Geodatastyrelsen
/// & Danske Kommuner, 1:500 000). Neighbours share their borders exactly, together they cover
/// the outline, and the Limfjord between the banks is in none of them.
const DEFAULT_AREAS: &str = include_str!("geometry/aalborg-areas.geojson");

/// Where the default areas come from, for the credit under the map and in README.
pub const DEFAULT_AREAS_SOURCE: &str = "Geodatastyrelsen og Danske Kommuner, DAGI";

/// One default area.
#[derive(Debug, Clone)]
pub struct DefaultArea {
    /// As residents write it on a letter: "9400 Nørresundby".
    pub name: String,
    /// A point well inside the area, for its label and for ideas without a point.
    pub label: LatLon,
    pub shape: MultiPolygon<f64>,
}

/// Aalborg Kommune's default areas, in postcode order.
pub fn aalborg_default_areas() -> Vec<DefaultArea> {
    let collection: serde_json::Value =
        serde_json::from_str(DEFAULT_AREAS).expect("the default areas are JSON");
    collection["features"]
        .as_array()
        .expect("a FeatureCollection")
        .iter()
        .map(|feature| {
            let properties = &feature["properties"];
            let label = &properties["label"];
            DefaultArea {
                name: properties["name"].as_str().expect("a name").to_owned(),
                label: LatLon::new(
                    label[1].as_f64().expect("a label latitude"),
                    label[0].as_f64().expect("a label longitude"),
                )
                .expect("a label in WGS84"),
                shape: from_geojson_value(&feature["geometry"]).expect("a default area's shape"),
            }
        })
        .collect()
}

/// The GeoJSON geometry object of a multipolygon (RFC 7946 order: lon, lat).
pub fn to_geojson(shape: &MultiPolygon<f64>) -> String {
    let ring = |ls: &LineString<f64>| ls.0.iter().map(|c| [c.x, c.y]).collect::<Vec<_>>();
    let polygons: Vec<Vec<Vec<[f64; 2]>>> = shape
        .0
        .iter()
        .map(|p| {
            std::iter::once(p.exterior())
                .chain(p.interiors())
                .map(ring)
                .collect()
        })
        .collect();
    serde_json::json!({ "type": "MultiPolygon", "coordinates": polygons }).to_string()
}

/// Reads a GeoJSON Polygon or MultiPolygon geometry object. Extra coordinate values (some
/// real files carry a dummy height) are ignored.
pub fn from_geojson(text: &str) -> Result<MultiPolygon<f64>, GeometryError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| GeometryError::NotJson)?;
    from_geojson_value(&value)
}

/// [`from_geojson`] for a geometry object already parsed.
pub fn from_geojson_value(value: &serde_json::Value) -> Result<MultiPolygon<f64>, GeometryError> {
    let coordinates = value.get("coordinates").ok_or(GeometryError::NotAPolygon)?;
    let polygon = |v: &serde_json::Value| -> Result<Polygon<f64>, GeometryError> {
        let rings = v.as_array().ok_or(GeometryError::NotAPolygon)?;
        let mut rings = rings.iter().map(read_ring);
        let exterior = rings.next().ok_or(GeometryError::NotAPolygon)??;
        Ok(Polygon::new(exterior, rings.collect::<Result<_, _>>()?))
    };
    match value.get("type").and_then(|t| t.as_str()) {
        Some("Polygon") => Ok(MultiPolygon(vec![polygon(coordinates)?])),
        Some("MultiPolygon") => coordinates
            .as_array()
            .ok_or(GeometryError::NotAPolygon)?
            .iter()
            .map(polygon)
            .collect::<Result<Vec<_>, _>>()
            .map(MultiPolygon),
        _ => Err(GeometryError::NotAPolygon),
    }
}

fn read_ring(v: &serde_json::Value) -> Result<LineString<f64>, GeometryError> {
    let positions = v.as_array().ok_or(GeometryError::NotAPolygon)?;
    let coords = positions
        .iter()
        .map(|p| {
            let p = p
                .as_array()
                .filter(|p| p.len() >= 2)
                .ok_or(GeometryError::NotAPolygon)?;
            let (x, y) = (p[0].as_f64(), p[1].as_f64());
            match (x, y) {
                (Some(x), Some(y)) if LatLon::new(y, x).is_some() => Ok(Coord { x, y }),
                _ => Err(GeometryError::OutsideWgs84),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    if coords.len() < 4 || coords.first() != coords.last() {
        return Err(GeometryError::NotAPolygon);
    }
    Ok(LineString(coords))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum GeometryError {
    #[error("not JSON")]
    NotJson,
    #[error("not a GeoJSON Polygon or MultiPolygon with closed rings")]
    NotAPolygon,
    #[error("a coordinate is outside WGS84 longitude/latitude")]
    OutsideWgs84,
}

/// SVG path data for a shape on a map: one closed subpath per ring, to one decimal (a tenth
/// of a map unit is finer than any screen shows).
pub fn svg_path(shape: &MultiPolygon<f64>, frame: &crate::map::MapFrame) -> String {
    use std::fmt::Write;
    let mut d = String::new();
    let rings = shape
        .0
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()));
    for ring in rings {
        for (i, c) in ring.0.iter().enumerate() {
            let (x, y) = frame.project(c.y, c.x);
            let _ = write!(d, "{}{:.1} {:.1}", if i == 0 { "M" } else { "L" }, x, y);
        }
        d.push('Z');
    }
    d
}

/// The bounding box (west, south, east, north) of shapes, if there are any.
pub fn bounds<'a>(
    shapes: impl IntoIterator<Item = &'a MultiPolygon<f64>>,
) -> Option<(f64, f64, f64, f64)> {
    shapes
        .into_iter()
        .filter_map(|s| s.bounding_rect())
        .map(|r| (r.min().x, r.min().y, r.max().x, r.max().y))
        .reduce(|a, b| (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3)))
}

/// The areas of the municipality in memory, for finding the area of a point.
#[derive(Debug, Clone, Default)]
pub struct AreaMap {
    areas: Vec<(AreaId, MultiPolygon<f64>, Rect<f64>)>,
}

impl AreaMap {
    pub fn new(areas: impl IntoIterator<Item = (AreaId, MultiPolygon<f64>)>) -> AreaMap {
        let areas = areas
            .into_iter()
            .filter_map(|(id, shape)| shape.bounding_rect().map(|bbox| (id, shape, bbox)))
            .collect();
        AreaMap { areas }
    }

    /// The area a point lies in, if any. A point on a shared border goes to the first area.
    pub fn locate(&self, at: LatLon) -> Option<AreaId> {
        let p = at.point();
        self.areas
            .iter()
            .find(|(_, shape, bbox)| bbox.intersects(&p) && shape.intersects(&p))
            .map(|(id, _, _)| *id)
    }

    pub fn len(&self) -> usize {
        self.areas.len()
    }

    pub fn is_empty(&self) -> bool {
        self.areas.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use geo::{Area, BooleanOps, Validation};

    use super::*;

    /// The municipality's outline as DAGI draws it (the fixture the default areas come from).
    fn outline() -> MultiPolygon<f64> {
        let text = include_str!("../tests/fixtures/dagi/aalborg-kommune.geojson");
        let collection: serde_json::Value = serde_json::from_str(text).unwrap();
        let parts = collection["features"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|f| from_geojson_value(&f["geometry"]).unwrap().0);
        MultiPolygon(parts.collect())
    }

    fn default_map() -> (AreaMap, Vec<DefaultArea>) {
        let drawn = aalborg_default_areas();
        let map = AreaMap::new(
            drawn
                .iter()
                .enumerate()
                .map(|(i, a)| (AreaId(i as i64 + 1), a.shape.clone())),
        );
        (map, drawn)
    }

    fn id_of(drawn: &[DefaultArea], name: &str) -> AreaId {
        AreaId(drawn.iter().position(|a| a.name == name).unwrap() as i64 + 1)
    }

    #[test]
    fn every_area_is_valid_has_its_postal_name_and_holds_its_label() {
        let (map, drawn) = default_map();
        assert_eq!(drawn.len(), 17);
        let mut slugs = Vec::new();
        for area in &drawn {
            assert!(area.shape.is_valid(), "{}", area.name);
            let (postcode, town) = area.name.split_once(' ').unwrap();
            assert!(
                postcode.len() == 4 && postcode.starts_with('9'),
                "{}",
                area.name
            );
            assert!(!town.is_empty());
            assert_eq!(map.locate(area.label), Some(id_of(&drawn, &area.name)));
            slugs.push(crate::area::AreaSlug::from_name(&area.name));
        }
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), drawn.len(), "one address each");
        assert!(DEFAULT_AREAS.len() <= 150 * 1024, "light enough for /map");
    }

    #[test]
    fn areas_cover_the_municipality_without_gaps_or_overlaps() {
        let (_, drawn) = default_map();
        let outline = outline();
        let whole = outline.unsigned_area();
        let sum: f64 = drawn.iter().map(|a| a.shape.unsigned_area()).sum();
        // Coordinates are snapped to a metre's grid: the sum may differ by that much.
        assert!(
            (sum - whole).abs() < whole * 1e-4,
            "gap or overlap: {sum} vs {whole}"
        );
        for (i, a) in drawn.iter().enumerate() {
            let inside = a.shape.intersection(&outline).unsigned_area();
            assert!(
                inside > a.shape.unsigned_area() * 0.999,
                "{} reaches outside the municipality",
                a.name
            );
            for b in &drawn[i + 1..] {
                let overlap = a.shape.intersection(&b.shape).unsigned_area();
                assert!(overlap < whole * 1e-9, "{} overlaps {}", a.name, b.name);
            }
        }
    }

    #[test]
    fn known_points_find_their_area() {
        let (map, drawn) = default_map();
        let at = |lat, lon| map.locate(LatLon::new(lat, lon).unwrap());
        // Budolfi Kirke, in the middle of Aalborg.
        assert_eq!(at(57.0487, 9.9187), Some(id_of(&drawn, "9000 Aalborg")));
        // Lindholm, across the fjord, is Nørresundby's postcode.
        assert_eq!(at(57.0640, 9.9160), Some(id_of(&drawn, "9400 Nørresundby")));
        // Hals harbour.
        assert_eq!(at(56.9935, 10.3095), Some(id_of(&drawn, "9370 Hals")));
        // The Limfjord between the two banks, and Copenhagen's city hall, are in no area.
        assert_eq!(at(57.0563, 9.9200), None);
        assert_eq!(at(55.6761, 12.5683), None);
    }

    #[test]
    fn geojson_round_trips_and_tolerates_real_world_quirks() {
        let (_, drawn) = default_map();
        let shape = &drawn[0].shape;
        assert_eq!(&from_geojson(&to_geojson(shape)).unwrap(), shape);
        let with_height = r#"{"type":"Polygon","coordinates":[[[9.9,57.0,-999.0],[9.95,57.0,-999.0],[9.95,57.05,-999.0],[9.9,57.0,-999.0]]]}"#;
        assert_eq!(from_geojson(with_height).unwrap().0.len(), 1);
    }

    #[test]
    fn broken_geojson_is_refused() {
        assert_eq!(from_geojson("nope"), Err(GeometryError::NotJson));
        assert_eq!(
            from_geojson(r#"{"type":"Point","coordinates":[9.9,57.0]}"#),
            Err(GeometryError::NotAPolygon)
        );
        let open_ring = r#"{"type":"Polygon","coordinates":[[[9.9,57.0],[9.95,57.0],[9.95,57.05],[9.9,57.06]]]}"#;
        assert_eq!(from_geojson(open_ring), Err(GeometryError::NotAPolygon));
        let outside = r#"{"type":"Polygon","coordinates":[[[190,57.0],[9.95,57.0],[9.95,57.05],[190,57.0]]]}"#;
        assert_eq!(from_geojson(outside), Err(GeometryError::OutsideWgs84));
    }
}
