//! The staff table of ideas and one idea's staff page. Moderator role or more, checked on the
//! server.

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
}

/// One idea, in any moderation state, for its staff page; `None` when there is no such idea.
#[server(prefix = "/fn", endpoint = "staff/idea")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "load_staff_idea", skip_all)
)]
pub async fn load_staff_idea(id: i64) -> Result<Option<StaffIdea>, AppError> {
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let Some(row) = state.db.staff_idea(klimadialog::IdeaId(id)).await? else {
        return Ok(None);
    };
    let note = state
        .db
        .staff_notes_of(&[id])
        .await?
        .into_iter()
        .next()
        .map(|(_, note)| note);
    Ok(Some(StaffIdea { row, note }))
}
