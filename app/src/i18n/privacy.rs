//! The privacy notice (GDPR art. 13): who is responsible, what is kept and why, who sees it,
//! for how long, and the resident's rights. The periods come from `klimadialog::retention`, the
//! same constants the code deletes by.

use klimadialog::retention::in_days_or_hours;

pub struct PrivacyTexts {
    pub nav: &'static str,
    pub title: &'static str,
    /// The municipality is the controller.
    pub intro: fn(&str) -> String,
    pub contact_heading: &'static str,
    /// The data protection officer, by e-mail when configured, else through the website.
    pub dpo_email: fn(&str, &str) -> String,
    pub dpo_website: fn(&str) -> String,
    pub purposes_heading: &'static str,
    pub purposes: [&'static str; 5],
    pub basis_heading: &'static str,
    pub basis: &'static str,
    pub data_heading: &'static str,
    pub data: [&'static str; 6],
    pub who_heading: &'static str,
    pub who: [&'static str; 3],
    pub kept_heading: &'static str,
    /// (what, for how long in seconds), the periods the code deletes by.
    pub kept: [(&'static str, i64); 7],
    pub kept_until_deleted: &'static str,
    pub rights_heading: &'static str,
    pub rights: &'static str,
    pub rights_me: &'static str,
    pub complaint_heading: &'static str,
    pub complaint: &'static str,
    /// "{n} days" / "{n} hours".
    pub days: fn(i64) -> String,
    pub hours: fn(i64) -> String,
}

impl PrivacyTexts {
    /// A retention period as this language says it.
    pub fn period(&self, seconds: i64) -> String {
        match in_days_or_hours(seconds) {
            (n, true) => (self.days)(n),
            (n, false) => (self.hours)(n),
        }
    }
}
