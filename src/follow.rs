//! What a resident follows, and why. Proposing, supporting or arguing on an idea follows it
//! without a row of its own: those are read from the ideas, supports and arguments themselves,
//! so a support costs no extra write (a million supports would be a million follow rows). Only a
//! resident's own choice is stored: following something (an idea, an area, a sector or theme,
//! an action of the plan) or stopping to follow an idea they would follow anyway, which later
//! supports or arguments do not undo.

use serde::{Deserialize, Serialize};

use crate::idea::string_enum;

string_enum!(
    /// The kinds of things a resident can follow.
    FollowKind {
        Idea => "idea",
        Area => "area",
        Sector => "sector",
        Theme => "theme",
        Action => "action",
    }
);

/// One thing to follow: its kind and key (an idea's id, an area's slug, a sector's or theme's
/// key, an action's code), checked as the kind's keys are.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FollowTarget {
    pub kind: FollowKind,
    key: String,
}

impl FollowTarget {
    /// A target as forms and addresses name it; `None` for a key its kind never has. The kind
    /// `category` takes a sector or theme as the propose form names it (`sector:transport`),
    /// so one list can offer both.
    pub fn parse(kind: &str, key: &str) -> Option<FollowTarget> {
        let (kind, key) = match kind.trim() {
            "category" => match key.trim().split_once(':')? {
                (kind @ ("sector" | "theme"), key) => (kind, key),
                _ => return None,
            },
            kind => (kind, key),
        };
        let kind = FollowKind::parse(kind.trim())?;
        let key = key.trim();
        let key = match kind {
            FollowKind::Idea => crate::IdeaId::parse(key)?.0.to_string(),
            FollowKind::Area => crate::AreaSlug::parse(key)?.as_str().to_owned(),
            FollowKind::Sector | FollowKind::Theme => {
                crate::CategoryKey::parse(key)?.as_str().to_owned()
            }
            FollowKind::Action => crate::plan::ActionCode::parse(key)?.as_str().to_owned(),
        };
        Some(FollowTarget { kind, key })
    }

    pub fn idea(idea: crate::IdeaId) -> FollowTarget {
        FollowTarget {
            kind: FollowKind::Idea,
            key: idea.0.to_string(),
        }
    }

    pub fn key(&self) -> &str {
        &self.key
    }
}

/// Something a resident chose to follow, with its name as their page lists it (an action's
/// code and title, an idea's title, an area's, sector's or theme's name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "storage", derive(sqlx::FromRow))]
pub struct FollowedTopic {
    pub kind: String,
    pub key: String,
    pub name_da: String,
    pub name_en: Option<String>,
}

impl FollowedTopic {
    /// Where it is on the site: its page, or the ideas list filtered by it.
    pub fn href(&self) -> String {
        match self.kind.as_str() {
            "idea" => format!("/ideas/{}", self.key),
            "action" => format!("/plan/{}", self.key),
            kind => format!("/ideas?{kind}={}", self.key),
        }
    }
}

/// Why a resident hears about an idea, or that they do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IdeaFollow {
    /// They proposed it.
    Proposed,
    /// They support it.
    Supported,
    /// They took part in its debate.
    Argued,
    /// They chose to follow it.
    Chosen,
    /// They chose to stop following it (whatever else they did).
    Stopped,
    /// Nothing ties them to it.
    None,
}

impl IdeaFollow {
    /// Every state, in the order a page kept for all residents holds them.
    pub const ALL: [IdeaFollow; 6] = [
        IdeaFollow::None,
        IdeaFollow::Proposed,
        IdeaFollow::Supported,
        IdeaFollow::Argued,
        IdeaFollow::Chosen,
        IdeaFollow::Stopped,
    ];

    pub fn follows(self) -> bool {
        !matches!(self, IdeaFollow::Stopped | IdeaFollow::None)
    }

    /// The state from what the resident did: a choice (to follow, or to stop) wins over
    /// taking part, except that taking part is the reason shown while they follow.
    pub fn of(chosen: Option<bool>, proposed: bool, supported: bool, argued: bool) -> IdeaFollow {
        match chosen {
            Some(false) => IdeaFollow::Stopped,
            _ if proposed => IdeaFollow::Proposed,
            _ if supported => IdeaFollow::Supported,
            _ if argued => IdeaFollow::Argued,
            Some(true) => IdeaFollow::Chosen,
            None => IdeaFollow::None,
        }
    }
}

string_enum!(
    /// How often a resident hears of what they follow.
    Frequency {
        /// A mail for each event, as it happens.
        AtOnce => "at_once",
        /// One digest a day (the default: news without a flood).
        Daily => "daily",
        Weekly => "weekly",
        Never => "never",
    }
);

impl Default for Frequency {
    /// Daily: news without a flood.
    fn default() -> Frequency {
        Frequency::Daily
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_read_as_their_kinds_keys_are() {
        assert_eq!(FollowTarget::parse("idea", " 42 ").unwrap().key(), "42");
        assert_eq!(FollowTarget::parse("action", "t3").unwrap().key(), "T3");
        assert_eq!(
            FollowTarget::parse("category", "theme:cloudburst")
                .unwrap()
                .kind,
            FollowKind::Theme
        );
        assert_eq!(
            FollowTarget::parse("sector", "transport").unwrap().kind,
            FollowKind::Sector
        );
        for (kind, key) in [
            ("idea", "-1"),
            ("idea", "abc"),
            ("area", "Nørresundby!"),
            ("sector", "<script>"),
            ("action", "3T"),
            ("category", "transport"),
            ("category", "idea:42"),
            ("planet", "earth"),
        ] {
            assert_eq!(FollowTarget::parse(kind, key), None, "{kind} {key}");
        }
    }
}
