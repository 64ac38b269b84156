//! `/staff/export/arguments.{csv,json}` and the "Indlæg" sheet of `ideas.xlsx`: every argument
//! and reply of the ideas the staff table's filter holds, in any moderation state, with its
//! idea, stance, counts and moderation. Every download is audited; the ideas are read a chunk
//! at a time and the arguments of each chunk written as they come, so memory stays flat.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use klimadialog::audit::AuditAction;
use klimadialog::staff::StaffRole;
use klimadialog::staff_ideas::StaffFilter;
use klimadialog::storage::{Db, ExportArgument};
use klimadialog::time::Timestamp;
use klimadialog_app::state::AppState;
use serde_json::json;

use crate::csv::{BOM, Cell, Separator, write_row};

/// Ideas whose arguments are read per query.
const CHUNK: i64 = 500;

pub const COLUMNS: [&str; 17] = [
    "id",
    "idea_id",
    "reply_to",
    "stance",
    "text",
    "author",
    "author_name",
    "department",
    "language",
    "moderation_state",
    "moderation_rule",
    "helpful",
    "replies",
    "open_reports",
    "created_at",
    "edited_at",
    "deleted_at",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
}

pub async fn csv(state: State<AppState>, headers: HeaderMap, query: RawQuery) -> Response {
    export(state, headers, query, Format::Csv).await
}

pub async fn json(state: State<AppState>, headers: HeaderMap, query: RawQuery) -> Response {
    export(state, headers, query, Format::Json).await
}

async fn export(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    format: Format,
) -> Response {
    let pairs: Vec<(String, String)> = query
        .as_deref()
        .map(|q| serde_urlencoded::from_str(q).unwrap_or_default())
        .unwrap_or_default();
    let member =
        match crate::staff_export::staff_for_download(&state, &headers, StaffRole::Moderator).await
        {
            Ok(member) => member,
            Err(refusal) => return refusal,
        };
    let (filter, described) = crate::staff_export::download_filter(&pairs);
    let (action, name, content_type) = match format {
        Format::Csv => (
            AuditAction::ExportArgumentsCsv,
            "csv",
            "text/csv; charset=utf-8",
        ),
        Format::Json => (AuditAction::ExportArgumentsJson, "json", "application/json"),
    };
    let audit = json!({ "format": name, "filter": described });
    if let Err(refusal) =
        crate::staff_export::audit_download(&state, member.id, action, audit).await
    {
        return refusal;
    }
    let separator = crate::idea_export::csv_separator(&pairs);
    let body = crate::streamed::body(text_stream(state.db.clone(), filter, format, separator));
    crate::staff_export::as_download(
        body.into_response(),
        content_type,
        &format!("klimadialog-arguments.{name}"),
    )
}

/// The next chunk of ideas' arguments after idea `after`: the arguments, and the last idea
/// read (`None` when there were no more ideas).
pub(crate) async fn next_chunk(
    db: &Db,
    filter: &StaffFilter,
    after: i64,
) -> Result<(Vec<ExportArgument>, Option<i64>), klimadialog::storage::StorageError> {
    let ideas = db.export_idea_ids(filter, after, CHUNK).await?;
    let Some(last) = ideas.last().copied() else {
        return Ok((Vec::new(), None));
    };
    Ok((db.export_arguments(&ideas).await?, Some(last)))
}

fn text_stream(
    db: Db,
    filter: StaffFilter,
    format: Format,
    separator: Separator,
) -> impl futures_util::Stream<Item = Result<String, std::io::Error>> {
    // (the last idea read, whether anything was written yet, whether the opening is due);
    // None once done.
    futures_util::stream::unfold(Some((0_i64, false, true)), move |progress| {
        let (db, filter) = (db.clone(), filter.clone());
        async move {
            let (after, mut wrote, opening_due) = progress?;
            let mut out = String::new();
            if opening_due {
                match format {
                    Format::Csv => {
                        out.push_str(BOM);
                        let header: Vec<Cell<'_>> = COLUMNS.iter().map(|c| Cell::Text(c)).collect();
                        write_row(&mut out, &header, separator);
                    }
                    Format::Json => out.push_str("[\n"),
                }
            }
            let (arguments, last) = match next_chunk(&db, &filter, after).await {
                Ok(chunk) => chunk,
                Err(error) => {
                    tracing::error!(%error, "argument export failed midway");
                    return Some((Err(std::io::Error::other("storage")), None));
                }
            };
            let Some(last) = last else {
                if format == Format::Json {
                    out.push_str("]\n");
                }
                return Some((Ok(out), None));
            };
            for argument in &arguments {
                match format {
                    Format::Csv => csv_row(&mut out, argument, separator),
                    Format::Json => {
                        if wrote {
                            out.push(',');
                        }
                        out.push_str(&json_object(argument).to_string());
                        out.push('\n');
                    }
                }
                wrote = true;
            }
            Some((Ok(out), Some((last, wrote, false))))
        }
    })
}

fn time(at: Option<i64>) -> Option<String> {
    at.map(|at| Timestamp(at).rfc3339_utc())
}

fn csv_row(out: &mut String, a: &ExportArgument, separator: Separator) {
    fn text(s: &Option<String>) -> Cell<'_> {
        s.as_deref().map_or(Cell::Empty, Cell::Text)
    }
    let (created, edited, deleted) = (
        time(Some(a.created_at)),
        time(a.edited_at),
        time(a.deleted_at),
    );
    let cells = [
        Cell::Number(a.id),
        Cell::Number(a.idea_id),
        a.reply_to.map_or(Cell::Empty, Cell::Number),
        text(&a.stance),
        Cell::Text(&a.text),
        Cell::Text(&a.author),
        text(&a.author_name),
        text(&a.department),
        Cell::Text(&a.language),
        Cell::Text(&a.moderation_state),
        text(&a.moderation_rule),
        Cell::Number(a.helpful),
        Cell::Number(a.replies),
        Cell::Number(a.open_reports),
        text(&created),
        text(&edited),
        text(&deleted),
    ];
    write_row(out, &cells, separator);
}

fn json_object(a: &ExportArgument) -> serde_json::Value {
    let mut value = serde_json::to_value(a).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        for (key, at) in [
            ("created_at", Some(a.created_at)),
            ("edited_at", a.edited_at),
            ("deleted_at", a.deleted_at),
        ] {
            object.insert(key.into(), json!(time(at)));
        }
    }
    value
}

/// The arguments sheet of the ideas workbook, written after the ideas sheet (constant-memory
/// sheets are written in order).
pub(crate) async fn write_sheet(
    workbook: &mut rust_xlsxwriter::Workbook,
    db: &Db,
    filter: &StaffFilter,
) -> Result<(), String> {
    use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat};

    let bold = CellFormat::new().set_bold();
    let date = CellFormat::new().set_num_format("yyyy-mm-dd hh:mm");
    let sheet = workbook.add_worksheet_with_constant_memory();
    sheet.set_name("Indlæg").map_err(|e| e.to_string())?;
    for (col, name) in COLUMNS.iter().enumerate() {
        sheet
            .write_string_with_format(0, col as u16, *name, &bold)
            .map_err(|e| e.to_string())?;
    }
    sheet.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    let put = |r: Result<&mut rust_xlsxwriter::Worksheet, rust_xlsxwriter::XlsxError>| {
        r.map(|_| ()).map_err(|e| e.to_string())
    };
    let mut row: u32 = 1;
    let mut after = 0;
    loop {
        let (arguments, last) = next_chunk(db, filter, after)
            .await
            .map_err(|e| e.to_string())?;
        let Some(last) = last else { break };
        for a in &arguments {
            let strings: [(u16, Option<&str>); 8] = [
                (3, a.stance.as_deref()),
                (4, Some(&a.text)),
                (5, Some(&a.author)),
                (6, a.author_name.as_deref()),
                (7, a.department.as_deref()),
                (8, Some(&a.language)),
                (9, Some(&a.moderation_state)),
                (10, a.moderation_rule.as_deref()),
            ];
            put(sheet.write_number(row, 0, a.id as f64))?;
            put(sheet.write_number(row, 1, a.idea_id as f64))?;
            if let Some(parent) = a.reply_to {
                put(sheet.write_number(row, 2, parent as f64))?;
            }
            for (col, value) in strings {
                if let Some(value) = value.filter(|v| !v.is_empty()) {
                    put(sheet.write_string(row, col, value))?;
                }
            }
            for (col, n) in [(11, a.helpful), (12, a.replies), (13, a.open_reports)] {
                put(sheet.write_number(row, col, n as f64))?;
            }
            for (col, at) in [
                (14, Some(a.created_at)),
                (15, a.edited_at),
                (16, a.deleted_at),
            ] {
                if let Some(at) = at {
                    let when = ExcelDateTime::from_timestamp(at).map_err(|e| e.to_string())?;
                    put(sheet.write_datetime_with_format(row, col, &when, &date))?;
                }
            }
            row += 1;
        }
        after = last;
    }
    Ok(())
}
