//! What public pages show of ideas: read models built by storage and rendered by the UI.
//! They hold no personal data beyond a display name the author chose to show.

use serde::{Deserialize, Serialize};

use crate::Locale;
use crate::area::AreaSlug;
use crate::idea::{IdeaId, IdeaKind, PublicStatus};
use crate::time::Timestamp;

/// A text in both UI languages (names of sectors and themes, official answers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub da: String,
    pub en: Option<String>,
}

impl Bilingual {
    /// The English text where there is one, else the Danish: Danish is always there.
    pub fn get(&self, locale: Locale) -> &str {
        self.text(locale).0
    }

    /// [`Bilingual::get`] and the language of the text it gave, to mark Danish shown on an
    /// English page.
    pub fn text(&self, locale: Locale) -> (&str, Locale) {
        match (locale, &self.en) {
            (Locale::En | Locale::Pseudo, Some(en)) => (en, Locale::En),
            _ => (&self.da, Locale::Da),
        }
    }
}

/// An idea in a list: enough for a card, nothing more.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdeaSummary {
    pub id: IdeaId,
    pub title: String,
    pub kind: IdeaKind,
    pub category_key: String,
    pub category_name: Bilingual,
    pub area_slug: AreaSlug,
    pub area_name: String,
    pub supports: i64,
    pub status: PublicStatus,
    pub created_at: Timestamp,
    /// The language the resident wrote the title and description in.
    pub language: Locale,
    /// Its published arguments by stance.
    pub arguments: crate::argument::ArgumentCounts,
}

/// A page of a list, with the total so the UI can offer the next page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdeaPage {
    pub ideas: Vec<IdeaSummary>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

impl IdeaPage {
    pub fn page_count(&self) -> u32 {
        let per = i64::from(self.per_page.max(1));
        ((self.total + per - 1) / per).max(1) as u32
    }
}

/// One step of an idea's public status, with the official answer where there is one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusEntry {
    pub status: PublicStatus,
    pub answer: Option<Bilingual>,
    pub at: Timestamp,
}

/// Everything the idea page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdeaDetail {
    pub summary: IdeaSummary,
    pub description: String,
    /// The author's chosen public name; `None` shows "Resident in <area>".
    pub author_name: Option<String>,
    /// The photo's file name (`{hash}.{width}x{height}.jpg`), if the idea has one.
    pub photo: Option<String>,
    /// The idea's own point in millionths of a degree (latitude, longitude), if it has one.
    pub point: Option<(i64, i64)>,
    pub history: Vec<StatusEntry>,
    /// When a moderator approved it for the public, if one did (else it was public at once).
    pub approved_at: Option<Timestamp>,
    /// What happened in the plan: links to actions, and those actions' statuses and milestones
    /// since the idea was proposed, oldest first.
    pub plan_events: Vec<crate::plan::PlanEvent>,
}

/// How many weeks back the weekly statistics go.
pub const STATS_WEEKS: i64 = 26;

/// One bar of a chart: a key (sector, theme, area slug, or the week's Monday as Unix time)
/// with its ideas and supports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub key: String,
    pub ideas: i64,
    pub supports: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub by_sector: Vec<Tally>,
    pub by_theme: Vec<Tally>,
    pub by_area: Vec<Tally>,
    /// The last `STATS_WEEKS` weeks, oldest first, every week present (0s included).
    pub by_week: Vec<Tally>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_falls_back_to_danish() {
        let both = Bilingual {
            da: "Skybrud".into(),
            en: Some("Cloudburst".into()),
        };
        let da_only = Bilingual {
            da: "Svar".into(),
            en: None,
        };
        assert_eq!(both.get(Locale::En), "Cloudburst");
        assert_eq!(both.get(Locale::Da), "Skybrud");
        assert_eq!(da_only.get(Locale::En), "Svar");
    }

    #[test]
    fn page_count_rounds_up_and_is_at_least_one() {
        let page = |total| IdeaPage {
            ideas: vec![],
            total,
            page: 1,
            per_page: 20,
        };
        assert_eq!(page(0).page_count(), 1);
        assert_eq!(page(20).page_count(), 1);
        assert_eq!(page(21).page_count(), 2);
    }
}
