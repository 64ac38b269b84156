//! Supports and withdrawals are written in groups: one transaction, one sync to disk, for all
//! that arrived while the last group was being written, each acknowledged only after its group
//! has committed.
//!
//! A durable commit costs one sync of the WAL (`synchronous = FULL`), and a disk allows a few
//! thousand of those a second; one commit per support capped supporting there however fast
//! the rest was. A campaign launch is exactly many residents supporting at once, so their
//! supports share commits. Nothing is acknowledged before it is on disk, so no acknowledged
//! support is lost; a support whose request is cancelled may or may not be written, as before.
//!
//! A group is also written in a fixed number of statements, whatever its size: every addition
//! in one `INSERT … SELECT … RETURNING`, every withdrawal in one `DELETE … RETURNING`, and each
//! resident's answer (the idea's count, whether they support it) in one `SELECT`, read inside
//! the transaction. Each statement is a round trip to SQLite's connection thread, and those
//! round trips, not SQLite, were what a support cost.

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

impl SupportChange {
    fn pair(self) -> (IdeaId, ResidentId) {
        match self {
            SupportChange::Add { idea, resident, .. }
            | SupportChange::Remove { idea, resident } => (idea, resident),
        }
    }
}

/// What a change did, and where its idea stands once the group is committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Written {
    /// The change changed something (a new support, a withdrawn one).
    pub changed: bool,
    /// The idea's support count and whether the resident supports it; `None` when the idea
    /// is not public.
    pub state: Option<(i64, bool)>,
}

struct Job {
    change: SupportChange,
    done: oneshot::Sender<Result<Written>>,
}

/// The handle the database keeps; the writing happens in one task of its own.
#[derive(Debug, Clone)]
pub(crate) struct SupportWriter {
    jobs: mpsc::Sender<Job>,
    /// Supports added and withdrawn since the start, once committed (for `/metrics`).
    pub(crate) committed: std::sync::Arc<Committed>,
}

/// Changes that did something, counted after their commit.
#[derive(Debug, Default)]
pub(crate) struct Committed {
    pub(crate) added: std::sync::atomic::AtomicU64,
    pub(crate) withdrawn: std::sync::atomic::AtomicU64,
}

impl SupportWriter {
    /// Starts the writing task on the current Tokio runtime.
    pub(crate) fn start(pool: SqlitePool) -> SupportWriter {
        let (jobs, queue) = mpsc::channel(4 * MAX_GROUP);
        let committed = std::sync::Arc::<Committed>::default();
        tokio::spawn(write_groups(pool, queue, committed.clone()));
        SupportWriter { jobs, committed }
    }

    /// Writes `change` with whatever else is waiting. Returns once the change is committed.
    pub(crate) async fn write(&self, change: SupportChange) -> Result<Written> {
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

async fn write_groups(
    pool: SqlitePool,
    mut queue: mpsc::Receiver<Job>,
    committed: std::sync::Arc<Committed>,
) {
    let mut group = Vec::with_capacity(MAX_GROUP);
    while queue.recv_many(&mut group, MAX_GROUP).await > 0 {
        match write_group(&pool, &group).await {
            Ok(written) => {
                for (job, written) in group.drain(..).zip(written) {
                    committed.count(job.change, written);
                    // The resident may have gone; the support stays written.
                    let _ = job.done.send(Ok(written));
                }
            }
            Err(_) => {
                // One change that fails (or a fault) undoes its whole group. Written one by one,
                // the others go through, and each failure goes back to its own request, which
                // logs it once with its route.
                tracing::warn!(
                    changes = group.len(),
                    "a group of supports failed; writing them one at a time"
                );
                for job in group.drain(..) {
                    let alone = write_group(&pool, std::slice::from_ref(&job))
                        .await
                        .and_then(|written| {
                            written
                                .first()
                                .copied()
                                .ok_or(StorageError::Unavailable("saving the support failed"))
                        });
                    if let Ok(written) = alone {
                        committed.count(job.change, written);
                    }
                    let _ = job.done.send(alone);
                }
            }
        }
    }
}

impl Committed {
    fn count(&self, change: SupportChange, written: Written) {
        use std::sync::atomic::Ordering::Relaxed;
        match change {
            _ if !written.changed => {}
            SupportChange::Add { .. } => _ = self.added.fetch_add(1, Relaxed),
            SupportChange::Remove { .. } => _ = self.withdrawn.fetch_add(1, Relaxed),
        }
    }
}

/// One transaction for the group, in runs in which no resident's support of an idea changes
/// twice (a double tap sends support and withdrawal in one group: they are written in order).
/// If a statement or the commit fails, none of the group is done.
async fn write_group(pool: &SqlitePool, group: &[Job]) -> Result<Vec<Written>> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let mut changed = std::collections::HashSet::new();
    let mut start = 0;
    while start < group.len() {
        let mut seen = std::collections::HashSet::new();
        let end = start
            + group[start..]
                .iter()
                .take_while(|job| seen.insert(job.change.pair()))
                .count();
        let run: Vec<SupportChange> = group[start..end].iter().map(|j| j.change).collect();
        for (index, done) in write_run(&mut transaction, &run).await? {
            if done {
                changed.insert(start + index);
            }
        }
        start = end;
    }
    let states = read_states(&mut transaction, group).await?;
    transaction.commit().await?;
    Ok(states
        .into_iter()
        .enumerate()
        .map(|(index, state)| Written {
            changed: changed.contains(&index),
            state,
        })
        .collect())
}

/// `?, ?, …` rows of `width` placeholders for a `VALUES` list.
fn values(rows: usize, width: usize) -> String {
    let row = format!("({})", vec!["?"; width].join(", "));
    vec![row; rows].join(", ")
}

/// Writes a run of changes to distinct (idea, resident) pairs in two statements; which of them
/// changed something, by index in the run.
async fn write_run(
    transaction: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    run: &[SupportChange],
) -> Result<Vec<(usize, bool)>> {
    let adds: Vec<(IdeaId, ResidentId, i64)> = run
        .iter()
        .filter_map(|c| match *c {
            SupportChange::Add { idea, resident, at } => Some((idea, resident, at)),
            SupportChange::Remove { .. } => None,
        })
        .collect();
    let removes: Vec<(IdeaId, ResidentId)> = run
        .iter()
        .filter_map(|c| match *c {
            SupportChange::Remove { idea, resident } => Some((idea, resident)),
            SupportChange::Add { .. } => None,
        })
        .collect();
    let mut done = std::collections::HashSet::new();
    if !adds.is_empty() {
        let sql = format!(
            "WITH wanted (idea, resident, at) AS (VALUES {})
             INSERT OR IGNORE INTO supports (idea_id, resident_id, created_at)
             SELECT i.id, w.resident, w.at FROM wanted w JOIN ideas i ON i.id = w.idea
             WHERE i.moderation_state = 'published' AND i.status <> 'merged'
             RETURNING idea_id, resident_id",
            values(adds.len(), 3)
        );
        let mut query = sqlx::query_as::<_, (i64, i64)>(&sql);
        for (idea, resident, at) in &adds {
            query = query.bind(idea.0).bind(resident.0).bind(*at);
        }
        done.extend(query.fetch_all(&mut **transaction).await?);
    }
    if !removes.is_empty() {
        let sql = format!(
            "DELETE FROM supports WHERE (idea_id, resident_id) IN (VALUES {})
             RETURNING idea_id, resident_id",
            values(removes.len(), 2)
        );
        let mut query = sqlx::query_as::<_, (i64, i64)>(&sql);
        for (idea, resident) in &removes {
            query = query.bind(idea.0).bind(resident.0);
        }
        done.extend(query.fetch_all(&mut **transaction).await?);
    }
    Ok(run
        .iter()
        .enumerate()
        .map(|(index, change)| {
            let (idea, resident) = change.pair();
            (index, done.contains(&(idea.0, resident.0)))
        })
        .collect())
}

/// Each job's idea count and whether its resident supports it, as the transaction leaves them;
/// `None` for an idea that is not public.
async fn read_states(
    transaction: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    group: &[Job],
) -> Result<Vec<Option<(i64, bool)>>> {
    let pairs: Vec<(IdeaId, ResidentId)> = group.iter().map(|j| j.change.pair()).collect();
    let sql = format!(
        "WITH asked (n, idea, resident) AS (VALUES {})
         SELECT a.n, i.support_count,
                EXISTS (SELECT 1 FROM supports s
                        WHERE s.idea_id = a.idea AND s.resident_id = a.resident)
         FROM asked a JOIN ideas i ON i.id = a.idea AND i.moderation_state = 'published'",
        values(pairs.len(), 3)
    );
    let mut query = sqlx::query_as::<_, (i64, i64, bool)>(&sql);
    for (n, (idea, resident)) in pairs.iter().enumerate() {
        query = query.bind(n as i64).bind(idea.0).bind(resident.0);
    }
    let mut states = vec![None; pairs.len()];
    for (n, count, supported) in query.fetch_all(&mut **transaction).await? {
        if let Some(state) = usize::try_from(n).ok().and_then(|n| states.get_mut(n)) {
            *state = Some((count, supported));
        }
    }
    Ok(states)
}
