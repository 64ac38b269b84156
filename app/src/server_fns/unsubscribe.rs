//! The stop page's one question: whose stop key is this, and have they stopped already. The
//! stopping itself is a plain POST to the page's address (`server/src/unsubscribe.rs`), since
//! mail programs post there without JavaScript, cookies or a session (RFC 8058).

use leptos::prelude::*;

use crate::error::AppError;

/// Whether the mails of the resident with stop key `key` are stopped; `None` for a key that
/// belongs to nobody.
#[server(prefix = "/fn", endpoint = "unsubscribe")]
#[cfg_attr(
    feature = "ssr",
    tracing::instrument(name = "load_unsubscribe", skip_all)
)]
pub async fn load_unsubscribe(key: String) -> Result<Option<bool>, AppError> {
    if klimadialog::signin::SessionToken::parse(&key).is_none() {
        return Ok(None);
    }
    let state = crate::state::app_state()?;
    Ok(state.db.mail_key_stopped(&key).await?)
}
