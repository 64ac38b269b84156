//! The signed-in resident's own page.

use klimadialog::ModerationState;
use klimadialog::listing::IdeaSummary;
use leptos::prelude::*;

use crate::error::AppError;

/// What `/me` shows: the resident's ideas with where they stand, and the ideas they support.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MyPage {
    pub ideas: Vec<(IdeaSummary, ModerationState)>,
    pub supported: Vec<IdeaSummary>,
}

/// `None` when nobody is signed in.
#[server(prefix = "/fn")]
pub async fn load_my_page() -> Result<Option<MyPage>, AppError> {
    let state = crate::state::app_state()?;
    let Some(resident) = crate::session::current_resident(&state).await else {
        return Ok(None);
    };
    let ideas = state.db.ideas_by_author(resident).await?;
    let supported = state.db.ideas_supported_by(resident).await?;
    Ok(Some(MyPage { ideas, supported }))
}
