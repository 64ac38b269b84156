//! Texts of the debate under an idea: arguments, replies and "helpful" marks.

use klimadialog::argument::{
    ArgumentCounts, ArgumentProblem, DebateRule, StaffDebateProblem, Stance,
};

pub struct ArgumentTexts {
    pub heading: &'static str,
    /// "12 indlæg: 8 for, 3 imod, 1 spørgsmål", or that there are none yet.
    pub summary: fn(ArgumentCounts) -> String,
    /// A stance's short name, as its badge and filter say it.
    pub stance_name: fn(Stance) -> &'static str,
    /// A stance as the writer chooses it: "Jeg er for idéen".
    pub stance_choice: fn(Stance) -> &'static str,
    pub stance_legend: &'static str,
    pub text_label: &'static str,
    /// The limits of a post, under its field.
    pub text_hint: &'static str,
    pub send: &'static str,
    pub reply: &'static str,
    pub reply_label: &'static str,
    pub send_reply: &'static str,
    pub sign_in: &'static str,
    /// Under the form for a visitor who is not signed in.
    pub signed_out_hint: &'static str,
    /// Above a form filled with what the visitor typed before signing in.
    pub draft_waiting: &'static str,
    pub show: &'static str,
    pub all: &'static str,
    pub order: &'static str,
    pub order_helpful: &'static str,
    pub order_newest: &'static str,
    /// The helpful button: "Nyttigt (3)".
    pub helpful: fn(i64) -> String,
    pub resident: &'static str,
    pub former: &'static str,
    /// "Slettet af forfatteren den 3. december 2026."
    pub deleted: fn(&str) -> String,
    /// "Skjult af en moderator den 3. december 2026: Personangreb."
    pub hidden: fn(&str, &str) -> String,
    pub edited: &'static str,
    pub posted: &'static str,
    pub edit: &'static str,
    pub edit_label: &'static str,
    pub save_edit: &'static str,
    pub edited_done: &'static str,
    pub delete: &'static str,
    pub deleted_done: &'static str,
    pub none: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub error: fn(ArgumentProblem) -> &'static str,
    /// A municipality's reply is marked with this.
    pub official: &'static str,
    /// "Debatten blev lukket den 3. december 2026."
    pub closed: fn(&str) -> String,
    pub conclusion: &'static str,
    // The debate rules page, `/debatregler`.
    pub rules_title: &'static str,
    pub rules_intro: fn(&str) -> String,
    pub rules_after: &'static str,
    /// The link to the rules from the footer and the forms.
    pub rules_link: &'static str,
    pub rule_name: fn(DebateRule) -> &'static str,
    pub rule_text: fn(DebateRule) -> &'static str,
    // Staff, on an idea's staff page.
    pub staff_intro: &'static str,
    pub hidden_mark: &'static str,
    pub hide: &'static str,
    pub restore: &'static str,
    pub rule_label: &'static str,
    pub rule_choose: &'static str,
    pub reply_as: &'static str,
    pub reply_as_label: &'static str,
    pub close: &'static str,
    pub close_hint: &'static str,
    pub reopen: &'static str,
    pub staff_done: &'static str,
    pub staff_error: fn(StaffDebateProblem) -> &'static str,
    /// In place of words residents' reports hid: "Skjult den 3. december 2026, …".
    pub hidden_by_reports: fn(&str) -> String,
    /// Above the author's own words while they wait for approval.
    pub waiting: &'static str,
    /// After posting, when arguments wait for approval.
    pub posted_waiting: &'static str,
    /// On the rules page: what reports do, and (when the site has it) approval first.
    pub rules_reports: &'static str,
    pub rules_approval: &'static str,
    // Residents reporting an argument.
    pub report: &'static str,
    pub report_why: &'static str,
    pub report_thanks: &'static str,
    pub report_already: &'static str,
    pub report_reason_missing: &'static str,
    pub report_cancel: &'static str,
    // Staff: the queue and the marks on waiting or reported arguments.
    pub hidden_by_reports_mark: &'static str,
    pub waiting_mark: &'static str,
    pub approve: &'static str,
    pub keep: &'static str,
    pub department_label: &'static str,
    pub department_hint: &'static str,
    pub queue_heading: &'static str,
    pub queue_intro: &'static str,
    pub queue_none: &'static str,
    /// "Under idéen: …".
    pub queue_under: &'static str,
    /// "3 anmeldelser", by CLDR plural rules.
    pub queue_reports: fn(i64) -> String,
    /// "Viser de ældste 200 af 250."
    pub queue_more: fn(i64, i64) -> String,
    pub queue_done: &'static str,
}
