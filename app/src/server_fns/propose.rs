//! Proposing an idea: what the form and the check page show, sending the draft, and finding
//! the area of a point. The form itself is posted as multipart (it may carry a photo) to
//! `POST /ideas/new`, handled in `forms::propose`.

use klimadialog::listing::{Bilingual, IdeaSummary};
use klimadialog::propose::{DraftErrors, DraftFields};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A choice in a select list, with its label in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: Bilingual,
}

/// What the propose form shows: the draft as typed, the lists to choose from, and (after a
/// send) the errors of each field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposeForm {
    pub fields: DraftFields,
    pub photo: Option<String>,
    pub errors: DraftErrors,
    /// The area the draft's point lies in, named, when it has a point inside the municipality.
    pub located_in: Option<String>,
    /// That point, in millionths of a degree.
    pub point: Option<(i64, i64)>,
    pub sectors: Vec<Choice>,
    pub themes: Vec<Choice>,
    pub areas: Vec<Choice>,
    /// The areas drawn, for putting a point on the map.
    pub map: klimadialog::map::MapDrawing,
}

#[cfg(feature = "ssr")]
#[cfg(feature = "ssr")]
pub(crate) fn draft_token() -> Option<klimadialog::signin::DraftToken> {
    crate::session::request_cookie(crate::session::SiteCookie::Draft)
        .and_then(|v| klimadialog::signin::DraftToken::parse(&v))
}

#[cfg(feature = "ssr")]
async fn current_draft(
    state: &crate::state::AppState,
) -> Result<Option<klimadialog::storage::Draft>, AppError> {
    let Some(token) = draft_token() else {
        return Ok(None);
    };
    Ok(state
        .db
        .load_draft(&token, klimadialog::storage::now())
        .await?)
}

/// The propose form's data. `check` asks for the errors too: after a send, not on a first
/// visit, where an empty form is not yet wrong.
#[server(prefix = "/fn")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "load_propose_form", skip_all)
)]
pub async fn load_propose_form(check: bool) -> Result<ProposeForm, AppError> {
    let state = crate::state::app_state()?;
    let draft = current_draft(&state).await?.unwrap_or_default();
    let errors = match (state.db.check_draft(&draft.fields).await?, check) {
        (Err(errors), true) => errors,
        _ => DraftErrors::default(),
    };
    // The point is kept even while other fields are wrong, so fixing a title does not lose it.
    let point = draft.fields.point().ok().flatten();
    let located_in = match point.and_then(|(lat, lon)| klimadialog::geometry::LatLon::new(lat, lon))
    {
        Some(point) => state.db.area_at(point).await?.map(|area| area.name),
        None => None,
    };
    let point = point.map(|(lat, lon)| {
        use klimadialog::map::micro;
        (micro(lat), micro(lon))
    });
    let (areas, sectors, themes) = super::reference_choices(&state).await?;
    Ok(ProposeForm {
        fields: draft.fields,
        photo: draft.photo,
        errors,
        located_in,
        point,
        sectors,
        themes,
        areas,
        map: state.db.map_drawing(MAP_WIDTH).await?,
    })
}

/// Map units across; the SVG scales to the screen, this only sets the precision of paths.
#[cfg(feature = "ssr")]
const MAP_WIDTH: f64 = 600.0;

/// The check page's data: the draft as it will look, similar published ideas, and whether the
/// visitor can send it now or must sign in first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewPage {
    pub title: String,
    pub description: String,
    pub kind: klimadialog::IdeaKind,
    pub category: Bilingual,
    pub area: String,
    pub from_point: bool,
    pub photo: Option<String>,
    pub similar: Vec<IdeaSummary>,
    pub signed_in: bool,
    pub post_moderation: bool,
}

/// `Ok(None)` when there is no draft, or it is not complete (the form shows why).
#[server(prefix = "/fn")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "load_review", skip_all))]
pub async fn load_review() -> Result<Option<ReviewPage>, AppError> {
    use klimadialog::Category;

    let state = crate::state::app_state()?;
    let Some(draft) = current_draft(&state).await? else {
        return Ok(None);
    };
    let Ok(ready) = state.db.check_draft(&draft.fields).await? else {
        return Ok(None);
    };
    let themes = matches!(ready.checked.category, Category::Theme(_));
    let category = state
        .db
        .list_categories(themes)
        .await?
        .into_iter()
        .find(|row| row.key == ready.checked.category.key().as_str())
        .map(|row| Bilingual {
            da: row.name_da,
            en: Some(row.name_en),
        })
        .ok_or(AppError::Internal)?;
    let similar = state
        .db
        .similar_ideas(
            ready.checked.title.as_str(),
            ready.checked.description.as_str(),
            5,
        )
        .await?;
    Ok(Some(ReviewPage {
        title: ready.checked.title.as_str().to_owned(),
        description: ready.checked.description.as_str().to_owned(),
        kind: ready.checked.category.kind(),
        category,
        area: ready.area.name,
        from_point: ready.point.is_some(),
        photo: draft.photo,
        similar,
        signed_in: crate::session::current_resident(&state).await.is_some(),
        post_moderation: state.config.moderation == klimadialog::moderation::ModerationMode::Post,
    }))
}

/// Sends the draft as an idea: awaiting review (pre-moderation, the default) or public at once
/// (post-moderation). Answered with a redirect, to the new idea when it worked.
#[server(prefix = "/fn", endpoint = "ideas/submit")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "submit_idea", skip_all))]
pub async fn submit_idea() -> Result<(), AppError> {
    use klimadialog::propose::{Sending, SubmitError, submit};
    use klimadialog::storage::now;
    use leptos_axum::redirect;

    let state = crate::state::app_state()?;
    let Some(resident) = crate::session::current_resident(&state).await else {
        redirect("/signin?next=%2Fideas%2Fnew%2Freview");
        return Ok(());
    };
    let (Some(token), Some(draft)) = (draft_token(), current_draft(&state).await?) else {
        redirect("/ideas/new");
        return Ok(());
    };
    let ready = match state.db.check_draft(&draft.fields).await? {
        Ok(ready) => ready,
        Err(_) => {
            redirect("/ideas/new?check=1");
            return Ok(());
        }
    };
    // Counted only for ideas about to be stored, not for drafts sent back to be fixed.
    let client = state.clients.tag(&crate::session::client_address());
    let sending = Sending {
        token: &token,
        ready,
        photo: draft.photo,
    };
    let mode = state.config.moderation;
    match submit(
        &state.db,
        &state.limits,
        resident,
        &client,
        sending,
        mode,
        now(),
    )
    .await
    {
        Ok(Some(id)) => {
            crate::session::remove_cookie(crate::session::SiteCookie::Draft);
            redirect(&format!("/ideas/{id}"));
        }
        // Sent twice: the first send made the idea; show the resident their ideas.
        Ok(None) => redirect("/me"),
        Err(SubmitError::RateLimited { .. }) => {
            let notice = super::SiteNotice::TooManyIdeas.as_str();
            redirect(&format!("/ideas/new/review?notice={notice}"));
        }
        Err(SubmitError::Storage(e)) => return Err(e.into()),
    }
    Ok(())
}

/// The area a point lies in, for "use my location": its name, or `None` outside the
/// municipality.
/// Coordinates come in millionths of a degree, as the island carries them.
#[server(prefix = "/fn", endpoint = "ideas/locate")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "locate_point", skip_all))]
pub async fn locate_point(lat: i64, lon: i64) -> Result<Option<String>, AppError> {
    use klimadialog::map::from_micro;

    let state = crate::state::app_state()?;
    let Some(point) = klimadialog::geometry::LatLon::new(from_micro(lat), from_micro(lon)) else {
        return Err(AppError::BadRequest.respond());
    };
    Ok(state.db.area_at(point).await?.map(|area| area.name))
}
