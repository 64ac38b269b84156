//! Staff merging a duplicate idea into the one kept, and admins undoing a merge. Supports are
//! counted once; the rules are the storage's `merge_ideas`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::server_fns::answer::StaffIdeasProblem;

/// A merge as the staff ideas page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeEntry {
    pub id: i64,
    pub from_title: String,
    pub into_idea: i64,
    pub into_title: String,
    pub undone: bool,
}

/// The latest merges, newest first, as the staff ideas page lists them.
#[cfg(feature = "ssr")]
pub(crate) async fn recent(state: &crate::state::AppState) -> Result<Vec<MergeEntry>, AppError> {
    Ok(state
        .db
        .recent_merges(20)
        .await?
        .into_iter()
        .map(|m| MergeEntry {
            id: m.id,
            from_title: m.from_title,
            into_idea: m.into_idea,
            into_title: m.into_title,
            undone: m.undone_at.is_some(),
        })
        .collect())
}

/// Merges idea `idea` into idea `into` (a duplicate into the one kept), then goes back.
#[server(prefix = "/fn", endpoint = "staff/ideas/merge")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "merge_idea", skip_all))]
pub async fn merge_idea(
    idea: i64,
    into: Option<String>,
    back: Option<String>,
) -> Result<(), AppError> {
    use klimadialog::staff::StaffRole;
    use klimadialog::storage::{MergeRefusal, now};

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let back = super::answer::staff_ideas_back(back);
    let target = into
        .as_deref()
        .map(|s| s.trim().trim_start_matches('#'))
        .and_then(|s| s.parse::<i64>().ok());
    let Some(target) = target else {
        leptos_axum::redirect(&StaffIdeasProblem::MergeTarget.address(&back, idea));
        return Ok(());
    };
    let done = state
        .db
        .merge_ideas(
            klimadialog::IdeaId(idea),
            klimadialog::IdeaId(target),
            member.id,
            now(),
        )
        .await?;
    match done {
        // The merged idea is now a pointer: the table lists the merge, with its undo.
        Ok(_) => leptos_axum::redirect(&format!("/staff/ideas?merged={idea}#merges")),
        Err(MergeRefusal::SameIdea | MergeRefusal::NotMergeable | MergeRefusal::NoSuchMerge) => {
            leptos_axum::redirect(&StaffIdeasProblem::MergeTarget.address(&back, idea));
        }
    }
    Ok(())
}

/// Undoes a merge. Admins only: a merge is a moderator's call, taking it back the team's.
#[server(prefix = "/fn", endpoint = "staff/ideas/unmerge")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "undo_merge", skip_all))]
pub async fn undo_merge(merge: i64) -> Result<(), AppError> {
    use klimadialog::staff::StaffRole;
    use klimadialog::storage::now;

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Admin).await?;
    match state.db.undo_merge(merge, member.id, now()).await? {
        Ok(()) => leptos_axum::redirect("/staff/ideas?unmerged=1#merges"),
        Err(_) => return Err(AppError::NotFound.respond()),
    }
    Ok(())
}
