//! Areas of the municipality: named parts that ideas belong to and lists can be filtered by.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AreaId(pub i64);

/// The URL name of an area, as in `/ideas?area=hals`: lowercase ASCII, digits and hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AreaSlug(String);

impl AreaSlug {
    pub fn parse(s: &str) -> Option<AreaSlug> {
        let ok = !s.is_empty()
            && s.len() <= 60
            && !s.starts_with('-')
            && !s.ends_with('-')
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        ok.then(|| AreaSlug(s.to_owned()))
    }

    /// Makes a slug from a Danish place name: "Aalborg SØ/Gug" becomes "aalborg-so-gug".
    pub fn from_name(name: &str) -> AreaSlug {
        let mut slug = String::new();
        for c in name.to_lowercase().chars() {
            let piece = match c {
                'æ' => "ae",
                'ø' => "o",
                'å' => "aa",
                'é' | 'è' | 'ë' => "e",
                'ü' => "u",
                'ö' => "o",
                'ä' => "a",
                c if c.is_ascii_alphanumeric() => {
                    slug.push(c);
                    continue;
                }
                _ => "-",
            };
            slug.push_str(piece);
        }
        let mut collapsed = String::with_capacity(slug.len());
        for c in slug.chars() {
            if c == '-' && (collapsed.is_empty() || collapsed.ends_with('-')) {
                continue;
            }
            collapsed.push(c);
        }
        while collapsed.ends_with('-') {
            collapsed.pop();
        }
        if collapsed.is_empty() {
            collapsed.push_str("area");
        }
        AreaSlug(collapsed)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_from_danish_names() {
        assert_eq!(
            AreaSlug::from_name("Aalborg SØ/Gug").as_str(),
            "aalborg-so-gug"
        );
        assert_eq!(AreaSlug::from_name("Nørresundby").as_str(), "norresundby");
        assert_eq!(AreaSlug::from_name("Vejgård").as_str(), "vejgaard");
        assert_eq!(AreaSlug::from_name("Aalborg Øst").as_str(), "aalborg-ost");
        assert_eq!(AreaSlug::from_name("  ").as_str(), "area");
    }

    #[test]
    fn postal_names_make_readable_slugs() {
        assert_eq!(
            AreaSlug::from_name("9400 Nørresundby").as_str(),
            "9400-norresundby"
        );
        assert_eq!(
            AreaSlug::from_name("9220 Aalborg Øst").as_str(),
            "9220-aalborg-ost"
        );
    }

    #[test]
    fn slugs_refuse_odd_input() {
        for bad in ["", "-a", "a-", "Hals", "hals/../x", "ha ls"] {
            assert!(AreaSlug::parse(bad).is_none(), "{bad:?}");
        }
    }
}
