//! Ideas: writing them and reading what public pages show.

use sqlx::FromRow;

use super::{Db, Result, StorageError};
use crate::area::{AreaId, AreaSlug};
use crate::geometry::LatLon;
use crate::idea::{Category, IdeaDescription, IdeaId, IdeaKind, IdeaTitle, PublicStatus};
use crate::listing::{Bilingual, IdeaDetail, IdeaSummary, StatusEntry};
use crate::moderation::ModerationState;
use crate::resident::ResidentId;
use crate::time::Timestamp;

/// A checked idea ready to store.
pub struct NewIdea {
    pub title: IdeaTitle,
    pub description: IdeaDescription,
    pub category: Category,
    pub area: AreaId,
    pub point: Option<LatLon>,
    /// The author said the exact spot matters: the public sees it unrounded.
    pub exact_point: bool,
    /// The re-encoded photo's file name, if the idea has one.
    pub photo: Option<String>,
    pub author: Option<i64>,
    pub moderation: ModerationState,
    pub created_at: i64,
}

/// Where an idea stands with the moderators, and why, as its author is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moderation {
    pub state: ModerationState,
    pub reason: Option<String>,
}

/// A change of public status with its official answer.
pub struct StatusUpdate<'a> {
    pub status: PublicStatus,
    pub answer_da: Option<&'a str>,
    pub answer_en: Option<&'a str>,
    pub staff: Option<i64>,
    pub at: i64,
}

/// The columns of a card, as SQL returns them.
#[derive(FromRow)]
pub(super) struct SummaryRow {
    id: i64,
    title: String,
    kind: String,
    category_key: String,
    category_da: String,
    category_en: String,
    area_slug: String,
    area_name: String,
    support_count: i64,
    status: String,
    created_at: i64,
    language: String,
    arguments_for: i64,
    arguments_against: i64,
    arguments_questions: i64,
}

impl SummaryRow {
    pub(super) fn into_summary(self) -> Result<IdeaSummary> {
        let bad = |what: &str| StorageError::InvalidRow(format!("idea {}: {what}", self.id));
        Ok(IdeaSummary {
            id: IdeaId(self.id),
            kind: IdeaKind::parse(&self.kind).ok_or_else(|| bad("kind"))?,
            status: PublicStatus::parse(&self.status).ok_or_else(|| bad("status"))?,
            area_slug: AreaSlug::parse(&self.area_slug).ok_or_else(|| bad("area slug"))?,
            title: self.title,
            category_key: self.category_key,
            category_name: Bilingual {
                da: self.category_da,
                en: Some(self.category_en),
            },
            area_name: self.area_name,
            supports: self.support_count,
            created_at: Timestamp(self.created_at),
            language: crate::Locale::from_tag(&self.language).unwrap_or_default(),
            arguments: crate::argument::ArgumentCounts {
                for_it: self.arguments_for,
                against: self.arguments_against,
                questions: self.arguments_questions,
            },
        })
    }
}

pub(super) const SUMMARY_COLUMNS: &str = concat!(
    "i.id, i.title, i.kind,
    coalesce(i.sector_key, i.theme_key) AS category_key,
    coalesce(s.name_da, t.name_da) AS category_da,
    coalesce(s.name_en, t.name_en) AS category_en,
    a.slug AS area_slug, a.name AS area_name, i.support_count, i.status, i.created_at,
    i.language, ",
    counted_arguments!("for"),
    " AS arguments_for, ",
    counted_arguments!("against"),
    " AS arguments_against, ",
    counted_arguments!("question"),
    " AS arguments_questions"
);

pub(super) const SUMMARY_FROM: &str = "FROM ideas i
    JOIN areas a ON a.id = i.area_id
    LEFT JOIN sectors s ON s.key = i.sector_key
    LEFT JOIN adaptation_themes t ON t.key = i.theme_key";

/// The columns every outside view of one idea shares: a staff export, open data, a resident's
/// own data. One type, so the three cannot drift apart; the kind and status are typed, and
/// published by their stable names (`"mitigation"`, `"in_plan"`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, sqlx::FromRow)]
pub struct IdeaColumns {
    pub id: i64,
    pub title: String,
    pub description: String,
    #[serde(with = "crate::idea::by_name")]
    #[sqlx(try_from = "String")]
    pub kind: crate::IdeaKind,
    /// The sector's key, for a mitigation idea.
    pub sector: Option<String>,
    /// The adaptation theme's key, for an adaptation idea.
    pub theme: Option<String>,
    #[serde(with = "crate::idea::by_name")]
    #[sqlx(try_from = "String")]
    pub status: crate::PublicStatus,
}

impl Db {
    /// Stores a new idea and its search terms in one transaction.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn insert_idea(&self, idea: &NewIdea) -> Result<IdeaId> {
        let mut tx = self.begin_write().await?;
        let id = insert_idea_on(&mut tx, idea).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Sets an idea's public status and records it, with its answer, in the history.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn set_status(&self, idea: IdeaId, update: &StatusUpdate<'_>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE ideas SET status = ?, updated_at = ? WHERE id = ?")
            .bind(update.status.as_str())
            .bind(update.at)
            .bind(idea.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO status_changes (idea_id, status, answer_da, answer_en, staff_id, created_at)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(idea.0)
        .bind(update.status.as_str())
        .bind(update.answer_da)
        .bind(update.answer_en)
        .bind(update.staff)
        .bind(update.at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A published idea with what its page shows; `None` if there is no such idea or the
    /// public may not see it.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn published_idea(&self, id: IdeaId) -> Result<Option<IdeaDetail>> {
        let found = self
            .idea_detail(id, "i.moderation_state = 'published'", None)
            .await?;
        Ok(found.map(|(detail, _)| detail))
    }

    /// An idea as its author may see it, in any moderation state, with the state and the
    /// moderators' reason; `None` unless `author` wrote it.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn authored_idea(
        &self,
        id: IdeaId,
        author: ResidentId,
    ) -> Result<Option<(IdeaDetail, Moderation)>> {
        self.idea_detail(id, "i.author_id = ?", Some(author)).await
    }

    /// One idea's page data where `condition` holds (it may bind the author).
    async fn idea_detail(
        &self,
        id: IdeaId,
        condition: &str,
        author: Option<ResidentId>,
    ) -> Result<Option<(IdeaDetail, Moderation)>> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, i.description, r.display_name, i.moderation_state, i.moderation_reason,
                    i.photo, i.lat, i.lon, i.point_exact
             {SUMMARY_FROM}
             LEFT JOIN residents r ON r.id = i.author_id
             WHERE i.id = ? AND {condition}"
        );
        let mut query = sqlx::query(&sql).bind(id.0);
        if let Some(author) = author {
            query = query.bind(author.0);
        }
        let Some(row) = query.fetch_optional(self.pool()).await? else {
            return Ok(None);
        };
        use sqlx::Row;
        let summary = SummaryRow::from_row(&row)?.into_summary()?;
        let state: String = row.try_get("moderation_state")?;
        let moderation = Moderation {
            state: ModerationState::parse(&state).ok_or_else(|| {
                StorageError::InvalidRow(format!("idea {}: moderation state", id.0))
            })?,
            reason: row.try_get("moderation_reason")?,
        };
        let detail = IdeaDetail {
            summary,
            description: row.try_get("description")?,
            author_name: row.try_get("display_name")?,
            photo: row.try_get("photo")?,
            point: match (
                row.try_get::<Option<f64>, _>("lat")?,
                row.try_get::<Option<f64>, _>("lon")?,
            ) {
                (Some(lat), Some(lon)) => {
                    let exact: bool = row.try_get("point_exact")?;
                    let (lat, lon) = crate::map::published_point(lat, lon, exact);
                    Some((crate::map::micro(lat), crate::map::micro(lon)))
                }
                _ => None,
            },
            history: self.status_history(id).await?,
            approved_at: self.approved_at(id).await?,
            plan_events: self.plan_events_of_idea(id).await?,
        };
        Ok(Some((detail, moderation)))
    }

    /// The ideas a resident wrote, newest first, in any moderation state.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn ideas_by_author(
        &self,
        author: ResidentId,
    ) -> Result<Vec<(IdeaSummary, ModerationState)>> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, i.moderation_state {SUMMARY_FROM}
             WHERE i.author_id = ? ORDER BY i.created_at DESC, i.id DESC LIMIT 500"
        );
        let rows = sqlx::query(&sql)
            .bind(author.0)
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|row| {
                use sqlx::Row;
                let state: String = row.try_get("moderation_state")?;
                let state = ModerationState::parse(&state).ok_or_else(|| {
                    StorageError::InvalidRow(format!("moderation state {state:?}"))
                })?;
                Ok((SummaryRow::from_row(row)?.into_summary()?, state))
            })
            .collect()
    }

    /// The public ideas a resident supports, most recently supported first.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn ideas_supported_by(&self, resident: ResidentId) -> Result<Vec<IdeaSummary>> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} {SUMMARY_FROM}
             JOIN supports sp ON sp.idea_id = i.id AND sp.resident_id = ?
             WHERE i.moderation_state = 'published'
             ORDER BY sp.created_at DESC, i.id DESC LIMIT 1000"
        );
        let rows: Vec<SummaryRow> = sqlx::query_as(&sql)
            .bind(resident.0)
            .fetch_all(self.pool())
            .await?;
        rows.into_iter().map(SummaryRow::into_summary).collect()
    }

    /// When a moderator last approved the idea for the public, from the audit log.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn approved_at(&self, id: IdeaId) -> Result<Option<crate::time::Timestamp>> {
        let at: Option<i64> = sqlx::query_scalar(
            "SELECT max(created_at) FROM audit_events
             WHERE object_type = 'idea' AND object_id = ? AND action = 'moderation.approve'",
        )
        .bind(id.0)
        .fetch_one(self.pool())
        .await?;
        Ok(at.map(crate::time::Timestamp))
    }

    /// The status changes of an idea, oldest first.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn status_history(&self, id: IdeaId) -> Result<Vec<StatusEntry>> {
        let rows: Vec<(String, Option<String>, Option<String>, i64)> = sqlx::query_as(
            "SELECT status, answer_da, answer_en, created_at FROM status_changes
             WHERE idea_id = ? ORDER BY created_at, id",
        )
        .bind(id.0)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter()
            .map(|(status, da, en, at)| {
                let status = PublicStatus::parse(&status)
                    .ok_or_else(|| StorageError::InvalidRow(format!("status {status:?}")))?;
                Ok(StatusEntry {
                    status,
                    answer: da.map(|da| Bilingual { da, en }),
                    at: Timestamp(at),
                })
            })
            .collect()
    }

    /// The stored count of an idea's supports.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn support_count(&self, id: IdeaId) -> Result<Option<i64>> {
        Ok(
            sqlx::query_scalar("SELECT support_count FROM ideas WHERE id = ?")
                .bind(id.0)
                .fetch_optional(self.pool())
                .await?,
        )
    }
}

impl Db {
    /// Ideas with exactly this title: id, moderation state and author. For checks and tests.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn ideas_with_title(&self, title: &str) -> Result<Vec<(i64, String, Option<i64>)>> {
        Ok(sqlx::query_as(
            "SELECT id, moderation_state, author_id FROM ideas WHERE title = ? ORDER BY id",
        )
        .bind(title)
        .fetch_all(self.pool())
        .await?)
    }

    /// The photo file names ideas use.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn photos_of_ideas(&self) -> Result<Vec<String>> {
        Ok(
            sqlx::query_scalar("SELECT photo FROM ideas WHERE photo IS NOT NULL ORDER BY id")
                .fetch_all(self.pool())
                .await?,
        )
    }
}

/// Inserts an idea and its search terms on a connection that is in a transaction.
pub(super) async fn insert_idea_on(
    conn: &mut sqlx::SqliteConnection,
    idea: &NewIdea,
) -> Result<IdeaId> {
    let (sector, theme) = match &idea.category {
        Category::Sector(key) => (Some(key.as_str()), None),
        Category::Theme(key) => (None, Some(key.as_str())),
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO ideas (title, description, kind, sector_key, theme_key, area_id, lat, lon,
                                point_exact, photo, author_id, moderation_state, created_at,
                                updated_at, language)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(idea.title.as_str())
    .bind(idea.description.as_str())
    .bind(idea.category.kind().as_str())
    .bind(sector)
    .bind(theme)
    .bind(idea.area.0)
    .bind(idea.point.map(|p| p.lat))
    .bind(idea.point.map(|p| p.lon))
    .bind(idea.exact_point)
    .bind(idea.photo.as_deref())
    .bind(idea.author)
    .bind(idea.moderation.as_str())
    .bind(idea.created_at)
    .bind(idea.created_at)
    .bind(
        crate::locale::written_in(&format!(
            "{} {}",
            idea.title.as_str(),
            idea.description.as_str()
        ))
        .tag(),
    )
    .fetch_one(&mut *conn)
    .await?;
    let id = IdeaId(id);
    super::search::index_idea(conn, id, idea.title.as_str(), idea.description.as_str()).await?;
    Ok(id)
}
