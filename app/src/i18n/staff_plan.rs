//! Texts of the admins' plan pages: `/staff/plan` (the actions, the spreadsheet import with its
//! preview, the export) and `/staff/plan/edit` (one action's form and its milestones).

use klimadialog::plan::{ActionProblem, BaselineProblem, MilestoneProblem};
use klimadialog::plan_import::{Column, FileProblem};

use crate::server_fns::staff_plan::PlanFileError;

pub struct StaffPlanTexts {
    pub title: &'static str,
    pub intro: &'static str,
    /// "Der er 15 indsatser."
    pub count: fn(usize) -> String,
    pub new_action: &'static str,
    pub edit: &'static str,
    pub code: &'static str,
    pub action_title: &'static str,
    pub export_heading: &'static str,
    pub export_hint: &'static str,
    pub export_csv: &'static str,
    pub export_xlsx: &'static str,
    pub upload_heading: &'static str,
    pub file: &'static str,
    pub file_hint: &'static str,
    pub preview_button: &'static str,
    pub file_error: fn(PlanFileError) -> &'static str,
    /// "Forhåndsvisning af plan.xlsx".
    pub preview_heading: fn(&str) -> String,
    pub file_problem: fn(&FileProblem) -> String,
    /// New, changed, the same, refused.
    pub summary: fn(usize, usize, usize, usize) -> String,
    pub rows_caption: &'static str,
    pub row: &'static str,
    pub outcome: &'static str,
    pub outcome_new: &'static str,
    /// "Ændres: status, slutår".
    pub outcome_changed: fn(&str) -> String,
    pub outcome_same: &'static str,
    /// "Samme kode som række 3".
    pub outcome_same_code: fn(usize) -> String,
    pub column_name: fn(Column) -> &'static str,
    pub fix_and_upload: &'static str,
    pub nothing_changes: &'static str,
    /// "Gem 12 indsatser".
    pub confirm: fn(usize) -> String,
    /// "12 indsatser er gemt."
    pub imported: fn(usize) -> String,
    // One action's form.
    pub new_heading: &'static str,
    /// "Ret indsats T3".
    pub edit_heading: fn(&str) -> String,
    pub form_problems: &'static str,
    pub problem: fn(ActionProblem) -> &'static str,
    pub code_hint: &'static str,
    pub code_fixed: &'static str,
    pub title_en: &'static str,
    pub description: &'static str,
    pub description_en: &'static str,
    pub english_hint: &'static str,
    pub category: &'static str,
    pub category_hint: &'static str,
    pub sectors: &'static str,
    pub themes: &'static str,
    pub owner: &'static str,
    pub owner_hint: &'static str,
    pub status: &'static str,
    pub start_year: &'static str,
    pub end_year: &'static str,
    pub reduction: &'static str,
    pub reduction_hint: &'static str,
    pub link: &'static str,
    pub link_hint: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub back: &'static str,
    pub public_page: &'static str,
    // Milestones.
    pub milestones_heading: &'static str,
    pub no_milestones: &'static str,
    /// "Nået 3. december 2026".
    pub reached_on: fn(&str) -> String,
    /// "Frist 1. marts 2027".
    pub due_on: fn(&str) -> String,
    pub mark_reached: &'static str,
    pub add_milestone: &'static str,
    pub milestone_title: &'static str,
    pub milestone_due: &'static str,
    pub milestone_due_hint: &'static str,
    pub milestone_added: &'static str,
    pub milestone_reached: &'static str,
    pub milestone_problem: fn(MilestoneProblem) -> &'static str,
    // The emissions baseline.
    pub baseline_heading: &'static str,
    pub baseline_intro: &'static str,
    pub baseline_demo: &'static str,
    pub base_year: &'static str,
    pub latest_year: &'static str,
    pub sector: &'static str,
    pub base_tonnes: &'static str,
    pub latest_tonnes: &'static str,
    pub baseline_file: &'static str,
    pub baseline_file_hint: &'static str,
    pub baseline_save: &'static str,
    pub baseline_saved: &'static str,
    /// The problem, with the sector's name or the file's row number where it is about one.
    pub baseline_error: fn(BaselineProblem, &str) -> String,
}
