//! The admins' side of the plan: `/staff/plan` (the actions, a spreadsheet's preview and its
//! confirmation) and `/staff/plan/edit` (one action's form and its milestones). Every write is
//! an admin's, checked here; the rules are the core's (`plan`, `plan_import`).

use klimadialog::plan::{ActionFields, ActionProblem, ActionRow, MilestoneRow};
use klimadialog::plan_import::{FileProblem, PlanRow};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::server_fns::propose::Choice;

klimadialog::string_enum!(
    /// Why an uploaded spreadsheet went back to the upload form (`file_error=`): written by
    /// `forms::plan_import`, read by the plan page.
    PlanFileError {
        TooLarge => "too_large",
        NoFile => "no_file",
        NotASheet => "not_a_sheet",
        Unclosed => "unclosed",
        Empty => "empty",
        TooManyRows => "too_many_rows",
        TooManyColumns => "too_many_columns",
        CellTooLong => "cell_too_long",
        Unpacked => "unpacked",
        /// The preview was confirmed after its file was cleared away (a day later).
        Expired => "expired",
    }
);

impl From<klimadialog::sheet::SheetProblem> for PlanFileError {
    fn from(problem: klimadialog::sheet::SheetProblem) -> Self {
        use klimadialog::sheet::SheetProblem as S;
        match problem {
            S::NotASheet => PlanFileError::NotASheet,
            S::Unclosed => PlanFileError::Unclosed,
            S::Empty => PlanFileError::Empty,
            S::TooManyRows => PlanFileError::TooManyRows,
            S::TooManyColumns => PlanFileError::TooManyColumns,
            S::CellTooLong => PlanFileError::CellTooLong,
            S::TooLarge => PlanFileError::Unpacked,
        }
    }
}

/// An uploaded file read against the plan there is now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanPreview {
    pub id: i64,
    pub file_name: String,
    pub rows: Result<Vec<PlanRow>, FileProblem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffPlan {
    pub actions: Vec<ActionRow>,
    pub preview: Option<PlanPreview>,
    /// The emissions figures there are, for the baseline form.
    pub baseline: Option<klimadialog::plan::Baseline>,
    pub sectors: Vec<Choice>,
}

#[server(prefix = "/fn", endpoint = "staff/plan")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "load_staff_plan", skip_all)
)]
pub async fn load_staff_plan(preview: Option<i64>) -> Result<StaffPlan, AppError> {
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Admin).await?;
    let actions = state.db.plan_actions().await?;
    let preview = match preview {
        Some(id) => read_file(&state, id, member.id, &actions).await?,
        None => None,
    };
    let (_, sectors, _) = super::reference_choices(&state).await?;
    Ok(StaffPlan {
        actions,
        preview,
        baseline: state.db.baseline().await?,
        sectors,
    })
}

/// A kept file read against `actions` (as they are now, so a preview is never stale).
#[cfg(feature = "ssr")]
async fn read_file(
    state: &crate::state::AppState,
    id: i64,
    staff: i64,
    actions: &[ActionRow],
) -> Result<Option<PlanPreview>, AppError> {
    let Some((file_name, table)) = state.db.plan_file(id, staff).await? else {
        return Ok(None);
    };
    let categories = state.db.category_names().await?;
    let existing: Vec<ActionFields> = actions.iter().map(ActionFields::of_row).collect();
    let rows = klimadialog::plan_import::read_plan(&table, &categories, &existing);
    Ok(Some(PlanPreview {
        id,
        file_name,
        rows,
    }))
}

/// Saves every new and changed action of a previewed file, all or nothing; a file with a
/// refused row goes back to its preview.
#[server(prefix = "/fn", endpoint = "staff/plan/confirm")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "confirm_plan_import", skip_all)
)]
pub async fn confirm_plan_import(import: i64) -> Result<(), AppError> {
    use klimadialog::plan_import::Outcome;
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Admin).await?;
    let actions = state.db.plan_actions().await?;
    let Some(preview) = read_file(&state, import, member.id, &actions).await? else {
        leptos_axum::redirect("/staff/plan?file_error=expired#upload");
        return Ok(());
    };
    let Ok(rows) = preview.rows else {
        leptos_axum::redirect(&format!("/staff/plan?preview={import}#preview"));
        return Ok(());
    };
    let refused = rows
        .iter()
        .any(|r| matches!(r.outcome, Outcome::Refused(_) | Outcome::SameCode(_)));
    let saving: Vec<_> = rows.iter().filter_map(PlanRow::action).collect();
    if refused {
        leptos_axum::redirect(&format!("/staff/plan?preview={import}#preview"));
        return Ok(());
    }
    let now = klimadialog::storage::now();
    match state.db.import_actions(&saving, member.id, now).await? {
        Ok(saved) => {
            state.db.delete_plan_draft(import).await?;
            // A new status queues mails to the residents behind the action.
            state.mail_queued.notify_one();
            leptos_axum::redirect(&format!("/staff/plan?imported={saved}"));
        }
        // A sector or theme removed between the preview and the confirmation.
        Err(_) => leptos_axum::redirect(&format!("/staff/plan?preview={import}#preview")),
    }
    Ok(())
}

/// What the action form shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionForm {
    /// As stored, or as typed when the form came back.
    pub fields: ActionFields,
    /// The code of the action being edited; `None` for a new one.
    pub editing: Option<String>,
    pub problems: Vec<ActionProblem>,
    pub milestones: Vec<MilestoneRow>,
    pub sectors: Vec<Choice>,
    pub themes: Vec<Choice>,
}

#[server(prefix = "/fn", endpoint = "staff/plan/form")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "load_action_form", skip_all)
)]
pub async fn load_action_form(
    code: Option<String>,
    draft: Option<i64>,
) -> Result<ActionForm, AppError> {
    use klimadialog::plan::ActionCode;
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Admin).await?;
    let (_, sectors, themes) = super::reference_choices(&state).await?;
    let detail = match code.as_deref().map(ActionCode::parse) {
        Some(Some(code)) => match state.db.action_detail(&code).await? {
            Some(detail) => Some(detail),
            None => return Err(AppError::NotFound.respond()),
        },
        Some(None) => return Err(AppError::NotFound.respond()),
        None => None,
    };
    let typed = match draft {
        Some(id) => state.db.action_draft(id, member.id).await?,
        None => None,
    };
    let problems = match &typed {
        Some(fields) => problems_of(fields, &sectors, &themes),
        None => Vec::new(),
    };
    let fields = typed
        .or_else(|| detail.as_ref().map(|d| ActionFields::of_row(&d.action)))
        .unwrap_or_else(|| ActionFields {
            status: "planned".into(),
            ..ActionFields::default()
        });
    Ok(ActionForm {
        fields,
        editing: detail.as_ref().map(|d| d.action.code.clone()),
        problems,
        milestones: detail.map(|d| d.milestones).unwrap_or_default(),
        sectors,
        themes,
    })
}

/// Every problem of `fields`, the sector or theme checked against the site's.
#[cfg(feature = "ssr")]
fn problems_of(fields: &ActionFields, sectors: &[Choice], themes: &[Choice]) -> Vec<ActionProblem> {
    let mut problems = fields.parse().err().unwrap_or_default();
    let known = match fields.category.split_once(':') {
        Some(("sector", key)) => sectors.iter().any(|c| c.value == key),
        Some(("theme", key)) => themes.iter().any(|c| c.value == key),
        _ => false,
    };
    if !known && !problems.contains(&ActionProblem::Category) {
        problems.push(ActionProblem::Category);
    }
    problems
}

/// Creates an action, or saves the one being edited (whose code stays). A form with problems
/// is kept as a draft and shown again with every problem marked.
#[server(prefix = "/fn", endpoint = "staff/plan/save")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "save_action", skip_all))]
#[allow(clippy::too_many_arguments)]
pub async fn save_action(
    editing: Option<String>,
    code: Option<String>,
    title_da: String,
    title_en: String,
    description_da: String,
    description_en: String,
    category: Option<String>,
    owner: String,
    status: String,
    start_year: String,
    end_year: String,
    reduction: String,
    link: String,
) -> Result<(), AppError> {
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Admin).await?;
    let fields = ActionFields {
        // An action's code is how the plan, links and imports know it: it does not change.
        code: editing.clone().or(code).unwrap_or_default(),
        title_da,
        title_en,
        description_da,
        description_en,
        category: category.unwrap_or_default(),
        owner,
        status,
        start_year,
        end_year,
        reduction,
        link,
    };
    let editing_query = editing
        .as_deref()
        .map(|c| format!("code={}&", crate::url::encode_component(c)))
        .unwrap_or_default();
    let (_, sectors, themes) = super::reference_choices(&state).await?;
    let problems = problems_of(&fields, &sectors, &themes);
    let now = klimadialog::storage::now();
    let saved = match fields.parse() {
        Ok(action) if problems.is_empty() => state
            .db
            .save_action(&action, Some(member.id), now)
            .await?
            .ok()
            .map(|_| action),
        _ => None,
    };
    if saved.is_some() {
        state.mail_queued.notify_one();
    }
    match saved {
        Some(action) => leptos_axum::redirect(&format!(
            "/staff/plan/edit?code={}&saved=1",
            crate::url::encode_component(action.code.as_str())
        )),
        None => {
            let draft = state.db.save_action_draft(member.id, &fields, now).await?;
            leptos_axum::redirect(&format!(
                "/staff/plan/edit?{editing_query}draft={draft}#form"
            ));
        }
    }
    Ok(())
}

/// Adds a milestone to an action.
#[server(prefix = "/fn", endpoint = "staff/plan/milestone")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "add_milestone", skip_all))]
pub async fn add_milestone(code: String, title: String, due: String) -> Result<(), AppError> {
    use klimadialog::plan::{ActionCode, milestone};
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Admin).await?;
    let code = ActionCode::parse(&code).ok_or_else(|| AppError::NotFound.respond())?;
    let back = format!(
        "/staff/plan/edit?code={}",
        crate::url::encode_component(code.as_str())
    );
    let (title, due) = match milestone(&title, &due) {
        Ok(checked) => checked,
        Err(problem) => {
            crate::session::keep_typed(&[("milestone_title", &title), ("milestone_due", &due)]);
            leptos_axum::redirect(&format!(
                "{back}&milestone_error={}#milestones",
                problem.as_str()
            ));
            return Ok(());
        }
    };
    let now = klimadialog::storage::now();
    let added = state
        .db
        .add_action_milestone(&code, &title, due, member.id, now)
        .await?;
    if added.is_none() {
        return Err(AppError::NotFound.respond());
    }
    leptos_axum::redirect(&format!("{back}&milestone=added#milestones"));
    Ok(())
}

/// Marks a milestone as reached: the action's page shows it, and the residents behind the
/// action's ideas hear of it.
#[server(prefix = "/fn", endpoint = "staff/plan/reach")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "reach_milestone", skip_all)
)]
pub async fn reach_milestone(code: String, milestone: i64) -> Result<(), AppError> {
    use klimadialog::plan::ActionCode;
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Admin).await?;
    let code = ActionCode::parse(&code).ok_or_else(|| AppError::NotFound.respond())?;
    let now = klimadialog::storage::now();
    if state
        .db
        .reach_milestone(&code, milestone, member.id, now)
        .await?
    {
        state.mail_queued.notify_one();
    }
    leptos_axum::redirect(&format!(
        "/staff/plan/edit?code={}&milestone=reached#milestones",
        crate::url::encode_component(code.as_str())
    ));
    Ok(())
}
