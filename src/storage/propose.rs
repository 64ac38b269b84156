//! Drafts of ideas, one per browser, kept across sign-in.

use super::idea::NewIdea;
use super::{AreaRow, Db, Result, StorageError};
use crate::geometry::LatLon;
use crate::idea::{Category, IdeaId};
use crate::propose::{CheckedDraft, DraftErrors, DraftFields, FieldError, Place};
use crate::signin::DraftToken;

/// How long an untouched draft is kept.
pub const DRAFT_LIFETIME_SECONDS: i64 = crate::retention::DRAFT_SECONDS;

/// A draft as stored: the fields as typed and the photo, if one was uploaded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    pub fields: DraftFields,
    pub photo: Option<String>,
}

/// A draft that passed every check, with the area it goes into.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadyDraft {
    pub checked: CheckedDraft,
    pub area: AreaRow,
    /// The resident's point, when the area was derived from it.
    pub point: Option<LatLon>,
}

impl ReadyDraft {
    /// The idea this draft becomes, by `author`, in the moderation state the site starts with.
    pub fn into_idea(
        self,
        photo: Option<String>,
        author: Option<i64>,
        moderation: crate::ModerationState,
        now: i64,
    ) -> NewIdea {
        NewIdea {
            title: self.checked.title,
            description: self.checked.description,
            category: self.checked.category,
            area: self.area.id,
            point: self.point,
            exact_point: self.point.is_some() && self.checked.exact_point,
            photo,
            author,
            moderation,
            created_at: now,
        }
    }
}

impl Db {
    /// Checks a draft against the sectors, themes and areas this site has, and finds the area
    /// of a point. The outer `Result` is the database's; the inner one the resident's.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn check_draft(
        &self,
        fields: &DraftFields,
    ) -> Result<std::result::Result<ReadyDraft, DraftErrors>> {
        let sectors = self.list_categories(false).await?;
        let themes = self.list_categories(true).await?;
        let areas = self.list_areas().await?;
        let known_category = |c: &Category| {
            let list = match c {
                Category::Sector(_) => &sectors,
                Category::Theme(_) => &themes,
            };
            list.iter().any(|row| row.key == c.key().as_str())
        };
        let checked =
            match fields.check(known_category, |slug| areas.iter().any(|a| &a.slug == slug)) {
                Ok(checked) => checked,
                Err(errors) => return Ok(Err(errors)),
            };
        let (area, point) = match &checked.place {
            Place::Area(slug) => (areas.iter().find(|a| &a.slug == slug).cloned(), None),
            Place::Point { lat, lon } => match LatLon::new(*lat, *lon) {
                Some(point) => (self.area_at(point).await?, Some(point)),
                None => (None, None),
            },
        };
        Ok(match area {
            Some(area) => Ok(ReadyDraft {
                checked,
                area,
                point,
            }),
            None => Err(DraftErrors {
                place: Some(FieldError::PointOutside),
                ..DraftErrors::default()
            }),
        })
    }

    /// Turns a browser's draft into an idea, once: the draft is deleted in the same
    /// transaction, so a form sent twice (a double tap, a resend after a timeout) makes one
    /// idea. `None` when the draft was already submitted.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn submit_draft(&self, token: &DraftToken, idea: &NewIdea) -> Result<Option<IdeaId>> {
        let mut tx = self.begin_write().await?;
        let deleted = sqlx::query("DELETE FROM idea_drafts WHERE token_hash = ?")
            .bind(token.hash())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if deleted == 0 {
            return Ok(None);
        }
        let id = super::idea::insert_idea_on(&mut tx, idea).await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// Saves a browser's draft, replacing what it had, and forgets drafts nobody touched for a
    /// week.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn save_draft(&self, token: &DraftToken, draft: &Draft, now: i64) -> Result<()> {
        let fields = serde_json::to_string(&draft.fields)
            .map_err(|e| StorageError::InvalidRow(format!("draft fields: {e}")))?;
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM idea_drafts WHERE updated_at < ?")
            .bind(now - DRAFT_LIFETIME_SECONDS)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO idea_drafts (token_hash, fields, photo, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (token_hash) DO UPDATE
             SET fields = excluded.fields, photo = excluded.photo, updated_at = excluded.updated_at",
        )
        .bind(token.hash())
        .bind(fields)
        .bind(draft.photo.as_deref())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A browser's draft, if it has one that has not expired.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn load_draft(&self, token: &DraftToken, now: i64) -> Result<Option<Draft>> {
        let row: Option<(String, Option<String>)> = sqlx::query_as(
            "SELECT fields, photo FROM idea_drafts WHERE token_hash = ? AND updated_at >= ?",
        )
        .bind(token.hash())
        .bind(now - DRAFT_LIFETIME_SECONDS)
        .fetch_optional(self.pool())
        .await?;
        row.map(|(fields, photo)| {
            let fields = serde_json::from_str(&fields)
                .map_err(|e| StorageError::InvalidRow(format!("draft fields: {e}")))?;
            Ok(Draft { fields, photo })
        })
        .transpose()
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn delete_draft(&self, token: &DraftToken) -> Result<()> {
        sqlx::query("DELETE FROM idea_drafts WHERE token_hash = ?")
            .bind(token.hash())
            .execute(self.pool())
            .await?;
        // Signing out forgets what the browser typed anywhere.
        self.delete_argument_draft(token).await
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn count_drafts(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM idea_drafts")
            .fetch_one(self.pool())
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::test_support::file_db;

    #[tokio::test]
    async fn a_draft_comes_back_as_typed_until_it_is_a_week_old() {
        let (db, _dir) = file_db().await;
        let token = DraftToken::generate();
        let draft = Draft {
            fields: DraftFields {
                title: "<b>Flere</b> cykelstier ".into(),
                ..DraftFields::default()
            },
            photo: Some(format!("{}.jpg", "a".repeat(32))),
        };
        db.save_draft(&token, &draft, 1_000).await.unwrap();
        assert_eq!(
            db.load_draft(&token, 2_000).await.unwrap(),
            Some(draft.clone())
        );
        let other = DraftToken::generate();
        assert_eq!(db.load_draft(&other, 2_000).await.unwrap(), None);
        let later = 1_000 + DRAFT_LIFETIME_SECONDS + 1;
        assert_eq!(db.load_draft(&token, later).await.unwrap(), None);
        db.save_draft(&other, &Draft::default(), later)
            .await
            .unwrap();
        assert_eq!(db.count_drafts().await.unwrap(), 1, "the old draft is gone");
        db.delete_draft(&other).await.unwrap();
        assert_eq!(db.count_drafts().await.unwrap(), 0);
    }

    fn fields(area: &str, point: Option<(&str, &str)>) -> DraftFields {
        let (lat, lon) = point.unwrap_or(("", ""));
        DraftFields {
            kind: "adaptation".into(),
            theme: "cloudburst".into(),
            area: area.into(),
            lat: lat.into(),
            lon: lon.into(),
            title: "Regnbede i Vestbyen".into(),
            description: "Vandet står på vejen efter hvert skybrud.".into(),
            ..DraftFields::default()
        }
    }

    #[tokio::test]
    async fn the_server_derives_the_area_of_a_point_and_refuses_points_outside() {
        let (db, _dir) = file_db().await;
        crate::demo::install_reference_data(&db).await.unwrap();
        let listed = db
            .check_draft(&fields("9370-hals", None))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (listed.area.name.as_str(), listed.point),
            ("9370 Hals", None)
        );
        // Budolfi Kirke, in the middle of Aalborg: the point wins over the list.
        let pointed = db
            .check_draft(&fields("9370-hals", Some(("57.0487", "9.9187"))))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(pointed.area.name, "9000 Aalborg");
        assert!(pointed.point.is_some());
        // Copenhagen.
        let outside = db
            .check_draft(&fields("9370-hals", Some(("55.676", "12.568"))))
            .await
            .unwrap()
            .unwrap_err();
        assert_eq!(outside.place, Some(FieldError::PointOutside));
        let mut unknown = fields("9370-hals", None);
        unknown.theme = "volcanoes".into();
        let errors = db.check_draft(&unknown).await.unwrap().unwrap_err();
        assert_eq!(errors.category, Some(FieldError::ThemeMissing));
    }

    #[tokio::test]
    async fn a_draft_becomes_one_idea_however_often_it_is_sent() {
        let (db, _dir) = file_db().await;
        crate::demo::install_reference_data(&db).await.unwrap();
        let token = DraftToken::generate();
        let draft = Draft {
            fields: fields("9370-hals", None),
            photo: None,
        };
        db.save_draft(&token, &draft, crate::storage::now())
            .await
            .unwrap();
        let ready = db.check_draft(&draft.fields).await.unwrap().unwrap();
        let idea = ready.into_idea(
            None,
            None,
            crate::ModerationState::Pending,
            crate::storage::now(),
        );
        let idea = std::sync::Arc::new(idea);
        let sends: Vec<_> = (0..8)
            .map(|_| {
                let (db, token, idea) = (db.clone(), token.clone(), idea.clone());
                tokio::spawn(async move { db.submit_draft(&token, &idea).await })
            })
            .collect();
        let mut results = Vec::new();
        for send in sends {
            results.push(send.await.unwrap());
        }
        assert_eq!(
            results.iter().filter(|r| matches!(r, Ok(Some(_)))).count(),
            1
        );
        assert_eq!(db.count_ideas().await.unwrap(), 1);
        assert_eq!(db.count_drafts().await.unwrap(), 0);
    }
}
