//! Sectors, adaptation themes and areas.

use serde::{Deserialize, Serialize};

use super::{Db, Result, StorageError};
use crate::area::{AreaId, AreaSlug};
use crate::geometry::{AreaMap, LatLon};
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

    pub async fn count_sectors(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM sectors")
            .fetch_one(self.pool())
            .await?)
    }

    pub async fn count_areas(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM areas")
            .fetch_one(self.pool())
            .await?)
    }

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
    pub async fn list_areas(&self) -> Result<Vec<AreaRow>> {
        let rows: Vec<(i64, String, String, f64, f64)> = sqlx::query_as(
            "SELECT id, slug, name, label_lat, label_lon FROM areas ORDER BY position, name",
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

    /// The polygons of every area, for finding the area of a point.
    pub async fn load_area_map(&self) -> Result<AreaMap> {
        let rows: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, geometry FROM areas ORDER BY position, id")
                .fetch_all(self.pool())
                .await?;
        let shapes = rows
            .into_iter()
            .map(|(id, geometry)| {
                crate::geometry::from_geojson(&geometry)
                    .map(|shape| (AreaId(id), shape))
                    .map_err(|e| StorageError::InvalidRow(format!("area {id} geometry: {e}")))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(AreaMap::new(shapes))
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
