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

/// One of Aalborg's default areas: its name, its approximate centre, and which side of the
/// Limfjord it lies on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AreaCentre {
    pub name: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub north_of_fjord: bool,
}

const fn centre(name: &'static str, lat: f64, lon: f64, north_of_fjord: bool) -> AreaCentre {
    AreaCentre {
        name,
        lat,
        lon,
        north_of_fjord,
    }
}

/// The 20 default areas of Aalborg Kommune (public facts: approximate centres, ±1 km).
pub const AALBORG_AREAS: [AreaCentre; 20] = [
    centre("Aalborg Midtby", 57.048, 9.919, false),
    centre("Vestbyen", 57.053, 9.890, false),
    centre("Hasseris", 57.036, 9.868, false),
    centre("Aalborg SV/Skalborg", 57.012, 9.880, false),
    centre("Vejgård", 57.038, 9.960, false),
    centre("Aalborg Øst", 57.041, 10.005, false),
    centre("Aalborg SØ/Gug", 57.011, 9.966, false),
    centre("Nørresundby", 57.060, 9.926, true),
    centre("Lindholm", 57.080, 9.900, true),
    centre("Gistrup", 56.992, 9.986, false),
    centre("Svenstrup", 56.974, 9.850, false),
    centre("Frejlev", 57.006, 9.826, false),
    centre("Klarup", 57.015, 10.060, false),
    centre("Storvorde", 57.006, 10.100, false),
    centre("Vodskov", 57.106, 10.025, true),
    centre("Vestbjerg", 57.128, 9.962, true),
    centre("Sulsted", 57.160, 9.975, true),
    centre("Vadum", 57.117, 9.855, true),
    // Hals lies on the north bank where the Limfjord meets the Kattegat.
    centre("Hals", 56.996, 10.307, true),
    centre("Nibe", 56.984, 9.640, false),
];

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
    fn default_area_slugs_are_unique_and_valid() {
        let mut slugs: Vec<String> = AALBORG_AREAS
            .iter()
            .map(|a| AreaSlug::from_name(a.name).as_str().to_owned())
            .collect();
        for s in &slugs {
            assert!(AreaSlug::parse(s).is_some(), "{s}");
        }
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), 20);
    }

    #[test]
    fn slugs_refuse_odd_input() {
        for bad in ["", "-a", "a-", "Hals", "hals/../x", "ha ls"] {
            assert!(AreaSlug::parse(bad).is_none(), "{bad:?}");
        }
    }
}
