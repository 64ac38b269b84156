//! Texts of proposing an idea: the form, its errors, and the check before sending.

use klimadialog::Locale;
use klimadialog::idea::TextError;
use klimadialog::propose::{FieldError, PhotoProblem};

pub struct ProposeTexts {
    /// The language these texts are in, for the numbers they put in.
    pub locale: Locale,
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub errors_heading: &'static str,
    pub kind_legend: &'static str,
    pub kind_mitigation: &'static str,
    pub kind_adaptation: &'static str,
    pub sector_label: &'static str,
    pub theme_label: &'static str,
    pub choose: &'static str,
    pub place_legend: &'static str,
    pub area_label: &'static str,
    pub use_location: &'static str,
    /// What the public sees of a point the resident gives.
    pub point_published: &'static str,
    pub exact_point: &'static str,
    pub locating: &'static str,
    pub location_in: fn(&str) -> String,
    pub location_failed: &'static str,
    pub remove_location: &'static str,
    pub map_label: &'static str,
    pub point_in: fn(&str) -> String,
    pub title_label: &'static str,
    pub title_hint: &'static str,
    pub description_label: &'static str,
    pub description_hint: &'static str,
    /// "37 af højst 4.000 tegn": both numbers come formatted.
    pub chars_used: fn(&str, &str) -> String,
    pub photo_label: &'static str,
    pub photo_hint: &'static str,
    pub photo_current: &'static str,
    pub remove_photo: &'static str,
    pub continue_button: &'static str,
    pub review_title: &'static str,
    pub review_intro: &'static str,
    pub area_from_point: fn(&str) -> String,
    pub similar_heading: &'static str,
    pub similar_intro: &'static str,
    pub no_similar: &'static str,
    pub support_instead: &'static str,
    pub edit: &'static str,
    pub submit: &'static str,
    pub sign_in_to_submit: &'static str,
    pub draft_kept: &'static str,
    pub no_draft: &'static str,
    pub start: &'static str,
    pub pre_moderation: &'static str,
    pub post_moderation: &'static str,
    pub kind_missing: &'static str,
    pub sector_missing: &'static str,
    pub theme_missing: &'static str,
    pub place_missing: &'static str,
    pub point_invalid: &'static str,
    pub point_outside: fn(&str) -> String,
    pub text_empty: &'static str,
    /// The number comes formatted; a template with `{n}` is made by passing "{n}".
    pub text_too_short: fn(&str) -> String,
    pub text_too_long: fn(&str) -> String,
    pub text_control: &'static str,
    pub photo_too_large: &'static str,
    pub photo_not_a_picture: &'static str,
    pub photo_too_many_pixels: &'static str,
    pub photo_busy: &'static str,
    pub photo_failed: &'static str,
    pub too_many: &'static str,
}

impl ProposeTexts {
    /// The sentence for a field's error; `municipality` names the place a point must be in.
    pub fn field_error(&self, error: FieldError, municipality: &str) -> String {
        match error {
            FieldError::KindMissing => self.kind_missing.into(),
            FieldError::SectorMissing => self.sector_missing.into(),
            FieldError::ThemeMissing => self.theme_missing.into(),
            FieldError::PlaceMissing => self.place_missing.into(),
            FieldError::PointInvalid => self.point_invalid.into(),
            FieldError::PointOutside => (self.point_outside)(municipality),
            FieldError::Text(e) => self.text_error(e),
        }
    }

    /// A number as this language writes it: 4.000 or 4,000.
    pub fn number(&self, n: usize) -> String {
        klimadialog::numbers::format_int(self.locale, n as i64)
    }

    pub fn text_error(&self, error: TextError) -> String {
        match error {
            TextError::Empty => self.text_empty.into(),
            TextError::TooShort { min } => (self.text_too_short)(&self.number(min)),
            TextError::TooLong { max } => (self.text_too_long)(&self.number(max)),
            TextError::ControlCharacters => self.text_control.into(),
        }
    }

    pub fn photo_error(&self, problem: PhotoProblem) -> &'static str {
        match problem {
            PhotoProblem::TooLarge => self.photo_too_large,
            PhotoProblem::NotAPicture => self.photo_not_a_picture,
            PhotoProblem::TooManyPixels => self.photo_too_many_pixels,
            PhotoProblem::Busy => self.photo_busy,
            PhotoProblem::Failed => self.photo_failed,
        }
    }
}
