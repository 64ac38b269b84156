//! What a municipality configures about its site: its name, where residents reach it, and the
//! facts of its accessibility statement.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteConfig {
    /// "Aalborg Kommune".
    pub municipality: String,
    /// The municipality's own website.
    pub municipality_url: String,
    /// Where residents write about accessibility problems, if the municipality has a mailbox for it.
    pub accessibility_email: Option<String>,
    /// A phone number for accessibility problems.
    pub accessibility_phone: Option<String>,
    /// The official statement in Digitaliseringsstyrelsen's WAS-Tool, if published there.
    pub accessibility_statement_url: Option<String>,
    /// The municipality's data protection officer, for the privacy notice.
    pub dpo_email: Option<String>,
    /// When the accessibility statement was last reviewed (ISO date).
    pub accessibility_reviewed: String,
    /// The address the site is published at, for links residents share.
    pub public_url: String,
    /// Whether new ideas wait for a moderator (the default) or are public at once.
    pub moderation: klimadialog::moderation::ModerationMode,
    /// Whether residents' arguments are public at once (the default) or wait for a moderator.
    pub debate_moderation: klimadialog::moderation::ModerationMode,
    /// When residents' reports hide a public idea or argument until a moderator has looked.
    pub report_hiding: klimadialog::report::HidingRule,
    /// A background map under the areas on /map, if the municipality wants one.
    pub map_tiles: Option<MapTiles>,
    /// The climate plan's targets, said in the footer.
    pub targets: ClimateTargets,
    /// Whether requests may ask for the test-only pseudo-language (`en-XA`).
    pub pseudo_locale: bool,
}

impl SiteConfig {
    /// Whether the site's cookies are `Secure` and named `__Host-…`: when it is served over
    /// HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

/// A DK2020 plan's headline targets: a cut in emissions by a year (against 1990), and climate
/// neutrality by another. Each municipality sets its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClimateTargets {
    pub reduction_percent: u8,
    pub reduction_year: u16,
    pub neutral_year: u16,
}

impl Default for ClimateTargets {
    /// DK2020's frame: the national 70 % by 2030, climate neutral by 2050 at the latest.
    fn default() -> Self {
        ClimateTargets {
            reduction_percent: 70,
            reduction_year: 2030,
            neutral_year: 2050,
        }
    }
}

/// A tile server for the map's background, and the credit it asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapTiles {
    pub template: klimadialog::map_tiles::TileTemplate,
    pub credit: String,
}

impl SiteConfig {
    /// Where the footer's "Tilgængelighedserklæring" leads: the WAS-Tool statement when there
    /// is one, else the site's own page.
    pub fn accessibility_statement_href(&self) -> String {
        self.accessibility_statement_url
            .clone()
            .unwrap_or_else(|| "/tilgaengelighed".to_owned())
    }
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            municipality: "Aalborg Kommune".into(),
            municipality_url: "https://www.aalborg.dk".into(),
            accessibility_email: None,
            accessibility_phone: None,
            accessibility_statement_url: None,
            dpo_email: None,
            accessibility_reviewed: "2026-11-29".into(),
            public_url: "http://127.0.0.1:3000".into(),
            moderation: klimadialog::moderation::ModerationMode::Pre,
            debate_moderation: klimadialog::moderation::ModerationMode::Post,
            report_hiding: klimadialog::report::HidingRule::default(),
            map_tiles: None,
            targets: ClimateTargets::default(),
            pseudo_locale: false,
        }
    }
}

/// The configuration of the site being rendered.
pub fn site_config() -> SiteConfig {
    #[cfg(feature = "ssr")]
    if let Some(state) = leptos::prelude::use_context::<crate::state::AppState>() {
        return (*state.config).clone();
    }
    SiteConfig::default()
}
