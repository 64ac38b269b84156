//! Staff accounts and their sessions.

use super::{Db, Result, StorageError, audit};
use crate::audit::{AuditAction, AuditObject};
use crate::staff::{StaffMember, StaffRole};

/// A staff account as login needs it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffAccount {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub role: String,
    pub failed_logins: i64,
    pub locked_until: Option<i64>,
    pub disabled_at: Option<i64>,
    pub last_failure_at: Option<i64>,
}

impl Db {
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn insert_staff(
        &self,
        username: &str,
        password_hash: &str,
        role: StaffRole,
        now: i64,
    ) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO staff_users (username, password_hash, role, created_at)
             VALUES (?, ?, ?, ?) RETURNING id",
        )
        .bind(username)
        .bind(password_hash)
        .bind(role.as_str())
        .bind(now)
        .fetch_one(self.pool())
        .await?)
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn staff_account(&self, username: &str) -> Result<Option<StaffAccount>> {
        Ok(sqlx::query_as(
            "SELECT id, username, password_hash, role, failed_logins, locked_until, disabled_at,
                    last_failure_at
             FROM staff_users WHERE username = ?",
        )
        .bind(username)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Counts a failed login: the failures in a row, when, and the lock that goes with them.
    /// A lock that starts here goes into the audit log (by the system), with the failures.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn record_staff_failure(
        &self,
        staff: i64,
        failures: i64,
        locked_until: Option<i64>,
        now: i64,
    ) -> Result<()> {
        let mut transaction = self.begin_write().await?;
        sqlx::query(
            "UPDATE staff_users SET failed_logins = ?, locked_until = ?, last_failure_at = ?
             WHERE id = ?",
        )
        .bind(failures)
        .bind(locked_until)
        .bind(now)
        .bind(staff)
        .execute(&mut *transaction)
        .await?;
        if let Some(until) = locked_until {
            audit::record(
                &mut transaction,
                audit::Record {
                    staff: None,
                    action: AuditAction::StaffLocked,
                    object_type: AuditObject::StaffUser,
                    object_id: Some(staff),
                    before: None,
                    after: Some(
                        serde_json::json!({ "failed_logins": failures, "locked_until": until }),
                    ),
                    at: now,
                },
            )
            .await?;
        }
        transaction.commit().await?;
        Ok(())
    }

    /// A right password: the failures are forgotten.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn record_staff_success(&self, staff: i64) -> Result<()> {
        sqlx::query(
            "UPDATE staff_users SET failed_logins = 0, locked_until = NULL, last_failure_at = NULL
             WHERE id = ? AND (failed_logins <> 0 OR locked_until IS NOT NULL)",
        )
        .bind(staff)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn insert_staff_session(
        &self,
        token_hash: &str,
        staff: i64,
        now: i64,
        expires_at: i64,
    ) -> Result<()> {
        // A sign-in is in the audit log too: who could act, and since when.
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at)
             VALUES (?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(staff)
        .bind(now)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        audit::record(&mut tx, session_event(staff, AuditAction::StaffLogin, now)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The member of a live session on an enabled account.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn staff_session(&self, token_hash: &str, now: i64) -> Result<Option<StaffMember>> {
        let row: Option<(i64, String, String)> = sqlx::query_as(
            "SELECT u.id, u.username, u.role FROM staff_sessions s
             JOIN staff_users u ON u.id = s.staff_id
             WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled_at IS NULL",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(self.pool())
        .await?;
        row.map(|(id, username, role)| {
            let role = StaffRole::parse(&role)
                .ok_or_else(|| StorageError::InvalidRow(format!("staff {id}: role")))?;
            Ok(StaffMember { id, username, role })
        })
        .transpose()
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn delete_staff_session(&self, token_hash: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let staff: Option<i64> = sqlx::query_scalar(
            "DELETE FROM staff_sessions WHERE token_hash = ? RETURNING staff_id",
        )
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(staff) = staff {
            audit::record(
                &mut tx,
                session_event(staff, AuditAction::StaffLogout, super::now()),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn count_staff(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM staff_users")
            .fetch_one(self.pool())
            .await?)
    }
}

impl Db {
    /// Ideas with open reports by residents.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn reported_idea_count(&self) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT count(DISTINCT idea_id) FROM reports WHERE resolved_at IS NULL",
        )
        .fetch_one(self.pool())
        .await?)
    }

    /// Ideas waiting for a moderator, and hidden ideas.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn moderation_counts(&self) -> Result<(i64, i64)> {
        Ok(sqlx::query_as(
            "SELECT count(*) FILTER (WHERE moderation_state = 'pending'),
                    count(*) FILTER (WHERE moderation_state = 'hidden')
             FROM ideas",
        )
        .fetch_one(self.pool())
        .await?)
    }
}

fn session_event(staff: i64, action: AuditAction, at: i64) -> audit::Record {
    audit::Record {
        staff: Some(staff),
        action,
        object_type: AuditObject::StaffUser,
        object_id: Some(staff),
        before: None,
        after: None,
        at,
    }
}
