//! What the server does by itself every hour: deletes what is kept past its time (the periods
//! are in `klimadialog::storage::retention` and README's "Retention"), photo files that no
//! draft or idea uses any more, and outbox mails older than a week.

use std::path::Path;
use std::time::{Duration, SystemTime};

use klimadialog::storage::{Db, StorageError, Swept};

/// How often upkeep runs.
const EVERY: Duration = Duration::from_secs(3600);
/// A photo file younger than this is left alone: its draft may not be saved yet.
const PHOTO_GRACE: Duration =
    Duration::from_secs(klimadialog::retention::UNUSED_PHOTO_SECONDS as u64);
/// Mails written to the outbox folder (development without SMTP).
const OUTBOX_KEPT: Duration =
    Duration::from_secs(klimadialog::retention::OUTBOX_MAIL_SECONDS as u64);

/// What one run deleted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Upkeep {
    pub rows: Swept,
    pub photo_files: u64,
    pub outbox_files: u64,
}

/// Runs upkeep now and then every hour, for as long as the server runs.
pub fn spawn(db: Db, data_dir: std::path::PathBuf) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(EVERY);
        loop {
            every.tick().await;
            match run_once(&db, &data_dir, klimadialog::storage::now()).await {
                Ok(done) => tracing::info!(?done, "upkeep"),
                Err(error) => tracing::warn!(%error, "upkeep failed; tried again in an hour"),
            }
        }
    });
}

/// One run: rows first, then the files nothing refers to any more.
pub async fn run_once(db: &Db, data_dir: &Path, now: i64) -> Result<Upkeep, StorageError> {
    let rows = db.sweep(now).await?;
    let in_use = db.photos_in_use().await?;
    let photo_dir = data_dir.join("photos");
    let outbox = data_dir.join("outbox");
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(now.max(0) as u64);
    let (photo_files, outbox_files) = tokio::task::spawn_blocking(move || {
        let photos = delete_old_files(&photo_dir, now, PHOTO_GRACE, |name| {
            name.ends_with(".partial") || !in_use.contains(name)
        });
        let mails = delete_old_files(&outbox, now, OUTBOX_KEPT, |name| name.ends_with(".eml"));
        (photos, mails)
    })
    .await
    .map_err(|_| StorageError::Unavailable("upkeep stopped"))?;
    Ok(Upkeep {
        rows,
        photo_files,
        outbox_files,
    })
}

/// Deletes the files in `dir` older than `age` at `now` that `unwanted` picks; how many.
fn delete_old_files(
    dir: &Path,
    now: SystemTime,
    age: Duration,
    unwanted: impl Fn(&str) -> bool,
) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut deleted = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|modified| now.duration_since(modified).is_ok_and(|d| d >= age));
        if old && unwanted(name) {
            match std::fs::remove_file(entry.path()) {
                Ok(()) => deleted += 1,
                Err(error) => tracing::warn!(%error, file = name, "upkeep could not delete"),
            }
        }
    }
    deleted
}
