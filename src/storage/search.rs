//! The full-text index of ideas: kept in step with their text, and asked for similar ideas.

use sqlx::SqliteConnection;

use super::idea::{SUMMARY_COLUMNS, SUMMARY_FROM, SummaryRow};
use super::{Db, Result};
use crate::IdeaId;
use crate::listing::IdeaSummary;
use crate::search;

/// Writes (or rewrites) an idea's search terms, on the connection of the write that changed
/// its text, so index and idea never disagree.
pub(crate) async fn index_idea(
    conn: &mut SqliteConnection,
    id: IdeaId,
    title: &str,
    description: &str,
) -> Result<()> {
    sqlx::query("DELETE FROM idea_search WHERE rowid = ?")
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO idea_search (rowid, title, description) VALUES (?, ?, ?)")
        .bind(id.0)
        .bind(search::index_text(title))
        .bind(search::index_text(description))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

impl Db {
    /// Indexes every idea the index does not have yet: after a bulk load, or ideas stored
    /// before the index existed. Returns how many were indexed.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn index_missing_ideas(&self) -> Result<u64> {
        let mut indexed = 0;
        loop {
            let batch: Vec<(i64, String, String)> = sqlx::query_as(
                "SELECT id, title, description FROM ideas
                 WHERE id NOT IN (SELECT rowid FROM idea_search) ORDER BY id LIMIT 2000",
            )
            .fetch_all(self.pool())
            .await?;
            if batch.is_empty() {
                return Ok(indexed);
            }
            let mut tx = self.begin_write().await?;
            for (id, title, description) in &batch {
                index_idea(&mut tx, IdeaId(*id), title, description).await?;
            }
            tx.commit().await?;
            indexed += batch.len() as u64;
        }
    }

    /// Up to `limit` published ideas whose text shares the most with a draft's, best first.
    /// Title words weigh five times as much as description words.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn similar_ideas(
        &self,
        title: &str,
        description: &str,
        limit: i64,
    ) -> Result<Vec<IdeaSummary>> {
        let Some(query) = search::any_terms_query(&format!("{title} {title} {description}")) else {
            return Ok(Vec::new());
        };
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} {SUMMARY_FROM}
             JOIN idea_search ON idea_search.rowid = i.id
             WHERE idea_search MATCH ? AND i.moderation_state = 'published' AND i.merged_into IS NULL
             ORDER BY bm25(idea_search, 5.0, 1.0), i.id
             LIMIT ?"
        );
        let rows: Vec<SummaryRow> = sqlx::query_as(&sql)
            .bind(query)
            .bind(limit)
            .fetch_all(self.pool())
            .await?;
        rows.into_iter().map(SummaryRow::into_summary).collect()
    }

    /// Published ideas with every term of a search, for tests now and the search box later.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn search_published_ids(&self, text: &str) -> Result<Vec<IdeaId>> {
        let Some(query) = search::all_terms_query(text) else {
            return Ok(Vec::new());
        };
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT i.id FROM idea_search JOIN ideas i ON i.id = idea_search.rowid
             WHERE idea_search MATCH ? AND i.moderation_state = 'published'
             ORDER BY bm25(idea_search, 5.0, 1.0), i.id",
        )
        .bind(query)
        .fetch_all(self.pool())
        .await?;
        Ok(ids.into_iter().map(IdeaId).collect())
    }
}

#[cfg(test)]
mod tests {
    use crate::ModerationState;
    use crate::demo::{install_demo, install_reference_data};
    use crate::storage::test_support::file_db;

    async fn demo_db() -> (super::Db, tempfile::TempDir) {
        let (db, dir) = file_db().await;
        install_reference_data(&db).await.unwrap();
        install_demo(&db).await.unwrap();
        (db, dir)
    }

    #[tokio::test]
    async fn similar_ideas_find_the_stem_and_only_public_ideas() {
        let (db, _dir) = demo_db().await;
        let similar = db
            .similar_ideas(
                "Flere cykelstier",
                "Der mangler sammenhængende cykelstier til skolerne.",
                5,
            )
            .await
            .unwrap();
        assert!(!similar.is_empty() && similar.len() <= 5);
        assert!(
            similar
                .iter()
                .any(|i| i.title == "Sammenhængende cykelsti langs Vejgårdsvej"),
            "{similar:?}"
        );
        for idea in &similar {
            let state: String =
                sqlx::query_scalar("SELECT moderation_state FROM ideas WHERE id = ?")
                    .bind(idea.id.0)
                    .fetch_one(db.pool())
                    .await
                    .unwrap();
            assert_eq!(state, ModerationState::Published.as_str());
        }
        assert!(db.similar_ideas("og i på", "", 5).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn search_folds_danish_letters() {
        let (db, _dir) = demo_db().await;
        let plain = db.search_published_ids("norresundby").await.unwrap();
        let danish = db.search_published_ids("Nørresundby").await.unwrap();
        assert!(!plain.is_empty());
        assert_eq!(plain, danish);
        assert_eq!(
            db.search_published_ids("cykelstier").await.unwrap(),
            db.search_published_ids("cykelsti").await.unwrap()
        );
    }

    #[tokio::test]
    async fn new_ideas_are_indexed_at_once_and_lost_rows_come_back() {
        let (db, _dir) = demo_db().await;
        let id = crate::storage::tests::insert(
            &db,
            "Klimakunstværk ved Kildeparken",
            ModerationState::Published,
        )
        .await;
        assert_eq!(
            db.search_published_ids("klimakunstværker").await.unwrap(),
            vec![id]
        );
        sqlx::query("DELETE FROM idea_search")
            .execute(db.pool())
            .await
            .unwrap();
        assert!(
            db.search_published_ids("klimakunstværker")
                .await
                .unwrap()
                .is_empty()
        );
        assert!(db.index_missing_ideas().await.unwrap() > 60);
        assert_eq!(
            db.search_published_ids("klimakunstværker").await.unwrap(),
            vec![id]
        );
    }
}
