//! What a follower's mail says: the events of a digest round grouped by what they are about (an
//! idea or an action of the plan), newest first, with counts rather than every word, so a busy
//! week still reads as one short mail. When rounds are due is here too; who hears of what is
//! worked out in storage (`storage::digest`), from what ties residents to ideas at the time.

use serde::{Deserialize, Serialize};

use crate::follow::Frequency;

/// At most this many groups in one mail; the rest are counted and linked ("and 4 more").
pub const MAX_GROUPS: usize = 20;

/// One event as a digest tells of it, read back with what it needs to be written.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "storage", derive(sqlx::FromRow))]
pub struct DigestEntry {
    /// `status`, `argument`, `action_status`, `milestone` or `idea`.
    pub kind: String,
    pub idea_id: Option<i64>,
    pub idea_title: Option<String>,
    /// The area of a new idea.
    pub area: Option<String>,
    /// An idea's new status and the municipality's answer.
    pub status: Option<String>,
    pub answer_da: Option<String>,
    pub answer_en: Option<String>,
    /// An argument's stance (none for a reply).
    pub stance: Option<String>,
    /// The argument answers the recipient's own.
    pub reply: bool,
    /// The municipality wrote it.
    pub by_municipality: bool,
    pub action_code: Option<String>,
    pub action_title_da: Option<String>,
    pub action_title_en: Option<String>,
    pub action_status: Option<String>,
    pub milestone: Option<String>,
}

/// What a group is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DigestSubject {
    Idea {
        id: i64,
        title: String,
    },
    Action {
        code: String,
        title_da: String,
        title_en: Option<String>,
    },
}

/// Everything a round brought about one idea or action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigestGroup {
    pub subject: DigestSubject,
    /// The idea is new in an area (or sector, theme) the recipient follows: the area's name.
    pub new_in: Option<String>,
    /// The idea's newest status in the round, with the answer in Danish and English.
    pub status: Option<(crate::PublicStatus, Option<String>, Option<String>)>,
    /// New arguments by stance: for, against, questions.
    pub arguments: [u32; 3],
    /// Replies to arguments, the recipient's own counted apart.
    pub replies: u32,
    pub replies_to_me: u32,
    /// Arguments or replies the municipality wrote.
    pub by_municipality: u32,
    /// An action's newest status in the round.
    pub action_status: Option<crate::plan::ActionStatus>,
    /// Milestones the action reached, newest first.
    pub milestones: Vec<String>,
}

impl DigestGroup {
    fn new(subject: DigestSubject) -> DigestGroup {
        DigestGroup {
            subject,
            new_in: None,
            status: None,
            arguments: [0; 3],
            replies: 0,
            replies_to_me: 0,
            by_municipality: 0,
            action_status: None,
            milestones: Vec::new(),
        }
    }
}

/// Groups a round's entries, given newest first: one group per idea or action, in the order of
/// its newest event; an entry that cannot be read (a row changed under it) is left out.
pub fn group(entries: &[DigestEntry]) -> Vec<DigestGroup> {
    let mut groups: Vec<DigestGroup> = Vec::new();
    for entry in entries {
        let Some(subject) = subject_of(entry) else {
            continue;
        };
        let at = match groups.iter().position(|g| g.subject == subject) {
            Some(at) => at,
            None => {
                groups.push(DigestGroup::new(subject));
                groups.len() - 1
            }
        };
        let group = &mut groups[at];
        match entry.kind.as_str() {
            "status" => {
                // Newest first: the first status seen is the one that stands.
                if group.status.is_none()
                    && let Some(status) =
                        entry.status.as_deref().and_then(crate::PublicStatus::parse)
                {
                    group.status = Some((status, entry.answer_da.clone(), entry.answer_en.clone()));
                }
            }
            "argument" => {
                match entry
                    .stance
                    .as_deref()
                    .and_then(crate::argument::Stance::parse)
                {
                    Some(stance) => group.arguments[stance as usize] += 1,
                    None if entry.reply => group.replies_to_me += 1,
                    None => group.replies += 1,
                }
                group.by_municipality += u32::from(entry.by_municipality);
            }
            "idea" => group.new_in = entry.area.clone().or(Some(String::new())),
            "action_status" if group.action_status.is_none() => {
                group.action_status = entry
                    .action_status
                    .as_deref()
                    .and_then(crate::plan::ActionStatus::parse);
            }
            "milestone" => group.milestones.extend(entry.milestone.clone()),
            _ => {}
        }
    }
    groups
}

fn subject_of(entry: &DigestEntry) -> Option<DigestSubject> {
    match (entry.idea_id, &entry.idea_title, &entry.action_code) {
        (Some(id), Some(title), _) => Some(DigestSubject::Idea {
            id,
            title: title.clone(),
        }),
        (None, _, Some(code)) => Some(DigestSubject::Action {
            code: code.clone(),
            title_da: entry.action_title_da.clone()?,
            title_en: entry.action_title_en.clone(),
        }),
        _ => None,
    }
}

/// When digests go out: each morning at this hour, Danish time, and weekly on Mondays, so
/// news of a day reaches residents with their morning post rather than at night.
pub const DIGEST_HOUR: i64 = 7;

const HOUR: i64 = 3_600;

/// A digest round that is due: the schedule and the period it is for, named so that making it
/// twice (after a restart, or by two processes) is seen to be the same round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestRound {
    pub frequency: Frequency,
    /// `2026-12-05` for the daily digest sent that morning, `uge-2026-11-30` for the weekly one
    /// sent that Monday; for mails at once, left to the caller (the last event's id).
    pub period: String,
}

impl DigestRound {
    /// The round of `frequency` whose time has come at `now` (Unix seconds): the latest
    /// morning (or Monday morning) at [`DIGEST_HOUR`] at or before `now`. Mails at once are
    /// due whenever there is news.
    pub fn due(frequency: Frequency, now: i64) -> Option<DigestRound> {
        use crate::time::Timestamp;
        let morning = |date: crate::time::Date| date.start_in_denmark().0 + DIGEST_HOUR * HOUR;
        let mut date = Timestamp(now).local_date();
        if now < morning(date) {
            date = date.preceding();
        }
        let period = match frequency {
            Frequency::AtOnce => String::new(),
            Frequency::Daily => date.iso(),
            Frequency::Weekly => {
                for _ in 0..date.weekday() {
                    date = date.preceding();
                }
                format!("uge-{}", date.iso())
            }
            Frequency::Never => return None,
        };
        Some(DigestRound { frequency, period })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_are_due_each_morning_and_on_monday_mornings_danish_time() {
        let at = |text: &str| {
            // Danish local time in winter (CET, UTC+1).
            let (date, hour) = text.split_once(' ').unwrap();
            let date = crate::time::Date::parse_iso(date).unwrap();
            date.start_in_denmark().0 + hour.parse::<i64>().unwrap() * HOUR
        };
        let period = |frequency, when| DigestRound::due(frequency, at(when)).unwrap().period;
        // Saturday 5 December 2026: before seven it is still Friday's round.
        assert_eq!(period(Frequency::Daily, "2026-12-05 6"), "2026-12-04");
        assert_eq!(period(Frequency::Daily, "2026-12-05 7"), "2026-12-05");
        assert_eq!(period(Frequency::Daily, "2026-12-05 23"), "2026-12-05");
        assert_eq!(period(Frequency::Weekly, "2026-12-05 9"), "uge-2026-11-30");
        assert_eq!(period(Frequency::Weekly, "2026-12-07 6"), "uge-2026-11-30");
        assert_eq!(period(Frequency::Weekly, "2026-12-07 7"), "uge-2026-12-07");
        // Summer time: seven in the morning is five UTC.
        let summer = crate::time::Date::parse_iso("2026-07-01").unwrap();
        let seven = summer.start_in_denmark().0 + 7 * HOUR;
        assert_eq!(
            DigestRound::due(Frequency::Daily, seven).unwrap().period,
            "2026-07-01"
        );
        assert_eq!(
            DigestRound::due(Frequency::Daily, seven - 1)
                .unwrap()
                .period,
            "2026-06-30"
        );
        assert_eq!(DigestRound::due(Frequency::Never, seven), None);
    }

    #[test]
    fn a_round_groups_by_idea_and_action_newest_first_with_counts() {
        let idea = |kind: &str, id: i64| DigestEntry {
            kind: kind.into(),
            idea_id: Some(id),
            idea_title: Some(format!("Idé {id}")),
            ..DigestEntry::default()
        };
        let entries = vec![
            DigestEntry {
                stance: Some("for".into()),
                by_municipality: true,
                ..idea("argument", 2)
            },
            DigestEntry {
                status: Some("in_plan".into()),
                answer_da: Some("Den kommer med.".into()),
                ..idea("status", 1)
            },
            DigestEntry {
                reply: true,
                ..idea("argument", 1)
            },
            DigestEntry {
                status: Some("under_review".into()),
                ..idea("status", 1)
            },
            DigestEntry {
                stance: Some("against".into()),
                ..idea("argument", 1)
            },
            idea("argument", 1),
            DigestEntry {
                kind: "milestone".into(),
                action_code: Some("T3".into()),
                action_title_da: Some("Elbusser".into()),
                milestone: Some("Første 20 busser".into()),
                ..DigestEntry::default()
            },
            DigestEntry {
                area: Some("Vestbyen".into()),
                ..idea("idea", 3)
            },
            // Unreadable: neither an idea nor an action.
            DigestEntry {
                kind: "status".into(),
                ..DigestEntry::default()
            },
        ];
        let groups = group(&entries);
        assert_eq!(groups.len(), 4);
        assert!(matches!(
            groups[0].subject,
            DigestSubject::Idea { id: 2, .. }
        ));
        assert_eq!(
            (groups[0].arguments, groups[0].by_municipality),
            ([1, 0, 0], 1)
        );
        let one = &groups[1];
        assert_eq!(one.status.as_ref().unwrap().0, crate::PublicStatus::InPlan);
        assert_eq!(
            (one.arguments, one.replies, one.replies_to_me),
            ([0, 1, 0], 1, 1)
        );
        assert_eq!(groups[2].milestones, vec!["Første 20 busser".to_owned()]);
        assert_eq!(groups[3].new_in.as_deref(), Some("Vestbyen"));
    }
}
