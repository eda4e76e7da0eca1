//! A page served through the real response layer, for the unit tests of each concern.

use super::{layer, CspNonce, Site};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, StatusCode};
use axum::routing::get;
use std::io::Read;
use std::sync::Arc;
use tower::ServiceExt;

pub(super) fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(f)
}

/// A page the size of a vendor guide, with the request's nonce on two scripts.
pub(super) fn page_text(nonce: &str) -> String {
    let rows = "<tr><td>Plan</td><td>$49 per user a month</td></tr>".repeat(1500);
    format!(
        "<!DOCTYPE html><html><head><script nonce=\"{nonce}\">a()</script></head>\
         <body><table>{rows}</table><script type=\"module\" nonce=\"{nonce}\">b()</script></body></html>"
    )
}

/// The real middleware around one HTML route that uses the request's nonce.
pub(super) fn app(site: Arc<Site>) -> axum::Router {
    axum::Router::new()
        .route(
            "/page",
            get(|req: Request| async move {
                let CspNonce(nonce) = req.extensions().get::<CspNonce>().cloned().unwrap();
                (
                    [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                    page_text(&nonce),
                )
            }),
        )
        .layer(axum::middleware::from_fn_with_state(site, layer))
}

pub(super) struct Got {
    pub(super) headers: HeaderMap,
    pub(super) body: Vec<u8>,
}

pub(super) fn fetch(site: &Arc<Site>, accept: Option<&str>) -> Got {
    let mut req = Request::get("/page").header(header::HOST, "example.test");
    if let Some(accept) = accept {
        req = req.header(header::ACCEPT_ENCODING, accept);
    }
    let res = block_on(app(site.clone()).oneshot(req.body(Body::empty()).unwrap())).unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let headers = res.headers().clone();
    let body = block_on(axum::body::to_bytes(res.into_body(), usize::MAX)).unwrap();
    Got {
        headers,
        body: body.to_vec(),
    }
}

pub(super) fn header_of(got: &Got, name: header::HeaderName) -> &str {
    got.headers.get(name).map_or("", |v| v.to_str().unwrap())
}

pub(super) fn unbrotli(bytes: &[u8]) -> String {
    let mut out = String::new();
    ::brotli::Decompressor::new(bytes, 4096)
        .read_to_string(&mut out)
        .unwrap();
    out
}

pub(super) fn csp_nonce(got: &Got) -> String {
    let csp = header_of(got, header::CONTENT_SECURITY_POLICY);
    let at = csp.find("'nonce-").unwrap() + "'nonce-".len();
    csp[at..].split('\'').next().unwrap().to_string()
}
pub(super) fn etag_of(got: &Got) -> String {
    header_of(got, header::ETAG).to_string()
}
