//! Following: a resident chooses to follow something (an idea, an area, a sector or theme, an
//! action of the plan) or to stop following an idea they follow by taking part. The rules of
//! who follows what are the core's, in `klimadialog::follow`.

use leptos::prelude::*;

use crate::error::AppError;

/// Follows (`follow` true) or stops following `kind`/`key`, then goes back to `next`. The form
/// sends the state it wants, so a resent form changes nothing twice. A visitor who is not
/// signed in is sent to sign in first.
#[server(prefix = "/fn", endpoint = "follow")]
#[cfg_attr(feature = "ssr", tracing::instrument(name = "set_follow", skip_all))]
pub async fn set_follow(
    kind: String,
    key: String,
    follow: bool,
    next: String,
) -> Result<(), AppError> {
    use klimadialog::follow::FollowTarget;

    use crate::session::{current_resident, local_path};
    use crate::url::encode_component;

    let state = crate::state::app_state()?;
    let next = local_path(&next);
    let Some(resident) = current_resident(&state).await else {
        leptos_axum::redirect(&format!("/signin?next={}", encode_component(&next)));
        return Ok(());
    };
    let target = FollowTarget::parse(&kind, &key).ok_or_else(|| AppError::NotFound.respond())?;
    if !state.db.follow_target_exists(&target).await? {
        return Err(AppError::NotFound.respond());
    }
    let now = klimadialog::storage::now();
    state.db.set_follow(resident, &target, follow, now).await?;
    leptos_axum::redirect(&format!("{}#follow", next.split('#').next().unwrap_or("/")));
    Ok(())
}

/// Whether the signed-in resident chose to follow `kind`/`key`; `None` for a visitor who is
/// not signed in (who sees no follow button) or a target that cannot be.
#[server(prefix = "/fn", endpoint = "follow/state")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "load_follow_state", skip_all)
)]
pub async fn load_follow_state(kind: String, key: String) -> Result<Option<bool>, AppError> {
    use klimadialog::follow::FollowTarget;

    let state = crate::state::app_state()?;
    let Some(resident) = crate::session::current_resident(&state).await else {
        return Ok(None);
    };
    let Some(target) = FollowTarget::parse(&kind, &key) else {
        return Ok(None);
    };
    Ok(Some(state.db.follows_target(resident, &target).await?))
}
