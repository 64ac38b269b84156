//! The mail that tells an idea's author and supporters its status changed. Residents' language
//! is not stored, so it is written in Danish with English below.

use klimadialog::{Locale, PublicStatus};

use super::status_name;

/// Subject and plain-text body.
pub fn status_mail(
    title: &str,
    status: PublicStatus,
    answer_da: Option<&str>,
    answer_en: Option<&str>,
    link: &str,
) -> (String, String) {
    let subject = format!("Nyt om idéen »{title}« / News about the idea");
    let mut body = format!(
        "Idéen »{title}« har fået en ny status: {}.\n",
        status_name(status, Locale::Da)
    );
    if let Some(answer) = answer_da {
        body.push_str(&format!("\nKommunens svar:\n{answer}\n"));
    }
    body.push_str(&format!(
        "\nLæs mere: {link}\n\nDu får denne mail, fordi du har foreslået eller støttet idéen.\n\n---\n\n"
    ));
    body.push_str(&format!(
        "The idea \"{title}\" has a new status: {}.\n",
        status_name(status, Locale::En)
    ));
    if let Some(answer) = answer_en.or(answer_da) {
        body.push_str(&format!("\nThe municipality's answer:\n{answer}\n"));
    }
    body.push_str(&format!(
        "\nRead more: {link}\n\nYou get this mail because you proposed or supported the idea.\n"
    ));
    (subject, body)
}
