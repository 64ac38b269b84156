//! Admins managing staff accounts: add, change role, disable and enable, set a new password.
//! Each change and its audit entry in one transaction; the last admin cannot be removed.

use crate::audit::{AuditAction, AuditObject};
use serde::{Deserialize, Serialize};

use super::{Db, Result, audit};
use crate::staff::StaffRole;

/// A staff account as the team page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct TeamMember {
    pub id: i64,
    pub username: String,
    pub role: String,
    pub created_at: i64,
    pub disabled_at: Option<i64>,
    pub locked_until: Option<i64>,
}

/// What an admin changes about an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamChange {
    Role(StaffRole),
    Disable,
    Enable,
    /// A new argon2id hash; the audit entry says a password was set, never what.
    Password(String),
}

/// Why a change was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TeamRefusal {
    NoSuchMember,
    UsernameTaken,
    /// Admins do not demote or disable themselves, so nobody locks the team out by a slip.
    Yourself,
    /// The change would leave no enabled admin.
    LastAdmin,
}

impl Db {
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn team(&self) -> Result<Vec<TeamMember>> {
        Ok(sqlx::query_as(
            "SELECT id, username, role, created_at, disabled_at, locked_until
             FROM staff_users ORDER BY disabled_at IS NOT NULL, username",
        )
        .fetch_all(self.pool())
        .await?)
    }

    /// Adds an account on an admin's behalf.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn add_team_member(
        &self,
        username: &str,
        password_hash: &str,
        role: StaffRole,
        by: i64,
        now: i64,
    ) -> Result<std::result::Result<i64, TeamRefusal>> {
        let mut tx = self.begin_write().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO staff_users (username, password_hash, role, created_at)
             VALUES (?, ?, ?, ?) ON CONFLICT (username) DO NOTHING RETURNING id",
        )
        .bind(username)
        .bind(password_hash)
        .bind(role.as_str())
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(id) = id else {
            return Ok(Err(TeamRefusal::UsernameTaken));
        };
        audit::record(
            &mut tx,
            audit::Record {
                staff: Some(by),
                action: AuditAction::StaffAdd,
                object_type: AuditObject::StaffUser,
                object_id: Some(id),
                before: None,
                after: Some(serde_json::json!({ "username": username, "role": role.as_str() })),
                at: now,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(id))
    }

    /// Changes an account on an admin's (`by`) behalf. Disabling ends the account's sessions.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn change_team_member(
        &self,
        member: i64,
        change: &TeamChange,
        by: i64,
        now: i64,
    ) -> Result<std::result::Result<(), TeamRefusal>> {
        let mut tx = self.begin_write().await?;
        let row: Option<(String, String, Option<i64>)> =
            sqlx::query_as("SELECT username, role, disabled_at FROM staff_users WHERE id = ?")
                .bind(member)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((username, role, disabled_at)) = row else {
            return Ok(Err(TeamRefusal::NoSuchMember));
        };
        let removes_admin = role == "admin"
            && disabled_at.is_none()
            && matches!(
                change,
                TeamChange::Disable | TeamChange::Role(StaffRole::Moderator)
            );
        if removes_admin && member == by {
            return Ok(Err(TeamRefusal::Yourself));
        }
        if removes_admin {
            let admins: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM staff_users WHERE role = 'admin' AND disabled_at IS NULL",
            )
            .fetch_one(&mut *tx)
            .await?;
            if admins <= 1 {
                return Ok(Err(TeamRefusal::LastAdmin));
            }
        }
        if matches!(change, TeamChange::Disable) && member == by {
            return Ok(Err(TeamRefusal::Yourself));
        }
        let before = serde_json::json!({
            "username": username, "role": role, "disabled": disabled_at.is_some(),
        });
        let (action, after) = match change {
            TeamChange::Role(new) => {
                sqlx::query("UPDATE staff_users SET role = ? WHERE id = ?")
                    .bind(new.as_str())
                    .bind(member)
                    .execute(&mut *tx)
                    .await?;
                (
                    AuditAction::StaffRole,
                    serde_json::json!({ "role": new.as_str() }),
                )
            }
            TeamChange::Disable => {
                sqlx::query(
                    "UPDATE staff_users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL",
                )
                .bind(now)
                .bind(member)
                .execute(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM staff_sessions WHERE staff_id = ?")
                    .bind(member)
                    .execute(&mut *tx)
                    .await?;
                (
                    AuditAction::StaffDisable,
                    serde_json::json!({ "disabled": true }),
                )
            }
            TeamChange::Enable => {
                sqlx::query(
                    "UPDATE staff_users SET disabled_at = NULL, failed_logins = 0, locked_until = NULL
                     WHERE id = ?",
                )
                .bind(member)
                .execute(&mut *tx)
                .await?;
                (
                    AuditAction::StaffEnable,
                    serde_json::json!({ "disabled": false }),
                )
            }
            TeamChange::Password(hash) => {
                // A new password also lifts a lockout and ends the old sessions.
                sqlx::query(
                    "UPDATE staff_users SET password_hash = ?, failed_logins = 0, locked_until = NULL
                     WHERE id = ?",
                )
                .bind(hash)
                .bind(member)
                .execute(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM staff_sessions WHERE staff_id = ?")
                    .bind(member)
                    .execute(&mut *tx)
                    .await?;
                (
                    AuditAction::StaffPassword,
                    serde_json::json!({ "password": "set" }),
                )
            }
        };
        audit::record(
            &mut tx,
            audit::Record {
                staff: Some(by),
                action,
                object_type: AuditObject::StaffUser,
                object_id: Some(member),
                before: Some(before),
                after: Some(after),
                at: now,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::test_support::file_db;

    const HASH: &str = "$argon2id$test";

    #[tokio::test]
    async fn the_last_admin_stays_and_admins_do_not_remove_themselves() {
        let (db, _dir) = file_db().await;
        let anna = db
            .insert_staff("anna", HASH, StaffRole::Admin, 1)
            .await
            .unwrap();
        let mo = db
            .add_team_member("mo", HASH, StaffRole::Moderator, anna, 2)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            db.add_team_member("mo", HASH, StaffRole::Admin, anna, 2)
                .await
                .unwrap(),
            Err(TeamRefusal::UsernameTaken)
        );
        let demote = TeamChange::Role(StaffRole::Moderator);
        assert_eq!(
            db.change_team_member(anna, &demote, anna, 3).await.unwrap(),
            Err(TeamRefusal::Yourself)
        );
        assert_eq!(
            db.change_team_member(anna, &TeamChange::Disable, anna, 3)
                .await
                .unwrap(),
            Err(TeamRefusal::Yourself)
        );
        // Promote mo; then mo may demote anna, but not the last admin after that.
        let promote = TeamChange::Role(StaffRole::Admin);
        db.change_team_member(mo, &promote, anna, 4)
            .await
            .unwrap()
            .unwrap();
        db.change_team_member(anna, &demote, mo, 5)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            db.change_team_member(mo, &TeamChange::Disable, anna, 6)
                .await
                .unwrap(),
            Err(TeamRefusal::LastAdmin),
            "anna is a moderator now, but the refusal is about mo being the last admin"
        );
        assert_eq!(
            db.change_team_member(99, &TeamChange::Enable, mo, 6)
                .await
                .unwrap(),
            Err(TeamRefusal::NoSuchMember)
        );
        let log = db
            .audit_log(&crate::storage::AuditFilter::default(), None, 10)
            .await
            .unwrap();
        let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["staff.role", "staff.role", "staff.add"]);
    }

    #[tokio::test]
    async fn disabling_ends_sessions_and_a_new_password_is_audited_without_it() {
        let (db, _dir) = file_db().await;
        let anna = db
            .insert_staff("anna", HASH, StaffRole::Admin, 1)
            .await
            .unwrap();
        let mo = db
            .insert_staff("mo", HASH, StaffRole::Moderator, 1)
            .await
            .unwrap();
        db.insert_staff_session(&"a".repeat(64), mo, 1, 1000)
            .await
            .unwrap();
        db.change_team_member(mo, &TeamChange::Disable, anna, 2)
            .await
            .unwrap()
            .unwrap();
        assert!(
            db.staff_session(&"a".repeat(64), 3)
                .await
                .unwrap()
                .is_none()
        );
        let secret = "$argon2id$v=19$secret-hash";
        db.change_team_member(mo, &TeamChange::Password(secret.into()), anna, 4)
            .await
            .unwrap()
            .unwrap();
        let log = db
            .audit_log(&crate::storage::AuditFilter::default(), None, 10)
            .await
            .unwrap();
        assert!(log.iter().all(|e| !format!("{e:?}").contains("secret")));
        assert_eq!(log[0].action, "staff.password");
        assert_eq!(log[0].staff.as_deref(), Some("anna"));
    }
}
