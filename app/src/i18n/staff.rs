//! Texts of the staff pages.

use klimadialog::Locale;

pub struct StaffTexts {
    pub login_title: &'static str,
    pub username: &'static str,
    pub password: &'static str,
    pub log_in: &'static str,
    pub log_out: &'static str,
    /// Also what a locked account is told, so names cannot be probed: it says locks exist.
    pub bad_credentials: &'static str,
    pub too_many: &'static str,
    pub dashboard_title: &'static str,
    pub signed_in_as: fn(&str, &str) -> String,
    pub waiting: &'static str,
    pub hidden: &'static str,
    pub per_status: &'static str,
    pub forbidden_title: &'static str,
    pub forbidden_text: &'static str,
    pub role_moderator: &'static str,
    pub role_admin: &'static str,
    pub moderation_title: &'static str,
    pub queue_empty: &'static str,
    pub reports: fn(i64) -> String,
    pub reason_label: &'static str,
    pub approve: &'static str,
    pub reject: &'static str,
    pub hide: &'static str,
    pub done: &'static str,
    pub reason_missing: &'static str,
    pub not_now: &'static str,
    pub withheld: &'static str,
    pub restore: &'static str,
    pub keep: &'static str,
    pub open_reports: &'static str,
    pub hidden_by_reports: &'static str,
    pub correct: &'static str,
    pub title_label: &'static str,
    pub category_label: &'static str,
    pub sectors: &'static str,
    pub themes: &'static str,
    pub area_label: &'static str,
    pub save_correction: &'static str,
    pub original_title: fn(&str) -> String,
    pub title_invalid: &'static str,
    pub reported: &'static str,
    pub mails_waiting: &'static str,
    /// Shown to staff when the site has no mail server.
    pub mail_not_sent: &'static str,
    pub recent: &'static str,
    pub system: &'static str,
}

pub fn staff_texts(locale: Locale) -> &'static StaffTexts {
    &super::language(locale).staff
}
