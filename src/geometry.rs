//! Area polygons: drawing Aalborg's default areas, reading and writing them as GeoJSON, and
//! finding the area a point lies in.

use geo::{
    BooleanOps, BoundingRect, Coord, Intersects, LineString, MultiPolygon, Point, Polygon, Rect,
};

use crate::area::{AALBORG_AREAS, AreaCentre, AreaId};

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

/// A coarse outline of Aalborg Kommune drawn for this project, as (lon, lat) rings: the part
/// south of the Limfjord and the part north of it (Vendsyssel, with Hals at the fjord's mouth).
/// The fjord runs between them, so no area spans both banks. Coarse on purpose: it decides
/// which area an idea belongs to, not legal boundaries; staff can import exact polygons.
const SOUTH_OF_FJORD: &[(f64, f64)] = &[
    (9.83, 57.044),
    (9.89, 57.060),
    (9.94, 57.050),
    (10.01, 57.079),
    (10.19, 56.987),
    (10.31, 56.982),
    (10.27, 56.938),
    (10.27, 56.858),
    (10.19, 56.847),
    (10.22, 56.833),
    (10.22, 56.813),
    (10.15, 56.850),
    (10.16, 56.870),
    (10.09, 56.870),
    (10.06, 56.911),
    (9.88, 56.887),
    (9.84, 56.907),
    (9.82, 56.923),
    (9.84, 56.942),
    (9.81, 56.959),
    (9.76, 56.971),
    (9.71, 56.960),
    (9.71, 56.921),
    (9.65, 56.926),
    (9.53, 56.878),
    (9.50, 56.902),
    (9.52, 56.930),
    (9.44, 56.918),
    (9.41, 56.936),
    (9.39, 57.012),
    (9.50, 57.015),
    (9.58, 56.989),
    (9.57, 56.970),
    (9.62, 56.970),
    (9.68, 57.037),
];
const NORTH_OF_FJORD: &[(f64, f64)] = &[
    (9.84, 57.135),
    (9.92, 57.148),
    (9.84, 57.217),
    (9.91, 57.230),
    (10.17, 57.116),
    (10.31, 57.108),
    (10.34, 57.100),
    (10.33, 57.071),
    (10.39, 57.089),
    (10.34, 56.991),
    (10.24, 56.987),
    (10.01, 57.089),
    (9.94, 57.054),
    (9.88, 57.067),
    (9.74, 57.132),
];

fn ring(points: &[(f64, f64)]) -> Polygon<f64> {
    Polygon::new(LineString::from(points.to_vec()), vec![])
}

/// The municipality as this project draws it.
pub fn aalborg_outline() -> MultiPolygon<f64> {
    MultiPolygon(vec![ring(SOUTH_OF_FJORD), ring(NORTH_OF_FJORD)])
}

/// East-west degrees are shorter than north-south ones at Aalborg's latitude; distances
/// scale longitude by cos(57°) so "nearest centre" means nearest on the ground.
const LON_SCALE: f64 = 0.5446;

/// The convex cell of points nearer to `centres[index]` than to any other centre, within `frame`.
fn nearest_centre_cell(centres: &[&AreaCentre], index: usize, frame: Rect<f64>) -> Polygon<f64> {
    let mut cell: Vec<Coord<f64>> = frame.to_polygon().exterior().0.clone();
    cell.pop();
    let me = centres[index];
    for (j, other) in centres.iter().enumerate() {
        if j == index {
            continue;
        }
        let (dx, dy) = (
            (other.lon - me.lon) * LON_SCALE * LON_SCALE,
            other.lat - me.lat,
        );
        let (mx, my) = ((other.lon + me.lon) / 2.0, (other.lat + me.lat) / 2.0);
        let side = |c: &Coord<f64>| (c.x - mx) * dx + (c.y - my) * dy;
        cell = clip_half_plane(&cell, side);
    }
    cell.push(cell[0]);
    Polygon::new(LineString(cell), vec![])
}

/// Sutherland–Hodgman against one half-plane: keeps the part where `side` is ≤ 0.
fn clip_half_plane(polygon: &[Coord<f64>], side: impl Fn(&Coord<f64>) -> f64) -> Vec<Coord<f64>> {
    let mut out = Vec::with_capacity(polygon.len() + 1);
    for i in 0..polygon.len() {
        let (a, b) = (polygon[i], polygon[(i + 1) % polygon.len()]);
        let (sa, sb) = (side(&a), side(&b));
        if sa <= 0.0 {
            out.push(a);
        }
        if (sa < 0.0 && sb > 0.0) || (sa > 0.0 && sb < 0.0) {
            let t = sa / (sa - sb);
            out.push(Coord {
                x: a.x + t * (b.x - a.x),
                y: a.y + t * (b.y - a.y),
            });
        }
    }
    out
}

/// One default area with its polygon.
#[derive(Debug, Clone)]
pub struct DrawnArea {
    pub centre: AreaCentre,
    pub shape: MultiPolygon<f64>,
}

/// Aalborg's 20 default areas: each bank of the fjord is divided among the centres on that
/// bank by nearest centre, so together they cover the outline with no gaps and no overlaps.
pub fn aalborg_default_areas() -> Vec<DrawnArea> {
    let outline = aalborg_outline();
    let frame = Rect::new(Coord { x: 9.0, y: 56.5 }, Coord { x: 10.8, y: 57.5 });
    let mut areas = Vec::with_capacity(AALBORG_AREAS.len());
    for (part, north) in outline.0.iter().zip([false, true]) {
        let centres: Vec<&AreaCentre> = AALBORG_AREAS
            .iter()
            .filter(|c| c.north_of_fjord == north)
            .collect();
        for (i, centre) in centres.iter().enumerate() {
            let cell = nearest_centre_cell(&centres, i, frame);
            let shape = round_coordinates(&part.intersection(&cell));
            areas.push(DrawnArea {
                centre: **centre,
                shape,
            });
        }
    }
    // Keep the order of the public list of areas.
    areas.sort_by_key(|a| AALBORG_AREAS.iter().position(|c| c.name == a.centre.name));
    areas
}

/// Six decimals is about 10 cm: more is noise in the stored GeoJSON.
fn round_coordinates(shape: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    let round = |v: f64| (v * 1e6).round() / 1e6;
    let ring = |ls: &LineString<f64>| {
        LineString(
            ls.0.iter()
                .map(|c| Coord {
                    x: round(c.x),
                    y: round(c.y),
                })
                .collect(),
        )
    };
    MultiPolygon(
        shape
            .0
            .iter()
            .map(|p| Polygon::new(ring(p.exterior()), p.interiors().iter().map(ring).collect()))
            .collect(),
    )
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
    use geo::{Area, Validation};

    use super::*;

    fn default_map() -> (AreaMap, Vec<DrawnArea>) {
        let drawn = aalborg_default_areas();
        let map = AreaMap::new(
            drawn
                .iter()
                .enumerate()
                .map(|(i, a)| (AreaId(i as i64 + 1), a.shape.clone())),
        );
        (map, drawn)
    }

    fn id_of(drawn: &[DrawnArea], name: &str) -> AreaId {
        AreaId(drawn.iter().position(|a| a.centre.name == name).unwrap() as i64 + 1)
    }

    #[test]
    fn the_outline_is_a_valid_shape() {
        assert!(
            aalborg_outline().is_valid(),
            "{:?}",
            aalborg_outline().validation_errors()
        );
    }

    #[test]
    fn every_area_is_valid_and_holds_its_own_centre() {
        let (map, drawn) = default_map();
        assert_eq!(drawn.len(), 20);
        for area in &drawn {
            assert!(
                area.shape.is_valid(),
                "{} is not a valid polygon",
                area.centre.name
            );
            let found = map.locate(LatLon::new(area.centre.lat, area.centre.lon).unwrap());
            assert_eq!(
                found,
                Some(id_of(&drawn, area.centre.name)),
                "{}",
                area.centre.name
            );
        }
    }

    #[test]
    fn areas_cover_the_municipality_without_gaps_or_overlaps() {
        let (_, drawn) = default_map();
        let outline_area = aalborg_outline().unsigned_area();
        let sum: f64 = drawn.iter().map(|a| a.shape.unsigned_area()).sum();
        assert!(
            (sum - outline_area).abs() < outline_area * 1e-6,
            "gap or overlap: {sum} vs {outline_area}"
        );
        for (i, a) in drawn.iter().enumerate() {
            for b in &drawn[i + 1..] {
                let overlap = a.shape.intersection(&b.shape).unsigned_area();
                assert!(
                    overlap < outline_area * 1e-9,
                    "{} overlaps {}",
                    a.centre.name,
                    b.centre.name
                );
            }
        }
    }

    #[test]
    fn known_points_find_their_area() {
        let (map, drawn) = default_map();
        let at = |lat, lon| map.locate(LatLon::new(lat, lon).unwrap());
        // Hals harbour.
        assert_eq!(at(56.9935, 10.3095), Some(id_of(&drawn, "Hals")));
        // Aalborg's Budolfi church, in the middle of the city.
        assert_eq!(at(57.0488, 9.9187), Some(id_of(&drawn, "Aalborg Midtby")));
        // Nørresundby's torv, just across the fjord from the city centre.
        assert_eq!(at(57.0590, 9.9230), Some(id_of(&drawn, "Nørresundby")));
        // Copenhagen's city hall and the Limfjord between the two banks are in no area.
        assert_eq!(at(55.6761, 12.5683), None);
        assert_eq!(at(57.0563, 9.9200), None);
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
