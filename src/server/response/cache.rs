//! The page cache (server only): bounded by bytes and entries, one entry per address and
//! origin, each keeping its rendered bytes and the compressed forms asked for so far; link-
//! preview images in a cache of their own.

use super::encoding::{brotli, gzip, AlreadyEncoded, Encoding};
use super::etag::content_etag;
use super::headers::set_security_headers;
use crate::domain::routes::{self, Answer};
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::Response;
use futures_util::StreamExt;
use quick_cache::sync::Cache;
use quick_cache::{OptionsBuilder, Weighter};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tower_http::compression::predicate::{DefaultPredicate, Predicate};

/// Responses larger than this are passed through without caching.
pub(super) const MAX_CACHED_BODY: usize = 4 * 1024 * 1024;

/// Bounds the cache by entries, and by bytes (bodies, their compressed forms and keys: see
/// `Settings::cache_bytes`). Odd URLs (a crawler, a fuzzer) can only push out other
/// entries, never grow memory.
pub const MAX_ENTRIES: u64 = 2_000;

/// The link-preview images (`/og/…`) have a cache of their own, so a burst of new image
/// addresses (a crawler following every scenario) cannot push pages out: a quarter of the
/// configured bytes, in at most this many entries (a card is about 40 KB).
pub const MAX_IMAGE_ENTRIES: u64 = 1_000;
pub(super) const IMAGE_SHARE: u64 = 4;

/// Link-preview images print no address and are kept apart (see `domain::routes`).
pub(super) fn is_card(path: &str) -> bool {
    routes::answer(path) == Answer::Card
}

/// How long a page rendered now may be served: `ttl`, and never past midnight UTC, where the
/// "printed on" date at its foot changes.
fn lifetime(now: SystemTime, ttl: Duration) -> Duration {
    let secs = now.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
    ttl.min(Duration::from_secs(86_400 - secs % 86_400))
}

/// quick_cache splits its capacity into shards and admits no entry larger than one shard:
/// 16 shards of 8 MiB take the largest cached body (4 MiB) with its compressed forms, on
/// any number of cores.
const SHARDS: usize = 16;

/// One cached response (always a 200): its headers, the rendered bytes, and the compressed
/// forms clients have asked for so far.
pub(super) struct Page {
    /// The headers a hit sends, security headers (with this entry's CSP nonce) and `Vary`
    /// included, built once when the page is stored so a hit only copies them; a hit adds
    /// `Content-Encoding`, and `layer` adds the policy headers to every response.
    headers: HeaderMap,
    identity: Bytes,
    /// Whether compressing is worth it (tower-http's rule: not images, not tiny bodies).
    compressible: bool,
    br: Option<Bytes>,
    gzip: Option<Bytes>,
    /// After this the page is rendered again (a new nonce, today's date).
    expires: Instant,
}

impl Page {
    /// What the cache counts for this entry.
    fn size(&self) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(k, v)| k.as_str().len() + v.len())
            .sum();
        let compressed =
            self.br.as_ref().map_or(0, Bytes::len) + self.gzip.as_ref().map_or(0, Bytes::len);
        headers + self.identity.len() + compressed
    }

    /// The encoding this page is sent in to a client that prefers `wanted`.
    fn encoding_for(&self, wanted: Encoding) -> Encoding {
        if self.compressible {
            wanted
        } else {
            Encoding::Identity
        }
    }

    fn has(&self, encoding: Encoding) -> bool {
        match encoding {
            Encoding::Br => self.br.is_some(),
            Encoding::Gzip => self.gzip.is_some(),
            Encoding::Identity => true,
        }
    }

    /// A copy of this page with `encoding` compressed in.
    fn with(&self, encoding: Encoding) -> Page {
        let mut page = Page {
            headers: self.headers.clone(),
            identity: self.identity.clone(),
            compressible: self.compressible,
            br: self.br.clone(),
            gzip: self.gzip.clone(),
            expires: self.expires,
        };
        match encoding {
            Encoding::Br => page.br = Some(brotli(&self.identity)),
            Encoding::Gzip => page.gzip = Some(gzip(&self.identity)),
            Encoding::Identity => {}
        }
        page
    }

    /// The stored bytes in `encoding` (which this page has), with its headers.
    fn response(&self, encoding: Encoding) -> Response {
        let body = match encoding {
            Encoding::Br => self.br.clone(),
            Encoding::Gzip => self.gzip.clone(),
            Encoding::Identity => None,
        }
        .unwrap_or_else(|| self.identity.clone());
        let mut res = Response::new(Body::from(body));
        *res.headers_mut() = self.headers.clone();
        let headers = res.headers_mut();
        if let Some(value) = encoding.header() {
            headers.insert(header::CONTENT_ENCODING, value);
        }
        res.extensions_mut().insert(AlreadyEncoded);
        res
    }
}

/// Weighs an entry by its bytes, but never less than an equal share of the byte bound, so
/// the byte bound is also an entry bound.
#[derive(Clone)]
struct ByBytes {
    min_weight: u64,
}

impl Weighter<String, Arc<Page>> for ByBytes {
    fn weight(&self, key: &String, page: &Arc<Page>) -> u64 {
        ((key.len() + page.size()) as u64).max(self.min_weight)
    }
}

pub struct PageCache {
    pages: Cache<String, Arc<Page>, ByBytes>,
    /// Bodies compressed so far (each at most once per entry and encoding).
    compressions: AtomicU64,
}

impl PageCache {
    /// A cache holding at most `max_bytes` (as [`ByBytes`] counts them) in `max_entries`.
    pub(super) fn bounded(max_bytes: u64, max_entries: u64) -> PageCache {
        let options = OptionsBuilder::new()
            .shards(SHARDS)
            .estimated_items_capacity(max_entries as usize)
            .weight_capacity(max_bytes)
            .build()
            .expect("valid cache options");
        let weigher = ByBytes {
            min_weight: max_bytes.div_ceil(max_entries).max(1),
        };
        PageCache {
            pages: Cache::with_options(options, weigher, Default::default(), Default::default()),
            compressions: AtomicU64::new(0),
        }
    }

    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// The bytes held, as the bound counts them.
    pub fn weight(&self) -> u64 {
        self.pages.weight()
    }

    /// How many bodies have been compressed since start-up.
    pub fn compressions(&self) -> u64 {
        self.compressions.load(Ordering::Relaxed)
    }

    /// The entry for `key`, unless it has expired.
    pub(super) fn fresh(&self, key: &str) -> Option<Arc<Page>> {
        self.pages.get(key).filter(|p| p.expires > Instant::now())
    }

    /// Serves `page` in the client's encoding, compressing and storing that form first if
    /// this is the first request for it.
    pub(super) fn serve(
        &self,
        key: String,
        page: Arc<Page>,
        wanted: Encoding,
        is_new: bool,
    ) -> Response {
        let encoding = page.encoding_for(wanted);
        let page = if page.has(encoding) {
            if is_new {
                self.pages.insert(key, page.clone());
            }
            page
        } else {
            self.compressions.fetch_add(1, Ordering::Relaxed);
            let fuller = Arc::new(page.with(encoding));
            // Replaces the entry, so its weight now counts the compressed form too.
            self.pages.insert(key, fuller.clone());
            fuller
        };
        page.response(encoding)
    }
}

/// The cache key: everything a response depends on (the origin appears in printed links).
pub(super) fn cache_key(req: &Request, origin: &str) -> Option<String> {
    if req.method() != Method::GET {
        return None;
    }
    // Health answers describe this moment (a draining replica), not a page.
    if routes::answer(req.uri().path()) == Answer::Probe {
        return None;
    }
    // A card prints no address, so one entry serves every host name.
    if is_card(req.uri().path()) {
        return Some(req.uri().to_string());
    }
    Some(format!("{origin}\u{0}{}", req.uri()))
}

/// Buffers a 200 response into a page for the cache, with the headers a hit sends, or gives
/// it back unbuffered when it is larger than the cache takes.
pub(super) async fn remember(res: Response, nonce: &str, ttl: Duration) -> Result<Page, Response> {
    let expires = Instant::now() + lifetime(SystemTime::now(), ttl);
    let declared = res
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_CACHED_BODY) {
        return Err(res);
    }
    let compressible = DefaultPredicate::new().should_compress(&res);
    let (mut parts, body) = res.into_parts();
    let mut stream = body.into_data_stream();
    let mut buffer = Vec::new();
    while let Some(chunk) = stream.next().await {
        let Ok(chunk) = chunk else {
            // The body failed half way: what was sent cannot be repaired.
            let mut res = Response::new(Body::from("the response could not be completed"));
            *res.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            return Err(res);
        };
        buffer.extend_from_slice(&chunk);
        if buffer.len() > MAX_CACHED_BODY {
            // Too large after all: send what was read, then the rest as it comes.
            let head = futures_util::stream::iter([Ok(Bytes::from(buffer))]);
            return Err(Response::from_parts(
                parts,
                Body::from_stream(head.chain(stream)),
            ));
        }
    }
    // Set again for whichever body is sent.
    parts.headers.remove(header::CONTENT_LENGTH);
    // A handler's own tag (a link-preview card's) stands.
    if !parts.headers.contains_key(header::ETAG) {
        if let Some(tag) = content_etag(&buffer, nonce) {
            parts.headers.insert(header::ETAG, tag);
        }
    }
    if compressible {
        parts
            .headers
            .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    set_security_headers(&mut parts.headers, nonce);
    Ok(Page {
        headers: parts.headers,
        identity: Bytes::from(buffer),
        compressible,
        br: None,
        gzip: None,
        expires,
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_page::{block_on, csp_nonce, fetch, header_of, page_text, unbrotli};
    use super::super::{layer, Site};
    use super::*;
    use crate::server::config::{Settings, CACHE_TTL};
    use axum::routing::get;
    use tower::ServiceExt;

    #[test]
    fn a_hit_with_br_sends_the_stored_brotli_bytes() {
        let site = Site::new(Settings::default());
        let cache = &site.cache;
        let first = fetch(&site, Some("gzip, deflate, br"));
        assert_eq!(cache.compressions(), 1, "the miss compressed once, for br");
        let hit = fetch(&site, Some("gzip, deflate, br"));
        assert_eq!(cache.compressions(), 1, "a hit compresses nothing");
        assert_eq!(header_of(&hit, header::CONTENT_ENCODING), "br");
        assert!(header_of(&hit, header::VARY).contains("accept-encoding"));
        assert_eq!(hit.body, first.body, "the stored bytes");
        let text = unbrotli(&hit.body);
        assert_eq!(text, page_text(&csp_nonce(&hit)));
        assert!(hit.body.len() * 5 < text.len(), "{} bytes", hit.body.len());
    }

    fn page_of(len: usize) -> Arc<Page> {
        Arc::new(Page {
            headers: HeaderMap::new(),
            identity: Bytes::from(vec![b'x'; len]),
            compressible: true,
            br: None,
            gzip: None,
            expires: Instant::now() + CACHE_TTL,
        })
    }

    #[test]
    fn the_cache_stays_under_its_byte_bound() {
        let (max_bytes, max_entries) = (1_000_000, 100);
        let cache = PageCache::bounded(max_bytes, max_entries);
        for i in 0..2_000 {
            // Pages of 1 to 60 KB, each also compressed: far more than the bound in all.
            let page = page_of(1_000 + (i * 7_919) % 60_000);
            cache.serve(format!("/k{i}"), page, Encoding::Br, true);
            assert!(cache.weight() <= max_bytes, "weight {}", cache.weight());
            assert!(cache.len() as u64 <= max_entries, "{} entries", cache.len());
        }
        let held: usize = cache.pages.iter().map(|(k, p)| k.len() + p.size()).sum();
        assert!(held as u64 <= max_bytes, "{held} bytes held");
        assert!(cache.len() > 10, "the cache still holds pages");
        // Small entries are bounded by count.
        let cache = PageCache::bounded(max_bytes, max_entries);
        for i in 0..1_000 {
            cache.serve(format!("/s{i}"), page_of(10), Encoding::Identity, true);
        }
        assert!(cache.len() as u64 <= max_entries, "{} entries", cache.len());
    }

    #[test]
    fn a_burst_of_new_images_stays_in_the_image_caches_bound_and_leaves_pages_be() {
        use axum::response::Html;
        // Images get a quarter: 16 MiB, shards of 1 MiB.
        let settings = Settings {
            cache_bytes: 64 * 1024 * 1024,
            ..Settings::default()
        };
        let site = Site::new(settings);
        // A card-sized PNG per address, as `og_image` answers.
        let router = axum::Router::new()
            .route("/page", get(|| async { Html(page_text("n")) }))
            .route(
                "/og/{*card}",
                get(|| async { ([(header::CONTENT_TYPE, "image/png")], vec![0_u8; 40_000]) }),
            )
            .layer(axum::middleware::from_fn_with_state(site.clone(), layer));
        let send = |uri: String| {
            let req = Request::get(uri)
                .header(header::HOST, "example.test")
                .body(Body::empty())
                .unwrap();
            let res = block_on(router.clone().oneshot(req)).unwrap();
            assert_eq!(res.status(), StatusCode::OK);
        };
        send("/page".into());
        for i in 0..1_000 {
            send(format!("/og/calculator.png?users={i}"));
            assert!(site.images().weight() <= 16 * 1024 * 1024);
        }
        assert!(
            site.images().len() > 10,
            "{} images kept",
            site.images().len()
        );
        assert!(site.images().len() as u64 <= MAX_IMAGE_ENTRIES);
        assert_eq!(site.cache.len(), 1, "the page is still cached, alone");
    }

    #[test]
    fn pages_expire_by_midnight_utc() {
        let at = |secs: u64| UNIX_EPOCH + Duration::from_secs(secs);
        let day = 20_000 * 86_400;
        assert_eq!(lifetime(at(day), CACHE_TTL), CACHE_TTL);
        assert_eq!(
            lifetime(at(day + 86_400 - 10), CACHE_TTL),
            Duration::from_secs(10)
        );
        assert_eq!(
            lifetime(at(day + 86_399), CACHE_TTL),
            Duration::from_secs(1)
        );
    }
}
