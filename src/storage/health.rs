//! What `/healthz` and `/metrics` ask of the database: that it answers a read, that it can
//! still write, its size and the supports it committed.
//! A full disk or a read-only file lets reads go on while every commit fails; a health check
//! that only read said "ok" throughout.

use super::{Db, Result};

impl Db {
    /// Proves the database answers a query.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn check(&self) -> Result<()> {
        sqlx::query_scalar::<_, i64>("SELECT 1")
            .fetch_one(self.pool())
            .await?;
        Ok(())
    }

    /// Proves a write reaches the disk: a transaction that needs fresh pages (a row with a
    /// 64 KB blob, deleted again before the commit, so nothing stays) and commits.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn check_write(&self) -> Result<()> {
        let mut transaction = self.begin_write().await?;
        sqlx::query("INSERT INTO health_probe (id, filler) VALUES (1, zeroblob(65536))")
            .execute(&mut *transaction)
            .await?;
        sqlx::query("DELETE FROM health_probe")
            .execute(&mut *transaction)
            .await?;
        transaction.commit().await?;
        Ok(())
    }

    /// The database file's size in bytes, free pages included (the WAL beside it is not).
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn size_bytes(&self) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
        )
        .fetch_one(self.pool())
        .await?)
    }

    /// Supports added and withdrawn since the process started, counted once committed.
    pub fn supports_committed(&self) -> (u64, u64) {
        use std::sync::atomic::Ordering::Relaxed;
        let committed = &self.supports.committed;
        (
            committed.added.load(Relaxed),
            committed.withdrawn.load(Relaxed),
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::storage::test_support::file_db;

    #[tokio::test]
    async fn the_write_check_leaves_nothing_behind() {
        let (db, _dir) = file_db().await;
        let before = db.content_digest(&[]).await.unwrap();
        db.check().await.unwrap();
        db.check_write().await.unwrap();
        db.check_write().await.unwrap();
        assert_eq!(db.content_digest(&[]).await.unwrap(), before);
    }
}
