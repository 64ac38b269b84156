//! Ideas as staff export them: every moderation state, with the fields staff need (moderation,
//! open reports) and, only when an admin asks for it, the author's e-mail. Read in chunks keyed
//! by id, so an export of any size holds one chunk in memory.

use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Sqlite};

use super::staff_ideas::push_staff_filter;
use super::{Db, IdeaColumns, Result, StorageError};
use crate::staff_ideas::StaffFilter;

/// One idea in a staff export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportIdea {
    #[serde(flatten)]
    pub columns: IdeaColumns,
    pub category_name: String,
    pub area: String,
    pub area_name: String,
    #[serde(with = "crate::idea::by_name")]
    pub moderation_state: crate::ModerationState,
    pub moderation_reason: Option<String>,
    pub supports: i64,
    pub open_reports: i64,
    pub created_at: i64,
    pub updated_at: i64,
    /// The idea's own point, or its area's representative point.
    pub lat: f64,
    pub lon: f64,
    pub exact_point: bool,
    pub author_name: Option<String>,
    /// Only filled when contact details were asked for.
    pub author_email: Option<String>,
    /// What staff noted on the idea for each other.
    pub staff_note: Option<String>,
    /// Published arguments by stance (replies not counted).
    pub arguments_for: i64,
    pub arguments_against: i64,
    pub questions: i64,
}

impl Db {
    /// The next `limit` ideas matching the staff table's `filter` (any moderation state) with an id above
    /// `after`, in id order.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn export_ideas(
        &self,
        filter: &StaffFilter,
        after: i64,
        limit: i64,
        with_contact: bool,
    ) -> Result<Vec<ExportIdea>> {
        // The chunk comes back as one JSON text, not a row at a time: sqlx hands each SQLite
        // row from its worker thread to the caller's over a channel, and for a 100 000-idea
        // export those hand-overs, not the query, took most of the time.
        let mut q = QueryBuilder::<Sqlite>::new(
            "SELECT coalesce(json_group_array(json_object(
                'id', i.id, 'title', i.title, 'description', i.description, 'kind', i.kind,
                'sector', i.sector_key, 'theme', i.theme_key,
                'category_name', coalesce(s.name_da, t.name_da),
                'area', a.slug, 'area_name', a.name, 'moderation_state', i.moderation_state,
                'moderation_reason', i.moderation_reason, 'status', i.status,
                'supports', i.support_count,
                'open_reports', (SELECT count(*) FROM reports rp WHERE rp.idea_id = i.id AND rp.resolved_at IS NULL),
                'created_at', i.created_at, 'updated_at', i.updated_at,
                'lat', coalesce(i.lat, a.label_lat), 'lon', coalesce(i.lon, a.label_lon),
                'exact_point', json(iif(i.lat IS NOT NULL, 'true', 'false')),
                'author_name', r.display_name, 'author_email', ",
        );
        q.push(if with_contact { "r.email" } else { "NULL" });
        q.push(concat!(
            ", 'staff_note', i.staff_note, 'arguments_for', ",
            counted_arguments!("for"),
            ", 'arguments_against', ",
            counted_arguments!("against"),
            ", 'questions', ",
            counted_arguments!("question"),
            ")), '[]')"
        ));
        q.push(
            " FROM ideas i JOIN areas a ON a.id = i.area_id
             LEFT JOIN sectors s ON s.key = i.sector_key
             LEFT JOIN adaptation_themes t ON t.key = i.theme_key
             LEFT JOIN residents r ON r.id = i.author_id
             WHERE i.id IN (SELECT i.id FROM ideas i JOIN areas a ON a.id = i.area_id WHERE i.id > ",
        )
        .push_bind(after);
        push_staff_filter(&mut q, filter, None);
        q.push(" ORDER BY i.id LIMIT ").push_bind(limit).push(")");
        let json: String = q.build_query_scalar().fetch_one(self.pool()).await?;
        let mut ideas: Vec<ExportIdea> = serde_json::from_str(&json)
            .map_err(|error| StorageError::InvalidRow(error.to_string()))?;
        ideas.sort_unstable_by_key(|idea| idea.columns.id);
        Ok(ideas)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ModerationState;
    use crate::storage::tests::{db_with_reference, insert};

    #[tokio::test]
    async fn exports_page_by_id_include_every_state_and_follow_the_filter() {
        let (db, _dir) = db_with_reference().await;
        let a = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let b = insert(&db, "Solceller på skolerne", ModerationState::Pending).await;
        let c = insert(&db, "Ny cykelsti ved stationen", ModerationState::Published).await;
        let all = StaffFilter::default();
        let first = db.export_ideas(&all, 0, 2, false).await.unwrap();
        assert_eq!(
            first.iter().map(|i| i.columns.id).collect::<Vec<_>>(),
            [a.0, b.0]
        );
        assert_eq!(first[1].moderation_state, ModerationState::Pending);
        let rest = db.export_ideas(&all, b.0, 2, false).await.unwrap();
        assert_eq!(rest.iter().map(|i| i.columns.id).collect::<Vec<_>>(), [c.0]);
        let searched = StaffFilter::from_pairs([("q", "cykelsti")]);
        let found = db.export_ideas(&searched, 0, 10, false).await.unwrap();
        assert_eq!(
            found.iter().map(|i| i.columns.id).collect::<Vec<_>>(),
            [a.0, c.0]
        );
        assert!(found.iter().all(|i| i.author_email.is_none()));
        assert_eq!(found[0].category_name, "Transport");
        // The staff table's own filters narrow an export too.
        let pending = StaffFilter::from_pairs([("moderation", "pending")]);
        let found = db.export_ideas(&pending, 0, 10, false).await.unwrap();
        assert_eq!(
            found.iter().map(|i| i.columns.id).collect::<Vec<_>>(),
            [b.0]
        );
    }
}
