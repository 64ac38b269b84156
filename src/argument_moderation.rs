//! Moderating the debate as a public authority must be able to account for: whether arguments
//! are public at once or after approval, residents' reports of arguments (one each, the same
//! reasons and hiding threshold as ideas), what a moderator decides and under which published
//! rule, and the department a reply by the municipality speaks for.

use serde::{Deserialize, Serialize};

use crate::argument::{ArgumentId, DebateRule, Stance};
use crate::idea::{IdeaId, clean_text};
use crate::report::{ReportComment, ReportReason};
use crate::time::Timestamp;

/// What a moderator decides about an argument in the queue or on the idea's staff page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// Public (approved, kept after reports, or restored).
    Publish,
    /// Hidden under a published rule; the author is mailed which.
    Hide(DebateRule),
}

impl Decision {
    /// Reads the form's `action` and `rule`: hiding needs a rule.
    pub fn read(action: &str, rule: Option<&str>) -> Option<Decision> {
        match action {
            "hide" => rule.and_then(DebateRule::parse).map(Decision::Hide),
            "publish" | "restore" | "keep" | "approve" => Some(Decision::Publish),
            _ => None,
        }
    }
}

/// The department a reply by the municipality names beside its name (e.g. "Klima og
/// Bæredygtighed"): one line, up to 80 characters; empty means none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department(String);

impl Department {
    pub const MAX_CHARS: usize = 80;

    pub fn parse(input: &str) -> Result<Option<Department>, crate::idea::TextError> {
        match clean_text(input, 1, Self::MAX_CHARS, false) {
            Ok(text) => Ok(Some(Department(
                text.split_whitespace().collect::<Vec<_>>().join(" "),
            ))),
            Err(crate::idea::TextError::Empty) => Ok(None),
            Err(other) => Err(other),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An argument waiting for a moderator: new under approval, or reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedArgument {
    pub id: ArgumentId,
    pub idea: IdeaId,
    pub idea_title: String,
    /// `None` for a reply.
    pub stance: Option<Stance>,
    pub body: String,
    pub language: crate::locale::Locale,
    pub state: crate::ModerationState,
    /// Hidden by reports, waiting for a decision.
    pub hidden_by_reports: bool,
    pub created_at: Timestamp,
    /// Open reports, oldest first: the reason and what the reporter added.
    pub reports: Vec<(ReportReason, Option<String>)>,
}

/// Why an argument may be reported: an idea's reasons, bar "the same as another idea".
pub const REPORT_REASONS: &[ReportReason] = &[
    ReportReason::Spam,
    ReportReason::Offensive,
    ReportReason::OffTopic,
    ReportReason::Other,
];

/// One resident's report of one argument.
pub struct ArgumentReport<'a> {
    pub idea: IdeaId,
    pub argument: ArgumentId,
    pub resident: crate::ResidentId,
    pub reason: ReportReason,
    pub comment: Option<&'a ReportComment>,
}

/// Records a resident's report of a public argument by another resident, within the limit on
/// reports one resident may send (shared with reports of ideas); hides the argument when the
/// site's `rule` says enough have reported it. The municipality's replies cannot be reported.
#[cfg(feature = "storage")]
#[tracing::instrument(skip_all)]
pub async fn report_argument(
    db: &crate::storage::Db,
    limits: &crate::limits::Limits,
    report: ArgumentReport<'_>,
    rule: crate::report::HidingRule,
    now: i64,
) -> Result<crate::report::ReportOutcome, crate::storage::StorageError> {
    if let Err(retry_after) = limits.reports_per_resident.check(&report.resident) {
        return Ok(crate::report::ReportOutcome::TooMany { retry_after });
    }
    db.report_argument(&report, rule, now).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hiding_needs_a_published_rule() {
        assert_eq!(
            Decision::read("hide", Some("privacy")),
            Some(Decision::Hide(DebateRule::Privacy))
        );
        assert_eq!(Decision::read("hide", None), None);
        assert_eq!(Decision::read("hide", Some("boring")), None);
        assert_eq!(Decision::read("approve", None), Some(Decision::Publish));
        assert_eq!(Decision::read("delete", None), None);
    }

    #[test]
    fn a_department_is_one_short_line_or_none() {
        assert_eq!(Department::parse("  "), Ok(None));
        assert_eq!(
            Department::parse(" Klima og  Bæredygtighed ")
                .unwrap()
                .unwrap()
                .as_str(),
            "Klima og Bæredygtighed"
        );
        assert!(Department::parse(&"ø".repeat(81)).is_err());
        assert!(Department::parse("Klima\nMiljø").is_err());
    }
}
