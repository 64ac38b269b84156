//! The audit log's actions and objects as staff read them; the stored names stay in `title`
//! and in the CSV export.

use klimadialog::Locale;
use klimadialog::audit::{AuditAction, AuditGroup, AuditObject};

pub fn audit_action_name(action: AuditAction, locale: Locale) -> &'static str {
    use AuditAction::*;
    let (da, en) = match action {
        IdeaCorrect => ("Idé rettet", "Idea corrected"),
        IdeaMerge => ("Idéer lagt sammen", "Ideas merged"),
        IdeaUnmerge => ("Sammenlægning fortrudt", "Merge undone"),
        IdeaNote => ("Intern note gemt", "Internal note saved"),
        IdeaStatus => ("Status ændret", "Status changed"),
        ModerationApprove => ("Godkendt", "Approved"),
        ModerationReject => ("Afvist", "Rejected"),
        ModerationHide => ("Skjult", "Hidden"),
        ModerationRestore => ("Gjort offentlig igen", "Made public again"),
        ModerationKeep => ("Bevaret trods anmeldelser", "Kept despite reports"),
        ModerationAutoHide => ("Skjult efter anmeldelser", "Hidden after reports"),
        StaffAdd => ("Medarbejder tilføjet", "Staff member added"),
        StaffRole => ("Rolle ændret", "Role changed"),
        StaffDisable => ("Konto deaktiveret", "Account disabled"),
        StaffEnable => ("Konto aktiveret igen", "Account enabled again"),
        StaffPassword => ("Adgangskode sat", "Password set"),
        StaffLocked => (
            "Konto låst efter forkerte adgangskoder",
            "Account locked after wrong passwords",
        ),
        StaffLogin => ("Logget ind", "Signed in"),
        StaffLogout => ("Logget ud", "Signed out"),
        AreasReplace => ("Områder erstattet", "Areas replaced"),
        AreasMerge => ("Områder tilføjet og opdateret", "Areas added and updated"),
        ExportAuditCsv => ("Handlingslog eksporteret", "Audit log exported"),
        ExportIdeasCsv => ("Idéer eksporteret (CSV)", "Ideas exported (CSV)"),
        ExportIdeasXlsx => ("Idéer eksporteret (Excel)", "Ideas exported (Excel)"),
        ExportIdeasGeoJson => ("Idéer eksporteret (GeoJSON)", "Ideas exported (GeoJSON)"),
        ExportIdeasJson => ("Idéer eksporteret (JSON)", "Ideas exported (JSON)"),
    };
    match locale {
        Locale::Da => da,
        Locale::En => en,
    }
}

/// The filter's groups of actions.
pub fn audit_group_name(group: AuditGroup, locale: Locale) -> &'static str {
    use AuditGroup::*;
    let (da, en) = match group {
        Moderation => ("Moderation", "Moderation"),
        Idea => ("Rettelser af idéer", "Changes to ideas"),
        Staff => ("Medarbejdere", "Staff"),
        Areas => ("Områder", "Areas"),
        Export => ("Eksporter", "Exports"),
    };
    match locale {
        Locale::Da => da,
        Locale::En => en,
    }
}

/// "Idé 12", "Medarbejder 3": what an entry is about, with its number where it has one.
pub fn audit_object_name(object: AuditObject, locale: Locale) -> &'static str {
    use AuditObject::*;
    let (da, en) = match object {
        Idea => ("Idé", "Idea"),
        StaffUser => ("Medarbejder", "Staff member"),
        Area => ("Områder", "Areas"),
        Export => ("Eksport", "Export"),
    };
    match locale {
        Locale::Da => da,
        Locale::En => en,
    }
}
