//! A request body must keep arriving (server only). A POST that declared 1,000 bytes and
//! sent 3 once held its connection for as long as the client liked; now every body must
//! come at `Settings::body_min_rate` bytes a second on average, after a first pause as long
//! as the header timeout. A body that falls behind ends with an error where its handler
//! reads it, and the request is answered 408 (in its route's format), its connection closed.

use crate::server::response::Site;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use hyper::body::{Body as HttpBody, Frame, SizeHint};
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::{Instant, Sleep};

/// Middleware: paces the request's body, and answers 408 if it fell behind.
pub async fn pace(State(site): State<Arc<Site>>, req: Request, next: Next) -> Response {
    if req.body().is_end_stream() {
        return next.run(req).await;
    }
    let path = req.uri().path().to_string();
    let late = Arc::new(AtomicBool::new(false));
    let settings = site.settings();
    let (parts, body) = req.into_parts();
    let body = Paced {
        inner: body,
        deadline: Instant::now() + settings.header_timeout,
        per_byte: Duration::from_secs(1).div_f64(settings.body_min_rate as f64),
        timer: None,
        late: late.clone(),
    };
    let res = next.run(Request::from_parts(parts, Body::new(body))).await;
    if !late.load(Ordering::SeqCst) {
        return res;
    }
    let mut res = site.refusal(
        &path,
        StatusCode::REQUEST_TIMEOUT,
        "Request too slow",
        "The body of this request arrived too slowly. Send it again.",
    );
    res.headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    res
}

/// A body that fails once it falls behind its deadline: the first pause's end, moved on by
/// the time each byte received buys at the minimum rate.
struct Paced {
    inner: Body,
    deadline: Instant,
    per_byte: Duration,
    /// Set while the body waits for its next bytes.
    timer: Option<Pin<Box<Sleep>>>,
    /// Tells the middleware this body ran late.
    late: Arc<AtomicBool>,
}

impl HttpBody for Paced {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref() {
                    this.deadline += this.per_byte.saturating_mul(data.len() as u32);
                    this.timer = None;
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Ready(other) => Poll::Ready(other),
            Poll::Pending => {
                let deadline = this.deadline;
                let timer = this
                    .timer
                    .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(deadline)));
                if timer.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
                this.late.store(true, Ordering::SeqCst);
                Poll::Ready(Some(Err(axum::Error::new("the body arrived too slowly"))))
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::config::Settings;

    /// A body that sends `first`, then nothing more.
    fn stalled(first: &'static [u8]) -> Body {
        let chunks =
            futures_util::stream::iter([Ok::<_, std::io::Error>(Bytes::from_static(first))]);
        Body::from_stream(futures_util::StreamExt::chain(
            chunks,
            futures_util::stream::pending(),
        ))
    }

    #[test]
    fn a_body_that_stops_is_answered_408_after_its_pause() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let site = Site::new(Settings {
            header_timeout: Duration::from_millis(200),
            body_min_rate: 1024,
            ..Settings::default()
        });
        let router = axum::Router::new()
            .route(
                "/api/stack",
                axum::routing::post(|body: Bytes| async move { format!("{} bytes", body.len()) }),
            )
            .layer(axum::middleware::from_fn_with_state(site, pace));
        let send = |body: Body| {
            let req = Request::post("/api/stack").body(body).unwrap();
            rt.block_on(async {
                let started = Instant::now();
                let res = tower::ServiceExt::oneshot(router.clone(), req)
                    .await
                    .unwrap();
                (res.status(), started.elapsed(), res.headers().clone())
            })
        };
        // 3 bytes, then silence: 408 after the pause (and the 3 ms those bytes bought).
        let (status, took, headers) = send(stalled(b"abc"));
        assert_eq!(status, StatusCode::REQUEST_TIMEOUT);
        assert!(took >= Duration::from_millis(200), "{took:?}");
        assert_eq!(headers[header::CONNECTION], "close");
        assert!(headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/json"));
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        // A whole body is read as it always was.
        let (status, _, _) = send(Body::from("Mode, 4"));
        assert_eq!(status, StatusCode::OK);
    }
}
