//! What happens to every response on its way out (server only): security headers, the CSP
//! nonce, and a cache of rendered responses that keeps each one compressed.
//!
//! Every page is a pure function of its URL, its origin (the public URL, else the request's
//! scheme and host; see `config`) and the data loaded at start-up, so a rendered page can be
//! served again without rendering it. A cache entry keeps the rendered bytes and, once a
//! client has asked for them, their brotli and gzip forms: a hit sends stored bytes and
//! compresses nothing.
//!
//! Every cached response has an `ETag`: a hash of its bytes, apart from a page's nonce, so
//! a page rendered again (a new nonce, the same content) keeps its tag, and a client that
//! has the page answers `If-None-Match` with a 304 and no body.
//!
//! Compressed bytes cannot have a nonce swapped in, so the CSP nonce is one per cache entry,
//! drawn when the page is rendered. That is safe here: a page's content is fixed by its cache
//! key before its nonce exists, so no one who learns the nonce can add markup to that page.
//!
//! One file per concern: `cache` (the bounded cache and what an entry keeps), `encoding`
//! (negotiating and compressing), `etag` (validators and 304s), `headers` (the CSP nonce,
//! security and policy headers), `html` (moving Leptos's trailing scripts into the body);
//! here, the middleware that runs them in order.

mod cache;
mod encoding;
mod etag;
mod headers;
mod html;
#[cfg(test)]
mod test_page;

pub use cache::{PageCache, MAX_ENTRIES, MAX_IMAGE_ENTRIES};
pub use encoding::compress_unless_cached;
pub use etag::fnv1a;
pub use headers::csp;

use crate::server::config::Settings;
use crate::server::work;
use crate::ui::assets::Assets;
use crate::ui::components::layout::SiteOrigin;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use cache::{cache_key, is_card, remember, IMAGE_SHARE};
use encoding::Encoding;
use etag::not_modified;
use headers::{is_html, new_nonce, set_policy_headers, set_security_headers};
use html::scripts_inside_body;
use std::sync::Arc;

/// The nonce for this response, read by the Leptos render (see `server::router`).
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// What the response layer applies to every response.
pub struct Site {
    settings: Settings,
    /// The bundle's addresses (the refusal page links the stylesheet).
    assets: Assets,
    /// The fingerprinted ones among them, served as immutable.
    fingerprinted: Vec<String>,
    cache: PageCache,
    /// Link-preview images, bounded apart from the pages (together within the setting).
    images: PageCache,
    /// Where cache misses of heavy addresses are rendered (`work`).
    work: work::Pool,
}

impl Site {
    /// With the bundle's plain names (tests of the layer alone).
    pub fn new(settings: Settings) -> Arc<Site> {
        let assets = Assets::plain(&crate::server::config::leptos_options());
        Site::with_assets(settings, assets, Vec::new())
    }

    /// `fingerprinted`: the addresses among `assets` whose names carry their content's hash.
    pub fn with_assets(
        settings: Settings,
        assets: Assets,
        fingerprinted: Vec<String>,
    ) -> Arc<Site> {
        let image_bytes = settings.cache_bytes / IMAGE_SHARE;
        let cache = PageCache::bounded(settings.cache_bytes - image_bytes, MAX_ENTRIES);
        let images = PageCache::bounded(image_bytes.max(1), MAX_IMAGE_ENTRIES);
        let work = work::Pool::new(settings.work_threads, settings.work_queue);
        Arc::new(Site {
            settings,
            assets,
            fingerprinted,
            cache,
            images,
            work,
        })
    }

    /// The cache a response for `path` is kept in.
    fn cache_for(&self, path: &str) -> &PageCache {
        if is_card(path) {
            &self.images
        } else {
            &self.cache
        }
    }

    /// The image cache, for tests and measurements.
    pub fn images(&self) -> &PageCache {
        &self.images
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// A refusal made outside this layer (a body too slow, a request hyper could not
    /// read), with the headers every response here carries.
    pub fn refusal(&self, path: &str, status: StatusCode, title: &str, message: &str) -> Response {
        let mut res = crate::server::guard::refuse(path, &self.assets.css, status, title, message);
        set_security_headers(res.headers_mut(), &new_nonce());
        set_policy_headers(res.headers_mut(), &self.settings);
        res
    }
}

/// The middleware: serve from the cache, or render and remember; answer 304 where the
/// client already has these bytes, or the part a `Range` asks for; then add the headers.
///
/// HEAD is served as GET, from the same cache entry: hyper sends the headers and leaves the
/// body off (it once skipped the cache: 37 ms for a card's HEAD against 0.4 ms for its GET).
/// A range is cut from the whole response (`partial`), never rendered on its own.
pub async fn layer(State(site): State<Arc<Site>>, mut req: Request, next: Next) -> Response {
    if req.method() == Method::HEAD {
        *req.method_mut() = Method::GET;
    }
    let wanted = crate::server::partial::Wanted::take(req.headers_mut());
    let validators = req.headers().get(header::IF_NONE_MATCH).cloned();
    let fingerprinted = site.fingerprinted.iter().any(|p| p == req.uri().path());
    let mut res = respond(&site, req, next).await;
    if fingerprinted && res.status() == StatusCode::OK {
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(crate::server::assets::IMMUTABLE),
        );
    }
    if let Some(validators) = validators {
        not_modified(&mut res, &validators);
    }
    if let Some(wanted) = wanted {
        res = wanted.cut(res).await;
    }
    set_policy_headers(res.headers_mut(), &site.settings);
    res
}

async fn respond(site: &Arc<Site>, mut req: Request, next: Next) -> Response {
    if let Some(mut refused) = crate::server::guard::turned_away(&req, &site.assets.css) {
        set_security_headers(refused.headers_mut(), &new_nonce());
        return refused;
    }
    crate::server::guard::canonicalize(&mut req);
    let cache = site.cache_for(req.uri().path());
    let origin = site.settings.origin(req.headers());
    let key = cache_key(&req, &origin);
    let wanted = Encoding::negotiate(req.headers());
    if let Some(key) = key.as_ref() {
        let fresh = cache.fresh(key);
        if let Some(hit) = fresh {
            return cache.serve(key.clone(), hit, wanted, false);
        }
    }
    req.extensions_mut().insert(SiteOrigin {
        origin,
        configured: site.settings.public_url.is_some(),
    });
    if !work::is_heavy(&req) {
        return render(site.clone(), req, next, key, wanted).await;
    }
    // Rendered, buffered, stored and compressed on the pool, so none of it holds an async
    // worker (a stack page's figures are computed while its body streams).
    let path = req.uri().path().to_string();
    let req = work::buffered(req).await;
    let task = render(site.clone(), req, next, key, wanted);
    match site.work.run(task).await {
        Ok(res) => res,
        Err(work::Busy) => {
            let mut res = site.refusal(
                &path,
                StatusCode::SERVICE_UNAVAILABLE,
                "Busy",
                "The server is drawing many previews and large stacks just now. Try again in a moment.",
            );
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            res
        }
    }
}

/// A cache miss: renders the response with a fresh nonce, and keeps it when it may be kept.
async fn render(
    site: Arc<Site>,
    mut req: Request,
    next: Next,
    key: Option<String>,
    wanted: Encoding,
) -> Response {
    let cache = site.cache_for(req.uri().path());
    let nonce = new_nonce();
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let res = next.run(req).await;
    let res = if is_html(res.headers()) {
        scripts_inside_body(res).await
    } else {
        res
    };
    let mut res = match key {
        Some(key) if res.status() == StatusCode::OK => {
            match remember(res, &nonce, site.settings.cache_ttl).await {
                Ok(page) => return cache.serve(key, Arc::new(page), wanted, true),
                Err(res) => res,
            }
        }
        _ => res,
    };
    set_security_headers(res.headers_mut(), &nonce);
    res
}

#[cfg(test)]
mod tests {
    use super::test_page::block_on;
    use super::*;
    use axum::body::Body;
    use axum::routing::get;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tower::ServiceExt;

    #[test]
    fn head_and_range_are_served_from_the_stored_page() {
        let renders = Arc::new(AtomicUsize::new(0));
        let counted = renders.clone();
        let site = Site::new(Settings::default());
        let router = axum::Router::new()
            .route(
                "/page",
                get(move || {
                    counted.fetch_add(1, Ordering::SeqCst);
                    async { ([(header::CONTENT_TYPE, "text/plain")], "0123456789") }
                }),
            )
            .layer(axum::middleware::from_fn_with_state(site, layer));
        let send = |method: Method, headers: &[(header::HeaderName, &str)]| {
            let mut req = Request::builder().method(method).uri("/page");
            for (k, v) in headers {
                req = req.header(k, *v);
            }
            let res = block_on(router.clone().oneshot(req.body(Body::empty()).unwrap())).unwrap();
            let (parts, body) = res.into_parts();
            let body = block_on(axum::body::to_bytes(body, usize::MAX)).unwrap();
            (parts.status, parts.headers, body)
        };
        let (status, _, body) = send(Method::GET, &[]);
        assert_eq!((status, &body[..]), (StatusCode::OK, &b"0123456789"[..]));
        // HEAD is the GET's stored response (hyper leaves the body off on the wire).
        let (status, headers, _) = send(Method::HEAD, &[]);
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_TYPE], "text/plain");
        let (status, headers, body) = send(Method::GET, &[(header::RANGE, "bytes=2-4")]);
        assert_eq!(status, StatusCode::PARTIAL_CONTENT);
        assert_eq!(headers[header::CONTENT_RANGE], "bytes 2-4/10");
        assert_eq!(&body[..], b"234");
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        let (status, headers, _) = send(Method::GET, &[(header::RANGE, "bytes=10-")]);
        assert_eq!(status, StatusCode::RANGE_NOT_SATISFIABLE);
        assert_eq!(headers[header::CONTENT_RANGE], "bytes */10");
        // A weak tag cannot vouch for a range: the whole response.
        let (status, headers, _) = send(Method::GET, &[]);
        let tag = headers[header::ETAG].to_str().unwrap().to_string();
        let if_range = [
            (header::RANGE, "bytes=0-0"),
            (header::IF_RANGE, tag.as_str()),
        ];
        assert_eq!(send(Method::GET, &if_range).0, StatusCode::OK);
        assert_eq!(status, StatusCode::OK);
        assert_eq!(renders.load(Ordering::SeqCst), 1, "rendered once for all");
    }
}
