//! Accepting connections and serving HTTP/1.1 on them (server only): what `axum::serve` did,
//! with the limits it does not let us set.
//!
//! - **Header timeout** (`Settings::header_timeout`): hyper closes a connection whose next
//!   request's headers have not all arrived in time, counted from when it opens or its
//!   previous answer ends; so it also closes a kept-alive connection left idle. Half-sent
//!   headers, a connection that sends nothing and an idle one once stayed open for good.
//! - **Header limits**: hyper's own (how many headers, how large its buffer) are set above
//!   the app's (`guard::MAX_HEADERS`, `guard::MAX_HEADER_BYTES`), so the app answers 431 in
//!   the route's format; what hyper still refuses itself (a target of 64 KiB or more, which
//!   no URI type holds, a head over its buffer, a request line it cannot read) it answered
//!   with an empty 400, 414 or 431. [`Refusing`] writes our refusal in its place.
//! - **Graceful shutdown**: when `shutdown` ends, no new connection is accepted, each open
//!   one finishes its request in flight and closes, and `serve` returns once all have.
//!
//! Bodies are paced by the router itself (`pace`), so every way of serving it paces them.

use crate::server::refusing::Refusing;
use crate::server::App;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::io;
use std::time::Duration;
use tokio::net::TcpListener;

/// hyper's header count limit: above the app's, so the app answers.
const HYPER_MAX_HEADERS: usize = 4 * crate::server::guard::MAX_HEADERS;

/// hyper's read buffer, which bounds a request's head: above the app's largest (a 16 KiB
/// stack address and 32 KiB of headers), below hyper's default of about 400 KiB, since every
/// open connection may fill it.
const HYPER_MAX_BUF: usize = 256 * 1024;

/// Serves `app` on `listener` until `shutdown` ends, then drains (see the module doc).
pub async fn serve(
    listener: TcpListener,
    app: App,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(app.site.settings().header_timeout)
        .max_headers(HYPER_MAX_HEADERS)
        .max_buf_size(HYPER_MAX_BUF);
    let service = TowerToHyperService::new(app.router);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    pause_after(&e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let io = TokioIo::new(Refusing::new(stream, app.site.clone()));
        let connection = graceful.watch(http.serve_connection(io, service.clone()));
        // A connection that fails (a reset, a timeout, a head hyper refused) ends alone.
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// After a failed accept: errors of one connection (reset before it was taken) pass at
/// once; running out of file descriptors waits a second for some to close, as axum does.
async fn pause_after(e: &io::Error) {
    use io::ErrorKind::*;
    if !matches!(
        e.kind(),
        ConnectionRefused | ConnectionAborted | ConnectionReset
    ) {
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
