//! Moderation: who may see an idea (its `ModerationState`), what a moderator may do to it and
//! where that leads, and whether a new idea waits for a moderator (`ModerationMode`). The
//! storage's `moderation.rs` and `corrections.rs` apply it; reports (`report.rs`) can hide an
//! idea until a moderator looks.

use serde::{Deserialize, Serialize};

use crate::idea::string_enum;

string_enum!(
    /// Who may see an idea. Pre-moderation starts ideas as `Pending`, post-moderation as
    /// `Published`; rejected and hidden ideas keep their data but leave public lists.
    ModerationState {
        Pending => "pending",
        Published => "published",
        Rejected => "rejected",
        Hidden => "hidden",
    }
);

impl ModerationState {
    pub fn is_public(self) -> bool {
        self == ModerationState::Published
    }

    /// The state a moderator's action leads to, if the action fits this state: approve a new
    /// idea, reject a new one, hide a public one, restore a hidden or rejected one.
    pub fn after(self, action: ModerationAction) -> Option<ModerationState> {
        use ModerationAction as A;
        use ModerationState as S;
        match (self, action) {
            (S::Pending, A::Approve) => Some(S::Published),
            (S::Pending, A::Reject) => Some(S::Rejected),
            // Hiding a hidden idea gives it the moderator's reason (after reports hid it).
            (S::Published | S::Pending | S::Hidden, A::Hide) => Some(S::Hidden),
            (S::Hidden | S::Rejected, A::Restore) => Some(S::Published),
            // A reported idea the moderator finds fine: its reports are closed, it stays.
            (S::Published, A::Keep) => Some(S::Published),
            _ => None,
        }
    }
}

string_enum!(
    /// What a moderator does to an idea. Rejecting and hiding need a reason the author sees.
    ModerationAction {
        Approve => "approve",
        Reject => "reject",
        Hide => "hide",
        Restore => "restore",
        Keep => "keep",
    }
);

impl ModerationAction {
    pub fn needs_reason(self) -> bool {
        matches!(self, ModerationAction::Reject | ModerationAction::Hide)
    }
}

/// Whether a new idea (or argument) waits for a moderator before anyone sees it
/// (pre-moderation, ideas' default) or is public at once and hidden if a moderator rejects it
/// (post-moderation, arguments' default).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ModerationMode {
    #[default]
    Pre,
    Post,
}

impl ModerationMode {
    /// The moderation state a newly sent idea or argument starts in.
    pub fn first_state(self) -> ModerationState {
        match self {
            ModerationMode::Pre => ModerationState::Pending,
            ModerationMode::Post => ModerationState::Published,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moderation_moves_only_along_its_paths() {
        use ModerationAction as A;
        use ModerationState as S;
        assert_eq!(S::Pending.after(A::Approve), Some(S::Published));
        assert_eq!(S::Published.after(A::Keep), Some(S::Published));
        assert_eq!(S::Pending.after(A::Keep), None);
        assert_eq!(S::Hidden.after(A::Keep), None);
        assert_eq!(S::Hidden.after(A::Hide), Some(S::Hidden));
        assert_eq!(S::Pending.after(A::Reject), Some(S::Rejected));
        assert_eq!(S::Published.after(A::Hide), Some(S::Hidden));
        assert_eq!(S::Hidden.after(A::Restore), Some(S::Published));
        assert_eq!(S::Rejected.after(A::Restore), Some(S::Published));
        assert_eq!(S::Published.after(A::Approve), None);
        assert_eq!(S::Rejected.after(A::Hide), None);
        assert!(A::Reject.needs_reason() && A::Hide.needs_reason());
        assert!(!A::Approve.needs_reason());
    }
}
