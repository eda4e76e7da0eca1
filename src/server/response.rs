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

use crate::domain::routes::{self, Answer};
use crate::server::config::Settings;
use crate::server::work;
use crate::ui::assets::Assets;
use crate::ui::components::layout::SiteOrigin;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, Extensions, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use futures_util::StreamExt;
use quick_cache::sync::Cache;
use quick_cache::{OptionsBuilder, Weighter};
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tower_http::compression::predicate::{DefaultPredicate, Predicate};

/// The nonce for this response, read by the Leptos render (see `server::router`).
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// Responses larger than this are passed through without caching.
const MAX_CACHED_BODY: usize = 4 * 1024 * 1024;

/// Bounds the cache by entries, and by bytes (bodies, their compressed forms and keys: see
/// `Settings::cache_bytes`). Odd URLs (a crawler, a fuzzer) can only push out other
/// entries, never grow memory.
pub const MAX_ENTRIES: u64 = 2_000;

/// The link-preview images (`/og/…`) have a cache of their own, so a burst of new image
/// addresses (a crawler following every scenario) cannot push pages out: a quarter of the
/// configured bytes, in at most this many entries (a card is about 40 KB).
pub const MAX_IMAGE_ENTRIES: u64 = 1_000;
const IMAGE_SHARE: u64 = 4;

/// Link-preview images print no address and are kept apart (see `domain::routes`).
fn is_card(path: &str) -> bool {
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

/// Compressed once per entry, so a little slower than tower-http's per-response level 4.
const BROTLI_QUALITY: i32 = 5;
const GZIP_LEVEL: u32 = 6;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Br,
    Gzip,
    Identity,
}

impl Encoding {
    /// The best encoding the client takes, in our order br > gzip > identity. A `q=0`
    /// refuses an encoding; `*` stands for any encoding the header does not name. By hand:
    /// tower-http keeps its negotiation private, and this much is a few lines.
    fn negotiate(headers: &HeaderMap) -> Encoding {
        let (mut br, mut gzip, mut any) = (None, None, None);
        for value in headers.get_all(header::ACCEPT_ENCODING) {
            for item in value.to_str().unwrap_or("").split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
                let q = parts
                    .find_map(|p| {
                        let p = p.trim();
                        p.strip_prefix("q=").or_else(|| p.strip_prefix("Q="))
                    })
                    .map_or(1.0, |q| q.trim().parse::<f32>().unwrap_or(0.0));
                let taken = Some(q > 0.0);
                match name.as_str() {
                    "br" => br = taken,
                    "gzip" | "x-gzip" => gzip = taken,
                    "*" => any = taken,
                    _ => {}
                }
            }
        }
        if br.or(any).unwrap_or(false) {
            Encoding::Br
        } else if gzip.or(any).unwrap_or(false) {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }

    fn header(self) -> Option<HeaderValue> {
        match self {
            Encoding::Br => Some(HeaderValue::from_static("br")),
            Encoding::Gzip => Some(HeaderValue::from_static("gzip")),
            Encoding::Identity => None,
        }
    }
}

/// Marks a response this layer has already encoded, so the compression layer leaves it be.
#[derive(Clone, Copy, Debug)]
struct AlreadyEncoded;

/// For `CompressionLayer::compress_when`: what tower-http would compress, minus the
/// responses the page cache has already encoded.
pub fn compress_unless_cached() -> impl Predicate + Send + Sync + 'static {
    DefaultPredicate::new().and(
        |_: StatusCode, _: axum::http::Version, _: &HeaderMap, ext: &Extensions| {
            ext.get::<AlreadyEncoded>().is_none()
        },
    )
}

/// One cached response (always a 200): its headers, the rendered bytes, and the compressed
/// forms clients have asked for so far.
struct Page {
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

/// 64-bit FNV-1a over `parts` in turn, written out because std's hashers may change between
/// Rust releases, and a tag must stay equal across replicas and builds. Change detection
/// only: nothing rides on a collision being hard.
pub fn fnv1a<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    parts
        .into_iter()
        .flatten()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
}

/// A weak validator for a response's content: its bytes, leaving out every occurrence of
/// the nonce (a page carries it on its scripts; other bodies do not). Weak (`W/`), since
/// the bytes sent differ by encoding and by nonce while the content is the same.
fn content_etag(body: &[u8], nonce: &str) -> Option<HeaderValue> {
    let hash = match std::str::from_utf8(body) {
        Ok(text) if !nonce.is_empty() => fnv1a(text.split(nonce).map(str::as_bytes)),
        _ => fnv1a([body]),
    };
    HeaderValue::from_str(&format!("W/\"{hash:016x}\"")).ok()
}

fn brotli(bytes: &[u8]) -> Bytes {
    let params = ::brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 4);
    // Writing into a Vec cannot fail.
    let _ = ::brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    Bytes::from(out)
}

fn gzip(bytes: &[u8]) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4),
        flate2::Compression::new(GZIP_LEVEL),
    );
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    Bytes::from(encoder.finish().unwrap_or_default())
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

pub struct PageCache {
    pages: Cache<String, Arc<Page>, ByBytes>,
    /// Bodies compressed so far (each at most once per entry and encoding).
    compressions: AtomicU64,
}

impl PageCache {
    /// A cache holding at most `max_bytes` (as [`ByBytes`] counts them) in `max_entries`.
    fn bounded(max_bytes: u64, max_entries: u64) -> PageCache {
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

    /// Serves `page` in the client's encoding, compressing and storing that form first if
    /// this is the first request for it.
    fn serve(&self, key: String, page: Arc<Page>, wanted: Encoding, is_new: bool) -> Response {
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
    let fixed: [(header::HeaderName, &str); 5] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            header::HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), \
             clipboard-write=(self)",
        ),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    // A link-preview image says it may be shown by other sites; everything else is ours only.
    headers
        .entry(header::HeaderName::from_static(
            "cross-origin-resource-policy",
        ))
        .or_insert(HeaderValue::from_static("same-origin"));
    if let Ok(v) = HeaderValue::from_str(&csp(nonce)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, v);
    }
}

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// Headers that follow from the settings and the kind of response.
fn set_policy_headers(headers: &mut HeaderMap, settings: &Settings) {
    // A page holds its nonce and the date it was printed on: no shared cache may keep it, and
    // a browser asks again before reusing it (it may still keep it for back and forward).
    if is_html(headers) && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        );
    }
    // Browsers ignore HSTS over plain HTTP, so it is sent only when the public URL says
    // HTTPS; otherwise it is the TLS terminator's to send (README, "Configuration").
    if settings.https() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
}

/// The cache key: everything a response depends on (the origin appears in printed links).
fn cache_key(req: &Request, origin: &str) -> Option<String> {
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

/// Turns a 200 into a 304 without a body when `If-None-Match` lists its `ETag` (or `*`).
///
/// A page's 304 carries no `Content-Security-Policy`: the browser keeps the page it has,
/// whose scripts hold the nonce of the response it came in, and it would replace that
/// response's policy with one sent here (the header of a 304 updates the stored one),
/// blocking them. The 304 itself has no body to protect.
fn not_modified(res: &mut Response, validators: &HeaderValue) {
    let Some(tag) = res.headers().get(header::ETAG).cloned() else {
        return;
    };
    if res.status() != StatusCode::OK {
        return;
    }
    // Weak comparison (RFC 9110, 13.1.2): a `W/` prefix on either side is ignored.
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_string();
    let tag = bare(tag.to_str().unwrap_or(""));
    let listed = validators.to_str().unwrap_or("").split(',').map(bare);
    if listed.into_iter().any(|v| v == "*" || v == tag) {
        *res.status_mut() = StatusCode::NOT_MODIFIED;
        *res.body_mut() = Body::empty();
        let headers = res.headers_mut();
        headers.remove(header::CONTENT_LENGTH);
        headers.remove(header::CONTENT_ENCODING);
        headers.remove(header::CONTENT_SECURITY_POLICY);
    }
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
        let fresh = cache.pages.get(key).filter(|p| p.expires > Instant::now());
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

/// Where Leptos writes the hydration data scripts (`__RESOLVED_RESOURCES=…`) after the
/// document's `</html>`, moves them to the end of `<body>`, so the page is valid HTML and
/// they still run before the islands hydrate (the loader waits for an idle moment).
/// Pages fetch their data without resources, so these scripts only declare empty lists.
async fn scripts_inside_body(res: Response) -> Response {
    let (mut parts, body) = res.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_CACHED_BODY).await {
        Ok(bytes) => bytes,
        Err(_) => {
            let mut res = Response::new(Body::from("the response could not be completed"));
            *res.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            return res;
        }
    };
    let moved = std::str::from_utf8(&bytes).ok().and_then(|html| {
        let end = html.rfind("</html>")? + "</html>".len();
        let tail = &html[end..];
        let body_end = html[..end].rfind("</body>")?;
        (!tail.trim().is_empty()).then(|| [&html[..body_end], tail, &html[body_end..end]].concat())
    });
    if let Some(html) = moved {
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::from(html));
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Buffers a 200 response into a page for the cache, with the headers a hit sends, or gives
/// it back unbuffered when it is larger than the cache takes.
async fn remember(res: Response, nonce: &str, ttl: Duration) -> Result<Page, Response> {
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
    use super::*;
    use crate::server::config::CACHE_TTL;
    use axum::routing::get;
    use std::io::Read;
    use tower::ServiceExt;

    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(f)
    }

    /// A page the size of a vendor guide, with the request's nonce on two scripts.
    fn page_text(nonce: &str) -> String {
        let rows = "<tr><td>Plan</td><td>$49 per user a month</td></tr>".repeat(1500);
        format!(
            "<!DOCTYPE html><html><head><script nonce=\"{nonce}\">a()</script></head>\
             <body><table>{rows}</table><script type=\"module\" nonce=\"{nonce}\">b()</script></body></html>"
        )
    }

    /// The real middleware around one HTML route that uses the request's nonce.
    fn app(site: Arc<Site>) -> axum::Router {
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

    struct Got {
        headers: HeaderMap,
        body: Vec<u8>,
    }

    fn fetch(site: &Arc<Site>, accept: Option<&str>) -> Got {
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

    fn header_of(got: &Got, name: header::HeaderName) -> &str {
        got.headers.get(name).map_or("", |v| v.to_str().unwrap())
    }

    fn unbrotli(bytes: &[u8]) -> String {
        let mut out = String::new();
        ::brotli::Decompressor::new(bytes, 4096)
            .read_to_string(&mut out)
            .unwrap();
        out
    }

    fn csp_nonce(got: &Got) -> String {
        let csp = header_of(got, header::CONTENT_SECURITY_POLICY);
        let at = csp.find("'nonce-").unwrap() + "'nonce-".len();
        csp[at..].split('\'').next().unwrap().to_string()
    }

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

    #[test]
    fn a_hit_without_accept_encoding_is_identity() {
        let site = Site::new(Settings::default());
        let cache = &site.cache;
        fetch(&site, Some("br"));
        let hit = fetch(&site, None);
        assert_eq!(header_of(&hit, header::CONTENT_ENCODING), "");
        assert!(header_of(&hit, header::VARY).contains("accept-encoding"));
        assert_eq!(
            String::from_utf8(hit.body.clone()).unwrap(),
            page_text(&csp_nonce(&hit))
        );
        // gzip is compressed on its first request only.
        fetch(&site, Some("gzip"));
        let gz = fetch(&site, Some("gzip;q=1, br;q=0"));
        assert_eq!(header_of(&gz, header::CONTENT_ENCODING), "gzip");
        assert_eq!(cache.compressions(), 2);
    }

    #[test]
    fn the_csp_nonce_is_the_one_in_the_page() {
        let site = Site::new(Settings::default());
        for accept in [None, Some("br"), None, Some("gzip"), Some("br")] {
            let got = fetch(&site, accept);
            let text = match header_of(&got, header::CONTENT_ENCODING) {
                "br" => unbrotli(&got.body),
                "gzip" => {
                    let mut out = String::new();
                    flate2::read::GzDecoder::new(&got.body[..])
                        .read_to_string(&mut out)
                        .unwrap();
                    out
                }
                _ => String::from_utf8(got.body.clone()).unwrap(),
            };
            let nonce = csp_nonce(&got);
            assert_eq!(text.matches("<script").count(), 2);
            assert_eq!(
                text.matches(&format!("nonce=\"{nonce}\"")).count(),
                2,
                "{accept:?}"
            );
        }
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

    fn etag_of(got: &Got) -> String {
        header_of(got, header::ETAG).to_string()
    }

    #[test]
    fn a_page_rendered_again_with_a_new_nonce_keeps_its_etag() {
        let (one, two) = (
            Site::new(Settings::default()),
            Site::new(Settings::default()),
        );
        let (a, b) = (fetch(&one, Some("br")), fetch(&two, None));
        assert_ne!(csp_nonce(&a), csp_nonce(&b));
        assert!(etag_of(&a).starts_with("W/\""), "{}", etag_of(&a));
        assert_eq!(etag_of(&a), etag_of(&b));
        // A hit sends the stored tag.
        assert_eq!(etag_of(&fetch(&one, Some("gzip"))), etag_of(&a));
    }

    #[test]
    fn a_matching_if_none_match_gets_a_304_without_body_or_policy() {
        let site = Site::new(Settings::default());
        let tag = etag_of(&fetch(&site, Some("br")));
        let send = |validators: &str| {
            let req = Request::get("/page")
                .header(header::HOST, "example.test")
                .header(header::ACCEPT_ENCODING, "br")
                .header(header::IF_NONE_MATCH, validators)
                .body(Body::empty())
                .unwrap();
            let res = block_on(app(site.clone()).oneshot(req)).unwrap();
            let (parts, body) = res.into_parts();
            let body = block_on(axum::body::to_bytes(body, usize::MAX)).unwrap();
            (parts.status, parts.headers, body.len())
        };
        let (status, headers, len) = send(&format!("\"other\", {tag}"));
        assert_eq!(status, StatusCode::NOT_MODIFIED);
        assert_eq!(len, 0);
        assert_eq!(headers.get(header::ETAG).unwrap().to_str().unwrap(), tag);
        assert_eq!(
            headers.get(header::CACHE_CONTROL).unwrap(),
            "private, no-cache"
        );
        // The browser keeps the policy that came with its copy, which matches its nonce.
        assert!(headers.get(header::CONTENT_SECURITY_POLICY).is_none());
        assert!(headers.get(header::CONTENT_ENCODING).is_none());
        // A tag without the weak prefix matches too (weak comparison).
        assert_eq!(
            send(tag.trim_start_matches("W/")).0,
            StatusCode::NOT_MODIFIED
        );
        let (status, headers, len) = send("W/\"0000000000000000\"");
        assert_eq!(status, StatusCode::OK);
        assert!(len > 0 && headers.contains_key(header::CONTENT_SECURITY_POLICY));
    }

    #[test]
    fn head_and_range_are_served_from_the_stored_page() {
        use std::sync::atomic::AtomicUsize;
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

    #[test]
    fn accept_encoding_is_negotiated_br_then_gzip() {
        let of = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            Encoding::negotiate(&h)
        };
        assert_eq!(of("gzip, deflate, br, zstd"), Encoding::Br);
        assert_eq!(of("gzip"), Encoding::Gzip);
        assert_eq!(of("br;q=0, gzip;q=0.5"), Encoding::Gzip);
        assert_eq!(of("*"), Encoding::Br);
        assert_eq!(of("*;q=0, gzip"), Encoding::Gzip);
        assert_eq!(of("identity"), Encoding::Identity);
        assert_eq!(of("deflate"), Encoding::Identity);
        assert_eq!(Encoding::negotiate(&HeaderMap::new()), Encoding::Identity);
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
