//! `klimadialog seed --ideas N --supports M`: large synthetic data sets for benchmarks.

use super::SplitMix;
use crate::reference::{SECTORS, THEMES};
use crate::storage::{BulkIdea, Db, Result, StorageError, now};

const TOPICS: [&str; 12] = [
    "cykelstier",
    "solceller",
    "fjernvarme",
    "regnbede",
    "træer",
    "busser",
    "elbiler",
    "genbrug",
    "vådområder",
    "isolering",
    "diger",
    "delebiler",
];
const PLACES: [&str; 8] = [
    "ved skolen",
    "i bymidten",
    "langs fjorden",
    "i boligområdet",
    "ved stationen",
    "på landet",
    "ved havnen",
    "i parken",
];

fn rng_run_tag(now: i64) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{now:x}{nanos:x}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    pub ideas: u64,
    pub residents: u64,
    pub supports: u64,
}

/// Adds `ideas` published ideas and exactly `supports` supports spread over them, popular ideas
/// getting more (a few ideas gather most supports, as in real participation).
pub async fn seed_synthetic(db: &Db, ideas: u64, supports: u64) -> Result<SeedReport> {
    let areas = db.list_areas().await?;
    if areas.is_empty() {
        return Err(StorageError::Refused(
            "there are no areas: install the reference data first",
        ));
    }
    if ideas == 0 && supports > 0 {
        return Err(StorageError::Refused(
            "supports need ideas: ask for at least one idea",
        ));
    }
    let mut rng = SplitMix::new(0x6b6c_696d_6164_6961);
    let now = now();
    let year = 365 * 86_400;
    let batch: Vec<BulkIdea> = (0..ideas)
        .map(|n| {
            let topic = TOPICS[rng.below(TOPICS.len())];
            let place = PLACES[rng.below(PLACES.len())];
            let mitigation = rng.unit() < 0.7;
            let area = &areas[rng.below(areas.len())];
            BulkIdea {
                title: format!("Flere {topic} {place} (forslag {})", n + 1),
                description: format!("Forslag om {topic} {place} i {}. Det vil mindske udledningen og gøre området bedre at bo i.", area.name),
                kind: if mitigation { "mitigation" } else { "adaptation" },
                sector: mitigation.then(|| SECTORS[rng.below(SECTORS.len())].key),
                theme: (!mitigation).then(|| THEMES[rng.below(THEMES.len())].key),
                area_id: area.id.0,
                point: (rng.unit() < 0.5).then(|| (area.label.0 + (rng.unit() - 0.5) * 0.004, area.label.1 + (rng.unit() - 0.5) * 0.008)),
                author_id: None,
                moderation_state: "published",
                moderation_reason: None,
                created_at: now - (rng.unit() * year as f64) as i64,
            }
        })
        .collect();
    let idea_ids = db.bulk_insert_ideas(&batch).await?;
    let created: Vec<i64> = batch.iter().map(|i| i.created_at).collect();
    drop(batch);

    // Each resident supports up to 50 distinct ideas; as many residents as that needs.
    let n = idea_ids.len();
    let per_resident = n.min(50) as u64;
    let resident_count = supports.div_ceil(per_resident.max(1));
    let mut residents_left = resident_count;
    let mut supports_left = supports;
    let mut inserted_supports = 0;
    let mut chosen = Vec::with_capacity(per_resident as usize);
    // E-mails must be unique across runs too: a second seed adds to the first.
    let run = rng_run_tag(now);
    let mut resident_number = 0u64;
    let mut debaters: Vec<i64> = Vec::new();
    while residents_left > 0 {
        let chunk = residents_left.min(20_000);
        residents_left -= chunk;
        let emails: Vec<(String, Option<String>)> = (0..chunk)
            .map(|_| {
                resident_number += 1;
                (
                    format!("seed-{run}-{resident_number}@klimadialog.invalid"),
                    None,
                )
            })
            .collect();
        let resident_ids = db.bulk_insert_residents(&emails, now - year).await?;
        if debaters.is_empty() {
            debaters = resident_ids.iter().take(500).copied().collect();
        }
        let mut rows = Vec::with_capacity((chunk * per_resident) as usize);
        for resident in resident_ids {
            let take = supports_left.min(per_resident) as usize;
            supports_left -= take as u64;
            chosen.clear();
            // Skewed towards low indices: the cube of a uniform number.
            while chosen.len() < take {
                let skewed = ((rng.unit().powi(3)) * n as f64) as usize;
                let pick = if chosen.len() * 2 < take || take < n / 2 {
                    skewed
                } else {
                    rng.below(n)
                };
                if !chosen.contains(&pick) {
                    chosen.push(pick);
                }
            }
            for &i in &chosen {
                let at = created[i] + (rng.unit() * (now - created[i]).max(1) as f64) as i64;
                rows.push((idea_ids[i], resident, at));
            }
        }
        inserted_supports += db.bulk_insert_supports(&rows).await?;
    }
    // The idea in the middle (in an empty database `/ideas/5000`, which the benchmark reads)
    // gets a long debate: 1 000 arguments, every fifth with a reply.
    if n >= 2 && !debaters.is_empty() {
        db.bulk_insert_arguments(idea_ids[(n - 1) / 2], &debaters, 1_000, now)
            .await?;
    }
    // A plan as large as a big municipality's: 200 actions (the benchmark reads `/plan` and
    // `/plan/M1`), each with a few milestones and ideas linked, and a baseline.
    if n > 0 {
        seed_plan(db, &idea_ids, &mut rng, now).await?;
    }
    Ok(SeedReport {
        ideas: idea_ids.len() as u64,
        residents: resident_count,
        supports: inserted_supports,
    })
}

/// Actions in a synthetic plan.
pub const PLAN_ACTIONS: usize = 200;

async fn seed_plan(db: &Db, ideas: &[i64], rng: &mut SplitMix, now: i64) -> Result<()> {
    use crate::plan::{ActionCode, ActionFields, ActionStatus, Baseline};
    for n in 0..PLAN_ACTIONS {
        let mitigation = n % 4 != 3;
        let category = if mitigation {
            format!("sector:{}", SECTORS[n % SECTORS.len()].key)
        } else {
            format!("theme:{}", THEMES[n % THEMES.len()].key)
        };
        let code = format!("{}{}", if mitigation { 'M' } else { 'K' }, n + 1);
        let fields = ActionFields {
            code: code.clone(),
            title_da: format!("Indsats nummer {} i den store plan", n + 1),
            description_da: "En indsats i en syntetisk plan til målinger.".into(),
            category,
            owner: "Klima og Miljø".into(),
            status: ActionStatus::ALL[n % 4].as_str().into(),
            start_year: "2023".into(),
            end_year: "2030".into(),
            reduction: if mitigation {
                format!("{}", 500 + rng.below(20_000))
            } else {
                String::new()
            },
            ..ActionFields::default()
        };
        let action = fields
            .parse()
            .map_err(|_| StorageError::Refused("a synthetic action did not parse"))?;
        let id = db
            .save_action(&action, None, now)
            .await?
            .map_err(|_| StorageError::Refused("a synthetic action's category is unknown"))?;
        for m in 0..3 {
            let due = crate::time::Date::parse_iso(&format!("{}-06-01", 2024 + m * 2))
                .ok_or(StorageError::Refused("a synthetic date"))?;
            let done = (m as usize) < n % 3;
            db.add_milestone(id, &format!("Milepæl {}", m + 1), due, done.then_some(now))
                .await?;
        }
        let code = ActionCode::parse(&code).ok_or(StorageError::Refused("a synthetic code"))?;
        for _ in 0..3 {
            let idea = crate::IdeaId(ideas[rng.below(ideas.len())]);
            db.link_idea(idea, &code, None, None, now).await?;
        }
    }
    let baseline = Baseline {
        base_year: 1990,
        latest_year: 2022,
        sectors: SECTORS
            .iter()
            .map(|s| (s.key.to_owned(), 400_000.0, 250_000.0))
            .collect(),
        demo: true,
    };
    db.set_baseline(&baseline, None, now).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::install_reference_data;
    use crate::storage::test_support::file_db;

    #[tokio::test]
    async fn seeds_exactly_what_was_asked() {
        let (db, _dir) = file_db().await;
        install_reference_data(&db).await.unwrap();
        let report = seed_synthetic(&db, 300, 5_000).await.unwrap();
        assert_eq!(
            report,
            SeedReport {
                ideas: 300,
                residents: 100,
                supports: 5_000
            }
        );
        assert_eq!(db.count_all_supports().await.unwrap(), 5_000);
        assert!(db.support_counts_agree().await.unwrap());
        // The idea in the middle carries a long debate, 20 arguments a page.
        let debate = db
            .debate(
                crate::IdeaId(150),
                None,
                crate::argument::ArgumentOrder::Helpful,
                None,
                50,
            )
            .await
            .unwrap()
            .unwrap();
        assert_eq!((debate.counts.total(), debate.threads.len()), (1_000, 20));
        // And a plan of 200 actions with its baseline.
        assert_eq!(db.plan_actions().await.unwrap().len(), PLAN_ACTIONS);
        assert!(db.baseline().await.unwrap().is_some());
    }

    #[tokio::test]
    async fn a_few_ideas_can_take_every_resident() {
        let (db, _dir) = file_db().await;
        install_reference_data(&db).await.unwrap();
        let report = seed_synthetic(&db, 3, 30).await.unwrap();
        assert_eq!(report.supports, 30);
        assert_eq!(report.residents, 10);
    }
}
