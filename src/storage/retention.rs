//! What is kept, and for how long. Everything past its time is deleted by [`Db::sweep`], which
//! the server runs every hour; README's "Retention" lists the same periods.

use std::collections::HashSet;

use super::{DRAFT_LIFETIME_SECONDS, Db, Result};

/// Sign-in codes (with the address they went to, also of people who never signed in): long
/// enough for the hourly limits to count them.
pub const SIGN_IN_CODES_KEPT_SECONDS: i64 = 24 * 3600;
/// Status mails that were sent or given up, kept for staff to see what went out.
pub const STATUS_MAILS_KEPT_SECONDS: i64 = 30 * 24 * 3600;
/// A hidden or rejected idea keeps its photo this long, so a moderator's slip (or reports
/// that a moderator overrules) can be undone; then the photo is deleted, from disk too.
pub const HIDDEN_PHOTOS_KEPT_SECONDS: i64 = 12 * 3600;

/// How many rows a sweep deleted, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    pub sign_in_codes: u64,
    pub sessions: u64,
    pub staff_sessions: u64,
    pub drafts: u64,
    pub status_mails: u64,
    /// Photos taken off hidden or rejected ideas (their files go with the next file sweep).
    pub photos: u64,
}

impl Db {
    /// Deletes everything kept past its time, in one transaction.
    pub async fn sweep(&self, now: i64) -> Result<Swept> {
        let mut tx = self.begin_write().await?;
        let mut run = async |sql: &str, before: i64| -> Result<u64> {
            Ok(sqlx::query(sql)
                .bind(before)
                .execute(&mut *tx)
                .await?
                .rows_affected())
        };
        let swept = Swept {
            sign_in_codes: run(
                "DELETE FROM sign_in_codes WHERE created_at < ?",
                now - SIGN_IN_CODES_KEPT_SECONDS,
            )
            .await?,
            sessions: run("DELETE FROM sessions WHERE expires_at < ?", now).await?,
            staff_sessions: run("DELETE FROM staff_sessions WHERE expires_at < ?", now).await?,
            drafts: run(
                "DELETE FROM idea_drafts WHERE updated_at < ?",
                now - DRAFT_LIFETIME_SECONDS,
            )
            .await?,
            status_mails: run(
                "DELETE FROM status_mails
                 WHERE coalesce(sent_at, failed_at) IS NOT NULL
                   AND coalesce(sent_at, failed_at) < ?",
                now - STATUS_MAILS_KEPT_SECONDS,
            )
            .await?,
            photos: run(
                "UPDATE ideas SET photo = NULL
                 WHERE photo IS NOT NULL AND moderation_state IN ('hidden', 'rejected')
                   AND updated_at < ?",
                now - HIDDEN_PHOTOS_KEPT_SECONDS,
            )
            .await?,
        };
        tx.commit().await?;
        Ok(swept)
    }

    /// Every photo file still needed: the drafts' and the ideas'. Any other file in the photo
    /// folder can go.
    pub async fn photos_in_use(&self) -> Result<HashSet<String>> {
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT photo FROM ideas WHERE photo IS NOT NULL
             UNION SELECT photo FROM idea_drafts WHERE photo IS NOT NULL",
        )
        .fetch_all(self.pool())
        .await?;
        Ok(names.into_iter().collect())
    }
}
