//! Statistics for `/stats`.

use klimadialog::listing::Stats;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::server_fns::propose::Choice;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatsPage {
    pub stats: Stats,
    pub areas: Vec<Choice>,
    pub sectors: Vec<Choice>,
    pub themes: Vec<Choice>,
}

#[server(prefix = "/fn")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "load_stats", skip_all))]
pub async fn load_stats() -> Result<StatsPage, AppError> {
    let state = crate::state::app_state()?;
    let stats = state.db.stats(klimadialog::storage::now()).await?;
    let (areas, sectors, themes) = super::reference_choices(&state).await?;
    Ok(StatsPage {
        stats,
        areas,
        sectors,
        themes,
    })
}
