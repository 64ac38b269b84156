//! The debate under an idea: arguments for or against it and questions about it, one level of
//! replies, and "helpful" marks. Here are the rules a public authority's debate keeps: what a
//! text may be, how many links it may carry, the same text twice refused, a window in which
//! authors may edit their words, and how many a resident may post. Storage carries them out.

use serde::{Deserialize, Serialize};

use crate::idea::{IdeaId, TextError, clean_text, string_enum};
use crate::time::Timestamp;

/// The public number of an argument or a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ArgumentId(pub i64);

string_enum!(
    /// Where an argument stands on its idea.
    Stance {
        For => "for",
        Against => "against",
        Question => "question",
    }
);

string_enum!(
    /// How an idea's arguments are ordered (`order=`).
    ArgumentOrder {
        /// Most helpful first, then newest: the default.
        Helpful => "helpful",
        Newest => "newest",
    }
);

/// Links one argument may carry: enough to point at a source, too few for advertising.
pub const MAX_LINKS: usize = 2;

/// How long authors may edit their own words after posting; the earlier text is kept for
/// moderators.
pub const EDIT_WINDOW_SECONDS: i64 = 15 * 60;

/// How long the same text from one resident is refused a second time, anywhere on the site.
pub const REPEAT_WINDOW_SECONDS: i64 = 24 * 3600;

/// Arguments shown at a time under an idea (each with its replies).
pub const PER_PAGE: u32 = 20;

string_enum!(
    /// Why an argument, a reply or an edit was not posted (`argument_error=`): the server
    /// function writes it, the debate form reads it.
    ArgumentProblem {
        Empty => "empty",
        TooLong => "too_long",
        ControlCharacters => "control",
        TooManyLinks => "links",
        /// An argument needs a stance; a reply takes its argument's.
        StanceMissing => "stance",
        /// This resident sent the same text within the last day.
        Repeated => "repeated",
        /// This resident posted many arguments lately.
        TooMany => "too_many",
        /// The debate on the idea is closed, or the idea is not public.
        Closed => "closed",
        /// The argument to reply to is gone, hidden, or itself a reply.
        NoParent => "no_parent",
        /// The edit came after the window, or the text is not the resident's.
        EditTooLate => "edit_too_late",
    }
);

string_enum!(
    /// The published debate rules (`/debatregler`): a moderator hides an argument under one,
    /// and its author and every reader are told which.
    DebateRule {
        Respect => "respect",
        Discrimination => "discrimination",
        OnTopic => "on_topic",
        Advertising => "advertising",
        Privacy => "privacy",
        Lawful => "lawful",
    }
);

string_enum!(
    /// Why a staff form on an idea's debate went back (`debate_error=`).
    StaffDebateProblem {
        /// Hiding needs the rule the argument broke.
        RuleMissing => "rule_missing",
        /// The municipality's reply is empty, too long or has too many links.
        ReplyInvalid => "reply_invalid",
        /// Closing needs a conclusion.
        ConclusionMissing => "conclusion_missing",
        /// The argument is gone, or not of this idea.
        NotFound => "not_found",
    }
);

/// What staff write when they close a debate: 1 to 1 500 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conclusion(String);

impl Conclusion {
    pub fn parse(input: &str) -> Result<Conclusion, StaffDebateProblem> {
        clean_text(input, 1, ArgumentText::MAX_CHARS, true)
            .map(Conclusion)
            .map_err(|_| StaffDebateProblem::ConclusionMissing)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An argument's or a reply's words: plain text, 1 to 1 500 characters, line breaks allowed,
/// at most [`MAX_LINKS`] links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArgumentText(String);

impl ArgumentText {
    pub const MAX_CHARS: usize = 1500;

    pub fn parse(input: &str) -> Result<ArgumentText, ArgumentProblem> {
        let text = clean_text(input, 1, Self::MAX_CHARS, true).map_err(|error| match error {
            TextError::Empty | TextError::TooShort { .. } => ArgumentProblem::Empty,
            TextError::TooLong { .. } => ArgumentProblem::TooLong,
            TextError::ControlCharacters => ArgumentProblem::ControlCharacters,
        })?;
        if count_links(&text) > MAX_LINKS {
            return Err(ArgumentProblem::TooManyLinks);
        }
        Ok(ArgumentText(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text as the same-text check compares it: lower case, every run of white space one
    /// space, so an added blank or capital does not make a repeat new.
    pub fn fold(&self) -> String {
        self.0
            .split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The links in a text: words that start with a web scheme or `www.`.
pub fn count_links(text: &str) -> usize {
    text.split(|c: char| c.is_whitespace() || c == '(' || c == '<' || c == '"')
        .filter(|word| {
            let word = word.to_ascii_lowercase();
            word.starts_with("http://") || word.starts_with("https://") || word.starts_with("www.")
        })
        .count()
}

/// How many arguments of each stance an idea has (published ones; replies not counted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArgumentCounts {
    pub for_it: i64,
    pub against: i64,
    pub questions: i64,
}

impl ArgumentCounts {
    pub fn total(self) -> i64 {
        self.for_it + self.against + self.questions
    }

    pub fn of(self, stance: Stance) -> i64 {
        match stance {
            Stance::For => self.for_it,
            Stance::Against => self.against,
            Stance::Question => self.questions,
        }
    }
}

/// What a resident posts: an argument (a stance, no parent) or a reply (a parent, no stance).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Post {
    Argument(Stance),
    Reply(ArgumentId),
}

impl Post {
    /// Reads the form's `stance` and `reply_to`: a reply when it names an argument.
    pub fn read(stance: &str, reply_to: Option<i64>) -> Result<Post, ArgumentProblem> {
        match reply_to.filter(|id| *id > 0) {
            Some(parent) => Ok(Post::Reply(ArgumentId(parent))),
            None => Stance::parse(stance.trim())
                .map(Post::Argument)
                .ok_or(ArgumentProblem::StanceMissing),
        }
    }
}

/// One resident's argument or reply on one idea, checked.
#[derive(Debug, Clone)]
pub struct NewArgument {
    pub idea: IdeaId,
    pub post: Post,
    pub text: ArgumentText,
}

/// Who wrote an argument, as readers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Author {
    /// A resident, by the display name they chose, if any.
    Resident(Option<String>),
    /// A resident who has since deleted their account.
    Former,
    /// Staff, writing as the municipality, for a department if they named one.
    Municipality { department: Option<String> },
}

/// How an argument is shown in its thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shown {
    Text(String),
    /// Its author deleted it on this day (seconds); its replies stay.
    DeletedByAuthor(Timestamp),
    /// Hidden on this day, by a moderator under a debate rule or by residents' reports until
    /// a moderator has looked; its replies stay.
    Hidden {
        at: Timestamp,
        by: HiddenBy,
    },
    /// The reader's own words, waiting for a moderator's approval; nobody else sees them yet.
    Waiting(String),
}

/// Why an argument is hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HiddenBy {
    Rule(DebateRule),
    /// Enough residents reported it; a moderator has not decided yet.
    Reports,
}

impl HiddenBy {
    /// As stored in `moderation_rule`: a rule's key, or the reports' marker ideas share.
    pub fn as_str(self) -> &'static str {
        match self {
            HiddenBy::Rule(rule) => rule.as_str(),
            HiddenBy::Reports => crate::report::AUTO_HIDE_REASON,
        }
    }

    pub fn parse(stored: &str) -> Option<HiddenBy> {
        if stored == crate::report::AUTO_HIDE_REASON {
            return Some(HiddenBy::Reports);
        }
        DebateRule::parse(stored).map(HiddenBy::Rule)
    }
}

/// One argument or reply as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArgumentItem {
    pub id: ArgumentId,
    /// `None` for a reply.
    pub stance: Option<Stance>,
    pub shown: Shown,
    pub language: crate::locale::Locale,
    pub author: Author,
    pub created_at: Timestamp,
    pub edited: bool,
    pub helpful: i64,
    /// The reader marked it helpful.
    pub helped: bool,
    /// The reader wrote it.
    pub mine: bool,
    /// The reader wrote it less than [`EDIT_WINDOW_SECONDS`] ago, so may still edit it.
    pub editable: bool,
}

/// A reader's own relation to an argument: all of an [`ArgumentItem`] that depends on who reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgumentMark {
    /// Someone else's, not marked helpful by the reader.
    Other,
    /// Someone else's, marked helpful by the reader.
    Helpful,
    /// The reader's own, past its edit window.
    Mine,
    /// The reader's own, still editable.
    MineEditable,
}

impl ArgumentMark {
    /// Every mark, in the order a page kept for all residents holds them.
    pub const ALL: [ArgumentMark; 4] = [
        ArgumentMark::Other,
        ArgumentMark::Helpful,
        ArgumentMark::Mine,
        ArgumentMark::MineEditable,
    ];

    pub fn of(mine: bool, editable: bool, helped: bool) -> ArgumentMark {
        match (mine, editable, helped) {
            (true, true, _) => ArgumentMark::MineEditable,
            (true, false, _) => ArgumentMark::Mine,
            (false, _, true) => ArgumentMark::Helpful,
            (false, _, false) => ArgumentMark::Other,
        }
    }

    /// The reader's mark on `item`.
    pub fn of_item(item: &ArgumentItem) -> ArgumentMark {
        ArgumentMark::of(item.mine, item.editable, item.helped)
    }

    /// `item` as a reader with this mark sees it.
    pub fn apply(self, item: &mut ArgumentItem) {
        item.helped = self == ArgumentMark::Helpful;
        item.mine = matches!(self, ArgumentMark::Mine | ArgumentMark::MineEditable);
        item.editable = self == ArgumentMark::MineEditable;
    }
}

/// An argument with its replies, oldest reply first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thread {
    pub argument: ArgumentItem,
    pub replies: Vec<ArgumentItem>,
}

/// A page of an idea's debate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Debate {
    pub threads: Vec<Thread>,
    pub counts: ArgumentCounts,
    /// Arguments matching the stance asked for (all stances: `counts.total()`).
    pub matching: i64,
    /// When staff closed the debate, and their conclusion.
    pub closed: Option<(Timestamp, String)>,
}

/// An argument as staff see it on the idea's staff page: hidden ones with their words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffArgument {
    pub item: ArgumentItem,
    /// The words as written (empty once the author deleted them).
    pub body: String,
    pub parent: Option<ArgumentId>,
    pub hidden: bool,
}

/// What a visitor typed before signing in, shown again in the form once they are back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArgumentDraft {
    pub stance: Option<Stance>,
    /// The argument the draft replies to.
    pub reply_to: Option<i64>,
    pub text: String,
}

/// Posts a resident's argument or reply within the limit on how many one resident may post;
/// storage refuses the same text twice, a closed debate and a reply to a reply.
#[cfg(feature = "storage")]
#[tracing::instrument(skip_all)]
pub async fn post_argument(
    db: &crate::storage::Db,
    limits: &crate::limits::Limits,
    resident: crate::ResidentId,
    new: &NewArgument,
    moderation: crate::moderation::ModerationMode,
    now: i64,
) -> Result<Result<ArgumentId, ArgumentProblem>, crate::storage::StorageError> {
    if limits.arguments_per_resident.check(&resident).is_err() {
        return Ok(Err(ArgumentProblem::TooMany));
    }
    db.insert_argument(
        resident,
        new,
        crate::locale::written_in(new.text.as_str()),
        moderation,
        now,
    )
    .await
}

/// Marks an argument as helpful (`want`) or takes the mark back, within the limit shared with
/// supports' pace; `None` when there is no such public argument, or it is the resident's own.
#[cfg(feature = "storage")]
#[tracing::instrument(skip_all)]
pub async fn set_helpful(
    db: &crate::storage::Db,
    limits: &crate::limits::Limits,
    resident: crate::ResidentId,
    argument: ArgumentId,
    want: bool,
    now: i64,
) -> Result<Result<Option<(i64, bool)>, i64>, crate::storage::StorageError> {
    if let Err(retry_after) = limits.helpful_per_resident.check(&resident) {
        return Ok(Err(retry_after));
    }
    Ok(Ok(db.set_helpful(argument, resident, want, now).await?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_argument_is_plain_text_within_its_limits() {
        assert_eq!(ArgumentText::parse("  \n "), Err(ArgumentProblem::Empty));
        assert_eq!(
            ArgumentText::parse(&"a".repeat(1501)),
            Err(ArgumentProblem::TooLong)
        );
        assert!(
            ArgumentText::parse(&"æ".repeat(1500)).is_ok(),
            "characters, not bytes"
        );
        assert_eq!(
            ArgumentText::parse("Godt\u{0007} forslag"),
            Err(ArgumentProblem::ControlCharacters)
        );
        assert_eq!(
            ArgumentText::parse("Ja!\r\nFordi\rbusser")
                .unwrap()
                .as_str(),
            "Ja!\nFordi\nbusser"
        );
    }

    #[test]
    fn two_links_are_a_source_three_are_refused() {
        let two = "Se https://aalborg.dk/klima og www.dn.dk for tal.";
        assert_eq!(count_links(two), 2);
        assert!(ArgumentText::parse(two).is_ok());
        let three = format!("{two} (HTTP://example.org)");
        assert_eq!(count_links(&three), 3);
        assert_eq!(
            ArgumentText::parse(&three),
            Err(ArgumentProblem::TooManyLinks)
        );
        assert_eq!(
            count_links("Mail mig på jens@www.dk eller læs httpd-logs"),
            0
        );
    }

    #[test]
    fn the_same_words_fold_to_the_same_text() {
        let a = ArgumentText::parse("Flere   cykelstier,\nTAK").unwrap();
        let b = ArgumentText::parse("flere cykelstier, tak").unwrap();
        assert_eq!(a.fold(), b.fold());
    }

    #[test]
    fn a_post_is_an_argument_with_a_stance_or_a_reply() {
        assert_eq!(Post::read("for", None), Ok(Post::Argument(Stance::For)));
        assert_eq!(
            Post::read("", Some(7)),
            Ok(Post::Reply(ArgumentId(7))),
            "a reply takes no stance"
        );
        assert_eq!(Post::read("", None), Err(ArgumentProblem::StanceMissing));
        assert_eq!(
            Post::read("maybe", Some(0)),
            Err(ArgumentProblem::StanceMissing)
        );
        let counts = ArgumentCounts {
            for_it: 8,
            against: 3,
            questions: 1,
        };
        assert_eq!((counts.total(), counts.of(Stance::Against)), (12, 3));
    }
}
