//! The accessibility page. Danish law (webtilgængelighedsloven) wants the statement made in
//! Digitaliseringsstyrelsen's WAS-Tool; when the municipality has published it there, this page
//! is the evidence behind it: what is tested on every change, the known exceptions, and the
//! phone and written contact. Without it, the page is the statement.

pub struct AccessibilityTexts {
    /// The page's title when the statement lives in WAS-Tool.
    pub evidence_title: &'static str,
    /// Where the official statement is, and what this page is then.
    pub official: fn(&str) -> String,
    pub official_link: &'static str,
    pub evidence_intro: &'static str,
    pub intro: fn(&str) -> String,
    pub status_heading: &'static str,
    pub status_text: &'static str,
    pub tested_heading: &'static str,
    pub tested: [&'static str; 6],
    pub limits_heading: &'static str,
    pub limits: [&'static str; 3],
    pub feedback_heading: &'static str,
    pub feedback_text: fn(&str) -> String,
    pub feedback_phone: &'static str,
    pub feedback_email: &'static str,
    pub feedback_website: &'static str,
    pub complaint_heading: &'static str,
    pub complaint_text: &'static str,
    pub reviewed: fn(&str) -> String,
}
