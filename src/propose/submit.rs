//! Sending a checked draft as an idea: the limits on how many, and the moderation state a new
//! idea starts in.

use crate::idea::IdeaId;
use crate::limits::Limits;
use crate::resident::ResidentId;
use crate::signin::{ClientTag, DraftToken};
use crate::storage::{Db, ReadyDraft, StorageError};

use crate::moderation::ModerationMode;

#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error("too many ideas; try again in {retry_after} seconds")]
    RateLimited { retry_after: i64 },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// A checked draft on its way to becoming an idea.
pub struct Sending<'a> {
    /// The browser's draft, deleted as the idea is stored, so a form sent twice makes one idea.
    pub token: &'a DraftToken,
    pub ready: ReadyDraft,
    pub photo: Option<String>,
}

/// Stores the draft behind `token` as `resident`'s idea, within the limits for the resident
/// and the client: waiting for a moderator, or public at once, as the site's `mode` says.
/// `None` when the draft was already sent (a double tap): the first send made the idea.
#[tracing::instrument(skip_all)]
pub async fn submit(
    db: &Db,
    limits: &Limits,
    resident: ResidentId,
    client: &ClientTag,
    sending: Sending<'_>,
    mode: ModerationMode,
    now: i64,
) -> Result<Option<IdeaId>, SubmitError> {
    limits
        .ideas_per_resident
        .check(&resident)
        .and_then(|()| limits.ideas_per_client.check(client))
        .map_err(|retry_after| SubmitError::RateLimited { retry_after })?;
    let Sending {
        token,
        ready,
        photo,
    } = sending;
    let idea = ready.into_idea(photo, Some(resident.0), mode.first_state(), now);
    Ok(db.submit_draft(token, &idea).await?)
}
