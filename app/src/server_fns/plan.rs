//! The climate plan as everyone reads it: `/plan` (the actions and the 2030 gap) and
//! `/plan/{code}` (one action with its timeline and the ideas behind it).

use klimadialog::plan::{ActionDetail, ActionRow};
use klimadialog::plan::{Baseline, Gap};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::server_fns::propose::Choice;

/// Everything `/plan` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanPage {
    pub actions: Vec<ActionRow>,
    /// The emissions figures and the gap, once the municipality has entered a baseline.
    pub baseline: Option<(Baseline, Gap)>,
    /// Per sector: published ideas and their supports.
    pub interest: Vec<(String, i64, i64)>,
    pub sectors: Vec<Choice>,
}

#[server(prefix = "/fn", endpoint = "plan")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "load_plan", skip_all))]
pub async fn load_plan() -> Result<PlanPage, AppError> {
    use klimadialog::plan::{ActionStatus, gap};

    let state = crate::state::app_state()?;
    let actions = state.db.plan_actions().await?;
    let counted: Vec<(ActionStatus, f64)> = actions
        .iter()
        .filter_map(|a| Some((ActionStatus::parse(&a.status)?, a.reduction_t?)))
        .collect();
    let percent = state.config.targets.reduction_percent;
    let baseline = state.db.baseline().await?.map(|baseline| {
        let found = gap(&baseline, percent, &counted);
        (baseline, found)
    });
    let (_, sectors, _) = super::reference_choices(&state).await?;
    Ok(PlanPage {
        actions,
        baseline,
        interest: state.db.interest_by_sector().await?,
        sectors,
    })
}

#[server(prefix = "/fn", endpoint = "plan/action")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "load_action", skip_all))]
pub async fn load_action(code: String) -> Result<Option<ActionDetail>, AppError> {
    let Some(code) = klimadialog::plan::ActionCode::parse(&code) else {
        return Ok(None);
    };
    let state = crate::state::app_state()?;
    Ok(state.db.action_detail(&code).await?)
}

/// The plan's actions a public idea is linked to.
#[server(prefix = "/fn", endpoint = "plan/idea")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "load_idea_actions", skip_all)
)]
pub async fn load_idea_actions(idea: i64) -> Result<Vec<klimadialog::plan::ActionLink>, AppError> {
    let state = crate::state::app_state()?;
    Ok(state.db.actions_of_idea(klimadialog::IdeaId(idea)).await?)
}
