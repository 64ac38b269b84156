//! Residents reporting ideas that break the rules.

use leptos::prelude::*;

use crate::error::AppError;

/// Reports a public idea, then goes back to it with what happened in the address (`report=`)
/// and, when the form was incomplete, what was typed in a cookie, so the form shows it. A visitor who
/// is not signed in is sent to sign in and comes back to the form.
#[server(prefix = "/fn", endpoint = "ideas/report")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "report_idea", skip_all))]
pub async fn report_idea(
    idea: i64,
    reason: Option<String>,
    comment: Option<String>,
) -> Result<(), AppError> {
    use klimadialog::IdeaId;
    use klimadialog::idea::TextError;
    use klimadialog::report::{Report, ReportComment, ReportOutcome, ReportReason};
    use klimadialog::storage::now;

    use crate::session::current_resident;
    use crate::url::encode_component;

    let state = crate::state::app_state()?;
    let here = format!("/ideas/{idea}");
    let Some(resident) = current_resident(&state).await else {
        let next = encode_component(&format!("{here}?report=open#report"));
        leptos_axum::redirect(&format!("/signin?next={next}"));
        return Ok(());
    };
    let comment_text = comment.unwrap_or_default();
    let back_with = |problem: &str, reason: &str| {
        let typed: String = comment_text
            .chars()
            .take(ReportComment::MAX_CHARS + 1)
            .collect();
        crate::session::keep_typed(&[("report_comment", &typed)]);
        leptos_axum::redirect(&format!(
            "{here}?report={problem}&reason={}#report",
            encode_component(reason),
        ));
    };
    let reason_text = reason.unwrap_or_default();
    let Some(reason) = ReportReason::parse(&reason_text) else {
        back_with("reason_missing", "");
        return Ok(());
    };
    let comment = match ReportComment::parse(&comment_text) {
        Ok(comment) => comment,
        Err(TextError::TooLong { .. }) => {
            back_with("comment_too_long", reason.as_str());
            return Ok(());
        }
        Err(_) => {
            back_with("comment_bad", reason.as_str());
            return Ok(());
        }
    };
    let report = Report {
        idea: IdeaId(idea),
        resident,
        reason,
        comment: comment.as_ref(),
    };
    let rule = state.config.report_hiding;
    let outcome =
        klimadialog::report::report_idea(&state.db, &state.limits, report, rule, now()).await?;
    match outcome {
        ReportOutcome::Recorded { .. } => {
            leptos_axum::redirect(&format!("{here}?report=thanks#report"))
        }
        ReportOutcome::AlreadyReported => {
            leptos_axum::redirect(&format!("{here}?report=already#report"))
        }
        ReportOutcome::NotPublic => return Err(AppError::NotFound.respond()),
        ReportOutcome::TooMany { .. } => back_with("too_many", reason.as_str()),
    }
    Ok(())
}
