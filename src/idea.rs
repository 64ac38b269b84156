//! Ideas: their identity, their checked text, their kind and category, and the two state
//! machines (moderation and public status) that decide who sees them and what became of them.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::reference::CategoryKey;

/// The public number of an idea, as in `/ideas/{id}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct IdeaId(pub i64);

impl IdeaId {
    /// Reads the id part of a URL. Only plain positive decimal numbers are ids.
    pub fn parse(segment: &str) -> Option<IdeaId> {
        if segment.is_empty() || segment.len() > 18 || !segment.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        segment.parse::<i64>().ok().filter(|n| *n > 0).map(IdeaId)
    }
}

impl fmt::Display for IdeaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The width and height in a photo's file name (`{hash}.{width}x{height}.jpg`).
pub fn photo_size(name: &str) -> Option<(u32, u32)> {
    let rest = name.strip_suffix(".jpg")?;
    let (_, size) = rest.rsplit_once('.')?;
    let (w, h) = size.split_once('x')?;
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .filter(|n| *n > 0)
    };
    Some((number(w)?, number(h)?))
}

/// Why a piece of idea text was refused. The UI turns each into a sentence in the user's
/// language; the limits travel with the error so the sentence can name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum TextError {
    #[error("the text is empty")]
    Empty,
    #[error("the text is too short (at least {min} characters)")]
    TooShort { min: usize },
    #[error("the text is too long (at most {max} characters)")]
    TooLong { max: usize },
    #[error("the text contains control characters")]
    ControlCharacters,
}

pub(crate) fn clean_text(
    input: &str,
    min: usize,
    max: usize,
    multiline: bool,
) -> Result<String, TextError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(TextError::Empty);
    }
    let allowed = |c: char| !c.is_control() || (multiline && (c == '\n' || c == '\r' || c == '\t'));
    if !trimmed.chars().all(allowed) {
        return Err(TextError::ControlCharacters);
    }
    // Line endings are stored as \n so lengths mean the same in every browser.
    let normalised = trimmed.replace("\r\n", "\n").replace('\r', "\n");
    let length = normalised.chars().count();
    if length < min {
        return Err(TextError::TooShort { min });
    }
    if length > max {
        return Err(TextError::TooLong { max });
    }
    Ok(normalised)
}

/// An idea's title: one line, 5 to 120 characters after trimming.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaTitle(String);

impl IdeaTitle {
    pub const MIN_CHARS: usize = 5;
    pub const MAX_CHARS: usize = 120;

    pub fn parse(input: &str) -> Result<IdeaTitle, TextError> {
        clean_text(input, Self::MIN_CHARS, Self::MAX_CHARS, false).map(IdeaTitle)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An idea's description: 20 to 4 000 characters, line breaks allowed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaDescription(String);

impl IdeaDescription {
    pub const MIN_CHARS: usize = 20;
    pub const MAX_CHARS: usize = 4000;

    pub fn parse(input: &str) -> Result<IdeaDescription, TextError> {
        clean_text(input, Self::MIN_CHARS, Self::MAX_CHARS, true).map(IdeaDescription)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether an idea cuts emissions or copes with the climate change that comes anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IdeaKind {
    Mitigation,
    Adaptation,
}

impl IdeaKind {
    pub const ALL: [IdeaKind; 2] = [IdeaKind::Mitigation, IdeaKind::Adaptation];

    pub fn as_str(self) -> &'static str {
        match self {
            IdeaKind::Mitigation => "mitigation",
            IdeaKind::Adaptation => "adaptation",
        }
    }

    pub fn parse(s: &str) -> Option<IdeaKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl StableName for IdeaKind {
    fn as_str(self) -> &'static str {
        IdeaKind::as_str(self)
    }
    fn parse(s: &str) -> Option<IdeaKind> {
        IdeaKind::parse(s)
    }
}

impl TryFrom<String> for IdeaKind {
    type Error = String;
    fn try_from(s: String) -> Result<IdeaKind, String> {
        IdeaKind::parse(&s).ok_or(s)
    }
}

/// A stable name no variant has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("no such name")]
pub struct UnknownName;

/// A value that crosses boundaries (the database, URLs, exports, open data) by a stable name.
pub trait StableName: Sized + Copy {
    fn as_str(self) -> &'static str;
    fn parse(s: &str) -> Option<Self>;
}

/// `#[serde(with = "by_name")]`: a [`StableName`] in JSON as its stable name (`"in_plan"`),
/// as exports and open data publish it, rather than as the Rust variant.
pub mod by_name {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::StableName;

    pub fn serialize<T: StableName, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(value.as_str())
    }

    pub fn deserialize<'de, T: StableName, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        T::parse(&name).ok_or_else(|| D::Error::custom(format!("unknown name {name:?}")))
    }
}

/// Where an idea belongs in the plan. A mitigation idea has a sector and an adaptation idea a
/// theme, never both and never neither: the type makes the wrong pairing unrepresentable.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Category {
    Sector(CategoryKey),
    Theme(CategoryKey),
}

impl Category {
    pub fn kind(&self) -> IdeaKind {
        match self {
            Category::Sector(_) => IdeaKind::Mitigation,
            Category::Theme(_) => IdeaKind::Adaptation,
        }
    }

    pub fn key(&self) -> &CategoryKey {
        match self {
            Category::Sector(key) | Category::Theme(key) => key,
        }
    }

    /// Reads a form's choice of category: `sector:<key>` or `theme:<key>`.
    pub fn parse_choice(choice: &str) -> Option<Category> {
        match choice.trim().split_once(':') {
            Some(("sector", key)) => CategoryKey::parse(key).map(Category::Sector),
            Some(("theme", key)) => CategoryKey::parse(key).map(Category::Theme),
            _ => None,
        }
    }

    /// The choice as forms write it: `sector:<key>` or `theme:<key>`.
    pub fn choice(&self) -> String {
        match self {
            Category::Sector(key) => format!("sector:{}", key.as_str()),
            Category::Theme(key) => format!("theme:{}", key.as_str()),
        }
    }

    /// Rebuilds a category from the columns that store it.
    pub fn from_columns(kind: IdeaKind, sector: Option<&str>, theme: Option<&str>) -> Option<Self> {
        match (kind, sector, theme) {
            (IdeaKind::Mitigation, Some(s), None) => CategoryKey::parse(s).map(Category::Sector),
            (IdeaKind::Adaptation, None, Some(t)) => CategoryKey::parse(t).map(Category::Theme),
            _ => None,
        }
    }
}

/// An enum with a stable name for each variant, for what crosses a boundary as text: the
/// database, URLs, exports, and the error keys a server function puts in the address for its
/// page to read. Both sides name the variant, never the text.
#[macro_export]
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable name used in URLs, the database and exports.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }

        impl $crate::idea::StableName for $name {
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
            fn parse(s: &str) -> Option<$name> {
                $name::parse(s)
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = $crate::idea::UnknownName;
            fn from_str(s: &str) -> Result<$name, $crate::idea::UnknownName> {
                $name::parse(s).ok_or($crate::idea::UnknownName)
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(s: String) -> Result<$name, String> {
                $name::parse(&s).ok_or(s)
            }
        }
    };
}

pub(crate) use crate::string_enum;

string_enum!(
    /// What became of an idea, as the municipality answers it.
    PublicStatus {
        New => "new",
        UnderReview => "under_review",
        InPlan => "in_plan",
        PartlyInPlan => "partly_in_plan",
        AlreadyPlanned => "already_planned",
        NotAdopted => "not_adopted",
        Merged => "merged",
    }
);

impl PublicStatus {
    /// A decision must be explained to residents with an official answer.
    pub fn requires_answer(self) -> bool {
        matches!(
            self,
            PublicStatus::InPlan
                | PublicStatus::PartlyInPlan
                | PublicStatus::AlreadyPlanned
                | PublicStatus::NotAdopted
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ModerationState;

    #[test]
    fn titles_are_trimmed_and_bounded_in_characters_not_bytes() {
        assert_eq!(
            IdeaTitle::parse("  Flere cykelstier  ").unwrap().as_str(),
            "Flere cykelstier"
        );
        assert_eq!(IdeaTitle::parse("   "), Err(TextError::Empty));
        assert_eq!(IdeaTitle::parse("Sti"), Err(TextError::TooShort { min: 5 }));
        let danish = "æøå".repeat(40);
        assert_eq!(danish.chars().count(), 120);
        assert!(IdeaTitle::parse(&danish).is_ok());
        assert_eq!(
            IdeaTitle::parse(&format!("{danish}x")),
            Err(TextError::TooLong { max: 120 })
        );
    }

    #[test]
    fn titles_are_one_line() {
        assert_eq!(
            IdeaTitle::parse("Flere\ncykelstier"),
            Err(TextError::ControlCharacters)
        );
        assert_eq!(
            IdeaTitle::parse("Flere\u{0}cykelstier"),
            Err(TextError::ControlCharacters)
        );
    }

    #[test]
    fn descriptions_keep_line_breaks_and_normalise_them() {
        let d = IdeaDescription::parse("Første linje er lang nok.\r\nAnden linje.").unwrap();
        assert_eq!(d.as_str(), "Første linje er lang nok.\nAnden linje.");
        assert!(IdeaDescription::parse(&"a".repeat(4000)).is_ok());
        assert_eq!(
            IdeaDescription::parse(&"a".repeat(4001)),
            Err(TextError::TooLong { max: 4000 })
        );
        assert_eq!(
            IdeaDescription::parse("For kort"),
            Err(TextError::TooShort { min: 20 })
        );
    }

    #[test]
    fn idea_ids_are_plain_positive_numbers() {
        assert_eq!(IdeaId::parse("42"), Some(IdeaId(42)));
        for bad in [
            "",
            "0",
            "-1",
            "+1",
            "1e3",
            "abc",
            " 1",
            "99999999999999999999",
        ] {
            assert_eq!(IdeaId::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn enums_round_trip_through_their_names() {
        for s in ModerationState::ALL {
            assert_eq!(ModerationState::parse(s.as_str()), Some(*s));
        }
        for s in PublicStatus::ALL {
            assert_eq!(PublicStatus::parse(s.as_str()), Some(*s));
        }
        for k in IdeaKind::ALL {
            assert_eq!(IdeaKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(PublicStatus::parse("adopted"), None);
        assert_eq!(ModerationState::parse("PUBLISHED"), None);
    }

    #[test]
    fn category_pairs_kind_with_sector_or_theme() {
        let c = Category::from_columns(IdeaKind::Mitigation, Some("transport"), None).unwrap();
        assert_eq!(c.kind(), IdeaKind::Mitigation);
        assert_eq!(c.key().as_str(), "transport");
        assert!(Category::from_columns(IdeaKind::Mitigation, None, Some("heat")).is_none());
        assert!(
            Category::from_columns(IdeaKind::Adaptation, Some("energy"), Some("heat")).is_none()
        );
        assert!(Category::from_columns(IdeaKind::Adaptation, None, None).is_none());
    }

    #[test]
    fn only_decisions_need_an_answer() {
        assert!(!PublicStatus::New.requires_answer());
        assert!(!PublicStatus::UnderReview.requires_answer());
        assert!(PublicStatus::NotAdopted.requires_answer());
        assert!(PublicStatus::InPlan.requires_answer());
    }
}
