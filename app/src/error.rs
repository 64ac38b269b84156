//! The UI layer's error: what a server function can answer. Details of internal failures are
//! logged where they happen and never sent to the browser.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("the request could not be understood")]
    BadRequest,
    #[error("internal error")]
    Internal,
    #[error("sign in first")]
    NotSignedIn,
    #[error("not allowed for your role")]
    Forbidden,
    #[error("too many requests; try again in {retry_after} seconds")]
    RateLimited { retry_after: i64 },
    /// The database could not do it just now (busy, disk full): the same request may work in a
    /// moment, and nothing of it was kept.
    #[error("not possible just now; try again in a moment")]
    Unavailable,
}

impl AppError {
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::BadRequest => 400,
            AppError::Internal => 500,
            AppError::NotSignedIn => 401,
            AppError::Forbidden => 403,
            AppError::RateLimited { .. } => 429,
            AppError::Unavailable => 503,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// Failures of the server-function machinery itself come from malformed requests
    /// (wrong arguments, undecodable bodies) or from the network.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => AppError::BadRequest,
            ServerFnErrorErr::MissingArg(_) => AppError::BadRequest,
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<klimadialog::storage::StorageError> for AppError {
    /// Logged here, once; the response gets the error's status (a plain form post would
    /// otherwise be redirected back to its page as if nothing had gone wrong).
    fn from(error: klimadialog::storage::StorageError) -> Self {
        if error.is_temporary() {
            tracing::warn!(%error, "storage unavailable");
            AppError::Unavailable.respond()
        } else {
            tracing::error!(%error, "storage failed");
            AppError::Internal.respond()
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// Puts this error's status on the response, for the callers that read statuses (the
    /// island's background calls); without it every server-function error would be a 500.
    pub fn respond(self) -> Self {
        if let (Some(response), Ok(status)) = (
            leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
            http::StatusCode::from_u16(self.status_code()),
        ) {
            response.set_status(status);
            let retry_after = match &self {
                AppError::RateLimited { retry_after } => Some(*retry_after),
                AppError::Unavailable => Some(10),
                _ => None,
            };
            if let Some(value) =
                retry_after.and_then(|s| http::HeaderValue::from_str(&s.to_string()).ok())
            {
                response.insert_header(http::header::RETRY_AFTER, value);
            }
        }
        self
    }
}
