//! Supporting an idea: the one way a resident's support changes, whether they press the button
//! or confirm it while signing in, with the limits that keep one person (or one script) from
//! pressing thousands of times.

use crate::idea::IdeaId;
use crate::limits::Limits;
use crate::resident::ResidentId;
use crate::signin::ClientTag;
use crate::storage::{Db, StorageError};

#[derive(Debug, thiserror::Error)]
pub enum SupportError {
    #[error("too many support changes; try again in {retry_after} seconds")]
    RateLimited { retry_after: i64 },
    #[error("no public idea with that number")]
    NotPublic,
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// An idea's support count and whether this resident supports it, after the change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Supported {
    pub count: i64,
    pub supported: bool,
}

/// Supports (`want`) or withdraws the resident's support of a published idea, within the
/// limits for the resident and the client. Returns once the change is on disk.
#[tracing::instrument(skip_all)]
pub async fn set_support(
    db: &Db,
    limits: &Limits,
    resident: ResidentId,
    client: &ClientTag,
    idea: IdeaId,
    want: bool,
    now: i64,
) -> Result<Supported, SupportError> {
    limits
        .supports_per_resident
        .check(&resident)
        .and_then(|()| limits.supports_per_client.check(client))
        .map_err(|retry_after| SupportError::RateLimited { retry_after })?;
    let (count, supported) = db
        .change_support(idea, resident, want, now)
        .await?
        .ok_or(SupportError::NotPublic)?;
    Ok(Supported { count, supported })
}
