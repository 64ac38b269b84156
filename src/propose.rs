//! Proposing an idea: the draft as the resident typed it, and the one check that turns it into
//! an idea or says, field by field, what is missing. The browser (WebAssembly) and the server
//! run this same code, so they never disagree about what is acceptable.

use serde::{Deserialize, Serialize};

use crate::area::AreaSlug;
use crate::idea::{Category, IdeaDescription, IdeaKind, IdeaTitle, TextError};
use crate::reference::CategoryKey;

#[cfg(feature = "storage")]
mod submit;
#[cfg(feature = "storage")]
pub use submit::{Sending, SubmitError, submit};

/// What a resident has typed into the propose form, as typed, so the form can show it again.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DraftFields {
    pub kind: String,
    pub sector: String,
    pub theme: String,
    /// The slug of the area picked from the list.
    pub area: String,
    /// A point from "use my location", in WGS84 degrees; the server derives the area from it.
    pub lat: String,
    pub lon: String,
    /// "1" when the author ticked that the exact spot matters (it is then published
    /// unrounded); anything else publishes the point rounded to about 100 m.
    pub exact_point: String,
    pub title: String,
    pub description: String,
}

/// The most characters of each field a draft keeps: enough to show a too-long text back to
/// its author so they can shorten it, bounded so a draft cannot grow without end.
const KEEP_SHORT: usize = 100;
const KEEP_TITLE: usize = IdeaTitle::MAX_CHARS * 3;
const KEEP_DESCRIPTION: usize = IdeaDescription::MAX_CHARS * 2;

fn keep(text: &mut String, max: usize) {
    if let Some((cut, _)) = text.char_indices().nth(max) {
        text.truncate(cut);
    }
}

/// What is wrong with one field. Each becomes a sentence in the resident's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldError {
    KindMissing,
    SectorMissing,
    ThemeMissing,
    PlaceMissing,
    PointInvalid,
    PointOutside,
    Text(TextError),
}

/// Why an uploaded photo was not kept, as the form is told after a redirect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhotoProblem {
    TooLarge,
    NotAPicture,
    TooManyPixels,
    /// Too many photos were being read at once: the resident may send it again in a moment.
    Busy,
    Failed,
}

impl PhotoProblem {
    pub fn as_str(self) -> &'static str {
        match self {
            PhotoProblem::TooLarge => "too_large",
            PhotoProblem::NotAPicture => "not_a_picture",
            PhotoProblem::TooManyPixels => "too_many_pixels",
            PhotoProblem::Busy => "busy",
            PhotoProblem::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<PhotoProblem> {
        [
            PhotoProblem::TooLarge,
            PhotoProblem::NotAPicture,
            PhotoProblem::TooManyPixels,
            PhotoProblem::Busy,
            PhotoProblem::Failed,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
    }
}

/// The errors of a draft, by field; a field without an error is `None`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftErrors {
    pub kind: Option<FieldError>,
    pub category: Option<FieldError>,
    pub place: Option<FieldError>,
    pub title: Option<FieldError>,
    pub description: Option<FieldError>,
}

impl DraftErrors {
    pub fn is_empty(&self) -> bool {
        *self == DraftErrors::default()
    }
}

/// Where the resident said the idea belongs: an area from the list, or a point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Place {
    Area(AreaSlug),
    Point { lat: f64, lon: f64 },
}

/// A draft that passed every check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckedDraft {
    pub title: IdeaTitle,
    pub description: IdeaDescription,
    pub category: Category,
    pub place: Place,
    /// Publish the point as given, not rounded.
    pub exact_point: bool,
}

/// Reads a coordinate as a phone or a person writes it ("57.05" or "57,05").
fn coordinate(text: &str) -> Option<f64> {
    let text = text.trim();
    if text.is_empty() || text.len() > 30 {
        return None;
    }
    text.replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

impl DraftFields {
    /// Cuts every field to what a draft keeps.
    pub fn bounded(mut self) -> DraftFields {
        for short in [
            &mut self.kind,
            &mut self.sector,
            &mut self.theme,
            &mut self.area,
            &mut self.lat,
            &mut self.lon,
            &mut self.exact_point,
        ] {
            keep(short, KEEP_SHORT);
        }
        keep(&mut self.title, KEEP_TITLE);
        keep(&mut self.description, KEEP_DESCRIPTION);
        self
    }

    /// The point from "use my location", if one was given; `Err` if it is not a point.
    pub fn point(&self) -> Result<Option<(f64, f64)>, FieldError> {
        if self.lat.trim().is_empty() && self.lon.trim().is_empty() {
            return Ok(None);
        }
        match (coordinate(&self.lat), coordinate(&self.lon)) {
            (Some(lat), Some(lon))
                if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
            {
                Ok(Some((lat, lon)))
            }
            _ => Err(FieldError::PointInvalid),
        }
    }

    /// Checks every field. `known_category` and `known_area` say which sectors, themes and
    /// areas exist (the server asks its database; the browser its built-in lists). Whether a
    /// point lies inside the municipality only the server can say, after this.
    pub fn check(
        &self,
        known_category: impl Fn(&Category) -> bool,
        known_area: impl Fn(&AreaSlug) -> bool,
    ) -> Result<CheckedDraft, DraftErrors> {
        let mut errors = DraftErrors::default();
        let kind = IdeaKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.kind = Some(FieldError::KindMissing);
        }
        let category = match kind {
            Some(IdeaKind::Mitigation) => CategoryKey::parse(self.sector.trim())
                .map(Category::Sector)
                .filter(|c| known_category(c))
                .ok_or(FieldError::SectorMissing),
            Some(IdeaKind::Adaptation) => CategoryKey::parse(self.theme.trim())
                .map(Category::Theme)
                .filter(|c| known_category(c))
                .ok_or(FieldError::ThemeMissing),
            None => Err(FieldError::KindMissing),
        };
        if let (Err(e), Some(_)) = (&category, kind) {
            errors.category = Some(*e);
        }
        let place = match self.point() {
            Ok(Some((lat, lon))) => Ok(Place::Point { lat, lon }),
            Ok(None) => AreaSlug::parse(self.area.trim())
                .filter(|a| known_area(a))
                .map(Place::Area)
                .ok_or(FieldError::PlaceMissing),
            Err(e) => Err(e),
        };
        if let Err(e) = &place {
            errors.place = Some(*e);
        }
        let title = IdeaTitle::parse(&self.title);
        if let Err(e) = &title {
            errors.title = Some(FieldError::Text(*e));
        }
        let description = IdeaDescription::parse(&self.description);
        if let Err(e) = &description {
            errors.description = Some(FieldError::Text(*e));
        }
        match (title, description, category, place) {
            (Ok(title), Ok(description), Ok(category), Ok(place)) if errors.is_empty() => {
                Ok(CheckedDraft {
                    title,
                    description,
                    category,
                    place,
                    exact_point: self.exact_point == "1",
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> DraftFields {
        DraftFields {
            kind: "mitigation".into(),
            sector: "transport".into(),
            area: "vestbyen".into(),
            title: "Flere cykelstier".into(),
            description: "Cykelstierne i Vestbyen slutter midt på vejen.".into(),
            ..DraftFields::default()
        }
    }

    fn check(fields: &DraftFields) -> Result<CheckedDraft, DraftErrors> {
        fields.check(
            |c| c.key().as_str() != "unknown",
            |a| a.as_str() != "atlantis",
        )
    }

    #[test]
    fn a_complete_draft_passes() {
        let checked = check(&good()).unwrap();
        assert_eq!(checked.title.as_str(), "Flere cykelstier");
        assert_eq!(
            checked.place,
            Place::Area(AreaSlug::parse("vestbyen").unwrap())
        );
        assert_eq!(checked.category.kind(), IdeaKind::Mitigation);
    }

    #[test]
    fn each_bad_field_gets_its_own_error_and_no_other() {
        type Case = (fn(&mut DraftFields), DraftErrors);
        let cases: Vec<Case> = vec![
            (
                |f| f.kind.clear(),
                DraftErrors {
                    kind: Some(FieldError::KindMissing),
                    ..Default::default()
                },
            ),
            (
                |f| f.kind = "both".into(),
                DraftErrors {
                    kind: Some(FieldError::KindMissing),
                    ..Default::default()
                },
            ),
            (
                |f| f.sector = "unknown".into(),
                DraftErrors {
                    category: Some(FieldError::SectorMissing),
                    ..Default::default()
                },
            ),
            (
                |f| f.kind = "adaptation".into(),
                DraftErrors {
                    category: Some(FieldError::ThemeMissing),
                    ..Default::default()
                },
            ),
            (
                |f| f.area = "atlantis".into(),
                DraftErrors {
                    place: Some(FieldError::PlaceMissing),
                    ..Default::default()
                },
            ),
            (
                |f| f.area.clear(),
                DraftErrors {
                    place: Some(FieldError::PlaceMissing),
                    ..Default::default()
                },
            ),
            (
                |f| f.lat = "57.05".into(),
                DraftErrors {
                    place: Some(FieldError::PointInvalid),
                    ..Default::default()
                },
            ),
            (
                |f| {
                    f.lat = "99".into();
                    f.lon = "9.9".into()
                },
                DraftErrors {
                    place: Some(FieldError::PointInvalid),
                    ..Default::default()
                },
            ),
            (
                |f| {
                    f.lat = "NaN".into();
                    f.lon = "9.9".into()
                },
                DraftErrors {
                    place: Some(FieldError::PointInvalid),
                    ..Default::default()
                },
            ),
            (
                |f| f.title = "Cyk".into(),
                DraftErrors {
                    title: Some(FieldError::Text(TextError::TooShort { min: 5 })),
                    ..Default::default()
                },
            ),
            (
                |f| f.title = "  ".into(),
                DraftErrors {
                    title: Some(FieldError::Text(TextError::Empty)),
                    ..Default::default()
                },
            ),
            (
                |f| f.description = "x".repeat(4001),
                DraftErrors {
                    description: Some(FieldError::Text(TextError::TooLong { max: 4000 })),
                    ..Default::default()
                },
            ),
        ];
        for (change, expected) in cases {
            let mut fields = good();
            change(&mut fields);
            assert_eq!(check(&fields).unwrap_err(), expected, "{fields:?}");
        }
    }

    #[test]
    fn a_point_wins_over_the_list_and_takes_a_decimal_comma() {
        let mut fields = good();
        fields.lat = "57,053".into();
        fields.lon = " 9.890".into();
        assert_eq!(
            check(&fields).unwrap().place,
            Place::Point {
                lat: 57.053,
                lon: 9.890
            }
        );
    }

    #[test]
    fn drafts_keep_a_bounded_amount_of_text() {
        let mut fields = good();
        fields.description = "æ".repeat(100_000);
        fields.kind = "k".repeat(10_000);
        let kept = fields.bounded();
        assert_eq!(kept.description.chars().count(), 8000);
        assert_eq!(kept.kind.len(), 100);
    }
}
