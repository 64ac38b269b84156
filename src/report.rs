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
}

/// Whether `open_reports` open reports hide a public idea under `threshold`.
pub fn hides(open_reports: i64, threshold: u32) -> bool {
    threshold > 0 && open_reports >= i64::from(threshold)
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
        assert!(!hides(2, 3));
        assert!(hides(3, 3));
        assert!(hides(4, 3));
        assert!(hides(1, 1));
        assert!(!hides(100, 0));
    }
}
