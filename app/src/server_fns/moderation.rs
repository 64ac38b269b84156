//! The moderation queue and moderators' actions. Moderator role, checked on the server.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

klimadialog::string_enum!(
    /// Why a moderation form went back (`error=`): written by the server functions, read by
    /// the moderation page.
    ModerationProblem {
        /// Rejecting or hiding needs a reason.
        Reason => "reason",
        /// The idea changed meanwhile (someone else moderated it).
        NotNow => "not_now",
        Title => "title",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueEntry {
    pub id: i64,
    pub title: String,
    pub description: String,
    /// The language the title and description are written in.
    pub language: klimadialog::Locale,
    pub area_name: String,
    pub state: klimadialog::ModerationState,
    pub created_at: klimadialog::time::Timestamp,
    pub open_reports: i64,
    /// The open reports' reasons and comments, oldest first.
    pub reports: Vec<(klimadialog::report::ReportReason, Option<String>)>,
    pub hidden_by_reports: bool,
    /// `sector:<key>` or `theme:<key>`, as the correction form's select writes it.
    pub category: String,
    pub area_slug: String,
    /// The author's title, when a moderator has corrected it.
    pub original_title: Option<String>,
}

/// The queue (new and reported ideas) and the withheld ideas (hidden or rejected).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModerationPage {
    pub queue: Vec<QueueEntry>,
    /// The whole queue's length; the page shows the oldest `QUEUE_SHOWN`.
    pub waiting: i64,
    pub withheld: Vec<QueueEntry>,
    /// Arguments waiting for a moderator (new under approval, or reported), oldest first.
    pub arguments: Vec<klimadialog::argument_moderation::QueuedArgument>,
    /// All waiting arguments; the page shows the oldest `QUEUE_SHOWN`.
    pub arguments_waiting: i64,
    /// For the correction form: areas, sectors and themes.
    pub areas: Vec<super::propose::Choice>,
    pub sectors: Vec<super::propose::Choice>,
    pub themes: Vec<super::propose::Choice>,
}

/// How much of the queue one page shows, oldest first.
pub const QUEUE_SHOWN: i64 = 200;

#[server(prefix = "/fn", endpoint = "staff/moderation/queue")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "load_queue", skip_all))]
pub async fn load_queue() -> Result<ModerationPage, AppError> {
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let mut queue = entries(state.db.moderation_queue(QUEUE_SHOWN).await?);
    let ids: Vec<i64> = queue.iter().map(|e| e.id).collect();
    for report in state.db.open_reports_of(&ids).await? {
        let Some(reason) = klimadialog::report::ReportReason::parse(&report.reason) else {
            continue;
        };
        if let Some(entry) = queue.iter_mut().find(|e| e.id == report.idea_id) {
            entry.reports.push((reason, report.comment));
        }
    }
    let ids: Vec<klimadialog::IdeaId> = ids.into_iter().map(klimadialog::IdeaId).collect();
    for (id, original) in state.db.original_titles(&ids).await? {
        if let Some(entry) = queue.iter_mut().find(|e| e.id == id.0) {
            entry.original_title = Some(original);
        }
    }
    let (areas, sectors, themes) = super::reference_choices(&state).await?;
    Ok(ModerationPage {
        waiting: state.db.moderation_queue_count().await?,
        queue,
        withheld: entries(state.db.withheld_ideas(200).await?),
        arguments: state.db.argument_queue(QUEUE_SHOWN).await?,
        arguments_waiting: state.db.argument_queue_count().await?,
        areas,
        sectors,
        themes,
    })
}

#[cfg(feature = "ssr")]
fn entries(items: Vec<klimadialog::storage::QueueItem>) -> Vec<QueueEntry> {
    items
        .into_iter()
        .filter_map(|item| {
            Some(QueueEntry {
                state: klimadialog::ModerationState::parse(&item.moderation_state)?,
                id: item.id,
                title: item.title,
                description: item.description,
                language: klimadialog::Locale::from_tag(&item.language).unwrap_or_default(),
                area_name: item.area_name,
                created_at: klimadialog::time::Timestamp(item.created_at),
                open_reports: item.open_reports,
                reports: Vec::new(),
                hidden_by_reports: item.moderation_reason.as_deref()
                    == Some(klimadialog::report::AUTO_HIDE_REASON),
                category: match (&item.sector_key, &item.theme_key) {
                    (Some(sector), _) => format!("sector:{sector}"),
                    (_, Some(theme)) => format!("theme:{theme}"),
                    _ => String::new(),
                },
                area_slug: item.area_slug,
                original_title: None,
            })
        })
        .collect()
}

/// Approves, rejects, hides or restores an idea, then goes back to the queue. Rejecting and
/// hiding need a reason, which the author will read.
#[server(prefix = "/fn", endpoint = "staff/moderation/act")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "moderate_idea", skip_all))]
pub async fn moderate_idea(
    idea: i64,
    action: String,
    reason: Option<String>,
) -> Result<(), AppError> {
    use klimadialog::staff::StaffRole;
    use klimadialog::storage::{Refusal, now};
    use klimadialog::{IdeaId, ModerationAction};

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let Some(action) = ModerationAction::parse(&action) else {
        return Err(AppError::BadRequest.respond());
    };
    let reason: Option<String> = reason
        .map(|r| r.trim().chars().take(1000).collect::<String>())
        .filter(|r| !r.is_empty());
    if action.needs_reason() && reason.is_none() {
        leptos_axum::redirect(&format!(
            "/staff/moderation?error={}&idea={idea}#idea-{idea}",
            ModerationProblem::Reason.as_str()
        ));
        return Ok(());
    }
    let done = state
        .db
        .moderate(IdeaId(idea), action, reason.as_deref(), member.id, now())
        .await?;
    match done {
        Ok(_) => leptos_axum::redirect(&format!("/staff/moderation?done={}", action.as_str())),
        Err(Refusal::NoSuchIdea) => return Err(AppError::NotFound.respond()),
        Err(Refusal::NotNow) => leptos_axum::redirect(&format!(
            "/staff/moderation?error={}",
            ModerationProblem::NotNow.as_str()
        )),
    }
    Ok(())
}

/// Corrects an idea's title, kind and sector or theme, or area. The author's version stays in
/// the audit log; the queue shows the original title next to the corrected one.
#[server(prefix = "/fn", endpoint = "staff/moderation/correct")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "correct_idea", skip_all))]
pub async fn correct_idea(
    idea: i64,
    title: String,
    category: String,
    area: String,
) -> Result<(), AppError> {
    use klimadialog::staff::StaffRole;
    use klimadialog::storage::{Correction, CorrectionRefusal, now};
    use klimadialog::{Category, IdeaId, IdeaTitle};

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let Ok(title) = IdeaTitle::parse(&title) else {
        leptos_axum::redirect(&format!(
            "/staff/moderation?error={}&idea={idea}#idea-{idea}",
            ModerationProblem::Title.as_str()
        ));
        return Ok(());
    };
    let Some(category) = Category::parse_choice(&category) else {
        return Err(AppError::BadRequest.respond());
    };
    let areas = state.db.list_areas().await?;
    let Some(area) = areas.iter().find(|a| a.slug.as_str() == area) else {
        return Err(AppError::BadRequest.respond());
    };
    let correction = Correction {
        title: Some(title),
        category: Some(category),
        area: Some(area.id),
    };
    match state
        .db
        .correct_idea(IdeaId(idea), &correction, member.id, now())
        .await?
    {
        Ok(()) => leptos_axum::redirect(&format!("/staff/moderation?done=correct#idea-{idea}")),
        Err(CorrectionRefusal::Unchanged) => {
            leptos_axum::redirect(&format!("/staff/moderation#idea-{idea}"))
        }
        Err(CorrectionRefusal::NoSuchIdea) => return Err(AppError::NotFound.respond()),
        Err(CorrectionRefusal::NoSuchArea | CorrectionRefusal::NoSuchCategory) => {
            return Err(AppError::BadRequest.respond());
        }
    }
    Ok(())
}
