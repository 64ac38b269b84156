//! Batch actions on the staff table: one action (a status with one official answer, a new
//! sector or theme, a new area, approve, reject or hide with one reason) on the ticked rows or
//! on every idea the table's filter matches. Here the form is read and checked; storage
//! carries it out all or nothing.

use serde::{Deserialize, Serialize};

use crate::answer::{AnswerError, OfficialAnswer, check_answer};
use crate::area::AreaSlug;
use crate::idea::{Category, PublicStatus};
use crate::moderation::ModerationAction;
use crate::staff_ideas::StaffFilter;

/// The most ideas one batch changes: a whole consultation round's worth, in one transaction
/// that stays well under a second.
pub const MAX_BATCH: usize = 10_000;

/// The longest reason for rejecting or hiding, as on the moderation page.
pub const MAX_REASON_CHARS: usize = 1_000;

crate::string_enum!(
    /// Which action a batch carries out (`action=`).
    BatchKind {
        Status => "status",
        Category => "category",
        Area => "area",
        Approve => "approve",
        Reject => "reject",
        Hide => "hide",
    }
);

/// What a batch does to each idea.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BatchAction {
    Status {
        status: PublicStatus,
        answer: Option<OfficialAnswer>,
    },
    Category(Category),
    Area(AreaSlug),
    Moderate {
        action: ModerationAction,
        reason: Option<String>,
    },
}

impl BatchAction {
    pub fn kind(&self) -> BatchKind {
        match self {
            BatchAction::Status { .. } => BatchKind::Status,
            BatchAction::Category(_) => BatchKind::Category,
            BatchAction::Area(_) => BatchKind::Area,
            BatchAction::Moderate { action, .. } => match action {
                ModerationAction::Reject => BatchKind::Reject,
                ModerationAction::Hide => BatchKind::Hide,
                _ => BatchKind::Approve,
            },
        }
    }
}

/// Which ideas a batch is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// The ticked rows, each with the time of its last change as the table showed it: an
    /// idea changed since is refused, not changed blind.
    Ticked(Vec<(i64, i64)>),
    /// Every idea the filter matches; `count` is how many the staff member was shown and
    /// confirmed. If the filter matches another number now, nothing is done.
    AllMatching { filter: StaffFilter, count: i64 },
}

crate::string_enum!(
    /// Why a batch form went back without doing anything (`batch_error=`).
    BatchError {
        NothingChosen => "nothing_chosen",
        TooMany => "too_many",
        NoAction => "no_action",
        Status => "status",
        AnswerRequired => "answer_required",
        EnglishAlone => "english_alone",
        AnswerInvalid => "answer_invalid",
        Category => "category",
        Area => "area",
        ReasonRequired => "reason_required",
        CountChanged => "count_changed",
    }
);

crate::string_enum!(
    /// Why one idea of a batch was refused; any refusal leaves every idea as it was.
    BatchRefusal {
        /// The idea no longer exists.
        Missing => "missing",
        /// Someone changed the idea after the table was shown.
        Changed => "changed",
        /// A status is only set on a public idea that is not merged.
        NotPublic => "not_public",
        /// The moderation action does not fit the idea's state (approving a public idea).
        NotNow => "not_now",
        /// "In the climate plan" needs a link to one of the plan's actions first.
        NoAction => "no_action",
    }
);

/// The first value sent under `name`.
fn first<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.trim())
}

/// Reads the batch form: the action and its fields from `body`, the selection from the ticked
/// `ids` (`id:updated_at`) or, with `scope=all`, from `filter` and the confirmed `count`.
pub fn read_batch(
    body: &[(String, String)],
    filter: StaffFilter,
) -> Result<(Selection, BatchAction), BatchError> {
    let selection = if first(body, "scope") == "all" {
        let count: i64 = first(body, "count")
            .parse()
            .map_err(|_| BatchError::CountChanged)?;
        if count < 1 {
            return Err(BatchError::NothingChosen);
        }
        if count > MAX_BATCH as i64 {
            return Err(BatchError::TooMany);
        }
        Selection::AllMatching {
            filter: filter.rows_only(),
            count,
        }
    } else {
        let mut ticked: Vec<(i64, i64)> = Vec::new();
        for (name, value) in body {
            if name != "ids" {
                continue;
            }
            let Some((id, seen)) = value.split_once(':') else {
                continue;
            };
            if let (Ok(id), Ok(seen)) = (id.trim().parse(), seen.trim().parse())
                && !ticked.iter().any(|(t, _)| *t == id)
            {
                ticked.push((id, seen));
            }
            if ticked.len() > MAX_BATCH {
                return Err(BatchError::TooMany);
            }
        }
        if ticked.is_empty() {
            return Err(BatchError::NothingChosen);
        }
        Selection::Ticked(ticked)
    };
    let kind = BatchKind::parse(first(body, "action")).ok_or(BatchError::NoAction)?;
    let action = match kind {
        BatchKind::Status => {
            let (status, answer) = check_answer(
                first(body, "new_status"),
                first(body, "answer_da"),
                first(body, "answer_en"),
            )
            .map_err(|error| match error {
                AnswerError::Status => BatchError::Status,
                AnswerError::AnswerRequired => BatchError::AnswerRequired,
                AnswerError::EnglishWithoutDanish => BatchError::EnglishAlone,
                AnswerError::Danish(_) | AnswerError::English(_) => BatchError::AnswerInvalid,
            })?;
            BatchAction::Status { status, answer }
        }
        BatchKind::Category => {
            let category = Category::parse_choice(first(body, "new_category"));
            BatchAction::Category(category.ok_or(BatchError::Category)?)
        }
        BatchKind::Area => {
            BatchAction::Area(AreaSlug::parse(first(body, "new_area")).ok_or(BatchError::Area)?)
        }
        BatchKind::Approve | BatchKind::Reject | BatchKind::Hide => {
            let action = match kind {
                BatchKind::Approve => ModerationAction::Approve,
                BatchKind::Reject => ModerationAction::Reject,
                _ => ModerationAction::Hide,
            };
            let reason: String = first(body, "reason")
                .chars()
                .filter(|c| !c.is_control() || *c == '\n')
                .take(MAX_REASON_CHARS)
                .collect();
            let reason = (!reason.trim().is_empty()).then(|| reason.trim().to_owned());
            if action.needs_reason() && reason.is_none() {
                return Err(BatchError::ReasonRequired);
            }
            BatchAction::Moderate {
                action,
                reason: reason.filter(|_| action.needs_reason()),
            }
        }
    };
    Ok((selection, action))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn read(pairs: &[(&str, &str)]) -> Result<(Selection, BatchAction), BatchError> {
        read_batch(&body(pairs), StaffFilter::default())
    }

    #[test]
    fn ticked_rows_with_a_status_and_its_answer() {
        let (selection, action) = read(&[
            ("ids", "12:100"),
            ("ids", "15:200"),
            ("ids", "12:100"),
            ("ids", "nonsense"),
            ("action", "status"),
            ("new_status", "in_plan"),
            ("answer_da", " Med i planen. "),
        ])
        .unwrap();
        assert_eq!(selection, Selection::Ticked(vec![(12, 100), (15, 200)]));
        assert_eq!(action.kind(), BatchKind::Status);
        let BatchAction::Status { status, answer } = action else {
            panic!()
        };
        assert_eq!(status, PublicStatus::InPlan);
        assert_eq!(answer.unwrap().da, "Med i planen.");
    }

    #[test]
    fn every_form_error_has_its_key() {
        let ids = ("ids", "1:1");
        assert_eq!(
            read(&[("action", "approve")]),
            Err(BatchError::NothingChosen)
        );
        assert_eq!(read(&[ids]), Err(BatchError::NoAction));
        assert_eq!(
            read(&[ids, ("action", "status"), ("new_status", "not_adopted")]),
            Err(BatchError::AnswerRequired)
        );
        assert_eq!(
            read(&[
                ids,
                ("action", "status"),
                ("new_status", "merged"),
                ("answer_da", "x")
            ]),
            Err(BatchError::Status)
        );
        assert_eq!(
            read(&[
                ids,
                ("action", "status"),
                ("new_status", "under_review"),
                ("answer_en", "x")
            ]),
            Err(BatchError::EnglishAlone)
        );
        assert_eq!(
            read(&[ids, ("action", "reject"), ("reason", "  ")]),
            Err(BatchError::ReasonRequired)
        );
        assert_eq!(
            read(&[ids, ("action", "category"), ("new_category", "sector:")]),
            Err(BatchError::Category)
        );
        assert_eq!(
            read(&[ids, ("action", "area"), ("new_area", "")]),
            Err(BatchError::Area)
        );
        assert_eq!(
            read(&[("scope", "all"), ("count", "0"), ("action", "approve")]),
            Err(BatchError::NothingChosen)
        );
        assert_eq!(
            read(&[("scope", "all"), ("count", "10001"), ("action", "approve")]),
            Err(BatchError::TooMany)
        );
        let many: Vec<(String, String)> = (0..=MAX_BATCH)
            .map(|i| ("ids".to_owned(), format!("{i}:1")))
            .collect();
        assert_eq!(
            read_batch(&many, StaffFilter::default()).map(|_| ()),
            Err(BatchError::TooMany)
        );
    }

    #[test]
    fn all_matching_takes_the_filter_without_its_page_and_a_reason_only_where_it_counts() {
        let filter = StaffFilter::from_pairs([("moderation", "pending"), ("page", "3")]);
        let (selection, action) = read_batch(
            &body(&[
                ("scope", "all"),
                ("count", "40"),
                ("action", "approve"),
                ("reason", "fint"),
            ]),
            filter,
        )
        .unwrap();
        let Selection::AllMatching { filter, count } = selection else {
            panic!()
        };
        assert_eq!((filter.page(), count), (1, 40));
        assert_eq!(
            action,
            BatchAction::Moderate {
                action: ModerationAction::Approve,
                reason: None
            }
        );
        let (_, hide) =
            read(&[("ids", "1:1"), ("action", "hide"), ("reason", "Spam\u{0}")]).unwrap();
        assert_eq!(
            hide,
            BatchAction::Moderate {
                action: ModerationAction::Hide,
                reason: Some("Spam".to_owned())
            }
        );
        let (_, category) = read(&[
            ("ids", "1:1"),
            ("action", "category"),
            ("new_category", "theme:heat"),
        ])
        .unwrap();
        assert_eq!(category.kind(), BatchKind::Category);
    }
}
