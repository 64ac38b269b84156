//! Numbers as residents read them: CLDR's cardinal plural categories and each language's digit
//! grouping ("10.000 idéer", "10,000 ideas", "1 idé"). Texts pick the form of a word from the
//! category, never by looking at the digits. Small on purpose: the WebAssembly bundle uses it
//! for the support button's count.

use crate::locale::Locale;

/// The CLDR plural categories the site's languages use for whole numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    One,
    Other,
}

/// CLDR's cardinal rule for a whole number. Danish: `one: n = 1 or t != 0 and i = 0,1`;
/// English: `one: i = 1 and v = 0`. For whole numbers both say "one" for 1 alone (0 is
/// "other": "0 idéer", "0 ideas"); the pseudo-language is English. A new language adds its
/// rule here.
pub fn plural(locale: Locale, n: i64) -> Plural {
    match locale {
        Locale::Da | Locale::En | Locale::Pseudo => {
            if n == 1 {
                Plural::One
            } else {
                Plural::Other
            }
        }
    }
}

/// A whole number with the language's thousands separator: "10.000" (Danish), "10,000".
pub fn format_int(locale: Locale, n: i64) -> String {
    let separator = match locale {
        Locale::Da => '.',
        Locale::En | Locale::Pseudo => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// "1 idé", "10.000 idéer": the number, grouped, and the word in the form its category takes.
pub fn count(locale: Locale, n: i64, one: &str, other: &str) -> String {
    let word = match plural(locale, n) {
        Plural::One => one,
        Plural::Other => other,
    };
    format!("{} {word}", format_int(locale, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_take_cldr_categories() {
        // CLDR's examples for integers: da one {1}, other {0, 2~16, 100, 1000, …}; en likewise.
        for locale in [Locale::Da, Locale::En] {
            assert_eq!(plural(locale, 1), Plural::One);
            for n in [0, 2, 3, 11, 21, 101, 1000, 1_000_001, -1] {
                assert_eq!(plural(locale, n), Plural::Other, "{n}");
            }
        }
    }

    #[test]
    fn thousands_are_grouped_as_each_language_writes_them() {
        assert_eq!(format_int(Locale::Da, 10_000), "10.000");
        assert_eq!(format_int(Locale::En, 10_000), "10,000");
        assert_eq!(format_int(Locale::Da, 999), "999");
        assert_eq!(format_int(Locale::Da, 1_234_567), "1.234.567");
        assert_eq!(format_int(Locale::En, -4_000), "-4,000");
        assert_eq!(format_int(Locale::Da, 0), "0");
    }

    #[test]
    fn counts_read_right() {
        assert_eq!(count(Locale::Da, 1, "idé", "idéer"), "1 idé");
        assert_eq!(count(Locale::Da, 0, "idé", "idéer"), "0 idéer");
        assert_eq!(count(Locale::Da, 10_000, "idé", "idéer"), "10.000 idéer");
        assert_eq!(
            count(Locale::En, 1, "supporter", "supporters"),
            "1 supporter"
        );
        assert_eq!(
            count(Locale::En, 2_500, "supporter", "supporters"),
            "2,500 supporters"
        );
    }
}
