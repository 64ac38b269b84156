//! The signed-in resident's own page.

use klimadialog::ModerationState;
use klimadialog::listing::IdeaSummary;
use leptos::prelude::*;

use crate::error::AppError;

klimadialog::string_enum!(
    /// What /me says after one of its forms (`me=`): written by the server functions here,
    /// read by the page.
    MeNotice {
        /// The mail settings were saved.
        MailSaved => "mail_saved",
        /// A frequency the form does not offer: nothing was saved.
        MailRefused => "mail_refused",
        /// Deleting the account needs the box ticked.
        DeleteUnconfirmed => "delete_unconfirmed",
    }
);

/// What `/me` shows: the resident's ideas with where they stand, and the ideas they support.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MyPage {
    pub ideas: Vec<(IdeaSummary, ModerationState)>,
    pub supported: Vec<IdeaSummary>,
    /// The language of their mails, whether they get status mails at once, how often they
    /// hear of what they follow, and whether replies to them come at once.
    pub mail_language: klimadialog::Locale,
    pub status_mails: bool,
    pub frequency: klimadialog::follow::Frequency,
    pub replies_at_once: bool,
    /// What they chose to follow, and the areas, sectors and themes they may.
    pub follows: Vec<klimadialog::follow::FollowedTopic>,
    pub areas: Vec<super::propose::Choice>,
    pub sectors: Vec<super::propose::Choice>,
    pub themes: Vec<super::propose::Choice>,
}

/// `None` when nobody is signed in.
#[server(prefix = "/fn")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "load_my_page", skip_all))]
pub async fn load_my_page() -> Result<Option<MyPage>, AppError> {
    let state = crate::state::app_state()?;
    let Some(resident) = crate::session::current_resident(&state).await else {
        return Ok(None);
    };
    let ideas = state.db.ideas_by_author(resident).await?;
    let supported = state.db.ideas_supported_by(resident).await?;
    let settings = state.db.mail_settings(resident).await?;
    let follows = state.db.followed_topics(resident).await?;
    let (areas, sectors, themes) = super::reference_choices(&state).await?;
    Ok(Some(MyPage {
        ideas,
        supported,
        mail_language: settings.language,
        status_mails: settings.status_mails,
        frequency: settings.frequency,
        replies_at_once: settings.replies_at_once,
        follows,
        areas,
        sectors,
        themes,
    }))
}

/// The resident's mail settings: the language of their mails, whether a new status of an idea
/// they proposed or support is mailed at once, how often they hear of what they follow, and
/// whether a reply to them comes at once. A plain form; back to `/me` with a note. A frequency
/// the form does not offer saves nothing and says so.
#[server(prefix = "/fn", endpoint = "me/mail")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "save_mail_settings", skip_all)
)]
pub async fn save_mail_settings(
    language: String,
    status_mails: Option<String>,
    frequency: Option<String>,
    replies_at_once: Option<String>,
) -> Result<(), AppError> {
    let state = crate::state::app_state()?;
    let Some(resident) = crate::session::current_resident(&state).await else {
        leptos_axum::redirect("/signin?next=%2Fme");
        return Ok(());
    };
    let Some(language) = klimadialog::Locale::from_tag(&language) else {
        return Err(AppError::BadRequest.respond());
    };
    // A form from before frequencies (a page open across an upgrade) keeps the stored one.
    let frequency = match frequency.as_deref() {
        None => state.db.frequency(resident).await?,
        Some(given) => match klimadialog::follow::Frequency::parse(given.trim()) {
            Some(frequency) => frequency,
            None => {
                leptos_axum::redirect(&format!("/me?me={}#mail", MeNotice::MailRefused.as_str()));
                return Ok(());
            }
        },
    };
    let settings = klimadialog::storage::MailSettings {
        language,
        status_mails: status_mails.is_some(),
        frequency,
        replies_at_once: replies_at_once.is_some(),
    };
    state.db.save_mail_settings(resident, settings).await?;
    leptos_axum::redirect(&format!("/me?me={}#mail", MeNotice::MailSaved.as_str()));
    Ok(())
}

/// "Download my data": everything stored about the signed-in resident, as a JSON file.
/// A plain link (GET) works without JavaScript; without a session it sends to sign-in.
#[server(prefix = "/fn", endpoint = "me/data", input = leptos::server_fn::codec::GetUrl)]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "download_my_data", skip_all)
)]
pub async fn download_my_data() -> Result<Option<serde_json::Value>, AppError> {
    let state = crate::state::app_state()?;
    let Some(resident) = crate::session::current_resident(&state).await else {
        leptos_axum::redirect("/signin?next=%2Fme");
        return Ok(None);
    };
    let Some(data) = state.db.personal_data(resident).await? else {
        return Err(AppError::NotFound.respond());
    };
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::header::CONTENT_DISPOSITION,
            http::HeaderValue::from_static("attachment; filename=\"klimadialog-data.json\""),
        );
    }
    serde_json::to_value(&data).map(Some).map_err(|error| {
        tracing::error!(%error, "personal data did not serialise");
        AppError::Internal
    })
}

/// "Delete my account", confirmed by a tick in a box, then signed out and sent home.
#[server(prefix = "/fn", endpoint = "me/delete")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "delete_my_account", skip_all)
)]
pub async fn delete_my_account(confirm: Option<String>) -> Result<(), AppError> {
    use crate::session::{SiteCookie, remove_cookie};

    let state = crate::state::app_state()?;
    let Some(resident) = crate::session::current_resident(&state).await else {
        leptos_axum::redirect("/signin?next=%2Fme");
        return Ok(());
    };
    if confirm.as_deref() != Some("yes") {
        let notice = MeNotice::DeleteUnconfirmed.as_str();
        leptos_axum::redirect(&format!("/me?me={notice}#delete"));
        return Ok(());
    }
    state
        .db
        .delete_resident(resident, klimadialog::storage::now())
        .await?;
    remove_cookie(SiteCookie::Session);
    let notice = super::SiteNotice::AccountDeleted.as_str();
    leptos_axum::redirect(&format!("/?notice={notice}"));
    Ok(())
}
