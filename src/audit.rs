//! What the audit log records: every kind of action and object, by the stable names stored in
//! the database and exported, so storage writes no free-form strings and pages can name each
//! one in the reader's language.

use crate::idea::string_enum;
use crate::moderation::ModerationAction;

string_enum!(
    /// An action in the audit log. `moderation.auto_hide` (`debate.auto_hide`): residents'
    /// reports hid an idea (an argument) until a moderator looks; `staff.locked`: too many wrong passwords, the account waits.
    AuditAction {
        IdeaCorrect => "idea.correct",
        IdeaMerge => "idea.merge",
        IdeaUnmerge => "idea.unmerge",
        IdeaNote => "idea.note",
        IdeaLinkAction => "idea.link_action",
        IdeaUnlinkAction => "idea.unlink_action",
        IdeaStatus => "idea.status",
        ModerationApprove => "moderation.approve",
        ModerationReject => "moderation.reject",
        ModerationHide => "moderation.hide",
        ModerationRestore => "moderation.restore",
        ModerationKeep => "moderation.keep",
        ModerationAutoHide => "moderation.auto_hide",
        StaffAdd => "staff.add",
        StaffRole => "staff.role",
        StaffDisable => "staff.disable",
        StaffEnable => "staff.enable",
        StaffPassword => "staff.password",
        StaffLocked => "staff.locked",
        StaffLogin => "staff.login",
        StaffLogout => "staff.logout",
        AreasReplace => "areas.replace",
        AreasMerge => "areas.merge",
        ExportAuditCsv => "export.audit_csv",
        ExportIdeasCsv => "export.ideas_csv",
        ExportIdeasXlsx => "export.ideas_xlsx",
        ExportIdeasGeoJson => "export.ideas_geojson",
        ExportIdeasJson => "export.ideas_json",
        ExportArgumentsCsv => "export.arguments_csv",
        ExportArgumentsJson => "export.arguments_json",
        ExportActionsCsv => "export.actions_csv",
        ExportActionsXlsx => "export.actions_xlsx",
        DebateHide => "debate.hide",
        DebateRestore => "debate.restore",
        DebateApprove => "debate.approve",
        DebateKeep => "debate.keep",
        DebateAutoHide => "debate.auto_hide",
        DebateReply => "debate.reply",
        DebateClose => "debate.close",
        DebateReopen => "debate.reopen",
        PlanActionCreate => "plan.action_create",
        PlanActionUpdate => "plan.action_update",
        PlanBaseline => "plan.baseline",
        PlanMilestoneAdd => "plan.milestone_add",
        PlanMilestoneReach => "plan.milestone_reach",
    }
);

impl AuditAction {
    pub fn moderation(action: ModerationAction) -> AuditAction {
        match action {
            ModerationAction::Approve => AuditAction::ModerationApprove,
            ModerationAction::Reject => AuditAction::ModerationReject,
            ModerationAction::Hide => AuditAction::ModerationHide,
            ModerationAction::Restore => AuditAction::ModerationRestore,
            ModerationAction::Keep => AuditAction::ModerationKeep,
        }
    }

    /// The group the audit page filters by: the part before the dot.
    pub fn group(self) -> AuditGroup {
        let prefix = self.as_str().split('.').next().unwrap_or_default();
        AuditGroup::parse(prefix).unwrap_or(AuditGroup::Idea)
    }
}

string_enum!(
    /// The groups of actions the audit page filters by.
    AuditGroup {
        Moderation => "moderation",
        Idea => "idea",
        Staff => "staff",
        Areas => "areas",
        Export => "export",
        Debate => "debate",
        Plan => "plan",
    }
);

string_enum!(
    /// What an audit entry is about.
    AuditObject {
        Idea => "idea",
        StaffUser => "staff_user",
        Area => "area",
        Export => "export",
        Action => "action",
        Settings => "settings",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_group_named_by_its_prefix_and_round_trips() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::parse(action.as_str()), Some(*action));
            let prefix = action.as_str().split('.').next().unwrap();
            assert_eq!(action.group().as_str(), prefix, "{action:?}");
        }
        for moderation in ModerationAction::ALL {
            let action = AuditAction::moderation(*moderation);
            assert_eq!(
                action.as_str(),
                format!("moderation.{}", moderation.as_str())
            );
        }
    }
}
