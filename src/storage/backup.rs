//! Online backup and offline restore. A backup is `VACUUM INTO`: one consistent snapshot in a
//! single self-contained file, taken in a read transaction, so the site keeps serving (writers
//! are not blocked in WAL mode) while it is written.

use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};

use super::{Db, Result, StorageError};

impl Db {
    /// Writes a snapshot of the whole database to `path`, which must not exist yet.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn backup_to(&self, path: &Path) -> Result<()> {
        if path.exists() {
            return Err(StorageError::Refused("the backup file exists already"));
        }
        sqlx::query("VACUUM INTO ?")
            .bind(path.to_string_lossy().into_owned())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// `PRAGMA integrity_check`: true when SQLite finds nothing wrong.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn integrity_ok(&self) -> Result<bool> {
        let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(self.pool())
            .await?;
        Ok(rows == ["ok"])
    }
}

impl Db {
    /// A digest of each table's rows (but the tables in `except`), by table, to show that
    /// requests changed nothing. Rows are compared as SQLite quotes them, in sorted order.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn content_digest(&self, except: &[&str]) -> Result<Vec<(String, String)>> {
        use sha2::{Digest, Sha256};
        let tables: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name",
        )
        .fetch_all(self.pool())
        .await?;
        let mut digests = Vec::new();
        for table in tables.into_iter().filter(|t| !except.contains(&t.as_str())) {
            let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?)")
                .bind(&table)
                .fetch_all(self.pool())
                .await?;
            if columns.is_empty() {
                continue;
            }
            let quoted = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
            let row = columns
                .iter()
                .map(|c| format!("quote({})", quoted(c)))
                .collect::<Vec<_>>()
                .join(" || '|' || ");
            let sql = format!("SELECT {row} FROM {}", quoted(&table));
            let mut rows: Vec<String> = sqlx::query_scalar(&sql).fetch_all(self.pool()).await?;
            rows.sort();
            let mut digest = Sha256::new();
            for row in rows {
                digest.update(row.as_bytes());
                digest.update([0]);
            }
            digests.push((table, format!("{:x}", digest.finalize())));
        }
        Ok(digests)
    }
}

/// The file behind a `sqlite://path?options` URL (or a plain path).
pub fn database_file(url: &str) -> PathBuf {
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    PathBuf::from(path.split('?').next().unwrap_or(path))
}

/// Puts `backup` in place of the database file `database`, with the server stopped. The backup
/// is checked first (SQLite's integrity check, and that it is a Klimadialog database); the
/// database it replaces is kept beside it as `<name>.replaced-<unix time>`, never deleted.
/// Returns where the replaced database was kept, if there was one.
pub async fn restore(backup: &Path, database: &Path, now: i64) -> Result<Option<PathBuf>> {
    check_backup(backup).await?;
    let staged = with_suffix(database, ".restoring");
    tokio::fs::copy(backup, &staged)
        .await
        .map_err(io_refusal("could not copy the backup"))?;
    sync_file(&staged).await?;
    let kept = if database.exists() {
        // Folds the write-ahead log into the file, so moving the file moves every write.
        let current = Db::open(&database.to_string_lossy()).await?;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(current.pool())
            .await?;
        current.close().await;
        let kept = with_suffix(database, &format!(".replaced-{now}"));
        tokio::fs::rename(database, &kept)
            .await
            .map_err(io_refusal("could not move the current database aside"))?;
        Some(kept)
    } else {
        None
    };
    for stale in ["-wal", "-shm"] {
        let _ = tokio::fs::remove_file(with_suffix(database, stale)).await;
    }
    tokio::fs::rename(&staged, database)
        .await
        .map_err(io_refusal("could not put the backup in place"))?;
    if let Some(dir) = database.parent().filter(|d| !d.as_os_str().is_empty()) {
        sync_file(dir).await?;
    }
    Ok(kept)
}

/// Refuses anything that is not a sound Klimadialog database, without changing it.
async fn check_backup(backup: &Path) -> Result<()> {
    if !backup.is_file() {
        return Err(StorageError::Refused("the backup file does not exist"));
    }
    let options = SqliteConnectOptions::new()
        .filename(backup)
        .read_only(true)
        .busy_timeout(Duration::from_secs(10));
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?;
    let integrity: std::result::Result<Vec<String>, _> =
        sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(&pool)
            .await;
    let tables: std::result::Result<i64, _> = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table'
         AND name IN ('_sqlx_migrations', 'ideas', 'supports', 'residents')",
    )
    .fetch_one(&pool)
    .await;
    pool.close().await;
    match (integrity, tables) {
        (Ok(rows), Ok(4)) if rows == ["ok"] => Ok(()),
        (Ok(rows), Ok(_)) if rows == ["ok"] => Err(StorageError::Refused(
            "the file is not a Klimadialog database",
        )),
        _ => Err(StorageError::Refused(
            "the file is not a sound SQLite database",
        )),
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

async fn sync_file(path: &Path) -> Result<()> {
    let file = tokio::fs::File::open(path)
        .await
        .map_err(io_refusal("could not open a file to sync it"))?;
    file.sync_all()
        .await
        .map_err(io_refusal("could not sync a file to disk"))
}

fn io_refusal(what: &'static str) -> impl Fn(std::io::Error) -> StorageError {
    move |error| {
        tracing::error!(%error, what);
        StorageError::Refused(what)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::test_support::file_db;

    #[test]
    fn urls_name_their_file() {
        assert_eq!(
            database_file("sqlite://data/k.db?mode=rwc"),
            PathBuf::from("data/k.db")
        );
        assert_eq!(database_file("sqlite:k.db"), PathBuf::from("k.db"));
        assert_eq!(database_file("/var/k.db"), PathBuf::from("/var/k.db"));
    }

    #[tokio::test]
    async fn a_backup_restores_to_the_same_data_and_keeps_the_replaced_one() {
        let (db, dir) = file_db().await;
        crate::demo::install_reference_data(&db).await.unwrap();
        crate::demo::install_demo(&db).await.unwrap();
        let ideas = db.count_ideas().await.unwrap();
        let backup = dir.path().join("backup.db");
        db.backup_to(&backup).await.unwrap();
        assert!(matches!(
            db.backup_to(&backup).await,
            Err(StorageError::Refused(_))
        ));
        sqlx::query("DELETE FROM supports")
            .execute(db.pool())
            .await
            .unwrap();
        db.close().await;

        let database = dir.path().join("test.db");
        let kept = restore(&backup, &database, 42).await.unwrap().unwrap();
        assert!(kept.ends_with("test.db.replaced-42"));
        let restored = Db::open(database.to_str().unwrap()).await.unwrap();
        assert_eq!(restored.count_ideas().await.unwrap(), ideas);
        assert!(restored.count_all_supports().await.unwrap() > 0);
        assert!(restored.integrity_ok().await.unwrap());
        let replaced = Db::open(kept.to_str().unwrap()).await.unwrap();
        assert_eq!(replaced.count_all_supports().await.unwrap(), 0);
    }

    #[tokio::test]
    async fn restore_refuses_what_is_not_a_sound_klimadialog_database() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("k.db");
        let junk = dir.path().join("junk.db");
        std::fs::write(&junk, b"not a database at all").unwrap();
        let other = dir.path().join("other.db");
        let pool = SqlitePoolOptions::new()
            .connect_with(
                SqliteConnectOptions::new()
                    .filename(&other)
                    .create_if_missing(true),
            )
            .await
            .unwrap();
        sqlx::query("CREATE TABLE t (x)")
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
        for (file, expected) in [
            (dir.path().join("missing.db"), "does not exist"),
            (junk, "not a sound"),
            (other, "not a Klimadialog"),
        ] {
            match restore(&file, &database, 1).await {
                Err(StorageError::Refused(reason)) => {
                    assert!(reason.contains(expected), "{reason}")
                }
                other => panic!("{other:?}"),
            }
        }
        assert!(!database.exists(), "nothing was put in place");
    }
}
