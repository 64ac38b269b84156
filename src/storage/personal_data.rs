//! Everything stored about a resident, to hand it to them (GDPR art. 15 and 20), and deleting
//! it (art. 17): their ideas stay, anonymised; their supports and personal data go.

use serde::Serialize;

use super::{Db, Result};
use crate::resident::ResidentId;

/// A resident's data, as they download it.
#[derive(Debug, Serialize)]
pub struct PersonalData {
    pub resident: ResidentRecord,
    pub ideas: Vec<IdeaRecord>,
    pub supports: Vec<SupportRecord>,
    pub reports: Vec<ReportRecord>,
    /// Their arguments and replies in debates, and the ones they found helpful.
    pub arguments: Vec<ArgumentRecord>,
    pub helpful: Vec<HelpfulRecord>,
    /// When each of their signed-in devices signed in (the secrets themselves are not stored).
    pub sessions: Vec<SessionRecord>,
    /// When codes were sent to their address (the codes themselves are not stored).
    pub sign_in_codes: Vec<CodeRecord>,
    /// What they chose to follow or to stop following.
    pub follows: Vec<FollowRecord>,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct FollowRecord {
    pub kind: String,
    pub target: String,
    pub following: bool,
    pub changed_at: i64,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct ResidentRecord {
    pub email: Option<String>,
    pub display_name: Option<String>,
    pub area: Option<String>,
    /// The language of their mails, and whether they get status mails.
    pub language: Option<String>,
    pub status_mails: bool,
    /// How often they hear of what they follow.
    pub frequency: String,
    pub created_at: i64,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct IdeaRecord {
    #[serde(flatten)]
    #[sqlx(flatten)]
    pub columns: super::IdeaColumns,
    /// The area's name.
    pub area: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub photo: Option<String>,
    pub moderation_state: String,
    pub moderation_reason: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct SupportRecord {
    pub idea_id: i64,
    pub idea_title: String,
    pub created_at: i64,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct ReportRecord {
    pub idea_id: i64,
    /// The argument reported, when it was an argument under the idea.
    pub argument_id: Option<i64>,
    pub reason: String,
    pub comment: Option<String>,
    pub created_at: i64,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct ArgumentRecord {
    pub id: i64,
    pub idea_id: i64,
    /// The argument replied to, for a reply.
    pub reply_to: Option<i64>,
    pub stance: Option<String>,
    pub text: String,
    pub moderation_state: String,
    pub moderation_rule: Option<String>,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub deleted_at: Option<i64>,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct HelpfulRecord {
    pub argument_id: i64,
    pub created_at: i64,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct SessionRecord {
    pub created_at: i64,
    pub expires_at: i64,
}

#[derive(Debug, Serialize, sqlx::FromRow)]
pub struct CodeRecord {
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

impl Db {
    /// Everything stored about a resident; `None` if there is no such (undeleted) resident.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn personal_data(&self, resident: ResidentId) -> Result<Option<PersonalData>> {
        let pool = self.pool();
        let Some(record) = sqlx::query_as::<_, ResidentRecord>(
            "SELECT r.email, r.display_name, a.name AS area, r.language, r.status_mails, r.frequency,
                    r.created_at
             FROM residents r LEFT JOIN areas a ON a.id = r.area_id
             WHERE r.id = ? AND r.deleted_at IS NULL",
        )
        .bind(resident.0)
        .fetch_optional(pool)
        .await?
        else {
            return Ok(None);
        };
        let ideas = sqlx::query_as(
            "SELECT i.id, i.title, i.description, i.kind, i.sector_key AS sector, i.theme_key AS theme,
                    a.name AS area, i.lat, i.lon, i.photo, i.moderation_state, i.moderation_reason,
                    i.status, i.created_at, i.updated_at
             FROM ideas i JOIN areas a ON a.id = i.area_id WHERE i.author_id = ? ORDER BY i.id",
        )
        .bind(resident.0)
        .fetch_all(pool)
        .await?;
        let supports = sqlx::query_as(
            "SELECT s.idea_id, i.title AS idea_title, s.created_at
             FROM supports s JOIN ideas i ON i.id = s.idea_id
             WHERE s.resident_id = ? ORDER BY s.created_at, s.idea_id",
        )
        .bind(resident.0)
        .fetch_all(pool)
        .await?;
        let reports = sqlx::query_as(
            "SELECT idea_id, NULL AS argument_id, reason, comment, created_at FROM reports
             WHERE resident_id = ?1
             UNION ALL
             SELECT a.idea_id, r.argument_id, r.reason, r.comment, r.created_at
             FROM argument_reports r JOIN arguments a ON a.id = r.argument_id
             WHERE r.resident_id = ?1
             ORDER BY created_at",
        )
        .bind(resident.0)
        .fetch_all(pool)
        .await?;
        let arguments = sqlx::query_as(
            "SELECT id, idea_id, parent_id AS reply_to, stance, body AS text, moderation_state,
                    moderation_rule, created_at, edited_at, deleted_at
             FROM arguments WHERE author_id = ? ORDER BY id",
        )
        .bind(resident.0)
        .fetch_all(pool)
        .await?;
        let helpful = sqlx::query_as(
            "SELECT argument_id, created_at FROM argument_helpful
             WHERE resident_id = ? ORDER BY created_at, argument_id",
        )
        .bind(resident.0)
        .fetch_all(pool)
        .await?;
        let sessions = sqlx::query_as(
            "SELECT created_at, expires_at FROM sessions WHERE resident_id = ? ORDER BY created_at",
        )
        .bind(resident.0)
        .fetch_all(pool)
        .await?;
        let sign_in_codes = sqlx::query_as(
            "SELECT created_at, expires_at, used_at FROM sign_in_codes
             WHERE email = ? ORDER BY created_at",
        )
        .bind(record.email.as_deref())
        .fetch_all(pool)
        .await?;
        let follows = sqlx::query_as(
            "SELECT kind, target, following, changed_at FROM follows
             WHERE resident_id = ? ORDER BY changed_at, id",
        )
        .bind(resident.0)
        .fetch_all(pool)
        .await?;
        Ok(Some(PersonalData {
            follows,
            resident: record,
            ideas,
            supports,
            reports,
            arguments,
            helpful,
            sessions,
            sign_in_codes,
        }))
    }

    /// Deletes a resident's account in one transaction: supports (the counts drop with them),
    /// sessions, sign-in codes, reports, helpful marks and queued mail go; ideas and arguments
    /// stay without an author; the row stays
    /// without address or name, so nothing points back at the person. Signing up again with
    /// the same address makes a new resident with no supports.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn delete_resident(&self, resident: ResidentId, now: i64) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let email: Option<String> =
            sqlx::query_scalar("SELECT email FROM residents WHERE id = ? AND deleted_at IS NULL")
                .bind(resident.0)
                .fetch_optional(&mut *tx)
                .await?
                .flatten();
        let Some(email) = email else {
            return Ok(false);
        };
        for sql in [
            "DELETE FROM supports WHERE resident_id = ?",
            "DELETE FROM sessions WHERE resident_id = ?",
            "DELETE FROM reports WHERE resident_id = ?",
            "DELETE FROM argument_reports WHERE resident_id = ?",
            "DELETE FROM status_mails WHERE resident_id = ?",
            "DELETE FROM debate_mails WHERE resident_id = ?",
            "DELETE FROM plan_mails WHERE resident_id = ?",
            "DELETE FROM follows WHERE resident_id = ?",
            "DELETE FROM digest_items WHERE resident_id = ?",
            "DELETE FROM digests WHERE resident_id = ?",
            "DELETE FROM argument_helpful WHERE resident_id = ?",
            "UPDATE ideas SET author_id = NULL WHERE author_id = ?",
            "UPDATE arguments SET author_id = NULL WHERE author_id = ?",
        ] {
            sqlx::query(sql).bind(resident.0).execute(&mut *tx).await?;
        }
        sqlx::query("DELETE FROM sign_in_codes WHERE email = ?")
            .bind(&email)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE residents SET email = NULL, display_name = NULL, area_id = NULL, language = NULL, mail_key = NULL, deleted_at = ?
             WHERE id = ?",
        )
        .bind(now)
        .bind(resident.0)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.sessions.forget_resident(resident);
        Ok(true)
    }
}
