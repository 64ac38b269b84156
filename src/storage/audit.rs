//! The audit log: every staff action (and every automatic one, with no staff member), who,
//! when, what, before and after. Append-only: the schema's triggers refuse changes.

use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use super::{Db, Result};
use crate::audit::{AuditAction, AuditObject};

/// One action to record, written in the transaction of the change it describes.
pub(crate) struct Record {
    /// `None` for what the system did by itself (reports hiding an idea).
    pub staff: Option<i64>,
    pub action: AuditAction,
    pub object_type: AuditObject,
    pub object_id: Option<i64>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub at: i64,
}

impl Record {
    /// A change to one idea by `staff` (`None`: the system), with what it was and became.
    pub fn idea(
        staff: Option<i64>,
        action: AuditAction,
        idea: i64,
        before: serde_json::Value,
        after: serde_json::Value,
        at: i64,
    ) -> Record {
        Record {
            staff,
            action,
            object_type: AuditObject::Idea,
            object_id: Some(idea),
            before: Some(before),
            after: Some(after),
            at,
        }
    }
}

impl Record {
    /// A change to one of the plan's actions.
    pub fn action(
        staff: Option<i64>,
        action: AuditAction,
        id: i64,
        before: serde_json::Value,
        after: serde_json::Value,
        at: i64,
    ) -> Record {
        Record {
            object_type: AuditObject::Action,
            ..Record::idea(staff, action, id, before, after, at)
        }
    }

    /// A change to the site's settings (one of a kind, so no object id).
    pub fn settings(
        staff: Option<i64>,
        action: AuditAction,
        before: serde_json::Value,
        after: serde_json::Value,
        at: i64,
    ) -> Record {
        Record {
            object_type: AuditObject::Settings,
            object_id: None,
            ..Record::idea(staff, action, 0, before, after, at)
        }
    }
}

pub(crate) async fn record(conn: &mut SqliteConnection, entry: Record) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_events (staff_id, action, object_type, object_id, before_json, after_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(entry.staff)
    .bind(entry.action.as_str())
    .bind(entry.object_type.as_str())
    .bind(entry.object_id)
    .bind(entry.before.map(|v| v.to_string()))
    .bind(entry.after.map(|v| v.to_string()))
    .bind(entry.at)
    .execute(conn)
    .await?;
    Ok(())
}

/// An entry as the audit page and its CSV export show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: i64,
    pub created_at: i64,
    /// `None` for automatic actions; a deleted account's entries keep its id only.
    pub staff: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<i64>,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
}

/// Which entries to list; every part optional, all parts combined.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    /// A staff member's username.
    pub staff: Option<String>,
    /// An action, or the start of one followed by a dot (`moderation.` for all of them).
    pub action: Option<String>,
    pub object_type: Option<String>,
    pub object_id: Option<i64>,
    /// Unix seconds, inclusive.
    pub from: Option<i64>,
    /// Unix seconds, exclusive.
    pub until: Option<i64>,
}

/// An audit entry about one object: (staff id, action, before, after).
pub type AuditOfRow = (Option<i64>, String, Option<String>, Option<String>);

impl Db {
    /// Entries matching `filter`, newest first, older than entry `before` when given: pages
    /// keyed by id stay stable while new entries arrive.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn audit_log(
        &self,
        filter: &AuditFilter,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<AuditEntry>> {
        Ok(sqlx::query_as(
            "SELECT e.id, e.created_at, s.username AS staff, e.action, e.object_type, e.object_id,
                    e.before_json, e.after_json
             FROM audit_events e LEFT JOIN staff_users s ON s.id = e.staff_id
             WHERE (?1 IS NULL OR s.username = ?1)
               AND (?2 IS NULL OR e.action = ?2 OR (substr(?2, -1) = '.' AND substr(e.action, 1, length(?2)) = ?2))
               AND (?3 IS NULL OR e.object_type = ?3)
               AND (?4 IS NULL OR e.object_id = ?4)
               AND (?5 IS NULL OR e.created_at >= ?5)
               AND (?6 IS NULL OR e.created_at < ?6)
               AND (?7 IS NULL OR e.id < ?7)
             ORDER BY e.id DESC LIMIT ?8",
        )
        .bind(filter.staff.as_deref())
        .bind(filter.action.as_deref())
        .bind(filter.object_type.as_deref())
        .bind(filter.object_id)
        .bind(filter.from)
        .bind(filter.until)
        .bind(before)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    /// Records that a staff member exported something, and with which filter.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn record_export(
        &self,
        staff: i64,
        action: AuditAction,
        filter: serde_json::Value,
        now: i64,
    ) -> Result<()> {
        let mut conn = self.pool().acquire().await?;
        record(
            &mut conn,
            Record {
                staff: Some(staff),
                action,
                object_type: AuditObject::Export,
                object_id: None,
                before: None,
                after: Some(filter),
                at: now,
            },
        )
        .await
    }

    /// The audit log's entries about one object, oldest first: (staff id, action, before, after).
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn audit_of(&self, object_type: &str, object_id: i64) -> Result<Vec<AuditOfRow>> {
        Ok(sqlx::query_as(
            "SELECT staff_id, action, before_json, after_json FROM audit_events
             WHERE object_type = ? AND object_id = ? ORDER BY id",
        )
        .bind(object_type)
        .bind(object_id)
        .fetch_all(self.pool())
        .await?)
    }
}
