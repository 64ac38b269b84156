//! `/staff/export/actions.{csv,xlsx}`: the climate plan's actions in the columns the import
//! reads (`plan_import::Column`, Danish headers), so staff can download the plan, edit it in
//! Excel or LibreOffice and load it again with only their edits as changes. Audited like every
//! staff download. A plan has tens or hundreds of actions: one answer holds them all.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use klimadialog::audit::AuditAction;
use klimadialog::plan::ActionFields;
use klimadialog::plan_import::Column;
use klimadialog::staff::StaffRole;
use klimadialog_app::state::AppState;

use crate::csv::{Cell, Separator};
use crate::staff_export::{as_download, audit_download, staff_for_download};

pub async fn csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let pairs: Vec<(String, String)> = query
        .as_deref()
        .map(|q| serde_urlencoded::from_str(q).unwrap_or_default())
        .unwrap_or_default();
    let separator = crate::idea_export::csv_separator(&pairs);
    let actions = match read(&state, &headers, AuditAction::ExportActionsCsv).await {
        Ok(actions) => actions,
        Err(refusal) => return refusal,
    };
    let header: Vec<&str> = Column::ALL.iter().map(|c| c.as_str()).collect();
    let texts: Vec<Vec<String>> = actions
        .iter()
        .map(|fields| {
            Column::ALL
                .iter()
                .map(|c| match c {
                    // Danish Excel reads "1250.5" as text or a date: with its separator, the
                    // decimal comma it expects (the import reads both).
                    Column::Reduction if separator == Separator::Semicolon => {
                        c.of(fields).replace('.', ",")
                    }
                    _ => c.of(fields).to_owned(),
                })
                .collect()
        })
        .collect();
    let rows = texts
        .iter()
        .map(|row| row.iter().map(|t| Cell::Text(t)).collect::<Vec<_>>());
    let body = crate::csv::document(&header, rows, separator);
    as_download(
        body.into_response(),
        "text/csv; charset=utf-8",
        "klimaplan-indsatser.csv",
    )
}

pub async fn xlsx(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let actions = match read(&state, &headers, AuditAction::ExportActionsXlsx).await {
        Ok(actions) => actions,
        Err(refusal) => return refusal,
    };
    match tokio::task::spawn_blocking(move || workbook(&actions)).await {
        Ok(Ok(bytes)) => as_download(
            bytes.into_response(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "klimaplan-indsatser.xlsx",
        ),
        Ok(Err(error)) => {
            tracing::error!(%error, "writing the plan's workbook failed");
            axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(_) => axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// The actions for a staff member allowed to download them, the download audited first.
async fn read(
    state: &AppState,
    headers: &HeaderMap,
    action: AuditAction,
) -> Result<Vec<ActionFields>, Response> {
    let member = staff_for_download(state, headers, StaffRole::Moderator).await?;
    let rows = state.db.plan_actions().await.map_err(|error| {
        tracing::error!(%error, "reading the plan failed");
        axum::http::StatusCode::SERVICE_UNAVAILABLE.into_response()
    })?;
    audit_download(
        state,
        member.id,
        action,
        serde_json::json!({ "actions": rows.len() }),
    )
    .await?;
    Ok(rows.iter().map(ActionFields::of_row).collect())
}

/// One sheet, "Indsatser": bold headers, years and tonnes as numbers, the rest as text.
fn workbook(actions: &[ActionFields]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};

    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Indsatser")?;
    for (col, column) in Column::ALL.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, column.as_str(), &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (row, fields) in actions.iter().enumerate() {
        let row = row as u32 + 1;
        for (col, column) in Column::ALL.iter().enumerate() {
            let value = column.of(fields);
            let number = matches!(
                column,
                Column::StartYear | Column::EndYear | Column::Reduction
            )
            .then(|| value.parse::<f64>().ok())
            .flatten();
            match number {
                Some(n) => sheet.write_number(row, col as u16, n)?,
                None if value.is_empty() => continue,
                None => sheet.write_string(row, col as u16, value)?,
            };
        }
    }
    workbook.save_to_buffer()
}
