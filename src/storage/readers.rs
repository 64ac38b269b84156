//! Connections kept aside for the small reads that every signed-in page makes (what of a page
//! is the resident's own: `viewer.rs`, `supported_among`), run on the caller's thread.
//!
//! Through sqlx, each such read went to its connection's own thread and back, and sqlx pings a
//! connection when it is given back (which cannot be turned off): measured on a signed-in idea
//! page, more CPU went to waking threads and copying rows between them than to the page. Each
//! read here is a few microseconds of SQLite on the thread that asks, under a plain lock, on a
//! connection opened read-only (WAL readers never wait for writers), with its statements
//! prepared once. Writes stay with sqlx.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::{Db, Result, StorageError};

#[derive(Debug, Default)]
pub(crate) struct Readers {
    connections: Vec<Mutex<Option<Connection>>>,
}

impl Readers {
    /// One more than the cores, so a thread rarely waits for one. An in-memory database (tests)
    /// is sqlx's shared-cache one, opened by its name; one reader is enough there.
    pub(crate) fn open(path: &Path, in_memory: bool) -> rusqlite::Result<Readers> {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
        let (path, flags, count) = if in_memory {
            let uri = format!("{}?mode=memory&cache=shared", path.display());
            let flags = OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_SHARED_CACHE;
            (PathBuf::from(uri), flags, 1)
        } else {
            (path.to_path_buf(), OpenFlags::empty(), cores + 1)
        };
        let mut connections = Vec::with_capacity(count);
        for _ in 0..count {
            let connection = Connection::open_with_flags(
                &path,
                flags | OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            // A reader waits only while SQLite rebuilds the WAL index after a crash: briefly.
            connection.busy_timeout(Duration::from_millis(500))?;
            connection.set_prepared_statement_cache_capacity(32);
            connections.push(Mutex::new(Some(connection)));
        }
        Ok(Readers { connections })
    }

    /// A free connection if one is, else waits for one (each is held for microseconds).
    fn take(&self) -> Option<MutexGuard<'_, Option<Connection>>> {
        let first = self.connections.first()?;
        let guard = self
            .connections
            .iter()
            .find_map(|c| c.try_lock().ok())
            .unwrap_or_else(|| {
                first
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
            });
        guard.is_some().then_some(guard)
    }

    /// Closes them (at shutdown, so that the last connection out can checkpoint the WAL).
    pub(crate) fn close(&self) {
        for connection in &self.connections {
            let mut guard = connection
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            guard.take();
        }
    }
}

impl Db {
    /// Runs one short read on a kept-aside connection, on this thread.
    pub(crate) fn read<T>(
        &self,
        read: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T> {
        let guard = self
            .readers
            .take()
            .ok_or(StorageError::Unavailable("the database is closed"))?;
        let connection = guard.as_ref().expect("checked by Readers::take");
        Ok(read(connection)?)
    }
}
