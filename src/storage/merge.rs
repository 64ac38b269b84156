//! Merging a duplicate idea into another, and undoing it. Supports move without counting
//! anyone twice; the history of the move makes the undo exact.

use crate::audit::AuditAction;
use serde::{Deserialize, Serialize};

use super::{Db, Result, audit};
use crate::idea::IdeaId;

/// Why a merge (or its undo) was not done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MergeRefusal {
    /// Either idea is unknown, not public, or already merged.
    NotMergeable,
    SameIdea,
    /// No merge to undo (unknown, or undone already).
    NoSuchMerge,
}

/// A merge as staff see it in the list of merges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct MergeRecord {
    pub id: i64,
    pub from_idea: i64,
    pub from_title: String,
    pub into_idea: i64,
    pub into_title: String,
    pub created_at: i64,
    pub undone_at: Option<i64>,
}

impl Db {
    /// Merges idea `from` into idea `into`: `from` gets status `merged` and leaves the lists;
    /// its supporters support `into` (once each). Returns the merge's id.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn merge_ideas(
        &self,
        from: IdeaId,
        into: IdeaId,
        staff: i64,
        now: i64,
    ) -> Result<std::result::Result<i64, MergeRefusal>> {
        if from == into {
            return Ok(Err(MergeRefusal::SameIdea));
        }
        let mut tx = self.begin_write().await?;
        let states: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, status FROM ideas
             WHERE id IN (?, ?) AND moderation_state = 'published' AND status <> 'merged'",
        )
        .bind(from.0)
        .bind(into.0)
        .fetch_all(&mut *tx)
        .await?;
        let Some(from_status) = states
            .iter()
            .find(|(id, _)| *id == from.0)
            .map(|(_, s)| s.clone())
            .filter(|_| states.len() == 2)
        else {
            return Ok(Err(MergeRefusal::NotMergeable));
        };
        let merge: i64 = sqlx::query_scalar(
            "INSERT INTO idea_merges (from_idea, into_idea, from_status, staff_id, created_at)
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(from.0)
        .bind(into.0)
        .bind(&from_status)
        .bind(staff)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO merged_supports (merge_id, resident_id, created_at, added)
             SELECT ?1, s.resident_id, s.created_at,
                    NOT EXISTS (SELECT 1 FROM supports k WHERE k.idea_id = ?2 AND k.resident_id = s.resident_id)
             FROM supports s WHERE s.idea_id = ?3",
        )
        .bind(merge)
        .bind(into.0)
        .bind(from.0)
        .execute(&mut *tx)
        .await?;
        let moved = sqlx::query(
            "INSERT INTO supports (idea_id, resident_id, created_at)
             SELECT ?, resident_id, created_at FROM merged_supports WHERE merge_id = ? AND added = 1",
        )
        .bind(into.0)
        .bind(merge)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query("DELETE FROM supports WHERE idea_id = ?")
            .bind(from.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE ideas SET status = 'merged', merged_into = ?, updated_at = ? WHERE id = ?",
        )
        .bind(into.0)
        .bind(now)
        .bind(from.0)
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            audit::Record::idea(Some(staff), AuditAction::IdeaMerge, from.0, serde_json::json!({ "status": from_status }), serde_json::json!({
                    "status": "merged", "merged_into": into.0, "merge": merge, "supports_added": moved,
                }), now),
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(merge))
    }

    /// Undoes a merge: the merged idea gets its status and supporters back, and the kept idea
    /// loses the supports the merge gave it (those its supporters had not given themselves).
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn undo_merge(
        &self,
        merge: i64,
        staff: i64,
        now: i64,
    ) -> Result<std::result::Result<(), MergeRefusal>> {
        let mut tx = self.begin_write().await?;
        let row: Option<(i64, i64, String)> = sqlx::query_as(
            "SELECT from_idea, into_idea, from_status FROM idea_merges WHERE id = ? AND undone_at IS NULL",
        )
        .bind(merge)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((from, into, from_status)) = row else {
            return Ok(Err(MergeRefusal::NoSuchMerge));
        };
        sqlx::query(
            "DELETE FROM supports WHERE idea_id = ? AND resident_id IN
                (SELECT resident_id FROM merged_supports WHERE merge_id = ? AND added = 1)",
        )
        .bind(into)
        .bind(merge)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT OR IGNORE INTO supports (idea_id, resident_id, created_at)
             SELECT ?, resident_id, created_at FROM merged_supports WHERE merge_id = ?",
        )
        .bind(from)
        .bind(merge)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE ideas SET status = ?, merged_into = NULL, updated_at = ? WHERE id = ?")
            .bind(&from_status)
            .bind(now)
            .bind(from)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE idea_merges SET undone_at = ?, undone_by = ? WHERE id = ?")
            .bind(now)
            .bind(staff)
            .bind(merge)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            audit::Record::idea(
                Some(staff),
                AuditAction::IdeaUnmerge,
                from,
                serde_json::json!({ "status": "merged", "merged_into": into }),
                serde_json::json!({ "status": from_status, "merge": merge }),
                now,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// The idea a merged idea was merged into.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn merged_into(&self, idea: IdeaId) -> Result<Option<IdeaId>> {
        Ok(sqlx::query_scalar::<_, Option<i64>>(
            "SELECT merged_into FROM ideas WHERE id = ? AND status = 'merged'",
        )
        .bind(idea.0)
        .fetch_optional(self.pool())
        .await?
        .flatten()
        .map(IdeaId))
    }

    /// The latest merges, newest first.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn recent_merges(&self, limit: i64) -> Result<Vec<MergeRecord>> {
        Ok(sqlx::query_as(
            "SELECT m.id, m.from_idea, f.title AS from_title, m.into_idea, t.title AS into_title,
                    m.created_at, m.undone_at
             FROM idea_merges m JOIN ideas f ON f.id = m.from_idea JOIN ideas t ON t.id = m.into_idea
             ORDER BY m.id DESC LIMIT ?",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::tests::{db_with_reference, insert, resident};
    use crate::{ModerationState, ResidentId, staff::StaffRole};

    async fn count(db: &Db, idea: IdeaId) -> i64 {
        db.support_count(idea).await.unwrap().unwrap()
    }

    #[tokio::test]
    async fn a_merge_counts_each_supporter_once_and_an_undo_restores_both_exactly() {
        let (db, _dir) = db_with_reference().await;
        let admin = crate::storage::tests::staff(&db, StaffRole::Admin).await;
        let a = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let b = insert(
            &db,
            "Cykelstier til alle skoler",
            ModerationState::Published,
        )
        .await;
        let mut people = Vec::new();
        for n in 0..5 {
            people.push(ResidentId(resident(&db, n).await));
        }
        // 0, 1, 2 support A; 2, 3 support B (2 supports both).
        for who in &people[0..3] {
            db.add_public_support(a, *who, 10).await.unwrap();
        }
        for who in &people[2..4] {
            db.add_public_support(b, *who, 10).await.unwrap();
        }
        let merge = db.merge_ideas(a, b, admin, 20).await.unwrap().unwrap();
        assert_eq!(
            count(&db, b).await,
            4,
            "0, 1, 2, 3: the resident of both counts once"
        );
        assert_eq!(count(&db, a).await, 0);
        assert_eq!(db.merged_into(a).await.unwrap(), Some(b));
        assert!(
            db.published_idea(a)
                .await
                .unwrap()
                .is_some_and(|i| i.summary.status.as_str() == "merged")
        );
        assert!(
            !db.add_public_support(a, people[4], 21).await.unwrap(),
            "a merged idea takes no supports"
        );
        assert_eq!(
            db.merge_ideas(a, b, admin, 22).await.unwrap(),
            Err(MergeRefusal::NotMergeable),
            "merged once"
        );
        assert_eq!(
            db.merge_ideas(b, b, admin, 22).await.unwrap(),
            Err(MergeRefusal::SameIdea)
        );

        // After the merge, resident 4 supports B; the undo leaves that support.
        db.add_public_support(b, people[4], 23).await.unwrap();
        db.undo_merge(merge, admin, 30).await.unwrap().unwrap();
        assert_eq!(count(&db, a).await, 3);
        assert_eq!(count(&db, b).await, 3, "2, 3 and 4");
        assert_eq!(db.merged_into(a).await.unwrap(), None);
        assert_eq!(
            db.undo_merge(merge, admin, 31).await.unwrap(),
            Err(MergeRefusal::NoSuchMerge)
        );
        let actions: Vec<String> = db
            .audit_of("idea", a.0)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.1)
            .collect();
        assert_eq!(actions, ["idea.merge", "idea.unmerge"]);
    }
}
