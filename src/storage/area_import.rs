//! Replacing or extending the set of areas from an imported file, and moving ideas to the
//! areas their points fall in. A preview runs the same transaction and rolls it back.

use crate::audit::{AuditAction, AuditObject};
use serde::{Deserialize, Serialize};

use super::{Db, Result, audit};
use crate::area::AreaId;
use crate::area_import::ImportedArea;
use crate::geometry::{AreaMap, LatLon, to_geojson};

/// What an import did (or, previewed, would do).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub added: u64,
    pub updated: u64,
    /// Left out of a replacing set: deleted when no idea is in them any more, else retired.
    pub removed: u64,
    /// Areas out of lists and maps that still hold ideas without a point.
    pub retired: u64,
    /// Ideas moved to the area their point now falls in.
    pub reassigned: u64,
    /// Ideas that could not be placed (no point, in a retired area; or a point outside every
    /// area), kept where they were and flagged for staff.
    pub flagged: u64,
}

/// How an import meets the areas there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportMode {
    /// The file is the new set: areas not in it leave.
    Replace,
    /// The file adds areas and updates those with the same address; the others stay.
    Merge,
}

impl Db {
    /// Imports `areas`; with `apply` false, only reports what it would do.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn import_areas(
        &self,
        areas: &[ImportedArea],
        mode: ImportMode,
        apply: bool,
        staff: i64,
        now: i64,
    ) -> Result<ImportSummary> {
        let mut tx = self.begin_write().await?;
        let mut summary = ImportSummary::default();
        let existing: Vec<(i64, String)> = sqlx::query_as("SELECT id, slug FROM areas")
            .fetch_all(&mut *tx)
            .await?;
        for (position, area) in areas.iter().enumerate() {
            let geometry = to_geojson(&area.shape);
            let (lat, lon) = area.label;
            match existing.iter().find(|(_, slug)| slug == area.slug.as_str()) {
                Some((id, _)) => {
                    sqlx::query(
                        "UPDATE areas SET name = ?, geometry = ?, label_lat = ?, label_lon = ?,
                                position = ?, retired_at = NULL WHERE id = ?",
                    )
                    .bind(&area.name)
                    .bind(&geometry)
                    .bind(lat)
                    .bind(lon)
                    .bind(position as i64)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                    summary.updated += 1;
                }
                None => {
                    sqlx::query(
                        "INSERT INTO areas (slug, name, geometry, label_lat, label_lon, position)
                         VALUES (?, ?, ?, ?, ?, ?)",
                    )
                    .bind(area.slug.as_str())
                    .bind(&area.name)
                    .bind(&geometry)
                    .bind(lat)
                    .bind(lon)
                    .bind(position as i64)
                    .execute(&mut *tx)
                    .await?;
                    summary.added += 1;
                }
            }
        }
        if mode == ImportMode::Replace {
            let keep: Vec<&str> = areas.iter().map(|a| a.slug.as_str()).collect();
            for (id, slug) in &existing {
                if keep.contains(&slug.as_str()) {
                    continue;
                }
                summary.removed += 1;
                sqlx::query("UPDATE areas SET retired_at = ? WHERE id = ? AND retired_at IS NULL")
                    .bind(now)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        // Every idea with a point goes to the active area that holds it.
        let shapes: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, geometry FROM areas WHERE retired_at IS NULL")
                .fetch_all(&mut *tx)
                .await?;
        let map = AreaMap::new(shapes.into_iter().filter_map(|(id, geometry)| {
            Some((AreaId(id), crate::geometry::from_geojson(&geometry).ok()?))
        }));
        let placed: Vec<(i64, i64, f64, f64)> = sqlx::query_as(
            "SELECT id, area_id, lat, lon FROM ideas WHERE lat IS NOT NULL AND lon IS NOT NULL",
        )
        .fetch_all(&mut *tx)
        .await?;
        for (idea, area, lat, lon) in placed {
            let found = LatLon::new(lat, lon).and_then(|p| map.locate(p));
            match found {
                Some(new) if new.0 != area => {
                    sqlx::query("UPDATE ideas SET area_id = ?, area_flagged = 0, updated_at = ? WHERE id = ?")
                        .bind(new.0)
                        .bind(now)
                        .bind(idea)
                        .execute(&mut *tx)
                        .await?;
                    summary.reassigned += 1;
                }
                Some(_) => {}
                None => {
                    sqlx::query("UPDATE ideas SET area_flagged = 1 WHERE id = ?")
                        .bind(idea)
                        .execute(&mut *tx)
                        .await?;
                    summary.flagged += 1;
                }
            }
        }
        summary.flagged += sqlx::query(
            "UPDATE ideas SET area_flagged = 1
             WHERE lat IS NULL AND area_id IN (SELECT id FROM areas WHERE retired_at IS NOT NULL)",
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // Areas left out that no idea is in any more go; the others stay, retired.
        if mode == ImportMode::Replace {
            let deleted = sqlx::query(
                "DELETE FROM areas WHERE retired_at IS NOT NULL
                   AND id NOT IN (SELECT area_id FROM ideas)",
            )
            .execute(&mut *tx)
            .await?
            .rows_affected();
            let retired: i64 =
                sqlx::query_scalar("SELECT count(*) FROM areas WHERE retired_at IS NOT NULL")
                    .fetch_one(&mut *tx)
                    .await?;
            summary.retired = retired as u64;
            let _ = deleted;
        }
        if !apply {
            tx.rollback().await?;
            return Ok(summary);
        }
        audit::record(
            &mut tx,
            audit::Record {
                staff: Some(staff),
                action: match mode {
                    ImportMode::Replace => AuditAction::AreasReplace,
                    ImportMode::Merge => AuditAction::AreasMerge,
                },
                object_type: AuditObject::Area,
                object_id: None,
                before: Some(serde_json::json!({ "areas": existing.len() })),
                after: Some(serde_json::to_value(summary).unwrap_or_default()),
                at: now,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// Ideas an import could not place, for staff to place by hand.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn flagged_idea_count(&self) -> Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT count(*) FROM ideas WHERE area_flagged = 1")
                .fetch_one(self.pool())
                .await?,
        )
    }

    /// The first 200 of those: id, title and the (retired or old) area they are still in.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn flagged_ideas(&self) -> Result<Vec<(i64, String, String)>> {
        Ok(sqlx::query_as(
            "SELECT i.id, i.title, a.name FROM ideas i JOIN areas a ON a.id = i.area_id
             WHERE i.area_flagged = 1 ORDER BY i.id LIMIT 200",
        )
        .fetch_all(self.pool())
        .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::area_import::read_areas;
    use crate::storage::tests::db_with_reference;
    use crate::storage::{NewIdea, now};
    use crate::{Category, CategoryKey, IdeaDescription, IdeaTitle, ModerationState};

    fn postcodes() -> Vec<ImportedArea> {
        let path = crate::area_import::dagi_file("aalborg-postnumre.geojson");
        read_areas(&std::fs::read_to_string(path).unwrap(), "POSTBYNAVN").unwrap()
    }

    async fn admin(db: &Db) -> i64 {
        crate::storage::tests::staff(db, crate::staff::StaffRole::Admin).await
    }

    async fn idea_at(db: &Db, title: &str, point: Option<(f64, f64)>) -> crate::IdeaId {
        db.insert_idea(&NewIdea {
            title: IdeaTitle::parse(title).unwrap(),
            description: IdeaDescription::parse(
                "En beskrivelse der er lang nok til at blive gemt.",
            )
            .unwrap(),
            category: Category::Sector(CategoryKey::parse("transport").unwrap()),
            area: AreaId(1),
            point: point.and_then(|(lat, lon)| LatLon::new(lat, lon)),
            exact_point: false,
            photo: None,
            author: None,
            moderation: ModerationState::Published,
            created_at: now(),
        })
        .await
        .unwrap()
    }

    async fn area_of(db: &Db, idea: crate::IdeaId) -> (String, i64) {
        sqlx::query_as(
            "SELECT a.name, i.area_flagged FROM ideas i JOIN areas a ON a.id = i.area_id WHERE i.id = ?",
        )
        .bind(idea.0)
        .fetch_one(db.pool())
        .await
        .unwrap()
    }

    #[tokio::test]
    async fn replacing_with_the_postcodes_moves_ideas_by_point_and_flags_the_rest() {
        let (db, _dir) = db_with_reference().await;
        let anna = admin(&db).await;
        let before = db.list_areas().await.unwrap().len();
        // Nibe town, and a point with no postcode polygon around it (the North Sea).
        let in_nibe = idea_at(&db, "Solceller på Nibe skole", Some((56.983, 9.637))).await;
        let at_sea = idea_at(&db, "Havvind ud for kysten", Some((57.3, 8.0))).await;
        let no_point = idea_at(&db, "Flere cykelstier i byen", None).await;

        let preview = db
            .import_areas(&postcodes(), ImportMode::Replace, false, anna, 10)
            .await
            .unwrap();
        assert_eq!(
            db.list_areas().await.unwrap().len(),
            before,
            "a preview changes nothing"
        );
        let done = db
            .import_areas(&postcodes(), ImportMode::Replace, true, anna, 10)
            .await
            .unwrap();
        assert_eq!(done, preview, "the preview said what the import did");
        assert_eq!(done.added + done.updated, 18);
        let names: Vec<String> = db
            .list_areas()
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(names.len(), 18, "{names:?}");
        assert_eq!(area_of(&db, in_nibe).await, ("Nibe".into(), 0));
        assert_eq!(
            area_of(&db, at_sea).await.1,
            1,
            "outside every area: kept and flagged"
        );
        assert_eq!(
            area_of(&db, no_point).await.1,
            1,
            "its area is retired: flagged"
        );
        assert!(done.retired >= 1 && done.flagged == 2, "{done:?}");
        assert_eq!(db.flagged_idea_count().await.unwrap(), 2);
        let log = db.audit_log(&Default::default(), None, 1).await.unwrap();
        assert_eq!(log[0].action, "areas.replace");
    }

    #[tokio::test]
    async fn merging_keeps_the_areas_there_are() {
        let (db, _dir) = db_with_reference().await;
        let anna = admin(&db).await;
        let before = db.list_areas().await.unwrap();
        let done = db
            .import_areas(&postcodes(), ImportMode::Merge, true, anna, 10)
            .await
            .unwrap();
        let after = db.list_areas().await.unwrap();
        assert_eq!(after.len() as u64, before.len() as u64 + done.added);
        assert_eq!(done.removed, 0);
    }
}

/// An uploaded file waiting for its preview to be confirmed.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PendingImport {
    pub id: i64,
    pub staff_id: i64,
    pub name_property: String,
    pub file_name: String,
    pub geojson: String,
    pub created_at: i64,
}

impl Db {
    /// Keeps an uploaded file for its preview; clears uploads older than a day.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn save_pending_import(
        &self,
        staff: i64,
        name_property: &str,
        file_name: &str,
        geojson: &str,
        now: i64,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM pending_area_imports WHERE created_at < ?")
            .bind(now - 86_400)
            .execute(&mut *tx)
            .await?;
        let id = sqlx::query_scalar(
            "INSERT INTO pending_area_imports (staff_id, name_property, file_name, geojson, created_at)
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(staff)
        .bind(name_property)
        .bind(file_name)
        .bind(geojson)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn pending_import(&self, id: i64) -> Result<Option<PendingImport>> {
        Ok(
            sqlx::query_as("SELECT * FROM pending_area_imports WHERE id = ?")
                .bind(id)
                .fetch_optional(self.pool())
                .await?,
        )
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn delete_pending_import(&self, id: i64) -> Result<()> {
        sqlx::query("DELETE FROM pending_area_imports WHERE id = ?")
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
