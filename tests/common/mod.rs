//! Shared by the server tests: the real router around the shipped data, and a GET helper.

use axum::http::StatusCode;
use scim_ledger::model::Catalog;
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

pub fn catalog() -> Arc<Catalog> {
    static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
    CATALOG
        .get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
            Arc::new(scim_ledger::load::load_catalog(&dir).unwrap_or_else(|e| panic!("{e}")))
        })
        .clone()
}

pub struct Page {
    pub status: StatusCode,
    pub content_type: String,
    pub body: String,
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
}

/// The real server, started once per test binary on a free loopback port, so tests see
/// exactly what a browser would (status, headers, body) through `axum::serve`.
fn server_addr() -> std::net::SocketAddr {
    static ADDR: OnceLock<std::net::SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let app = scim_ledger::server::router(catalog(), scim_ledger::server::leptos_options());
        runtime().spawn(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, app).await.unwrap()
        });
        addr
    })
}

/// A minimal HTTP/1.1 GET (the tests need no client library).
pub async fn get(uri: &str) -> Page {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = server_addr();
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = format!("GET {uri} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(30),
        stream.read_to_end(&mut raw),
    )
    .await
    .unwrap_or_else(|_| panic!("no answer for {uri} within 30 s"))
    .unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse::<u16>().ok())
        .and_then(|c| StatusCode::from_u16(c).ok())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let header = |name: &str| {
        head.lines()
            .find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.trim()
                    .eq_ignore_ascii_case(name)
                    .then(|| v.trim().to_string())
            })
            .unwrap_or_default()
    };
    let body = if header("transfer-encoding").eq_ignore_ascii_case("chunked") {
        dechunk(body)
    } else {
        body.to_string()
    };
    Page {
        status,
        content_type: header("content-type"),
        body,
    }
}

fn dechunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || after.len() < n {
            break;
        }
        out.push_str(&after[..n]);
        rest = after[n..].trim_start_matches("\r\n");
    }
    out
}
