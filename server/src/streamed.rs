//! Response bodies written as they are read (the staff downloads), made safe for every client.
//!
//! A body is polled by whatever sits between it and the socket, and the compression layer's
//! gzip encoder polls once more after the stream has ended, to finish its trailer. A bare
//! `futures_util::stream::unfold` panics when polled after its end; the download then stopped
//! after the headers in every browser (they all ask for gzip) while curl without gzip and the
//! tests got the whole file. Every streamed body goes through [`body`]: fused, so it keeps
//! answering "ended", and guarded, so a panic while writing it is logged and ends the download
//! with an error instead of silently killing the connection's task.

use std::panic::AssertUnwindSafe;

use axum::body::{Body, Bytes};
use futures_util::{Stream, StreamExt};

/// A streamed body that ends once, and logs (and ends on) a panic in `stream`.
pub fn body<S, T>(stream: S) -> Body
where
    S: Stream<Item = Result<T, std::io::Error>> + Send + 'static,
    T: Into<Bytes> + 'static,
{
    let guarded = AssertUnwindSafe(stream)
        .catch_unwind()
        .map(|item| match item {
            Ok(item) => item,
            Err(panic) => {
                tracing::error!(
                    panic = crate::panics::message(panic.as_ref()),
                    "a streamed response panicked; the download was cut off"
                );
                Err(std::io::Error::other("the response could not be written"))
            }
        })
        .fuse();
    Body::from_stream(guarded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    /// An `unfold` that ends after two items, as the exports' streams did.
    fn two_items() -> impl Stream<Item = Result<String, std::io::Error>> + Send {
        futures_util::stream::unfold(Some(0), |n| async move {
            let n = n?;
            Some((Ok(format!("{n}")), (n < 1).then_some(n + 1)))
        })
    }

    #[tokio::test]
    async fn a_body_polled_after_its_end_says_ended_again() {
        use http_body::Body as _;
        let mut body = body(two_items());
        let mut seen = Vec::new();
        while let Some(frame) = body.frame().await {
            seen.push(frame.unwrap().into_data().unwrap());
        }
        assert_eq!(seen, ["0", "1"]);
        // What gzip does after the end: poll again. A bare unfold panics here.
        let waker = futures_util::task::noop_waker();
        let mut context = std::task::Context::from_waker(&waker);
        for _ in 0..3 {
            let polled = std::pin::Pin::new(&mut body).poll_frame(&mut context);
            assert!(matches!(polled, std::task::Poll::Ready(None)));
        }
    }

    #[tokio::test]
    async fn a_panic_while_writing_ends_the_body_with_an_error() {
        let stream = futures_util::stream::iter([Ok::<_, std::io::Error>("a".to_owned())]).chain(
            futures_util::stream::poll_fn(|_| -> std::task::Poll<Option<Result<String, _>>> {
                panic!("writing failed")
            }),
        );
        let mut body = body(stream);
        assert_eq!(
            body.frame().await.unwrap().unwrap().into_data().unwrap(),
            "a"
        );
        assert!(body.frame().await.unwrap().is_err());
        assert!(body.frame().await.is_none(), "ended after the error");
    }
}
