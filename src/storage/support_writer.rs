//! Supports and withdrawals are written in groups: one transaction, one sync to disk, for all
//! that arrived while the last group was being written, each acknowledged only after its group
//! has committed.
//!
//! A durable commit costs one sync of the WAL (`synchronous = FULL`), and a disk allows a few
//! thousand of those a second; one commit per support capped supporting there however fast
//! the rest was. A campaign launch is exactly many residents supporting at once, so their
//! supports share commits. Nothing is acknowledged before it is on disk, so no acknowledged
//! support is lost; a support whose request is cancelled may or may not be written, as before.

use sqlx::SqlitePool;
use tokio::sync::{mpsc, oneshot};

use super::{Result, StorageError};
use crate::idea::IdeaId;
use crate::resident::ResidentId;

/// The most changes in one transaction: enough to absorb a burst, short enough that the
/// write lock is not held for long.
const MAX_GROUP: usize = 256;

/// A change to one resident's support of one idea.
#[derive(Debug, Clone, Copy)]
pub(crate) enum SupportChange {
    /// Support a public idea (published, not merged); nothing if already supported.
    Add {
        idea: IdeaId,
        resident: ResidentId,
        at: i64,
    },
    /// Withdraw; nothing if there was no support.
    Remove { idea: IdeaId, resident: ResidentId },
}

struct Job {
    change: SupportChange,
    done: oneshot::Sender<Result<bool>>,
}

/// The handle the database keeps; the writing happens in one task of its own.
#[derive(Debug, Clone)]
pub(crate) struct SupportWriter {
    jobs: mpsc::Sender<Job>,
}

impl SupportWriter {
    /// Starts the writing task on the current Tokio runtime.
    pub(crate) fn start(pool: SqlitePool) -> SupportWriter {
        let (jobs, queue) = mpsc::channel(4 * MAX_GROUP);
        tokio::spawn(write_groups(pool, queue));
        SupportWriter { jobs }
    }

    /// Writes `change` with whatever else is waiting; `true` if it changed anything. Returns
    /// once the change is committed.
    pub(crate) async fn write(&self, change: SupportChange) -> Result<bool> {
        let (done, answer) = oneshot::channel();
        self.jobs
            .send(Job { change, done })
            .await
            .map_err(|_| StorageError::Unavailable("the support writer has stopped"))?;
        answer
            .await
            .map_err(|_| StorageError::Unavailable("the support writer has stopped"))?
    }
}

async fn write_groups(pool: SqlitePool, mut queue: mpsc::Receiver<Job>) {
    let mut group = Vec::with_capacity(MAX_GROUP);
    while queue.recv_many(&mut group, MAX_GROUP).await > 0 {
        match write_group(&pool, &group).await {
            Ok(results) => {
                for (job, result) in group.drain(..).zip(results) {
                    // The resident may have gone; the support stays written.
                    let _ = job.done.send(result);
                }
            }
            Err(error) => {
                tracing::error!(%error, changes = group.len(), "writing a group of supports failed");
                for job in group.drain(..) {
                    let _ = job
                        .done
                        .send(Err(StorageError::Unavailable("saving the support failed")));
                }
            }
        }
    }
}

/// One transaction for the group. A change that fails on its own (rare: the statements cannot
/// break a constraint) gets its error, the others go on; if the commit fails, none is done.
async fn write_group(pool: &SqlitePool, group: &[Job]) -> Result<Vec<Result<bool>>> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let mut results = Vec::with_capacity(group.len());
    for job in group {
        let done = match job.change {
            SupportChange::Add { idea, resident, at } => {
                sqlx::query(
                    "INSERT OR IGNORE INTO supports (idea_id, resident_id, created_at)
                     SELECT id, ?, ? FROM ideas
                     WHERE id = ? AND moderation_state = 'published' AND status <> 'merged'",
                )
                .bind(resident.0)
                .bind(at)
                .bind(idea.0)
                .execute(&mut *transaction)
                .await
            }
            SupportChange::Remove { idea, resident } => {
                sqlx::query("DELETE FROM supports WHERE idea_id = ? AND resident_id = ?")
                    .bind(idea.0)
                    .bind(resident.0)
                    .execute(&mut *transaction)
                    .await
            }
        };
        results.push(
            done.map(|d| d.rows_affected() == 1)
                .map_err(StorageError::from),
        );
    }
    transaction.commit().await?;
    Ok(results)
}
