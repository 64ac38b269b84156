//! A panic is a bug. It is logged once, through the site's log (so JSON logging and the journal
//! see it, with where it happened), and a request whose handling panics gets a plain 500 page in
//! both languages instead of a cut connection. Streamed bodies are guarded in `streamed.rs`.

use std::any::Any;

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

/// Sends every panic, on any thread, to the log instead of bare stderr.
pub fn log_panics() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        tracing::error!(
            panic = message(info.payload()),
            %location,
            "panic (a bug): the request or task it happened in was stopped"
        );
    }));
}

/// What a panic said, when it said it as text.
pub fn message(payload: &(dyn Any + Send)) -> &str {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text
    } else {
        "(no message)"
    }
}

/// The layer that turns a panicking request into [`answer`].
pub fn layer()
-> tower_http::catch_panic::CatchPanicLayer<fn(Box<dyn Any + Send + 'static>) -> Response> {
    tower_http::catch_panic::CatchPanicLayer::custom(answer as fn(_) -> _)
}

/// The answer to a request whose handling panicked (already logged by the hook, or by the
/// test harness in tests). Nothing of the panic is shown.
pub fn answer(_payload: Box<dyn Any + Send + 'static>) -> Response {
    let mut response = Response::new(Body::from(
        "Der skete en fejl hos os. Prøv igen om lidt. / Something went wrong on our side. Please try again in a moment.",
    ));
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::routing::get;
    use tower::ServiceExt;

    async fn panics() -> &'static str {
        panic!("a bug")
    }

    #[tokio::test]
    async fn a_panicking_handler_answers_500_with_a_sentence() {
        let app = Router::new().route("/", get(panics)).layer(super::layer());
        let request = axum::http::Request::new(axum::body::Body::empty());
        let response = app.oneshot(request).await.unwrap();
        assert_eq!(response.status(), 500);
        let body = axum::body::to_bytes(response.into_body(), 1024)
            .await
            .unwrap();
        let text = String::from_utf8(body.to_vec()).unwrap();
        assert!(text.contains("Prøv igen om lidt"), "{text}");
        assert!(!text.contains("a bug"), "nothing of the panic is shown");
    }
}
