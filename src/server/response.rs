//! What happens to every response on its way out (server only): security headers, a
//! per-response CSP nonce, and a cache of rendered responses.
//!
//! Every page is a pure function of its URL, the request's host and the data loaded at
//! start-up, so a rendered page can be served again without rendering it. The one part
//! that must differ per response is the CSP nonce: a cached page keeps the nonce it was
//! rendered with, and each response swaps in a fresh one before it leaves.

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, RwLock};

/// The nonce for this response, read by the Leptos render (see `server::router`).
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// Responses larger than this are passed through without caching.
const MAX_CACHED_BODY: usize = 4 * 1024 * 1024;

/// Bounds the cache: oldest entries go first. Odd URLs (a crawler, a fuzzer) can only push
/// out other entries, never grow memory without limit.
pub const MAX_ENTRIES: usize = 2_000;
pub const MAX_BYTES: usize = 128 * 1024 * 1024;

struct Cached {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    /// The nonce baked into `body`, if it is an HTML page.
    nonce: Option<String>,
}

#[derive(Default)]
pub struct PageCache {
    entries: RwLock<HashMap<String, Arc<Cached>>>,
    order: Mutex<(VecDeque<String>, usize)>,
}

impl PageCache {
    pub fn new() -> Arc<PageCache> {
        Arc::new(PageCache::default())
    }

    fn get(&self, key: &str) -> Option<Arc<Cached>> {
        self.entries.read().ok()?.get(key).cloned()
    }

    fn put(&self, key: String, entry: Cached) {
        let size = entry.body.len() + key.len();
        let (Ok(mut entries), Ok(mut order)) = (self.entries.write(), self.order.lock()) else {
            return;
        };
        if entries.contains_key(&key) {
            return;
        }
        let (queue, bytes) = &mut *order;
        while !queue.is_empty() && (queue.len() >= MAX_ENTRIES || *bytes + size > MAX_BYTES) {
            if let Some(old) = queue.pop_front() {
                if let Some(e) = entries.remove(&old) {
                    *bytes -= e.body.len() + old.len();
                }
            }
        }
        *bytes += size;
        queue.push_back(key.clone());
        entries.insert(key, Arc::new(entry));
    }

    pub fn len(&self) -> usize {
        self.entries.read().map(|e| e.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A fresh random nonce (128 bits, URL-safe base64).
fn new_nonce() -> String {
    leptos::nonce::Nonce::new().to_string()
}

/// The Content-Security-Policy for one response. Scripts run only from this origin or with
/// this response's nonce (the hydration scripts); wasm needs `wasm-unsafe-eval` to compile.
/// Inline `style` attributes (chart legend swatches, plotters' SVG) need inline styles.
pub fn csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
         font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

fn set_security_headers(headers: &mut HeaderMap, nonce: &str) {
    let fixed: [(header::HeaderName, &str); 6] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            header::HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), \
             interest-cohort=(), clipboard-write=(self)",
        ),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        (
            header::HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if let Ok(v) = HeaderValue::from_str(&csp(nonce)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, v);
    }
}

/// The cache key: everything a response depends on (the host appears in printed links).
fn cache_key(req: &Request) -> Option<String> {
    if req.method() != Method::GET || req.headers().contains_key(header::RANGE) {
        return None;
    }
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    Some(format!("{host}\u{0}{}", req.uri()))
}

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// Builds a response from a cache entry, with `nonce` in place of the one it was rendered with.
fn from_cache(entry: &Cached, nonce: &str) -> Response {
    let body = match (&entry.nonce, std::str::from_utf8(&entry.body)) {
        (Some(old), Ok(text)) => Body::from(text.replace(old.as_str(), nonce)),
        _ => Body::from(entry.body.clone()),
    };
    let mut res = Response::new(body);
    *res.status_mut() = entry.status;
    *res.headers_mut() = entry.headers.clone();
    res.headers_mut().remove(header::CONTENT_LENGTH);
    res
}

/// The middleware: serve from the cache, or render and remember; then add the headers.
pub async fn layer(State(cache): State<Arc<PageCache>>, mut req: Request, next: Next) -> Response {
    let nonce = new_nonce();
    let key = cache_key(&req);
    if let Some(hit) = key.as_deref().and_then(|k| cache.get(k)) {
        let mut res = from_cache(&hit, &nonce);
        set_security_headers(res.headers_mut(), &nonce);
        return res;
    }
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let res = next.run(req).await;
    let mut res = match key {
        Some(key) if res.status() == StatusCode::OK => remember(&cache, key, res, &nonce).await,
        _ => res,
    };
    set_security_headers(res.headers_mut(), &nonce);
    res
}

/// Buffers a 200 response into the cache (when it is small enough) and returns it.
async fn remember(cache: &PageCache, key: String, res: Response, nonce: &str) -> Response {
    let known_small = res
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok())
        .is_none_or(|n| n <= MAX_CACHED_BODY);
    if !known_small {
        return res;
    }
    let (parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_CACHED_BODY).await else {
        // Too large after all, or the body failed: there is nothing left to send.
        return Response::builder()
            .status(StatusCode::INTERNAL_SERVER_ERROR)
            .body(Body::from("response too large"))
            .unwrap_or_default();
    };
    let html = is_html(&parts.headers);
    cache.put(
        key,
        Cached {
            status: parts.status,
            headers: parts.headers.clone(),
            body: bytes.clone(),
            nonce: html.then(|| nonce.to_string()),
        },
    );
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(body: &str) -> Cached {
        Cached {
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body: Bytes::from(body.to_string()),
            nonce: Some("OLDNONCE".into()),
        }
    }

    #[test]
    fn a_cached_page_gets_the_new_nonce_everywhere() {
        let res = from_cache(
            &entry(r#"<script nonce="OLDNONCE">a</script><script nonce="OLDNONCE">b</script>"#),
            "fresh",
        );
        let body = futures_body(res);
        assert_eq!(
            body,
            r#"<script nonce="fresh">a</script><script nonce="fresh">b</script>"#
        );
    }

    fn futures_body(res: Response) -> String {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let bytes = rt.block_on(to_bytes(res.into_body(), usize::MAX)).unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[test]
    fn the_cache_is_bounded_oldest_first() {
        let cache = PageCache::default();
        for i in 0..(MAX_ENTRIES + 10) {
            cache.put(format!("k{i}"), entry("x"));
        }
        assert_eq!(cache.len(), MAX_ENTRIES);
        assert!(cache.get("k0").is_none());
        assert!(cache.get(&format!("k{}", MAX_ENTRIES + 9)).is_some());
    }

    #[test]
    fn csp_has_no_unsafe_inline_for_scripts() {
        let p = csp("abc");
        let scripts = p
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        assert!(scripts.contains("'nonce-abc'"));
        assert!(!scripts.contains("unsafe-inline"));
        assert!(p.contains("frame-ancestors 'none'"));
    }
}
