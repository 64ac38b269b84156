//! Reading published ideas.

use klimadialog::listing::{IdeaDetail, IdeaPage};
use leptos::prelude::*;

use crate::error::AppError;

/// Ideas per page in lists.
pub const PER_PAGE: u32 = 20;

/// A page of published ideas, most supported first.
#[server(prefix = "/fn")]
pub async fn top_ideas(page: u32, per_page: u32) -> Result<IdeaPage, AppError> {
    let state = crate::state::app_state()?;
    let per_page = per_page.clamp(1, 50);
    let page = page.clamp(1, 100_000);
    Ok(state.db.top_published_ideas(page, per_page).await?)
}

/// One published idea; `None` when it does not exist or is not public.
#[server(prefix = "/fn")]
pub async fn published_idea(id: i64) -> Result<Option<IdeaDetail>, AppError> {
    let state = crate::state::app_state()?;
    if id <= 0 {
        return Ok(None);
    }
    Ok(state.db.published_idea(klimadialog::IdeaId(id)).await?)
}
