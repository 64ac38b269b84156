//! The database schema's version: the shipped migrations, which one a build migrates to, and
//! refusing a database that a newer build has already moved past (after a rolled-back
//! upgrade, say), rather than running on tables it does not know.

use sqlx::migrate::Migrator;
use sqlx::sqlite::SqlitePool;

use super::{Result, StorageError};

/// Every migration this build ships, in order. Shipped ones never change: a test pins each
/// one's checksum, and sqlx refuses to start on a database whose applied migration differs.
pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// The schema this build migrates a database to: its last migration's number.
pub fn schema_version() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// Migrates the database to this build's schema, unless it is already past it.
pub(super) async fn migrate(pool: &SqlitePool) -> Result<()> {
    // A new database has no migrations table yet: nothing applied, nothing to refuse.
    let applied: Option<i64> = sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations")
        .fetch_one(pool)
        .await
        .unwrap_or(None);
    if let Some(database) = applied.filter(|&v| v > schema_version()) {
        return Err(StorageError::NewerSchema {
            database,
            build: schema_version(),
        });
    }
    MIGRATOR.run(pool).await?;
    Ok(())
}

#[cfg(test)]
mod tests;
