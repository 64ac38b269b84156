//! The forms that are not server functions: axum handlers for multipart bodies (a photo, a
//! GeoJSON file, a spreadsheet of the plan), which server functions cannot stream with a bounded
//! size, and for the staff table's batch form, whose ticked rows come as repeated fields. The
//! server mounts them at `paths::PROPOSE_FORM`, `paths::AREAS_UPLOAD`, `paths::PLAN_UPLOAD`,
//! `paths::BASELINE` and `paths::BATCH`.

pub mod area;
pub mod baseline;
pub mod batch;
pub mod plan_import;
pub mod propose;

use axum::extract::multipart::Field;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use klimadialog::staff::StaffRole;
use klimadialog_session::who::StaffRefused;

use crate::state::AppState;

/// A redirect after a form: 303, so the browser follows with a GET.
pub(crate) fn see_other(to: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = HeaderValue::from_str(to) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// The staff member with at least `role` who sent the form; else the answer: to sign in (and
/// come back to `page`), 403, or 503 when the session could not be checked.
pub(crate) async fn staff_sending(
    state: &AppState,
    headers: &HeaderMap,
    role: StaffRole,
    page: &str,
) -> Result<klimadialog::staff::StaffMember, Response> {
    let secure = crate::session::secure_cookies(state);
    let now = klimadialog::storage::now();
    match klimadialog_session::staff_of(&state.db, headers, secure, role, now).await {
        Ok(member) => Ok(member),
        Err(StaffRefused::NotSignedIn) => Err(see_other(&format!("/staff/login?next={page}"))),
        Err(StaffRefused::Forbidden) => Err(StatusCode::FORBIDDEN.into_response()),
        Err(StaffRefused::Storage(error)) => {
            tracing::warn!(%error, "checking a staff session failed");
            Err(StatusCode::SERVICE_UNAVAILABLE.into_response())
        }
    }
}

/// Why an uploaded file was not read.
pub(crate) enum FileRefused {
    TooLarge,
    /// The body broke off or was no multipart form.
    Broken,
}

/// Reads an uploaded file's bytes, refusing it as soon as it passes `max`. A body cut off at
/// the route's limit arrives as an error of the field, also "too large".
pub(crate) async fn read_file(field: &mut Field<'_>, max: usize) -> Result<Vec<u8>, FileRefused> {
    let mut bytes = Vec::new();
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) if bytes.len() + chunk.len() <= max => bytes.extend_from_slice(&chunk),
            Ok(Some(_)) => return Err(FileRefused::TooLarge),
            Ok(None) => return Ok(bytes),
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(FileRefused::TooLarge);
            }
            Err(_) => return Err(FileRefused::Broken),
        }
    }
}
