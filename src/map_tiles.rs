//! An optional background map under the areas: raster tiles of a slippy map (Web Mercator, the
//! `{z}/{x}/{y}` scheme of OpenStreetMap and most tile servers), placed on the site's own
//! projection. Off unless the municipality configures a tile server, since every tile a browser
//! fetches tells that server who looked at the map.
//!
//! Each tile covers a box of longitude and latitude; drawn into that box on the equirectangular
//! frame, the error inside one tile (Mercator's latitude stretch across a few kilometres) stays
//! under a map unit.

use serde::{Deserialize, Serialize};

use crate::map::MapFrame;

/// A tile server's address, with `{z}`, `{x}` and `{y}` where the tile's numbers go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TileTemplate(String);

impl TileTemplate {
    /// Only HTTPS (a page must not load pictures in the clear), with all three placeholders, and
    /// nothing that could break out of an attribute or a policy.
    pub fn parse(template: &str) -> Result<TileTemplate, &'static str> {
        let template = template.trim();
        let Some(rest) = template.strip_prefix("https://") else {
            return Err("the tile address must start with https://");
        };
        if ["{z}", "{x}", "{y}"].iter().any(|p| !template.contains(p)) {
            return Err("the tile address needs {z}, {x} and {y}");
        }
        let host = rest.split('/').next().unwrap_or("");
        let clean = |c: char| c.is_ascii_graphic() && !"\"'<>\\;,`".contains(c);
        if host.is_empty() || host.contains(['{', '@']) || !template.chars().all(clean) {
            return Err("the tile address has a character it cannot have");
        }
        Ok(TileTemplate(template.to_owned()))
    }

    /// `https://host[:port]`: what the pages' Content-Security-Policy must allow pictures from.
    pub fn origin(&self) -> &str {
        let after_scheme = "https://".len();
        let end = self.0[after_scheme..]
            .find('/')
            .map_or(self.0.len(), |i| after_scheme + i);
        &self.0[..end]
    }

    fn address(&self, z: u8, x: u32, y: u32) -> String {
        self.0
            .replace("{z}", &z.to_string())
            .replace("{x}", &x.to_string())
            .replace("{y}", &y.to_string())
    }
}

/// One tile on the drawing, in whole map units; neighbours share their edges exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacedTile {
    pub href: String,
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
}

/// A tile as wide as this many map units or a little more: sharp enough, few requests.
const TILE_UNITS: f64 = 128.0;

/// The tiles that cover the frame, at the zoom where one is 128 to 256 map units wide.
pub fn tiles_for(frame: &MapFrame, template: &TileTemplate) -> Vec<PlacedTile> {
    let units_per_lon_degree = frame.lon_scale * frame.units_per_degree;
    let east = frame.west + frame.width / units_per_lon_degree;
    let south = frame.north - frame.height / frame.units_per_degree;
    let zoom = (360.0 * units_per_lon_degree / TILE_UNITS)
        .log2()
        .floor()
        .clamp(0.0, 19.0) as u8;
    let (first_x, first_y) = tile_at(frame.north, frame.west, zoom);
    let (last_x, last_y) = tile_at(south, east, zoom);
    let mut tiles = Vec::new();
    for ty in first_y..=last_y {
        for tx in first_x..=last_x {
            let (left, top) = frame.project(tile_lat(ty, zoom), tile_lon(tx, zoom));
            let (right, bottom) = frame.project(tile_lat(ty + 1, zoom), tile_lon(tx + 1, zoom));
            let (left, top, right, bottom) =
                (left.round(), top.round(), right.round(), bottom.round());
            tiles.push(PlacedTile {
                href: template.address(zoom, tx, ty),
                x: left as i64,
                y: top as i64,
                width: (right - left) as i64,
                height: (bottom - top) as i64,
            });
        }
    }
    tiles
}

/// The numbers of the tile holding a point at a zoom.
fn tile_at(lat: f64, lon: f64, zoom: u8) -> (u32, u32) {
    let n = f64::from(1u32 << zoom);
    let lat = lat.clamp(-85.05, 85.05).to_radians();
    let x = ((lon + 180.0) / 360.0 * n).floor().clamp(0.0, n - 1.0);
    let y = ((1.0 - lat.tan().asinh() / std::f64::consts::PI) / 2.0 * n)
        .floor()
        .clamp(0.0, n - 1.0);
    (x as u32, y as u32)
}

/// The west edge of tile column `x`.
fn tile_lon(x: u32, zoom: u8) -> f64 {
    f64::from(x) / f64::from(1u32 << zoom) * 360.0 - 180.0
}

/// The north edge of tile row `y`.
fn tile_lat(y: u32, zoom: u8) -> f64 {
    let n = f64::from(1u32 << zoom);
    (std::f64::consts::PI * (1.0 - 2.0 * f64::from(y) / n))
        .sinh()
        .atan()
        .to_degrees()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn osm() -> TileTemplate {
        TileTemplate::parse("https://tile.openstreetmap.org/{z}/{x}/{y}.png").unwrap()
    }

    #[test]
    fn only_https_addresses_with_every_placeholder_are_taken() {
        assert_eq!(osm().origin(), "https://tile.openstreetmap.org");
        let with_port = TileTemplate::parse("https://tiles.aalborg.dk:8443/kort/{z}/{y}/{x}.jpg");
        assert_eq!(with_port.unwrap().origin(), "https://tiles.aalborg.dk:8443");
        for bad in [
            "http://tile.openstreetmap.org/{z}/{x}/{y}.png",
            "https://tile.openstreetmap.org/{z}/{x}.png",
            "https:///{z}/{x}/{y}.png",
            "https://{z}.example.org/{x}/{y}",
            "https://a.example.org/{z}/{x}/{y}.png\" onload=\"x",
            "https://a.example.org/{z}/{x}/{y}.png; script-src *",
            "https://user@a.example.org/{z}/{x}/{y}",
            "",
        ] {
            assert!(TileTemplate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_place_lies_in_the_tile_numbered_for_it() {
        // Aalborg's centre, at the zoom of a street map and of the whole municipality.
        for zoom in [10, 14] {
            let (x, y) = tile_at(57.0488, 9.9217, zoom);
            assert!(tile_lon(x, zoom) <= 9.9217 && 9.9217 < tile_lon(x + 1, zoom));
            assert!(tile_lat(y, zoom) >= 57.0488 && 57.0488 > tile_lat(y + 1, zoom));
        }
        assert_eq!(tile_at(57.0488, 9.9217, 10).0, 540);
        assert_eq!(tile_at(0.0, 0.0, 1), (1, 1));
        assert_eq!(tile_lat(0, 0).round(), 85.0);
    }

    #[test]
    fn tiles_cover_the_whole_frame_edge_to_edge() {
        // Roughly the municipality's box, drawn 600 units wide as on /map.
        let frame = MapFrame::around(9.5, 56.8, 10.5, 57.25, 600.0, 10.0);
        let tiles = tiles_for(&frame, &osm());
        assert!((4..=40).contains(&tiles.len()), "{} tiles", tiles.len());
        assert!((128..=256).contains(&tiles[0].width), "{:?}", tiles[0]);
        let columns = tiles.iter().filter(|t| t.y == tiles[0].y).count();
        for (i, tile) in tiles.iter().enumerate() {
            if (i + 1) % columns != 0 {
                assert_eq!(tile.x + tile.width, tiles[i + 1].x, "no gap to the east");
            }
            if let Some(below) = tiles.get(i + columns) {
                assert_eq!(tile.y + tile.height, below.y, "no gap to the south");
            }
        }
        let last = tiles.last().unwrap();
        assert!(tiles[0].x <= 0 && tiles[0].y <= 0, "{:?}", tiles[0]);
        assert!(last.x + last.width >= 600, "{last:?}");
        assert!(last.y + last.height >= frame.height as i64, "{last:?}");
        assert!(tiles[0].href.starts_with("https://tile.openstreetmap.org/"));
    }
}
