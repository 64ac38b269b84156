//! The staff table of ideas: every moderation state, the staff filters on top of the public
//! ones, ordered by any column. The staff exports narrow by the same conditions.

use sqlx::{QueryBuilder, Sqlite};

use super::listing::{Hits, push_filter};
use super::{Db, Result, StorageError};
use crate::staff_ideas::{Column, Direction, PER_PAGE, StaffFilter, StaffPage, StaffRow};
use crate::time::Timestamp;
use crate::{IdeaKind, Locale, ModerationState, PublicStatus};

/// Adds ` AND …` for each part of a staff filter (ideas `i` joined to areas `a`).
pub(super) fn push_staff_filter(
    q: &mut QueryBuilder<'_, Sqlite>,
    filter: &StaffFilter,
    hits: Option<&Hits>,
) {
    push_filter(q, &filter.public, None, hits);
    if let Some(state) = filter.moderation {
        q.push(" AND i.moderation_state = ")
            .push_bind(state.as_str());
    }
    let (start, end) = filter.created_range();
    if let Some(start) = start {
        q.push(" AND i.created_at >= ").push_bind(start.0);
    }
    if let Some(end) = end {
        q.push(" AND i.created_at < ").push_bind(end.0);
    }
    if filter.with_photo {
        q.push(" AND i.photo IS NOT NULL");
    }
    if filter.with_open_reports {
        q.push(" AND EXISTS (SELECT 1 FROM reports rp WHERE rp.idea_id = i.id AND rp.resolved_at IS NULL)");
    }
    if filter.without_point {
        q.push(" AND i.lat IS NULL");
    }
    if let Some(n) = filter.min_supports {
        q.push(" AND i.support_count >= ").push_bind(n);
    }
    if !filter.ids.is_empty() {
        q.push(" AND i.id IN (SELECT value FROM json_each(")
            .push_bind(serde_json::to_string(&filter.ids).unwrap_or_default())
            .push("))");
    }
}

/// The expressions a column orders by, each with whether it runs against the chosen direction.
fn order_expressions(column: Column) -> &'static [(&'static str, bool)] {
    match column {
        Column::Title => &[("i.title COLLATE NOCASE", false)],
        Column::Kind => &[("i.kind", false)],
        // The plan's own order of sectors and themes, mitigation before adaptation.
        Column::Category => &[
            ("i.kind", true),
            ("coalesce(s.position, t.position)", false),
        ],
        Column::Area => &[("a.name COLLATE NOCASE", false)],
        Column::Status => &[("i.status", false)],
        Column::Moderation => &[("i.moderation_state", false)],
        Column::Supports => &[("i.support_count", false)],
        Column::Reports => &[("open_reports", false)],
        Column::Created => &[("i.created_at", false)],
    }
}

fn sql(direction: Direction) -> &'static str {
    match direction {
        Direction::Ascending => "ASC",
        Direction::Descending => "DESC",
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    title: String,
    language: String,
    kind: String,
    category: String,
    area_name: String,
    status: String,
    moderation_state: String,
    support_count: i64,
    open_reports: i64,
    created_at: i64,
    updated_at: i64,
    has_photo: bool,
    has_point: bool,
}

impl Row {
    fn into_row(self) -> Result<StaffRow> {
        let invalid =
            |what: &str, value: &str| StorageError::InvalidRow(format!("{what} {value:?}"));
        Ok(StaffRow {
            id: self.id,
            title: self.title,
            language: Locale::from_tag(&self.language)
                .ok_or_else(|| invalid("language", &self.language))?,
            kind: IdeaKind::parse(&self.kind).ok_or_else(|| invalid("kind", &self.kind))?,
            category: self.category,
            area_name: self.area_name,
            status: PublicStatus::parse(&self.status)
                .ok_or_else(|| invalid("status", &self.status))?,
            moderation: ModerationState::parse(&self.moderation_state)
                .ok_or_else(|| invalid("moderation state", &self.moderation_state))?,
            supports: self.support_count,
            open_reports: self.open_reports,
            created_at: Timestamp(self.created_at),
            updated_at: self.updated_at,
            has_photo: self.has_photo,
            has_point: self.has_point,
        })
    }
}

/// The columns of a row, after `SELECT`. Open reports are few: counted once per query and
/// joined, rather than counted again for each of the thousands of rows a sort reads.
const ROW_COLUMNS: &str = "i.id, i.title, i.language, i.kind,
    coalesce(i.sector_key, i.theme_key) AS category, a.name AS area_name,
    i.status, i.moderation_state, i.support_count, coalesce(rp.open, 0) AS open_reports,
    i.created_at, i.updated_at, i.photo IS NOT NULL AS has_photo, i.lat IS NOT NULL AS has_point
    FROM ideas i JOIN areas a ON a.id = i.area_id
    LEFT JOIN sectors s ON s.key = i.sector_key
    LEFT JOIN adaptation_themes t ON t.key = i.theme_key
    LEFT JOIN (SELECT idea_id, count(*) AS open FROM reports WHERE resolved_at IS NULL
               GROUP BY idea_id) rp ON rp.idea_id = i.id";

/// What a page's ids are chosen from: the ideas with the tables their filter and order need,
/// the areas only for an area filter or order, the reports only when the order is by them.
/// (Sectors and themes SQLite leaves out by itself when nothing asks for them.)
const PAGE_FROM: &str = "FROM ideas i
    LEFT JOIN sectors s ON s.key = i.sector_key
    LEFT JOIN adaptation_themes t ON t.key = i.theme_key";
const AREA_JOIN: &str = " JOIN areas a ON a.id = i.area_id";
const REPORTS_JOIN: &str = "
    LEFT JOIN (SELECT idea_id, count(*) AS open_reports FROM reports WHERE resolved_at IS NULL
               GROUP BY idea_id) rq ON rq.idea_id = i.id";

impl Db {
    /// One idea as a row of the table, in any moderation state.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn staff_idea(&self, id: crate::IdeaId) -> Result<Option<StaffRow>> {
        let row: Option<Row> = sqlx::query_as(&format!("SELECT {ROW_COLUMNS} WHERE i.id = ?"))
            .bind(id.0)
            .fetch_optional(self.pool())
            .await?;
        row.map(Row::into_row).transpose()
    }

    /// One page of the staff table and how many ideas its filter matches.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn staff_ideas(&self, filter: &StaffFilter) -> Result<StaffPage> {
        let hits = self.search_hits(&filter.public).await?;
        let mut count = QueryBuilder::<Sqlite>::new(
            "SELECT count(*) FROM ideas i JOIN areas a ON a.id = i.area_id WHERE 1",
        );
        push_staff_filter(&mut count, filter, hits.as_ref());
        let total: i64 = count.build_query_scalar().fetch_one(self.pool()).await?;

        // The page's ids first, ordered on the idea (and what the order needs) alone; the
        // rows' other columns and joins only for those fifty. Joining every idea's area and
        // reports before the sort took most of a staff page's time at 10 000 ideas.
        let area = filter.public.area.is_some() || filter.order == Column::Area;
        let mut q = QueryBuilder::<Sqlite>::new(format!(
            "SELECT {ROW_COLUMNS} WHERE i.id IN (SELECT i.id {PAGE_FROM}{}{} WHERE 1",
            if area { AREA_JOIN } else { "" },
            if filter.order == Column::Reports {
                REPORTS_JOIN
            } else {
                ""
            }
        ));
        push_staff_filter(&mut q, filter, hits.as_ref());
        // The id last, so equal rows keep one order from page to page.
        let order: Vec<String> = order_expressions(filter.order)
            .iter()
            .chain(&[("i.id", false)])
            .map(|&(expression, against)| {
                let direction = if against {
                    filter.direction.flipped()
                } else {
                    filter.direction
                };
                format!("{expression} {}", sql(direction))
            })
            .collect();
        let order = format!(" ORDER BY {}", order.join(", "));
        q.push(&order);
        let page = filter.page();
        q.push(" LIMIT ")
            .push_bind(i64::from(PER_PAGE))
            .push(" OFFSET ")
            .push_bind(i64::from(page - 1) * i64::from(PER_PAGE))
            .push(")")
            .push(&order);
        let rows: Vec<Row> = q.build_query_as().fetch_all(self.pool()).await?;
        Ok(StaffPage {
            rows: rows.into_iter().map(Row::into_row).collect::<Result<_>>()?,
            total,
            page,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::tests::{db_with_reference, insert};

    fn filter(query: &str) -> StaffFilter {
        StaffFilter::from_pairs(query.split('&').filter_map(|pair| pair.split_once('=')))
    }

    async fn ids(db: &Db, query: &str) -> Vec<i64> {
        let page = db.staff_ideas(&filter(query)).await.unwrap();
        assert_eq!(
            page.total as usize,
            page.rows.len(),
            "{query}: one page here"
        );
        page.rows.iter().map(|r| r.id).collect()
    }

    async fn exec(db: &Db, sql: &str) {
        sqlx::query(sql).execute(db.pool()).await.unwrap();
    }

    #[tokio::test]
    async fn every_staff_filter_and_order_on_hand_made_ideas() {
        let (db, _dir) = db_with_reference().await;
        let a = insert(&db, "Cykelsti langs fjorden", ModerationState::Published)
            .await
            .0;
        let b = insert(&db, "Almindelige solceller", ModerationState::Pending)
            .await
            .0;
        let c = insert(&db, "Byens træer", ModerationState::Published)
            .await
            .0;
        // Noon on 1 and 20 November and 1 December 2026, Danish time; photo, point, supports, reports.
        exec(&db, &format!("UPDATE ideas SET created_at = 1793530800, support_count = 5, photo = 'x.webp' WHERE id = {a}")).await;
        exec(&db, &format!("UPDATE ideas SET created_at = 1795172400, support_count = 9, lat = 57.0, lon = 9.9 WHERE id = {b}")).await;
        exec(&db, &format!("UPDATE ideas SET created_at = 1796122800, moderation_state = 'hidden', moderation_reason = 'spam', kind = 'adaptation', sector_key = NULL, theme_key = 'heat' WHERE id = {c}")).await;
        exec(
            &db,
            "INSERT INTO residents (id, email, created_at) VALUES (1, 'r@example.org', 0)",
        )
        .await;
        exec(&db, &format!("INSERT INTO reports (idea_id, resident_id, reason, created_at) VALUES ({c}, 1, 'spam', 0)")).await;

        assert_eq!(ids(&db, "").await, [c, b, a], "newest first by default");
        assert_eq!(ids(&db, "moderation=pending").await, [b]);
        assert_eq!(ids(&db, "kind=adaptation").await, [c]);
        assert_eq!(ids(&db, "theme=heat").await, [c]);
        assert_eq!(ids(&db, "sector=transport").await, [b, a]);
        assert_eq!(ids(&db, "photo=1").await, [a]);
        assert_eq!(ids(&db, "reported=1").await, [c]);
        assert_eq!(ids(&db, "nopoint=1").await, [c, a]);
        assert_eq!(ids(&db, "q=cykelsti").await, [a]);
        // Whole Danish days at both ends.
        assert_eq!(ids(&db, "from=2026-11-20").await, [c, b]);
        assert_eq!(ids(&db, "to=2026-11-20").await, [b, a]);
        assert_eq!(ids(&db, "from=2026-11-02&to=2026-11-30").await, [b]);
        assert_eq!(ids(&db, "nopoint=1&moderation=published").await, [a]);
        assert_eq!(ids(&db, "min_supports=5").await, [b, a]);
        assert_eq!(ids(&db, "min_supports=6").await, [b]);
        assert_eq!(ids(&db, &format!("ids={a}&ids={c}:5")).await, [c, a]);

        assert_eq!(ids(&db, "order=supports").await, [b, a, c]);
        assert_eq!(ids(&db, "order=supports&dir=asc").await, [c, a, b]);
        assert_eq!(ids(&db, "order=title").await, [b, c, a]);
        assert_eq!(ids(&db, "order=reports").await[0], c);
        assert_eq!(ids(&db, "order=moderation").await, [c, b, a]);
        assert_eq!(
            ids(&db, "order=category").await,
            [a, b, c],
            "mitigation first"
        );
        assert_eq!(ids(&db, "order=category&dir=desc").await, [c, b, a]);

        let page = db.staff_ideas(&filter("reported=1")).await.unwrap();
        let row = &page.rows[0];
        assert_eq!(
            (row.open_reports, row.moderation),
            (1, ModerationState::Hidden)
        );
        assert_eq!(
            (row.kind, row.category.as_str()),
            (IdeaKind::Adaptation, "heat")
        );
        let page = db.staff_ideas(&filter("photo=1")).await.unwrap();
        assert!(page.rows[0].has_photo && !page.rows[0].has_point);
        assert_eq!(page.rows[0].supports, 5);
        assert_eq!(
            db.staff_idea(crate::IdeaId(c)).await.unwrap().as_ref(),
            Some(row)
        );
        assert_eq!(db.staff_idea(crate::IdeaId(c + 100)).await.unwrap(), None);
    }

    #[tokio::test]
    async fn pages_hold_fifty_rows_and_never_overlap() {
        let (db, _dir) = db_with_reference().await;
        for n in 0..(PER_PAGE + 3) {
            insert(&db, &format!("Idé nummer {n}"), ModerationState::Published).await;
        }
        // Equal supports everywhere: the id keeps the order stable.
        let first = db.staff_ideas(&filter("order=supports")).await.unwrap();
        let second = db
            .staff_ideas(&filter("order=supports&page=2"))
            .await
            .unwrap();
        assert_eq!(first.total, i64::from(PER_PAGE) + 3);
        assert_eq!(
            (first.rows.len(), second.rows.len()),
            (PER_PAGE as usize, 3)
        );
        assert_eq!(first.page_count(), 2);
        assert!(
            second
                .rows
                .iter()
                .all(|r| !first.rows.iter().any(|f| f.id == r.id))
        );
    }
}
