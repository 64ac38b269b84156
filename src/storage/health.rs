//! What `/healthz` asks of the database: that it answers a read, and that it can still write.
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
