//! The default sectors (for mitigation ideas) and adaptation themes of a DK2020 plan. A
//! municipality can edit them; these are what a new database starts with.

use serde::{Deserialize, Serialize};

/// The key of a sector or adaptation theme: lowercase ASCII letters and underscores, as used in
/// URLs (`/ideas?sector=transport`) and exports.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CategoryKey(String);

impl CategoryKey {
    pub fn parse(s: &str) -> Option<CategoryKey> {
        let ok = !s.is_empty()
            && s.len() <= 40
            && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
        ok.then(|| CategoryKey(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One row of reference data with its names in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named {
    pub key: &'static str,
    pub en: &'static str,
    pub da: &'static str,
}

pub const SECTORS: [Named; 9] = [
    Named {
        key: "energy",
        en: "Energy supply",
        da: "Energiforsyning (el og fjernvarme)",
    },
    Named {
        key: "buildings",
        en: "Buildings & heating",
        da: "Bygninger og opvarmning",
    },
    Named {
        key: "transport",
        en: "Transport",
        da: "Transport",
    },
    Named {
        key: "industry",
        en: "Industry and businesses",
        da: "Industri og virksomheder",
    },
    Named {
        key: "agriculture",
        en: "Agriculture",
        da: "Landbrug",
    },
    Named {
        key: "landuse",
        en: "Land use, forestry & nature",
        da: "Arealanvendelse, skov og natur",
    },
    Named {
        key: "waste",
        en: "Waste & wastewater",
        da: "Affald og spildevand",
    },
    Named {
        key: "urban",
        en: "Urban development & construction",
        da: "Byudvikling, byggeri og anlæg",
    },
    Named {
        key: "municipality",
        en: "The municipality's own operations",
        da: "Kommunens egen drift (bygninger, biler, indkøb)",
    },
];

pub const THEMES: [Named; 9] = [
    Named {
        key: "cloudburst",
        en: "Cloudburst / extreme rain",
        da: "Skybrud / ekstremnedbør",
    },
    Named {
        key: "sea",
        en: "Sea-level rise & storm surge",
        da: "Havniveaustigning / stormflod",
    },
    Named {
        key: "streams",
        en: "Stream and river flooding",
        da: "Oversvømmelse fra vandløb",
    },
    Named {
        key: "groundwater",
        en: "High groundwater",
        da: "Højt grundvand",
    },
    Named {
        key: "heat",
        en: "Heatwave",
        da: "Hedebølge",
    },
    Named {
        key: "drought",
        en: "Drought",
        da: "Tørke",
    },
    Named {
        key: "storm",
        en: "Wind & storm",
        da: "Vind og storm",
    },
    Named {
        key: "erosion",
        en: "Coastal erosion",
        da: "Erosion og kystnedbrydning",
    },
    Named {
        key: "compound",
        en: "Several events at once (e.g. storm surge and cloudburst)",
        da: "Flere hændelser på én gang (fx stormflod og skybrud)",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_key_is_a_valid_unique_key() {
        let mut keys: Vec<&str> = SECTORS.iter().chain(THEMES.iter()).map(|n| n.key).collect();
        for key in &keys {
            assert!(CategoryKey::parse(key).is_some(), "{key}");
        }
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 18, "sector and theme keys must not collide");
    }

    #[test]
    fn keys_refuse_anything_that_is_not_a_plain_name() {
        for bad in ["", "Energy", "en ergy", "energy;drop", "ø", &"a".repeat(41)] {
            assert!(CategoryKey::parse(bad).is_none(), "{bad:?}");
        }
    }
}
