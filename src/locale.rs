//! The languages of the user interface and how a request picks one.

use serde::{Deserialize, Serialize};

/// A user-interface language. Danish is the default: the product is for Danish municipalities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    Da,
    En,
    /// English made longer with accented letters (`en-XA`, as Android and Chrome call it): a
    /// stand-in for a third language, served only when the operator allows it (the tests), to
    /// show that every text comes from a language file and that pages take longer words.
    Pseudo,
}

impl Locale {
    /// The languages offered to residents: the language switch, the mail language on `/me`.
    pub const ALL: [Locale; 2] = [Locale::Da, Locale::En];

    /// The BCP 47 tag, as used in `<html lang>` and in the language cookie.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Da => "da",
            Locale::En => "en",
            Locale::Pseudo => "en-XA",
        }
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::Da => "Dansk",
            Locale::En => "English",
            Locale::Pseudo => "Ƥšéûðö-Éñĝļîšĥ",
        }
    }

    /// Reads a tag as [`Locale::from_tag`] does, and also the pseudo-language's `en-XA` when
    /// `pseudo` allows it (else `en-XA` is English).
    pub fn from_tag_or_pseudo(tag: &str, pseudo: bool) -> Option<Locale> {
        if pseudo && tag.trim().eq_ignore_ascii_case("en-XA") {
            return Some(Locale::Pseudo);
        }
        Self::from_tag(tag)
    }

    /// Reads a tag such as `da`, `en-GB` or `EN`; anything else is not a language we offer.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "da" | "dk" => Some(Locale::Da),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The language to use for a request: an explicit choice (the cookie set by the language
    /// switch) wins; otherwise the best-weighted language of `Accept-Language` that we offer;
    /// otherwise Danish.
    /// `pseudo` allows the test-only pseudo-language.
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>, pseudo: bool) -> Locale {
        if let Some(locale) = cookie.and_then(|c| Locale::from_tag_or_pseudo(c, pseudo)) {
            return locale;
        }
        accept_language
            .and_then(|header| Self::from_accept_language(header, pseudo))
            .unwrap_or_default()
    }

    fn from_accept_language(header: &str, pseudo: bool) -> Option<Locale> {
        let mut best: Option<(f32, usize, Locale)> = None;
        for (position, entry) in header.split(',').enumerate() {
            let mut parts = entry.split(';');
            let Some(locale) = parts
                .next()
                .and_then(|tag| Locale::from_tag_or_pseudo(tag, pseudo))
            else {
                continue;
            };
            let quality = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if !(quality > 0.0 && quality <= 1.0) {
                continue;
            }
            // Equal weights keep the order the browser sent.
            let better = match best {
                None => true,
                Some((q, _, _)) => quality > q,
            };
            if better {
                best = Some((quality, position, locale));
            }
        }
        best.map(|(_, _, locale)| locale)
    }
}

/// The language a resident's text is written in, as far as its commonest words tell: English
/// only when its little words clearly outnumber Danish ones, else Danish (the municipality's
/// language, and what nearly every resident writes). Pages use it to mark text in another
/// language than the page's (`lang`, WCAG 3.1.2), so screen readers pronounce it right.
pub fn written_in(text: &str) -> Locale {
    const DANISH: &[&str] = &[
        "og", "i", "at", "er", "det", "en", "et", "til", "på", "af", "med", "for", "der", "som",
        "ikke", "vi", "kan", "har", "fra", "så", "de", "om", "skal", "flere", "mere", "eller",
    ];
    const ENGLISH: &[&str] = &[
        "the", "and", "of", "to", "is", "in", "a", "that", "for", "with", "on", "we", "can", "are",
        "be", "more", "from", "this", "should", "it", "or", "not", "have", "by",
    ];
    let (mut da, mut en) = (0u32, 0u32);
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(400)
    {
        let word = word.to_lowercase();
        if word.contains(['æ', 'ø', 'å']) {
            da += 1;
        }
        da += u32::from(DANISH.contains(&word.as_str()));
        en += u32::from(ENGLISH.contains(&word.as_str()));
    }
    if en >= 2 && en > 2 * da {
        Locale::En
    } else {
        Locale::Da
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_is_the_default() {
        assert_eq!(Locale::negotiate(None, None, false), Locale::Da);
        assert_eq!(
            Locale::negotiate(None, Some("fr-FR,de;q=0.8"), false),
            Locale::Da
        );
        assert_eq!(Locale::negotiate(None, Some(""), false), Locale::Da);
    }

    #[test]
    fn accept_language_picks_the_best_offered_language() {
        assert_eq!(Locale::negotiate(None, Some("en"), false), Locale::En);
        assert_eq!(
            Locale::negotiate(None, Some("en-GB,en;q=0.9"), false),
            Locale::En
        );
        assert_eq!(
            Locale::negotiate(None, Some("de-DE,en;q=0.5,da;q=0.9"), false),
            Locale::Da
        );
        assert_eq!(
            Locale::negotiate(None, Some("fr, en;q=0.3"), false),
            Locale::En
        );
        assert_eq!(
            Locale::negotiate(None, Some("da;q=0, en;q=0.1"), false),
            Locale::En
        );
    }

    #[test]
    fn the_cookie_overrides_the_header() {
        assert_eq!(Locale::negotiate(Some("da"), Some("en"), false), Locale::Da);
        assert_eq!(Locale::negotiate(Some("en"), Some("da"), false), Locale::En);
        assert_eq!(Locale::negotiate(Some("xx"), Some("en"), false), Locale::En);
    }

    #[test]
    fn hostile_headers_fall_back_to_danish() {
        assert_eq!(Locale::negotiate(None, Some(";;;,,,q="), false), Locale::Da);
        assert_eq!(Locale::negotiate(None, Some("en;q=NaN"), false), Locale::Da);
        assert_eq!(Locale::negotiate(None, Some("en;q=7"), false), Locale::Da);
    }

    #[test]
    fn residents_text_reads_as_danish_unless_clearly_english() {
        assert_eq!(
            written_in("Flere delebiler gør det let at undvære bil nummer to."),
            Locale::Da
        );
        assert_eq!(
            written_in("Supercykelsti fra Svenstrup til Aalborg Universitetshospital"),
            Locale::Da
        );
        assert_eq!(
            written_in("More bike lanes to the schools, so that children can cycle safely."),
            Locale::En
        );
        // Too little to tell: the municipality's language.
        assert_eq!(written_in("Solceller"), Locale::Da);
        assert_eq!(written_in("Solar panels"), Locale::Da);
        assert_eq!(written_in(""), Locale::Da);
    }

    #[test]
    fn the_pseudo_language_is_served_only_where_allowed() {
        assert_eq!(Locale::negotiate(None, Some("en-XA"), false), Locale::En);
        assert_eq!(Locale::negotiate(None, Some("en-XA"), true), Locale::Pseudo);
        assert_eq!(Locale::negotiate(Some("en-XA"), None, true), Locale::Pseudo);
        assert_eq!(Locale::negotiate(Some("en-xa"), None, false), Locale::En);
        assert_eq!(Locale::from_tag("en-XA"), Some(Locale::En));
        assert!(!Locale::ALL.contains(&Locale::Pseudo));
    }
}
