//! The mail that tells an idea's author and supporters its status changed: in the recipient's
//! language alone, from the municipality, saying why it came and how to stop such mails.

use klimadialog::{Locale, PublicStatus};

use super::status_name;

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
}

/// Subject and plain-text body, in `locale`.
pub fn status_mail(mail: &StatusMail<'_>, locale: Locale) -> (String, String) {
    let StatusMail {
        title,
        status,
        link,
        me_link,
        municipality: m,
        to_author,
        ..
    } = *mail;
    let name = status_name(status, locale);
    match locale {
        Locale::Da => {
            let subject = format!("Ny status for »{title}« – {m}");
            let opening = if to_author {
                format!("Din idé »{title}« har fået status »{name}«.")
            } else {
                format!("Idéen »{title}«, som du støtter, har fået status »{name}«.")
            };
            let answer = mail
                .answer_da
                .map(|a| format!("\n\nKommunens svar:\n{a}"))
                .unwrap_or_default();
            let why = if to_author {
                "Du får denne mail, fordi du har foreslået idéen på Klimadialog."
            } else {
                "Du får denne mail, fordi du støtter idéen på Klimadialog."
            };
            let body = format!(
                "Hej\n\n{opening}{answer}\n\nLæs idéen og hele forløbet: {link}\n\n{why}\nVil du ikke have flere mails om idéernes status, kan du slå dem fra på Min side: {me_link}\n\nVenlig hilsen\n{m}\n\nMailen er sendt automatisk. Du kan ikke svare på den.\n"
            );
            (subject, body)
        }
        Locale::En => {
            let subject = format!("New status for “{title}” – {m}");
            let opening = if to_author {
                format!("Your idea “{title}” now has the status “{name}”.")
            } else {
                format!("The idea “{title}”, which you support, now has the status “{name}”.")
            };
            let answer = match (mail.answer_en, mail.answer_da) {
                (Some(a), _) => format!("\n\nThe municipality's answer:\n{a}"),
                (None, Some(a)) => format!("\n\nThe municipality's answer (in Danish):\n{a}"),
                (None, None) => String::new(),
            };
            let why = if to_author {
                "You are receiving this email because you proposed the idea on Klimadialog."
            } else {
                "You are receiving this email because you support the idea on Klimadialog."
            };
            let body = format!(
                "Hello\n\n{opening}{answer}\n\nRead the idea and its full history: {link}\n\n{why}\nTo stop emails about the ideas' status, switch them off on My page: {me_link}\n\nKind regards\n{m}\n\nThis email was sent automatically. Please do not reply.\n"
            );
            (subject, body)
        }
    }
}
