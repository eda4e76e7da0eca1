//! What a platform asks of a replica: is it alive (`/healthz`), should it get traffic
//! (`/readyz`), and one log line per request. The data is loaded before the server listens,
//! so a replica is ready as soon as it answers; after SIGTERM it says "not ready" while it
//! drains, so a load balancer stops sending it new requests before it stops.

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// One replica's readiness.
#[derive(Debug)]
pub struct Health {
    vendors: usize,
    draining: AtomicBool,
}

impl Health {
    pub fn new(vendors: usize) -> Arc<Health> {
        Arc::new(Health {
            vendors,
            draining: AtomicBool::new(false),
        })
    }

    /// From now on `/readyz` answers 503; requests are still served.
    pub fn start_draining(&self) {
        self.draining.store(true, Ordering::SeqCst);
    }
}

/// `/readyz`: 200 with the number of vendors loaded, or 503 while draining.
pub async fn readyz(State(health): State<Arc<Health>>) -> Response {
    if health.draining.load(Ordering::SeqCst) {
        (StatusCode::SERVICE_UNAVAILABLE, "draining\n").into_response()
    } else {
        format!("ready: {} vendors\n", health.vendors).into_response()
    }
}

/// One structured log line per request: method, path (no query), status and duration.
pub async fn log_request(req: Request, next: Next) -> Response {
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    let start = Instant::now();
    let res = next.run(req).await;
    tracing::info!(
        method = %method,
        path = %path,
        status = res.status().as_u16(),
        duration_ms = start.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    res
}
