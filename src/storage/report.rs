//! Residents' reports of public ideas, and the automatic hiding of an idea that enough
//! residents reported.

use crate::audit::AuditAction;
use serde::{Deserialize, Serialize};

use super::{Db, Result, audit};
use crate::idea::IdeaId;
use crate::report::{AUTO_HIDE_REASON, HidingRule, ReportComment, ReportOutcome, ReportReason};
use crate::resident::ResidentId;

/// An open report as moderators read it (no reporter: moderators judge the idea, not people).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct OpenReport {
    pub idea_id: i64,
    pub reason: String,
    pub comment: Option<String>,
    pub created_at: i64,
}

impl Db {
    /// Records one resident's report of a public idea. When the open reports from accounts old
    /// enough reach the rule's threshold, the idea is hidden until a moderator reviews it, in
    /// the same transaction and with an audit entry, so no hidden idea lacks its reason.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn report_idea(
        &self,
        idea: IdeaId,
        resident: ResidentId,
        reason: ReportReason,
        comment: Option<&ReportComment>,
        rule: HidingRule,
        now: i64,
    ) -> Result<ReportOutcome> {
        let mut tx = self.begin_write().await?;
        let public: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM ideas WHERE id = ? AND moderation_state = 'published'",
        )
        .bind(idea.0)
        .fetch_optional(&mut *tx)
        .await?;
        if public.is_none() {
            return Ok(ReportOutcome::NotPublic);
        }
        let inserted = sqlx::query(
            "INSERT INTO reports (idea_id, resident_id, reason, comment, created_at)
             VALUES (?, ?, ?, ?, ?) ON CONFLICT (idea_id, resident_id) DO NOTHING",
        )
        .bind(idea.0)
        .bind(resident.0)
        .bind(reason.as_str())
        .bind(comment.map(ReportComment::as_str))
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            return Ok(ReportOutcome::AlreadyReported);
        }
        let open: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM reports JOIN residents ON residents.id = reports.resident_id
             WHERE reports.idea_id = ? AND reports.resolved_at IS NULL
               AND residents.created_at <= ?",
        )
        .bind(idea.0)
        .bind(rule.counted_accounts_made_by(now))
        .fetch_one(&mut *tx)
        .await?;
        let hidden = rule.hides(open);
        if hidden {
            sqlx::query(
                "UPDATE ideas SET moderation_state = 'hidden', moderation_reason = ?, updated_at = ?
                 WHERE id = ?",
            )
            .bind(AUTO_HIDE_REASON)
            .bind(now)
            .bind(idea.0)
            .execute(&mut *tx)
            .await?;
            audit::record(
                &mut tx,
                audit::Record::idea(
                    None,
                    AuditAction::ModerationAutoHide,
                    idea.0,
                    serde_json::json!({ "moderation_state": "published" }),
                    serde_json::json!({
                        "moderation_state": "hidden",
                        "reason": AUTO_HIDE_REASON,
                        "open_reports": open,
                    }),
                    now,
                ),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(ReportOutcome::Recorded { hidden })
    }

    /// Whether this resident has reported this idea (open or closed).
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn has_reported(&self, idea: IdeaId, resident: ResidentId) -> Result<bool> {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM reports WHERE idea_id = ? AND resident_id = ?",
        )
        .bind(idea.0)
        .bind(resident.0)
        .fetch_one(self.pool())
        .await?
            > 0)
    }

    /// The open reports of the given ideas, oldest first, in one query.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn open_reports_of(&self, ideas: &[i64]) -> Result<Vec<OpenReport>> {
        if ideas.is_empty() {
            return Ok(Vec::new());
        }
        let ids = serde_json::to_string(ideas).unwrap_or_else(|_| "[]".into());
        Ok(sqlx::query_as(
            "SELECT idea_id, reason, comment, created_at FROM reports
             WHERE resolved_at IS NULL AND idea_id IN (SELECT value FROM json_each(?))
             ORDER BY created_at, id",
        )
        .bind(ids)
        .fetch_all(self.pool())
        .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::moderation::ModerationAction;
    use crate::storage::tests::{db_with_reference, insert, resident};
    use crate::{IdeaId, ModerationState};

    /// A day and a half after the test's residents were made: their reports count.
    fn later() -> i64 {
        crate::storage::now() + 36 * 3600
    }

    async fn report(db: &Db, idea: IdeaId, who: i64) -> ReportOutcome {
        db.report_idea(
            idea,
            ResidentId(who),
            ReportReason::Spam,
            None,
            HidingRule::default(),
            later(),
        )
        .await
        .unwrap()
    }

    async fn state_of(db: &Db, idea: IdeaId) -> (String, Option<String>) {
        sqlx::query_as("SELECT moderation_state, moderation_reason FROM ideas WHERE id = ?")
            .bind(idea.0)
            .fetch_one(db.pool())
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn reports_from_accounts_younger_than_a_day_reach_moderators_but_hide_nothing() {
        let (db, _dir) = db_with_reference().await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let just_now = crate::storage::now();
        for n in 1..=5 {
            let fresh = resident(&db, n).await;
            let outcome = db
                .report_idea(
                    idea,
                    ResidentId(fresh),
                    ReportReason::Offensive,
                    None,
                    HidingRule::default(),
                    just_now + 3600,
                )
                .await
                .unwrap();
            assert_eq!(outcome, ReportOutcome::Recorded { hidden: false });
        }
        assert_eq!(state_of(&db, idea).await.0, "published");
        assert_eq!(db.open_reports_of(&[idea.0]).await.unwrap().len(), 5);
        // A day later the same accounts count: the next report hides it.
        let old = resident(&db, 6).await;
        let outcome = db
            .report_idea(
                idea,
                ResidentId(old),
                ReportReason::Spam,
                None,
                HidingRule::default(),
                later(),
            )
            .await
            .unwrap();
        assert_eq!(outcome, ReportOutcome::Recorded { hidden: true });
    }

    #[tokio::test]
    async fn one_report_per_resident_and_the_third_hides_the_idea_with_an_audit_entry() {
        let (db, _dir) = db_with_reference().await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let (a, b, c) = (
            resident(&db, 1).await,
            resident(&db, 2).await,
            resident(&db, 3).await,
        );
        assert_eq!(
            report(&db, idea, a).await,
            ReportOutcome::Recorded { hidden: false }
        );
        assert_eq!(report(&db, idea, a).await, ReportOutcome::AlreadyReported);
        assert_eq!(
            report(&db, idea, b).await,
            ReportOutcome::Recorded { hidden: false }
        );
        assert_eq!(state_of(&db, idea).await.0, "published");
        assert_eq!(
            report(&db, idea, c).await,
            ReportOutcome::Recorded { hidden: true }
        );
        assert_eq!(
            state_of(&db, idea).await,
            ("hidden".into(), Some(AUTO_HIDE_REASON.into()))
        );
        assert!(db.published_idea(idea).await.unwrap().is_none());
        let log = db.audit_of("idea", idea.0).await.unwrap();
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].0, None, "nobody on the staff did it");
        assert_eq!(log[0].1, "moderation.auto_hide");
        // Hidden, it is no longer public, so it cannot be reported further.
        let d = resident(&db, 4).await;
        assert_eq!(report(&db, idea, d).await, ReportOutcome::NotPublic);
        assert_eq!(db.open_reports_of(&[idea.0]).await.unwrap().len(), 3);
    }

    #[tokio::test]
    async fn only_public_ideas_can_be_reported() {
        let (db, _dir) = db_with_reference().await;
        let pending = insert(&db, "Endnu ikke godkendt", ModerationState::Pending).await;
        let who = resident(&db, 1).await;
        assert_eq!(report(&db, pending, who).await, ReportOutcome::NotPublic);
        assert_eq!(
            report(&db, IdeaId(999), who).await,
            ReportOutcome::NotPublic
        );
        assert!(!db.has_reported(pending, ResidentId(who)).await.unwrap());
    }

    #[tokio::test]
    async fn a_moderators_decision_closes_the_open_reports() {
        let (db, _dir) = db_with_reference().await;
        let staff = crate::storage::tests::staff(&db, crate::staff::StaffRole::Moderator).await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let who = resident(&db, 1).await;
        report(&db, idea, who).await;
        assert_eq!(db.moderation_queue(10).await.unwrap().len(), 1);
        let kept = db
            .moderate(idea, ModerationAction::Keep, None, staff, 200)
            .await
            .unwrap();
        assert_eq!(kept, Ok(ModerationState::Published));
        assert!(db.open_reports_of(&[idea.0]).await.unwrap().is_empty());
        assert!(db.moderation_queue(10).await.unwrap().is_empty());
        // The same resident cannot report it again: one report each, closed or not.
        assert_eq!(report(&db, idea, who).await, ReportOutcome::AlreadyReported);
    }

    #[tokio::test]
    async fn concurrent_reports_hide_exactly_once() {
        let (db, _dir) = db_with_reference().await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let mut residents = Vec::new();
        for n in 0..12 {
            residents.push(resident(&db, n).await);
        }
        let tasks: Vec<_> = residents
            .into_iter()
            .map(|who| {
                let db = db.clone();
                tokio::spawn(async move { report(&db, idea, who).await })
            })
            .collect();
        let mut outcomes = Vec::new();
        for task in tasks {
            outcomes.push(task.await.unwrap());
        }
        let hid = outcomes
            .iter()
            .filter(|o| **o == ReportOutcome::Recorded { hidden: true })
            .count();
        assert_eq!(hid, 1, "{outcomes:?}");
        assert_eq!(db.audit_of("idea", idea.0).await.unwrap().len(), 1);
    }
}
