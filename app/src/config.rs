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
    /// The municipality's own words on the debate rules page, where it has any.
    pub debate_rules: DebateRulesText,
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

/// A municipality's own words on `/debatregler`, per language, read from a TOML file at start:
/// an introduction and an explanation of each rule. The rules themselves (their keys and
/// names) are the site's, since hidden posts name them; whatever the file leaves out is the
/// built-in text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DebateRulesText {
    #[serde(default)]
    pub da: RulesWords,
    #[serde(default)]
    pub en: RulesWords,
}

/// One language's words on the debate rules page; each paragraph is separated by a blank line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesWords {
    pub intro: Option<String>,
    pub respect: Option<String>,
    pub discrimination: Option<String>,
    pub on_topic: Option<String>,
    pub advertising: Option<String>,
    pub privacy: Option<String>,
    pub lawful: Option<String>,
}

impl DebateRulesText {
    /// The words for a reader's language (the test-only pseudo-language reads English).
    pub fn words(&self, locale: klimadialog::Locale) -> &RulesWords {
        match locale {
            klimadialog::Locale::Da => &self.da,
            _ => &self.en,
        }
    }
}

impl RulesWords {
    pub fn rule(&self, rule: klimadialog::argument::DebateRule) -> Option<&str> {
        use klimadialog::argument::DebateRule as R;
        match rule {
            R::Respect => self.respect.as_deref(),
            R::Discrimination => self.discrimination.as_deref(),
            R::OnTopic => self.on_topic.as_deref(),
            R::Advertising => self.advertising.as_deref(),
            R::Privacy => self.privacy.as_deref(),
            R::Lawful => self.lawful.as_deref(),
        }
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
            debate_rules: DebateRulesText::default(),
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
