//! The climate plan: its actions (indsatser), each with a code, an owner, a status, a sector
//! (mitigation) or theme (adaptation) and, for mitigation, the tonnes of CO2e a year it is
//! estimated to cut by 2030; the emissions baseline; and the 2030 gap: how far the plan's
//! actions reach towards the target, and what is left to find. Storage carries it out.

use serde::{Deserialize, Serialize};

use crate::idea::{Category, clean_text, string_enum};

string_enum!(
    /// Where an action stands.
    ActionStatus {
        Planned => "planned",
        InProgress => "in_progress",
        Done => "done",
        Paused => "paused",
        Dropped => "dropped",
    }
);

impl ActionStatus {
    /// Whether the action's tonnes still count towards the target (a dropped action's do not).
    pub fn counts(self) -> bool {
        self != ActionStatus::Dropped
    }
}

/// An action's short code as the plan document names it: "T3", "E1.2", "K-4". One to twelve
/// letters, digits, dots or hyphens, starting with a letter; kept in capitals, so "t3" is "T3".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ActionCode(String);

impl ActionCode {
    pub const MAX_CHARS: usize = 12;

    pub fn parse(input: &str) -> Option<ActionCode> {
        let code = input.trim().to_uppercase();
        let fits = (1..=Self::MAX_CHARS).contains(&code.chars().count())
            && code.starts_with(|c: char| c.is_ascii_uppercase())
            && code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.' || c == '-');
        fits.then_some(ActionCode(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_enum!(
    /// Why linking an idea to an action went back (`plan_error=`).
    LinkProblem {
        /// No action chosen, or no such action.
        Action => "action",
        /// The note is too long or not one line.
        Note => "note",
    }
);

/// What staff tell residents about a link from an idea to an action: one line, at most 300
/// characters; empty means none.
pub fn link_note(input: &str) -> Result<Option<String>, LinkProblem> {
    optional(input, 300, false).map_err(|_| LinkProblem::Note)
}

string_enum!(
    /// Why a new milestone went back (`milestone_error=`).
    MilestoneProblem {
        /// Two to 200 characters on one line.
        Title => "title",
        /// A real day, YYYY-MM-DD, in the years an action may run.
        Due => "due",
    }
);

/// A milestone as an admin typed it: its title and the day it is due.
pub fn milestone(title: &str, due: &str) -> Result<(String, crate::time::Date), MilestoneProblem> {
    let title = clean_text(title, 2, 200, false).map_err(|_| MilestoneProblem::Title)?;
    let due = crate::time::Date::parse_iso(due)
        .filter(|d| u16::try_from(d.year).is_ok_and(|y| YEARS.contains(&y)))
        .ok_or(MilestoneProblem::Due)?;
    Ok((title, due))
}

/// The C40 CAPF / GPC sector a site's sector reports under, for open data that lines up with
/// the inventory and CDP's actions data set. Energy used in buildings and industry is
/// stationary energy (GPC I); sectors that are not an inventory's (urban development, the
/// municipality's own operations) have none.
pub fn capf_sector(sector: &str) -> Option<&'static str> {
    match sector {
        "energy" | "buildings" | "industry" => Some("stationary_energy"),
        "transport" => Some("transportation"),
        "waste" => Some("waste"),
        "agriculture" | "landuse" => Some("afolu"),
        _ => None,
    }
}

/// Tonnes of CO2e a year: zero or more, at most ten million (more than any Danish
/// municipality emits). Read as a Dane or an English speaker writes it: spaces between
/// thousands, and a decimal comma or point with one or two decimals ("1 250,5", "1250.5").
/// "1.250" is refused rather than guessed: a Dane means 1 250, an English reader 1.25.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
pub struct Tonnes(f64);

impl Tonnes {
    pub const MAX: f64 = 10_000_000.0;

    pub fn parse(input: &str) -> Option<Tonnes> {
        let compact: String = input
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .collect();
        let (whole, decimals) = match compact.rsplit_once([',', '.']) {
            Some((whole, decimals)) => (whole, Some(decimals)),
            None => (compact.as_str(), None),
        };
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if !digits(whole) || decimals.is_some_and(|d| !digits(d) || d.len() > 2) {
            return None;
        }
        let value: f64 = match decimals {
            Some(d) => format!("{whole}.{d}").parse().ok()?,
            None => whole.parse().ok()?,
        };
        (value <= Self::MAX).then_some(Tonnes(value))
    }

    pub fn new(value: f64) -> Option<Tonnes> {
        (value.is_finite() && (0.0..=Self::MAX).contains(&value)).then_some(Tonnes(value))
    }

    pub fn value(self) -> f64 {
        self.0
    }
}

string_enum!(
    /// What is wrong with an action as a form or an imported row gives it.
    ActionProblem {
        Code => "code",
        Title => "title",
        TitleEn => "title_en",
        Description => "description",
        DescriptionEn => "description_en",
        Category => "category",
        Owner => "owner",
        Status => "status",
        Years => "years",
        Reduction => "reduction",
        /// An adaptation action has no tonnes.
        ReductionForAdaptation => "reduction_adaptation",
        Link => "link",
    }
);

/// An action as staff keep it, checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub code: ActionCode,
    pub title_da: String,
    pub title_en: Option<String>,
    pub description_da: String,
    pub description_en: Option<String>,
    pub category: Category,
    pub owner: String,
    pub status: ActionStatus,
    pub start_year: u16,
    pub end_year: u16,
    /// Mitigation only: the estimated cut by the target year, tCO2e a year.
    pub reduction: Option<Tonnes>,
    /// The action in the plan document.
    pub link: Option<String>,
}

/// An action's fields as typed (a form) or read (a CSV or XLSX row).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActionFields {
    pub code: String,
    pub title_da: String,
    pub title_en: String,
    pub description_da: String,
    pub description_en: String,
    /// `sector:<key>` or `theme:<key>`.
    pub category: String,
    pub owner: String,
    pub status: String,
    pub start_year: String,
    pub end_year: String,
    pub reduction: String,
    pub link: String,
}

/// The years an action may run in.
pub const YEARS: std::ops::RangeInclusive<u16> = 2000..=2100;

impl ActionFields {
    /// Checks every field; all that is wrong, not just the first, so a form or an import row
    /// says it at once. `category` is checked against the site's sectors and themes by storage.
    pub fn parse(&self) -> Result<Action, Vec<ActionProblem>> {
        let mut problems = Vec::new();
        let mut check = |ok: bool, problem| {
            if !ok {
                problems.push(problem);
            }
        };
        let code = ActionCode::parse(&self.code);
        check(code.is_some(), ActionProblem::Code);
        let title_da = clean_text(&self.title_da, 3, 160, false).ok();
        check(title_da.is_some(), ActionProblem::Title);
        let title_en = optional(&self.title_en, 160, false);
        check(title_en.is_ok(), ActionProblem::TitleEn);
        let description_da = clean_text(&self.description_da, 1, 4000, true).ok();
        check(description_da.is_some(), ActionProblem::Description);
        let description_en = optional(&self.description_en, 4000, true);
        check(description_en.is_ok(), ActionProblem::DescriptionEn);
        let category = Category::parse_choice(&self.category);
        check(category.is_some(), ActionProblem::Category);
        let owner = clean_text(&self.owner, 2, 120, false).ok();
        check(owner.is_some(), ActionProblem::Owner);
        let status = ActionStatus::parse(self.status.trim());
        check(status.is_some(), ActionProblem::Status);
        let year = |s: &str| s.trim().parse::<u16>().ok().filter(|y| YEARS.contains(y));
        let years = year(&self.start_year)
            .zip(year(&self.end_year))
            .filter(|(start, end)| start <= end);
        check(years.is_some(), ActionProblem::Years);
        let reduction = match self.reduction.trim() {
            "" => Ok(None),
            typed => Tonnes::parse(typed)
                .map(Some)
                .ok_or(ActionProblem::Reduction),
        };
        let adaptation = matches!(category, Some(Category::Theme(_)));
        match &reduction {
            Err(problem) => problems.push(*problem),
            Ok(Some(_)) if adaptation => problems.push(ActionProblem::ReductionForAdaptation),
            _ => {}
        }
        let link = match self.link.trim() {
            "" => Ok(None),
            typed
                if typed.starts_with("https://")
                    && typed.len() <= 500
                    && !typed.contains(char::is_whitespace) =>
            {
                Ok(Some(typed.to_owned()))
            }
            _ => Err(ActionProblem::Link),
        };
        if link.is_err() {
            problems.push(ActionProblem::Link);
        }
        match (
            code,
            title_da,
            title_en,
            description_da,
            description_en,
            category,
            owner,
            status,
            years,
            reduction,
            link,
        ) {
            (
                Some(code),
                Some(title_da),
                Ok(title_en),
                Some(description_da),
                Ok(description_en),
                Some(category),
                Some(owner),
                Some(status),
                Some((start_year, end_year)),
                Ok(reduction),
                Ok(link),
            ) if problems.is_empty() => Ok(Action {
                code,
                title_da,
                title_en,
                description_da,
                description_en,
                category,
                owner,
                status,
                start_year,
                end_year,
                reduction,
                link,
            }),
            _ => Err(problems),
        }
    }
}

/// An optional text: `None` when empty.
fn optional(input: &str, max: usize, multiline: bool) -> Result<Option<String>, ()> {
    if input.trim().is_empty() {
        return Ok(None);
    }
    clean_text(input, 1, max, multiline)
        .map(Some)
        .map_err(|_| ())
}

string_enum!(
    /// Why the emissions figures went back (`baseline_error=`, with `sector=` where it is one
    /// sector's).
    BaselineProblem {
        /// Years between 1990 and 2100, the latest not before the base year.
        Years => "years",
        /// A sector's figure is missing (one of the two given) or not a number of tonnes.
        Figure => "figure",
        /// No sector has figures.
        Empty => "empty",
        /// A file's sector is not one of the site's.
        Sector => "sector",
        /// A file without the sector and the two figures' columns, or with no rows.
        Columns => "columns",
    }
);

/// A problem of the emissions figures, and the sector (or a file's row) it is about.
pub type BaselineRefusal = (BaselineProblem, Option<String>);

/// The emissions form as typed: the two years and, per sector key, the two figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BaselineFields {
    pub base_year: String,
    pub latest_year: String,
    /// (sector key, base year tonnes, latest year tonnes), as typed.
    pub sectors: Vec<(String, String, String)>,
}

/// The years a baseline may have: inventories start at 1990.
pub const BASELINE_YEARS: std::ops::RangeInclusive<u16> = 1990..=2100;

impl BaselineFields {
    /// The baseline, or the first problem and the sector it is about. A sector with both
    /// figures empty has none; one with one figure is a problem.
    pub fn parse(&self) -> Result<Baseline, BaselineRefusal> {
        let year = |s: &str| {
            s.trim()
                .parse::<u16>()
                .ok()
                .filter(|y| BASELINE_YEARS.contains(y))
        };
        let (Some(base_year), Some(latest_year)) = (year(&self.base_year), year(&self.latest_year))
        else {
            return Err((BaselineProblem::Years, None));
        };
        if latest_year < base_year {
            return Err((BaselineProblem::Years, None));
        }
        let mut sectors = Vec::new();
        for (key, base, latest) in &self.sectors {
            if base.trim().is_empty() && latest.trim().is_empty() {
                continue;
            }
            match (Tonnes::parse(base), Tonnes::parse(latest)) {
                (Some(base), Some(latest)) => {
                    sectors.push((key.clone(), base.value(), latest.value()));
                }
                _ => return Err((BaselineProblem::Figure, Some(key.clone()))),
            }
        }
        if sectors.is_empty() {
            return Err((BaselineProblem::Empty, None));
        }
        Ok(Baseline {
            base_year,
            latest_year,
            sectors,
            demo: false,
        })
    }
}

/// The municipality's emissions: per sector, tCO2e in the base year and the latest year with
/// figures (from Energistyrelsen's Energi- og CO2-regnskab), and whether they are demo figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub base_year: u16,
    pub latest_year: u16,
    /// (sector key, base year tonnes, latest year tonnes).
    pub sectors: Vec<(String, f64, f64)>,
    /// Made-up figures for the demo: every page that shows them says so.
    pub demo: bool,
}

impl Baseline {
    pub fn base_total(&self) -> f64 {
        self.sectors.iter().map(|(_, base, _)| base).sum()
    }

    pub fn latest_total(&self) -> f64 {
        self.sectors.iter().map(|(_, _, latest)| latest).sum()
    }
}

/// How far the plan reaches towards its target, in tCO2e a year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    pub base: f64,
    pub latest: f64,
    /// What the target allows: the base year's emissions less the target's percentage.
    pub target: f64,
    /// The actions' estimated cuts by status (dropped ones left out), in the order of
    /// [`ActionStatus::ALL`].
    pub planned: Vec<(ActionStatus, f64)>,
    /// What is left to find: the latest emissions less the target and every counted cut; zero
    /// once the actions reach the target.
    pub left: f64,
}

/// The gap from a baseline, the target's percentage and the actions' (status, tonnes).
pub fn gap(baseline: &Baseline, target_percent: u8, actions: &[(ActionStatus, f64)]) -> Gap {
    let base = baseline.base_total();
    let latest = baseline.latest_total();
    let target = base * (100.0 - f64::from(target_percent.min(100))) / 100.0;
    let planned: Vec<(ActionStatus, f64)> = ActionStatus::ALL
        .iter()
        .filter(|status| status.counts())
        .map(|status| {
            let sum = actions
                .iter()
                .filter(|(s, _)| s == status)
                .map(|(_, t)| t)
                .sum();
            (*status, sum)
        })
        .collect();
    let cut: f64 = planned.iter().map(|(_, t)| t).sum();
    Gap {
        base,
        latest,
        target,
        left: (latest - target - cut).max(0.0),
        planned,
    }
}

/// What happened to an idea in the plan, for its timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanEventKind {
    /// Staff linked the idea to the action.
    Linked,
    /// The action got this status.
    Status(ActionStatus),
    /// The action reached the milestone with this title.
    Milestone(String),
}

/// One event of the plan on an idea's timeline: when, which action, what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanEvent {
    pub at: crate::time::Timestamp,
    pub code: String,
    pub title_da: String,
    pub title_en: Option<String>,
    pub kind: PlanEventKind,
}

/// An action as the plan's pages list it, with its progress and the ideas linked to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "storage", derive(sqlx::FromRow))]
pub struct ActionRow {
    pub id: i64,
    pub code: String,
    pub title_da: String,
    pub title_en: Option<String>,
    pub description_da: String,
    pub description_en: Option<String>,
    pub kind: String,
    /// The sector or theme's key and names.
    pub category_key: String,
    pub category_da: String,
    pub category_en: String,
    pub owner: String,
    pub status: String,
    pub start_year: i64,
    pub end_year: i64,
    pub reduction_t: Option<f64>,
    pub link: Option<String>,
    pub milestones: i64,
    pub milestones_done: i64,
    pub ideas: i64,
}

/// A milestone on an action's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "storage", derive(sqlx::FromRow))]
pub struct MilestoneRow {
    pub id: i64,
    pub title: String,
    /// YYYY-MM-DD.
    pub due: String,
    pub done_at: Option<i64>,
}

/// An idea linked to an action, as the action's page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "storage", derive(sqlx::FromRow))]
pub struct LinkedIdea {
    pub id: i64,
    pub title: String,
    pub support_count: i64,
    pub status: String,
    pub note: Option<String>,
}

/// An action an idea is linked to, as the idea's page names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "storage", derive(sqlx::FromRow))]
pub struct ActionLink {
    pub code: String,
    pub title_da: String,
    pub title_en: Option<String>,
    pub status: String,
    /// What staff wrote about the link.
    pub note: Option<String>,
}

/// One action with all its page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionDetail {
    pub action: ActionRow,
    pub milestones: Vec<MilestoneRow>,
    /// Every status it has had, oldest first.
    pub statuses: Vec<(crate::time::Timestamp, String)>,
    pub ideas: Vec<LinkedIdea>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_short_capitals_starting_with_a_letter() {
        assert_eq!(ActionCode::parse(" t3 ").unwrap().as_str(), "T3");
        assert_eq!(ActionCode::parse("E1.2").unwrap().as_str(), "E1.2");
        assert!(ActionCode::parse("3T").is_none());
        assert!(ActionCode::parse("T 3").is_none());
        assert!(ActionCode::parse("").is_none());
        assert!(ActionCode::parse("ABCDEFGHIJKLM").is_none());
        assert!(ActionCode::parse("T3<script>").is_none());
    }

    #[test]
    fn tonnes_as_danes_and_others_write_them_and_nothing_guessed() {
        assert_eq!(Tonnes::parse("1 250,5").unwrap().value(), 1250.5);
        assert_eq!(Tonnes::parse("1250.25").unwrap().value(), 1250.25);
        assert_eq!(Tonnes::parse("12\u{a0}000").unwrap().value(), 12000.0);
        assert_eq!(Tonnes::parse("0").unwrap().value(), 0.0);
        for bad in ["1.250", "-5", "1e9", "abc", "", "12,5,5", "20000000", "NaN"] {
            assert!(Tonnes::parse(bad).is_none(), "{bad}");
        }
    }

    fn fields() -> ActionFields {
        ActionFields {
            code: "T3".into(),
            title_da: "Flere cykelstier".into(),
            description_da: "Cykelstier langs de store indfaldsveje.".into(),
            category: "sector:transport".into(),
            owner: "By- og Landskabsforvaltningen".into(),
            status: "in_progress".into(),
            start_year: "2023".into(),
            end_year: "2030".into(),
            reduction: "12 500".into(),
            link: "https://www.aalborg.dk/klimaplan#t3".into(),
            ..ActionFields::default()
        }
    }

    #[test]
    fn an_action_is_parsed_whole_or_every_problem_is_named() {
        let action = fields().parse().unwrap();
        assert_eq!(action.reduction.unwrap().value(), 12500.0);
        assert_eq!(action.title_en, None);
        let bad = ActionFields {
            code: "3".into(),
            status: "someday".into(),
            start_year: "2031".into(),
            end_year: "2030".into(),
            link: "http://example.dk".into(),
            ..fields()
        };
        assert_eq!(
            bad.parse().unwrap_err(),
            [
                ActionProblem::Code,
                ActionProblem::Status,
                ActionProblem::Years,
                ActionProblem::Link
            ]
        );
        let adaptation = ActionFields {
            category: "theme:cloudburst".into(),
            ..fields()
        };
        assert_eq!(
            adaptation.parse().unwrap_err(),
            [ActionProblem::ReductionForAdaptation]
        );
    }

    #[test]
    fn the_gap_is_what_the_counted_actions_leave_to_the_target() {
        let baseline = Baseline {
            base_year: 1990,
            latest_year: 2023,
            sectors: vec![
                ("energy".into(), 1_000_000.0, 600_000.0),
                ("transport".into(), 500_000.0, 450_000.0),
            ],
            demo: true,
        };
        let actions = [
            (ActionStatus::Done, 100_000.0),
            (ActionStatus::InProgress, 150_000.0),
            (ActionStatus::Planned, 50_000.0),
            (ActionStatus::Dropped, 400_000.0),
        ];
        let found = gap(&baseline, 70, &actions);
        assert_eq!(found.target, 450_000.0);
        assert_eq!(found.latest, 1_050_000.0);
        assert_eq!(found.left, 1_050_000.0 - 450_000.0 - 300_000.0);
        assert!(
            found
                .planned
                .iter()
                .all(|(s, _)| *s != ActionStatus::Dropped)
        );
        let enough = gap(&baseline, 70, &[(ActionStatus::Planned, 900_000.0)]);
        assert_eq!(enough.left, 0.0, "never below zero");
    }
}
