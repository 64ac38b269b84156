//! The UI layer's error: what a server function can answer. Details of internal failures are
//! never sent to the browser; they are logged once, in the request's span, by the server's
//! request log (`Failures`), not by the conversion that made them.

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
    /// Kept for the request's log line (see `Failures`); the response gets the error's status
    /// (a plain form post would otherwise be redirected back to its page as if nothing had gone
    /// wrong).
    fn from(error: klimadialog::storage::StorageError) -> Self {
        let temporary = error.is_temporary();
        Failures::keep(Failure {
            temporary,
            error: error.to_string(),
            during: tracing::Span::current().metadata().map(|m| m.name()),
        });
        if temporary {
            AppError::Unavailable.respond()
        } else {
            AppError::Internal.respond()
        }
    }
}

/// One internal failure of a request: what failed, and in which function (the innermost
/// span, which every server function has).
#[cfg(feature = "ssr")]
#[derive(Debug, Clone)]
pub struct Failure {
    /// The database was busy or the disk full: it may work again in a moment.
    pub temporary: bool,
    pub error: String,
    pub during: Option<&'static str>,
}

/// The internal failures of one request, which the server puts into the request and logs once
/// the response is made, inside the request's span (its id, method and route). A conversion
/// that logged would log again wherever an error is converted twice, and outside any request
/// span in background work.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Default)]
pub struct Failures(std::sync::Arc<std::sync::Mutex<Vec<Failure>>>);

#[cfg(feature = "ssr")]
impl Failures {
    /// Keeps `failure` for the request being handled; without one (background work, a handler
    /// outside Leptos), logs it at once, in whatever span is current.
    pub fn keep(failure: Failure) {
        let kept = leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Failures>().cloned());
        match kept {
            Some(failures) => failures
                .0
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .push(failure),
            None => failure.log(),
        }
    }

    /// What was kept, emptied.
    pub fn take(&self) -> Vec<Failure> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

#[cfg(feature = "ssr")]
impl Failure {
    /// One line, in the current span: a temporary failure is a warning, the rest errors.
    pub fn log(&self) {
        let during = self.during.unwrap_or("-");
        if self.temporary {
            tracing::warn!(error = %self.error, during, "storage unavailable");
        } else {
            tracing::error!(error = %self.error, during, "storage failed");
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
