//! Areas: the parts of the municipality ideas belong to, their shapes, and finding the area of
//! a point. Importing a new set of areas is `area_import.rs`.

use geo::MultiPolygon;
use serde::{Deserialize, Serialize};

use super::{Db, Result, StorageError};
use crate::area::{AreaId, AreaSlug};
use crate::geometry::{AreaMap, LatLon};

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
}
