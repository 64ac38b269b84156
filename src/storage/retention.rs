//! Deleting what is kept past its time (the periods are in `crate::retention`), which the
//! server does every hour; README's "Retention" and the privacy notice list the same periods.

use std::collections::HashSet;

use super::{Db, Result};
use crate::retention::{
    DRAFT_SECONDS, HIDDEN_PHOTO_SECONDS, SIGN_IN_CODE_SECONDS, STATUS_MAIL_SECONDS,
};

/// How many rows a sweep deleted, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    pub sign_in_codes: u64,
    pub sessions: u64,
    pub staff_sessions: u64,
    pub drafts: u64,
    /// Sent or given-up mails of every queue.
    pub mails: u64,
    /// Photos taken off hidden or rejected ideas (their files go with the next file sweep).
    pub photos: u64,
}

impl Db {
    /// Deletes everything kept past its time, in one transaction.
    #[tracing::instrument(level = "debug", skip_all)]
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
                now - SIGN_IN_CODE_SECONDS,
            )
            .await?,
            sessions: run("DELETE FROM sessions WHERE expires_at < ?", now).await?,
            staff_sessions: run("DELETE FROM staff_sessions WHERE expires_at < ?", now).await?,
            drafts: run(
                "DELETE FROM idea_drafts WHERE updated_at < ?",
                now - DRAFT_SECONDS,
            )
            .await?
                + run(
                    "DELETE FROM argument_drafts WHERE updated_at < ?",
                    now - DRAFT_SECONDS,
                )
                .await?,
            mails: {
                let mut swept = 0;
                // Every queue keeps a sent or given-up mail as long as the status mails.
                for queue in super::MailQueue::ALL.map(super::MailQueue::table) {
                    swept += run(
                        &format!(
                            "DELETE FROM {queue}
                             WHERE coalesce(sent_at, failed_at) IS NOT NULL
                               AND coalesce(sent_at, failed_at) < ?"
                        ),
                        now - STATUS_MAIL_SECONDS,
                    )
                    .await?;
                }
                // A round's record of who heard of what goes with its mails; the newest round
                // of each schedule stays, since the next one starts where it ended.
                swept += run(
                    "DELETE FROM digest_runs WHERE created_at < ?
                       AND id NOT IN (SELECT max(id) FROM digest_runs GROUP BY frequency)",
                    now - STATUS_MAIL_SECONDS,
                )
                .await?;
                run(
                    "DELETE FROM follow_events WHERE created_at < ?",
                    now - STATUS_MAIL_SECONDS,
                )
                .await?;
                swept
            },
            photos: run(
                "UPDATE ideas SET photo = NULL
                 WHERE photo IS NOT NULL AND moderation_state IN ('hidden', 'rejected')
                   AND updated_at < ?",
                now - HIDDEN_PHOTO_SECONDS,
            )
            .await?,
        };
        tx.commit().await?;
        Ok(swept)
    }

    /// Every photo file still needed: the drafts' and the ideas'. Any other file in the photo
    /// folder can go.
    #[tracing::instrument(level = "debug", skip_all)]
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
