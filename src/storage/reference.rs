//! Sectors, adaptation themes and areas.

use serde::{Deserialize, Serialize};

use super::{Db, Result, StorageError};
use crate::area::{AreaId, AreaSlug};
use geo::MultiPolygon;

use crate::geometry::{AreaMap, LatLon};
use crate::map::{DrawnArea, MapDrawing, MapFrame};
use crate::reference::Named;

/// An area as lists and filters show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaRow {
    pub id: AreaId,
    pub slug: AreaSlug,
    pub name: String,
    pub label: (f64, f64),
}

/// An area to store.
pub struct NewArea<'a> {
    pub slug: &'a AreaSlug,
    pub name: &'a str,
    pub geometry_geojson: &'a str,
    pub label: LatLon,
    pub position: i64,
}

impl Db {
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn insert_sector(&self, named: &Named, position: i64) -> Result<()> {
        sqlx::query("INSERT INTO sectors (key, name_da, name_en, position) VALUES (?, ?, ?, ?)")
            .bind(named.key)
            .bind(named.da)
            .bind(named.en)
            .bind(position)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn insert_theme(&self, named: &Named, position: i64) -> Result<()> {
        sqlx::query(
            "INSERT INTO adaptation_themes (key, name_da, name_en, position) VALUES (?, ?, ?, ?)",
        )
        .bind(named.key)
        .bind(named.da)
        .bind(named.en)
        .bind(position)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn count_sectors(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM sectors")
            .fetch_one(self.pool())
            .await?)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn count_areas(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM areas")
            .fetch_one(self.pool())
            .await?)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn insert_area(&self, area: &NewArea<'_>) -> Result<AreaId> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO areas (slug, name, geometry, label_lat, label_lon, position)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(area.slug.as_str())
        .bind(area.name)
        .bind(area.geometry_geojson)
        .bind(area.label.lat)
        .bind(area.label.lon)
        .bind(area.position)
        .fetch_one(self.pool())
        .await?;
        Ok(AreaId(id))
    }

    /// All areas in their display order.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn list_areas(&self) -> Result<Vec<AreaRow>> {
        let rows: Vec<(i64, String, String, f64, f64)> = sqlx::query_as(
            "SELECT id, slug, name, label_lat, label_lon FROM areas WHERE retired_at IS NULL
             ORDER BY position, name",
        )
        .fetch_all(self.pool())
        .await?;
        rows.into_iter()
            .map(|(id, slug, name, lat, lon)| {
                let slug = AreaSlug::parse(&slug)
                    .ok_or_else(|| StorageError::InvalidRow(format!("area slug {slug:?}")))?;
                Ok(AreaRow {
                    id: AreaId(id),
                    slug,
                    name,
                    label: (lat, lon),
                })
            })
            .collect()
    }

    /// Every area with its polygons, in display order.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn area_shapes(&self) -> Result<Vec<(AreaRow, MultiPolygon<f64>)>> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, geometry FROM areas WHERE retired_at IS NULL ORDER BY position, id",
        )
        .fetch_all(self.pool())
        .await?;
        let mut areas = self.list_areas().await?;
        rows.into_iter()
            .map(|(id, geometry)| {
                let shape = crate::geometry::from_geojson(&geometry)
                    .map_err(|e| StorageError::InvalidRow(format!("area {id} geometry: {e}")))?;
                let index = areas
                    .iter()
                    .position(|a| a.id.0 == id)
                    .ok_or_else(|| StorageError::InvalidRow(format!("area {id} vanished")))?;
                Ok((areas.swap_remove(index), shape))
            })
            .collect()
    }

    /// The polygons of every area, for finding the area of a point.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn load_area_map(&self) -> Result<AreaMap> {
        let shapes = self.area_shapes().await?;
        Ok(AreaMap::new(
            shapes.into_iter().map(|(area, shape)| (area.id, shape)),
        ))
    }

    /// The area a point lies in; `None` outside the municipality.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn area_at(&self, point: crate::geometry::LatLon) -> Result<Option<AreaRow>> {
        let shapes = self.area_shapes().await?;
        let map = AreaMap::new(shapes.iter().map(|(area, shape)| (area.id, shape.clone())));
        let id = map.locate(point);
        Ok(shapes
            .into_iter()
            .map(|(area, _)| area)
            .find(|area| Some(area.id) == id))
    }

    /// One area drawn on its own, `width` map units wide (the mini-map of an idea's page).
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn area_drawing(&self, slug: &AreaSlug, width: f64) -> Result<Option<MapDrawing>> {
        let Some((area, shape)) = self
            .area_shapes()
            .await?
            .into_iter()
            .find(|(area, _)| &area.slug == slug)
        else {
            return Ok(None);
        };
        let Some((west, south, east, north)) = crate::geometry::bounds([&shape]) else {
            return Ok(None);
        };
        let frame = MapFrame::around(west, south, east, north, width, 6.0);
        Ok(Some(MapDrawing {
            areas: vec![DrawnArea {
                path: crate::geometry::svg_path(&shape, &frame),
                slug: area.slug.as_str().to_owned(),
                name: area.name,
            }],
            frame,
        }))
    }

    /// The areas drawn `width` map units wide, for maps on pages.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn map_drawing(&self, width: f64) -> Result<MapDrawing> {
        let shapes = self.area_shapes().await?;
        let (west, south, east, north) = crate::geometry::bounds(shapes.iter().map(|(_, s)| s))
            .unwrap_or((9.39, 56.81, 10.39, 57.23));
        let frame = MapFrame::around(west, south, east, north, width, 8.0);
        let areas = shapes
            .into_iter()
            .map(|(area, shape)| DrawnArea {
                path: crate::geometry::svg_path(&shape, &frame),
                slug: area.slug.as_str().to_owned(),
                name: area.name,
            })
            .collect();
        Ok(MapDrawing { frame, areas })
    }
}

/// A sector or theme as a form offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryRow {
    pub key: String,
    pub name_da: String,
    pub name_en: String,
}

impl Db {
    /// Sectors (`themes` false) or adaptation themes (true), in their display order.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn list_categories(&self, themes: bool) -> Result<Vec<CategoryRow>> {
        let table = if themes {
            "adaptation_themes"
        } else {
            "sectors"
        };
        let rows: Vec<(String, String, String)> = sqlx::query_as(&format!(
            "SELECT key, name_da, name_en FROM {table} ORDER BY position, key"
        ))
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(key, name_da, name_en)| CategoryRow {
                key,
                name_da,
                name_en,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use crate::storage::test_support::file_db;

    #[tokio::test]
    async fn the_drawn_map_has_every_area_and_a_click_on_its_label_finds_it() {
        let (db, _dir) = file_db().await;
        crate::demo::install_reference_data(&db).await.unwrap();
        let drawing = db.map_drawing(600.0).await.unwrap();
        let areas = db.list_areas().await.unwrap();
        let map = db.load_area_map().await.unwrap();
        assert_eq!(drawing.areas.len(), areas.len());
        for (drawn, area) in drawing.areas.iter().zip(&areas) {
            assert_eq!(drawn.slug, area.slug.as_str());
            assert!(drawn.path.starts_with('M') && drawn.path.ends_with('Z'));
            // Where the label is drawn, a click goes back to a point in the same area.
            let (x, y) = drawing.frame.project(area.label.0, area.label.1);
            assert!((0.0..=drawing.frame.width).contains(&x));
            assert!((0.0..=drawing.frame.height).contains(&y));
            let (lat, lon) = drawing.frame.unproject(x, y);
            let point = crate::geometry::LatLon::new(lat, lon).unwrap();
            assert_eq!(map.locate(point), Some(area.id), "{}", area.name);
        }
    }
}

pub(super) const AREA_COUNTS_SQL: &str =
    "SELECT a.id, count(i.id), coalesce(sum(i.support_count), 0)
     FROM areas a LEFT JOIN ideas i
       ON i.area_id = a.id AND i.moderation_state = 'published' AND i.status <> 'merged'
     WHERE a.retired_at IS NULL
     GROUP BY a.id ORDER BY a.position, a.id";

pub(super) const IDEA_POINTS_SQL: &str = "SELECT id, title, language,
       iif(point_exact, lat, round(lat, 3)), iif(point_exact, lon, round(lon, 3)) FROM ideas
     WHERE moderation_state = 'published' AND status <> 'merged' AND lat IS NOT NULL
     ORDER BY support_count DESC, id LIMIT ?";

/// What a map shows of one area: its published ideas and their supports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaCount {
    pub area: AreaId,
    pub ideas: i64,
    pub supports: i64,
}

impl Db {
    /// Published ideas and supports per area, every area included (with 0s).
    pub async fn area_counts(&self) -> Result<Vec<AreaCount>> {
        let rows: Vec<(i64, i64, i64)> = sqlx::query_as(AREA_COUNTS_SQL)
            .fetch_all(self.pool())
            .await?;
        Ok(rows
            .into_iter()
            .map(|(area, ideas, supports)| AreaCount {
                area: AreaId(area),
                ideas,
                supports,
            })
            .collect())
    }

    /// The most supported published ideas that have a point: id, title, latitude, longitude
    /// (as published: rounded unless the author asked for the exact spot).
    /// Published ideas' points (rounded unless the author asked for the exact spot): id,
    /// title, the title's language tag, latitude, longitude.
    pub async fn idea_points(&self, limit: i64) -> Result<Vec<(i64, String, String, f64, f64)>> {
        Ok(sqlx::query_as(IDEA_POINTS_SQL)
            .bind(limit)
            .fetch_all(self.pool())
            .await?)
    }
}
