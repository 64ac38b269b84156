//! Moderating the debate: what staff see of an idea's arguments, residents' reports of
//! arguments and the hiding they can cause, the queue of arguments waiting for a moderator,
//! moderators' decisions (with the mail that tells an author which rule hid their words),
//! replies as the municipality and closing a debate. Each change has its audit entry in the
//! same transaction.

use sqlx::Row;

use super::argument::{ITEM_COLUMNS, item};
use super::audit::{Record, record};
use super::{Db, Result};
use crate::argument::{ArgumentId, ArgumentText, Conclusion, StaffArgument, Stance};
use crate::argument_moderation::{ArgumentReport, Decision, Department, QueuedArgument};
use crate::audit::AuditAction;
use crate::idea::IdeaId;
use crate::locale::Locale;
use crate::moderation::ModerationState;
use crate::report::{AUTO_HIDE_REASON, HidingRule, ReportOutcome, ReportReason};
use crate::time::Timestamp;

/// Arguments (`a`) waiting for a moderator: by residents, not deleted, and new under
/// approval or with open reports.
const WAITING: &str = "a.deleted_at IS NULL AND a.staff_id IS NULL
    AND (a.moderation_state = 'pending'
         OR a.id IN (SELECT argument_id FROM argument_reports WHERE resolved_at IS NULL))";

/// A queued mail to an author whose words a moderator hid, with what it needs to be written.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct DueDebateMail {
    pub id: i64,
    pub attempts: i64,
    pub email: String,
    /// The recipient's language tag, as stored.
    pub language: String,
    pub idea_id: i64,
    pub title: String,
    pub argument_id: i64,
    /// The debate rule's key.
    pub rule: String,
    /// The hidden words, so the author knows which of theirs.
    pub body: String,
}

impl Db {
    /// Every argument and reply of an idea for staff, waiting and hidden ones with their
    /// words, each reply after its argument.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn staff_arguments(&self, idea: IdeaId) -> Result<Vec<StaffArgument>> {
        let rows = sqlx::query(&format!(
            "SELECT {ITEM_COLUMNS}, a.parent_id FROM arguments a
             LEFT JOIN residents r ON r.id = a.author_id
             WHERE a.idea_id = ?2 AND a.moderation_state IN ('published', 'hidden', 'pending')
             ORDER BY coalesce(a.parent_id, a.id), a.parent_id IS NOT NULL, a.id
             LIMIT 2000"
        ))
        .bind(0_i64)
        .bind(idea.0)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .map(|row| StaffArgument {
                item: item(row, None),
                body: row.get("body"),
                parent: row.get::<Option<i64>, _>("parent_id").map(ArgumentId),
                hidden: row.get::<String, _>("moderation_state") == "hidden",
            })
            .collect())
    }

    /// Records one resident's report of a public argument by a resident. When the open
    /// reports from accounts old enough reach the rule's threshold, the argument is hidden
    /// until a moderator decides, in the same transaction and with an audit entry.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn report_argument(
        &self,
        report: &ArgumentReport<'_>,
        rule: HidingRule,
        now: i64,
    ) -> Result<ReportOutcome> {
        let mut tx = self.begin_write().await?;
        let public: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM arguments a JOIN ideas i ON i.id = a.idea_id
             WHERE a.id = ? AND a.idea_id = ? AND a.moderation_state = 'published'
               AND a.deleted_at IS NULL AND a.staff_id IS NULL
               AND i.moderation_state = 'published'",
        )
        .bind(report.argument.0)
        .bind(report.idea.0)
        .fetch_optional(&mut *tx)
        .await?;
        if public.is_none() {
            return Ok(ReportOutcome::NotPublic);
        }
        let inserted = sqlx::query(
            "INSERT INTO argument_reports (argument_id, resident_id, reason, comment, created_at)
             VALUES (?, ?, ?, ?, ?) ON CONFLICT (argument_id, resident_id) DO NOTHING",
        )
        .bind(report.argument.0)
        .bind(report.resident.0)
        .bind(report.reason.as_str())
        .bind(report.comment.map(|c| c.as_str()))
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            return Ok(ReportOutcome::AlreadyReported);
        }
        let open: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM argument_reports r
             JOIN residents ON residents.id = r.resident_id
             WHERE r.argument_id = ? AND r.resolved_at IS NULL AND residents.created_at <= ?",
        )
        .bind(report.argument.0)
        .bind(rule.counted_accounts_made_by(now))
        .fetch_one(&mut *tx)
        .await?;
        let hidden = rule.hides(open);
        if hidden {
            sqlx::query(
                "UPDATE arguments SET moderation_state = 'hidden', moderation_rule = ?,
                     moderated_at = ?
                 WHERE id = ?",
            )
            .bind(AUTO_HIDE_REASON)
            .bind(now)
            .bind(report.argument.0)
            .execute(&mut *tx)
            .await?;
            record(
                &mut tx,
                Record::idea(
                    None,
                    AuditAction::DebateAutoHide,
                    report.idea.0,
                    serde_json::json!({ "argument": report.argument.0, "state": "published" }),
                    serde_json::json!({
                        "argument": report.argument.0,
                        "state": "hidden",
                        "rule": AUTO_HIDE_REASON,
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

    /// How many arguments wait for a moderator: new ones under approval and reported ones.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn argument_queue_count(&self) -> Result<i64> {
        Ok(
            sqlx::query_scalar(&format!("SELECT count(*) FROM arguments a WHERE {WAITING}"))
                .fetch_one(self.pool())
                .await?,
        )
    }

    /// Arguments waiting for a moderator, oldest first, each with its open reports.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn argument_queue(&self, limit: i64) -> Result<Vec<QueuedArgument>> {
        let rows = sqlx::query(&format!(
            "SELECT a.id, a.idea_id, i.title, a.stance, a.body, a.language, a.moderation_state,
                    a.moderation_rule, a.created_at
             FROM arguments a JOIN ideas i ON i.id = a.idea_id
             WHERE {WAITING}
             ORDER BY a.created_at, a.id LIMIT ?"
        ))
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        let mut queue: Vec<QueuedArgument> = rows
            .iter()
            .map(|row| QueuedArgument {
                id: ArgumentId(row.get("id")),
                idea: IdeaId(row.get("idea_id")),
                idea_title: row.get("title"),
                stance: row
                    .get::<Option<String>, _>("stance")
                    .as_deref()
                    .and_then(Stance::parse),
                body: row.get("body"),
                language: Locale::from_tag(row.get::<&str, _>("language")).unwrap_or(Locale::Da),
                state: ModerationState::parse(row.get::<&str, _>("moderation_state"))
                    .unwrap_or(ModerationState::Pending),
                hidden_by_reports: row.get::<Option<String>, _>("moderation_rule").as_deref()
                    == Some(AUTO_HIDE_REASON),
                created_at: Timestamp(row.get("created_at")),
                reports: Vec::new(),
            })
            .collect();
        if queue.is_empty() {
            return Ok(queue);
        }
        let ids: Vec<i64> = queue.iter().map(|q| q.id.0).collect();
        let reports: Vec<(i64, String, Option<String>)> = sqlx::query_as(
            "SELECT argument_id, reason, comment FROM argument_reports
             WHERE resolved_at IS NULL AND argument_id IN (SELECT value FROM json_each(?))
             ORDER BY created_at, id",
        )
        .bind(serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into()))
        .fetch_all(self.pool())
        .await?;
        for (argument, reason, comment) in reports {
            let (Some(reason), Some(queued)) = (
                ReportReason::parse(&reason),
                queue.iter_mut().find(|q| q.id.0 == argument),
            ) else {
                continue;
            };
            queued.reports.push((reason, comment));
        }
        Ok(queue)
    }

    /// A moderator's decision on a resident's argument or reply: public, or hidden under a
    /// rule. Closes its open reports, records the decision in the audit log and, when it
    /// hides the words of a resident, queues a mail telling them which rule, all in one
    /// transaction. The argument's idea, or `None` when there is no such argument (the
    /// municipality's replies are never hidden; deleted words need no decision).
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn decide_argument(
        &self,
        argument: ArgumentId,
        decision: Decision,
        staff: i64,
        now: i64,
    ) -> Result<Option<IdeaId>> {
        let mut tx = self.begin_write().await?;
        let before: Option<(i64, String, Option<String>, Option<i64>)> = sqlx::query_as(
            "SELECT idea_id, moderation_state, moderation_rule, author_id FROM arguments
             WHERE id = ? AND staff_id IS NULL AND deleted_at IS NULL
               AND moderation_state IN ('published', 'hidden', 'pending')",
        )
        .bind(argument.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((idea, state, rule, author)) = before else {
            return Ok(None);
        };
        let (new_state, new_rule, action) = match decision {
            Decision::Hide(rule) => ("hidden", Some(rule.as_str()), AuditAction::DebateHide),
            Decision::Publish => (
                "published",
                None,
                match state.as_str() {
                    "pending" => AuditAction::DebateApprove,
                    "hidden" => AuditAction::DebateRestore,
                    _ => AuditAction::DebateKeep,
                },
            ),
        };
        sqlx::query(
            "UPDATE arguments SET moderation_state = ?, moderation_rule = ?, moderated_at = ?
             WHERE id = ?",
        )
        .bind(new_state)
        .bind(new_rule)
        .bind(now)
        .bind(argument.0)
        .execute(&mut *tx)
        .await?;
        let reports = sqlx::query(
            "UPDATE argument_reports SET resolved_at = ?, resolved_by = ?
             WHERE argument_id = ? AND resolved_at IS NULL",
        )
        .bind(now)
        .bind(staff)
        .bind(argument.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // The author hears once per rule: hiding again under the same rule sends nothing new.
        let mailed = match (decision, author) {
            (Decision::Hide(hidden_under), Some(author))
                if rule.as_deref() != Some(hidden_under.as_str()) =>
            {
                sqlx::query(
                    "INSERT INTO debate_mails (argument_id, resident_id, rule, next_attempt_at)
                     VALUES (?, ?, ?, ?)",
                )
                .bind(argument.0)
                .bind(author)
                .bind(hidden_under.as_str())
                .bind(now)
                .execute(&mut *tx)
                .await?;
                true
            }
            _ => false,
        };
        // Entries about a debate are the idea's, naming the argument.
        record(
            &mut tx,
            Record::idea(
                Some(staff),
                action,
                idea,
                serde_json::json!({ "argument": argument.0, "state": state, "rule": rule }),
                serde_json::json!({
                    "argument": argument.0,
                    "state": new_state,
                    "rule": new_rule,
                    "reports_closed": reports,
                    "author_mailed": mailed,
                }),
                now,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(Some(IdeaId(idea)))
    }

    /// The department a staff member named in their last reply as the municipality.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn last_department(&self, staff: i64) -> Result<Option<String>> {
        Ok(sqlx::query_scalar(
            "SELECT department FROM arguments WHERE staff_id = ? ORDER BY id DESC LIMIT 1",
        )
        .bind(staff)
        .fetch_optional(self.pool())
        .await?
        .flatten())
    }

    /// Staff reply to an argument as the municipality, naming a department if they like, with
    /// an audit entry.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn reply_as_municipality(
        &self,
        idea: IdeaId,
        parent: ArgumentId,
        text: &ArgumentText,
        department: Option<&Department>,
        staff: i64,
        now: i64,
    ) -> Result<Option<ArgumentId>> {
        let mut tx = self.begin_write().await?;
        let fits: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM arguments a JOIN ideas i ON i.id = a.idea_id
             WHERE a.id = ? AND a.idea_id = ? AND a.parent_id IS NULL
               AND a.moderation_state IN ('published', 'hidden')
               AND i.moderation_state = 'published'",
        )
        .bind(parent.0)
        .bind(idea.0)
        .fetch_optional(&mut *tx)
        .await?;
        if fits.is_none() {
            return Ok(None);
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO arguments (idea_id, parent_id, staff_id, department, body, fold,
                 language, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(idea.0)
        .bind(parent.0)
        .bind(staff)
        .bind(department.map(Department::as_str))
        .bind(text.as_str())
        .bind(text.fold())
        .bind(crate::locale::written_in(text.as_str()).tag())
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        record(
            &mut tx,
            Record::idea(
                Some(staff),
                AuditAction::DebateReply,
                idea.0,
                serde_json::json!({ "reply_to": parent.0 }),
                serde_json::json!({
                    "argument": id,
                    "text": text.as_str(),
                    "department": department.map(Department::as_str),
                }),
                now,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(Some(ArgumentId(id)))
    }

    /// Closes a public idea's debate with a conclusion (`Some`) or opens it again (`None`),
    /// with an audit entry; `false` when the idea is not public.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn close_debate(
        &self,
        idea: IdeaId,
        conclusion: Option<&Conclusion>,
        staff: i64,
        now: i64,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let before: Option<(Option<i64>, Option<String>)> = sqlx::query_as(
            "SELECT debate_closed_at, debate_conclusion FROM ideas
             WHERE id = ? AND moderation_state = 'published'",
        )
        .bind(idea.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((closed_at, was)) = before else {
            return Ok(false);
        };
        sqlx::query("UPDATE ideas SET debate_closed_at = ?, debate_conclusion = ? WHERE id = ?")
            .bind(conclusion.map(|_| now))
            .bind(conclusion.map(Conclusion::as_str))
            .bind(idea.0)
            .execute(&mut *tx)
            .await?;
        let action = match conclusion {
            Some(_) => AuditAction::DebateClose,
            None => AuditAction::DebateReopen,
        };
        record(
            &mut tx,
            Record::idea(
                Some(staff),
                action,
                idea.0,
                serde_json::json!({ "closed_at": closed_at, "conclusion": was }),
                serde_json::json!({ "conclusion": conclusion.map(Conclusion::as_str) }),
                now,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}

impl Db {
    /// Mails to authors of hidden words that are due now, oldest first.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn due_debate_mails(&self, now: i64, limit: i64) -> Result<Vec<DueDebateMail>> {
        Ok(sqlx::query_as(
            "SELECT m.id, m.attempts, r.email, coalesce(r.language, 'da') AS language,
                    i.id AS idea_id, i.title, a.id AS argument_id, m.rule, a.body
             FROM debate_mails m
             JOIN arguments a ON a.id = m.argument_id
             JOIN ideas i ON i.id = a.idea_id
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::argument::{ArgumentOrder, ArgumentProblem, Author, DebateRule, HiddenBy, Shown};
    use crate::report::ReportComment;
    use crate::resident::ResidentId;
    use crate::storage::argument::tests::{AT_ONCE, argument, page, reply};
    use crate::storage::now;
    use crate::storage::tests::{db_with_reference, insert, resident};

    /// A day and a half after the test's residents were made: their reports count.
    fn later() -> i64 {
        now() + 36 * 3600
    }

    async fn report(db: &Db, idea: IdeaId, argument: ArgumentId, who: i64) -> ReportOutcome {
        let comment = ReportComment::parse("Grov tone").unwrap();
        db.report_argument(
            &ArgumentReport {
                idea,
                argument,
                resident: ResidentId(who),
                reason: ReportReason::Offensive,
                comment: comment.as_ref(),
            },
            HidingRule::default(),
            later(),
        )
        .await
        .unwrap()
    }

    #[tokio::test]
    async fn staff_hide_under_a_rule_reply_as_the_municipality_and_close_the_debate() {
        let (db, _dir) = db_with_reference().await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let lone = ResidentId(resident(&db, 1).await);
        let jens = ResidentId(resident(&db, 2).await);
        let staff = crate::storage::tests::staff(&db, crate::staff::StaffRole::Moderator).await;
        let t = now();
        let rude = db
            .insert_argument(
                lone,
                &argument(idea, Stance::Against, "I er idioter"),
                Locale::Da,
                AT_ONCE,
                t,
            )
            .await
            .unwrap()
            .unwrap();
        db.insert_argument(
            jens,
            &reply(idea, rude, "Hold en god tone"),
            Locale::Da,
            AT_ONCE,
            t,
        )
        .await
        .unwrap()
        .unwrap();

        assert!(
            db.decide_argument(rude, Decision::Hide(DebateRule::Respect), staff, t + 5)
                .await
                .unwrap()
                .is_some()
        );
        let seen = page(&db, idea, None, ArgumentOrder::Helpful, None, 1).await;
        assert_eq!(
            seen.threads[0].argument.shown,
            Shown::Hidden {
                at: Timestamp(t + 5),
                by: HiddenBy::Rule(DebateRule::Respect)
            },
            "the words are not sent to readers"
        );
        assert_eq!(seen.threads[0].replies.len(), 1, "the replies stay");
        assert_eq!(seen.counts.total(), 0, "a hidden argument is not counted");
        let staff_view = db.staff_arguments(idea).await.unwrap();
        assert_eq!(staff_view[0].body, "I er idioter", "staff still read it");
        assert!(staff_view[0].hidden && staff_view[1].parent == Some(rude));
        assert_eq!(
            db.set_helpful(rude, jens, true, t).await.unwrap(),
            None,
            "a hidden argument takes no marks"
        );
        let mails = db.due_debate_mails(t + 5, 10).await.unwrap();
        assert_eq!(mails.len(), 1, "the author is told");
        assert_eq!(
            (mails[0].rule.as_str(), mails[0].body.as_str()),
            ("respect", "I er idioter")
        );
        assert_eq!(
            db.decide_argument(rude, Decision::Publish, staff, t + 9)
                .await
                .unwrap(),
            Some(idea)
        );

        let answer = ArgumentText::parse("Kommunen ser på det i foråret.").unwrap();
        let department = Department::parse("Klima og Miljø").unwrap();
        let id = db
            .reply_as_municipality(idea, rude, &answer, department.as_ref(), staff, t + 10)
            .await
            .unwrap()
            .unwrap();
        let seen = page(&db, idea, None, ArgumentOrder::Helpful, None, 1).await;
        let by_staff = seen.threads[0].replies.iter().find(|r| r.id == id).unwrap();
        assert_eq!(
            by_staff.author,
            Author::Municipality {
                department: Some("Klima og Miljø".into())
            }
        );
        assert_eq!(
            db.decide_argument(id, Decision::Hide(DebateRule::Respect), staff, t)
                .await
                .unwrap(),
            None,
            "the municipality's reply is never hidden"
        );

        let conclusion = Conclusion::parse("Cykelstien er med i planen.").unwrap();
        assert!(
            db.close_debate(idea, Some(&conclusion), staff, t + 20)
                .await
                .unwrap()
        );
        assert_eq!(
            db.insert_argument(
                jens,
                &argument(idea, Stance::For, "Godt"),
                Locale::Da,
                AT_ONCE,
                t + 30
            )
            .await
            .unwrap(),
            Err(ArgumentProblem::Closed)
        );
        let closed = page(&db, idea, None, ArgumentOrder::Helpful, None, 1).await;
        assert_eq!(
            closed.closed,
            Some((Timestamp(t + 20), "Cykelstien er med i planen.".into())),
            "a closed debate stays readable"
        );
        assert_eq!(closed.threads.len(), 1);
        assert!(db.close_debate(idea, None, staff, t + 40).await.unwrap());
        let audit: Vec<String> = sqlx::query_scalar(
            "SELECT action FROM audit_events WHERE action LIKE 'debate.%' ORDER BY id",
        )
        .fetch_all(db.pool())
        .await
        .unwrap();
        assert_eq!(
            audit,
            [
                "debate.hide",
                "debate.restore",
                "debate.reply",
                "debate.close",
                "debate.reopen"
            ]
        );
    }

    #[tokio::test]
    async fn reports_queue_an_argument_one_each_and_the_third_hides_it() {
        let (db, _dir) = db_with_reference().await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let author = ResidentId(resident(&db, 1).await);
        let staff = crate::storage::tests::staff(&db, crate::staff::StaffRole::Moderator).await;
        let t = now();
        let rude = db
            .insert_argument(
                author,
                &argument(idea, Stance::Against, "Dumme forslag"),
                Locale::Da,
                AT_ONCE,
                t,
            )
            .await
            .unwrap()
            .unwrap();
        let (a, b, c) = (
            resident(&db, 2).await,
            resident(&db, 3).await,
            resident(&db, 4).await,
        );
        assert_eq!(
            report(&db, idea, rude, a).await,
            ReportOutcome::Recorded { hidden: false }
        );
        assert_eq!(
            report(&db, idea, rude, a).await,
            ReportOutcome::AlreadyReported
        );
        let other = insert(&db, "Solceller på skolerne", ModerationState::Published).await;
        assert_eq!(
            report(&db, other, rude, b).await,
            ReportOutcome::NotPublic,
            "only under its own idea"
        );
        let queue = db.argument_queue(10).await.unwrap();
        assert_eq!(queue.len(), 1);
        assert_eq!(
            queue[0].reports,
            [(ReportReason::Offensive, Some("Grov tone".into()))]
        );
        assert_eq!(db.argument_queue_count().await.unwrap(), 1);
        report(&db, idea, rude, b).await;
        assert_eq!(
            report(&db, idea, rude, c).await,
            ReportOutcome::Recorded { hidden: true }
        );
        let seen = page(&db, idea, None, ArgumentOrder::Helpful, None, 1).await;
        assert!(matches!(
            seen.threads[0].argument.shown,
            Shown::Hidden {
                by: HiddenBy::Reports,
                ..
            }
        ));
        let queued = db.argument_queue(10).await.unwrap();
        assert!(queued[0].hidden_by_reports && queued[0].reports.len() == 3);
        // Hidden, it can be reported no further; a moderator keeps it, closing the reports.
        let d = resident(&db, 5).await;
        assert_eq!(report(&db, idea, rude, d).await, ReportOutcome::NotPublic);
        db.decide_argument(rude, Decision::Publish, staff, later())
            .await
            .unwrap();
        assert_eq!(db.argument_queue_count().await.unwrap(), 0);
        assert!(
            db.due_debate_mails(later(), 10).await.unwrap().is_empty(),
            "nobody hid it under a rule: no mail"
        );
        let audit: Vec<String> = sqlx::query_scalar(
            "SELECT action FROM audit_events WHERE action LIKE 'debate.%' ORDER BY id",
        )
        .fetch_all(db.pool())
        .await
        .unwrap();
        assert_eq!(audit, ["debate.auto_hide", "debate.restore"]);
        // The municipality's replies cannot be reported.
        let answer = ArgumentText::parse("Tak for input.").unwrap();
        let official = db
            .reply_as_municipality(idea, rude, &answer, None, staff, later())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            report(&db, idea, official, d).await,
            ReportOutcome::NotPublic
        );
    }

    #[tokio::test]
    async fn under_approval_only_the_author_sees_their_argument_until_a_moderator_approves() {
        let (db, _dir) = db_with_reference().await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let author = ResidentId(resident(&db, 1).await);
        let reader = ResidentId(resident(&db, 2).await);
        let staff = crate::storage::tests::staff(&db, crate::staff::StaffRole::Moderator).await;
        let t = now();
        let waiting = db
            .insert_argument(
                author,
                &argument(idea, Stance::For, "Det vil spare CO2."),
                Locale::Da,
                crate::moderation::ModerationMode::Pre,
                t,
            )
            .await
            .unwrap()
            .unwrap();
        let theirs = page(&db, idea, Some(author), ArgumentOrder::Helpful, None, 1).await;
        assert_eq!(
            theirs.threads[0].argument.shown,
            Shown::Waiting("Det vil spare CO2.".into())
        );
        assert_eq!(theirs.counts.total(), 0, "not counted before it is public");
        let others = page(&db, idea, Some(reader), ArgumentOrder::Helpful, None, 1).await;
        assert!(others.threads.is_empty() && others.matching == 0);
        assert_eq!(
            db.insert_argument(
                reader,
                &reply(idea, waiting, "Enig"),
                Locale::Da,
                AT_ONCE,
                t
            )
            .await
            .unwrap(),
            Err(ArgumentProblem::NoParent),
            "no replies to words nobody can read"
        );
        assert_eq!(
            db.argument_queue(10).await.unwrap()[0].state,
            ModerationState::Pending
        );
        db.decide_argument(waiting, Decision::Publish, staff, t + 60)
            .await
            .unwrap();
        let others = page(&db, idea, Some(reader), ArgumentOrder::Helpful, None, 1).await;
        assert_eq!(
            others.threads[0].argument.shown,
            Shown::Text("Det vil spare CO2.".into())
        );
        assert_eq!(db.argument_queue_count().await.unwrap(), 0);
    }

    #[tokio::test]
    async fn a_hidden_authors_mail_waits_for_retries_and_goes_with_their_account() {
        let (db, _dir) = db_with_reference().await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let author = ResidentId(resident(&db, 1).await);
        let staff = crate::storage::tests::staff(&db, crate::staff::StaffRole::Moderator).await;
        let t = now();
        let id = db
            .insert_argument(
                author,
                &argument(idea, Stance::For, "Ring til mig på 12345678"),
                Locale::Da,
                AT_ONCE,
                t,
            )
            .await
            .unwrap()
            .unwrap();
        let privacy = Decision::Hide(DebateRule::Privacy);
        db.decide_argument(id, privacy, staff, t).await.unwrap();
        db.decide_argument(id, privacy, staff, t + 1).await.unwrap();
        let due = db.due_debate_mails(t + 1, 10).await.unwrap();
        assert_eq!(due.len(), 1, "hiding twice under one rule tells once");
        db.mark_mail_failed(crate::storage::MailQueue::Debate, due[0].id, t + 100, t + 1)
            .await
            .unwrap();
        assert!(db.due_debate_mails(t + 50, 10).await.unwrap().is_empty());
        assert_eq!(db.due_debate_mails(t + 100, 10).await.unwrap().len(), 1);
        db.delete_resident(author, t + 200).await.unwrap();
        assert!(
            db.due_debate_mails(t + 300, 10).await.unwrap().is_empty(),
            "a deleted account takes its mail with it"
        );
    }
}
