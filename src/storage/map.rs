//! The map: areas drawn for pages, and what each area holds (ideas, supports, points).

use serde::{Deserialize, Serialize};

use super::{Db, Result};
use crate::area::{AreaId, AreaSlug};
use crate::map::{DrawnArea, MapDrawing, MapFrame};

impl Db {
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

/// A published idea's point on the map: id, title, the title's language tag, latitude,
/// longitude.
pub type IdeaPoint = (i64, String, String, f64, f64);

/// What a map shows of one area: its published ideas and their supports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaCount {
    pub area: AreaId,
    pub ideas: i64,
    pub supports: i64,
}

impl Db {
    /// Published ideas and supports per area, every area included (with 0s).
    #[tracing::instrument(level = "debug", skip_all)]
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

    /// The most supported published ideas that have a point, as published: rounded unless the
    /// author asked for the exact spot.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn idea_points(&self, limit: i64) -> Result<Vec<IdeaPoint>> {
        Ok(sqlx::query_as(IDEA_POINTS_SQL)
            .bind(limit)
            .fetch_all(self.pool())
            .await?)
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
