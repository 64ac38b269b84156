//! Supporting an idea: the support button's server function. The rules (limits per resident
//! and per client, only published ideas) are the core's, in `klimadialog::support`.

use leptos::prelude::*;

use crate::error::AppError;

/// A resident's support of one idea, as the support button shows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SupportState {
    pub supported: bool,
    pub count: i64,
}

/// Supports (`support` true) or withdraws support (false) for an idea. The button sends the
/// state it wants, not "toggle", so a double tap or a resent form changes nothing twice.
/// A plain form post is answered with a redirect to `next`; a visitor who is not signed in is
/// sent to sign in, and the support is done when the code is confirmed.
#[server(prefix = "/fn", endpoint = "ideas/support")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "set_support", skip_all))]
pub async fn set_support(idea: i64, support: bool, next: String) -> Result<SupportState, AppError> {
    use klimadialog::support::SupportError;
    use klimadialog::{IdeaId, storage::now};

    use crate::session::{current_resident, is_form_post, local_path};
    use crate::url::encode_component;

    let state = crate::state::app_state()?;
    let id = IdeaId(idea);
    let next = local_path(&next);
    let Some(resident) = current_resident(&state).await else {
        if !is_form_post() {
            return Err(AppError::NotSignedIn.respond());
        }
        let intent = if support {
            format!("&intent=support%3A{idea}")
        } else {
            String::new()
        };
        leptos_axum::redirect(&format!("/signin?next={}{intent}", encode_component(&next)));
        return Ok(SupportState::default());
    };
    let client = state.clients.tag(&crate::session::client_address());
    let changed = klimadialog::support::set_support(
        &state.db,
        &state.limits,
        resident,
        &client,
        id,
        support,
        now(),
    )
    .await;
    match changed {
        Ok(supported) => {
            if is_form_post() {
                leptos_axum::redirect(&next);
            }
            Ok(SupportState {
                supported: supported.supported,
                count: supported.count,
            })
        }
        Err(SupportError::RateLimited { retry_after }) => {
            if is_form_post() {
                let glue = if next.contains('?') { '&' } else { '?' };
                let notice = super::SiteNotice::TooMany.as_str();
                leptos_axum::redirect(&format!("{next}{glue}notice={notice}"));
                return Ok(SupportState::default());
            }
            Err(AppError::RateLimited { retry_after }.respond())
        }
        Err(SupportError::NotPublic) => Err(AppError::NotFound.respond()),
        Err(SupportError::Storage(error)) => Err(AppError::from(error).respond()),
    }
}
