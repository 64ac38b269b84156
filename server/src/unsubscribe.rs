//! The one-click stop (RFC 8058): a POST to `/afmeld/{key}`, from a mail program's "unsubscribe"
//! button (without cookies, JavaScript or a session) or from the stop page's form. The key is
//! the resident's own stop key, so the request needs nothing else; stopping twice is stopping
//! once. A browser is sent back to the page, which now says the mails stopped; a mail program
//! gets a short answer in both languages.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use klimadialog_app::state::AppState;

pub async fn stop(
    State(state): State<AppState>,
    Path(key): Path<String>,
    headers: HeaderMap,
) -> Response {
    let text = |status: StatusCode, words: &'static str| {
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            words,
        )
            .into_response()
    };
    if klimadialog::signin::SessionToken::parse(&key).is_none() {
        return text(
            StatusCode::NOT_FOUND,
            "Linket virker ikke. / This link does not work.",
        );
    }
    match state.db.stop_mails(&key).await {
        Ok(true) => {
            tracing::info!("a resident stopped their mails from a stop link");
            let browser = headers
                .get(header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|accept| accept.contains("text/html"));
            if browser {
                Redirect::to(&format!("/afmeld/{key}")).into_response()
            } else {
                text(
                    StatusCode::OK,
                    "Du får ikke flere mails om det, du følger. / You will get no more mails about what you follow.",
                )
            }
        }
        Ok(false) => text(
            StatusCode::NOT_FOUND,
            "Linket virker ikke. / This link does not work.",
        ),
        Err(error) => {
            tracing::error!(%error, "stopping mails failed");
            text(
                StatusCode::SERVICE_UNAVAILABLE,
                "Det lykkedes ikke lige nu. Prøv igen om lidt. / That did not work just now. Please try again shortly.",
            )
        }
    }
}
