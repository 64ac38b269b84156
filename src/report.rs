//! Residents' reports of ideas that should not be public: what a report says and when enough
//! of them hide an idea until a moderator has looked.

use serde::{Deserialize, Serialize};

use crate::idea::{TextError, clean_text, string_enum};

string_enum!(
    /// Why a resident reports an idea.
    ReportReason {
        Spam => "spam",
        Offensive => "offensive",
        OffTopic => "off_topic",
        Duplicate => "duplicate",
        Other => "other",
    }
);

/// What a reporter may add in their own words: optional, up to 1 000 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportComment(String);

impl ReportComment {
    pub const MAX_CHARS: usize = 1000;

    /// `Ok(None)` for an empty comment: a report needs no words.
    pub fn parse(input: &str) -> Result<Option<ReportComment>, TextError> {
        match clean_text(input, 1, Self::MAX_CHARS, true) {
            Ok(text) => Ok(Some(ReportComment(text))),
            Err(TextError::Empty) => Ok(None),
            Err(other) => Err(other),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Open reports that hide a public idea until a moderator has reviewed it, unless the site
/// configures another number.
pub const DEFAULT_REPORT_THRESHOLD: u32 = 3;

/// The moderation reason stored when reports hid an idea; pages show it in the reader's
/// language rather than as stored.
pub const AUTO_HIDE_REASON: &str = "auto:reports";

/// What became of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportOutcome {
    /// Recorded; `hidden` when it was the report that hid the idea.
    Recorded { hidden: bool },
    /// This resident has reported this idea before; one report each.
    AlreadyReported,
    /// No such public idea.
    NotPublic,
    /// This resident has reported many ideas lately; nothing was recorded.
    TooMany { retry_after: i64 },
}

/// Records `resident`'s report of a public idea, within the limit on how many one resident
/// may send; hides the idea when the site's `rule` says enough have reported it.
#[cfg(feature = "storage")]
#[tracing::instrument(skip_all)]
pub async fn report_idea(
    db: &crate::storage::Db,
    limits: &crate::limits::Limits,
    report: Report<'_>,
    rule: HidingRule,
    now: i64,
) -> Result<ReportOutcome, crate::storage::StorageError> {
    if let Err(retry_after) = limits.reports_per_resident.check(&report.resident) {
        return Ok(ReportOutcome::TooMany { retry_after });
    }
    db.report_idea(
        report.idea,
        report.resident,
        report.reason,
        report.comment,
        rule,
        now,
    )
    .await
}

/// One resident's report of one idea.
#[cfg(feature = "storage")]
pub struct Report<'a> {
    pub idea: crate::IdeaId,
    pub resident: crate::ResidentId,
    pub reason: ReportReason,
    pub comment: Option<&'a ReportComment>,
}

/// How old an account must be before its report counts towards hiding an idea: a resident is
/// only a verified e-mail address, and three fresh ones could otherwise hide any idea.
pub const DEFAULT_MIN_ACCOUNT_AGE_SECONDS: i64 = 24 * 3600;

/// When reports hide a public idea before a moderator has looked at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HidingRule {
    /// Open reports that hide the idea; 0 never hides.
    pub threshold: u32,
    /// Only reports from accounts at least this old (seconds) count. Every report still
    /// reaches the moderators.
    pub min_account_age: i64,
}

impl Default for HidingRule {
    fn default() -> Self {
        HidingRule {
            threshold: DEFAULT_REPORT_THRESHOLD,
            min_account_age: DEFAULT_MIN_ACCOUNT_AGE_SECONDS,
        }
    }
}

impl HidingRule {
    /// Whether `counted` open reports (from accounts old enough) hide a public idea.
    pub fn hides(self, counted: i64) -> bool {
        self.threshold > 0 && counted >= i64::from(self.threshold)
    }

    /// Accounts made after this time do not count at `now`.
    pub fn counted_accounts_made_by(self, now: i64) -> i64 {
        now - self.min_account_age
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_round_trip_and_unknown_ones_are_refused() {
        for reason in ReportReason::ALL {
            assert_eq!(ReportReason::parse(reason.as_str()), Some(*reason));
        }
        assert_eq!(ReportReason::parse("boring"), None);
        assert_eq!(ReportReason::parse("Spam"), None);
    }

    #[test]
    fn a_comment_is_optional_and_bounded() {
        assert_eq!(ReportComment::parse("   "), Ok(None));
        assert_eq!(
            ReportComment::parse(" Står to gange \r\n på listen ").map(|c| c.map(|c| c.0)),
            Ok(Some("Står to gange \n på listen".into()))
        );
        assert!(ReportComment::parse(&"ø".repeat(1000)).unwrap().is_some());
        assert_eq!(
            ReportComment::parse(&"ø".repeat(1001)),
            Err(TextError::TooLong { max: 1000 })
        );
        assert_eq!(
            ReportComment::parse("a\u{0}b"),
            Err(TextError::ControlCharacters)
        );
    }

    #[test]
    fn the_threshold_hides_at_and_above_it_and_zero_never_hides() {
        let rule = |threshold| HidingRule {
            threshold,
            min_account_age: 0,
        };
        assert!(!rule(3).hides(2));
        assert!(rule(3).hides(3));
        assert!(rule(3).hides(4));
        assert!(rule(1).hides(1));
        assert!(!rule(0).hides(100));
    }
}
