//! The public list of ideas: filtered, searched, sorted and paged, with a count per filter
//! value. Every query starts from published ideas that are not merged.

use sqlx::{QueryBuilder, Sqlite};

use super::idea::{SUMMARY_COLUMNS, SUMMARY_FROM, SummaryRow};
use super::{Db, Result};
use crate::filter::{FilterCounts, IdeaFilter};
use crate::listing::IdeaPage;
use crate::ranking::{RANDOM_MODULUS, SortOrder, TRENDING_WINDOW_SECONDS, random_multiplier};
use crate::search;

/// The filters that have a count per value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Facet {
    Area,
    Sector,
    Theme,
    Kind,
    Status,
}

/// Adds the WHERE conditions of a filter on public ideas, leaving out one facet (for that
/// facet's counts).
pub(super) fn push_conditions(
    q: &mut QueryBuilder<'_, Sqlite>,
    filter: &IdeaFilter,
    except: Option<Facet>,
    hits: Option<&Hits>,
) {
    q.push(" WHERE i.moderation_state = 'published' AND i.status <> 'merged'");
    push_filter(q, filter, except, hits);
}

/// The ideas a search matched, as a JSON array of ids: found once per page and used by its
/// list, count and every facet, instead of running the full-text search for each of them.
pub(super) struct Hits(String);

/// Adds ` AND …` for each part of a filter, leaving out one facet.
pub(super) fn push_filter(
    q: &mut QueryBuilder<'_, Sqlite>,
    filter: &IdeaFilter,
    except: Option<Facet>,
    hits: Option<&Hits>,
) {
    if let (Some(area), false) = (&filter.area, except == Some(Facet::Area)) {
        q.push(" AND a.slug = ").push_bind(area.as_str().to_owned());
    }
    if let (Some(sector), false) = (&filter.sector, except == Some(Facet::Sector)) {
        q.push(" AND i.sector_key = ")
            .push_bind(sector.as_str().to_owned());
    }
    if let (Some(theme), false) = (&filter.theme, except == Some(Facet::Theme)) {
        q.push(" AND i.theme_key = ")
            .push_bind(theme.as_str().to_owned());
    }
    if let (Some(kind), false) = (filter.kind, except == Some(Facet::Kind)) {
        q.push(" AND i.kind = ").push_bind(kind.as_str());
    }
    if let (Some(status), false) = (filter.status, except == Some(Facet::Status)) {
        q.push(" AND i.status = ").push_bind(status.as_str());
    }
    if let (Some(_), Some(hits)) = (&filter.q, hits) {
        q.push(" AND i.id IN (SELECT value FROM json_each(")
            .push_bind(hits.0.clone())
            .push("))");
    } else if let Some(text) = &filter.q {
        match search::all_terms_query(text) {
            Some(query) => {
                q.push(" AND i.id IN (SELECT rowid FROM idea_search WHERE idea_search MATCH ")
                    .push_bind(query)
                    .push(")");
            }
            // Only stop words or signs: nothing to search for, so nothing is found.
            None => {
                q.push(" AND 0");
            }
        }
    }
}

/// The query of a page of the list. `prefix` is "" to run it, or "EXPLAIN QUERY PLAN " for
/// tests that check it is answered from indexes.
fn list_query(
    prefix: &str,
    filter: &IdeaFilter,
    per_page: u32,
    seed: u32,
    hits: Option<&Hits>,
) -> QueryBuilder<'static, Sqlite> {
    let page = filter.page.max(1);
    let mut q =
        QueryBuilder::<Sqlite>::new(format!("{prefix}SELECT {SUMMARY_COLUMNS} {SUMMARY_FROM}"));
    if filter.sort == SortOrder::Trending {
        q.push(" LEFT JOIN trending_scores tr ON tr.idea_id = i.id");
    }
    push_conditions(&mut q, filter, None, hits);
    match filter.sort {
        SortOrder::Top => {
            q.push(" ORDER BY i.support_count DESC, i.created_at DESC, i.id DESC");
        }
        SortOrder::New => {
            q.push(" ORDER BY i.created_at DESC, i.id DESC");
        }
        SortOrder::Trending => {
            q.push(" ORDER BY coalesce(tr.score, 0) DESC, i.support_count DESC, i.created_at DESC, i.id DESC");
        }
        SortOrder::Random => {
            q.push(format!(" ORDER BY (i.id % {RANDOM_MODULUS}) * "))
                .push_bind(random_multiplier(seed))
                .push(format!(" % {RANDOM_MODULUS}, i.id"));
        }
    }
    q.push(" LIMIT ")
        .push_bind(i64::from(per_page))
        .push(" OFFSET ")
        .push_bind(i64::from(page - 1) * i64::from(per_page));
    q
}

fn count_query(
    prefix: &str,
    filter: &IdeaFilter,
    hits: Option<&Hits>,
) -> QueryBuilder<'static, Sqlite> {
    let mut q = QueryBuilder::<Sqlite>::new(format!(
        "{prefix}SELECT count(*) FROM ideas i JOIN areas a ON a.id = i.area_id"
    ));
    push_conditions(&mut q, filter, None, hits);
    q
}

const FACETS: [(Facet, &str); 5] = [
    (Facet::Area, "a.slug"),
    (Facet::Sector, "i.sector_key"),
    (Facet::Theme, "i.theme_key"),
    (Facet::Kind, "i.kind"),
    (Facet::Status, "i.status"),
];

fn facet_query(
    prefix: &str,
    filter: &IdeaFilter,
    facet: Facet,
    column: &str,
    hits: Option<&Hits>,
) -> QueryBuilder<'static, Sqlite> {
    let mut q = QueryBuilder::<Sqlite>::new(format!(
        "{prefix}SELECT {column}, count(*) FROM ideas i JOIN areas a ON a.id = i.area_id"
    ));
    push_conditions(&mut q, filter, Some(facet), hits);
    q.push(format!(" AND {column} IS NOT NULL GROUP BY {column}"));
    q
}

impl Db {
    /// Works out every idea's trending score for `now` (see `ranking::trending_score`) unless
    /// that was done in the same minute. Residents see trending move once a minute; the page
    /// no longer sums every recent support.
    async fn refresh_trending(&self, now: i64) -> Result<()> {
        let minute = now.div_euclid(60);
        let mut done = self.trending_minute.lock().await;
        if *done == Some(minute) {
            return Ok(());
        }
        let cutoff = now - TRENDING_WINDOW_SECONDS;
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM trending_scores")
            .execute(&mut *tx)
            .await?;
        // Recent supports found by time: without statistics SQLite would rather walk the whole
        // (idea, time) index to get them grouped, which reads every support.
        sqlx::query(
            "INSERT INTO trending_scores (idea_id, score)
             SELECT idea_id, sum(min(created_at, ?1) - ?2) FROM supports INDEXED BY supports_time
             WHERE created_at > ?2 GROUP BY idea_id",
        )
        .bind(now)
        .bind(cutoff)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        *done = Some(minute);
        Ok(())
    }

    /// A page of the public list. `seed` orders `random` for one visitor; `now` anchors
    /// `trending`.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn list_published(
        &self,
        filter: &IdeaFilter,
        per_page: u32,
        seed: u32,
        now: i64,
    ) -> Result<IdeaPage> {
        let per_page = per_page.clamp(1, 100);
        if filter.sort == SortOrder::Trending {
            self.refresh_trending(now).await?;
        }
        let hits = self.search_hits(filter).await?;
        let rows: Vec<SummaryRow> = list_query("", filter, per_page, seed, hits.as_ref())
            .build_query_as()
            .fetch_all(self.pool())
            .await?;
        let ideas = rows
            .into_iter()
            .map(SummaryRow::into_summary)
            .collect::<Result<_>>()?;
        Ok(IdeaPage {
            ideas,
            total: self.count_with(filter, hits.as_ref()).await?,
            page: filter.page.max(1),
            per_page,
        })
    }

    /// How many public ideas a filter shows.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn count_published(&self, filter: &IdeaFilter) -> Result<i64> {
        let hits = self.search_hits(filter).await?;
        self.count_with(filter, hits.as_ref()).await
    }

    async fn count_with(&self, filter: &IdeaFilter, hits: Option<&Hits>) -> Result<i64> {
        Ok(count_query("", filter, hits)
            .build_query_scalar()
            .fetch_one(self.pool())
            .await?)
    }

    /// What a filter's search words match, if it has any.
    pub(super) async fn search_hits(&self, filter: &IdeaFilter) -> Result<Option<Hits>> {
        let Some(query) = filter.q.as_deref().and_then(search::all_terms_query) else {
            return Ok(None);
        };
        let ids: String = sqlx::query_scalar(
            "SELECT coalesce(json_group_array(rowid), '[]') FROM idea_search
             WHERE idea_search MATCH ?",
        )
        .bind(query)
        .fetch_one(self.pool())
        .await?;
        Ok(Some(Hits(ids)))
    }

    /// The count of every value of every filter, each given the other filters.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn filter_counts(&self, filter: &IdeaFilter) -> Result<FilterCounts> {
        let mut lists = Vec::with_capacity(FACETS.len());
        let hits = self.search_hits(filter).await?;
        for (facet, column) in FACETS {
            let list: Vec<(String, i64)> = facet_query("", filter, facet, column, hits.as_ref())
                .build_query_as()
                .fetch_all(self.pool())
                .await?;
            lists.push(list);
        }
        let mut lists = lists.into_iter();
        let mut next = || lists.next().unwrap_or_default();
        Ok(FilterCounts {
            area: next(),
            sector: next(),
            theme: next(),
            kind: next(),
            status: next(),
        })
    }

    /// The plan SQLite chooses for a query, one line per step, for tests.
    #[cfg(test)]
    async fn plan(&self, mut q: QueryBuilder<'static, Sqlite>) -> Vec<String> {
        let rows: Vec<(i64, i64, i64, String)> =
            q.build_query_as().fetch_all(self.pool()).await.unwrap();
        rows.into_iter().map(|(_, _, _, detail)| detail).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ModerationState;
    use crate::storage::now;
    use crate::storage::tests::{db_with_reference, idea, resident};

    const DAY: i64 = 24 * 3600;

    fn filter(pairs: &[(&str, &str)]) -> IdeaFilter {
        IdeaFilter::from_pairs(pairs.iter().copied())
    }

    async fn ids(db: &Db, f: &IdeaFilter, seed: u32) -> Vec<i64> {
        let page = db.list_published(f, 100, seed, now()).await.unwrap();
        page.ideas.iter().map(|i| i.id.0).collect()
    }

    /// A: old, five supports 13 days ago. B: two days old, three supports yesterday. C: new.
    async fn three_ideas() -> (Db, tempfile::TempDir, [i64; 3]) {
        let (db, dir) = db_with_reference().await;
        let t = now();
        let mut made = [0; 3];
        for (n, (title, age, supports, support_age)) in [
            ("Idé A med gammel støtte", 60 * DAY, 5, 13 * DAY),
            ("Idé B med frisk støtte", 2 * DAY, 3, DAY),
            ("Idé C helt ny", DAY, 0, 0),
        ]
        .into_iter()
        .enumerate()
        {
            let mut new = idea(title, ModerationState::Published);
            new.created_at = t - age;
            let id = db.insert_idea(&new).await.unwrap();
            for r in 0..supports {
                let resident = resident(&db, n * 10 + r).await;
                db.add_support(id, resident, t - support_age).await.unwrap();
            }
            made[n] = id.0;
        }
        (db, dir, made)
    }

    #[tokio::test]
    async fn each_sort_order_on_hand_made_ideas() {
        let (db, _dir, [a, b, c]) = three_ideas().await;
        assert_eq!(ids(&db, &filter(&[]), 1).await, [a, b, c]);
        assert_eq!(ids(&db, &filter(&[("sort", "new")]), 1).await, [c, b, a]);
        // Three supports yesterday outweigh five thirteen days ago.
        assert_eq!(
            ids(&db, &filter(&[("sort", "trending")]), 1).await,
            [b, a, c]
        );
        let random = ids(&db, &filter(&[("sort", "random")]), 99).await;
        let mut sorted = random.clone();
        sorted.sort();
        assert_eq!(sorted, [a, b, c]);
    }

    #[tokio::test]
    async fn random_order_is_one_visitors_own_and_pages_never_overlap() {
        let (db, _dir) = db_with_reference().await;
        crate::demo::install_demo(&db).await.unwrap();
        let random = filter(&[("sort", "random")]);
        let mine = ids(&db, &random, 7).await;
        assert_eq!(mine, ids(&db, &random, 7).await, "stable on reload");
        assert_ne!(
            mine,
            ids(&db, &random, 8).await,
            "another visitor, another order"
        );
        let mut paged = Vec::new();
        for page in 1..=7 {
            let p = db
                .list_published(&random.on_page(page), 10, 7, now())
                .await
                .unwrap();
            paged.extend(p.ideas.iter().map(|i| i.id.0));
        }
        assert_eq!(
            paged, mine,
            "page by page is the same order, each idea once"
        );
    }

    #[tokio::test]
    async fn every_filter_alone_and_combined_with_its_counts() {
        let (db, _dir) = db_with_reference().await;
        crate::demo::install_demo(&db).await.unwrap();
        let all = db
            .list_published(&filter(&[]), 100, 0, now())
            .await
            .unwrap();
        let counts = db.filter_counts(&filter(&[])).await.unwrap();
        let sum = |list: &[(String, i64)]| list.iter().map(|(_, n)| n).sum::<i64>();
        assert_eq!(sum(&counts.area), all.total);
        assert_eq!(sum(&counts.kind), all.total);
        assert_eq!(sum(&counts.status), all.total);
        assert_eq!(sum(&counts.sector) + sum(&counts.theme), all.total);

        for (name, value) in [
            ("area", "9000-aalborg"),
            ("sector", "transport"),
            ("theme", "cloudburst"),
            ("kind", "adaptation"),
            ("status", "in_plan"),
        ] {
            let f = filter(&[(name, value)]);
            let page = db.list_published(&f, 100, 0, now()).await.unwrap();
            assert!(page.total > 0, "{name}={value} finds something");
            let expected = match name {
                "area" => FilterCounts::of(&counts.area, value),
                "sector" => FilterCounts::of(&counts.sector, value),
                "theme" => FilterCounts::of(&counts.theme, value),
                "kind" => FilterCounts::of(&counts.kind, value),
                _ => FilterCounts::of(&counts.status, value),
            };
            assert_eq!(page.total, expected, "{name}={value}");
            for idea in &page.ideas {
                match name {
                    "area" => assert_eq!(idea.area_slug.as_str(), value),
                    "sector" | "theme" => assert_eq!(idea.category_key, value),
                    "kind" => assert_eq!(idea.kind.as_str(), value),
                    _ => assert_eq!(idea.status.as_str(), value),
                }
            }
        }

        let both = filter(&[
            ("kind", "mitigation"),
            ("sector", "transport"),
            ("q", "cykelstier"),
        ]);
        let found = db.list_published(&both, 100, 0, now()).await.unwrap();
        assert!(found.total >= 1);
        assert!(found.ideas.iter().all(|i| i.category_key == "transport"));
        // Counts of one filter take the others into account.
        let counts = db.filter_counts(&both).await.unwrap();
        assert_eq!(FilterCounts::of(&counts.sector, "transport"), found.total);
        let nothing = filter(&[("sector", "transport"), ("theme", "heat")]);
        assert_eq!(db.count_published(&nothing).await.unwrap(), 0);
        assert_eq!(
            db.count_published(&filter(&[("q", "og i på")]))
                .await
                .unwrap(),
            0
        );
        assert!(
            db.count_published(&filter(&[("q", "norresundby")]))
                .await
                .unwrap()
                > 0
        );
    }

    /// Every list, filter, sort and search is answered from indexes: the plans never scan
    /// the supports table, and never scan ideas except through an index.
    #[tokio::test]
    async fn list_queries_use_indexes() {
        let (db, _dir) = db_with_reference().await;
        crate::demo::install_demo(&db).await.unwrap();
        let filters = [
            vec![],
            vec![("sort", "new")],
            vec![("sort", "trending")],
            vec![("sort", "random")],
            vec![("area", "9370-hals")],
            vec![("sector", "transport"), ("sort", "new")],
            vec![("theme", "heat")],
            vec![("kind", "adaptation"), ("status", "in_plan")],
            vec![("q", "cykelsti")],
            vec![
                ("q", "cykelsti"),
                ("area", "9000-aalborg"),
                ("sort", "trending"),
            ],
        ];
        for pairs in filters {
            let f = filter(&pairs);
            // As the pages run them: a search found once, then used by list, count and facets.
            let hits = db.search_hits(&f).await.unwrap();
            let hits = hits.as_ref();
            let mut plans = vec![
                db.plan(list_query("EXPLAIN QUERY PLAN ", &f, 20, 7, hits))
                    .await,
                db.plan(count_query("EXPLAIN QUERY PLAN ", &f, hits)).await,
                db.plan(count_query("EXPLAIN QUERY PLAN ", &f, None)).await,
            ];
            for (facet, column) in FACETS {
                plans.push(
                    db.plan(facet_query("EXPLAIN QUERY PLAN ", &f, facet, column, hits))
                        .await,
                );
            }
            for step in plans.iter().flatten() {
                assert!(!step.starts_with("SCAN supports"), "{pairs:?}: {step}");
                assert!(
                    !step.starts_with("SCAN i") || step.contains("INDEX"),
                    "{pairs:?}: {step} in {plans:?}"
                );
            }
        }
    }

    /// The map's and the statistics' queries too: by index, never every support.
    #[tokio::test]
    async fn map_and_statistics_queries_use_indexes() {
        let (db, _dir) = db_with_reference().await;
        crate::demo::install_demo(&db).await.unwrap();
        let weekly = super::super::stats::WEEKLY_SUPPORTS_SQL;
        for sql in [
            super::super::map::AREA_COUNTS_SQL,
            super::super::map::IDEA_POINTS_SQL,
            weekly,
        ] {
            let rows: Vec<(i64, i64, i64, String)> =
                sqlx::query_as(&format!("EXPLAIN QUERY PLAN {sql}"))
                    .bind(0i64)
                    .fetch_all(db.pool())
                    .await
                    .unwrap();
            for (_, _, _, step) in rows {
                assert!(!step.starts_with("SCAN supports"), "{step} in {sql}");
                assert!(
                    !step.starts_with("SCAN i ") && step != "SCAN i" && step != "SCAN ideas",
                    "{step} in {sql}"
                );
            }
        }
    }
}
