//! Texts of following: on an idea's page, whether the resident follows it and why.

use klimadialog::follow::IdeaFollow;

pub struct FollowTexts {
    pub heading: &'static str,
    /// Whether, and why, the resident follows the idea.
    pub state: fn(IdeaFollow) -> &'static str,
    pub start: &'static str,
    pub stop: &'static str,
}
