//! `klimadialog backup` and `klimadialog restore`. A backup is one consistent SQLite file
//! written while the site serves; into a folder, it gets a dated name and `--keep` prunes the
//! oldest, which is what the packaged daily timer runs.

use std::path::{Path, PathBuf};
use std::time::Instant;

use klimadialog::time::Timestamp;

use crate::{ServerError, open_database};

/// What backups in a folder are called: `klimadialog-<UTC time>.db`, nothing else is pruned.
const PREFIX: &str = "klimadialog-";

/// Writes a backup to `path`, a new file, or into it with a dated name when it is a folder;
/// then, in a folder, deletes all but the newest `keep` backups.
pub async fn backup(url: &str, path: &Path, keep: Option<usize>) -> Result<(), ServerError> {
    if !klimadialog::storage::database_file(url).exists() {
        return Err(ServerError::Usage(format!("no database at {url}")));
    }
    let folder = path.is_dir().then(|| path.to_path_buf());
    if keep.is_some() && folder.is_none() {
        return Err(ServerError::Usage(
            "--keep needs a folder to keep backups in".to_owned(),
        ));
    }
    let file = match &folder {
        Some(folder) => dated_name(folder, klimadialog::storage::now()),
        None => path.to_path_buf(),
    };
    let db = open_database(url, false).await?;
    let started = Instant::now();
    let result = db.backup_to(&file).await;
    db.close().await;
    result?;
    tracing::info!(path = %file.display(), seconds = started.elapsed().as_secs_f64(), "backup written");
    if let (Some(folder), Some(keep)) = (folder, keep) {
        for old in prune(&folder, keep)? {
            tracing::info!(path = %old.display(), "old backup deleted");
        }
    }
    Ok(())
}

/// A new file in `folder` named for `now`; a second backup in the same second gets `-2`.
fn dated_name(folder: &Path, now: i64) -> PathBuf {
    let time = Timestamp(now).rfc3339_utc().replace(':', "");
    let mut file = folder.join(format!("{PREFIX}{time}.db"));
    let mut n = 2;
    while file.exists() {
        file = folder.join(format!("{PREFIX}{time}-{n}.db"));
        n += 1;
    }
    file
}

/// Deletes the backups in `folder` but the `keep` newest (by when they were written).
fn prune(folder: &Path, keep: usize) -> Result<Vec<PathBuf>, ServerError> {
    let mut backups: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with(PREFIX) && name.ends_with(".db")
        })
        .filter_map(|entry| Some((entry.metadata().ok()?.modified().ok()?, entry.path())))
        .collect();
    backups.sort();
    let old = backups.len().saturating_sub(keep);
    let mut deleted = Vec::new();
    for (_, path) in backups.into_iter().take(old) {
        std::fs::remove_file(&path)?;
        deleted.push(path);
    }
    Ok(deleted)
}

/// Puts a checked backup in place of the database (the server stopped).
pub async fn restore(url: &str, backup: &Path) -> Result<(), ServerError> {
    let database = klimadialog::storage::database_file(url);
    let kept =
        klimadialog::storage::restore(backup, &database, klimadialog::storage::now()).await?;
    match kept {
        Some(kept) => {
            tracing::info!(database = %database.display(), replaced = %kept.display(), "restored; the replaced database is kept")
        }
        None => tracing::info!(database = %database.display(), "restored"),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backups_in_one_second_get_names_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let first = dated_name(dir.path(), 1_764_925_200);
        assert_eq!(
            first.file_name().unwrap(),
            "klimadialog-2025-12-05T090000Z.db"
        );
        std::fs::write(&first, "").unwrap();
        let second = dated_name(dir.path(), 1_764_925_200);
        assert_eq!(
            second.file_name().unwrap(),
            "klimadialog-2025-12-05T090000Z-2.db"
        );
    }

    #[test]
    fn pruning_keeps_the_newest_and_touches_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let other = dir.path().join("notes.txt");
        std::fs::write(&other, "keep me").unwrap();
        let mut written = Vec::new();
        for n in 0..4 {
            let file = dir.path().join(format!("{PREFIX}{n}.db"));
            std::fs::write(&file, "").unwrap();
            let at = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1000 + n);
            std::fs::File::options()
                .write(true)
                .open(&file)
                .unwrap()
                .set_modified(at)
                .unwrap();
            written.push(file);
        }
        let deleted = prune(dir.path(), 2).unwrap();
        assert_eq!(deleted, written[..2]);
        assert!(written[2].exists() && written[3].exists() && other.exists());
    }
}
