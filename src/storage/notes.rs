//! Internal notes: what staff write on an idea for each other. Never public; in exports.

use super::{Db, Result, audit};
use crate::audit::AuditAction;
use crate::idea::IdeaId;

impl Db {
    /// Sets (or with `None`, clears) an idea's internal note; `false` if there is no such idea.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn set_staff_note(
        &self,
        idea: IdeaId,
        note: Option<&str>,
        staff: i64,
        now: i64,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let before: Option<Option<String>> =
            sqlx::query_scalar("SELECT staff_note FROM ideas WHERE id = ?")
                .bind(idea.0)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(before) = before else {
            return Ok(false);
        };
        // Saving the note as it is changes nothing and is not worth an audit entry.
        if before.as_deref() == note {
            return Ok(true);
        }
        sqlx::query("UPDATE ideas SET staff_note = ? WHERE id = ?")
            .bind(note)
            .bind(idea.0)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            audit::Record::idea(
                Some(staff),
                AuditAction::IdeaNote,
                idea.0,
                serde_json::json!({ "staff_note": before }),
                serde_json::json!({ "staff_note": note }),
                now,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The notes of the given ideas that have one, in one query.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn staff_notes_of(&self, ideas: &[i64]) -> Result<Vec<(i64, String)>> {
        if ideas.is_empty() {
            return Ok(Vec::new());
        }
        let ids = serde_json::to_string(ideas).unwrap_or_else(|_| "[]".into());
        Ok(sqlx::query_as(
            "SELECT id, staff_note FROM ideas
             WHERE staff_note IS NOT NULL AND id IN (SELECT value FROM json_each(?))",
        )
        .bind(ids)
        .fetch_all(self.pool())
        .await?)
    }
}

#[cfg(test)]
mod tests {
    use crate::ModerationState;
    use crate::staff::StaffRole;
    use crate::storage::tests::{db_with_reference, insert};

    #[tokio::test]
    async fn notes_are_set_cleared_and_audited_and_never_public() {
        let (db, _dir) = db_with_reference().await;
        let mo = crate::storage::tests::staff(&db, StaffRole::Moderator).await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        assert!(
            db.set_staff_note(idea, Some("Ring til vejafdelingen"), mo, 2)
                .await
                .unwrap()
        );
        assert_eq!(
            db.staff_notes_of(&[idea.0]).await.unwrap(),
            [(idea.0, "Ring til vejafdelingen".to_owned())]
        );
        let open = db.open_ideas(&Default::default(), 100, 0).await.unwrap();
        assert!(!format!("{open:?}").contains("vejafdelingen"));
        assert!(db.set_staff_note(idea, None, mo, 3).await.unwrap());
        assert!(db.staff_notes_of(&[idea.0]).await.unwrap().is_empty());
        assert!(
            !db.set_staff_note(crate::IdeaId(999), None, mo, 3)
                .await
                .unwrap()
        );
        assert_eq!(db.audit_of("idea", idea.0).await.unwrap().len(), 2);
    }
}
