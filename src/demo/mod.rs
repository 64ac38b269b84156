//! What a new database starts with: the reference data every site needs, the demo ideas that
//! make a first look feel alive, and synthetic data sets of any size for benchmarks.

mod ideas;
mod plan;
mod synthetic;

pub use synthetic::{SeedReport, seed_synthetic};

use crate::IdeaId;
use crate::area::AreaSlug;
use crate::geometry::{LatLon, aalborg_default_areas, to_geojson};
use crate::idea::PublicStatus;
use crate::reference::{SECTORS, THEMES};
use crate::storage::{BulkIdea, Db, NewArea, Result, StatusUpdate, now};

/// A demo idea's category: a mitigation sector or an adaptation theme.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Cat {
    M(&'static str),
    A(&'static str),
}

pub(crate) struct DemoIdea {
    pub cat: Cat,
    /// Where in the municipality: one of [`PLACES`]. The idea gets a point near it and the
    /// area that point lies in.
    pub place: &'static str,
    pub supports: u32,
    pub days_ago: u32,
    pub title: &'static str,
    pub text: &'static str,
}

impl Cat {
    fn columns(self) -> (&'static str, Option<&'static str>, Option<&'static str>) {
        match self {
            Cat::M(sector) => ("mitigation", Some(sector), None),
            Cat::A(theme) => ("adaptation", None, Some(theme)),
        }
    }
}

/// Installs the default sectors, themes and Aalborg areas into a database that has none.
/// Safe to call at every start.
pub async fn install_reference_data(db: &Db) -> Result<()> {
    if db.count_sectors().await? == 0 {
        for (i, sector) in SECTORS.iter().enumerate() {
            db.insert_sector(sector, i as i64).await?;
        }
        for (i, theme) in THEMES.iter().enumerate() {
            db.insert_theme(theme, i as i64).await?;
        }
    }
    if db.count_areas().await? == 0 {
        for (i, area) in aalborg_default_areas().iter().enumerate() {
            let slug = AreaSlug::from_name(&area.name);
            let geometry = to_geojson(&area.shape);
            let new = NewArea {
                slug: &slug,
                name: &area.name,
                geometry_geojson: &geometry,
                label: area.label,
                position: i as i64,
            };
            db.insert_area(&new).await?;
        }
    }
    Ok(())
}

/// Places residents name, with their approximate centres (public facts, ±1 km), where the demo
/// ideas are put: each in the postal district that holds it.
const PLACES: [(&str, f64, f64); 20] = [
    ("Aalborg Midtby", 57.048, 9.919),
    ("Vestbyen", 57.053, 9.890),
    ("Hasseris", 57.036, 9.868),
    ("Aalborg SV/Skalborg", 57.012, 9.880),
    ("Vejgård", 57.038, 9.960),
    ("Aalborg Øst", 57.041, 10.005),
    ("Aalborg SØ/Gug", 57.0105, 9.9447),
    ("Nørresundby", 57.060, 9.926),
    ("Lindholm", 57.080, 9.900),
    ("Gistrup", 56.992, 9.986),
    ("Svenstrup", 56.974, 9.850),
    ("Frejlev", 57.006, 9.826),
    ("Klarup", 57.015, 10.060),
    ("Storvorde", 57.006, 10.100),
    ("Vodskov", 57.106, 10.025),
    ("Vestbjerg", 57.128, 9.962),
    ("Sulsted", 57.160, 9.975),
    ("Vadum", 57.117, 9.855),
    ("Hals", 56.996, 10.307),
    ("Nibe", 56.984, 9.640),
];

/// A demo idea's point: near its place (up to ~150 m off, so ideas of one place do not share
/// one spot on the map), and its place's centre where that would leave the area.
fn demo_point(place: &str, n: usize, map: &crate::geometry::AreaMap) -> Option<LatLon> {
    let &(_, lat, lon) = PLACES.iter().find(|(name, _, _)| *name == place)?;
    let centre = LatLon::new(lat, lon)?;
    let turn = n as f64 * 2.399_963;
    let off = LatLon::new(lat + 0.0013 * turn.sin(), lon + 0.0022 * turn.cos())?;
    Some(if map.locate(off) == map.locate(centre) {
        off
    } else {
        centre
    })
}

const DEMO_RESIDENTS: usize = 400;
const DISPLAY_NAMES: [&str; 12] = [
    "Mette",
    "Jens K.",
    "Sofie",
    "Lars Holm",
    "Aisha",
    "Niels",
    "Karen B.",
    "Mikkel",
    "Freja",
    "Ole",
    "Hanne",
    "Yusuf",
];

/// Official answers the demo shows, by demo idea index.
const DECISIONS: [(usize, PublicStatus, &str, Option<&str>); 5] = [
    (
        0,
        PublicStatus::InPlan,
        "Tak for forslaget. Cykelstien langs Vejgårdsvej er optaget i klimaplanens handling for cykeltrafik og anlægges i etaper fra 2027.",
        Some(
            "Thank you. The cycle path along Vejgårdsvej is part of the plan's cycling action and will be built in stages from 2027.",
        ),
    ),
    (
        19,
        PublicStatus::AlreadyPlanned,
        "Fangst og lagring af CO₂ fra cementproduktionen indgår allerede i klimaplanen som et samarbejde med virksomheden.",
        Some(
            "Carbon capture at the cement works is already part of the climate plan, in partnership with the company.",
        ),
    ),
    (
        25,
        PublicStatus::PartlyInPlan,
        "Klimaplanen rummer ny skov ved Gistrup. Den præcise placering afhænger af grundvandskortlægningen.",
        None,
    ),
    (
        3,
        PublicStatus::NotAdopted,
        "Der er for få passagerer til en bus hver halve time hele dagen. I stedet udvides flextrafikken og myldretidsafgangene fra Hals.",
        Some(
            "There are too few passengers for a half-hourly bus all day. Instead, on-demand transport and rush-hour departures from Hals will be expanded.",
        ),
    ),
    (
        35,
        PublicStatus::InPlan,
        "Kommunens bilflåde skiftes til elbiler i takt med udskiftningen. Det er en del af handlingen for kommunen som virksomhed.",
        None,
    ),
];
const UNDER_REVIEW: [usize; 6] = [1, 11, 22, 38, 42, 50];

/// Fills an empty database with the demo: 400 residents, the demo ideas with their supports,
/// statuses and official answers, and two ideas the public does not see (one awaiting review,
/// one rejected). Does nothing if there are ideas already.
pub async fn install_demo(db: &Db) -> Result<()> {
    if db.count_ideas().await? > 0 {
        return Ok(());
    }
    let now = now();
    let day = 86_400;
    let residents: Vec<(String, Option<String>)> = (0..DEMO_RESIDENTS)
        .map(|i| {
            let name =
                (i % 3 == 0).then(|| DISPLAY_NAMES[(i / 3) % DISPLAY_NAMES.len()].to_owned());
            (format!("demo-{i:03}@klimadialog.invalid"), name)
        })
        .collect();
    let resident_ids = db
        .bulk_insert_residents(&residents, now - 120 * day)
        .await?;
    let map = db.load_area_map().await?;
    let placed = |place: &str, n: usize| {
        let point = demo_point(place, n, &map).expect("demo places are known");
        let area = map.locate(point).expect("demo places lie in an area");
        (area.0, Some((point.lat, point.lon)))
    };

    let mut demo: Vec<BulkIdea> = ideas::IDEAS
        .iter()
        .enumerate()
        .map(|(i, idea)| {
            let (kind, sector, theme) = idea.cat.columns();
            let (area_id, point) = placed(idea.place, i);
            BulkIdea {
                title: idea.title.to_owned(),
                description: idea.text.to_owned(),
                kind,
                sector,
                theme,
                area_id,
                point,
                author_id: Some(resident_ids[(i * 7) % DEMO_RESIDENTS]),
                moderation_state: "published",
                moderation_reason: None,
                created_at: now - i64::from(idea.days_ago) * day - (i as i64 * 3571) % day,
            }
        })
        .collect();
    demo.push(BulkIdea {
        title: "Ladestandere på parkeringspladsen ved Klarup skole".into(),
        description: "Forældre, der henter børn, kunne lade bilen imens. Det vil gøre det nemmere at vælge en elbil.".into(),
        kind: "mitigation", sector: Some("transport"), theme: None,
        area_id: placed("Klarup", 100).0, point: placed("Klarup", 100).1, author_id: Some(resident_ids[5]),
        moderation_state: "pending", moderation_reason: None, created_at: now - 3600,
    });
    demo.push(BulkIdea {
        title: "Køb mine solceller".into(),
        description: "Billige solceller til salg, ring til mig for et godt tilbud i dag.".into(),
        kind: "mitigation",
        sector: Some("energy"),
        theme: None,
        area_id: placed("Vejgård", 101).0,
        point: placed("Vejgård", 101).1,
        author_id: Some(resident_ids[11]),
        moderation_state: "rejected",
        moderation_reason: Some("Reklame hører ikke hjemme i klimadialogen."),
        created_at: now - 2 * day,
    });
    let idea_ids = db.bulk_insert_ideas(&demo).await?;

    let mut supports = Vec::new();
    for (i, idea) in ideas::IDEAS.iter().enumerate() {
        let created = demo[i].created_at;
        // Step 7 is coprime with 400, so the supporters of one idea are distinct.
        for k in 0..(idea.supports as usize).min(DEMO_RESIDENTS) {
            let resident = resident_ids[(i * 31 + k * 7) % DEMO_RESIDENTS];
            let at = created + ((now - created) * k as i64) / (i64::from(idea.supports) + 1);
            supports.push((idea_ids[i], resident, at));
        }
    }
    db.bulk_insert_supports(&supports).await?;

    for &i in &UNDER_REVIEW {
        let at = demo[i].created_at + 5 * day;
        db.set_status(
            IdeaId(idea_ids[i]),
            &StatusUpdate {
                status: PublicStatus::UnderReview,
                answer_da: None,
                answer_en: None,
                staff: None,
                at,
            },
        )
        .await?;
    }
    for (i, status, da, en) in DECISIONS {
        let (reviewed, decided) = (demo[i].created_at + 4 * day, demo[i].created_at + 20 * day);
        let review = StatusUpdate {
            status: PublicStatus::UnderReview,
            answer_da: None,
            answer_en: None,
            staff: None,
            at: reviewed,
        };
        db.set_status(IdeaId(idea_ids[i]), &review).await?;
        let decision = StatusUpdate {
            status,
            answer_da: Some(da),
            answer_en: en,
            staff: None,
            at: decided.min(now),
        };
        db.set_status(IdeaId(idea_ids[i]), &decision).await?;
    }
    plan::install_demo_plan(db, now).await
}

/// A small, fast, deterministic generator (SplitMix64): demo and benchmark data are the same on
/// every run, which keeps benchmarks comparable.
pub(crate) struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> SplitMix {
        SplitMix(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::CategoryKey;
    use crate::storage::test_support::file_db;

    #[test]
    fn demo_ideas_span_every_sector_theme_and_most_areas() {
        let mut keys: Vec<&str> = ideas::IDEAS
            .iter()
            .map(|i| match i.cat {
                Cat::M(k) | Cat::A(k) => k,
            })
            .collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 18, "all 9 sectors and 9 themes");
        let mut places: Vec<&str> = ideas::IDEAS.iter().map(|i| i.place).collect();
        places.sort();
        places.dedup();
        assert!(places.len() >= 18, "only {} places", places.len());
        for idea in ideas::IDEAS {
            assert!(
                crate::IdeaTitle::parse(idea.title).is_ok(),
                "{}",
                idea.title
            );
            assert!(
                crate::IdeaDescription::parse(idea.text).is_ok(),
                "{}",
                idea.title
            );
            let key = match idea.cat {
                Cat::M(k) | Cat::A(k) => k,
            };
            assert!(CategoryKey::parse(key).is_some());
        }
        assert!((55..=70).contains(&ideas::IDEAS.len()));
    }

    #[tokio::test]
    async fn a_new_database_gets_a_living_demo_once() {
        let (db, _dir) = file_db().await;
        install_reference_data(&db).await.unwrap();
        install_demo(&db).await.unwrap();
        install_reference_data(&db).await.unwrap();
        install_demo(&db).await.unwrap();
        assert_eq!(db.count_areas().await.unwrap(), 17);
        assert_eq!(
            db.count_ideas().await.unwrap(),
            ideas::IDEAS.len() as i64 + 2
        );
        let expected: i64 = ideas::IDEAS.iter().map(|i| i64::from(i.supports)).sum();
        assert_eq!(db.count_all_supports().await.unwrap(), expected);
        assert!(db.support_counts_agree().await.unwrap());
        // The pending and the rejected idea stay out of public lists.
        assert_eq!(
            db.count_published(&Default::default()).await.unwrap(),
            ideas::IDEAS.len() as i64
        );
        let top = db
            .list_published(&Default::default(), 10, 0, crate::storage::now())
            .await
            .unwrap();
        assert_eq!(top.ideas[0].title, ideas::IDEAS[0].title);
        let decided = db.published_idea(top.ideas[0].id).await.unwrap().unwrap();
        assert_eq!(decided.summary.status, PublicStatus::InPlan);
        assert_eq!(decided.history.len(), 2);
        assert!(decided.history[1].answer.is_some());
        // "In the climate plan" says which action: every such demo idea is linked to one.
        let unlinked: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM ideas WHERE status = 'in_plan'
               AND id NOT IN (SELECT idea_id FROM idea_actions)",
        )
        .fetch_one(db.pool())
        .await
        .unwrap();
        assert_eq!(unlinked, 0);
    }

    #[tokio::test]
    async fn every_demo_idea_has_a_point_in_its_own_area_and_the_places_spread_over_the_map() {
        let (db, _dir) = file_db().await;
        install_reference_data(&db).await.unwrap();
        install_demo(&db).await.unwrap();
        let map = db.load_area_map().await.unwrap();
        let placed: Vec<(i64, f64, f64)> =
            sqlx::query_as("SELECT area_id, lat, lon FROM ideas ORDER BY id")
                .fetch_all(db.pool())
                .await
                .unwrap();
        assert_eq!(placed.len(), ideas::IDEAS.len() + 2);
        for (area, lat, lon) in &placed {
            let point = LatLon::new(*lat, *lon).unwrap();
            assert_eq!(
                map.locate(point),
                Some(crate::AreaId(*area)),
                "{lat}, {lon}"
            );
        }
        let mut areas: Vec<i64> = placed.iter().map(|(a, _, _)| *a).collect();
        areas.sort();
        areas.dedup();
        assert!(
            areas.len() >= 14,
            "demo ideas in only {} areas",
            areas.len()
        );
    }
}
