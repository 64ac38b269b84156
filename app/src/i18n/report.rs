//! Texts of reporting an idea (residents) and of reading reports (moderators).

use klimadialog::Locale;
use klimadialog::report::ReportReason;

pub struct ReportTexts {
    pub reason_name: fn(ReportReason) -> &'static str,
    pub open: &'static str,
    pub why: &'static str,
    pub comment: &'static str,
    pub comment_hint: &'static str,
    pub send: &'static str,
    pub sign_in_first: &'static str,
    pub thanks: &'static str,
    pub already: &'static str,
    pub reason_missing: &'static str,
    pub comment_too_long: &'static str,
    pub comment_bad: &'static str,
    pub too_many: &'static str,
    /// What the author of an idea that reports hid is told.
    pub hidden_by_reports: &'static str,
}

pub fn reason_name(reason: ReportReason, locale: Locale) -> &'static str {
    (super::language(locale).report.reason_name)(reason)
}
