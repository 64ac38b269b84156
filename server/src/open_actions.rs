//! `/api/actions.json` and `/api/actions.csv`: the climate plan's actions as open data, on
//! CAPF's sector names, with their status, estimated tonnes, progress and the ids of the
//! published ideas linked to them. Nothing here is personal. A plan has tens or hundreds of
//! actions, so one answer holds them all.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use klimadialog::plan::{ActionRow, capf_sector};
use klimadialog_app::state::AppState;
use serde_json::{Value, json};

use crate::csv::{Cell, Separator, write_row};
use crate::open_data::with_headers;

const COLUMNS: [&str; 16] = [
    "code",
    "title_da",
    "title_en",
    "kind",
    "sector",
    "theme",
    "capf_sector",
    "owner",
    "status",
    "start_year",
    "end_year",
    "reduction_t_per_year",
    "milestones",
    "milestones_done",
    "idea_ids",
    "url",
];

/// Every action with the ids of its linked public ideas, or the answer to send instead.
async fn actions(state: &AppState) -> Result<Vec<(ActionRow, Vec<i64>)>, Response> {
    let unavailable = |error: klimadialog::storage::StorageError| {
        tracing::error!(%error, "open data query failed");
        StatusCode::SERVICE_UNAVAILABLE.into_response()
    };
    let rows = state.db.plan_actions().await.map_err(unavailable)?;
    let links = state.db.action_idea_ids().await.map_err(unavailable)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let ideas = links
                .iter()
                .filter(|(action, _)| *action == row.id)
                .map(|(_, idea)| *idea)
                .collect();
            (row, ideas)
        })
        .collect())
}

fn object(state: &AppState, row: &ActionRow, ideas: &[i64]) -> Value {
    let (sector, theme) = if row.kind == "mitigation" {
        (Some(&row.category_key), None)
    } else {
        (None, Some(&row.category_key))
    };
    json!({
        "code": row.code,
        "title_da": row.title_da,
        "title_en": row.title_en,
        "kind": row.kind,
        "sector": sector,
        "theme": theme,
        "capf_sector": sector.and_then(|s| capf_sector(s)),
        "owner": row.owner,
        "status": row.status,
        "start_year": row.start_year,
        "end_year": row.end_year,
        "reduction_t_per_year": row.reduction_t,
        "milestones": row.milestones,
        "milestones_done": row.milestones_done,
        "idea_ids": ideas,
        "url": format!("{}/plan/{}", state.config.public_url.trim_end_matches('/'), row.code),
    })
}

pub async fn json(State(state): State<AppState>) -> Response {
    let actions = match actions(&state).await {
        Ok(actions) => actions,
        Err(response) => return response,
    };
    let list: Vec<Value> = actions
        .iter()
        .map(|(row, ideas)| object(&state, row, ideas))
        .collect();
    with_headers(
        Json(json!({ "actions": list })).into_response(),
        "application/json",
        None,
    )
}

/// RFC 4180 with commas, as open data portals read it; formulas neutralised like every CSV.
pub async fn csv(State(state): State<AppState>) -> Response {
    let actions = match actions(&state).await {
        Ok(actions) => actions,
        Err(response) => return response,
    };
    let mut out = String::new();
    let header: Vec<Cell<'_>> = COLUMNS.iter().map(|c| Cell::Text(c)).collect();
    write_row(&mut out, &header, Separator::Comma);
    for (row, ideas) in &actions {
        let value = object(&state, row, ideas);
        let texts: Vec<String> = COLUMNS
            .iter()
            .map(|column| match &value[*column] {
                Value::Null => String::new(),
                Value::String(text) => text.clone(),
                Value::Array(ids) => ids
                    .iter()
                    .map(Value::to_string)
                    .collect::<Vec<_>>()
                    .join(" "),
                other => other.to_string(),
            })
            .collect();
        let cells: Vec<Cell<'_>> = texts.iter().map(|t| Cell::Text(t)).collect();
        write_row(&mut out, &cells, Separator::Comma);
    }
    with_headers(out.into_response(), "text/csv; charset=utf-8", None)
}
