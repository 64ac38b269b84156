//! `POST /staff/areas/upload`: an admin uploads a GeoJSON file of areas (multipart, so an axum
//! handler with its own body limit, like the propose form). A file that reads is kept for its
//! preview; one that does not goes back with the reason. Nothing about the areas changes here.

use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use klimadialog::area_import::{ImportError, read_areas};
use klimadialog::staff::StaffRole;
use klimadialog::storage::now;

use super::propose::read_bounded;
use super::{FileRefused, read_file, see_other, staff_sending};
use crate::server_fns::area::AreasProblem;
use crate::state::AppState;
use crate::url::encode_component;

/// The largest area file taken: real municipal boundary files are well under this; a file
/// over it is refused before it is read.
pub const MAX_AREA_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The route's body limit: the file and the form's small fields.
pub const MAX_UPLOAD_BYTES: usize = MAX_AREA_FILE_BYTES + 64 * 1024;

fn back(problem: AreasProblem, detail: &str) -> Response {
    see_other(&format!(
        "/staff/areas?error={}&detail={}#upload",
        problem.as_str(),
        encode_component(detail)
    ))
}

pub async fn upload_areas(
    State(state): State<AppState>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let member = match staff_sending(&state, &headers, StaffRole::Admin, "/staff/areas").await {
        Ok(member) => member,
        Err(response) => return response,
    };
    let Ok(mut multipart) = multipart else {
        return (StatusCode::BAD_REQUEST, "Ugyldig formular / Invalid form").into_response();
    };
    let (mut file, mut file_name, mut property) = (None, String::new(), String::new());
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return back(AreasProblem::TooLarge, "");
            }
            Err(_) => return back(AreasProblem::NotGeojson, ""),
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            file_name = field
                .file_name()
                .unwrap_or_default()
                .chars()
                .take(200)
                .collect();
            match read_file(&mut field, MAX_AREA_FILE_BYTES).await {
                Ok(bytes) => file = Some(bytes),
                Err(FileRefused::TooLarge) => return back(AreasProblem::TooLarge, ""),
                Err(FileRefused::Broken) => return back(AreasProblem::NotGeojson, ""),
            }
        } else if name == "property"
            && let Ok(Some(bytes)) = read_bounded(&mut field, 1024).await
        {
            property = String::from_utf8_lossy(&bytes)
                .trim()
                .chars()
                .take(100)
                .collect();
        }
    }
    let Some(file) = file.filter(|f| !f.is_empty()) else {
        return back(AreasProblem::NoFile, "");
    };
    if property.is_empty() {
        return back(AreasProblem::NoProperty, "");
    }
    let Ok(text) = String::from_utf8(file) else {
        return back(AreasProblem::NotGeojson, "");
    };
    // Reading is CPU work on a file of up to 20 MB: off the async threads.
    let checked = {
        let (text, property) = (text.clone(), property.clone());
        tokio::task::spawn_blocking(move || read_areas(&text, &property).map(|areas| areas.len()))
            .await
    };
    match checked {
        Ok(Ok(_)) => {}
        Ok(Err(error)) => {
            let (key, detail) = match &error {
                ImportError::NotJson | ImportError::NotFeatureCollection => {
                    (AreasProblem::NotGeojson, String::new())
                }
                ImportError::UnsupportedCrs => (AreasProblem::Crs, String::new()),
                ImportError::Empty => (AreasProblem::Empty, String::new()),
                ImportError::NotAPolygon { feature } => {
                    (AreasProblem::NotPolygon, feature.to_string())
                }
                ImportError::OutsideWgs84 { feature } => {
                    (AreasProblem::Outside, feature.to_string())
                }
                ImportError::MissingName { feature, .. } => {
                    (AreasProblem::NoName, feature.to_string())
                }
                ImportError::SelfIntersecting { name } => {
                    (AreasProblem::SelfIntersecting, name.clone())
                }
                ImportError::SameSlug(names) => (AreasProblem::SameSlug, names.clone()),
                ImportError::TooManyPoints => (AreasProblem::TooManyPoints, String::new()),
            };
            return back(key, &detail);
        }
        Err(_) => return back(AreasProblem::NotGeojson, ""),
    }
    match state
        .db
        .save_pending_import(member.id, &property, &file_name, &text, now())
        .await
    {
        Ok(id) => see_other(&format!("/staff/areas?preview={id}")),
        Err(error) => {
            tracing::error!(%error, "keeping an area file failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
