//! Requests whose work grows with their input run on a pool of their own (server only), so
//! pages, probes and cached answers keep answering while it is busy.
//!
//! Drawing a card (about 12 ms of one core) and reading a large stack (a 500-app address, a
//! pasted list of 5,000 lines) are CPU work. On the async workers, two such requests once
//! held `/healthz` for 4.3 s. Here the response layer sends each cache miss of such an
//! address ([`is_heavy`]) to [`Pool`]: its own threads, one per core, behind a bounded
//! queue; when the queue is full the answer is 503 with `Retry-After` at once, so a burst
//! waits in a few bytes per request instead of piling up work.

use crate::domain::routes::{self, Answer};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, Method};
use axum::response::Response;
use std::future::Future;
use std::sync::{Arc, OnceLock};
use tokio::sync::Semaphore;

/// A stack address up to this long (about 60 apps) is read in well under a millisecond on
/// the async workers; a longer one, or a posted form or list, goes to the pool.
pub const LIGHT_STACK_TARGET: usize = 1024;

/// The largest body read before a heavy POST enters the pool: the stack form's own cap.
/// Bodies are read first so a slow sender holds a connection, never a place in the queue.
pub const MAX_HEAVY_BODY: usize = crate::server::stack_form::MAX_BODY_BYTES;

/// Requests waiting per thread of the pool before more are turned away: at about 12 ms a
/// card, a full queue is drawn in under a quarter of a second.
pub const QUEUE_PER_THREAD: usize = 16;

/// Whether a request that missed the cache should run on the pool: every card drawn, and a
/// stack read from a long address or a posted body.
pub fn is_heavy(req: &Request) -> bool {
    let uri = req.uri();
    let path = uri.path();
    if routes::answer(path) == Answer::Card {
        return true;
    }
    let target = uri
        .path_and_query()
        .map_or(path.len(), |pq| pq.as_str().len());
    routes::long_address(path) && (req.method() == Method::POST || target > LIGHT_STACK_TARGET)
}

/// The request with its body read whole (up to [`MAX_HEAVY_BODY`]). A body that is too
/// large or stops short reaches the handler as the same failure, and it answers as always.
pub async fn buffered(req: Request) -> Request {
    let (parts, body) = req.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    let read = match declared {
        Some(n) if n > MAX_HEAVY_BODY as u64 => Err(axum::Error::new("the body is too large")),
        _ => axum::body::to_bytes(body, MAX_HEAVY_BODY).await,
    };
    let body = match read {
        Ok(bytes) => Body::from(bytes),
        Err(e) => Body::from_stream(futures_util::stream::once(async move {
            Err::<axum::body::Bytes, _>(e)
        })),
    };
    Request::from_parts(parts, body)
}

/// The pool is full: try again shortly.
#[derive(Debug)]
pub struct Busy;

/// Threads for heavy work, started on first use, and the places in their queue.
pub struct Pool {
    threads: usize,
    runtime: OnceLock<tokio::runtime::Runtime>,
    /// One permit per request running or waiting; none left means 503.
    places: Arc<Semaphore>,
}

impl Pool {
    /// `threads` threads (at least one) and `queue` requests waiting beyond them.
    pub fn new(threads: usize, queue: usize) -> Pool {
        let threads = threads.max(1);
        Pool {
            threads,
            runtime: OnceLock::new(),
            places: Arc::new(Semaphore::new(threads + queue)),
        }
    }

    fn runtime(&self) -> &tokio::runtime::Runtime {
        self.runtime.get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(self.threads)
                .thread_name("scim-ledger-work")
                .enable_all()
                .build()
                .expect("the work pool's threads start")
        })
    }

    /// Runs `work` on the pool, or answers [`Busy`] at once when every place is taken. The
    /// work keeps its place until it ends, even if its client has gone, so the bound holds.
    pub async fn run<F>(&self, work: F) -> Result<Response, Busy>
    where
        F: Future<Output = Response> + Send + 'static,
    {
        let place = self.places.clone().try_acquire_owned().map_err(|_| Busy)?;
        let task = self.runtime().spawn(async move {
            let res = work.await;
            drop(place);
            res
        });
        // A task only fails by panicking, which the handlers here do not; say so plainly.
        Ok(task.await.unwrap_or_else(|_| {
            let mut res = Response::new(Body::from("the response could not be completed"));
            *res.status_mut() = axum::http::StatusCode::INTERNAL_SERVER_ERROR;
            res
        }))
    }
}

impl Drop for Pool {
    /// A runtime may not be dropped where blocking is not allowed (a test's router dropped
    /// inside its runtime); its threads are let go instead.
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(method: Method, uri: &str) -> Request {
        Request::builder()
            .method(method)
            .uri(uri)
            .body(Body::empty())
            .unwrap()
    }

    #[test]
    fn cards_posts_and_long_stacks_are_heavy() {
        let long = format!("/stack?apps={}", "mode:1,".repeat(200));
        assert!(is_heavy(&req(Method::GET, "/og/home.png")));
        assert!(is_heavy(&req(Method::POST, "/stack")));
        assert!(is_heavy(&req(Method::POST, "/api/stack")));
        assert!(is_heavy(&req(Method::GET, &long)));
        assert!(!is_heavy(&req(Method::GET, "/stack?apps=mode:40")));
        assert!(!is_heavy(&req(Method::GET, "/vendors/mode")));
        assert!(!is_heavy(&req(Method::GET, "/healthz")));
    }

    #[test]
    fn a_full_pool_answers_busy_at_once() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let pool = Arc::new(Pool::new(1, 1));
            // Work that holds its place until the gate opens.
            let gate = Arc::new(Semaphore::new(0));
            let held = |gate: Arc<Semaphore>| async move {
                let _ = gate.acquire().await;
                Response::new(Body::empty())
            };
            let (a, b) = (pool.clone(), pool.clone());
            let (ga, gb) = (gate.clone(), gate.clone());
            let one = tokio::spawn(async move { a.run(held(ga)).await.is_ok() });
            let two = tokio::spawn(async move { b.run(held(gb)).await.is_ok() });
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            // One running and one waiting fill a pool of one thread and one place.
            assert!(pool.run(held(gate.clone())).await.is_err());
            gate.add_permits(2);
            assert!(one.await.unwrap() && two.await.unwrap());
            // Places come back when the work ends.
            gate.add_permits(1);
            assert!(pool.run(held(gate.clone())).await.is_ok());
        });
    }
}
