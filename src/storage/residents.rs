//! Residents and their supports.

use super::support_writer::SupportChange;
use super::{Db, Result};
use crate::area::AreaId;
use crate::idea::IdeaId;
use crate::resident::ResidentId;

/// What a resident chose about the mail they get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MailSettings {
    /// The language of their mails.
    pub language: crate::Locale,
    /// A mail when an idea they proposed or support gets a new status.
    pub status_mails: bool,
}

pub struct NewResident<'a> {
    pub email: &'a str,
    pub display_name: Option<&'a str>,
    pub area: Option<AreaId>,
    pub created_at: i64,
}

impl Db {
    /// A resident's mail settings (Danish and mails on, until they choose).
    pub async fn mail_settings(&self, resident: ResidentId) -> Result<MailSettings> {
        let (language, status_mails): (String, bool) = sqlx::query_as(
            "SELECT coalesce(language, 'da'), status_mails FROM residents WHERE id = ?",
        )
        .bind(resident.0)
        .fetch_optional(self.pool())
        .await?
        .unwrap_or(("da".into(), true));
        Ok(MailSettings {
            language: crate::Locale::from_tag(&language).unwrap_or_default(),
            status_mails,
        })
    }

    pub async fn save_mail_settings(
        &self,
        resident: ResidentId,
        settings: MailSettings,
    ) -> Result<()> {
        sqlx::query("UPDATE residents SET language = ?, status_mails = ? WHERE id = ?")
            .bind(settings.language.tag())
            .bind(settings.status_mails)
            .bind(resident.0)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// The language of the page a resident first signed in on: their mails' language until
    /// they choose another on `/me`. Later sign-ins, perhaps on a device in another language,
    /// leave it be.
    pub async fn set_first_language(
        &self,
        resident: ResidentId,
        language: crate::Locale,
    ) -> Result<()> {
        sqlx::query("UPDATE residents SET language = ? WHERE id = ? AND language IS NULL")
            .bind(language.tag())
            .bind(resident.0)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    pub async fn insert_resident(&self, resident: &NewResident<'_>) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO residents (email, display_name, area_id, created_at) VALUES (?, ?, ?, ?) RETURNING id",
        )
        .bind(resident.email)
        .bind(resident.display_name)
        .bind(resident.area.map(|a| a.0))
        .bind(resident.created_at)
        .fetch_one(self.pool())
        .await?)
    }

    /// Records a support for a public idea; `false` if there already was one, or the idea is
    /// not one the public can support (unknown, hidden, awaiting review or merged). Returns once
    /// it is committed, in a group with others (see `support_writer`).
    pub async fn add_public_support(
        &self,
        idea: IdeaId,
        resident: ResidentId,
        at: i64,
    ) -> Result<bool> {
        self.supports
            .write(SupportChange::Add { idea, resident, at })
            .await
    }

    /// Withdraws a support; `false` if there was none.
    pub async fn remove_support(&self, idea: IdeaId, resident: ResidentId) -> Result<bool> {
        self.supports
            .write(SupportChange::Remove { idea, resident })
            .await
    }

    /// Which of `ideas` the resident supports: one query for a whole list of cards.
    pub async fn supported_among(
        &self,
        resident: ResidentId,
        ideas: &[IdeaId],
    ) -> Result<Vec<IdeaId>> {
        if ideas.is_empty() {
            return Ok(Vec::new());
        }
        let mut query =
            sqlx::QueryBuilder::new("SELECT idea_id FROM supports WHERE resident_id = ");
        query.push_bind(resident.0).push(" AND idea_id IN (");
        let mut list = query.separated(", ");
        for idea in ideas.iter().take(500) {
            list.push_bind(idea.0);
        }
        query.push(")");
        let ids: Vec<i64> = query.build_query_scalar().fetch_all(self.pool()).await?;
        Ok(ids.into_iter().map(IdeaId).collect())
    }

    /// The idea's support count and whether the resident supports it, in one query (the
    /// answer to every press of the support button); `None` if there is no such public idea
    /// (an unpublished idea's number and count are nobody's business).
    pub async fn support_state(
        &self,
        idea: IdeaId,
        resident: ResidentId,
    ) -> Result<Option<(i64, bool)>> {
        Ok(sqlx::query_as(
            "SELECT support_count,
                    EXISTS (SELECT 1 FROM supports WHERE idea_id = ideas.id AND resident_id = ?)
             FROM ideas WHERE id = ? AND moderation_state = 'published'",
        )
        .bind(resident.0)
        .bind(idea.0)
        .fetch_optional(self.pool())
        .await?)
    }

    pub async fn has_support(&self, idea: IdeaId, resident: ResidentId) -> Result<bool> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM supports WHERE idea_id = ? AND resident_id = ?")
                .bind(idea.0)
                .bind(resident.0)
                .fetch_optional(self.pool())
                .await?;
        Ok(found.is_some())
    }

    /// Records a support; `false` if the resident already supported the idea.
    pub async fn add_support(&self, idea: IdeaId, resident: i64, at: i64) -> Result<bool> {
        let done = sqlx::query(
            "INSERT OR IGNORE INTO supports (idea_id, resident_id, created_at) VALUES (?, ?, ?)",
        )
        .bind(idea.0)
        .bind(resident)
        .bind(at)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Counts supports row by row; the stored count on the idea must always agree with it.
    pub async fn count_supports_of(&self, idea: IdeaId) -> Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT count(*) FROM supports WHERE idea_id = ?")
                .bind(idea.0)
                .fetch_one(self.pool())
                .await?,
        )
    }
}
