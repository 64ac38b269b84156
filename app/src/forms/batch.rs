//! `POST /staff/ideas/batch?<the table's filter>`: one action on the ticked rows of the staff
//! table, or on every idea its filter matches. A plain axum handler because a browser sends
//! each ticked row as its own `ids=` field, which server functions' arguments cannot take.
//! Goes back to the table with what was done, the form's problem (the typed answer or reason
//! kept), or the ideas refused, each with its reason; a refusal leaves every idea as it was.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use klimadialog::batch::{BatchError, Selection, read_batch};
use klimadialog::staff::StaffRole;
use klimadialog::staff_ideas::StaffFilter;
use klimadialog::storage::{BatchFailure, now};
use klimadialog_session::who::StaffRefused;

use crate::session::{SiteCookie, secure_cookies, typed_value};
use crate::state::AppState;

/// The form's largest body: ten thousand ticked rows and the longest answers, with room.
pub const MAX_BATCH_FORM_BYTES: usize = 512 * 1024;

/// How many refused ideas the address back names; the rest are counted.
const REFUSALS_NAMED: usize = 50;

fn see_other(to: &str, cookie: Option<String>) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = HeaderValue::from_str(to) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    if let Some(cookie) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

pub async fn run_batch(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let secure = secure_cookies(&state);
    let staff =
        klimadialog_session::staff_of(&state.db, &headers, secure, StaffRole::Moderator, now());
    let member = match staff.await {
        Ok(member) => member,
        Err(StaffRefused::NotSignedIn) => {
            return see_other("/staff/login?next=/staff/ideas", None);
        }
        Err(StaffRefused::Forbidden) => return StatusCode::FORBIDDEN.into_response(),
        Err(StaffRefused::Storage(error)) => {
            tracing::warn!(%error, "checking a staff session failed");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let filter_pairs: Vec<(String, String)> = query
        .as_deref()
        .map(|q| serde_urlencoded::from_str(q).unwrap_or_default())
        .unwrap_or_default();
    let filter =
        StaffFilter::from_pairs(filter_pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let table = crate::pages::staff_ideas::table_address(&filter);
    let glue = if table.contains('?') { '&' } else { '?' };
    let back = |rest: String| format!("{table}{glue}{rest}#batch");
    let Ok(body) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body) else {
        return see_other(
            &back(format!("batch_error={}", BatchError::NoAction.as_str())),
            None,
        );
    };
    let (selection, action) = match read_batch(&body, filter) {
        Ok(read) => read,
        Err(error) => {
            // What was typed stays in the form (five minutes, this browser only).
            let typed: Vec<(&str, &str)> = body
                .iter()
                .filter(|(n, _)| matches!(n.as_str(), "answer_da" | "answer_en" | "reason"))
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect();
            let cookie = SiteCookie::Typed.set(&typed_value(&typed), secure);
            return see_other(
                &back(format!("batch_error={}", error.as_str())),
                Some(cookie),
            );
        }
    };
    match state
        .db
        .run_batch(&selection, &action, member.id, now())
        .await
    {
        Ok(Ok(done)) => {
            if done.mails_queued > 0 {
                state.mail_queued.notify_one();
            }
            see_other(
                &back(format!(
                    "batch_done={}&changed={}",
                    action.kind().as_str(),
                    done.changed
                )),
                None,
            )
        }
        Ok(Err(BatchFailure::CountChanged { now })) => {
            let confirmed = match selection {
                Selection::AllMatching { count, .. } => count,
                Selection::Ticked(_) => 0,
            };
            see_other(
                &back(format!(
                    "batch_error={}&matching={now}&confirmed={confirmed}",
                    BatchError::CountChanged.as_str()
                )),
                None,
            )
        }
        Ok(Err(BatchFailure::NoSuchTarget)) => {
            let error = match action.kind() {
                klimadialog::batch::BatchKind::Area => BatchError::Area,
                _ => BatchError::Category,
            };
            see_other(&back(format!("batch_error={}", error.as_str())), None)
        }
        Ok(Err(BatchFailure::Refused(refused))) => {
            let named: Vec<String> = refused
                .iter()
                .take(REFUSALS_NAMED)
                .map(|(id, why)| format!("{id}.{}", why.as_str()))
                .collect();
            see_other(
                &back(format!(
                    "refused={}&refused_all={}",
                    named.join(","),
                    refused.len()
                )),
                None,
            )
        }
        Err(error) => {
            tracing::error!(%error, "a batch action failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "Prøv igen om lidt. / Please try again in a moment.",
            )
                .into_response()
        }
    }
}
