//! Staff in an idea's debate: reading every argument, deciding on reported or waiting ones,
//! replying as the municipality and closing the debate. Moderator role, checked on the server;
//! the rules are the core's, in `klimadialog::argument_moderation`.

use leptos::prelude::*;

use crate::error::AppError;

/// An idea's arguments for staff: every one, hidden ones with their words.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StaffDebate {
    pub arguments: Vec<klimadialog::argument::StaffArgument>,
    pub closed: Option<(klimadialog::time::Timestamp, String)>,
    /// The department this staff member named in their last reply, to start the next with.
    pub department: Option<String>,
}

/// The debate of one idea as staff moderate it.
#[server(prefix = "/fn", endpoint = "staff/debate")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "load_staff_debate", skip_all)
)]
pub async fn load_staff_debate(idea: i64) -> Result<StaffDebate, AppError> {
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let id = klimadialog::IdeaId(idea);
    let arguments = state.db.staff_arguments(id).await?;
    let closed = state
        .db
        .debate(
            id,
            None,
            klimadialog::argument::ArgumentOrder::Newest,
            None,
            1,
        )
        .await?
        .and_then(|d| d.closed);
    let department = state.db.last_department(member.id).await?;
    Ok(StaffDebate {
        arguments,
        closed,
        department,
    })
}

/// The idea's staff page at its debate, with what the last form did.
#[cfg(feature = "ssr")]
fn back_to_debate(idea: i64, problem: Option<klimadialog::argument::StaffDebateProblem>) {
    let query = match problem {
        Some(problem) => format!("debate_error={}", problem.as_str()),
        None => "debate=done".to_owned(),
    };
    leptos_axum::redirect(&format!("/staff/ideas/{idea}?{query}#debate"));
}

/// A moderator's decision on an argument: `action=hide` with the debate `rule` it broke, or
/// `publish` (approve, keep after reports, restore). Back to the idea's staff page, or to the
/// moderation queue when the form was there (`from=queue`).
#[server(prefix = "/fn", endpoint = "staff/debate/moderate")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "moderate_argument", skip_all)
)]
pub async fn moderate_argument(
    idea: i64,
    argument: i64,
    action: String,
    rule: Option<String>,
    from: Option<String>,
) -> Result<(), AppError> {
    use klimadialog::argument::{ArgumentId, StaffDebateProblem};
    use klimadialog::argument_moderation::Decision;
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let to_queue = from.as_deref() == Some("queue");
    let back = |problem: Option<StaffDebateProblem>| {
        if to_queue {
            let query = problem.map_or_else(
                || "done=argument".to_owned(),
                |p| format!("debate_error={}", p.as_str()),
            );
            leptos_axum::redirect(&format!("/staff/moderation?{query}#argument-{argument}"));
        } else {
            back_to_debate(idea, problem);
        }
    };
    let Some(decision) = Decision::read(&action, rule.as_deref()) else {
        back(Some(StaffDebateProblem::RuleMissing));
        return Ok(());
    };
    let done = state
        .db
        .decide_argument(
            ArgumentId(argument),
            decision,
            member.id,
            klimadialog::storage::now(),
        )
        .await?;
    if done.is_some() && matches!(decision, Decision::Hide(_)) {
        // The author's mail is queued with the decision; send it now rather than at the next poll.
        state.mail_queued.notify_one();
    }
    back(done.is_none().then_some(StaffDebateProblem::NotFound));
    Ok(())
}

/// Staff reply to an argument as the municipality.
#[server(prefix = "/fn", endpoint = "staff/debate/reply")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "reply_as_municipality", skip_all)
)]
pub async fn reply_as_municipality(
    idea: i64,
    reply_to: i64,
    text: String,
    department: Option<String>,
) -> Result<(), AppError> {
    use klimadialog::argument::{ArgumentId, ArgumentText, StaffDebateProblem};
    use klimadialog::argument_moderation::Department;
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let department_typed = department.unwrap_or_default();
    let (Ok(text), Ok(department)) = (
        ArgumentText::parse(&text),
        Department::parse(&department_typed),
    ) else {
        crate::session::keep_typed(&[
            ("municipality_reply", &text),
            ("department", &department_typed),
        ]);
        leptos_axum::redirect(&format!(
            "/staff/ideas/{idea}?debate_error={}&reply_to={reply_to}#argument-{reply_to}",
            StaffDebateProblem::ReplyInvalid.as_str()
        ));
        return Ok(());
    };
    let done = state
        .db
        .reply_as_municipality(
            klimadialog::IdeaId(idea),
            ArgumentId(reply_to),
            &text,
            department.as_ref(),
            member.id,
            klimadialog::storage::now(),
        )
        .await?;
    back_to_debate(idea, done.is_none().then_some(StaffDebateProblem::NotFound));
    Ok(())
}

/// Closes the idea's debate with a conclusion (`close=true`), or opens it again.
#[server(prefix = "/fn", endpoint = "staff/debate/close")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "close_debate", skip_all))]
pub async fn close_debate(
    idea: i64,
    close: bool,
    conclusion: Option<String>,
) -> Result<(), AppError> {
    use klimadialog::argument::Conclusion;
    use klimadialog::staff::StaffRole;

    let state = crate::state::app_state()?;
    let member = crate::session::require_staff(&state, StaffRole::Moderator).await?;
    let conclusion = if close {
        match Conclusion::parse(conclusion.as_deref().unwrap_or("")) {
            Ok(conclusion) => Some(conclusion),
            Err(problem) => {
                let typed = conclusion.unwrap_or_default();
                crate::session::keep_typed(&[("conclusion", &typed)]);
                back_to_debate(idea, Some(problem));
                return Ok(());
            }
        }
    } else {
        None
    };
    let done = state
        .db
        .close_debate(
            klimadialog::IdeaId(idea),
            conclusion.as_ref(),
            member.id,
            klimadialog::storage::now(),
        )
        .await?;
    if !done {
        return Err(AppError::NotFound.respond());
    }
    back_to_debate(idea, None);
    Ok(())
}
