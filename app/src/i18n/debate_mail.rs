//! The mail that tells a resident a moderator hid their words in a debate: which rule, where
//! the rules are explained, the words themselves (so they know which), and that they may write
//! again within the rules. In the recipient's language alone, from the municipality.

use klimadialog::Locale;
use klimadialog::argument::DebateRule;

/// What a debate mail needs to say.
pub struct DebateMail<'a> {
    /// The idea the words were under.
    pub title: &'a str,
    /// The debate on the idea's page.
    pub link: &'a str,
    pub rule: DebateRule,
    /// The rule on the debate rules page.
    pub rules_link: &'a str,
    /// The hidden words, as written.
    pub words: &'a str,
    pub municipality: &'a str,
}

/// Subject and plain-text body, in `locale`.
pub fn debate_mail(mail: &DebateMail<'_>, locale: Locale) -> (String, String) {
    let language = super::language(locale);
    (language.debate_mail)(mail, (language.argument.rule_name)(mail.rule))
}
