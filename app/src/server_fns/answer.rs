//! Staff giving ideas a status and the municipality's official answer. Moderator role or more,
//! checked on the server; the mails to author and supporters are queued with the change.

use crate::error::AppError;
use leptos::prelude::*;

klimadialog::string_enum!(
    /// Why a form on the staff ideas page went back (`error=`, with `idea=`): its server
    /// functions (here and in `merge`) write it, the page reads it.
    StaffIdeasProblem {
        Status => "status",
        AnswerRequired => "answer_required",
        EnglishAlone => "english_alone",
        AnswerInvalid => "answer_invalid",
        MergeTarget => "merge_target",
        Note => "note",
        /// "In the climate plan" before the idea is linked to one of the plan's actions.
        NoAction => "no_action",
    }
);

impl StaffIdeasProblem {
    /// `back` (ending in `?` or `&`) with this problem at idea `idea`.
    pub fn address(self, back: &str, idea: i64) -> String {
        format!("{back}error={}&idea={idea}#idea-{idea}", self.as_str())
    }
}

/// Sets a status with its answer, then goes back to the list (`back`, a `/staff/ideas` address).
/// A refused change goes back with an error key and what was typed in a cookie.
#[server(prefix = "/fn", endpoint = "staff/ideas/status")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "set_idea_status", skip_all)
)]
pub async fn set_idea_status(
    idea: i64,
    status: Option<String>,
    answer_da: Option<String>,
    answer_en: Option<String>,
    back: Option<String>,
) -> Result<(), AppError> {
    use klimadialog::answer::{AnswerError, check_answer};
    use klimadialog::staff::StaffRole;
    use klimadialog::storage::{StatusRefusal, now};

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let back = staff_ideas_back(back);
    let (answer_da, answer_en) = (answer_da.unwrap_or_default(), answer_en.unwrap_or_default());
    let checked = check_answer(status.as_deref().unwrap_or(""), &answer_da, &answer_en);
    let (status, answer) = match checked {
        Ok(ok) => ok,
        Err(error) => {
            let problem = match error {
                AnswerError::Status => StaffIdeasProblem::Status,
                AnswerError::AnswerRequired => StaffIdeasProblem::AnswerRequired,
                AnswerError::EnglishWithoutDanish => StaffIdeasProblem::EnglishAlone,
                AnswerError::Danish(_) | AnswerError::English(_) => {
                    StaffIdeasProblem::AnswerInvalid
                }
            };
            crate::session::keep_typed(&[("answer_da", &answer_da), ("answer_en", &answer_en)]);
            leptos_axum::redirect(&problem.address(&back, idea));
            return Ok(());
        }
    };
    let done = state
        .db
        .answer_idea(
            klimadialog::IdeaId(idea),
            status,
            answer.as_ref(),
            member.id,
            now(),
        )
        .await?;
    match done {
        Ok(_) => {
            state.mail_queued.notify_one();
            leptos_axum::redirect(&format!("{back}done={idea}#idea-{idea}"));
        }
        Err(StatusRefusal::NotPublic) => return Err(AppError::NotFound.respond()),
        Err(StatusRefusal::NoAction) => {
            crate::session::keep_typed(&[("answer_da", &answer_da), ("answer_en", &answer_en)]);
            leptos_axum::redirect(&StaffIdeasProblem::NoAction.address(&back, idea));
        }
    }
    Ok(())
}

/// The `/staff/ideas` address to go back to, without its fragment and ready for one more
/// query parameter (ending in `?` or `&`).
#[cfg(feature = "ssr")]
pub(crate) fn staff_ideas_back(back: Option<String>) -> String {
    let back = back
        .filter(|b| crate::session::is_local_path(b) && b.starts_with("/staff/ideas"))
        .unwrap_or_else(|| "/staff/ideas".to_owned());
    let back = back.split('#').next().unwrap_or("/staff/ideas");
    let glue = if back.contains('?') { '&' } else { '?' };
    format!("{back}{glue}")
}

/// Sets or clears an idea's internal note (staff only, never public), then goes back.
#[server(prefix = "/fn", endpoint = "staff/ideas/note")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "set_staff_note", skip_all)
)]
pub async fn set_staff_note(
    idea: i64,
    note: Option<String>,
    back: Option<String>,
) -> Result<(), AppError> {
    use klimadialog::staff::StaffRole;
    use klimadialog::storage::now;

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let back = staff_ideas_back(back);
    let typed = note.unwrap_or_default();
    let Ok(note) = klimadialog::answer::parse_staff_note(&typed) else {
        crate::session::keep_typed(&[("note", &typed)]);
        leptos_axum::redirect(&StaffIdeasProblem::Note.address(&back, idea));
        return Ok(());
    };
    let note = note.as_deref();
    if !state
        .db
        .set_staff_note(klimadialog::IdeaId(idea), note, member.id, now())
        .await?
    {
        return Err(AppError::NotFound.respond());
    }
    leptos_axum::redirect(&format!("{back}noted={idea}#idea-{idea}"));
    Ok(())
}
