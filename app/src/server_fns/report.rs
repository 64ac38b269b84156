//! Residents reporting ideas that break the rules.

use leptos::prelude::*;

use crate::error::AppError;

klimadialog::string_enum!(
    /// What the last report post did, as the address back to the idea says it (`report=`): the
    /// server function writes it, the report form reads it.
    ReportNotice {
        /// Sent to sign in from the form: open it again on the way back.
        Open => "open",
        Thanks => "thanks",
        Already => "already",
        ReasonMissing => "reason_missing",
        CommentTooLong => "comment_too_long",
        CommentBad => "comment_bad",
        TooMany => "too_many",
    }
);

impl ReportNotice {
    /// The idea's page with this notice at the form.
    pub fn address(self, idea: i64) -> String {
        format!("/ideas/{idea}?report={}#report", self.as_str())
    }
}

/// Keeps a refused report's comment for the form, cut one character over the limit so the
/// form can still say it is too long.
#[cfg(feature = "ssr")]
fn keep_comment(comment: &str) {
    let typed: String = comment
        .chars()
        .take(klimadialog::report::ReportComment::MAX_CHARS + 1)
        .collect();
    crate::session::keep_typed(&[("report_comment", &typed)]);
}

/// A report form's reason (one of `allowed`) and comment, or what to tell the reporter with the
/// reason to keep in the form.
#[cfg(feature = "ssr")]
fn read_report(
    reason: Option<&str>,
    comment: &str,
    allowed: &[klimadialog::report::ReportReason],
) -> Result<
    (
        klimadialog::report::ReportReason,
        Option<klimadialog::report::ReportComment>,
    ),
    (ReportNotice, &'static str),
> {
    use klimadialog::idea::TextError;
    use klimadialog::report::{ReportComment, ReportReason};

    let reason = ReportReason::parse(reason.unwrap_or_default())
        .filter(|reason| allowed.contains(reason))
        .ok_or((ReportNotice::ReasonMissing, ""))?;
    match ReportComment::parse(comment) {
        Ok(comment) => Ok((reason, comment)),
        Err(TextError::TooLong { .. }) => Err((ReportNotice::CommentTooLong, reason.as_str())),
        Err(_) => Err((ReportNotice::CommentBad, reason.as_str())),
    }
}

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
    use klimadialog::report::{Report, ReportOutcome, ReportReason};
    use klimadialog::storage::now;

    use crate::session::current_resident;
    use crate::url::encode_component;

    let state = crate::state::app_state()?;
    let here = format!("/ideas/{idea}");
    let Some(resident) = current_resident(&state).await else {
        let next = encode_component(&ReportNotice::Open.address(idea));
        leptos_axum::redirect(&format!("/signin?next={next}"));
        return Ok(());
    };
    let comment_text = comment.unwrap_or_default();
    let back_with = |problem: ReportNotice, reason: &str| {
        keep_comment(&comment_text);
        leptos_axum::redirect(&format!(
            "{here}?report={}&reason={}#report",
            problem.as_str(),
            encode_component(reason),
        ));
    };
    let (reason, comment) = match read_report(reason.as_deref(), &comment_text, ReportReason::ALL) {
        Ok(read) => read,
        Err((notice, kept)) => {
            back_with(notice, kept);
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
            leptos_axum::redirect(&ReportNotice::Thanks.address(idea))
        }
        ReportOutcome::AlreadyReported => {
            leptos_axum::redirect(&ReportNotice::Already.address(idea))
        }
        ReportOutcome::NotPublic => return Err(AppError::NotFound.respond()),
        ReportOutcome::TooMany { .. } => back_with(ReportNotice::TooMany, reason.as_str()),
    }
    Ok(())
}

/// The idea page's address at one argument, with what the last report of it did.
pub fn argument_report_address(idea: i64, argument: i64, notice: ReportNotice) -> String {
    format!(
        "/ideas/{idea}?report_argument={argument}&argument_report={}#argument-{argument}",
        notice.as_str()
    )
}

/// Reports an argument or reply under a public idea, as ideas are reported: one report per
/// resident, a reason, an optional comment; back to the argument with what happened
/// (`argument_report=`) and, when the form was incomplete, what was typed.
#[server(prefix = "/fn", endpoint = "ideas/argument/report")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "report_argument", skip_all)
)]
pub async fn report_argument(
    idea: i64,
    argument: i64,
    reason: Option<String>,
    comment: Option<String>,
) -> Result<(), AppError> {
    use klimadialog::IdeaId;
    use klimadialog::argument::ArgumentId;
    use klimadialog::argument_moderation::ArgumentReport;
    use klimadialog::report::ReportOutcome;
    use klimadialog::storage::now;

    use crate::session::current_resident;
    use crate::url::encode_component;

    let state = crate::state::app_state()?;
    let Some(resident) = current_resident(&state).await else {
        let next = encode_component(&argument_report_address(idea, argument, ReportNotice::Open));
        leptos_axum::redirect(&format!("/signin?next={next}"));
        return Ok(());
    };
    let comment_text = comment.unwrap_or_default();
    let back_with = |problem: ReportNotice, reason: &str| {
        keep_comment(&comment_text);
        leptos_axum::redirect(&format!(
            "/ideas/{idea}?report_argument={argument}&argument_report={}&reason={}\
             #argument-{argument}",
            problem.as_str(),
            encode_component(reason),
        ));
    };
    let (reason, comment) = match read_report(
        reason.as_deref(),
        &comment_text,
        klimadialog::argument_moderation::REPORT_REASONS,
    ) {
        Ok(read) => read,
        Err((notice, kept)) => {
            back_with(notice, kept);
            return Ok(());
        }
    };
    let report = ArgumentReport {
        idea: IdeaId(idea),
        argument: ArgumentId(argument),
        resident,
        reason,
        comment: comment.as_ref(),
    };
    let rule = state.config.report_hiding;
    let outcome = klimadialog::argument_moderation::report_argument(
        &state.db,
        &state.limits,
        report,
        rule,
        now(),
    )
    .await?;
    let done = |notice| leptos_axum::redirect(&argument_report_address(idea, argument, notice));
    match outcome {
        ReportOutcome::Recorded { .. } => done(ReportNotice::Thanks),
        ReportOutcome::AlreadyReported => done(ReportNotice::Already),
        ReportOutcome::NotPublic => return Err(AppError::NotFound.respond()),
        ReportOutcome::TooMany { .. } => back_with(ReportNotice::TooMany, reason.as_str()),
    }
    Ok(())
}
