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

/// An idea's links to the plan as staff keep them, and the actions to choose from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffIdeaActions {
    pub linked: Vec<klimadialog::plan::ActionLink>,
    /// Every action: code and Danish title.
    pub choices: Vec<(String, String)>,
}

#[server(prefix = "/fn", endpoint = "staff/plan/idea")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "load_staff_idea_actions", skip_all)
)]
pub async fn load_staff_idea_actions(idea: i64) -> Result<StaffIdeaActions, AppError> {
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let linked = state.db.actions_of_idea(klimadialog::IdeaId(idea)).await?;
    let choices = state
        .db
        .plan_actions()
        .await?
        .into_iter()
        .map(|a| (a.code, a.title_da))
        .collect();
    Ok(StaffIdeaActions { linked, choices })
}

/// The staff page of the idea at its plan section, with what the last form did.
#[cfg(feature = "ssr")]
fn back_to_plan(idea: i64, problem: Option<klimadialog::plan::LinkProblem>) {
    let query = match problem {
        Some(problem) => format!("plan_error={}", problem.as_str()),
        None => "plan=done".to_owned(),
    };
    leptos_axum::redirect(&format!("/staff/ideas/{idea}?{query}#plan"));
}

/// Links a public idea to one of the plan's actions with a note residents read (`unlink`
/// takes the link away).
#[server(prefix = "/fn", endpoint = "staff/plan/link")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "link_idea", skip_all))]
pub async fn link_idea(
    idea: i64,
    action: String,
    note: Option<String>,
    unlink: Option<String>,
) -> Result<(), AppError> {
    use klimadialog::plan::{ActionCode, LinkProblem, link_note};
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let Some(code) = ActionCode::parse(&action) else {
        back_to_plan(idea, Some(LinkProblem::Action));
        return Ok(());
    };
    let now = klimadialog::storage::now();
    let id = klimadialog::IdeaId(idea);
    if unlink.is_some() {
        state.db.unlink_idea(id, &code, member.id, now).await?;
        back_to_plan(idea, None);
        return Ok(());
    }
    let typed = note.unwrap_or_default();
    let note = match link_note(&typed) {
        Ok(note) => note,
        Err(problem) => {
            crate::session::keep_typed(&[("link_note", &typed)]);
            back_to_plan(idea, Some(problem));
            return Ok(());
        }
    };
    let linked = state
        .db
        .link_idea(id, &code, note.as_deref(), Some(member.id), now)
        .await?;
    back_to_plan(idea, (!linked).then_some(LinkProblem::Action));
    Ok(())
}
