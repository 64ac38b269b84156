//! The queue of mails to the residents behind an action: when it gets a new status or reaches a
//! milestone, the authors and supporters of its public ideas who take mail about their ideas
//! are queued, once each, in the transaction that makes the change. The mail worker sends them.

use serde::{Deserialize, Serialize};

use super::{Db, Result};

/// A queued plan mail that is due, with what it needs to be written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct DuePlanMail {
    pub id: i64,
    pub attempts: i64,
    pub resident_id: i64,
    pub email: String,
    /// The recipient's language tag, as stored.
    pub language: String,
    pub code: String,
    pub title_da: String,
    pub title_en: Option<String>,
    /// The new status, when the mail tells of one.
    pub status: Option<String>,
    /// The milestone reached, when the mail tells of one.
    pub milestone: Option<String>,
    /// The recipient's ideas in the action (at most three), as a JSON array of `[id, title]`.
    pub ideas: String,
}

impl DuePlanMail {
    /// The recipient's ideas in the action, read from `ideas`.
    pub fn their_ideas(&self) -> Vec<(i64, String)> {
        serde_json::from_str(&self.ideas).unwrap_or_default()
    }
}

/// What an action's mail tells of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ActionChange {
    /// A row of `action_status_changes`.
    Status(i64),
    /// A row of `action_milestones`, now reached.
    Milestone(i64),
}

/// Queues one mail per resident behind `action` about `change`; returns how many.
pub(super) async fn queue_plan_mails(
    tx: &mut sqlx::SqliteConnection,
    action: i64,
    change: ActionChange,
    now: i64,
) -> Result<u64> {
    let (status_change, milestone) = match change {
        ActionChange::Status(id) => (Some(id), None),
        ActionChange::Milestone(id) => (None, Some(id)),
    };
    // From the action's links to its ideas (a few rows), then their authors and supporters.
    Ok(sqlx::query(
        "INSERT INTO plan_mails (action_id, status_change_id, milestone_id, resident_id,
                                 next_attempt_at)
         SELECT ?1, ?2, ?3, r.id, ?4 FROM residents r
         WHERE r.email IS NOT NULL AND r.status_mails = 1 AND r.id IN (
             SELECT i.author_id FROM idea_actions l CROSS JOIN ideas i ON i.id = l.idea_id
             WHERE l.action_id = ?1 AND i.moderation_state = 'published'
             UNION
             SELECT s.resident_id FROM idea_actions l CROSS JOIN ideas i ON i.id = l.idea_id
             CROSS JOIN supports s ON s.idea_id = i.id
             WHERE l.action_id = ?1 AND i.moderation_state = 'published')
         ON CONFLICT DO NOTHING",
    )
    .bind(action)
    .bind(status_change)
    .bind(milestone)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected())
}

impl Db {
    /// Plan mails due now, oldest first.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn due_plan_mails(&self, now: i64, limit: i64) -> Result<Vec<DuePlanMail>> {
        Ok(sqlx::query_as(
            "SELECT m.id, m.attempts, r.id AS resident_id, r.email, coalesce(r.language, 'da') AS language, x.code,
                    x.title_da, x.title_en, c.status, ms.title AS milestone,
                    (SELECT coalesce(json_group_array(json_array(t.id, t.title)), '[]') FROM (
                        SELECT i.id, i.title FROM idea_actions l CROSS JOIN ideas i ON i.id = l.idea_id
                        WHERE l.action_id = m.action_id AND i.moderation_state = 'published'
                          AND (i.author_id = r.id OR EXISTS (
                              SELECT 1 FROM supports s WHERE s.idea_id = i.id AND s.resident_id = r.id))
                        ORDER BY i.id LIMIT 3) t) AS ideas
             FROM plan_mails m
             JOIN actions x ON x.id = m.action_id
             JOIN residents r ON r.id = m.resident_id
             LEFT JOIN action_status_changes c ON c.id = m.status_change_id
             LEFT JOIN action_milestones ms ON ms.id = m.milestone_id
             WHERE m.sent_at IS NULL AND m.failed_at IS NULL AND m.next_attempt_at <= ?
               AND r.email IS NOT NULL
             ORDER BY m.next_attempt_at, m.id LIMIT ?",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }
}

#[cfg(test)]
mod tests {
    use crate::ModerationState;
    use crate::plan::{ActionCode, ActionFields};
    use crate::staff::StaffRole;
    use crate::storage::tests::{db_with_reference, insert, staff};

    #[tokio::test]
    async fn the_residents_behind_an_action_hear_of_its_status_and_milestones_once_each() {
        let (db, _dir) = db_with_reference().await;
        let admin = staff(&db, StaffRole::Admin).await;
        let t = 1_000_000;
        let mut fields = ActionFields {
            code: "T3".into(),
            title_da: "Elbusser".into(),
            description_da: "Alle bybusser kører på el.".into(),
            category: "sector:transport".into(),
            owner: "Trafik og Veje".into(),
            status: "planned".into(),
            start_year: "2025".into(),
            end_year: "2030".into(),
            ..ActionFields::default()
        };
        db.save_action(&fields.parse().unwrap(), Some(admin), t)
            .await
            .unwrap()
            .unwrap();
        let author = db
            .resident_for_email("forfatter@example.org", t)
            .await
            .unwrap();
        let fan = db.resident_for_email("fan@example.org", t).await.unwrap();
        let both = insert(&db, "Elbusser i hele byen", ModerationState::Published).await;
        let other = insert(&db, "Elbusser til Nibe", ModerationState::Published).await;
        let hidden = insert(&db, "Idé uden for indsatsen", ModerationState::Pending).await;
        for idea in [both, other, hidden] {
            sqlx::query("UPDATE ideas SET author_id = ? WHERE id = ?")
                .bind(author.0)
                .bind(idea.0)
                .execute(db.pool())
                .await
                .unwrap();
            db.add_support(idea, fan.0, t).await.unwrap();
        }
        let code = ActionCode::parse("T3").unwrap();
        for idea in [both, other] {
            assert!(
                db.link_idea(idea, &code, None, Some(admin), t)
                    .await
                    .unwrap()
            );
        }
        // The same status again is no change; a new one is, for each of the two once.
        db.save_action(&fields.parse().unwrap(), Some(admin), t + 1)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            db.unsent_mails(crate::storage::MailQueue::Plan)
                .await
                .unwrap(),
            0
        );
        fields.status = "in_progress".into();
        db.save_action(&fields.parse().unwrap(), Some(admin), t + 2)
            .await
            .unwrap()
            .unwrap();
        let due = db.due_plan_mails(t + 2, 10).await.unwrap();
        assert_eq!(due.len(), 2, "{due:?}");
        assert!(
            due.iter()
                .all(|m| m.status.as_deref() == Some("in_progress"))
        );
        let fans = due.iter().find(|m| m.email == "fan@example.org").unwrap();
        assert_eq!(
            fans.their_ideas().len(),
            2,
            "an idea outside the action is not named"
        );
        // A milestone reached: one more mail each; reaching it again sends nothing.
        let milestone = db
            .add_action_milestone(
                &code,
                "Første 20 elbusser",
                crate::time::Date::parse_iso("2026-06-01").unwrap(),
                admin,
                t + 3,
            )
            .await
            .unwrap()
            .unwrap();
        assert!(
            db.reach_milestone(&code, milestone, admin, t + 4)
                .await
                .unwrap()
        );
        assert!(
            !db.reach_milestone(&code, milestone, admin, t + 5)
                .await
                .unwrap()
        );
        let due = db.due_plan_mails(t + 5, 10).await.unwrap();
        assert_eq!(due.iter().filter(|m| m.milestone.is_some()).count(), 2);
        // A resident who turned status mails off hears nothing.
        let settings = crate::storage::MailSettings {
            language: crate::Locale::Da,
            status_mails: false,
            ..Default::default()
        };
        db.save_mail_settings(fan, settings).await.unwrap();
        fields.status = "done".into();
        db.save_action(&fields.parse().unwrap(), Some(admin), t + 6)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            db.unsent_mails(crate::storage::MailQueue::Plan)
                .await
                .unwrap(),
            5
        );
    }
}
