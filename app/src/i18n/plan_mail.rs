//! The mail that tells the residents behind an action that it got a new status or reached a
//! milestone: which action, what happened, which of their ideas are part of it, and where to
//! follow it. In the recipient's language alone, from the municipality.

use klimadialog::Locale;
use klimadialog::plan::ActionStatus;

/// What happened to the action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanChange<'a> {
    Status(ActionStatus),
    /// The milestone's title.
    Milestone(&'a str),
}

/// What a plan mail needs to say.
pub struct PlanMail<'a> {
    pub code: &'a str,
    /// The action's title in the recipient's language where there is one.
    pub title: &'a str,
    pub change: PlanChange<'a>,
    /// The recipient's ideas in the action: title and link.
    pub ideas: &'a [(String, String)],
    /// The action's page.
    pub link: &'a str,
    /// The mail settings on the resident's page.
    pub me_link: &'a str,
    pub municipality: &'a str,
}

/// Subject and plain-text body, in `locale`.
pub fn plan_mail(mail: &PlanMail<'_>, locale: Locale) -> (String, String) {
    let language = super::language(locale);
    let what = match mail.change {
        PlanChange::Status(status) => (language.plan.status_name)(status).to_lowercase(),
        PlanChange::Milestone(title) => title.to_owned(),
    };
    (language.plan_mail)(mail, &what)
}
