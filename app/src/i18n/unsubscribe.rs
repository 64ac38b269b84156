//! Texts of the stop page (`/afmeld/{key}`), where the link at the bottom of every mail about
//! what a resident follows leads.

pub struct UnsubscribeTexts {
    pub title: &'static str,
    /// Which mails the link stops; the municipality is given.
    pub intro: fn(&str) -> String,
    pub button: &'static str,
    /// Fewer mails rather than none, on the resident's page.
    pub fewer: &'static str,
    pub settings_link: &'static str,
    pub stopped_title: &'static str,
    pub stopped: &'static str,
    pub undo: &'static str,
    pub unknown_title: &'static str,
    pub unknown: &'static str,
}
