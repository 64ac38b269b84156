//! The mail that tells an idea's author and supporters its status changed: in the recipient's
//! language alone, from the municipality, saying why it came and how to stop such mails.

use klimadialog::{Locale, PublicStatus};

/// What a status mail needs to say.
pub struct StatusMail<'a> {
    pub title: &'a str,
    pub status: PublicStatus,
    pub answer_da: Option<&'a str>,
    pub answer_en: Option<&'a str>,
    /// The idea's page.
    pub link: &'a str,
    /// The resident's own page, where the mails are switched off.
    pub me_link: &'a str,
    pub municipality: &'a str,
    /// The recipient proposed the idea (else they support it).
    pub to_author: bool,
    /// The recipient's other ideas that got the same status in the same batch: title, link,
    /// and whether they proposed it. One mail tells of them all.
    pub also: &'a [(String, String, bool)],
}

/// Subject and plain-text body, in `locale`.
pub fn status_mail(mail: &StatusMail<'_>, locale: Locale) -> (String, String) {
    (super::language(locale).status_mail)(mail, super::status_name(mail.status, locale))
}
