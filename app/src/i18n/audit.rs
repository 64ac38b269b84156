//! The audit log's actions and objects as staff read them; the stored names stay in `title`
//! and in the CSV export.

use klimadialog::Locale;
use klimadialog::audit::{AuditAction, AuditGroup, AuditObject};

pub struct AuditTexts {
    pub action: fn(AuditAction) -> &'static str,
    /// The filter's groups of actions.
    pub group: fn(AuditGroup) -> &'static str,
    /// "Idé 12", "Medarbejder 3": what an entry is about, with its number where it has one.
    pub object: fn(AuditObject) -> &'static str,
}

pub fn audit_action_name(action: AuditAction, locale: Locale) -> &'static str {
    (super::language(locale).audit.action)(action)
}

pub fn audit_group_name(group: AuditGroup, locale: Locale) -> &'static str {
    (super::language(locale).audit.group)(group)
}

pub fn audit_object_name(object: AuditObject, locale: Locale) -> &'static str {
    (super::language(locale).audit.object)(object)
}
