//! The staff table of ideas and one idea's staff page. Moderator role or more, checked on the
//! server.

use klimadialog::listing::IdeaDetail;
use klimadialog::staff_ideas::{StaffPage, StaffRow};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::server_fns::merge::MergeEntry;
use crate::server_fns::propose::Choice;

/// What `/staff/ideas` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffTable {
    pub page: StaffPage,
    /// Admins may add residents' contact details to an export, and undo merges.
    pub admin: bool,
    pub merges: Vec<MergeEntry>,
    pub areas: Vec<Choice>,
    pub sectors: Vec<Choice>,
    pub themes: Vec<Choice>,
}

/// A page of the staff table for a `/staff/ideas` query string.
#[server(prefix = "/fn", endpoint = "staff/ideas")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "load_staff_table", skip_all)
)]
pub async fn load_staff_table(query: String) -> Result<StaffTable, AppError> {
    use klimadialog::staff::StaffRole;
    use klimadialog::staff_ideas::StaffFilter;

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&query).unwrap_or_default();
    let filter = StaffFilter::from_pairs(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let page = state.db.staff_ideas(&filter).await?;
    let (areas, sectors, themes) = super::reference_choices(&state).await?;
    Ok(StaffTable {
        page,
        admin: member.role == StaffRole::Admin,
        merges: super::merge::recent(&state).await?,
        areas,
        sectors,
        themes,
    })
}

/// What `/staff/ideas/{id}` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffIdea {
    pub row: StaffRow,
    pub note: Option<String>,
    /// The ideas a title search for the one to merge into found (public, not merged).
    pub merge_matches: Vec<StaffRow>,
    /// This idea and the one chosen to merge into, side by side before confirming.
    pub merge_pair: Option<(IdeaDetail, IdeaDetail)>,
}

/// How many ideas a search for the one to merge into lists.
pub const MERGE_MATCHES: usize = 10;

/// One idea, in any moderation state, for its staff page; `None` when there is no such idea.
/// With `merge_q`, the public ideas it could be merged into; with `into`, both ideas in full.
#[server(prefix = "/fn", endpoint = "staff/idea")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "load_staff_idea", skip_all)
)]
pub async fn load_staff_idea(
    id: i64,
    merge_q: Option<String>,
    into: Option<i64>,
) -> Result<Option<StaffIdea>, AppError> {
    use klimadialog::staff::StaffRole;
    use klimadialog::staff_ideas::StaffFilter;
    use klimadialog::{IdeaId, PublicStatus};

    let state = crate::state::app_state()?;
    crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let Some(row) = state.db.staff_idea(IdeaId(id)).await? else {
        return Ok(None);
    };
    let note = state
        .db
        .staff_notes_of(&[id])
        .await?
        .into_iter()
        .next()
        .map(|(_, note)| note);
    let mut merge_matches = Vec::new();
    if let Some(q) = merge_q.filter(|q| !q.trim().is_empty()) {
        let filter = StaffFilter::from_pairs([
            ("q", q.as_str()),
            ("moderation", "published"),
            ("order", "supports"),
        ]);
        merge_matches = state
            .db
            .staff_ideas(&filter)
            .await?
            .rows
            .into_iter()
            .filter(|other| other.id != id && other.status != PublicStatus::Merged)
            .take(MERGE_MATCHES)
            .collect();
    }
    let merge_pair = match into.filter(|into| *into != id) {
        Some(into) => {
            let this = state.db.published_idea(IdeaId(id)).await?;
            let other = state.db.published_idea(IdeaId(into)).await?;
            this.zip(other)
        }
        None => None,
    };
    Ok(Some(StaffIdea {
        row,
        note,
        merge_matches,
        merge_pair,
    }))
}
