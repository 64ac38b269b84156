//! Open data: published ideas as anyone may reuse them. Nothing here identifies a person: no
//! e-mail, no resident id, and a name only where the author chose a public display name.

use serde::Serialize;
use sqlx::{QueryBuilder, Sqlite};

use super::listing::push_conditions;
use super::{Db, IdeaColumns, Result};
use crate::filter::IdeaFilter;
use crate::time::Timestamp;

/// One published idea in open data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenIdea {
    #[serde(flatten)]
    pub columns: IdeaColumns,
    pub area: String,
    pub area_name: String,
    pub supports: i64,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// The author's chosen public name, if they chose one.
    pub author: Option<String>,
    /// Where the idea is: its own point, or else its area's representative point.
    pub lat: f64,
    pub lon: f64,
    /// Whether `lat`/`lon` is the idea's own point (true) or its area's (false).
    pub exact_point: bool,
    /// The codes of the climate plan's actions the idea is part of.
    pub actions: Vec<String>,
}

#[derive(sqlx::FromRow)]
struct OpenRow {
    #[sqlx(flatten)]
    columns: IdeaColumns,
    area: String,
    area_name: String,
    support_count: i64,
    created_at: i64,
    author: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    point_exact: bool,
    label_lat: f64,
    label_lon: f64,
    /// A JSON array of action codes.
    actions: String,
}

impl Db {
    /// Published ideas matching a filter, oldest first (a stable order for paging), `limit`
    /// from `offset`.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn open_ideas(
        &self,
        filter: &IdeaFilter,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<OpenIdea>> {
        let mut q = QueryBuilder::<Sqlite>::new(
            "SELECT i.id, i.title, i.description, i.kind, i.sector_key AS sector,
                    i.theme_key AS theme, a.slug AS area, a.name AS area_name, i.status,
                    i.support_count, i.created_at,
                    r.display_name AS author, i.lat, i.lon, i.point_exact, a.label_lat, a.label_lon,
                    (SELECT coalesce(json_group_array(x.code), '[]')
                     FROM idea_actions l JOIN actions x ON x.id = l.action_id
                     WHERE l.idea_id = i.id) AS actions
             FROM ideas i JOIN areas a ON a.id = i.area_id
             LEFT JOIN residents r ON r.id = i.author_id AND r.deleted_at IS NULL",
        );
        push_conditions(&mut q, filter, None, None);
        q.push(" ORDER BY i.id LIMIT ")
            .push_bind(limit)
            .push(" OFFSET ")
            .push_bind(offset);
        let rows: Vec<OpenRow> = q.build_query_as().fetch_all(self.pool()).await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let exact = r.lat.is_some() && r.lon.is_some();
                let (lat, lon) = match (r.lat, r.lon) {
                    (Some(lat), Some(lon)) => crate::map::published_point(lat, lon, r.point_exact),
                    _ => (r.label_lat, r.label_lon),
                };
                OpenIdea {
                    columns: r.columns,
                    area: r.area,
                    area_name: r.area_name,
                    supports: r.support_count,
                    created_at: Timestamp(r.created_at).rfc3339_utc(),
                    author: r.author,
                    lat,
                    lon,
                    exact_point: exact,
                    actions: serde_json::from_str(&r.actions).unwrap_or_default(),
                }
            })
            .collect())
    }
}
