//! The demo's climate plan: actions in the shape of a DK2020 plan and made-up emissions figures,
//! marked as demo on every page that shows them. Not Aalborg's plan: a first look at what the
//! pages do, until a municipality loads its own.

use crate::IdeaId;
use crate::plan::{ActionCode, ActionFields, Baseline};
use crate::storage::{Db, Result};

/// (code, sector or theme, title, owner, status, start, end, tonnes a year by 2030)
type DemoAction = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u16,
    u16,
    &'static str,
);

const ACTIONS: &[DemoAction] = &[
    (
        "E1",
        "sector:energy",
        "Fjernvarme uden kul",
        "Forsyningen",
        "in_progress",
        2022,
        2028,
        "180 000",
    ),
    (
        "E2",
        "sector:energy",
        "Solceller på kommunens tage",
        "Ejendomme",
        "in_progress",
        2023,
        2027,
        "4 000",
    ),
    (
        "E3",
        "sector:energy",
        "Mere vindkraft på land",
        "Plan og Miljø",
        "planned",
        2024,
        2030,
        "90 000",
    ),
    (
        "B1",
        "sector:buildings",
        "Energirenovering af kommunens bygninger",
        "Ejendomme",
        "in_progress",
        2022,
        2030,
        "6 000",
    ),
    (
        "B2",
        "sector:buildings",
        "Varmepumper i stedet for olie- og gasfyr",
        "Plan og Miljø",
        "planned",
        2024,
        2030,
        "25 000",
    ),
    (
        "T1",
        "sector:transport",
        "Et sammenhængende net af cykelstier",
        "Trafik og Veje",
        "in_progress",
        2022,
        2030,
        "8 000",
    ),
    (
        "T2",
        "sector:transport",
        "Elbusser i bybusnettet",
        "Trafik og Veje",
        "done",
        2020,
        2025,
        "6 500",
    ),
    (
        "T3",
        "sector:transport",
        "Ladestandere i alle bydele",
        "Trafik og Veje",
        "in_progress",
        2023,
        2028,
        "12 000",
    ),
    (
        "I1",
        "sector:industry",
        "Overskudsvarme fra industrien i fjernvarmen",
        "Forsyningen",
        "planned",
        2025,
        2030,
        "30 000",
    ),
    (
        "A1",
        "sector:agriculture",
        "Mindre metan og lattergas fra landbruget",
        "Landbrug og Natur",
        "planned",
        2025,
        2030,
        "20 000",
    ),
    (
        "L1",
        "sector:landuse",
        "Udtagning af lavbundsjorder",
        "Landbrug og Natur",
        "paused",
        2023,
        2030,
        "40 000",
    ),
    (
        "W1",
        "sector:waste",
        "Bedre sortering af plast",
        "Renovation",
        "done",
        2021,
        2024,
        "3 000",
    ),
    (
        "K1",
        "theme:cloudburst",
        "Skybrudssikring af midtbyen",
        "Forsyningen",
        "in_progress",
        2023,
        2032,
        "",
    ),
    (
        "K2",
        "theme:sea",
        "Højvandsbeskyttelse langs fjorden",
        "Plan og Miljø",
        "planned",
        2025,
        2035,
        "",
    ),
    (
        "K3",
        "theme:heat",
        "Flere træer mod varme i byen",
        "Park og Natur",
        "in_progress",
        2023,
        2030,
        "",
    ),
];

/// (action, milestone, due, done)
const MILESTONES: &[(&str, &str, &str, bool)] = &[
    ("E1", "Kulkedlen lukket", "2025-04-01", true),
    (
        "E1",
        "Ny biomasse- og varmepumpekapacitet i drift",
        "2028-01-01",
        false,
    ),
    ("T1", "Første 20 km nye cykelstier", "2025-10-01", true),
    ("T1", "Hele nettet forbundet", "2030-06-01", false),
    ("T3", "500 ladestandere", "2026-06-01", false),
    ("K1", "Regnvandsbassin i midtbyen", "2027-09-01", false),
];

/// (demo idea's title, action, the note the public reads)
const LINKS: &[(&str, &str, &str)] = &[
    (
        "Sammenhængende cykelsti langs Vejgårdsvej",
        "T1",
        "Strækningen er med i cykelstinettet.",
    ),
    (
        "Overdækket cykelparkering i to etager ved Aalborg Station",
        "T1",
        "Cykelparkering ved stationen hører til cykelstinettet.",
    ),
    (
        "Elbus mellem Hals og Aalborg hver halve time",
        "T2",
        "Ruten får elbusser.",
    ),
    (
        "Lukkede skoleveje om morgenen i Vestbyen",
        "T1",
        "Skolevejene er en del af planen for sikre cykelruter.",
    ),
    (
        "Fælles solceller på garagetage og carporte i Hasseris",
        "E2",
        "Idéen indgår sammen med kommunens egne tage.",
    ),
    (
        "Alle kommunens biler skal være elbiler",
        "T3",
        "Kommunens egne elbiler lader ved de nye ladestandere.",
    ),
];

/// Made-up tonnes per sector: (sector, base year, latest year).
const EMISSIONS: &[(&str, f64, f64)] = &[
    ("energy", 1_600_000.0, 700_000.0),
    ("buildings", 250_000.0, 150_000.0),
    ("transport", 550_000.0, 500_000.0),
    ("industry", 600_000.0, 450_000.0),
    ("agriculture", 400_000.0, 380_000.0),
    ("landuse", 150_000.0, 140_000.0),
    ("waste", 80_000.0, 40_000.0),
    ("municipality", 30_000.0, 15_000.0),
];

/// Installs the demo plan into a database whose demo ideas are in place.
pub(super) async fn install_demo_plan(db: &Db, now: i64) -> Result<()> {
    let day = 86_400;
    let mut ids = Vec::new();
    for (n, (code, category, title, owner, status, start, end, tonnes)) in
        ACTIONS.iter().enumerate()
    {
        let fields = ActionFields {
            code: (*code).into(),
            title_da: (*title).into(),
            description_da: format!(
                "{title}. En indsats i demoens klimaplan, ikke en rigtig kommunes."
            ),
            category: (*category).into(),
            owner: (*owner).into(),
            status: (*status).into(),
            start_year: start.to_string(),
            end_year: end.to_string(),
            reduction: (*tonnes).into(),
            ..ActionFields::default()
        };
        let action = fields.parse().expect("the demo's actions are valid");
        let created = now - (400 - n as i64 * 7) * day;
        let id = db
            .save_action(&action, None, created)
            .await?
            .expect("the demo's categories exist");
        ids.push((*code, id));
    }
    for (code, title, due, done) in MILESTONES {
        let id = ids
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, id)| *id)
            .unwrap_or_default();
        let due = crate::time::Date::parse_iso(due).expect("the demo's dates are valid");
        let done_at = done.then(|| due.start_in_denmark().0.min(now));
        db.add_milestone(id, title, due, done_at).await?;
    }
    for (title, code, note) in LINKS {
        let Some((idea, _, _)) = db.ideas_with_title(title).await?.into_iter().next() else {
            continue;
        };
        let code = ActionCode::parse(code).expect("the demo's codes are valid");
        db.link_idea(IdeaId(idea), &code, Some(note), None, now)
            .await?;
    }
    let baseline = Baseline {
        base_year: 1990,
        latest_year: 2022,
        sectors: EMISSIONS
            .iter()
            .map(|(sector, base, latest)| ((*sector).to_owned(), *base, *latest))
            .collect(),
        demo: true,
    };
    db.set_baseline(&baseline, None, now).await
}
