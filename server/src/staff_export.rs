//! Staff downloads outside the Leptos pages: `/staff/audit.csv`. The role is checked here as in
//! every staff server function, and each download is itself recorded in the audit log.

use crate::csv::{BOM, Cell, Separator, write_row};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use klimadialog::staff::StaffRole;
use klimadialog::storage::AuditEntry;
use klimadialog_app::server_fns::audit::AuditQuery;
use klimadialog_app::state::AppState;
use klimadialog_session::StaffRefused;

/// Entries read per query while writing the CSV, so memory stays flat however long the log.
const CHUNK: i64 = 1000;

pub async fn audit_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let member = match staff_for_download(&state, &headers, StaffRole::Admin).await {
        Ok(member) => member,
        Err(refusal) => return refusal,
    };
    let pairs: Vec<(String, String)> = query
        .as_deref()
        .map(|q| serde_urlencoded::from_str(q).unwrap_or_default())
        .unwrap_or_default();
    let query = AuditQuery::parse(query.as_deref().unwrap_or(""));
    let separator = crate::idea_export::csv_separator(&pairs);
    let filter = query.filter();
    if let Err(refusal) = audit_download(
        &state,
        member.id,
        klimadialog::audit::AuditAction::ExportAuditCsv,
        serde_json::json!({ "filter": query.to_query() }),
    )
    .await
    {
        return refusal;
    }
    let db = state.db.clone();
    // Chunks of the log, newest first, each a page keyed by the last id of the one before.
    let stream = futures_util::stream::unfold(Some((None::<i64>, true)), move |cursor| {
        let db = db.clone();
        let filter = filter.clone();
        async move {
            let (before, first) = cursor?;
            let mut out = String::new();
            if first {
                out.push_str(BOM);
                write_row(
                    &mut out,
                    &[
                        "id",
                        "time_utc",
                        "staff",
                        "action",
                        "object_type",
                        "object_id",
                        "before",
                        "after",
                    ]
                    .map(Cell::Text),
                    separator,
                );
            }
            let entries = match db.audit_log(&filter, before, CHUNK).await {
                Ok(entries) => entries,
                Err(error) => {
                    tracing::error!(%error, "audit export failed midway");
                    return Some((Err(std::io::Error::other("storage")), None));
                }
            };
            let next =
                (entries.len() as i64 == CHUNK).then(|| (entries.last().map(|e| e.id), false));
            for entry in &entries {
                write_entry(&mut out, entry, separator);
            }
            Some((Ok::<_, std::io::Error>(out), next))
        }
    });
    as_download(
        crate::streamed::body(stream).into_response(),
        "text/csv; charset=utf-8",
        "klimadialog-audit.csv",
    )
}

fn write_entry(out: &mut String, entry: &AuditEntry, separator: Separator) {
    let time = klimadialog::time::Timestamp(entry.created_at).rfc3339_utc();
    write_row(
        out,
        &[
            Cell::Number(entry.id),
            Cell::Text(&time),
            entry
                .staff
                .as_deref()
                .map_or(Cell::Text("system"), Cell::Text),
            Cell::Text(&entry.action),
            Cell::Text(&entry.object_type),
            entry.object_id.map_or(Cell::Empty, Cell::Number),
            entry.before_json.as_deref().map_or(Cell::Empty, Cell::Text),
            entry.after_json.as_deref().map_or(Cell::Empty, Cell::Text),
        ],
        separator,
    );
}

/// 401 or 403 with a sentence in both languages (a download has no page to show it on).
/// The staff member a download is for, if their role allows `needed`; else the answer that
/// says why, in both languages.
pub(crate) async fn staff_for_download(
    state: &AppState,
    headers: &HeaderMap,
    needed: StaffRole,
) -> Result<klimadialog::staff::StaffMember, Response> {
    let secure = state.config.secure_cookies();
    let now = klimadialog::storage::now();
    klimadialog_session::staff_of(&state.db, headers, secure, needed, now)
        .await
        .map_err(|refusal| refused(&refusal))
}

fn refused(refusal: &StaffRefused) -> Response {
    let (status, text) = match refusal {
        StaffRefused::NotSignedIn => (
            StatusCode::UNAUTHORIZED,
            "Log ind som medarbejder for at hente filen. / Sign in as staff to download the file.",
        ),
        StaffRefused::Forbidden => (
            StatusCode::FORBIDDEN,
            "Din rolle giver ikke adgang til filen. / Your role does not give access to the file.",
        ),
        StaffRefused::Storage(error) => {
            tracing::warn!(%error, "checking a staff session failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "Prøv igen om lidt. / Try again shortly.",
            )
        }
    };
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text,
    )
        .into_response()
}

/// Records a download in the audit log before a byte of it is sent; when that fails, the
/// answer to send instead (no unrecorded export leaves the site).
pub(crate) async fn audit_download(
    state: &AppState,
    staff: i64,
    action: klimadialog::audit::AuditAction,
    audit: serde_json::Value,
) -> Result<(), Response> {
    state
        .db
        .record_export(staff, action, audit, klimadialog::storage::now())
        .await
        .map_err(|error| {
            tracing::error!(%error, "recording an export failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        })
}

/// A streamed body as a download: its type, the file name browsers save it under, and never
/// kept by a cache on the way.
pub(crate) fn as_download(
    mut response: Response,
    content_type: &'static str,
    file_name: &str,
) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The rows a download of the staff table holds (its filter without paging), and the filter as
/// the audit entry records it.
pub(crate) fn download_filter(
    pairs: &[(String, String)],
) -> (klimadialog::staff_ideas::StaffFilter, String) {
    let filter = klimadialog::staff_ideas::StaffFilter::from_pairs(
        pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())),
    )
    .rows_only();
    let described: Vec<String> = filter
        .pairs()
        .into_iter()
        .map(|(n, v)| format!("{n}={v}"))
        .collect();
    (filter, described.join("&"))
}
