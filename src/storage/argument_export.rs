//! Arguments as they leave the site: for staff, every argument and reply of the ideas an
//! export holds, in every moderation state, with counts and reports; as open data, published
//! ones only, without personal data (a display name only where its author chose one). Read a
//! chunk at a time, so an export of any size holds one chunk in memory.

use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Sqlite};

use super::staff_ideas::push_staff_filter;
use super::{Db, Result, StorageError};
use crate::staff_ideas::StaffFilter;

/// One argument or reply in a staff export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportArgument {
    pub id: i64,
    pub idea_id: i64,
    /// The argument this replies to, for a reply.
    pub reply_to: Option<i64>,
    /// `for`, `against` or `question`; none for a reply.
    pub stance: Option<String>,
    /// Empty once its author deleted it.
    pub text: String,
    /// `resident`, `former_resident` (the account is deleted) or `municipality`.
    pub author: String,
    /// The display name its author chose, if any.
    pub author_name: Option<String>,
    /// For the municipality's replies: the department named, if any.
    pub department: Option<String>,
    pub language: String,
    pub moderation_state: String,
    /// The debate rule it was hidden under, or `auto:reports`.
    pub moderation_rule: Option<String>,
    pub helpful: i64,
    pub replies: i64,
    pub open_reports: i64,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub deleted_at: Option<i64>,
}

/// One published argument or reply as open data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenArgument {
    pub id: i64,
    pub idea_id: i64,
    pub reply_to: Option<i64>,
    pub stance: Option<String>,
    pub text: String,
    /// `resident`, `former_resident` or `municipality`.
    pub author: String,
    /// Only where the author chose a public display name.
    pub display_name: Option<String>,
    pub department: Option<String>,
    pub language: String,
    pub helpful: i64,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub edited: bool,
}

/// Who wrote an argument (`a`), joined to its author (`r`), as exports name it.
const AUTHOR: &str = "CASE WHEN a.staff_id IS NOT NULL THEN 'municipality'
    WHEN a.author_id IS NULL THEN 'former_resident' ELSE 'resident' END";

impl Db {
    /// The ids of the next `limit` ideas matching the staff table's filter above `after`.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn export_idea_ids(
        &self,
        filter: &StaffFilter,
        after: i64,
        limit: i64,
    ) -> Result<Vec<i64>> {
        let mut q = QueryBuilder::<Sqlite>::new(
            "SELECT i.id FROM ideas i JOIN areas a ON a.id = i.area_id WHERE i.id > ",
        );
        q.push_bind(after);
        push_staff_filter(&mut q, filter, None);
        q.push(" ORDER BY i.id LIMIT ").push_bind(limit);
        Ok(q.build_query_scalar().fetch_all(self.pool()).await?)
    }

    /// Every argument and reply of these ideas, in any moderation state, by idea, each reply
    /// after its argument.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn export_arguments(&self, ideas: &[i64]) -> Result<Vec<ExportArgument>> {
        if ideas.is_empty() {
            return Ok(Vec::new());
        }
        // One JSON text for the chunk, as the idea export does, rather than a row at a time.
        let json: String = sqlx::query_scalar(&format!(
            "SELECT coalesce(json_group_array(json_object(
                'id', a.id, 'idea_id', a.idea_id, 'reply_to', a.parent_id, 'stance', a.stance,
                'text', a.body, 'author', {AUTHOR}, 'author_name', r.display_name,
                'department', a.department, 'language', a.language,
                'moderation_state', a.moderation_state, 'moderation_rule', a.moderation_rule,
                'helpful', a.helpful_count,
                'replies', (SELECT count(*) FROM arguments c WHERE c.parent_id = a.id),
                'open_reports', (SELECT count(*) FROM argument_reports p
                                 WHERE p.argument_id = a.id AND p.resolved_at IS NULL),
                'created_at', a.created_at, 'edited_at', a.edited_at,
                'deleted_at', a.deleted_at)), '[]')
             FROM arguments a
             LEFT JOIN residents r ON r.id = a.author_id
             WHERE a.idea_id IN (SELECT value FROM json_each(?))"
        ))
        .bind(serde_json::to_string(ideas).unwrap_or_else(|_| "[]".into()))
        .fetch_one(self.pool())
        .await?;
        let mut arguments: Vec<ExportArgument> = serde_json::from_str(&json)
            .map_err(|error| StorageError::InvalidRow(error.to_string()))?;
        // An aggregate's order is SQLite's to choose: sorted here.
        arguments.sort_unstable_by_key(|a| {
            (
                a.idea_id,
                a.reply_to.unwrap_or(a.id),
                a.reply_to.is_some(),
                a.id,
            )
        });
        Ok(arguments)
    }

    /// Published arguments and replies under published ideas (of one idea, if asked), by id,
    /// `limit` from `offset`.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn open_arguments(
        &self,
        idea: Option<i64>,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<OpenArgument>> {
        let rows: Vec<OpenRow> = sqlx::query_as(&format!(
            "SELECT a.id, a.idea_id, a.parent_id, a.stance, a.body, {AUTHOR} AS author,
                    r.display_name, a.department, a.language, a.helpful_count, a.created_at,
                    a.edited_at IS NOT NULL AS edited
             FROM arguments a JOIN ideas i ON i.id = a.idea_id
             LEFT JOIN residents r ON r.id = a.author_id
             WHERE a.moderation_state = 'published' AND a.deleted_at IS NULL
               AND i.moderation_state = 'published' AND (?1 IS NULL OR a.idea_id = ?1)
             ORDER BY a.id LIMIT ?2 OFFSET ?3"
        ))
        .bind(idea)
        .bind(limit)
        .bind(offset)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| OpenArgument {
                id: row.id,
                idea_id: row.idea_id,
                reply_to: row.parent_id,
                stance: row.stance,
                text: row.body,
                author: row.author,
                display_name: row.display_name,
                department: row.department,
                language: row.language,
                helpful: row.helpful_count,
                created_at: crate::time::Timestamp(row.created_at).rfc3339_utc(),
                edited: row.edited,
            })
            .collect())
    }
}

#[derive(sqlx::FromRow)]
struct OpenRow {
    id: i64,
    idea_id: i64,
    parent_id: Option<i64>,
    stance: Option<String>,
    body: String,
    author: String,
    display_name: Option<String>,
    department: Option<String>,
    language: String,
    helpful_count: i64,
    created_at: i64,
    edited: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ModerationState;
    use crate::argument::{ArgumentText, DebateRule, Stance};
    use crate::argument_moderation::Decision;
    use crate::locale::Locale;
    use crate::resident::ResidentId;
    use crate::storage::argument::tests::{AT_ONCE, argument, reply};
    use crate::storage::now;
    use crate::storage::tests::{db_with_reference, insert, resident};

    #[tokio::test]
    async fn staff_get_every_argument_of_the_ideas_and_the_public_only_published_ones() {
        let (db, _dir) = db_with_reference().await;
        let idea = insert(&db, "Flere cykelstier i byen", ModerationState::Published).await;
        let pending = insert(&db, "Solceller på skolerne", ModerationState::Pending).await;
        let lone = ResidentId(resident(&db, 1).await);
        let staff = crate::storage::tests::staff(&db, crate::staff::StaffRole::Moderator).await;
        let t = now();
        let post = |new| {
            let db = db.clone();
            async move {
                db.insert_argument(lone, &new, Locale::Da, AT_ONCE, t)
                    .await
                    .unwrap()
                    .unwrap()
            }
        };
        let first = post(argument(idea, Stance::For, "Godt for luften")).await;
        let hidden = post(argument(idea, Stance::Against, "Ring til Jens på 12345678")).await;
        db.decide_argument(hidden, Decision::Hide(DebateRule::Privacy), staff, t)
            .await
            .unwrap();
        let text = ArgumentText::parse("Tak, vi ser på det.").unwrap();
        let answer = db
            .reply_as_municipality(idea, first, &text, None, staff, t)
            .await
            .unwrap()
            .unwrap();
        let later = post(reply(idea, first, "Enig")).await;

        let ids = db
            .export_idea_ids(&StaffFilter::default(), 0, 100)
            .await
            .unwrap();
        assert!(ids.contains(&idea.0) && ids.contains(&pending.0));
        let staff_rows = db.export_arguments(&[idea.0]).await.unwrap();
        let order: Vec<i64> = staff_rows.iter().map(|a| a.id).collect();
        assert_eq!(
            order,
            [first.0, answer.0, later.0, hidden.0],
            "each reply after its argument"
        );
        let first_row = &staff_rows[0];
        assert_eq!((first_row.replies, first_row.helpful), (2, 0));
        assert_eq!(staff_rows[1].author, "municipality");
        assert_eq!(staff_rows[3].moderation_rule.as_deref(), Some("privacy"));
        assert_eq!(staff_rows[3].text, "Ring til Jens på 12345678");

        let open = db.open_arguments(None, 100, 0).await.unwrap();
        assert_eq!(
            open.iter().map(|a| a.id).collect::<Vec<_>>(),
            [first.0, answer.0, later.0],
            "hidden words are not open data"
        );
        assert!(open.iter().all(|a| a.display_name.is_none()));
        assert_eq!(
            db.open_arguments(Some(pending.0), 100, 0).await.unwrap(),
            []
        );
        assert_eq!(db.open_arguments(None, 1, 1).await.unwrap()[0].id, answer.0);
    }
}
