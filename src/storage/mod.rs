//! Storage on SQLite through sqlx. Every SQL statement of the product lives in this module,
//! one function per query, so another backend can be added without touching the UI.

/// The published arguments (not replies) of idea `i` with one stance: the counts every card
/// and export shows, read from the `arguments_counted` index.
macro_rules! counted_arguments {
    ($stance:literal) => {
        concat!(
            "(SELECT count(*) FROM arguments g WHERE g.idea_id = i.id AND g.stance = '",
            $stance,
            "' AND g.parent_id IS NULL AND g.moderation_state = 'published' AND g.deleted_at IS NULL)"
        )
    };
}

mod answer;
mod area;
mod area_import;
mod argument;
mod argument_export;
mod argument_moderation;
mod audit;
mod backup;
mod batch;
mod bulk;
mod corrections;
mod digest;
mod export;
mod follow;
mod health;
mod idea;
mod listing;
mod map;
mod merge;
mod moderation;
mod notes;
mod open_data;
mod personal_data;
mod photo;
mod plan;
mod plan_import;
mod plan_mail;
mod propose;
mod readers;
mod reference;
mod report;
mod resident;
mod retention;
mod schema;
mod search;
mod session_cache;
pub use session_cache::RECHECK_SECONDS as SESSION_RECHECK_SECONDS;
mod signin;
mod staff;
mod staff_ideas;
mod stats;
mod support;
mod support_writer;
mod team;
mod viewer;

use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

pub use answer::{
    DueMail, MAX_MAIL_ATTEMPTS, MailQueue, MailQueueState, StatusRefusal, retry_delay,
};
pub use area::{AreaRow, NewArea};
pub use area_import::{ImportMode, ImportSummary, PendingImport};
pub use argument_export::{ExportArgument, OpenArgument};
pub use argument_moderation::DueDebateMail;
pub use audit::{AuditEntry, AuditFilter};
pub use backup::{database_file, restore};
pub use batch::{BatchDone, BatchFailure};
pub use bulk::BulkIdea;
pub use corrections::{Correction, CorrectionRefusal};
pub use digest::DueDigest;
pub use export::ExportIdea;
pub use idea::{IdeaColumns, Moderation, NewIdea, StatusUpdate};
pub use map::AreaCount;
pub use merge::{MergeRecord, MergeRefusal};
pub use moderation::{QueueItem, Refusal};
pub use open_data::OpenIdea;
pub use personal_data::PersonalData;
pub use photo::{PhotoAccess, PhotoViewer};
pub use plan::ActionRefusal;
pub use plan_mail::DuePlanMail;
pub use propose::{DRAFT_LIFETIME_SECONDS, Draft, ReadyDraft};
pub use reference::CategoryRow;
pub use report::OpenReport;
pub use resident::{MailSettings, NewResident};
pub use retention::Swept;
pub use schema::{MIGRATOR, schema_version};
pub use staff::StaffAccount;
pub use stats::{Stats, Tally};
pub use team::{TeamChange, TeamMember, TeamRefusal};
pub use viewer::IdeaViewer;

/// What can go wrong in storage. Callers log the details and show users a plain message.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database error: {0}")]
    Read(#[from] rusqlite::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("a stored row breaks the domain rules: {0}")]
    InvalidRow(String),
    #[error("{0}")]
    Refused(&'static str),
    #[error("{0}")]
    Unavailable(&'static str),
    #[error(
        "the database has schema {database}, newer than this build's {build}: install the newer \
         version again, or restore the backup taken before the upgrade"
    )]
    NewerSchema { database: i64, build: i64 },
}

impl StorageError {
    /// Storage failures are the server's fault, never the user's; a busy database or a full
    /// disk is temporary and worth a retry.
    pub fn status_code(&self) -> u16 {
        match self {
            StorageError::Refused(_) => 400,
            _ if self.is_temporary() => 503,
            _ => 500,
        }
    }

    /// Whether the same request may well work in a moment: the database was busy, the disk
    /// full or failing, the file not writable. Residents are then asked to try again.
    pub fn is_temporary(&self) -> bool {
        match self {
            StorageError::Unavailable(_) => true,
            StorageError::Database(
                sqlx::Error::PoolTimedOut
                | sqlx::Error::PoolClosed
                | sqlx::Error::Io(_)
                | sqlx::Error::WorkerCrashed,
            ) => true,
            StorageError::Database(sqlx::Error::Database(error)) => {
                // SQLite's primary result codes: BUSY 5, LOCKED 6, NOMEM 7, READONLY 8,
                // IOERR 10, FULL 13, CANTOPEN 14, PROTOCOL 15 (extended codes keep them in
                // the low byte).
                let code = error
                    .code()
                    .and_then(|c| c.parse::<i32>().ok())
                    .map(|c| c & 0xff);
                matches!(code, Some(5 | 6 | 7 | 8 | 10 | 13 | 14 | 15))
            }
            StorageError::Read(rusqlite::Error::SqliteFailure(error, _)) => {
                matches!(error.extended_code & 0xff, 5 | 6 | 7 | 10 | 14 | 15)
            }
            _ => false,
        }
    }
}

pub type Result<T> = std::result::Result<T, StorageError>;

/// Tables no public page reads: a commit that changed only these leaves kept pages current.
/// (SQLite reports no row changes of WITHOUT ROWID tables to the hook; of those, `sessions`,
/// `staff_sessions` and `idea_drafts` are private, and `supports` and `merged_supports` change
/// only with `ideas` rows, which are public.)
const PRIVATE_TABLES: [&str; 14] = [
    "sign_in_codes",
    "staff_users",
    "audit_events",
    "status_mails",
    "debate_mails",
    "plan_mails",
    "follow_events",
    "digest_runs",
    "digests",
    "pending_area_imports",
    "plan_drafts",
    "health_probe",
    "reports",
    "_sqlx_migrations",
];

/// The database of one Klimadialog site.
#[derive(Debug, Clone)]
pub struct Db {
    pool: SqlitePool,
    /// The minute `trending_scores` was last worked out for; one refresh at a time.
    trending_minute: std::sync::Arc<tokio::sync::Mutex<Option<i64>>>,
    /// Counts committed write transactions (see [`Db::changes`]).
    changes: Arc<AtomicU64>,
    supports: support_writer::SupportWriter,
    sessions: Arc<session_cache::SessionCache>,
    readers: Arc<readers::Readers>,
}

impl Db {
    /// Opens (creating if missing) the SQLite database at `url` (`sqlite://path` or a plain
    /// path), with WAL, foreign keys, a busy timeout and full sync, and brings its schema up to
    /// date. Full sync in WAL mode means an acknowledged write survives a power cut too.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn open(url: &str) -> Result<Db> {
        let url = if url.starts_with("sqlite:") {
            url.to_owned()
        } else {
            format!("sqlite://{url}")
        };
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        let options = SqliteConnectOptions::from_str(&url)?
            .create_if_missing(true)
            .journal_mode(if in_memory {
                SqliteJournalMode::Memory
            } else {
                SqliteJournalMode::Wal
            })
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let changes = Arc::new(AtomicU64::new(0));
        let counter = changes.clone();
        // An in-memory database exists per connection, so it must have exactly one.
        let pool = SqlitePoolOptions::new()
            .max_connections(if in_memory { 1 } else { 8 })
            .acquire_timeout(Duration::from_secs(10))
            // A SQLite connection is a file and a thread in this process, not a socket that a
            // server may have closed: pinging it before each use only doubled the hand-overs
            // to its thread (half the time of a signed-in page went to waking threads).
            .test_before_acquire(false)
            .after_connect(move |connection, _| {
                let counter = counter.clone();
                Box::pin(async move {
                    let mut handle = connection.lock_handle().await?;
                    // Whether the transaction under way changed a public table. The hooks of
                    // one connection run on its one thread, in order.
                    let public = Arc::new(std::sync::atomic::AtomicBool::new(false));
                    let touched = public.clone();
                    handle.set_update_hook(move |change| {
                        if !PRIVATE_TABLES.contains(&change.table) {
                            touched.store(true, Ordering::Relaxed);
                        }
                    });
                    let committed = public.clone();
                    handle.set_commit_hook(move || {
                        if committed.swap(false, Ordering::Relaxed) {
                            counter.fetch_add(1, Ordering::SeqCst);
                        }
                        true
                    });
                    handle.set_rollback_hook(move || public.store(false, Ordering::Relaxed));
                    Ok(())
                })
            })
            // A transaction whose COMMIT failed (a full disk) can come back with sqlx still
            // counting it open while SQLite has rolled it back, and then every `begin` on that
            // connection fails ("non-zero transaction depth") until a restart. A connection
            // that comes back inside a transaction is closed instead; the pool opens a new one.
            .after_release(|connection, _| {
                Box::pin(async move {
                    use sqlx::Connection;
                    if connection.is_in_transaction() {
                        // A dropped transaction's rollback may still be queued: let it run.
                        connection.ping().await?;
                        if connection.is_in_transaction() {
                            tracing::warn!("a connection came back inside a transaction; closed");
                            return Ok(false);
                        }
                    }
                    Ok(true)
                })
            })
            .connect_with(options.clone())
            .await?;
        schema::migrate(&pool).await?;
        let readers = readers::Readers::open(options.get_filename(), in_memory)?;
        let db = Db {
            readers: Arc::new(readers),
            supports: support_writer::SupportWriter::start(pool.clone()),
            pool,
            trending_minute: Default::default(),
            changes,
            sessions: Default::default(),
        };
        db.index_missing_ideas().await?;
        Ok(db)
    }

    /// A fresh private database for tests and tools.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn open_in_memory() -> Result<Db> {
        Db::open("sqlite::memory:").await
    }

    /// A number that grows whenever a write transaction that changed a public table commits on
    /// any connection of this database (and when [`Db::mark_changed`] is called): what public
    /// pages read while it stayed the same is still current. Sign-in codes, sessions, drafts,
    /// the audit log and the like change nothing a public page shows (`PRIVATE_TABLES`). SQLite calls its commit hook just before the commit becomes
    /// visible, so a reader that starts in that instant can still see the old data under the
    /// new number; whoever knows a write has finished calls `mark_changed` to close that gap.
    pub fn changes(&self) -> u64 {
        self.changes.load(Ordering::SeqCst)
    }

    /// Counts a change after a write is known to have finished (see [`Db::changes`]).
    pub fn mark_changed(&self) {
        self.changes.fetch_add(1, Ordering::SeqCst);
    }

    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// A transaction that takes the write lock at its start. A deferred one that reads first
    /// fails at once (SQLITE_BUSY_SNAPSHOT, no busy wait) when another write lands between its
    /// read and its write; this one waits its turn instead.
    pub(crate) async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// Waits for running queries and closes every connection, so the WAL is checkpointed.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn close(&self) {
        self.readers.close();
        self.pool.close().await;
    }
}

/// The current time as stored.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::Db;

    /// A fresh database in a real SQLite file that is deleted with the returned directory.
    pub async fn file_db() -> (Db, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("test.db");
        let db = Db::open(path.to_str().unwrap()).await.expect("open db");
        (db, dir)
    }
}

#[cfg(test)]
pub(crate) mod tests;
