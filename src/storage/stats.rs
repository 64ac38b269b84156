//! Statistics of published ideas and their supports, for `/stats`.

use super::{Db, Result};
pub use crate::listing::{Stats, Tally};

/// Seconds in a week, and the Monday (00:00 UTC) that week numbers count from.
const WEEK: i64 = 7 * 24 * 3600;
const FIRST_MONDAY: i64 = 4 * 24 * 3600;
/// How many weeks back the weekly figures go.
pub const WEEKS: i64 = crate::listing::STATS_WEEKS;

// The weekly query below spells these out.
const _: () = assert!(FIRST_MONDAY == 345_600 && WEEK == 604_800);

/// Supports given since a time, to public ideas, by week; found by time.
pub(super) const WEEKLY_SUPPORTS_SQL: &str = "SELECT (s.created_at - 345600) / 604800, count(*)
     FROM supports s INDEXED BY supports_time JOIN ideas i ON i.id = s.idea_id
     WHERE s.created_at >= ? AND i.moderation_state = 'published' AND i.status <> 'merged'
     GROUP BY 1";

const PUBLIC: &str = "i.moderation_state = 'published' AND i.status <> 'merged'";

impl Db {
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn stats(&self, now: i64) -> Result<Stats> {
        let group = |column: &str| {
            format!(
                "SELECT {column}, count(*), coalesce(sum(i.support_count), 0)
                 FROM ideas i JOIN areas a ON a.id = i.area_id
                 WHERE {PUBLIC} AND {column} IS NOT NULL GROUP BY {column}"
            )
        };
        let tallies = |rows: Vec<(String, i64, i64)>| {
            rows.into_iter()
                .map(|(key, ideas, supports)| Tally {
                    key,
                    ideas,
                    supports,
                })
                .collect::<Vec<_>>()
        };
        let by_sector = tallies(
            sqlx::query_as(&group("i.sector_key"))
                .fetch_all(self.pool())
                .await?,
        );
        let by_theme = tallies(
            sqlx::query_as(&group("i.theme_key"))
                .fetch_all(self.pool())
                .await?,
        );
        let by_area = tallies(
            sqlx::query_as(&group("a.slug"))
                .fetch_all(self.pool())
                .await?,
        );

        let this_week = (now - FIRST_MONDAY).div_euclid(WEEK);
        let first_week = this_week - WEEKS + 1;
        let since = FIRST_MONDAY + first_week * WEEK;
        let ideas: Vec<(i64, i64)> = sqlx::query_as(&format!(
            "SELECT (i.created_at - {FIRST_MONDAY}) / {WEEK}, count(*) FROM ideas i
             WHERE {PUBLIC} AND i.created_at >= ? GROUP BY 1"
        ))
        .bind(since)
        .fetch_all(self.pool())
        .await?;
        // Supports given in the period, to public ideas; found by time.
        let supports: Vec<(i64, i64)> = sqlx::query_as(WEEKLY_SUPPORTS_SQL)
            .bind(since)
            .fetch_all(self.pool())
            .await?;
        let count_in = |rows: &[(i64, i64)], week: i64| {
            rows.iter()
                .find(|(w, _)| *w == week)
                .map(|(_, n)| *n)
                .unwrap_or(0)
        };
        let by_week = (first_week..=this_week)
            .map(|week| Tally {
                key: (FIRST_MONDAY + week * WEEK).to_string(),
                ideas: count_in(&ideas, week),
                supports: count_in(&supports, week),
            })
            .collect();
        Ok(Stats {
            by_sector,
            by_theme,
            by_area,
            by_week,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::storage::now;
    use crate::storage::tests::db_with_reference;

    #[tokio::test]
    async fn stats_add_up_to_the_published_ideas_and_their_supports() {
        let (db, _dir) = db_with_reference().await;
        crate::demo::install_demo(&db).await.unwrap();
        let stats = db.stats(now()).await.unwrap();
        let total = db.count_published(&Default::default()).await.unwrap();
        let ideas = |t: &[super::Tally]| t.iter().map(|t| t.ideas).sum::<i64>();
        assert_eq!(ideas(&stats.by_area), total);
        assert_eq!(ideas(&stats.by_sector) + ideas(&stats.by_theme), total);
        assert_eq!(stats.by_week.len() as i64, super::WEEKS);
        let supports: i64 = stats.by_area.iter().map(|t| t.supports).sum();
        let weekly: i64 = stats.by_week.iter().map(|t| t.supports).sum();
        assert!(weekly <= supports && weekly > 0);
        // Weeks start on Mondays at midnight UTC.
        let monday: i64 = stats.by_week[0].key.parse().unwrap();
        assert_eq!((monday / 86_400 + 4).rem_euclid(7), 1);
    }
}
