//! Moderators correcting an idea: a typo in its title, its kind and sector or theme, its area.
//! What the author wrote stays in the audit log's `before`, so the original is never lost.

use super::{Db, Result, audit, search};
use crate::area::AreaId;
use crate::audit::AuditAction;
use crate::idea::{Category, IdeaId, IdeaTitle};

/// What a moderator corrects; `None` leaves a part as it is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Correction {
    pub title: Option<IdeaTitle>,
    pub category: Option<Category>,
    pub area: Option<AreaId>,
}

/// Why a correction was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorrectionRefusal {
    NoSuchIdea,
    NoSuchArea,
    NoSuchCategory,
    /// Nothing differs from what is stored.
    Unchanged,
}

/// Title, description, kind, sector, theme and area id, as stored.
type IdeaColumns = (String, String, String, Option<String>, Option<String>, i64);

impl Db {
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn correct_idea(
        &self,
        idea: IdeaId,
        correction: &Correction,
        staff: i64,
        now: i64,
    ) -> Result<std::result::Result<(), CorrectionRefusal>> {
        let mut tx = self.begin_write().await?;
        let row: Option<IdeaColumns> = sqlx::query_as(
            "SELECT title, description, kind, sector_key, theme_key, area_id FROM ideas WHERE id = ?",
        )
        .bind(idea.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((title, description, kind, sector, theme, area)) = row else {
            return Ok(Err(CorrectionRefusal::NoSuchIdea));
        };
        if let Some(new_area) = correction.area {
            let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM areas WHERE id = ?")
                .bind(new_area.0)
                .fetch_optional(&mut *tx)
                .await?;
            if exists.is_none() {
                return Ok(Err(CorrectionRefusal::NoSuchArea));
            }
        }
        if let Some(category) = &correction.category {
            let sql = match category {
                Category::Sector(_) => "SELECT key FROM sectors WHERE key = ?",
                Category::Theme(_) => "SELECT key FROM adaptation_themes WHERE key = ?",
            };
            let exists: Option<String> = sqlx::query_scalar(sql)
                .bind(category.key().as_str())
                .fetch_optional(&mut *tx)
                .await?;
            if exists.is_none() {
                return Ok(Err(CorrectionRefusal::NoSuchCategory));
            }
        }
        let new_title = correction
            .title
            .as_ref()
            .map_or(title.as_str(), IdeaTitle::as_str);
        let (new_kind, new_sector, new_theme) = match &correction.category {
            Some(Category::Sector(key)) => ("mitigation", Some(key.as_str()), None),
            Some(Category::Theme(key)) => ("adaptation", None, Some(key.as_str())),
            None => (kind.as_str(), sector.as_deref(), theme.as_deref()),
        };
        let new_area = correction.area.map_or(area, |a| a.0);
        let changed = new_title != title
            || new_kind != kind
            || new_sector != sector.as_deref()
            || new_theme != theme.as_deref()
            || new_area != area;
        if !changed {
            return Ok(Err(CorrectionRefusal::Unchanged));
        }
        sqlx::query(
            "UPDATE ideas SET title = ?, kind = ?, sector_key = ?, theme_key = ?, area_id = ?,
                    area_flagged = iif(area_id = ?, area_flagged, 0), updated_at = ?
             WHERE id = ?",
        )
        .bind(new_title)
        .bind(new_kind)
        .bind(new_sector)
        .bind(new_theme)
        .bind(new_area)
        // A new area is a place given by staff: the import's flag is done with.
        .bind(new_area)
        .bind(now)
        .bind(idea.0)
        .execute(&mut *tx)
        .await?;
        if new_title != title {
            search::index_idea(&mut tx, idea, new_title, &description).await?;
        }
        audit::record(
            &mut tx,
            audit::Record::idea(
                Some(staff),
                AuditAction::IdeaCorrect,
                idea.0,
                serde_json::json!({
                    "title": title, "kind": kind, "sector": sector, "theme": theme, "area_id": area,
                }),
                serde_json::json!({
                    "title": new_title, "kind": new_kind, "sector": new_sector, "theme": new_theme,
                    "area_id": new_area,
                }),
                now,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// The titles as their authors wrote them, of those of `ideas` a moderator has corrected
    /// since (and not back): one query for a whole queue.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn original_titles(&self, ideas: &[IdeaId]) -> Result<Vec<(IdeaId, String)>> {
        if ideas.is_empty() {
            return Ok(Vec::new());
        }
        let mut query = sqlx::QueryBuilder::new(
            "SELECT id, original FROM (
               SELECT i.id, i.title,
                 (SELECT json_extract(a.before_json, '$.title') FROM audit_events a
                  WHERE a.object_type = 'idea' AND a.object_id = i.id
                    AND a.action = 'idea.correct'
                  ORDER BY a.id LIMIT 1) AS original
               FROM ideas i WHERE i.id IN (",
        );
        let mut list = query.separated(", ");
        for idea in ideas.iter().take(500) {
            list.push_bind(idea.0);
        }
        query.push(")) WHERE original IS NOT NULL AND original <> title ORDER BY id");
        let rows: Vec<(i64, String)> = query.build_query_as().fetch_all(self.pool()).await?;
        Ok(rows.into_iter().map(|(id, t)| (IdeaId(id), t)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ModerationState;
    use crate::reference::CategoryKey;
    use crate::staff::StaffRole;
    use crate::storage::tests::{db_with_reference, insert};

    #[tokio::test]
    async fn a_corrected_title_is_searchable_and_the_original_stays_in_the_log() {
        let (db, _dir) = db_with_reference().await;
        let mo = crate::storage::tests::staff(&db, StaffRole::Moderator).await;
        let idea = insert(
            &db,
            "Flere cykelstir ved skolen",
            ModerationState::Published,
        )
        .await;
        let fixed = Correction {
            title: Some(IdeaTitle::parse("Flere cykelstier ved skolen").unwrap()),
            category: Some(Category::Theme(CategoryKey::parse("heat").unwrap())),
            area: Some(AreaId(2)),
        };
        assert_eq!(db.correct_idea(idea, &fixed, mo, 5).await.unwrap(), Ok(()));
        assert_eq!(db.search_published_ids("cykelsti").await.unwrap(), [idea]);
        let untouched = insert(&db, "En idé ingen har rettet", ModerationState::Published).await;
        assert_eq!(
            db.original_titles(&[untouched, idea]).await.unwrap(),
            [(idea, "Flere cykelstir ved skolen".to_owned())]
        );
        let (kind, theme, sector, area): (String, Option<String>, Option<String>, i64) =
            sqlx::query_as("SELECT kind, theme_key, sector_key, area_id FROM ideas WHERE id = ?")
                .bind(idea.0)
                .fetch_one(db.pool())
                .await
                .unwrap();
        assert_eq!(
            (kind.as_str(), theme.as_deref(), sector, area),
            ("adaptation", Some("heat"), None, 2)
        );
        let log = db.audit_of("idea", idea.0).await.unwrap();
        assert_eq!(log.len(), 1);
        assert!(log[0].2.as_deref().unwrap().contains("cykelstir ved"));

        assert_eq!(
            db.correct_idea(idea, &fixed, mo, 6).await.unwrap(),
            Err(CorrectionRefusal::Unchanged)
        );
        let nowhere = Correction {
            area: Some(AreaId(9999)),
            ..Correction::default()
        };
        assert_eq!(
            db.correct_idea(idea, &nowhere, mo, 6).await.unwrap(),
            Err(CorrectionRefusal::NoSuchArea)
        );
        assert_eq!(
            db.correct_idea(IdeaId(9999), &fixed, mo, 6).await.unwrap(),
            Err(CorrectionRefusal::NoSuchIdea)
        );
        let unknown = Correction {
            category: Some(Category::Theme(CategoryKey::parse("nonsense").unwrap())),
            ..Correction::default()
        };
        assert_eq!(
            db.correct_idea(idea, &unknown, mo, 6).await.unwrap(),
            Err(CorrectionRefusal::NoSuchCategory)
        );
        assert_eq!(
            db.audit_of("idea", idea.0).await.unwrap().len(),
            1,
            "refusals change nothing"
        );
    }
}
