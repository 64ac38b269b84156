//! Texts of batch actions on the staff table of ideas.

use klimadialog::batch::{BatchError, BatchKind, BatchRefusal};

pub struct BatchTexts {
    pub legend: &'static str,
    /// The hidden label of a row's checkbox: "Vælg »Cykelsti langs fjorden«".
    pub pick: fn(&str) -> String,
    pub pick_column: &'static str,
    /// The header box that ticks every row of the page.
    pub pick_all: &'static str,
    /// "3 idéer valgt", said as rows are ticked.
    pub picked: fn(i64) -> String,
    pub scope_ticked: &'static str,
    /// "Alle 63 idéer, der passer til filteret".
    pub scope_all: fn(i64) -> String,
    pub action: &'static str,
    pub action_name: fn(BatchKind) -> &'static str,
    pub status: &'static str,
    pub category: &'static str,
    pub area: &'static str,
    pub reason: &'static str,
    pub reason_hint: &'static str,
    pub fields_hint: &'static str,
    pub run: &'static str,
    pub export_hint: &'static str,
    pub export_csv: &'static str,
    pub export_xlsx: &'static str,
    /// "12 idéer er ændret."
    pub done: fn(i64) -> String,
    pub mails_follow: &'static str,
    pub error: fn(BatchError) -> &'static str,
    /// The filter matched `now` ideas, not the `confirmed` number.
    pub count_changed: fn(i64, i64) -> String,
    pub refused_intro: &'static str,
    pub refusal: fn(BatchRefusal) -> &'static str,
    /// "Idé nr. 12".
    pub idea_number: fn(i64) -> String,
    /// "og 30 andre".
    pub more: fn(i64) -> String,
}
