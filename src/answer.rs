//! The municipality's answer to an idea: a public status and, for decisions, an official answer
//! in Danish (and optionally English) that residents read on the idea page and in their mail.

use serde::{Deserialize, Serialize};

use crate::idea::{PublicStatus, TextError, clean_text};

/// Statuses staff set by hand; `new` is where ideas start and `merged` comes with a merge.
pub const SETTABLE: &[PublicStatus] = &[
    PublicStatus::UnderReview,
    PublicStatus::InPlan,
    PublicStatus::PartlyInPlan,
    PublicStatus::AlreadyPlanned,
    PublicStatus::NotAdopted,
];

/// An official answer: Danish always, English when the team writes one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficialAnswer {
    pub da: String,
    pub en: Option<String>,
}

pub const ANSWER_MAX_CHARS: usize = 4000;

/// What is wrong with a status change as staff sent it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerError {
    /// Not a status staff may set.
    Status,
    /// A decision needs its answer in Danish.
    AnswerRequired,
    /// An English answer needs the Danish one it translates.
    EnglishWithoutDanish,
    Danish(TextError),
    English(TextError),
}

/// Checks a status change: the status, and the answer a decision requires.
pub fn check_answer(
    status: &str,
    answer_da: &str,
    answer_en: &str,
) -> Result<(PublicStatus, Option<OfficialAnswer>), AnswerError> {
    let status = PublicStatus::parse(status)
        .filter(|s| SETTABLE.contains(s))
        .ok_or(AnswerError::Status)?;
    let text = |input: &str| match clean_text(input, 1, ANSWER_MAX_CHARS, true) {
        Ok(text) => Ok(Some(text)),
        Err(TextError::Empty) => Ok(None),
        Err(other) => Err(other),
    };
    let da = text(answer_da).map_err(AnswerError::Danish)?;
    let en = text(answer_en).map_err(AnswerError::English)?;
    match (da, en) {
        (None, Some(_)) => Err(AnswerError::EnglishWithoutDanish),
        (None, None) if status.requires_answer() => Err(AnswerError::AnswerRequired),
        (None, None) => Ok((status, None)),
        (Some(da), en) => Ok((status, Some(OfficialAnswer { da, en }))),
    }
}

/// A note staff keep on an idea for each other: empty clears it (`Ok(None)`), else up to
/// 4 000 characters, line breaks allowed, no other control characters.
pub fn parse_staff_note(input: &str) -> Result<Option<String>, TextError> {
    match clean_text(input, 1, ANSWER_MAX_CHARS, true) {
        Ok(text) => Ok(Some(text)),
        Err(TextError::Empty) => Ok(None),
        Err(other) => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_need_a_danish_answer_and_review_does_not() {
        assert_eq!(
            check_answer("under_review", " ", ""),
            Ok((PublicStatus::UnderReview, None))
        );
        for decision in [
            "in_plan",
            "partly_in_plan",
            "already_planned",
            "not_adopted",
        ] {
            assert_eq!(
                check_answer(decision, "", ""),
                Err(AnswerError::AnswerRequired)
            );
            assert_eq!(
                check_answer(decision, "", "In the plan."),
                Err(AnswerError::EnglishWithoutDanish)
            );
        }
        assert_eq!(
            check_answer(
                "in_plan",
                " Indgår i planen.\r\nSe afsnit 3. ",
                "Part of the plan."
            ),
            Ok((
                PublicStatus::InPlan,
                Some(OfficialAnswer {
                    da: "Indgår i planen.\nSe afsnit 3.".into(),
                    en: Some("Part of the plan.".into())
                })
            ))
        );
    }

    #[test]
    fn a_staff_note_is_optional_bounded_and_one_text() {
        assert_eq!(parse_staff_note("  "), Ok(None));
        assert_eq!(parse_staff_note(" a\r\nb "), Ok(Some("a\nb".into())));
        assert_eq!(
            parse_staff_note(&"x".repeat(4001)),
            Err(TextError::TooLong { max: 4000 })
        );
        assert_eq!(
            parse_staff_note("a\u{1}"),
            Err(TextError::ControlCharacters)
        );
    }

    #[test]
    fn only_settable_statuses_and_bounded_answers_pass() {
        for bad in ["new", "merged", "IN_PLAN", "", "done"] {
            assert_eq!(
                check_answer(bad, "Svar", ""),
                Err(AnswerError::Status),
                "{bad}"
            );
        }
        assert_eq!(
            check_answer("in_plan", &"æ".repeat(4001), ""),
            Err(AnswerError::Danish(TextError::TooLong { max: 4000 }))
        );
        assert_eq!(
            check_answer("in_plan", "Svar", "a\u{0}"),
            Err(AnswerError::English(TextError::ControlCharacters))
        );
    }
}
