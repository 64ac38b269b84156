//! The map of areas: the drawing, each area's ideas and supports, and idea points.

use klimadialog::map::MapDrawing;
use klimadialog::map_tiles::PlacedTile;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// One area's row: what the map shades and the table lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapRow {
    pub slug: String,
    pub name: String,
    pub ideas: i64,
    pub supports: i64,
}

/// An idea's point, already placed on the drawing (whole map units).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapPoint {
    pub id: i64,
    pub title: String,
    /// The language the title is written in.
    pub language: klimadialog::Locale,
    pub x: i64,
    pub y: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapPage {
    pub drawing: MapDrawing,
    pub rows: Vec<MapRow>,
    pub points: Vec<MapPoint>,
    /// The background tiles, if a tile server is configured, and the credit it asks for.
    pub tiles: Vec<PlacedTile>,
    pub tile_credit: String,
}

/// The most idea points drawn: beyond this the dots cover the map and weigh down the page.
#[cfg(feature = "ssr")]
const MAX_POINTS: i64 = 500;

#[server(prefix = "/fn")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "load_map", skip_all))]
pub async fn load_map() -> Result<MapPage, AppError> {
    let state = crate::state::app_state()?;
    let drawing = state.db.map_drawing(600.0).await?;
    let counts = state.db.area_counts().await?;
    let areas = state.db.list_areas().await?;
    let rows = areas
        .into_iter()
        .map(|area| {
            let count = counts.iter().find(|c| c.area == area.id);
            MapRow {
                slug: area.slug.as_str().to_owned(),
                name: area.name,
                ideas: count.map(|c| c.ideas).unwrap_or(0),
                supports: count.map(|c| c.supports).unwrap_or(0),
            }
        })
        .collect();
    let points = state
        .db
        .idea_points(MAX_POINTS)
        .await?
        .into_iter()
        .map(|(id, title, language, lat, lon)| {
            let (x, y) = drawing.frame.project(lat, lon);
            MapPoint {
                id,
                title,
                language: klimadialog::Locale::from_tag(&language).unwrap_or_default(),
                x: x.round() as i64,
                y: y.round() as i64,
            }
        })
        .collect();
    let (tiles, tile_credit) = match &state.config.map_tiles {
        Some(tiles) => (
            klimadialog::map_tiles::tiles_for(&drawing.frame, &tiles.template),
            match tiles.credit.as_str() {
                "" => tiles.template.origin().to_owned(),
                credit => credit.to_owned(),
            },
        ),
        None => (Vec::new(), String::new()),
    };
    Ok(MapPage {
        drawing,
        rows,
        points,
        tiles,
        tile_credit,
    })
}
