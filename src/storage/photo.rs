//! Who may see a photo. A photo of a published idea is public; a draft's photo belongs to the
//! browser that holds the draft, and a pending, hidden or rejected idea's to its author and
//! the staff. Nothing else is served, whatever its name.

use super::{Db, Result};
use crate::resident::ResidentId;
use crate::signin::DraftToken;

/// What a photo is to the person asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoAccess {
    /// A published idea's photo: anyone, and caches may keep it.
    Public,
    /// This person's own (their draft, their idea awaiting review) or a staff member's view:
    /// served, but kept by no cache.
    Private,
    /// Not theirs to see, or no such photo.
    None,
}

/// Who is asking for a photo.
#[derive(Debug, Clone, Default)]
pub struct PhotoViewer {
    pub draft: Option<DraftToken>,
    pub resident: Option<ResidentId>,
    pub staff: bool,
}

impl Db {
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn photo_access(&self, name: &str, viewer: &PhotoViewer) -> Result<PhotoAccess> {
        // (published, the asker's own idea) for each idea with this photo.
        let ideas: Vec<(bool, bool)> = sqlx::query_as(
            "SELECT moderation_state = 'published', coalesce(author_id = ?, 0)
             FROM ideas WHERE photo = ?",
        )
        .bind(viewer.resident.map(|r| r.0))
        .bind(name)
        .fetch_all(self.pool())
        .await?;
        if ideas.iter().any(|(published, _)| *published) {
            return Ok(PhotoAccess::Public);
        }
        if ideas.iter().any(|(_, own)| *own) || (viewer.staff && !ideas.is_empty()) {
            return Ok(PhotoAccess::Private);
        }
        if let Some(draft) = &viewer.draft {
            let in_draft: Option<i64> =
                sqlx::query_scalar("SELECT 1 FROM idea_drafts WHERE token_hash = ? AND photo = ?")
                    .bind(draft.hash())
                    .bind(name)
                    .fetch_optional(self.pool())
                    .await?;
            if in_draft.is_some() {
                return Ok(PhotoAccess::Private);
            }
        }
        Ok(PhotoAccess::None)
    }
}
