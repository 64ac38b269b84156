//! `POST /ideas/new`: the propose form, sent as multipart because it may carry a photo. A
//! plain axum handler rather than a server function, so the upload gets its own body limit
//! and a malformed body is a clear 400, never a panic. It saves what was typed as the
//! browser's draft, then redirects: back to the form when something is missing, on to sign-in
//! or to the check page when not.

use axum::extract::State;
use axum::extract::multipart::{Field, Multipart, MultipartRejection};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use klimadialog::photo::{self, MAX_UPLOAD_BYTES, PhotoError};
use klimadialog::propose::{DraftFields, PhotoProblem};
use klimadialog::signin::DraftToken;
use klimadialog::storage::{Draft, now};

use crate::session::{SiteCookie, secure_cookies};
use crate::state::AppState;

/// The body limit of this route: the largest photo plus room for the text fields.
pub const MAX_FORM_BYTES: usize = MAX_UPLOAD_BYTES + 256 * 1024;
/// The most bytes a text field may have; the longest (the description) needs 16 KB at most.
const MAX_TEXT_FIELD_BYTES: usize = 64 * 1024;

/// What the form sent.
#[derive(Default)]
struct Sent {
    fields: DraftFields,
    photo: Option<Vec<u8>>,
    photo_too_large: bool,
    remove_photo: bool,
}

/// Reads a field to its end, or gives up after `max` bytes (`None`).
pub(crate) async fn read_bounded(field: &mut Field<'_>, max: usize) -> Result<Option<Vec<u8>>, ()> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|_| ())? {
        if bytes.len() + chunk.len() > max {
            return Ok(None);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(Some(bytes))
}

/// Reads the form. `Err` when the body is not a well-formed multipart form; a photo over the
/// limit (including a body cut off at the route's limit) is a field error, not a failure.
async fn read_form(mut multipart: Multipart) -> Result<Sent, ()> {
    let mut sent = Sent::default();
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Ok(sent),
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                sent.photo_too_large = true;
                return Ok(sent);
            }
            Err(_) => return Err(()),
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "photo" {
            match read_bounded(&mut field, MAX_UPLOAD_BYTES).await {
                Ok(Some(bytes)) if !bytes.is_empty() => sent.photo = Some(bytes),
                Ok(Some(_)) => {}
                Ok(None) | Err(()) => {
                    sent.photo_too_large = true;
                    return Ok(sent);
                }
            }
            continue;
        }
        let text = match read_bounded(&mut field, MAX_TEXT_FIELD_BYTES).await? {
            Some(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            None => return Err(()),
        };
        let f = &mut sent.fields;
        match name.as_str() {
            "kind" => f.kind = text,
            "sector" => f.sector = text,
            "theme" => f.theme = text,
            "area" => f.area = text,
            "lat" => f.lat = text,
            "lon" => f.lon = text,
            "exact_point" => f.exact_point = text,
            "title" => f.title = text,
            "description" => f.description = text,
            "remove_photo" => sent.remove_photo = true,
            _ => {}
        }
    }
}

fn see_other(to: &str, cookies: &[String]) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(location) = HeaderValue::from_str(to) {
        headers.insert(header::LOCATION, location);
    }
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(cookie) {
            headers.append(header::SET_COOKIE, value);
        }
    }
    response
}

fn bad_request(message: &'static str) -> Response {
    (StatusCode::BAD_REQUEST, message).into_response()
}

/// Decodes running now in this process; each may take a core and `photo::MAX_DECODED_BYTES`.
static DECODES: tokio::sync::Semaphore =
    tokio::sync::Semaphore::const_new(photo::MAX_PARALLEL_DECODES);
/// How long an upload waits for a turn before the resident is asked to send it again.
const DECODE_QUEUE: std::time::Duration = std::time::Duration::from_secs(5);

/// Re-encodes a photo off the async threads, a few at a time, and stores it under its content
/// name.
async fn store_photo(state: &AppState, upload: Vec<u8>) -> Result<String, PhotoProblem> {
    let Ok(Ok(turn)) = tokio::time::timeout(DECODE_QUEUE, DECODES.acquire()).await else {
        return Err(PhotoProblem::Busy);
    };
    let photo_dir = state.photo_dir.clone();
    let photo = tokio::task::spawn_blocking(move || {
        let _turn = turn;
        photo::reencode(&upload).map(|photo| photo.store_in(&photo_dir))
    })
    .await
    .map_err(|_| PhotoProblem::Failed)?;
    match photo {
        Ok(Ok(name)) => Ok(name),
        Ok(Err(error)) => {
            tracing::error!(%error, "storing a photo failed");
            Err(PhotoProblem::Failed)
        }
        Err(PhotoError::TooLarge) => Err(PhotoProblem::TooLarge),
        Err(PhotoError::NotAPicture) => Err(PhotoProblem::NotAPicture),
        Err(PhotoError::TooManyPixels) => Err(PhotoProblem::TooManyPixels),
        Err(PhotoError::Encode) => Err(PhotoProblem::Failed),
    }
}

pub async fn save_draft(
    State(state): State<AppState>,
    extensions: http::Extensions,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let Ok(multipart) = multipart else {
        return bad_request(
            "Formularen kunne ikke læses. Gå tilbage, og send den igen. / The form could not be read. Please go back and send it again.",
        );
    };
    let address = crate::session::client_address_in(&extensions);
    let client = state.clients.tag(&address);
    if state.limits.draft_saves_per_client.check(&client).is_err() {
        let notice = crate::server_fns::SiteNotice::TooMany.as_str();
        return see_other(&format!("/ideas/new?notice={notice}"), &[]);
    }
    let Ok(sent) = read_form(multipart).await else {
        return bad_request(
            "Formularen kunne ikke læses. Gå tilbage, og send den igen. / The form could not be read. Please go back and send it again.",
        );
    };
    let secure = secure_cookies(&state);
    let mut cookies = Vec::new();
    let token = match SiteCookie::Draft
        .read(&headers, secure)
        .and_then(|v| DraftToken::parse(&v))
    {
        Some(token) => token,
        None => DraftToken::generate(),
    };
    // Renewed on every save, so a draft being worked on never expires under its author.
    cookies.push(SiteCookie::Draft.set(token.as_str(), secure));
    let previous = match state.db.load_draft(&token, now()).await {
        Ok(previous) => previous,
        Err(error) => {
            tracing::error!(%error, "loading a draft failed");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                "Prøv igen om lidt. / Please try again in a moment.",
            )
                .into_response();
        }
    };
    let mut photo = previous
        .and_then(|d| d.photo)
        .filter(|_| !sent.remove_photo);
    let mut photo_problem = sent.photo_too_large.then_some(PhotoProblem::TooLarge);
    if let Some(upload) = sent.photo {
        match store_photo(&state, upload).await {
            Ok(name) => photo = Some(name),
            Err(problem) => photo_problem = Some(problem),
        }
    }
    let draft = Draft {
        fields: sent.fields.bounded(),
        photo,
    };
    let saved = state.db.save_draft(&token, &draft, now()).await;
    let checked = match saved {
        Ok(()) => state.db.check_draft(&draft.fields).await,
        Err(error) => Err(error),
    };
    let checked = match checked {
        Ok(checked) => checked,
        Err(error) => {
            tracing::error!(%error, "saving a draft failed");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                "Prøv igen om lidt. / Please try again in a moment.",
            )
                .into_response();
        }
    };
    if checked.is_err() || photo_problem.is_some() {
        let photo = photo_problem
            .map(|p| format!("&photo_error={}", p.as_str()))
            .unwrap_or_default();
        return see_other(&format!("/ideas/new?check=1{photo}#form-errors"), &cookies);
    }
    let signed_in = klimadialog_session::resident_of(&state.db, &headers, secure, now())
        .await
        .is_some();
    if signed_in {
        see_other("/ideas/new/review", &cookies)
    } else {
        see_other("/signin?next=%2Fideas%2Fnew%2Freview", &cookies)
    }
}
