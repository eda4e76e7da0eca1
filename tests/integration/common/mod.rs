//! Shared by the server tests: the real router around the shipped data, a GET helper, and
//! readers that take a figure from its own element or CSV cell rather than anywhere in a body.
#![cfg(feature = "ssr")]

use axum::http::StatusCode;
use scim_ledger::domain::catalog::Catalog;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// One runtime for every test in a binary: Leptos's executor is process-wide, so tasks it
/// spawns must not land on a per-test runtime that is gone when that test ends.
fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime")
    })
}

pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    runtime().block_on(f)
}

/// The curated vendor files only: `data/` without `data/datasets/`. The figures these
/// tests check by hand are our own profiles'; the index's releases are tested on the full
/// shipped data in `index_v3.rs`, and on datasets written in the test in `index_data.rs`.
pub fn catalog() -> Arc<Catalog> {
    static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
    CATALOG
        .get_or_init(|| {
            let dir = curated_data().keep();
            Arc::new(
                scim_ledger::server::load::load_catalog(&dir).unwrap_or_else(|e| panic!("{e}")),
            )
        })
        .clone()
}

/// Everything `data/` holds as shipped, the placed datasets included (850 vendors).
pub fn full_catalog() -> Arc<Catalog> {
    static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
    CATALOG
        .get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
            Arc::new(
                scim_ledger::server::load::load_catalog(&dir).unwrap_or_else(|e| panic!("{e}")),
            )
        })
        .clone()
}

/// A copy of `data/` without `datasets/`: our vendor files and API guides.
pub fn curated_data() -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                if entry.file_name() != "datasets" {
                    copy(&entry.path(), &target);
                }
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        dir.path(),
    );
    dir
}

pub struct Page {
    pub status: StatusCode,
    pub content_type: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// The body's bytes as sent (dechunked): for images.
    pub bytes: Vec<u8>,
}

impl Page {
    /// Asserts that every part appears in the body, naming the first missing one.
    #[track_caller]
    pub fn shows(&self, parts: &[&str]) {
        for part in parts {
            assert!(
                self.body.contains(part),
                "`{part}` not found in the page (status {})",
                self.status
            );
        }
    }

    /// A response header's value (empty when absent).
    pub fn header(&self, name: &str) -> String {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// Serves `catalog` through the real router and `listen::serve` on a free loopback port.
pub fn start(catalog: Arc<Catalog>) -> std::net::SocketAddr {
    // Static files straight from public/, so tests need no prior cargo-leptos build.
    start_with_site(
        catalog,
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("public"),
    )
}

/// [`start`] with the static files (and `pkg/`) from `site_root`.
pub fn start_with_site(catalog: Arc<Catalog>, site_root: &Path) -> std::net::SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap();
    let mut options = scim_ledger::server::leptos_options();
    options.site_root = site_root.to_string_lossy().as_ref().into();
    let app = scim_ledger::server::app(catalog, options, Default::default());
    runtime().spawn(async move {
        let listener = tokio::net::TcpListener::from_std(listener).unwrap();
        let forever = std::future::pending();
        scim_ledger::server::listen::serve(listener, app, forever)
            .await
            .unwrap()
    });
    addr
}

/// The real server around the shipped data with `settings`, on the tests' runtime (call it
/// inside [`block_on`]).
pub async fn start_with(settings: scim_ledger::server::config::Settings) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mut options = scim_ledger::server::leptos_options();
    options.site_root = concat!(env!("CARGO_MANIFEST_DIR"), "/public").into();
    let app = scim_ledger::server::app(catalog(), options, settings);
    let forever = std::future::pending();
    tokio::spawn(scim_ledger::server::listen::serve(listener, app, forever));
    addr
}

/// The real server around the shipped data, started once per test binary, so tests see
/// exactly what a browser would (status, headers, body).
pub fn server_addr() -> std::net::SocketAddr {
    static ADDR: OnceLock<std::net::SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| start(catalog()))
}

/// GET on the shipped-data server.
pub async fn get(uri: &str) -> Page {
    get_at(server_addr(), uri).await
}

/// A minimal HTTP/1.1 GET (the tests need no client library). `uri` goes into the request
/// line as it is, so tests can send odd encodings.
pub async fn get_at(addr: std::net::SocketAddr, uri: &str) -> Page {
    get_with_headers(addr, uri, &[]).await
}

/// [`get_at`] with extra header lines (each `Name: value`).
pub async fn get_with_headers(addr: std::net::SocketAddr, uri: &str, headers: &[&str]) -> Page {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let extra: String = headers.iter().map(|h| format!("{h}\r\n")).collect();
    let request = format!("GET {uri} HTTP/1.1\r\nHost: {addr}\r\n{extra}Connection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(30),
        stream.read_to_end(&mut raw),
    )
    .await
    .unwrap_or_else(|_| panic!("no answer for {uri} within 30 s"))
    .unwrap();
    parse_response(&raw).unwrap_or_else(|| {
        // No status line is not a server error: say what happened instead of a false 500.
        panic!(
            "no HTTP response for {uri}: {} bytes before the connection closed",
            raw.len()
        )
    })
}

/// A minimal HTTP/1.1 POST of `body` with its content type.
pub async fn post_at(
    addr: std::net::SocketAddr,
    uri: &str,
    content_type: &str,
    body: &[u8],
) -> Page {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST {uri} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    // A server may answer (413) and close before reading a large body whole.
    let _ = stream.write_all(body).await;
    let mut raw = Vec::new();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(30),
        stream.read_to_end(&mut raw),
    )
    .await
    .unwrap_or_else(|_| panic!("no answer for POST {uri} within 30 s"));
    parse_response(&raw).unwrap_or_else(|| panic!("no HTTP response for POST {uri}"))
}

/// A form POST (`application/x-www-form-urlencoded`) to the shipped-data server.
pub async fn post_form(uri: &str, body: &str) -> Page {
    post_at(
        server_addr(),
        uri,
        "application/x-www-form-urlencoded",
        body.as_bytes(),
    )
    .await
}

/// A raw HTTP/1.1 response (chunked bodies joined); `None` without a status line.
pub fn parse_response(raw: &[u8]) -> Option<Page> {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len());
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let body = raw.get(split + 4..).unwrap_or(&[]);
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse::<u16>().ok())
        .and_then(|c| StatusCode::from_u16(c).ok())?;
    let headers: Vec<(String, String)> = head
        .lines()
        .skip(1)
        .filter_map(|l| {
            let (k, v) = l.split_once(':')?;
            Some((k.trim().to_string(), v.trim().to_string()))
        })
        .collect();
    let mut page = Page {
        status,
        content_type: String::new(),
        headers,
        body: String::new(),
        bytes: Vec::new(),
    };
    page.content_type = page.header("content-type");
    let body = if page
        .header("transfer-encoding")
        .eq_ignore_ascii_case("chunked")
    {
        dechunk(body)
    } else {
        body.to_vec()
    };
    page.body = String::from_utf8_lossy(&body).into_owned();
    page.bytes = body;
    Some(page)
}

fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") {
        let size = String::from_utf8_lossy(&rest[..eol]);
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        let after = &rest[eol + 2..];
        if n == 0 || after.len() < n {
            break;
        }
        out.extend_from_slice(&after[..n]);
        rest = after[n..].strip_prefix(b"\r\n").unwrap_or(&after[n..]);
    }
    out
}

/// What a reader sees in an element: its text, with each run of whitespace made one space.
fn visible_text(el: scraper::ElementRef) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[track_caller]
fn select<'a>(doc: &'a scraper::Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector =
        scraper::Selector::parse(css).unwrap_or_else(|e| panic!("bad selector `{css}`: {e}"));
    doc.select(&selector).collect()
}

/// The text of every element `css` matches, in page order.
#[track_caller]
pub fn texts(html: &str, css: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    select(&doc, css).into_iter().map(visible_text).collect()
}

/// The text of the one element `css` matches. None or several fail, so a figure cannot be
/// read from the wrong place.
#[track_caller]
pub fn text(html: &str, css: &str) -> String {
    match texts(html, css).as_slice() {
        [one] => one.clone(),
        all => panic!("`{css}` matched {} elements, not one: {all:?}", all.len()),
    }
}

/// The value cell of the calculator's figure row `key` (`<tr data-key=…>`).
#[track_caller]
pub fn figure(html: &str, key: &str) -> String {
    text(html, &format!("tr[data-key='{key}'] td.num"))
}

/// The nonce a response's Content-Security-Policy names.
pub fn csp_nonce(page: &Page) -> String {
    let csp = page.header("content-security-policy");
    let at = csp.find("'nonce-").expect("a nonce in the CSP") + "'nonce-".len();
    csp[at..].split('\'').next().unwrap().to_string()
}

/// The value of the quick fact `term` (`<div class="fact"><dt>term</dt><dd>value</dd>`).
#[track_caller]
pub fn fact(html: &str, term: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let (dt, dd) = (
        scraper::Selector::parse("dt").unwrap(),
        scraper::Selector::parse("dd").unwrap(),
    );
    let found: Vec<String> = select(&doc, "div.fact")
        .into_iter()
        .filter(|f| f.select(&dt).next().map(visible_text).as_deref() == Some(term))
        .filter_map(|f| f.select(&dd).next().map(visible_text))
        .collect();
    match found.as_slice() {
        [one] => one.clone(),
        all => panic!("fact `{term}` found {} times: {all:?}", all.len()),
    }
}

/// Attribute `name` of every element `css` matches, in page order (empty when absent).
#[track_caller]
pub fn attrs(html: &str, css: &str, name: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    select(&doc, css)
        .into_iter()
        .map(|el| el.value().attr(name).unwrap_or_default().to_string())
        .collect()
}

/// Attribute `name` of the one element `css` matches.
#[track_caller]
pub fn attr(html: &str, css: &str, name: &str) -> String {
    match attrs(html, css, name).as_slice() {
        [one] => one.clone(),
        all => panic!("`{css}` matched {} elements, not one: {all:?}", all.len()),
    }
}

/// The cells (`td`) of the one row in `table` (a selector) whose row header reads `label`.
#[track_caller]
pub fn row(html: &str, table: &str, label: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let header = scraper::Selector::parse("th").unwrap();
    let cell = scraper::Selector::parse("td").unwrap();
    let rows: Vec<_> = select(&doc, &format!("{table} tr"))
        .into_iter()
        .filter(|tr| {
            tr.select(&header)
                .next()
                .is_some_and(|th| visible_text(th) == label)
        })
        .collect();
    match rows.as_slice() {
        [tr] => tr.select(&cell).map(visible_text).collect(),
        _ => panic!(
            "{} rows of `{table}` are headed `{label}`, not one",
            rows.len()
        ),
    }
}

/// A CSV download as the `csv` crate reads it (every record as wide as the header), with
/// cells looked up by header name.
pub struct Csv {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Csv {
    #[track_caller]
    pub fn parse(body: &str) -> Csv {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(body.as_bytes());
        let header = reader
            .headers()
            .unwrap_or_else(|e| panic!("CSV header: {e}"))
            .iter()
            .map(str::to_string)
            .collect();
        let rows = reader
            .records()
            .map(|r| {
                r.unwrap_or_else(|e| panic!("CSV record: {e}"))
                    .iter()
                    .map(str::to_string)
                    .collect()
            })
            .collect();
        Csv { header, rows }
    }

    #[track_caller]
    fn position(&self, column: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == column)
            .unwrap_or_else(|| panic!("no column `{column}` in {:?}", self.header))
    }

    /// Every cell under `column`, top to bottom.
    #[track_caller]
    pub fn column(&self, column: &str) -> Vec<&str> {
        let i = self.position(column);
        self.rows.iter().map(|r| r[i].as_str()).collect()
    }

    /// The cell under `column` in the one record whose `key` column is `value`.
    #[track_caller]
    pub fn cell(&self, (key, value): (&str, &str), column: &str) -> &str {
        let k = self.position(key);
        let i = self.position(column);
        let found: Vec<&Vec<String>> = self.rows.iter().filter(|r| r[k] == value).collect();
        match found.as_slice() {
            [r] => &r[i],
            _ => panic!("{} records have {key} = `{value}`, not one", found.len()),
        }
    }
}
