//! Residents: their accounts and mail settings. Their supports are in `support.rs`.

use super::{Db, Result};
use crate::area::AreaId;
use crate::resident::ResidentId;

/// What a resident chose about the mail they get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MailSettings {
    /// The language of their mails.
    pub language: crate::Locale,
    /// A mail at once when an idea they proposed or support gets a new status.
    pub status_mails: bool,
    /// How often they hear of what they follow.
    pub frequency: crate::follow::Frequency,
    /// A mail at once when someone replies to their argument, whatever `frequency` says.
    pub replies_at_once: bool,
}

pub struct NewResident<'a> {
    pub email: &'a str,
    pub display_name: Option<&'a str>,
    pub area: Option<AreaId>,
    pub created_at: i64,
}

impl Default for MailSettings {
    /// A new resident's: Danish, status mails at once, a daily digest, replies at once.
    fn default() -> MailSettings {
        MailSettings {
            language: crate::Locale::Da,
            status_mails: true,
            frequency: crate::follow::Frequency::Daily,
            replies_at_once: true,
        }
    }
}

impl Db {
    /// A resident's mail settings (Danish and mails on, until they choose).
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn mail_settings(&self, resident: ResidentId) -> Result<MailSettings> {
        let (language, status_mails, frequency, replies_at_once): (String, bool, String, bool) =
            sqlx::query_as(
                "SELECT coalesce(language, 'da'), status_mails, frequency, replies_at_once
                 FROM residents WHERE id = ?",
            )
            .bind(resident.0)
            .fetch_optional(self.pool())
            .await?
            .unwrap_or(("da".into(), true, "daily".into(), true));
        Ok(MailSettings {
            language: crate::Locale::from_tag(&language).unwrap_or_default(),
            status_mails,
            frequency: crate::follow::Frequency::parse(&frequency).unwrap_or_default(),
            replies_at_once,
        })
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn save_mail_settings(
        &self,
        resident: ResidentId,
        settings: MailSettings,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE residents SET language = ?, status_mails = ?, frequency = ?,
                    replies_at_once = ?
             WHERE id = ?",
        )
        .bind(settings.language.tag())
        .bind(settings.status_mails)
        .bind(settings.frequency.as_str())
        .bind(settings.replies_at_once)
        .bind(resident.0)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The language of the page a resident first signed in on: their mails' language until
    /// they choose another on `/me`. Later sign-ins, perhaps on a device in another language,
    /// leave it be.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn set_first_language(
        &self,
        resident: ResidentId,
        language: crate::Locale,
    ) -> Result<()> {
        sqlx::query("UPDATE residents SET language = ? WHERE id = ? AND language IS NULL")
            .bind(language.tag())
            .bind(resident.0)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn insert_resident(&self, resident: &NewResident<'_>) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO residents (email, display_name, area_id, created_at) VALUES (?, ?, ?, ?) RETURNING id",
        )
        .bind(resident.email)
        .bind(resident.display_name)
        .bind(resident.area.map(|a| a.0))
        .bind(resident.created_at)
        .fetch_one(self.pool())
        .await?)
    }
}
