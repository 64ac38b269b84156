//! `POST /staff/plan/upload`: an admin uploads the plan as a spreadsheet (CSV or XLSX;
//! multipart, so an axum handler with its own body limit, like the areas file). A file that
//! reads as a table is kept for its preview, which checks every row; one that does not goes back
//! with the reason. Nothing about the plan changes here.

use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use klimadialog::sheet::{Table, read_csv, read_xlsx};
use klimadialog::staff::StaffRole;

use super::{FileRefused, read_file, see_other, staff_sending};
use crate::server_fns::staff_plan::PlanFileError;
use crate::state::AppState;

/// The largest spreadsheet taken: a plan of a few hundred actions is well under 1 MB.
pub const MAX_PLAN_FILE_BYTES: usize = 5 * 1024 * 1024;

/// The route's body limit: the file and the multipart framing.
pub const MAX_UPLOAD_BYTES: usize = MAX_PLAN_FILE_BYTES + 16 * 1024;

/// At most this many files are read at once: reading an XLSX is CPU work off the async threads.
static READING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

fn back(problem: PlanFileError) -> Response {
    see_other(&format!(
        "/staff/plan?file_error={}#upload",
        problem.as_str()
    ))
}

pub async fn upload_plan(
    State(state): State<AppState>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let member = match staff_sending(&state, &headers, StaffRole::Admin, "/staff/plan").await {
        Ok(member) => member,
        Err(response) => return response,
    };
    // Browsers always send the form as multipart; anything else is no file.
    let Ok(mut multipart) = multipart else {
        return back(PlanFileError::NotASheet);
    };
    let mut file = None;
    let mut file_name = String::new();
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return back(PlanFileError::TooLarge);
            }
            Err(_) => return back(PlanFileError::NotASheet),
        };
        if field.name() != Some("file") {
            continue;
        }
        file_name = field
            .file_name()
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_control())
            .take(200)
            .collect();
        match read_file(&mut field, MAX_PLAN_FILE_BYTES).await {
            Ok(bytes) => file = Some(bytes),
            Err(FileRefused::TooLarge) => return back(PlanFileError::TooLarge),
            Err(FileRefused::Broken) => return back(PlanFileError::NotASheet),
        }
    }
    let Some(file) = file.filter(|f| !f.is_empty()) else {
        return back(PlanFileError::NoFile);
    };
    let Ok(_permit) = READING.acquire().await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let read = tokio::task::spawn_blocking(move || read_table(&file)).await;
    let table = match read {
        Ok(Ok(table)) => table,
        Ok(Err(problem)) => return back(problem.into()),
        Err(_) => return back(PlanFileError::NotASheet),
    };
    let now = klimadialog::storage::now();
    match state
        .db
        .save_plan_file(member.id, &file_name, &table, now)
        .await
    {
        Ok(id) => see_other(&format!("/staff/plan?preview={id}#preview")),
        Err(error) => {
            tracing::error!(%error, "keeping a plan file failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// An XLSX workbook by its contents (a zip archive), else CSV: the file's name is the
/// visitor's to choose and proves nothing.
fn read_table(bytes: &[u8]) -> Result<Table, klimadialog::sheet::SheetProblem> {
    if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)
    } else {
        read_csv(bytes)
    }
}
