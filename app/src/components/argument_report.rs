//! "Report" on an argument: a link under each resident's words that opens the report form in
//! place (`?report_argument=<id>`), so a page of 20 arguments carries 20 links rather than 20
//! forms. The form is a plain one and works without JavaScript; what the post did comes back
//! in the address (`argument_report=`), and what was typed in a short-lived cookie.

use klimadialog::report::ReportReason;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::params::Params;

use crate::i18n::{reason_name, use_language, use_locale};
use crate::server_fns::report::{ReportArgument, ReportNotice, argument_report_address};
use crate::url::{Lenient, encode_component, read_query};

/// What the idea page's address says about reporting an argument.
#[derive(Params, Debug, Clone, Default, PartialEq)]
struct ArgumentReportQuery {
    report_argument: Lenient<i64>,
    argument_report: Lenient<ReportNotice>,
    /// The reason chosen, when the form came back.
    reason: Lenient<String>,
}

/// Residents may report words of other residents; the municipality's replies and hidden or
/// deleted words have nothing to report.
#[component]
pub fn ArgumentReport(idea: i64, argument: i64, signed_in: bool) -> impl IntoView {
    let t = &use_language().argument;
    let asked: ArgumentReportQuery = read_query();
    if asked.report_argument.0 != Some(argument) {
        let href = if signed_in {
            format!("/ideas/{idea}?report_argument={argument}#argument-{argument}")
        } else {
            let back = argument_report_address(idea, argument, ReportNotice::Open);
            format!("/signin?next={}", encode_component(&back))
        };
        return view! {
            <p class="argument-report">
                <a href=href rel="nofollow">
                    {t.report}
                </a>
            </p>
        }
        .into_any();
    }
    let close = format!("/ideas/{idea}#argument-{argument}");
    let body = match asked.argument_report.0 {
        Some(ReportNotice::Thanks) => view! {
            <p class="notice" role="status">
                {t.report_thanks}
            </p>
        }
        .into_any(),
        Some(ReportNotice::Already) => view! {
            <p class="notice" role="status">
                {t.report_already}
            </p>
        }
        .into_any(),
        notice => view! { <ReportArgumentForm idea argument notice close /> }.into_any(),
    };
    view! { <div class="argument-report stack">{body}</div> }.into_any()
}

#[component]
fn ReportArgumentForm(
    idea: i64,
    argument: i64,
    notice: Option<ReportNotice>,
    close: String,
) -> impl IntoView {
    let t = &use_language().argument;
    let r = &use_language().report;
    let locale = use_locale();
    let asked: ArgumentReportQuery = read_query();
    let typed_reason = asked.reason.0.unwrap_or_default();
    let typed_comment = crate::components::typed_field("report_comment");
    let (reason_error, comment_error, general) = match notice {
        Some(ReportNotice::ReasonMissing) => (Some(t.report_reason_missing), None, None),
        Some(ReportNotice::CommentTooLong) => (None, Some(r.comment_too_long), None),
        Some(ReportNotice::CommentBad) => (None, Some(r.comment_bad), None),
        Some(ReportNotice::TooMany) => (None, None, Some(r.too_many)),
        _ => (None, None, None),
    };
    let prefix = format!("report-{argument}");
    let reason_error_id = format!("{prefix}-reason-error");
    let comment_id = format!("{prefix}-comment");
    let comment_hint = format!("{prefix}-comment-hint");
    let comment_error_id = format!("{prefix}-comment-error");
    // An argument is never a duplicate idea: that reason is for ideas only.
    let reasons = ReportReason::ALL
        .iter()
        .filter(|reason| **reason != ReportReason::Duplicate)
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
        {general
            .map(|m| {
                view! {
                    <p class="notice error" role="alert">
                        {m}
                    </p>
                }
            })}
        <form method="post" action={<ReportArgument as ServerFn>::PATH} class="stack">
            <input type="hidden" name="idea" value=idea />
            <input type="hidden" name="argument" value=argument />
            <fieldset>
                <legend>{t.report_why}</legend>
                {reason_error
                    .map(|m| {
                        view! {
                            <p class="field-error" id=reason_error_id.clone()>
                                {m}
                            </p>
                        }
                    })}
                {reasons}
            </fieldset>
            <div class="field">
                <label for=comment_id.clone()>{r.comment}</label>
                <p class="hint" id=comment_hint.clone()>
                    {r.comment_hint}
                </p>
                {comment_error
                    .map(|m| {
                        view! {
                            <p class="field-error" id=comment_error_id.clone()>
                                {m}
                            </p>
                        }
                    })}
                <textarea
                    id=comment_id
                    name="comment"
                    rows="3"
                    maxlength="1000"
                    aria-describedby=if comment_error.is_some() {
                        format!("{comment_hint} {comment_error_id}")
                    } else {
                        comment_hint.clone()
                    }
                    aria-invalid=comment_error.map(|_| "true")
                >
                    {crate::components::raw_text(&typed_comment)}
                </textarea>
            </div>
            <p class="inline-list">
                <button type="submit" class="button secondary">
                    {r.send}
                </button>
                " "
                <a href=close>{t.report_cancel}</a>
            </p>
        </form>
    }
}
