//! Batched writes for demo data and benchmark data sets: many rows per statement, one
//! transaction per batch, so a million supports take seconds rather than hours of fsyncs.

use sqlx::QueryBuilder;

use super::{Db, Result};

/// SQLite allows 32 766 bound values per statement; stay well below.
const ROWS_PER_STATEMENT: usize = 2_000;

/// A synthetic or demo idea. Text is trusted here: it comes from the program, not from users.
pub struct BulkIdea {
    pub title: String,
    pub description: String,
    pub kind: &'static str,
    pub sector: Option<&'static str>,
    pub theme: Option<&'static str>,
    pub area_id: i64,
    pub point: Option<(f64, f64)>,
    pub author_id: Option<i64>,
    pub moderation_state: &'static str,
    pub moderation_reason: Option<&'static str>,
    pub created_at: i64,
}

impl Db {
    /// Inserts residents with the given e-mails and display names; returns their ids in order.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn bulk_insert_residents(
        &self,
        residents: &[(String, Option<String>)],
        at: i64,
    ) -> Result<Vec<i64>> {
        let mut tx = self.begin_write().await?;
        let first: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) + 1 FROM residents")
            .fetch_one(&mut *tx)
            .await?;
        for chunk in residents.chunks(ROWS_PER_STATEMENT) {
            let mut q =
                QueryBuilder::new("INSERT INTO residents (email, display_name, created_at) ");
            q.push_values(chunk, |mut row, (email, name)| {
                row.push_bind(email).push_bind(name).push_bind(at);
            });
            q.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        // Row ids are handed out consecutively inside one write transaction.
        Ok((first..first + residents.len() as i64).collect())
    }

    /// Inserts ideas; returns their ids in order.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn bulk_insert_ideas(&self, ideas: &[BulkIdea]) -> Result<Vec<i64>> {
        let mut tx = self.begin_write().await?;
        let first: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) + 1 FROM ideas")
            .fetch_one(&mut *tx)
            .await?;
        for chunk in ideas.chunks(ROWS_PER_STATEMENT / 6) {
            let mut q = QueryBuilder::new(
                "INSERT INTO ideas (title, description, kind, sector_key, theme_key, area_id, lat, lon,
                 author_id, moderation_state, moderation_reason, created_at, updated_at) ",
            );
            q.push_values(chunk, |mut row, idea| {
                row.push_bind(&idea.title)
                    .push_bind(&idea.description)
                    .push_bind(idea.kind)
                    .push_bind(idea.sector)
                    .push_bind(idea.theme)
                    .push_bind(idea.area_id)
                    .push_bind(idea.point.map(|p| p.0))
                    .push_bind(idea.point.map(|p| p.1))
                    .push_bind(idea.author_id)
                    .push_bind(idea.moderation_state)
                    .push_bind(idea.moderation_reason)
                    .push_bind(idea.created_at)
                    .push_bind(idea.created_at);
            });
            q.build().execute(&mut *tx).await?;
        }
        for (n, idea) in ideas.iter().enumerate() {
            let id = crate::IdeaId(first + n as i64);
            super::search::index_idea(&mut tx, id, &idea.title, &idea.description).await?;
        }
        tx.commit().await?;
        Ok((first..first + ideas.len() as i64).collect())
    }

    /// Inserts supports (idea, resident, time); pairs already present are skipped. Returns how
    /// many were new. The triggers keep every idea's count exact as they go.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn bulk_insert_supports(&self, supports: &[(i64, i64, i64)]) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let mut inserted = 0;
        for chunk in supports.chunks(ROWS_PER_STATEMENT) {
            let mut q = QueryBuilder::new(
                "INSERT OR IGNORE INTO supports (idea_id, resident_id, created_at) ",
            );
            q.push_values(chunk, |mut row, (idea, resident, at)| {
                row.push_bind(idea).push_bind(resident).push_bind(at);
            });
            inserted += q.build().execute(&mut *tx).await?.rows_affected();
        }
        tx.commit().await?;
        Ok(inserted)
    }

    /// `count` arguments on one idea by the given residents in turn, stances in turn, every
    /// fifth with a reply, most helpful ones spread through: a long debate for benchmarks.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn bulk_insert_arguments(
        &self,
        idea: i64,
        authors: &[i64],
        count: usize,
        now: i64,
    ) -> Result<()> {
        const STANCES: [&str; 3] = ["for", "against", "question"];
        let mut tx = self.begin_write().await?;
        for n in 0..count {
            let author = authors[n % authors.len()];
            let body = format!("Indlæg nummer {n} i en lang debat om idéen.");
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO arguments (idea_id, author_id, stance, body, fold, helpful_count, created_at)
                 VALUES (?, ?, ?, ?, lower(?), ?, ?) RETURNING id",
            )
            .bind(idea)
            .bind(author)
            .bind(STANCES[n % 3])
            .bind(&body)
            .bind(&body)
            .bind(((n * 7919) % 97) as i64)
            .bind(now - (count - n) as i64 * 60)
            .fetch_one(&mut *tx)
            .await?;
            if n % 5 == 0 {
                let reply = format!("Svar på indlæg {n}.");
                sqlx::query(
                    "INSERT INTO arguments (idea_id, parent_id, author_id, body, fold, created_at)
                     VALUES (?, ?, ?, ?, lower(?), ?)",
                )
                .bind(idea)
                .bind(id)
                .bind(authors[(n + 1) % authors.len()])
                .bind(&reply)
                .bind(&reply)
                .bind(now - (count - n) as i64 * 60 + 30)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn count_ideas(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM ideas")
            .fetch_one(self.pool())
            .await?)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn count_all_supports(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM supports")
            .fetch_one(self.pool())
            .await?)
    }

    /// True when every idea's stored support count equals its rows in `supports`.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn support_counts_agree(&self) -> Result<bool> {
        let wrong: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM ideas i
             WHERE i.support_count <> (SELECT count(*) FROM supports s WHERE s.idea_id = i.id)",
        )
        .fetch_one(self.pool())
        .await?;
        Ok(wrong == 0)
    }
}
