//! Supports: a resident's support of a published idea, written through the group-commit
//! writer (`support_writer.rs`), and read back for buttons and lists. The rules (limits, only
//! published ideas) are the core's `support::set_support`.

use super::support_writer::SupportChange;
use super::{Db, Result};
use crate::idea::IdeaId;
use crate::resident::ResidentId;

impl Db {
    /// Records a support for a public idea; `false` if there already was one, or the idea is
    /// not one the public can support (unknown, hidden, awaiting review or merged). Returns once
    /// it is committed, in a group with others (see `support_writer`).
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn add_public_support(
        &self,
        idea: IdeaId,
        resident: ResidentId,
        at: i64,
    ) -> Result<bool> {
        Ok(self
            .supports
            .write(SupportChange::Add { idea, resident, at })
            .await?
            .changed)
    }

    /// Withdraws a support; `false` if there was none.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn remove_support(&self, idea: IdeaId, resident: ResidentId) -> Result<bool> {
        Ok(self
            .supports
            .write(SupportChange::Remove { idea, resident })
            .await?
            .changed)
    }

    /// Supports (`want`) or withdraws, and answers with the idea's count and whether the
    /// resident supports it once committed (read in the same transaction); `None` when the
    /// idea is not public.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn change_support(
        &self,
        idea: IdeaId,
        resident: ResidentId,
        want: bool,
        at: i64,
    ) -> Result<Option<(i64, bool)>> {
        let change = if want {
            SupportChange::Add { idea, resident, at }
        } else {
            SupportChange::Remove { idea, resident }
        };
        Ok(self.supports.write(change).await?.state)
    }

    /// Which of `ideas` the resident supports: one query for a whole list of cards.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn supported_among(
        &self,
        resident: ResidentId,
        ideas: &[IdeaId],
    ) -> Result<Vec<IdeaId>> {
        if ideas.is_empty() {
            return Ok(Vec::new());
        }
        // The ids as one JSON array: one statement, prepared once, for every list.
        let listed: Vec<i64> = ideas.iter().take(500).map(|idea| idea.0).collect();
        let listed = serde_json::to_string(&listed).expect("numbers serialise");
        let ids: Vec<i64> = self.read(|connection| {
            connection
                .prepare_cached(
                    "SELECT idea_id FROM supports
                         WHERE resident_id = ? AND idea_id IN (SELECT value FROM json_each(?))",
                )?
                .query_map((resident.0, listed), |row| row.get(0))?
                .collect()
        })?;
        Ok(ids.into_iter().map(IdeaId).collect())
    }

    /// The idea's support count and whether the resident supports it, in one query (the
    /// answer to every press of the support button); `None` if there is no such public idea
    /// (an unpublished idea's number and count are nobody's business).
    #[tracing::instrument(level = "debug", skip_all)]
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

    #[tracing::instrument(level = "debug", skip_all)]
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
    #[tracing::instrument(level = "debug", skip_all)]
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
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn count_supports_of(&self, idea: IdeaId) -> Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT count(*) FROM supports WHERE idea_id = ?")
                .bind(idea.0)
                .fetch_one(self.pool())
                .await?,
        )
    }
}
