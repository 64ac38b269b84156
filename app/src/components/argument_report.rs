//! "Report" on an argument: a link under each resident's words that opens the report form in
//! place (`?report_argument=<id>`), so a page of 20 arguments carries 20 links rather than 20
//! forms. The form is a plain one and works without JavaScript; what the post did comes back
//! in the address (`argument_report=`), and what was typed in a short-lived cookie.

use klimadialog::argument_moderation::REPORT_REASONS;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::params::Params;

use crate::components::report_form::{ReportFields, report_fields};
use crate::i18n::use_language;
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
            {report_fields(ReportFields {
                prefix: format!("report-{argument}"),
                legend: t.report_why,
                reasons: REPORT_REASONS,
                typed_reason,
                typed_comment,
                reason_error,
                comment_error,
            })}
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
