//! Drawing the municipality on a flat map. An equirectangular projection centred on the
//! municipality, with east-west distances shrunk by the cosine of its latitude: at 57° N a
//! degree of longitude is only 0.54 of a degree of latitude on the ground, and a map that
//! ignored that would stretch Aalborg to nearly twice its width. Over a municipality the
//! error of this projection is far below a pixel. The browser uses the inverse to turn a click
//! into a point, so this module has no dependencies.

use serde::{Deserialize, Serialize};

/// How map coordinates (SVG user units, y down) relate to WGS84 degrees. It travels to the
/// browser as whole numbers (millionths), so the WebAssembly bundle needs no code to parse or
/// print floating-point numbers, which would cost more than the rest of the map.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(into = "WholeFrame", from = "WholeFrame")]
pub struct MapFrame {
    /// The west and north edges of the drawing, in degrees.
    pub west: f64,
    pub north: f64,
    /// `cos(latitude)` at the middle of the drawing.
    pub lon_scale: f64,
    /// Map units per degree of latitude.
    pub units_per_degree: f64,
    pub width: f64,
    pub height: f64,
}

/// A `MapFrame` in millionths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct WholeFrame([i64; 6]);

const MILLION: f64 = 1e6;

impl From<MapFrame> for WholeFrame {
    fn from(f: MapFrame) -> WholeFrame {
        let whole = |v: f64| (v * MILLION).round() as i64;
        WholeFrame([
            whole(f.west),
            whole(f.north),
            whole(f.lon_scale),
            whole(f.units_per_degree),
            whole(f.width),
            whole(f.height),
        ])
    }
}

impl From<WholeFrame> for MapFrame {
    fn from(WholeFrame(v): WholeFrame) -> MapFrame {
        let real = |i: usize| v[i] as f64 / MILLION;
        MapFrame {
            west: real(0),
            north: real(1),
            lon_scale: real(2),
            units_per_degree: real(3),
            width: real(4),
            height: real(5),
        }
    }
}

/// A coordinate in millionths of a degree (about 10 cm), as forms and the browser carry it.
pub fn micro(degrees: f64) -> i64 {
    (degrees * MILLION).round() as i64
}

/// The point the public sees of a resident's own point: as given when the author said the
/// exact spot matters, otherwise rounded to three decimals (about 110 m north–south and 60 m
/// east–west at 57° N), so "use my location" at home does not publish the home.
pub fn published_point(lat: f64, lon: f64, exact: bool) -> (f64, f64) {
    if exact {
        (lat, lon)
    } else {
        (
            (lat * 1000.0).round() / 1000.0,
            (lon * 1000.0).round() / 1000.0,
        )
    }
}

/// Degrees from millionths.
pub fn from_micro(micro: i64) -> f64 {
    micro as f64 / MILLION
}

/// Millionths of a degree written as a decimal number ("57.048700"), with whole-number
/// arithmetic only.
pub fn micro_text(micro: i64) -> String {
    let sign = if micro < 0 { "-" } else { "" };
    let abs = micro.unsigned_abs();
    format!("{sign}{}.{:06}", abs / 1_000_000, abs % 1_000_000)
}

impl MapFrame {
    /// A frame `width` units wide around a bounding box (degrees), with a margin of `pad`
    /// units on every side.
    pub fn around(west: f64, south: f64, east: f64, north: f64, width: f64, pad: f64) -> MapFrame {
        let lon_scale = ((south + north) / 2.0).to_radians().cos();
        let inner = (width - 2.0 * pad).max(1.0);
        let units_per_degree = inner / ((east - west).max(1e-9) * lon_scale);
        let height = (north - south) * units_per_degree + 2.0 * pad;
        MapFrame {
            west: west - pad / (units_per_degree * lon_scale),
            north: north + pad / units_per_degree,
            lon_scale,
            units_per_degree,
            width,
            height: height.round(),
        }
    }

    /// The map position of a point.
    pub fn project(&self, lat: f64, lon: f64) -> (f64, f64) {
        (
            (lon - self.west) * self.lon_scale * self.units_per_degree,
            (self.north - lat) * self.units_per_degree,
        )
    }

    /// The point at a map position (latitude, longitude).
    pub fn unproject(&self, x: f64, y: f64) -> (f64, f64) {
        (
            self.north - y / self.units_per_degree,
            self.west + x / (self.lon_scale * self.units_per_degree),
        )
    }
}

/// The areas drawn in a frame: what a map on a page needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapDrawing {
    pub frame: MapFrame,
    pub areas: Vec<DrawnArea>,
}

/// One area on a map: its URL name, its name and its outline as SVG path data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrawnArea {
    pub slug: String,
    pub name: String,
    pub path: String,
}

/// Shades on a map: 0 for none, then 1 to `SHADES` by equal steps up to the largest value.
pub const SHADES: u8 = 4;

/// The shade of a value on a map whose largest value is `max`: nothing is 0, the largest is
/// `SHADES`, and every other value lands in one of equal steps between.
pub fn shade(value: i64, max: i64) -> u8 {
    if value <= 0 || max <= 0 {
        return 0;
    }
    let steps = i64::from(SHADES);
    (((value.min(max) * steps) + max - 1) / max).clamp(1, steps) as u8
}

/// The values a shade stands for, `(from, to)` inclusive, for the legend.
pub fn shade_range(shade: u8, max: i64) -> (i64, i64) {
    if shade == 0 || max <= 0 {
        return (0, 0);
    }
    let steps = i64::from(SHADES);
    let s = i64::from(shade.min(SHADES));
    let from = ((s - 1) * max) / steps + 1;
    let to = (s * max) / steps;
    (from, to.max(from))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aalborg() -> MapFrame {
        MapFrame::around(9.39, 56.81, 10.39, 57.23, 600.0, 10.0)
    }

    #[test]
    fn the_municipality_fills_the_width_and_keeps_its_shape() {
        let frame = aalborg();
        let (west, _) = frame.project(57.0, 9.39);
        let (east, _) = frame.project(57.0, 10.39);
        assert!((west - 10.0).abs() < 1e-9 && (east - 590.0).abs() < 1e-9);
        // 1.0° of longitude and 0.42° of latitude: on the ground about 60.6 km by 46.7 km.
        let (_, top) = frame.project(57.23, 9.5);
        let (_, bottom) = frame.project(56.81, 9.5);
        let ratio = (east - west) / (bottom - top);
        assert!((ratio - 60.6 / 46.7).abs() < 0.01, "{ratio}");
    }

    #[test]
    fn the_frame_travels_as_whole_numbers_and_stays_exact_enough() {
        let frame = aalborg();
        let json = serde_json::to_string(&frame).unwrap();
        assert!(!json.contains('.'), "{json}");
        let back: MapFrame = serde_json::from_str(&json).unwrap();
        let (x, y) = frame.project(57.048, 9.919);
        let (x2, y2) = back.project(57.048, 9.919);
        assert!((x - x2).abs() < 0.01 && (y - y2).abs() < 0.01);
        assert_eq!(micro_text(57_048_700), "57.048700");
        assert_eq!(micro_text(-1_500), "-0.001500");
        assert_eq!(micro(9.9187), 9_918_700);
    }

    #[test]
    fn a_click_finds_the_point_it_was_drawn_from() {
        let frame = aalborg();
        for (lat, lon) in [(57.048, 9.919), (56.996, 10.307), (57.16, 9.975)] {
            let (x, y) = frame.project(lat, lon);
            let (la, lo) = frame.unproject(x, y);
            assert!((la - lat).abs() < 1e-12 && (lo - lon).abs() < 1e-12);
        }
    }

    #[test]
    fn shades_split_the_range_in_equal_steps_and_the_legend_agrees() {
        assert_eq!(shade(0, 10), 0);
        assert_eq!(shade(1, 10), 1);
        assert_eq!(shade(3, 10), 2);
        assert_eq!(shade(10, 10), 4);
        assert_eq!(shade(5, 0), 0);
        for max in [1, 3, 7, 10, 184, 1000] {
            for value in 1..=max {
                let (from, to) = shade_range(shade(value, max), max);
                assert!(
                    (from..=to).contains(&value),
                    "{value} of {max}: {from}–{to}"
                );
            }
        }
    }
}
