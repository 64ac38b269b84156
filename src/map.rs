//! Drawing the municipality on a flat map. An equirectangular projection centred on the
//! municipality, with east-west distances shrunk by the cosine of its latitude: at 57° N a
//! degree of longitude is only 0.54 of a degree of latitude on the ground, and a map that
//! ignored that would stretch Aalborg to nearly twice its width. Over a municipality the
//! error of this projection is far below a pixel. The browser uses the inverse to turn a click
//! into a point, so this module has no dependencies.

use serde::{Deserialize, Serialize};

/// How map coordinates (SVG user units, y down) relate to WGS84 degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
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
    fn a_click_finds_the_point_it_was_drawn_from() {
        let frame = aalborg();
        for (lat, lon) in [(57.048, 9.919), (56.996, 10.307), (57.16, 9.975)] {
            let (x, y) = frame.project(lat, lon);
            let (la, lo) = frame.unproject(x, y);
            assert!((la - lat).abs() < 1e-12 && (lo - lon).abs() < 1e-12);
        }
    }
}
