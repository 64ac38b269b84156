//! Texts of reporting an idea (residents) and of reading reports (moderators).

use klimadialog::Locale;
use klimadialog::report::ReportReason;

pub struct ReportTexts {
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

pub static DA: ReportTexts = ReportTexts {
    open: "Anmeld idéen",
    why: "Hvorfor skal en moderator se på idéen?",
    comment: "Kommentar (valgfri)",
    comment_hint: "Højst 1.000 tegn. Moderatorerne ser ikke, hvem der har anmeldt.",
    send: "Send anmeldelse",
    sign_in_first: "Log ind for at anmelde en idé.",
    thanks: "Tak. En moderator ser på idéen.",
    already: "Du har anmeldt denne idé. En moderator ser på den.",
    reason_missing: "Vælg, hvorfor du anmelder idéen.",
    comment_too_long: "Kommentaren må højst være 1.000 tegn.",
    comment_bad: "Kommentaren indeholder tegn, der ikke kan gemmes.",
    too_many: "Du har sendt mange anmeldelser på kort tid. Prøv igen senere.",
    hidden_by_reports: "Din idé er skjult, fordi flere borgere har anmeldt den. En moderator ser på den snarest.",
};

pub static EN: ReportTexts = ReportTexts {
    open: "Report this idea",
    why: "Why should a moderator look at this idea?",
    comment: "Comment (optional)",
    comment_hint: "At most 1,000 characters. Moderators do not see who reported.",
    send: "Send report",
    sign_in_first: "Sign in to report an idea.",
    thanks: "Thank you. A moderator will look at the idea.",
    already: "You have reported this idea. A moderator will look at it.",
    reason_missing: "Choose why you are reporting the idea.",
    comment_too_long: "The comment can be at most 1,000 characters.",
    comment_bad: "The comment contains characters that cannot be stored.",
    too_many: "You have sent many reports in a short time. Try again later.",
    hidden_by_reports: "Your idea is hidden because several residents reported it. A moderator will look at it soon.",
};

pub fn report_texts(locale: Locale) -> &'static ReportTexts {
    match locale {
        Locale::Da => &DA,
        Locale::En => &EN,
    }
}

pub fn reason_name(reason: ReportReason, locale: Locale) -> &'static str {
    use ReportReason::*;
    match (reason, locale) {
        (Spam, Locale::Da) => "Spam eller reklame",
        (Spam, Locale::En) => "Spam or advertising",
        (Offensive, Locale::Da) => "Krænkende eller stødende",
        (Offensive, Locale::En) => "Abusive or offensive",
        (OffTopic, Locale::Da) => "Handler ikke om klimaplanen",
        (OffTopic, Locale::En) => "Not about the climate plan",
        (Duplicate, Locale::Da) => "Findes allerede som en anden idé",
        (Duplicate, Locale::En) => "Already exists as another idea",
        (Other, Locale::Da) => "Andet",
        (Other, Locale::En) => "Something else",
    }
}
