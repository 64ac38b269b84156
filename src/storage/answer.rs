//! Staff setting an idea's public status with the official answer, and the queue of mails that
//! tell its author and supporters.

use crate::audit::AuditAction;
use serde::{Deserialize, Serialize};

use super::{Db, Result, audit};
use crate::answer::OfficialAnswer;
use crate::idea::{IdeaId, PublicStatus};

/// Why a status was not set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusRefusal {
    /// No such idea, or not public (statuses answer the public).
    NotPublic,
    /// "In the climate plan" says which action: the idea must be linked to one first.
    NoAction,
}

/// A queued mail that is due, with what it needs to be written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct DueMail {
    pub id: i64,
    pub attempts: i64,
    pub resident_id: i64,
    pub email: String,
    pub idea_id: i64,
    pub title: String,
    pub status: String,
    pub answer_da: Option<String>,
    pub answer_en: Option<String>,
    /// The recipient's language tag, as stored.
    pub language: String,
    /// Whether the recipient proposed the idea (else they support it).
    pub is_author: bool,
    /// The recipient's other ideas the same batch gave the same status, as a JSON array of
    /// `[idea id, title, whether they proposed it]`: one mail tells of them all.
    pub also: String,
}

impl DueMail {
    /// The other ideas this mail tells of, read from `also`.
    pub fn also_ideas(&self) -> Vec<(i64, String, bool)> {
        serde_json::from_str(&self.also).unwrap_or_default()
    }
}

/// Attempts after which a mail is given up (about a day of back-off).
pub const MAX_MAIL_ATTEMPTS: i64 = 12;

/// The queues of mail to residents, each a table with the same attempt columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailQueue {
    /// A status change of an idea they proposed or support.
    Status,
    /// Their words in a debate, hidden by a moderator.
    Debate,
    /// An action their ideas are part of got a new status or reached a milestone.
    Plan,
    /// What happened to what they follow, at once or as a daily or weekly digest.
    Digest,
}

impl MailQueue {
    pub const ALL: [MailQueue; 4] = [
        MailQueue::Status,
        MailQueue::Debate,
        MailQueue::Plan,
        MailQueue::Digest,
    ];

    pub fn table(self) -> &'static str {
        match self {
            MailQueue::Status => "status_mails",
            MailQueue::Debate => "debate_mails",
            MailQueue::Plan => "plan_mails",
            MailQueue::Digest => "digests",
        }
    }
}

/// Every mail queue together, as the staff dashboard shows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MailQueueState {
    /// Not tried yet.
    pub waiting: i64,
    /// Refused or failed at least once, to be tried again.
    pub retrying: i64,
    /// Given up after the last attempt.
    pub given_up: i64,
    /// Sent since `today_start`.
    pub sent_today: i64,
}

impl Db {
    /// The state of every mail queue; `today_start` is when today began (Danish time).
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn mail_queue_state(&self, today_start: i64) -> Result<MailQueueState> {
        let mut state = MailQueueState::default();
        for queue in MailQueue::ALL {
            let (waiting, retrying, given_up, sent_today): (i64, i64, i64, i64) =
                sqlx::query_as(&format!(
                    "SELECT coalesce(sum(sent_at IS NULL AND failed_at IS NULL AND attempts = 0), 0),
                            coalesce(sum(sent_at IS NULL AND failed_at IS NULL AND attempts > 0), 0),
                            coalesce(sum(sent_at IS NULL AND failed_at IS NOT NULL), 0),
                            coalesce(sum(sent_at >= ?), 0)
                     FROM {}",
                    queue.table()
                ))
                .bind(today_start)
                .fetch_one(self.pool())
                .await?;
            state.waiting += waiting;
            state.retrying += retrying;
            state.given_up += given_up;
            state.sent_today += sent_today;
        }
        Ok(state)
    }

    /// Sets the status of a public idea, records it with its answer in the history and the
    /// audit log, and queues one mail for its author and each supporter, all in one
    /// transaction. Returns how many mails were queued.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn answer_idea(
        &self,
        idea: IdeaId,
        status: PublicStatus,
        answer: Option<&OfficialAnswer>,
        staff: i64,
        now: i64,
    ) -> Result<std::result::Result<u64, StatusRefusal>> {
        let mut tx = self.begin_write().await?;
        let (change, before) =
            match change_status_on(&mut tx, idea, status, answer, staff, now).await? {
                Ok(done) => done,
                Err(refusal) => return Ok(Err(refusal)),
            };
        // The author and the supporters, once each, who still have an address.
        let queued = sqlx::query(
            "INSERT INTO status_mails (status_change_id, resident_id, next_attempt_at)
             SELECT ?1, r.id, ?2 FROM residents r
             WHERE r.email IS NOT NULL AND r.status_mails = 1
               AND (r.id = (SELECT author_id FROM ideas WHERE id = ?3)
                    OR r.id IN (SELECT resident_id FROM supports WHERE idea_id = ?3))
             ON CONFLICT DO NOTHING",
        )
        .bind(change)
        .bind(now)
        .bind(idea.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let mails = serde_json::json!({ "mails_queued": queued });
        audit_status_on(&mut tx, idea, &before, status, answer, mails, staff, now).await?;
        tx.commit().await?;
        Ok(Ok(queued))
    }

    /// Mails due now, oldest first.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn due_status_mails(&self, now: i64, limit: i64) -> Result<Vec<DueMail>> {
        Ok(sqlx::query_as(
            "SELECT m.id, m.attempts, r.id AS resident_id, r.email, i.id AS idea_id, i.title, c.status, c.answer_da,
                    c.answer_en, coalesce(r.language, 'da') AS language, coalesce(i.author_id = r.id, 0) AS is_author,
                    (SELECT coalesce(json_group_array(json_array(c2.idea_id, i2.title,
                                     json(iif(i2.author_id IS r.id, 'true', 'false')))), '[]')
                     FROM status_mail_changes mc
                     JOIN status_changes c2 ON c2.id = mc.status_change_id
                     JOIN ideas i2 ON i2.id = c2.idea_id
                     WHERE mc.mail_id = m.id AND c2.id <> m.status_change_id) AS also
             FROM status_mails m
             JOIN status_changes c ON c.id = m.status_change_id
             JOIN ideas i ON i.id = c.idea_id
             JOIN residents r ON r.id = m.resident_id
             WHERE m.sent_at IS NULL AND m.failed_at IS NULL AND m.next_attempt_at <= ?
               AND r.email IS NOT NULL
             ORDER BY m.next_attempt_at, m.id LIMIT ?",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn mark_mail_sent(&self, queue: MailQueue, mail: i64, now: i64) -> Result<()> {
        sqlx::query(&format!(
            "UPDATE {} SET sent_at = ?, attempts = attempts + 1 WHERE id = ?",
            queue.table()
        ))
        .bind(now)
        .bind(mail)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Counts a failed attempt: tries again at `retry_at`, or gives up after the last attempt.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn mark_mail_failed(
        &self,
        queue: MailQueue,
        mail: i64,
        retry_at: i64,
        now: i64,
    ) -> Result<()> {
        sqlx::query(&format!(
            "UPDATE {} SET attempts = attempts + 1, next_attempt_at = ?,
                    failed_at = CASE WHEN attempts + 1 >= ? THEN ? END
             WHERE id = ?",
            queue.table()
        ))
        .bind(retry_at)
        .bind(MAX_MAIL_ATTEMPTS)
        .bind(now)
        .bind(mail)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Mails of `queue` not sent yet (waiting or given up), for the dashboard and tests.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn unsent_mails(&self, queue: MailQueue) -> Result<i64> {
        Ok(sqlx::query_scalar(&format!(
            "SELECT count(*) FROM {} WHERE sent_at IS NULL",
            queue.table()
        ))
        .fetch_one(self.pool())
        .await?)
    }
}

/// Sets a public idea's status and adds the change, with its answer, to the history, on a
/// transaction the caller commits. Returns the change's id and the status before.
pub(super) async fn change_status_on(
    tx: &mut sqlx::SqliteConnection,
    idea: IdeaId,
    status: PublicStatus,
    answer: Option<&OfficialAnswer>,
    staff: i64,
    now: i64,
) -> Result<std::result::Result<(i64, String), StatusRefusal>> {
    let before: Option<String> = sqlx::query_scalar(
        "SELECT status FROM ideas WHERE id = ? AND moderation_state = 'published'",
    )
    .bind(idea.0)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(before) = before else {
        return Ok(Err(StatusRefusal::NotPublic));
    };
    if status == PublicStatus::InPlan {
        let linked: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM idea_actions WHERE idea_id = ?)")
                .bind(idea.0)
                .fetch_one(&mut *tx)
                .await?;
        if !linked {
            return Ok(Err(StatusRefusal::NoAction));
        }
    }
    sqlx::query("UPDATE ideas SET status = ?, updated_at = ? WHERE id = ?")
        .bind(status.as_str())
        .bind(now)
        .bind(idea.0)
        .execute(&mut *tx)
        .await?;
    let change: i64 = sqlx::query_scalar(
        "INSERT INTO status_changes (idea_id, status, answer_da, answer_en, staff_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(idea.0)
    .bind(status.as_str())
    .bind(answer.map(|a| a.da.as_str()))
    .bind(answer.and_then(|a| a.en.as_deref()))
    .bind(staff)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    Ok(Ok((change, before)))
}

/// The audit record of a status change; `mails` says what was queued for it.
#[allow(clippy::too_many_arguments)]
pub(super) async fn audit_status_on(
    tx: &mut sqlx::SqliteConnection,
    idea: IdeaId,
    before: &str,
    status: PublicStatus,
    answer: Option<&OfficialAnswer>,
    mails: serde_json::Value,
    staff: i64,
    now: i64,
) -> Result<()> {
    let mut after = serde_json::json!({
        "status": status.as_str(),
        "answer_da": answer.map(|a| &a.da),
        "answer_en": answer.and_then(|a| a.en.as_ref()),
    });
    if let (Some(after), serde_json::Value::Object(mails)) = (after.as_object_mut(), mails) {
        after.extend(mails);
    }
    audit::record(
        tx,
        audit::Record::idea(
            Some(staff),
            AuditAction::IdeaStatus,
            idea.0,
            serde_json::json!({ "status": before }),
            after,
            now,
        ),
    )
    .await
}

/// Seconds to wait before attempt `attempts + 1`: `base`, doubling, at most six hours.
pub fn retry_delay(attempts: i64, base: i64) -> i64 {
    let doubled = base.saturating_mul(1_i64 << attempts.clamp(0, 20));
    doubled.min(6 * 3600)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ModerationState;
    use crate::storage::tests::{db_with_reference, insert, resident};
    use crate::{ResidentId, staff::StaffRole};

    #[test]
    fn retries_back_off_and_are_capped() {
        assert_eq!(retry_delay(0, 30), 30);
        assert_eq!(retry_delay(1, 30), 60);
        assert_eq!(retry_delay(5, 30), 960);
        assert_eq!(retry_delay(40, 30), 6 * 3600);
    }

    #[tokio::test]
    async fn one_mail_per_recipient_per_change_and_none_for_hidden_ideas() {
        let (db, _dir) = db_with_reference().await;
        let mo = crate::storage::tests::staff(&db, StaffRole::Moderator).await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let (a, b) = (resident(&db, 1).await, resident(&db, 2).await);
        sqlx::query("UPDATE ideas SET author_id = ? WHERE id = ?")
            .bind(a)
            .bind(idea.0)
            .execute(db.pool())
            .await
            .unwrap();
        // The author supports their own idea too: still one mail.
        db.add_public_support(idea, ResidentId(a), 1).await.unwrap();
        db.add_public_support(idea, ResidentId(b), 1).await.unwrap();
        let answer = OfficialAnswer {
            da: "Indgår i planen.".into(),
            en: None,
        };
        // "In the climate plan" says which action: not before the idea is linked to one.
        let refused = db.answer_idea(idea, PublicStatus::InPlan, Some(&answer), mo, 10);
        assert_eq!(refused.await.unwrap(), Err(StatusRefusal::NoAction));
        assert_eq!(
            db.unsent_mails(crate::storage::MailQueue::Status)
                .await
                .unwrap(),
            0
        );
        let code = crate::storage::tests::plan_action(&db, "T1").await;
        assert!(db.link_idea(idea, &code, None, None, 10).await.unwrap());
        let queued = db
            .answer_idea(idea, PublicStatus::InPlan, Some(&answer), mo, 10)
            .await
            .unwrap();
        assert_eq!(queued, Ok(2));
        let due = db.due_status_mails(10, 10).await.unwrap();
        assert_eq!(due.len(), 2);
        assert_eq!(due[0].answer_da.as_deref(), Some("Indgår i planen."));
        db.mark_mail_sent(MailQueue::Status, due[0].id, 11)
            .await
            .unwrap();
        db.mark_mail_failed(MailQueue::Status, due[1].id, 100, 11)
            .await
            .unwrap();
        assert!(
            db.due_status_mails(99, 10).await.unwrap().is_empty(),
            "waits for its retry"
        );
        assert_eq!(db.due_status_mails(100, 10).await.unwrap().len(), 1);
        let queues = db.mail_queue_state(0).await.unwrap();
        assert_eq!(
            (
                queues.waiting,
                queues.retrying,
                queues.given_up,
                queues.sent_today
            ),
            (0, 1, 0, 1)
        );
        assert_eq!(
            db.mail_queue_state(12).await.unwrap().sent_today,
            0,
            "sent before today"
        );
        let log = db.audit_of("idea", idea.0).await.unwrap();
        assert_eq!(log.last().unwrap().1, "idea.status");

        let hidden = insert(&db, "Skjult idé om cykler", ModerationState::Pending).await;
        assert_eq!(
            db.answer_idea(hidden, PublicStatus::UnderReview, None, mo, 12)
                .await
                .unwrap(),
            Err(StatusRefusal::NotPublic)
        );
    }

    #[tokio::test]
    async fn retrying_stops_after_the_last_attempt() {
        let (db, _dir) = db_with_reference().await;
        let mo = crate::storage::tests::staff(&db, StaffRole::Moderator).await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let a = resident(&db, 1).await;
        db.add_public_support(idea, ResidentId(a), 1).await.unwrap();
        db.answer_idea(idea, PublicStatus::UnderReview, None, mo, 10)
            .await
            .unwrap()
            .unwrap();
        for attempt in 0..MAX_MAIL_ATTEMPTS {
            let due = db.due_status_mails(1000 + attempt, 10).await.unwrap();
            assert_eq!(due.len(), 1, "attempt {attempt}");
            db.mark_mail_failed(MailQueue::Status, due[0].id, 1001 + attempt, 1000 + attempt)
                .await
                .unwrap();
        }
        assert!(
            db.due_status_mails(i64::MAX / 2, 10)
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            db.unsent_mails(crate::storage::MailQueue::Status)
                .await
                .unwrap(),
            1
        );
    }
}
