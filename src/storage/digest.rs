//! Digest rounds in the database. The events are written by triggers (migration 0028) in the
//! transactions that cause them; a round fixes, in one transaction, which events it covers and
//! who hears of which (`digest_items`) and queues one mail per recipient (`digests`). Making
//! the same round again is a no-op (its schedule and period are unique), so a worker killed
//! mid-round and started again neither loses nor doubles a mail.

use serde::{Deserialize, Serialize};

use super::{Db, Result};
use crate::ResidentId;
use crate::digest::{DigestEntry, DigestRound};
use crate::follow::Frequency;

/// A digest mail that is due, with what it needs beyond its entries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct DueDigest {
    pub id: i64,
    pub attempts: i64,
    pub resident_id: i64,
    pub email: String,
    /// The recipient's language tag, as stored.
    pub language: String,
    /// The round's schedule: `at_once`, `daily` or `weekly`.
    pub frequency: String,
    pub run_id: i64,
}

/// Who hears of which events `?1`..=`?2` (ids), and whether an event is a reply to their own
/// argument: the followers of an idea for its new status and arguments (those who proposed,
/// support or argued on it or chose to follow it, less those who chose to stop), the author of
/// the argument a reply answers, the followers of an action for its progress, and of an area,
/// sector or theme for a new idea there.
const REACHED: &str = "
    ev AS (SELECT id, kind, idea_id, action_id, ref_id FROM follow_events
           WHERE id BETWEEN ?1 AND ?2),
    tied(event_id, idea_id, resident_id) AS (
        SELECT ev.id, ev.idea_id, i.author_id FROM ev CROSS JOIN ideas i ON i.id = ev.idea_id
        WHERE ev.kind IN ('status', 'argument') AND i.author_id IS NOT NULL
        UNION SELECT ev.id, ev.idea_id, s.resident_id
        FROM ev CROSS JOIN supports s ON s.idea_id = ev.idea_id
        WHERE ev.kind IN ('status', 'argument')
        UNION SELECT ev.id, ev.idea_id, a.author_id
        FROM ev CROSS JOIN arguments a ON a.idea_id = ev.idea_id
        WHERE ev.kind IN ('status', 'argument') AND a.author_id IS NOT NULL
        UNION SELECT ev.id, ev.idea_id, f.resident_id FROM ev CROSS JOIN follows f
            ON f.kind = 'idea' AND f.target = CAST(ev.idea_id AS TEXT) AND f.following = 1
        WHERE ev.kind IN ('status', 'argument')),
    reached(event_id, resident_id, reply) AS (
        SELECT t.event_id, t.resident_id, 0 FROM tied t
        WHERE NOT EXISTS (SELECT 1 FROM follows f
                          WHERE f.resident_id = t.resident_id AND f.kind = 'idea'
                            AND f.target = CAST(t.idea_id AS TEXT) AND f.following = 0)
        UNION ALL
        SELECT ev.id, p.author_id, 1 FROM ev CROSS JOIN arguments a ON a.id = ev.ref_id
        CROSS JOIN arguments p ON p.id = a.parent_id
        WHERE ev.kind = 'argument' AND p.author_id IS NOT NULL
        UNION ALL
        SELECT ev.id, f.resident_id, 0 FROM ev CROSS JOIN actions x ON x.id = ev.action_id
        CROSS JOIN follows f ON f.kind = 'action' AND f.target = x.code AND f.following = 1
        WHERE ev.kind IN ('action_status', 'milestone')
        UNION ALL
        SELECT ev.id, f.resident_id, 0 FROM ev CROSS JOIN ideas i ON i.id = ev.idea_id
        CROSS JOIN areas ar ON ar.id = i.area_id
        CROSS JOIN follows f ON f.following = 1
            AND ((f.kind = 'area' AND f.target = ar.slug)
              OR (f.kind = 'sector' AND f.target = i.sector_key)
              OR (f.kind = 'theme' AND f.target = i.theme_key))
        WHERE ev.kind = 'idea'),
    items AS (SELECT event_id, resident_id, max(reply) AS reply FROM reached
              GROUP BY event_id, resident_id)";

/// Which of the reached are told in a round of each schedule, leaving out their own doing,
/// what is no longer public, and what a status or plan mail told them at once already.
const TOLD: &str = "
    FROM items it CROSS JOIN ev ON ev.id = it.event_id
    CROSS JOIN residents r ON r.id = it.resident_id
    WHERE r.email IS NOT NULL AND (CASE ?4
            WHEN 'at_once' THEN r.frequency = 'at_once'
                 OR (it.reply = 1 AND r.replies_at_once = 1 AND r.frequency <> 'never')
            ELSE r.frequency = ?4 AND NOT (it.reply = 1 AND r.replies_at_once = 1) END)
      AND NOT EXISTS (SELECT 1 FROM arguments a
                      WHERE ev.kind = 'argument' AND a.id = ev.ref_id AND a.author_id = r.id)
      AND NOT EXISTS (SELECT 1 FROM ideas i
                      WHERE ev.kind = 'idea' AND i.id = ev.idea_id AND i.author_id = r.id)
      AND (ev.idea_id IS NULL OR EXISTS (SELECT 1 FROM ideas i WHERE i.id = ev.idea_id
                                         AND i.moderation_state = 'published'))
      AND (ev.kind <> 'argument' OR EXISTS (
              SELECT 1 FROM arguments a WHERE a.id = ev.ref_id
              AND a.moderation_state = 'published' AND a.deleted_at IS NULL))
      AND NOT (ev.kind = 'status' AND EXISTS (
              SELECT 1 FROM status_mails m WHERE m.resident_id = r.id
              AND (m.status_change_id = ev.ref_id OR EXISTS (
                  SELECT 1 FROM status_mail_changes c
                  WHERE c.mail_id = m.id AND c.status_change_id = ev.ref_id))))
      AND NOT (ev.kind = 'action_status' AND EXISTS (
              SELECT 1 FROM plan_mails m WHERE m.resident_id = r.id
              AND m.status_change_id = ev.ref_id))
      AND NOT (ev.kind = 'milestone' AND EXISTS (
              SELECT 1 FROM plan_mails m WHERE m.resident_id = r.id
              AND m.milestone_id = ev.ref_id))";

/// A round made: its schedule and how many mails it queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundMade {
    pub frequency: Frequency,
    pub mails: u64,
}

impl Db {
    /// Makes every round whose time has come at `now` and was not made yet: mails at once for
    /// events since the last such round, the morning's daily digest, Monday's weekly one.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn make_digest_rounds(&self, now: i64) -> Result<Vec<RoundMade>> {
        let mut made = Vec::new();
        for frequency in [Frequency::AtOnce, Frequency::Daily, Frequency::Weekly] {
            made.extend(self.make_digest_round(frequency, now).await?);
        }
        Ok(made)
    }

    /// The round of one schedule due at `now`, if it was not made yet.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn make_digest_round(
        &self,
        frequency: Frequency,
        now: i64,
    ) -> Result<Option<RoundMade>> {
        let Some(round) = DigestRound::due(frequency, now) else {
            return Ok(None);
        };
        Ok(self
            .make_round(&round, now)
            .await?
            .map(|mails| RoundMade { frequency, mails }))
    }

    /// Makes one round in one transaction; `None` when it was made before or, for mails at
    /// once, when there is no news.
    async fn make_round(&self, round: &DigestRound, now: i64) -> Result<Option<u64>> {
        let frequency = round.frequency.as_str();
        // Asked every minute; the write lock only when there is a round to make.
        let due: bool = sqlx::query_scalar(
            "SELECT CASE WHEN ?1 = 'at_once'
                THEN coalesce((SELECT max(last_event) FROM digest_runs WHERE frequency = ?1), -1)
                     < (SELECT coalesce(max(id), 0) FROM follow_events)
                ELSE NOT EXISTS (SELECT 1 FROM digest_runs WHERE frequency = ?1 AND period = ?2)
             END",
        )
        .bind(frequency)
        .bind(&round.period)
        .fetch_one(self.pool())
        .await?;
        if !due {
            return Ok(None);
        }
        let mut tx = self.begin_write().await?;
        let (previous, last): (Option<i64>, i64) = sqlx::query_as(
            "SELECT (SELECT max(last_event) FROM digest_runs WHERE frequency = ?),
                    (SELECT coalesce(max(id), 0) FROM follow_events)",
        )
        .bind(frequency)
        .fetch_one(&mut *tx)
        .await?;
        // A schedule's first round covers nothing: it marks where the next one starts, so a new
        // installation does not mail the demo's (or an old system's) whole history.
        let first = previous.map_or(last + 1, |p| p + 1);
        let period = match round.frequency {
            Frequency::AtOnce if previous.is_some() && first > last => return Ok(None),
            Frequency::AtOnce => last.to_string(),
            _ => round.period.clone(),
        };
        let run: Option<i64> = sqlx::query_scalar(
            "INSERT INTO digest_runs (frequency, period, first_event, last_event, created_at)
             VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(frequency)
        .bind(&period)
        .bind(first)
        .bind(last)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(run) = run else {
            return Ok(None);
        };
        sqlx::query(&format!(
            "WITH {REACHED}
             INSERT INTO digest_items (run_id, resident_id, event_id, reply)
             SELECT ?3, it.resident_id, it.event_id, it.reply {TOLD}"
        ))
        .bind(first)
        .bind(last)
        .bind(run)
        .bind(frequency)
        .execute(&mut *tx)
        .await?;
        // Due at once: a round made ahead of time (`klimadialog digests --at`) goes out now.
        let mails = sqlx::query(
            "INSERT INTO digests (run_id, resident_id, next_attempt_at)
             SELECT DISTINCT run_id, resident_id, 0 FROM digest_items WHERE run_id = ?1",
        )
        .bind(run)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(Some(mails))
    }

    /// Digest mails due now, oldest first.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn due_digests(&self, now: i64, limit: i64) -> Result<Vec<DueDigest>> {
        Ok(sqlx::query_as(
            "SELECT d.id, d.attempts, r.id AS resident_id, r.email,
                    coalesce(r.language, 'da') AS language, x.frequency, d.run_id
             FROM digests d
             JOIN digest_runs x ON x.id = d.run_id
             JOIN residents r ON r.id = d.resident_id
             WHERE d.sent_at IS NULL AND d.failed_at IS NULL AND d.next_attempt_at <= ?
               AND r.email IS NOT NULL
             ORDER BY d.next_attempt_at, d.id LIMIT ?",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    /// What a digest tells of, newest first, as it reads now (an idea's title as it is today),
    /// at most a few hundred events: the mail counts, it does not quote.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn digest_entries(&self, digest: &DueDigest) -> Result<Vec<DigestEntry>> {
        Ok(sqlx::query_as(
            "SELECT ev.kind, ev.idea_id, i.title AS idea_title, ar.name AS area,
                    sc.status, sc.answer_da, sc.answer_en, a.stance,
                    (d.reply = 1) AS reply, (a.staff_id IS NOT NULL) AS by_municipality,
                    x.code AS action_code, x.title_da AS action_title_da,
                    x.title_en AS action_title_en, c.status AS action_status,
                    ms.title AS milestone
             FROM digest_items d
             JOIN follow_events ev ON ev.id = d.event_id
             LEFT JOIN ideas i ON i.id = ev.idea_id
             LEFT JOIN areas ar ON ev.kind = 'idea' AND ar.id = i.area_id
             LEFT JOIN status_changes sc ON ev.kind = 'status' AND sc.id = ev.ref_id
             LEFT JOIN arguments a ON ev.kind = 'argument' AND a.id = ev.ref_id
             LEFT JOIN actions x ON x.id = ev.action_id
             LEFT JOIN action_status_changes c ON ev.kind = 'action_status' AND c.id = ev.ref_id
             LEFT JOIN action_milestones ms ON ev.kind = 'milestone' AND ms.id = ev.ref_id
             WHERE d.run_id = ? AND d.resident_id = ?
             ORDER BY ev.id DESC LIMIT 500",
        )
        .bind(digest.run_id)
        .bind(digest.resident_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// The key in a resident's stop link, made when first needed.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn mail_key(&self, resident: ResidentId) -> Result<String> {
        let fresh = crate::signin::SessionToken::new_random();
        Ok(sqlx::query_scalar(
            "UPDATE residents SET mail_key = coalesce(mail_key, ?) WHERE id = ?
             RETURNING mail_key",
        )
        .bind(fresh.as_str())
        .bind(resident.0)
        .fetch_one(self.pool())
        .await?)
    }

    /// Whether the resident with this stop key has stopped their mails; `None` for a key no
    /// resident has (a made-up one, or the account was deleted).
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn mail_key_stopped(&self, key: &str) -> Result<Option<bool>> {
        Ok(sqlx::query_scalar(
            "SELECT frequency = 'never' AND status_mails = 0 AND replies_at_once = 0
             FROM residents WHERE mail_key = ? AND email IS NOT NULL",
        )
        .bind(key)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Stops every mail about what the resident with this stop key follows (digests, status and
    /// plan mails, replies at once); `false` for a key no resident has. Stopping twice is
    /// stopping once.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn stop_mails(&self, key: &str) -> Result<bool> {
        let stopped = sqlx::query(
            "UPDATE residents SET frequency = 'never', status_mails = 0, replies_at_once = 0
             WHERE mail_key = ? AND email IS NOT NULL",
        )
        .bind(key)
        .execute(self.pool())
        .await?
        .rows_affected();
        Ok(stopped > 0)
    }
}

#[cfg(test)]
mod tests;
