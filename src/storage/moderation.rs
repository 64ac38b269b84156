//! The moderation queue and moderators' actions, each recorded in the audit log.

use crate::audit::AuditAction;
use serde::{Deserialize, Serialize};

use super::{Db, Result, StorageError, audit};
use crate::idea::IdeaId;
use crate::moderation::{ModerationAction, ModerationState};

/// An idea as the moderation queue shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct QueueItem {
    pub id: i64,
    pub title: String,
    pub description: String,
    /// The language tag of the title and description.
    pub language: String,
    pub area_name: String,
    pub area_slug: String,
    pub sector_key: Option<String>,
    pub theme_key: Option<String>,
    pub moderation_state: String,
    pub moderation_reason: Option<String>,
    pub created_at: i64,
    pub open_reports: i64,
}

/// Why a moderator's action was not carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    NoSuchIdea,
    /// The action does not fit the idea's state (approving a public idea, say).
    NotNow,
}

impl Db {
    /// How many ideas wait for a moderator: the whole queue, however much of it a page shows.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn moderation_queue_count(&self) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT count(*) FROM ideas i
             WHERE i.moderation_state = 'pending'
                OR i.id IN (SELECT idea_id FROM reports WHERE resolved_at IS NULL)",
        )
        .fetch_one(self.pool())
        .await?)
    }

    /// Ideas waiting for a moderator (new, or with open reports), oldest first.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn moderation_queue(&self, limit: i64) -> Result<Vec<QueueItem>> {
        Ok(sqlx::query_as(
            "SELECT i.id, i.title, i.description, i.language, a.name AS area_name, a.slug AS area_slug, i.sector_key, i.theme_key, i.moderation_state, i.moderation_reason, i.created_at,
                    (SELECT count(*) FROM reports r WHERE r.idea_id = i.id AND r.resolved_at IS NULL) AS open_reports
             FROM ideas i JOIN areas a ON a.id = i.area_id
             WHERE i.moderation_state = 'pending'
                OR i.id IN (SELECT idea_id FROM reports WHERE resolved_at IS NULL)
             ORDER BY i.created_at, i.id LIMIT ?",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    /// Hidden and rejected ideas, most recently changed first, for restoring.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn withheld_ideas(&self, limit: i64) -> Result<Vec<QueueItem>> {
        Ok(sqlx::query_as(
            "SELECT i.id, i.title, i.description, i.language, a.name AS area_name, a.slug AS area_slug, i.sector_key, i.theme_key, i.moderation_state, i.moderation_reason, i.created_at,
                    0 AS open_reports
             FROM ideas i JOIN areas a ON a.id = i.area_id
             WHERE i.moderation_state IN ('hidden', 'rejected')
             ORDER BY i.updated_at DESC, i.id DESC LIMIT ?",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    /// Carries out a moderator's action and records it, before and after, in the audit log,
    /// in one transaction: no change without its record.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn moderate(
        &self,
        idea: IdeaId,
        action: ModerationAction,
        reason: Option<&str>,
        staff: i64,
        now: i64,
    ) -> Result<std::result::Result<ModerationState, Refusal>> {
        let mut tx = self.begin_write().await?;
        let done = moderate_on(&mut tx, idea, action, reason, staff, now).await?;
        if done.is_ok() {
            tx.commit().await?;
        }
        Ok(done)
    }
}

/// A moderator's action and its audit record, on a transaction the caller commits.
pub(super) async fn moderate_on(
    tx: &mut sqlx::SqliteConnection,
    idea: IdeaId,
    action: ModerationAction,
    reason: Option<&str>,
    staff: i64,
    now: i64,
) -> Result<std::result::Result<ModerationState, Refusal>> {
    let before: Option<(String, Option<String>)> =
        sqlx::query_as("SELECT moderation_state, moderation_reason FROM ideas WHERE id = ?")
            .bind(idea.0)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((state, old_reason)) = before else {
        return Ok(Err(Refusal::NoSuchIdea));
    };
    let state = ModerationState::parse(&state)
        .ok_or_else(|| StorageError::InvalidRow(format!("idea {}: state", idea.0)))?;
    let Some(after) = state.after(action) else {
        return Ok(Err(Refusal::NotNow));
    };
    let reason = if action.needs_reason() { reason } else { None };
    sqlx::query(
        "UPDATE ideas SET moderation_state = ?, moderation_reason = ?, updated_at = ? WHERE id = ?",
    )
    .bind(after.as_str())
    .bind(reason)
    .bind(now)
    .bind(idea.0)
    .execute(&mut *tx)
    .await?;
    // Whatever the moderator decided, the idea's open reports have been reviewed.
    let resolved = sqlx::query(
            "UPDATE reports SET resolved_at = ?, resolved_by = ? WHERE idea_id = ? AND resolved_at IS NULL",
        )
        .bind(now)
        .bind(staff)
        .bind(idea.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    audit::record(
        &mut *tx,
        audit::Record::idea(
            Some(staff),
            AuditAction::moderation(action),
            idea.0,
            serde_json::json!({ "moderation_state": state.as_str(), "reason": old_reason }),
            serde_json::json!({
                "moderation_state": after.as_str(),
                "reason": reason,
                "reports_closed": resolved,
            }),
            now,
        ),
    )
    .await?;
    Ok(Ok(after))
}
