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
}

impl AppError {
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::BadRequest => 400,
            AppError::Internal => 500,
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
    fn from(error: klimadialog::storage::StorageError) -> Self {
        tracing::error!(%error, "storage failed");
        AppError::Internal
    }
}
