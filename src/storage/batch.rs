//! Carrying out a batch action from the staff table: every idea in one write transaction, one
//! audit entry per idea, and all or nothing: if one idea is refused, none is changed and the
//! refusals are listed per idea. A batch of statuses mails each resident once about all of
//! their ideas in it.

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::answer::{StatusRefusal, audit_status_on, change_status_on};
use super::moderation::moderate_on;
use super::staff_ideas::push_staff_filter;
use super::{Db, Result, audit};
use crate::audit::AuditAction;
use crate::batch::{BatchAction, BatchRefusal, Selection};
use crate::idea::{Category, IdeaId};
use crate::{ModerationState, PublicStatus};

/// What a batch did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchDone {
    pub changed: usize,
    pub mails_queued: u64,
}

/// Why a batch did nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchFailure {
    /// The filter matches another number of ideas than the staff member confirmed.
    CountChanged { now: i64 },
    /// The category or area chosen does not exist (any more).
    NoSuchTarget,
    /// These ideas were refused, each for its reason, in id order.
    Refused(Vec<(i64, BatchRefusal)>),
}

/// An idea of the batch as it is now.
#[derive(sqlx::FromRow)]
struct Current {
    id: i64,
    updated_at: i64,
    moderation_state: String,
    status: String,
    kind: String,
    sector_key: Option<String>,
    theme_key: Option<String>,
    area_id: i64,
    title: String,
    /// Linked to at least one of the plan's actions.
    linked: bool,
}

impl Db {
    /// Carries out `action` on the selected ideas; see the module's description.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn run_batch(
        &self,
        selection: &Selection,
        action: &BatchAction,
        staff: i64,
        now: i64,
    ) -> Result<std::result::Result<BatchDone, BatchFailure>> {
        let mut tx = self.begin_write().await?;
        let (ids, seen): (Vec<i64>, Vec<Option<i64>>) = match selection {
            Selection::Ticked(ticked) => ticked.iter().map(|(id, at)| (*id, Some(*at))).unzip(),
            Selection::AllMatching { filter, count } => {
                let mut q = QueryBuilder::<Sqlite>::new(
                    "SELECT i.id FROM ideas i JOIN areas a ON a.id = i.area_id WHERE 1",
                );
                push_staff_filter(&mut q, filter, None);
                let ids: Vec<i64> = q.build_query_scalar().fetch_all(&mut *tx).await?;
                if ids.len() as i64 != *count {
                    return Ok(Err(BatchFailure::CountChanged {
                        now: ids.len() as i64,
                    }));
                }
                let none = vec![None; ids.len()];
                (ids, none)
            }
        };
        let current: Vec<Current> = sqlx::query_as(
            "SELECT id, updated_at, moderation_state, status, kind, sector_key, theme_key, area_id,
                    title, EXISTS (SELECT 1 FROM idea_actions l WHERE l.idea_id = ideas.id) AS linked
             FROM ideas WHERE id IN (SELECT value FROM json_each(?))",
        )
        .bind(serde_json::to_string(&ids).unwrap_or_default())
        .fetch_all(&mut *tx)
        .await?;
        let mut refused = Vec::new();
        for (id, seen) in ids.iter().zip(&seen) {
            let Some(idea) = current.iter().find(|c| c.id == *id) else {
                refused.push((*id, BatchRefusal::Missing));
                continue;
            };
            if seen.is_some_and(|at| at != idea.updated_at) {
                refused.push((*id, BatchRefusal::Changed));
            } else if let Some(refusal) = refusal(idea, action) {
                refused.push((*id, refusal));
            }
        }
        if !refused.is_empty() {
            refused.sort_unstable_by_key(|(id, _)| *id);
            return Ok(Err(BatchFailure::Refused(refused)));
        }
        let done = match action {
            BatchAction::Status { status, answer } => {
                let mut changes = Vec::with_capacity(current.len());
                for idea in &current {
                    let id = IdeaId(idea.id);
                    let (change, before) =
                        match change_status_on(&mut tx, id, *status, answer.as_ref(), staff, now)
                            .await?
                        {
                            Ok(done) => done,
                            // Checked above, in the same transaction.
                            Err(refusal) => {
                                let refusal = match refusal {
                                    StatusRefusal::NotPublic => BatchRefusal::NotPublic,
                                    StatusRefusal::NoAction => BatchRefusal::NoAction,
                                };
                                return Ok(Err(BatchFailure::Refused(vec![(idea.id, refusal)])));
                            }
                        };
                    let batch = serde_json::json!({ "batch": current.len() });
                    audit_status_on(
                        &mut tx,
                        id,
                        &before,
                        *status,
                        answer.as_ref(),
                        batch,
                        staff,
                        now,
                    )
                    .await?;
                    changes.push((change, idea.id));
                }
                let mails_queued = queue_batch_mails(&mut tx, &changes, now).await?;
                BatchDone {
                    changed: changes.len(),
                    mails_queued,
                }
            }
            BatchAction::Moderate { action, reason } => {
                for idea in &current {
                    let done = moderate_on(
                        &mut tx,
                        IdeaId(idea.id),
                        *action,
                        reason.as_deref(),
                        staff,
                        now,
                    )
                    .await?;
                    if done.is_err() {
                        return Ok(Err(BatchFailure::Refused(vec![(
                            idea.id,
                            BatchRefusal::NotNow,
                        )])));
                    }
                }
                BatchDone {
                    changed: current.len(),
                    mails_queued: 0,
                }
            }
            BatchAction::Category(category) => {
                let (table, key) = match category {
                    Category::Sector(key) => ("sectors", key),
                    Category::Theme(key) => ("adaptation_themes", key),
                };
                let exists: Option<String> =
                    sqlx::query_scalar(&format!("SELECT key FROM {table} WHERE key = ?"))
                        .bind(key.as_str())
                        .fetch_optional(&mut *tx)
                        .await?;
                if exists.is_none() {
                    return Ok(Err(BatchFailure::NoSuchTarget));
                }
                let (kind, sector, theme) = match category {
                    Category::Sector(key) => ("mitigation", Some(key.as_str()), None),
                    Category::Theme(key) => ("adaptation", None, Some(key.as_str())),
                };
                let mut changed = 0;
                for idea in &current {
                    let same = idea.kind == kind
                        && idea.sector_key.as_deref() == sector
                        && idea.theme_key.as_deref() == theme;
                    if !same {
                        correct_on(
                            &mut tx,
                            idea,
                            (kind, sector, theme),
                            idea.area_id,
                            staff,
                            now,
                        )
                        .await?;
                        changed += 1;
                    }
                }
                BatchDone {
                    changed,
                    mails_queued: 0,
                }
            }
            BatchAction::Area(slug) => {
                let area: Option<i64> = sqlx::query_scalar("SELECT id FROM areas WHERE slug = ?")
                    .bind(slug.as_str())
                    .fetch_optional(&mut *tx)
                    .await?;
                let Some(area) = area else {
                    return Ok(Err(BatchFailure::NoSuchTarget));
                };
                let mut changed = 0;
                for idea in current.iter().filter(|idea| idea.area_id != area) {
                    let category = (
                        idea.kind.as_str(),
                        idea.sector_key.as_deref(),
                        idea.theme_key.as_deref(),
                    );
                    correct_on(&mut tx, idea, category, area, staff, now).await?;
                    changed += 1;
                }
                BatchDone {
                    changed,
                    mails_queued: 0,
                }
            }
        };
        tx.commit().await?;
        Ok(Ok(done))
    }
}

/// Why `action` does not fit `idea` as it is now, if it does not.
fn refusal(idea: &Current, action: &BatchAction) -> Option<BatchRefusal> {
    let state = ModerationState::parse(&idea.moderation_state)?;
    match action {
        BatchAction::Status { .. }
            if state != ModerationState::Published
                || idea.status == PublicStatus::Merged.as_str() =>
        {
            Some(BatchRefusal::NotPublic)
        }
        BatchAction::Status { status, .. } => {
            (*status == PublicStatus::InPlan && !idea.linked).then_some(BatchRefusal::NoAction)
        }
        BatchAction::Moderate { action, .. } => state
            .after(*action)
            .is_none()
            .then_some(BatchRefusal::NotNow),
        BatchAction::Category(_) | BatchAction::Area(_) => None,
    }
}

/// A new category or area for one idea, with its audit entry as a correction.
async fn correct_on(
    tx: &mut SqliteConnection,
    idea: &Current,
    (kind, sector, theme): (&str, Option<&str>, Option<&str>),
    area: i64,
    staff: i64,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE ideas SET kind = ?, sector_key = ?, theme_key = ?, area_id = ?,
                area_flagged = iif(area_id = ?, area_flagged, 0), updated_at = ?
         WHERE id = ?",
    )
    .bind(kind)
    .bind(sector)
    .bind(theme)
    .bind(area)
    .bind(area)
    .bind(now)
    .bind(idea.id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        tx,
        audit::Record::idea(
            Some(staff),
            AuditAction::IdeaCorrect,
            idea.id,
            serde_json::json!({
                "title": idea.title, "kind": idea.kind, "sector": idea.sector_key,
                "theme": idea.theme_key, "area_id": idea.area_id,
            }),
            serde_json::json!({
                "title": idea.title, "kind": kind, "sector": sector, "theme": theme,
                "area_id": area, "batch": true,
            }),
            now,
        ),
    )
    .await
}

/// One status mail per resident who proposed or supports any idea of the batch (and still
/// wants such mails), telling of all of their ideas in it. Returns how many were queued.
async fn queue_batch_mails(
    tx: &mut SqliteConnection,
    changes: &[(i64, i64)],
    now: i64,
) -> Result<u64> {
    // (change, idea) pairs, and who each change concerns.
    const CONCERNED: &str = "WITH ch(change_id, idea_id) AS (
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?1)),
        concerned(resident_id, change_id) AS (
            SELECT i.author_id, ch.change_id FROM ch JOIN ideas i ON i.id = ch.idea_id
            WHERE i.author_id IS NOT NULL
            UNION
            SELECT s.resident_id, ch.change_id FROM ch JOIN supports s ON s.idea_id = ch.idea_id)";
    let pairs = serde_json::to_string(changes).unwrap_or_default();
    let queued = sqlx::query(&format!(
        "{CONCERNED}
         INSERT INTO status_mails (status_change_id, resident_id, next_attempt_at)
         SELECT min(c.change_id), c.resident_id, ?2 FROM concerned c
         JOIN residents r ON r.id = c.resident_id
         WHERE r.email IS NOT NULL AND r.status_mails = 1
         GROUP BY c.resident_id"
    ))
    .bind(&pairs)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    // Each mail of the batch tells of every change that concerns its resident.
    sqlx::query(&format!(
        "{CONCERNED}
         INSERT INTO status_mail_changes (mail_id, status_change_id)
         SELECT m.id, c.change_id FROM concerned c
         JOIN status_mails m ON m.resident_id = c.resident_id
         WHERE m.status_change_id IN (SELECT change_id FROM ch)"
    ))
    .bind(&pairs)
    .execute(&mut *tx)
    .await?;
    Ok(queued)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::OfficialAnswer;
    use crate::staff::StaffRole;
    use crate::staff_ideas::StaffFilter;
    use crate::storage::tests::{db_with_reference, insert, resident};
    use crate::{ModerationAction, ResidentId};

    async fn updated_at(db: &Db, id: IdeaId) -> i64 {
        db.staff_idea(id).await.unwrap().unwrap().updated_at
    }

    async fn ticked(db: &Db, ids: &[IdeaId]) -> Selection {
        let mut rows = Vec::new();
        for id in ids {
            rows.push((id.0, updated_at(db, *id).await));
        }
        Selection::Ticked(rows)
    }

    #[tokio::test]
    async fn a_status_batch_mails_each_resident_once_about_all_their_ideas() {
        let (db, _dir) = db_with_reference().await;
        let mo = crate::storage::tests::staff(&db, StaffRole::Moderator).await;
        let ideas = [
            insert(&db, "Flere cykelstier i byen", ModerationState::Published).await,
            insert(&db, "Solceller på skolerne", ModerationState::Published).await,
            insert(&db, "Delebiler i Gistrup", ModerationState::Published).await,
        ];
        let (a, b) = (resident(&db, 1).await, resident(&db, 2).await);
        for idea in &ideas[..2] {
            sqlx::query("UPDATE ideas SET author_id = ? WHERE id = ?")
                .bind(a)
                .bind(idea.0)
                .execute(db.pool())
                .await
                .unwrap();
        }
        db.add_public_support(ideas[0], ResidentId(a), 1)
            .await
            .unwrap();
        db.add_public_support(ideas[2], ResidentId(a), 1)
            .await
            .unwrap();
        db.add_public_support(ideas[2], ResidentId(b), 1)
            .await
            .unwrap();
        let action = BatchAction::Status {
            status: PublicStatus::InPlan,
            answer: Some(OfficialAnswer {
                da: "Med i planen.".into(),
                en: None,
            }),
        };
        // "In the climate plan" needs a link to an action: one idea without refuses the batch.
        let code = crate::storage::tests::plan_action(&db, "T1").await;
        for idea in &ideas[..2] {
            assert!(db.link_idea(*idea, &code, None, None, 40).await.unwrap());
        }
        let selection = ticked(&db, &ideas).await;
        let refused = db.run_batch(&selection, &action, mo, 45).await.unwrap();
        assert_eq!(
            refused,
            Err(BatchFailure::Refused(vec![(
                ideas[2].0,
                BatchRefusal::NoAction
            )]))
        );
        assert!(db.link_idea(ideas[2], &code, None, None, 48).await.unwrap());
        let done = db.run_batch(&selection, &action, mo, 50).await.unwrap();
        assert_eq!(
            done,
            Ok(BatchDone {
                changed: 3,
                mails_queued: 2
            })
        );
        let mut due = db.due_status_mails(50, 10).await.unwrap();
        due.sort_by_key(|m| m.email.clone());
        assert_eq!(due.len(), 2, "one mail each");
        let mut also = due[0].also_ideas();
        also.sort();
        assert_eq!(due[0].email, "r1@example.org");
        assert_eq!(due[0].idea_id, ideas[0].0, "the first change leads");
        assert!(due[0].is_author);
        assert_eq!(
            also,
            [
                (ideas[1].0, "Solceller på skolerne".to_owned(), true),
                (ideas[2].0, "Delebiler i Gistrup".to_owned(), false)
            ]
        );
        assert!(due[1].also_ideas().is_empty(), "b supports one idea");
        for idea in ideas {
            let log = db.audit_of("idea", idea.0).await.unwrap();
            assert_eq!(log.last().unwrap().1, "idea.status");
        }
    }

    #[tokio::test]
    async fn one_refusal_leaves_every_idea_as_it_was_and_each_refusal_is_named() {
        let (db, _dir) = db_with_reference().await;
        let mo = crate::storage::tests::staff(&db, StaffRole::Moderator).await;
        let new = insert(&db, "Ny idé om cykler", ModerationState::Pending).await;
        let public = insert(&db, "Offentlig idé om sol", ModerationState::Published).await;
        let also_new = insert(&db, "Endnu en ny idé", ModerationState::Pending).await;
        let approve = BatchAction::Moderate {
            action: ModerationAction::Approve,
            reason: None,
        };
        let mut selection = ticked(&db, &[new, public, also_new]).await;
        // Someone changed one idea after the table was shown.
        if let Selection::Ticked(rows) = &mut selection {
            rows[2].1 -= 1;
        }
        let done = db.run_batch(&selection, &approve, mo, 50).await.unwrap();
        assert_eq!(
            done,
            Err(BatchFailure::Refused(vec![
                (public.0, BatchRefusal::NotNow),
                (also_new.0, BatchRefusal::Changed)
            ]))
        );
        let row = db.staff_idea(new).await.unwrap().unwrap();
        assert_eq!(
            row.moderation,
            ModerationState::Pending,
            "nothing half-done"
        );
        assert!(db.audit_of("idea", new.0).await.unwrap().is_empty());

        let status = BatchAction::Status {
            status: PublicStatus::UnderReview,
            answer: None,
        };
        let selection = ticked(&db, &[new, public]).await;
        assert_eq!(
            db.run_batch(&selection, &status, mo, 51).await.unwrap(),
            Err(BatchFailure::Refused(vec![(
                new.0,
                BatchRefusal::NotPublic
            )]))
        );
        let gone = Selection::Ticked(vec![(999_999, 1)]);
        assert_eq!(
            db.run_batch(&gone, &status, mo, 51).await.unwrap(),
            Err(BatchFailure::Refused(vec![(
                999_999,
                BatchRefusal::Missing
            )]))
        );
    }

    #[tokio::test]
    async fn all_matching_the_filter_when_the_count_still_holds() {
        let (db, _dir) = db_with_reference().await;
        let mo = crate::storage::tests::staff(&db, StaffRole::Moderator).await;
        let a = insert(&db, "Ny idé om cykler", ModerationState::Pending).await;
        let b = insert(&db, "Ny idé om sol", ModerationState::Pending).await;
        insert(&db, "Offentlig idé", ModerationState::Published).await;
        let filter = StaffFilter::from_pairs([("moderation", "pending")]);
        let hide = BatchAction::Moderate {
            action: ModerationAction::Hide,
            reason: Some("Reklame".into()),
        };
        let stale = Selection::AllMatching {
            filter: filter.clone(),
            count: 3,
        };
        assert_eq!(
            db.run_batch(&stale, &hide, mo, 60).await.unwrap(),
            Err(BatchFailure::CountChanged { now: 2 })
        );
        let all = Selection::AllMatching { filter, count: 2 };
        assert_eq!(
            db.run_batch(&all, &hide, mo, 61)
                .await
                .unwrap()
                .unwrap()
                .changed,
            2
        );
        for id in [a, b] {
            let log = db.audit_of("idea", id.0).await.unwrap();
            assert_eq!(log.len(), 1);
            assert_eq!(log[0].1, "moderation.hide");
        }
    }

    #[tokio::test]
    async fn a_new_category_or_area_changes_only_the_ideas_that_differ() {
        let (db, _dir) = db_with_reference().await;
        let mo = crate::storage::tests::staff(&db, StaffRole::Moderator).await;
        let a = insert(&db, "Flere cykelstier", ModerationState::Published).await;
        let b = insert(&db, "Skybrudssikring", ModerationState::Pending).await;
        let heat = Category::Theme(crate::CategoryKey::parse("heat").unwrap());
        let selection = ticked(&db, &[a, b]).await;
        let done = db
            .run_batch(&selection, &BatchAction::Category(heat.clone()), mo, 70)
            .await
            .unwrap();
        assert_eq!(done.unwrap().changed, 2);
        let row = db.staff_idea(a).await.unwrap().unwrap();
        assert_eq!(row.category, "heat");
        assert_eq!(db.audit_of("idea", a.0).await.unwrap()[0].1, "idea.correct");
        // Again: nothing differs, nothing changes, nothing is logged.
        let selection = ticked(&db, &[a, b]).await;
        let again = db
            .run_batch(&selection, &BatchAction::Category(heat), mo, 71)
            .await
            .unwrap();
        assert_eq!(again.unwrap().changed, 0);
        assert_eq!(db.audit_of("idea", a.0).await.unwrap().len(), 1);
        let nowhere = BatchAction::Area(crate::AreaSlug::parse("ingen-steder").unwrap());
        assert_eq!(
            db.run_batch(&selection, &nowhere, mo, 72).await.unwrap(),
            Err(BatchFailure::NoSuchTarget)
        );
    }
}
