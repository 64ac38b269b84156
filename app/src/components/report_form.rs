//! "Report this idea" under an idea: a disclosure with a plain form, so it works without
//! JavaScript. What the last post did comes back in the address (`report=`), and what was typed,
//! when something was missing, in a short-lived cookie.

use klimadialog::report::ReportReason;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::params::Params;

use crate::i18n::{reason_name, use_language, use_locale};
use crate::server_fns::report::{ReportIdea, ReportNotice};
use crate::url::{Lenient, encode_component, read_query};

/// What the idea page's address says about the last report post.
#[derive(Params, Debug, Clone, Default, PartialEq)]
struct ReportQuery {
    report: Lenient<ReportNotice>,
    /// The reason chosen, when the form came back.
    reason: Lenient<String>,
}

/// `reported`: this visitor has reported the idea before; `signed_in`: whether the form can
/// be sent at once (otherwise it links to sign-in and back).
#[component]
pub fn ReportForm(idea: i64, signed_in: bool, reported: bool) -> impl IntoView {
    let t = &use_language().report;
    let sent: ReportQuery = read_query();
    let outcome = sent.report.0;
    let typed_reason = sent.reason.0.unwrap_or_default();
    let typed_comment = crate::components::typed_field("report_comment");
    let (reason_error, comment_error, notice) = match outcome {
        Some(ReportNotice::ReasonMissing) => (Some(t.reason_missing), None, None),
        Some(ReportNotice::CommentTooLong) => (None, Some(t.comment_too_long), None),
        Some(ReportNotice::CommentBad) => (None, Some(t.comment_bad), None),
        Some(ReportNotice::TooMany) => (None, None, Some(t.too_many)),
        _ => (None, None, None),
    };
    let open = outcome.is_some();
    let body = if outcome == Some(ReportNotice::Thanks) {
        view! {
            <p class="notice" role="status">
                {t.thanks}
            </p>
        }
        .into_any()
    } else if reported {
        view! { <p>{t.already}</p> }.into_any()
    } else if !signed_in {
        let next = encode_component(&ReportNotice::Open.address(idea));
        view! {
            <p>
                <a href=format!("/signin?next={next}")>{t.sign_in_first}</a>
            </p>
        }
        .into_any()
    } else {
        view! {
            {notice
                .map(|m| {
                    view! {
                        <p class="notice error" role="alert">
                            {m}
                        </p>
                    }
                })}
            <form method="post" action={<ReportIdea as ServerFn>::PATH} class="stack">
                <input type="hidden" name="idea" value=idea />
                {report_fields(ReportFields {
                    prefix: "report".to_owned(),
                    legend: t.why,
                    reasons: ReportReason::ALL,
                    typed_reason,
                    typed_comment,
                    reason_error,
                    comment_error,
                })}
                <button type="submit" class="button secondary">
                    {t.send}
                </button>
            </form>
        }
        .into_any()
    };
    view! {
        <details id="report" class="report" open=open>
            <summary>{t.open}</summary>
            {body}
        </details>
    }
}

/// What a report form's fields show: the reasons to choose from, what was typed when the form
/// came back, and why. `prefix` keeps the ids apart where a page has several forms.
pub(crate) struct ReportFields {
    pub prefix: String,
    pub legend: &'static str,
    pub reasons: &'static [ReportReason],
    pub typed_reason: String,
    pub typed_comment: String,
    pub reason_error: Option<&'static str>,
    pub comment_error: Option<&'static str>,
}

/// A report's reason (one of `reasons`) and optional comment, each with its error in place:
/// shared by the reports of ideas and of arguments.
pub(crate) fn report_fields(fields: ReportFields) -> impl IntoView {
    let t = &use_language().report;
    let locale = use_locale();
    let ReportFields {
        prefix,
        legend,
        reasons,
        typed_reason,
        typed_comment,
        reason_error,
        comment_error,
    } = fields;
    let reason_error_id = format!("{prefix}-reason-error");
    let comment_id = format!("{prefix}-comment");
    let hint_id = format!("{prefix}-comment-hint");
    let comment_error_id = format!("{prefix}-comment-error");
    let choices = reasons
        .iter()
        .map(|reason| {
            let id = format!("{prefix}-{}", reason.as_str());
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name="reason"
                        value=reason.as_str()
                        checked=typed_reason == reason.as_str()
                        aria-describedby=reason_error.map(|_| reason_error_id.clone())
                    />
                    <label for=id>{reason_name(*reason, locale)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{legend}</legend>
            {reason_error
                .map(|m| {
                    view! {
                        <p id=reason_error_id.clone() class="field-error">
                            {m}
                        </p>
                    }
                })}
            {choices}
        </fieldset>
        <div class="field">
            <label for=comment_id.clone()>{t.comment}</label>
            <p id=hint_id.clone() class="hint">
                {t.comment_hint}
            </p>
            {comment_error
                .map(|m| {
                    view! {
                        <p id=comment_error_id.clone() class="field-error">
                            {m}
                        </p>
                    }
                })}
            <textarea
                id=comment_id
                name="comment"
                rows="3"
                maxlength="1000"
                aria-invalid=comment_error.map(|_| "true")
                aria-describedby=if comment_error.is_some() {
                    format!("{comment_error_id} {hint_id}")
                } else {
                    hint_id.clone()
                }
            >
                {crate::components::raw_text(&typed_comment)}
            </textarea>
        </div>
    }
}
