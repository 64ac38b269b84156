//! Drafts of ideas, one per browser, kept across sign-in.

use super::{Db, Result, StorageError};
use crate::proposal::DraftFields;
use crate::signin::DraftToken;

/// How long an untouched draft is kept.
pub const DRAFT_LIFETIME_SECONDS: i64 = 7 * 24 * 3600;

/// A draft as stored: the fields as typed and the photo, if one was uploaded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    pub fields: DraftFields,
    pub photo: Option<String>,
}

impl Db {
    /// Saves a browser's draft, replacing what it had, and forgets drafts nobody touched for a
    /// week.
    pub async fn save_draft(&self, token: &DraftToken, draft: &Draft, now: i64) -> Result<()> {
        let fields = serde_json::to_string(&draft.fields)
            .map_err(|e| StorageError::InvalidRow(format!("draft fields: {e}")))?;
        let mut tx = self.pool().begin().await?;
        sqlx::query("DELETE FROM idea_drafts WHERE updated_at < ?")
            .bind(now - DRAFT_LIFETIME_SECONDS)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO idea_drafts (token_hash, fields, photo, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (token_hash) DO UPDATE
             SET fields = excluded.fields, photo = excluded.photo, updated_at = excluded.updated_at",
        )
        .bind(token.hash())
        .bind(fields)
        .bind(draft.photo.as_deref())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A browser's draft, if it has one that has not expired.
    pub async fn load_draft(&self, token: &DraftToken, now: i64) -> Result<Option<Draft>> {
        let row: Option<(String, Option<String>)> = sqlx::query_as(
            "SELECT fields, photo FROM idea_drafts WHERE token_hash = ? AND updated_at >= ?",
        )
        .bind(token.hash())
        .bind(now - DRAFT_LIFETIME_SECONDS)
        .fetch_optional(self.pool())
        .await?;
        row.map(|(fields, photo)| {
            let fields = serde_json::from_str(&fields)
                .map_err(|e| StorageError::InvalidRow(format!("draft fields: {e}")))?;
            Ok(Draft { fields, photo })
        })
        .transpose()
    }

    pub async fn delete_draft(&self, token: &DraftToken) -> Result<()> {
        sqlx::query("DELETE FROM idea_drafts WHERE token_hash = ?")
            .bind(token.hash())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    pub async fn count_drafts(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM idea_drafts")
            .fetch_one(self.pool())
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::test_support::file_db;

    #[tokio::test]
    async fn a_draft_comes_back_as_typed_until_it_is_a_week_old() {
        let (db, _dir) = file_db().await;
        let token = DraftToken::generate();
        let draft = Draft {
            fields: DraftFields {
                title: "<b>Flere</b> cykelstier ".into(),
                ..DraftFields::default()
            },
            photo: Some(format!("{}.jpg", "a".repeat(32))),
        };
        db.save_draft(&token, &draft, 1_000).await.unwrap();
        assert_eq!(
            db.load_draft(&token, 2_000).await.unwrap(),
            Some(draft.clone())
        );
        let other = DraftToken::generate();
        assert_eq!(db.load_draft(&other, 2_000).await.unwrap(), None);
        let later = 1_000 + DRAFT_LIFETIME_SECONDS + 1;
        assert_eq!(db.load_draft(&token, later).await.unwrap(), None);
        db.save_draft(&other, &Draft::default(), later)
            .await
            .unwrap();
        assert_eq!(db.count_drafts().await.unwrap(), 1, "the old draft is gone");
        db.delete_draft(&other).await.unwrap();
        assert_eq!(db.count_drafts().await.unwrap(), 0);
    }
}
