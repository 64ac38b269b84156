//! Texts of following: on an idea's page, whether the resident follows it and why; on an
//! action's page, a button to follow it; on the resident's page, what they chose to follow and
//! forms to follow an area, a sector or a theme.

use klimadialog::follow::IdeaFollow;

pub struct FollowTexts {
    pub heading: &'static str,
    /// Whether, and why, the resident follows the idea.
    pub state: fn(IdeaFollow) -> &'static str,
    pub start: &'static str,
    pub stop: &'static str,
    /// On an action's page: whether the resident follows it, and the button.
    pub action_state: fn(bool) -> &'static str,
    pub action_start: &'static str,
    pub action_stop: &'static str,
    /// On the resident's page.
    pub topics_heading: &'static str,
    pub topics_hint: &'static str,
    pub topics_none: &'static str,
    /// The stop button's accessible name; the followed thing's name is given.
    pub topic_stop: fn(&str) -> String,
    pub stop_short: &'static str,
    pub follow_area: &'static str,
    pub follow_category: &'static str,
    pub sectors: &'static str,
    pub themes: &'static str,
    pub follow_short: &'static str,
}
