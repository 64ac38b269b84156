//! What every request handler and server function can reach on the server.

use std::sync::Arc;

use klimadialog::limits::Limits;
use klimadialog::mail::Mailer;
use klimadialog::signin::ClientTagger;
use klimadialog::storage::Db;
use leptos::prelude::*;

use crate::config::SiteConfig;
use crate::error::AppError;

/// What every request handler and server function can reach, behind one `Arc`: axum clones the
/// states of every layer for every request, so a clone must cost one count, not a dozen.
#[derive(Clone)]
pub struct AppState(Arc<Services>);

impl AppState {
    pub fn new(services: Services) -> AppState {
        AppState(Arc::new(services))
    }
}

impl std::ops::Deref for AppState {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.0
    }
}

pub struct Services {
    pub db: Db,
    pub config: Arc<SiteConfig>,
    pub mailer: Mailer,
    /// Hashes client addresses for rate limits, with a salt that never leaves the process.
    pub clients: ClientTagger,
    pub limits: Arc<Limits>,
    /// Where residents' re-encoded photos are stored and served from.
    pub photo_dir: Arc<std::path::PathBuf>,
    /// Wakes the mail worker when mail has been queued, so it goes out at once.
    pub mail_queued: Arc<tokio::sync::Notify>,
}

/// The state from the request's context; its absence is a wiring bug, not a user error.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}
