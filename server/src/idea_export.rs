//! `/staff/export/ideas.{csv,xlsx,geojson,json}`: ideas with the filters of `/ideas`, in every
//! moderation state, with what staff need (the XLSX with a second sheet of their arguments). Residents' e-mails only when an admin adds
//! `contact=1`; every download is audited. Read in chunks by id and written as it goes (XLSX
//! through rust_xlsxwriter's constant-memory mode into a temporary file), so memory stays flat
//! however many ideas there are.

use crate::csv::{BOM, Cell, Separator, write_row};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use klimadialog::staff::StaffRole;
use klimadialog::staff_ideas::StaffFilter;
use klimadialog::storage::ExportIdea;
use klimadialog::time::Timestamp;
use klimadialog_app::state::AppState;
use serde_json::json;

/// Ideas read per query.
const CHUNK: i64 = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    GeoJson,
    Json,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::GeoJson => "geojson",
            Format::Json => "json",
        }
    }

    fn audit_action(self) -> klimadialog::audit::AuditAction {
        use klimadialog::audit::AuditAction;
        match self {
            Format::Csv => AuditAction::ExportIdeasCsv,
            Format::Xlsx => AuditAction::ExportIdeasXlsx,
            Format::GeoJson => AuditAction::ExportIdeasGeoJson,
            Format::Json => AuditAction::ExportIdeasJson,
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::GeoJson => "application/geo+json",
            Format::Json => "application/json",
        }
    }
}

/// `/staff/export/ideas?format=…`: the form's way of choosing a format.
pub async fn by_format(state: State<AppState>, headers: HeaderMap, query: RawQuery) -> Response {
    let format = query.0.as_deref().and_then(|q| {
        serde_urlencoded::from_str::<Vec<(String, String)>>(q)
            .ok()?
            .into_iter()
            .find(|(n, _)| n == "format")
            .map(|(_, v)| v)
    });
    let format = match format.as_deref() {
        Some("csv") => Format::Csv,
        Some("xlsx") => Format::Xlsx,
        Some("geojson") => Format::GeoJson,
        Some("json") => Format::Json,
        _ => {
            return (
                StatusCode::BAD_REQUEST,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "Vælg et format. / Choose a format.",
            )
                .into_response();
        }
    };
    export(state, headers, query, format).await
}

pub async fn csv(state: State<AppState>, headers: HeaderMap, query: RawQuery) -> Response {
    export(state, headers, query, Format::Csv).await
}
pub async fn xlsx(state: State<AppState>, headers: HeaderMap, query: RawQuery) -> Response {
    export(state, headers, query, Format::Xlsx).await
}
pub async fn geojson(state: State<AppState>, headers: HeaderMap, query: RawQuery) -> Response {
    export(state, headers, query, Format::GeoJson).await
}
pub async fn json(state: State<AppState>, headers: HeaderMap, query: RawQuery) -> Response {
    export(state, headers, query, Format::Json).await
}

const COLUMNS: [&str; 24] = [
    "id",
    "title",
    "description",
    "kind",
    "sector",
    "theme",
    "category",
    "area",
    "area_name",
    "moderation_state",
    "moderation_reason",
    "status",
    "supports",
    "open_reports",
    "created_at",
    "updated_at",
    "lat",
    "lon",
    "exact_point",
    "author_name",
    "staff_note",
    "arguments_for",
    "arguments_against",
    "questions",
];

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
    let with_contact = pairs.iter().any(|(n, v)| n == "contact" && v == "1");
    let separator = csv_separator(&pairs);
    // Contact details are for admins only; the rest of an export for every staff member.
    let needed = if with_contact {
        StaffRole::Admin
    } else {
        StaffRole::Moderator
    };
    let member = match crate::staff_export::staff_for_download(&state, &headers, needed).await {
        Ok(member) => member,
        Err(refusal) => return refusal,
    };
    // The staff table's filter (a superset of `/ideas`'s): a download holds its rows.
    let (filter, described) = crate::staff_export::download_filter(&pairs);
    let audit =
        json!({ "format": format.name(), "filter": described, "include_contact": with_contact });
    let action = format.audit_action();
    if let Err(refusal) =
        crate::staff_export::audit_download(&state, member.id, action, audit).await
    {
        return refusal;
    }
    let body = match format {
        Format::Xlsx => match xlsx_file(&state, &filter, with_contact).await {
            Ok(file) => crate::streamed::body(file_stream(file)),
            Err(error) => {
                tracing::error!(%error, "XLSX export failed");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        },
        _ => crate::streamed::body(text_stream(
            state.db.clone(),
            filter,
            with_contact,
            format,
            separator,
        )),
    };
    crate::staff_export::as_download(
        body.into_response(),
        format.content_type(),
        &format!("klimadialog-ideas.{}", format.name()),
    )
}

/// The CSV separator a download asks for (`separator=comma`); `;` for Danish Excel otherwise.
pub(crate) fn csv_separator(pairs: &[(String, String)]) -> Separator {
    pairs
        .iter()
        .find(|(n, _)| n == "separator")
        .and_then(|(_, v)| Separator::parse(v))
        .unwrap_or_default()
}

/// CSV, JSON or GeoJSON, a chunk of ideas at a time.
fn text_stream(
    db: klimadialog::storage::Db,
    filter: StaffFilter,
    with_contact: bool,
    format: Format,
    separator: Separator,
) -> impl futures_util::Stream<Item = Result<String, std::io::Error>> {
    let chunks = read_ahead(db, filter, with_contact);
    // (the chunks, whether anything was written yet, whether the opening is still due); None
    // once done.
    futures_util::stream::unfold(Some((chunks, false, true)), move |state| async move {
        let (mut chunks, started, opening_due) = state?;
        let mut out = String::new();
        if opening_due {
            out.push_str(&opening(format, with_contact, separator));
        }
        let ideas = match chunks.recv().await {
            Some(Ok(ideas)) => ideas,
            Some(Err(())) => return Some((Err(std::io::Error::other("storage")), None)),
            None => {
                out.push_str(closing(format));
                return Some((Ok(out), None));
            }
        };
        let mut wrote = started;
        for idea in &ideas {
            match format {
                Format::Csv => csv_row(&mut out, idea, with_contact, separator),
                Format::Json | Format::GeoJson => {
                    if wrote {
                        out.push(',');
                    }
                    let value = if format == Format::Json {
                        json_object(idea)
                    } else {
                        feature(idea)
                    };
                    out.push_str(&value.to_string());
                    out.push('\n');
                }
                Format::Xlsx => {}
            }
            wrote = true;
        }
        Some((Ok(out), Some((chunks, wrote, false))))
    })
}

/// Reads the ideas chunk by chunk in a task of its own, one chunk ahead of the writer, so the
/// database works on the next chunk while the last one is formatted and sent. The channel ends
/// after the last chunk, or after an error (which is logged).
fn read_ahead(
    db: klimadialog::storage::Db,
    filter: StaffFilter,
    with_contact: bool,
) -> tokio::sync::mpsc::Receiver<Result<Vec<klimadialog::storage::ExportIdea>, ()>> {
    let (send, receive) = tokio::sync::mpsc::channel(2);
    tokio::spawn(async move {
        let mut after = 0;
        loop {
            let chunk = match db.export_ideas(&filter, after, CHUNK, with_contact).await {
                Ok(chunk) => chunk,
                Err(error) => {
                    tracing::error!(%error, "export failed midway");
                    let _ = send.send(Err(())).await;
                    return;
                }
            };
            let last = chunk.last().map(|idea| idea.columns.id);
            let more = chunk.len() as i64 == CHUNK;
            if chunk.is_empty() || send.send(Ok(chunk)).await.is_err() || !more {
                return;
            }
            after = last.unwrap_or(after);
        }
    });
    receive
}

fn opening(format: Format, with_contact: bool, separator: Separator) -> String {
    match format {
        Format::Csv => {
            let mut out = String::from(BOM);
            let mut header: Vec<Cell<'_>> = COLUMNS.iter().map(|c| Cell::Text(c)).collect();
            if with_contact {
                header.push(Cell::Text("author_email"));
            }
            write_row(&mut out, &header, separator);
            out
        }
        Format::Json => "[\n".to_owned(),
        Format::GeoJson => "{\"type\":\"FeatureCollection\",\"features\":[\n".to_owned(),
        Format::Xlsx => String::new(),
    }
}

fn closing(format: Format) -> &'static str {
    match format {
        Format::Json => "]\n",
        Format::GeoJson => "]}\n",
        _ => "",
    }
}

fn csv_row(out: &mut String, idea: &ExportIdea, with_contact: bool, separator: Separator) {
    fn text(s: &Option<String>) -> Cell<'_> {
        s.as_deref().map_or(Cell::Empty, Cell::Text)
    }
    let created = Timestamp(idea.created_at).rfc3339_utc();
    let updated = Timestamp(idea.updated_at).rfc3339_utc();
    let (lat, lon) = (format!("{:.6}", idea.lat), format!("{:.6}", idea.lon));
    let mut cells = vec![
        Cell::Number(idea.columns.id),
        Cell::Text(&idea.columns.title),
        Cell::Text(&idea.columns.description),
        Cell::Text(idea.columns.kind.as_str()),
        text(&idea.columns.sector),
        text(&idea.columns.theme),
        Cell::Text(&idea.category_name),
        Cell::Text(&idea.area),
        Cell::Text(&idea.area_name),
        Cell::Text(idea.moderation_state.as_str()),
        text(&idea.moderation_reason),
        Cell::Text(idea.columns.status.as_str()),
        Cell::Number(idea.supports),
        Cell::Number(idea.open_reports),
        Cell::Text(&created),
        Cell::Text(&updated),
        Cell::Text(&lat),
        Cell::Text(&lon),
        Cell::Text(if idea.exact_point { "true" } else { "false" }),
        text(&idea.author_name),
        text(&idea.staff_note),
        Cell::Number(idea.arguments_for),
        Cell::Number(idea.arguments_against),
        Cell::Number(idea.questions),
    ];
    if with_contact {
        cells.push(text(&idea.author_email));
    }
    write_row(out, &cells, separator);
}

fn json_object(idea: &ExportIdea) -> serde_json::Value {
    let mut value = serde_json::to_value(idea).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "created_at".into(),
            json!(Timestamp(idea.created_at).rfc3339_utc()),
        );
        object.insert(
            "updated_at".into(),
            json!(Timestamp(idea.updated_at).rfc3339_utc()),
        );
        if idea.author_email.is_none() {
            object.remove("author_email");
        }
    }
    value
}

/// An RFC 7946 Feature: the point, and every other field as a property.
fn feature(idea: &ExportIdea) -> serde_json::Value {
    let mut properties = json_object(idea);
    if let Some(object) = properties.as_object_mut() {
        object.remove("lat");
        object.remove("lon");
    }
    json!({
        "type": "Feature",
        "id": idea.columns.id,
        "geometry": { "type": "Point", "coordinates": [round6(idea.lon), round6(idea.lat)] },
        "properties": properties,
    })
}

/// Six decimals are about 10 cm: more would only suggest a precision nobody measured.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Writes the XLSX into a temporary file, a chunk of ideas at a time, and returns the file.
async fn xlsx_file(
    state: &AppState,
    filter: &StaffFilter,
    with_contact: bool,
) -> Result<tokio::fs::File, String> {
    use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook};

    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mut workbook = Workbook::new();
    workbook
        .set_tempdir(dir.path())
        .map_err(|e| e.to_string())?;
    let bold = CellFormat::new().set_bold();
    let date = CellFormat::new().set_num_format("yyyy-mm-dd hh:mm");
    let sheet = workbook.add_worksheet_with_constant_memory();
    sheet.set_name("Idéer").map_err(|e| e.to_string())?;
    let mut columns: Vec<&str> = COLUMNS.to_vec();
    if with_contact {
        columns.push("author_email");
    }
    for (col, name) in columns.iter().enumerate() {
        sheet
            .write_string_with_format(0, col as u16, *name, &bold)
            .map_err(|e| e.to_string())?;
    }
    sheet.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    let mut row: u32 = 1;
    let mut after = 0;
    loop {
        let ideas = state
            .db
            .export_ideas(filter, after, CHUNK, with_contact)
            .await
            .map_err(|e| e.to_string())?;
        for idea in &ideas {
            let put = |r: Result<&mut rust_xlsxwriter::Worksheet, rust_xlsxwriter::XlsxError>| {
                r.map(|_| ()).map_err(|e| e.to_string())
            };
            let text = |s: &Option<String>| s.clone().unwrap_or_default();
            let strings: [(u16, String); 13] = [
                (1, idea.columns.title.clone()),
                (2, idea.columns.description.clone()),
                (3, idea.columns.kind.as_str().to_owned()),
                (4, text(&idea.columns.sector)),
                (5, text(&idea.columns.theme)),
                (6, idea.category_name.clone()),
                (7, idea.area.clone()),
                (8, idea.area_name.clone()),
                (9, idea.moderation_state.as_str().to_owned()),
                (10, text(&idea.moderation_reason)),
                (11, idea.columns.status.as_str().to_owned()),
                (19, text(&idea.author_name)),
                (20, text(&idea.staff_note)),
            ];
            put(sheet.write_number(row, 0, idea.columns.id as f64))?;
            for (col, value) in strings {
                if !value.is_empty() {
                    put(sheet.write_string(row, col, value))?;
                }
            }
            put(sheet.write_number(row, 12, idea.supports as f64))?;
            put(sheet.write_number(row, 13, idea.open_reports as f64))?;
            for (col, at) in [(14, idea.created_at), (15, idea.updated_at)] {
                let when = ExcelDateTime::from_timestamp(at).map_err(|e| e.to_string())?;
                put(sheet.write_datetime_with_format(row, col, &when, &date))?;
            }
            put(sheet.write_number(row, 16, round6(idea.lat)))?;
            put(sheet.write_number(row, 17, round6(idea.lon)))?;
            put(sheet.write_boolean(row, 18, idea.exact_point))?;
            for (col, n) in [
                (21, idea.arguments_for),
                (22, idea.arguments_against),
                (23, idea.questions),
            ] {
                put(sheet.write_number(row, col, n as f64))?;
            }
            if let Some(email) = &idea.author_email {
                put(sheet.write_string(row, 24, email))?;
            }
            row += 1;
        }
        match ideas.last() {
            Some(last) if ideas.len() as i64 == CHUNK => after = last.columns.id,
            _ => break,
        }
    }
    // The second sheet: the arguments of the same ideas.
    crate::argument_export::write_sheet(&mut workbook, &state.db, filter).await?;
    let path = dir.path().join("ideas.xlsx");
    let saved = path.clone();
    // Zipping is CPU work; it runs on the blocking pool.
    tokio::task::spawn_blocking(move || workbook.save(&saved).map_err(|e| e.to_string()))
        .await
        .map_err(|e| e.to_string())??;
    let file = tokio::fs::File::open(&path)
        .await
        .map_err(|e| e.to_string())?;
    // The open file stays readable after its directory entry is gone (on Linux).
    drop(dir);
    Ok(file)
}

/// A file as a stream of chunks.
fn file_stream(
    file: tokio::fs::File,
) -> impl futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> {
    use tokio::io::AsyncReadExt;
    futures_util::stream::unfold(Some(file), |file| async move {
        let mut file = file?;
        let mut buffer = vec![0u8; 64 * 1024];
        match file.read(&mut buffer).await {
            Ok(0) => None,
            Ok(n) => {
                buffer.truncate(n);
                Some((Ok(buffer), Some(file)))
            }
            Err(error) => Some((Err(error), None)),
        }
    })
}
