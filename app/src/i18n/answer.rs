//! Texts of the staff page for statuses and official answers.

use klimadialog::Locale;

pub struct AnswerTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub set_status: &'static str,
    pub status_legend: &'static str,
    pub answer_da: &'static str,
    /// Which statuses need the answer, named as staff see them in the list.
    pub answer_da_hint: fn(&[&str]) -> String,
    pub answer_en: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub error_status: &'static str,
    pub error_answer_required: &'static str,
    pub error_english_alone: &'static str,
    pub error_answer_invalid: &'static str,
    pub current: &'static str,
    pub filter_status: &'static str,
    pub search: &'static str,
    pub show: &'static str,
    pub all: &'static str,
    pub none: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub export: &'static str,
    pub export_intro: &'static str,
    pub format: &'static str,
    pub include_contact: &'static str,
    pub include_contact_hint: &'static str,
    pub download: &'static str,
    /// The CSV for tools other than Danish Excel, whose separator is `;`.
    pub csv_comma: &'static str,
    pub merge_label: &'static str,
    pub merge: &'static str,
    pub merge_hint: &'static str,
    pub error_merge_target: &'static str,
    pub merges: &'static str,
    pub merged_into: fn(&str, &str) -> String,
    pub undone: &'static str,
    pub undo: &'static str,
    pub merged_done: &'static str,
    pub note: &'static str,
    pub note_hint: &'static str,
    pub save_note: &'static str,
    pub note_saved: &'static str,
    pub error_note: &'static str,
}

pub fn answer_texts(locale: Locale) -> &'static AnswerTexts {
    &super::language(locale).answers
}
