//! The mail that tells a follower what happened to what they follow: at once, or as the day's
//! or week's digest. Grouped by idea or action, newest first, with counts rather than every
//! word, and links to read the rest; in the recipient's language alone; with the settings link
//! and a stop link in every one.

use klimadialog::Locale;
use klimadialog::digest::{DigestGroup, DigestSubject};
use klimadialog::follow::Frequency;

pub struct DigestMailTexts {
    /// The subject: at once, the day's or the week's news; the municipality is given.
    pub subject: fn(Frequency, &str) -> String,
    /// The first lines, after "Hej".
    pub intro: fn(Frequency) -> &'static str,
    /// "Ny idé i Vestbyen", for a new idea where the recipient follows; the area is given.
    pub new_idea: fn(&str) -> String,
    /// A new status; its name is given.
    pub status: fn(&str) -> String,
    pub answer: &'static str,
    /// New arguments: for, against, questions (the words for counts of each).
    pub arguments: fn([u32; 3]) -> String,
    pub replies: fn(u32) -> String,
    pub replies_to_me: fn(u32) -> String,
    pub by_municipality: fn(u32) -> String,
    /// An action's new status; its name is given.
    pub action_status: fn(&str) -> String,
    pub milestone: fn(&str) -> String,
    /// What was left out of a long digest, with the link to the resident's page.
    pub more: fn(usize) -> String,
    /// Why the mail came, where to change how often, how to stop in one click.
    pub footer: fn(&str, &str, &str) -> String,
    /// One line for the other mails about what a resident follows (status and plan mails):
    /// the stop link.
    pub stop_line: fn(&str) -> String,
}

/// What a digest mail needs to say.
pub struct DigestMail<'a> {
    pub frequency: Frequency,
    pub groups: &'a [DigestGroup],
    /// Groups left out after the first [`klimadialog::digest::MAX_GROUPS`].
    pub left_out: usize,
    /// The site's address, without a trailing slash.
    pub site: &'a str,
    pub me_link: &'a str,
    pub stop_link: &'a str,
    pub municipality: &'a str,
}

/// Subject and plain-text body, in `locale`.
pub fn digest_mail(mail: &DigestMail<'_>, locale: Locale) -> (String, String) {
    let language = super::language(locale);
    let t = &language.digest_mail;
    let m = mail.municipality;
    let subject = (t.subject)(mail.frequency, m);
    let mut body = format!("Hej\n\n{}\n", (t.intro)(mail.frequency));
    for group in mail.groups {
        let (title, link) = match &group.subject {
            DigestSubject::Idea { id, title } => {
                (title.clone(), format!("{}/ideas/{id}", mail.site))
            }
            DigestSubject::Action {
                code,
                title_da,
                title_en,
            } => {
                let title = match locale {
                    Locale::Da => title_da,
                    _ => title_en.as_ref().unwrap_or(title_da),
                };
                (
                    format!("{code} {title}"),
                    format!("{}/plan/{code}", mail.site),
                )
            }
        };
        body.push_str(&format!("\n»{title}«\n"));
        let mut line = |text: String| body.push_str(&format!("- {text}\n"));
        if let Some(area) = &group.new_in {
            line((t.new_idea)(area));
        }
        if let Some((status, answer_da, answer_en)) = &group.status {
            line((t.status)(super::status_name(*status, locale)));
            let answer = match locale {
                Locale::Da => answer_da.as_ref(),
                _ => answer_en.as_ref().or(answer_da.as_ref()),
            };
            if let Some(answer) = answer {
                line(format!("{} {answer}", t.answer));
            }
        }
        if group.arguments.iter().any(|n| *n > 0) {
            line((t.arguments)(group.arguments));
        }
        if group.replies > 0 {
            line((t.replies)(group.replies));
        }
        if group.replies_to_me > 0 {
            line((t.replies_to_me)(group.replies_to_me));
        }
        if group.by_municipality > 0 {
            line((t.by_municipality)(group.by_municipality));
        }
        if let Some(status) = group.action_status {
            line((t.action_status)((language.plan.status_name)(status)));
        }
        for milestone in &group.milestones {
            line((t.milestone)(milestone));
        }
        body.push_str(&format!("  {link}\n"));
    }
    if mail.left_out > 0 {
        body.push_str(&format!(
            "\n{}: {}\n",
            (t.more)(mail.left_out),
            mail.me_link
        ));
    }
    body.push_str(&format!(
        "\n{}",
        (t.footer)(mail.me_link, mail.stop_link, m)
    ));
    (subject, body)
}

/// The stop line the status and plan mails end with, in `locale`.
pub fn stop_line(link: &str, locale: Locale) -> String {
    (super::language(locale).digest_mail.stop_line)(link)
}

/// "a, b og c": parts of a sentence joined as both languages write lists.
pub(super) fn join_and(parts: &[String], and: &str) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}
