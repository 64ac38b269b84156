//! Texts of the climate plan's pages: `/plan`, `/plan/{code}` and an idea's place in the plan.

use klimadialog::plan::ActionStatus;

pub struct PlanTexts {
    pub title: &'static str,
    /// The municipality, the target's percentage and year.
    pub intro: fn(&str, u8, u16) -> String,
    /// On every page that shows the demo's made-up figures.
    pub demo_notice: &'static str,
    pub no_baseline: &'static str,
    /// "Vejen til målet i 2030".
    pub gap_heading: fn(u16) -> String,
    pub gap_base: fn(u16) -> String,
    pub gap_latest: fn(u16) -> String,
    /// The percentage and the year.
    pub gap_target: fn(u8, u16) -> String,
    /// The estimated cuts of the actions with this status.
    pub gap_planned: fn(ActionStatus) -> &'static str,
    pub gap_left: &'static str,
    pub what: &'static str,
    pub tonnes_heading: &'static str,
    /// "1.234.000 t" for a number of tonnes already formatted.
    pub tonnes: fn(&str) -> String,
    pub show_numbers: &'static str,
    pub sectors_heading: &'static str,
    pub sectors_intro: &'static str,
    pub sector: &'static str,
    /// "Udledning 2022 (t)".
    pub emissions_in: fn(u16) -> String,
    pub ideas: &'static str,
    pub supports: &'static str,
    pub mitigation_heading: &'static str,
    pub adaptation_heading: &'static str,
    pub none: &'static str,
    pub status_name: fn(ActionStatus) -> &'static str,
    pub status_label: &'static str,
    /// "2 af 3 milepæle nået".
    pub progress: fn(i64, i64) -> String,
    /// "Ca. 12.000 t CO₂e om året" for tonnes already formatted.
    pub reduction: fn(&str) -> String,
    pub owner: &'static str,
    pub period: &'static str,
    /// "3 idéer fra borgerne", by CLDR plural rules.
    pub idea_count: fn(i64) -> String,
    // One action's page.
    pub timeline_heading: &'static str,
    /// "Status: i gang".
    pub status_became: fn(ActionStatus) -> String,
    pub milestone_done: &'static str,
    pub milestone_due: &'static str,
    pub ideas_heading: &'static str,
    pub no_ideas: &'static str,
    /// "25 støtter".
    pub supports_count: fn(i64) -> String,
    pub plan_link: &'static str,
    pub all_actions: &'static str,
    // On an idea's page.
    pub in_plan_heading: &'static str,
    // On an idea's timeline.
    pub history_linked: &'static str,
    /// "fik status: i gang", after the action.
    pub history_action_status: fn(ActionStatus) -> String,
    /// "nåede milepælen »…«", after the action.
    pub history_milestone: fn(&str) -> String,
    /// "Del af indsats T3: …" before the linked title.
    pub part_of: fn(&str) -> String,
    // Staff, on an idea's staff page.
    pub staff_intro: &'static str,
    pub none_linked: &'static str,
    pub action_label: &'static str,
    pub action_choose: &'static str,
    pub note_label: &'static str,
    pub note_hint: &'static str,
    pub link: &'static str,
    pub unlink: &'static str,
    pub link_done: &'static str,
    pub link_error: fn(klimadialog::plan::LinkProblem) -> &'static str,
}
