//! `POST /staff/plan/baseline`: an admin enters the emissions baseline (the base year, the
//! latest year with figures, and per sector the tonnes in each), or attaches a CSV file of the
//! figures (from Energistyrelsen's Energi- og CO2-regnskab, say) that then stands in for the
//! typed ones. Multipart, for the file; the rules are the core's (`plan::BaselineFields`,
//! `plan_import::read_baseline`). A refused form comes back as typed, with the problem named.

use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use klimadialog::plan::{BaselineFields, BaselineProblem};
use klimadialog::staff::StaffRole;

use super::propose::read_bounded;
use super::{FileRefused, read_file, see_other, staff_sending};
use crate::state::AppState;

/// An emissions file has a row per sector: a few kilobytes.
pub const MAX_BASELINE_FILE_BYTES: usize = 256 * 1024;

/// The route's body limit: the file and the form's small fields.
pub const MAX_FORM_BYTES: usize = MAX_BASELINE_FILE_BYTES + 64 * 1024;

/// Back to the form with the problem and, for a sector's figures, which sector (or, for a
/// file, which row); what was typed goes along in the typed-text cookie.
fn back(
    state: &AppState,
    problem: BaselineProblem,
    about: Option<String>,
    typed: &BaselineFields,
) -> Response {
    let about = about
        .map(|a| format!("&about={}", crate::url::encode_component(&a)))
        .unwrap_or_default();
    let mut response = see_other(&format!(
        "/staff/plan?baseline_error={}{about}#baseline",
        problem.as_str()
    ));
    let mut fields: Vec<(String, &str)> = vec![
        ("base_year".into(), typed.base_year.as_str()),
        ("latest_year".into(), typed.latest_year.as_str()),
    ];
    for (key, base, latest) in &typed.sectors {
        fields.push((format!("base.{key}"), base));
        fields.push((format!("latest.{key}"), latest));
    }
    let fields: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    let secure = crate::session::secure_cookies(state);
    let cookie =
        klimadialog_session::SiteCookie::Typed.set(&crate::session::typed_value(&fields), secure);
    if let Ok(cookie) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

pub async fn save_baseline(
    State(state): State<AppState>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let member = match staff_sending(&state, &headers, StaffRole::Admin, "/staff/plan").await {
        Ok(member) => member,
        Err(response) => return response,
    };
    let mut typed = BaselineFields::default();
    let Ok(mut multipart) = multipart else {
        return back(&state, BaselineProblem::Columns, None, &typed);
    };
    let sectors = match state.db.category_names().await {
        Ok(names) => names
            .into_iter()
            .filter(|c| c.choice.starts_with("sector:"))
            .collect::<Vec<_>>(),
        Err(error) => {
            tracing::error!(%error, "reading the sectors failed");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let mut file = None;
    let mut figures: std::collections::HashMap<String, String> = Default::default();
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => return back(&state, BaselineProblem::Columns, None, &typed),
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            match read_file(&mut field, MAX_BASELINE_FILE_BYTES).await {
                Ok(bytes) if !bytes.is_empty() => file = Some(bytes),
                Ok(_) => {}
                Err(FileRefused::TooLarge | FileRefused::Broken) => {
                    return back(&state, BaselineProblem::Columns, None, &typed);
                }
            }
            continue;
        }
        let Ok(Some(value)) = read_bounded(&mut field, 64).await else {
            continue;
        };
        let value: String = String::from_utf8_lossy(&value).chars().take(40).collect();
        match name.as_str() {
            "base_year" => typed.base_year = value,
            "latest_year" => typed.latest_year = value,
            _ => {
                figures.insert(name, value);
            }
        }
    }
    let figure = |kind: &str, key: &str| figures.get(&format!("{kind}.{key}")).cloned();
    typed.sectors = sectors
        .iter()
        .filter_map(|c| c.choice.strip_prefix("sector:"))
        .map(|key| {
            let base = figure("base", key).unwrap_or_default();
            let latest = figure("latest", key).unwrap_or_default();
            (key.to_owned(), base, latest)
        })
        .collect();
    if let Some(file) = file {
        let table = match klimadialog::sheet::read_csv(&file) {
            Ok(table) => table,
            Err(_) => return back(&state, BaselineProblem::Columns, None, &typed),
        };
        match klimadialog::plan_import::read_baseline(&table, &sectors) {
            Ok(read) => typed.sectors = read,
            Err((problem, row)) => return back(&state, problem, row, &typed),
        }
    }
    let baseline = match typed.parse() {
        Ok(baseline) => baseline,
        Err((problem, sector)) => return back(&state, problem, sector, &typed),
    };
    let now = klimadialog::storage::now();
    match state.db.set_baseline(&baseline, Some(member.id), now).await {
        Ok(()) => see_other("/staff/plan?baseline=saved#baseline"),
        Err(error) => {
            tracing::error!(%error, "saving the baseline failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
