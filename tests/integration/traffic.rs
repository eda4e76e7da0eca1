//! Traffic a browser on our pages would not send, on the real server: posts where there is
//! no form, other methods, hosts and proxies, oversized URLs, and cache headers.
#![cfg(feature = "ssr")]

use crate::common;

use axum::http::StatusCode;
use common::Page;
use scim_ledger::server::config::Settings;
use serde_json::Value;
use std::net::SocketAddr;
use std::sync::OnceLock;

/// The shipped data behind the default settings, started once for this file.
fn server() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| common::start(common::catalog()))
}

/// One HTTP/1.1 request, written as it is (so tests can send what clients get wrong), and
/// the answer. `Connection: close` is added; the answer is read until the server closes.
async fn send(addr: SocketAddr, head: &str, body: &[u8]) -> Page {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut request = format!("{head}\r\nConnection: close\r\n\r\n").into_bytes();
    request.extend_from_slice(body);
    // The server may answer and close before reading all of a body it refuses.
    let _ = stream.write_all(&request).await;
    let mut raw = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(30),
        stream.read_to_end(&mut raw),
    )
    .await;
    assert!(read.is_ok(), "no answer within 30 s to {head}");
    common::parse_response(&raw).unwrap_or_else(|| panic!("no HTTP response to {head}"))
}

/// A JSON error of ours: `{"error": "...", "issues": [...]}` and nothing a handler said.
#[track_caller]
fn assert_clean_json_error(page: &Page, what: &str) {
    assert!(
        page.content_type.starts_with("application/json"),
        "{what}: {} {}",
        page.content_type,
        page.body
    );
    let v: Value = serde_json::from_str(&page.body).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(v["error"].is_string(), "{what}: {v}");
    for internal in [
        "Args",
        "Deserialization",
        "missing field",
        "length limit",
        "|",
        "`",
    ] {
        assert!(!page.body.contains(internal), "{what}: {}", page.body);
    }
}

#[test]
fn no_server_function_answers_posts() {
    common::block_on(async {
        let addr = server();
        // Pages load their data on the server; nothing is registered for the browser to call.
        assert_eq!(leptos::server_fn::axum::server_fn_paths().count(), 0);
        for path in ["/api/get_guide", "/api/list_vendors12345"] {
            let head = format!(
                "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 9"
            );
            let page = send(addr, &head, b"slug=mode").await;
            assert_eq!(page.status, StatusCode::METHOD_NOT_ALLOWED, "{path}");
            assert_eq!(page.header("allow"), "GET, HEAD", "{path}");
            assert!(!page.body.contains("mode"), "{path}: {}", page.body);
        }
    })
}

#[test]
fn static_files_take_only_get_and_head() {
    common::block_on(async {
        let addr = server();
        for method in ["DELETE", "PUT", "PATCH", "TRACE", "POST", "OPTIONS"] {
            for uri in ["/favicon.svg", "/no/such/file.js"] {
                let head = format!("{method} {uri} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 0");
                let page = send(addr, &head, b"").await;
                assert_eq!(
                    page.status,
                    StatusCode::METHOD_NOT_ALLOWED,
                    "{method} {uri}"
                );
                assert_eq!(page.header("allow"), "GET, HEAD", "{method} {uri}");
                assert!(!page.body.contains("<svg"), "{method} {uri} sent the file");
                assert_eq!(page.header("x-content-type-options"), "nosniff");
            }
        }
        let page = common::get_at(addr, "/favicon.svg").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("<svg"));
        let page = send(
            addr,
            &format!("HEAD /favicon.svg HTTP/1.1\r\nHost: {addr}"),
            b"",
        )
        .await;
        assert_eq!(page.status, StatusCode::OK);
    })
}

/// GET with extra header lines (each `Name: value`).
async fn get_with(addr: SocketAddr, uri: &str, headers: &[&str]) -> Page {
    let mut head = format!("GET {uri} HTTP/1.1");
    for h in headers {
        head.push_str("\r\n");
        head.push_str(h);
    }
    send(addr, &head, b"").await
}

/// The printed address at the foot of a page.
fn print_link(page: &Page) -> &str {
    let at = page
        .body
        .find("class=\"print-link\">")
        .expect("a print link")
        + 19;
    &page.body[at..at + page.body[at..].find('<').unwrap()]
}

const SCENARIO: &str = "/calculator?vendor=mode&users=20";
const SCENARIO_HTML: &str = "/calculator?vendor=mode&amp;users=20";

#[test]
fn a_configured_public_url_is_the_base_of_every_page_address() {
    common::block_on(async {
        let settings = Settings::parse(Some("https://ledger.example"), None).unwrap();
        let addr = common::start_with(settings).await;
        let first = get_with(addr, SCENARIO, &["Host: evil.example"]).await;
        assert_eq!(first.status, StatusCode::OK);
        let address = format!("https://ledger.example{SCENARIO_HTML}");
        assert_eq!(print_link(&first), address);
        first.shows(&[
            &format!("<link href=\"{address}\" rel=\"canonical\">"),
            &format!("<meta property=\"og:url\" content=\"{address}\""),
            "<meta property=\"og:image\" content=\"https://ledger.example/og/calculator.png?vendor=mode&amp;users=20\"",
        ]);
        assert!(!first.body.contains("evil.example"));
        // The Host header no longer makes a page of its own: the same cache entry answers.
        let second = get_with(addr, SCENARIO, &["Host: other.example"]).await;
        assert_eq!(
            second.header("content-security-policy"),
            first.header("content-security-policy")
        );
        assert_eq!(print_link(&second), address);
    })
}

#[test]
fn proxy_headers_count_only_when_the_proxy_is_trusted() {
    common::block_on(async {
        let sent = ["Host: ledger.example", "X-Forwarded-Proto: https"];
        // Not trusted (the default): the scheme is the server's own, and no canonical link
        // is built from request headers.
        let page = get_with(server(), SCENARIO, &sent).await;
        assert_eq!(
            print_link(&page),
            format!("http://ledger.example{SCENARIO_HTML}")
        );
        assert!(!page.body.contains("rel=\"canonical\""));
        assert!(!page.body.contains("og:url"));

        let addr = common::start_with(Settings::parse(None, Some("true")).unwrap()).await;
        let page = get_with(addr, SCENARIO, &sent).await;
        assert_eq!(
            print_link(&page),
            format!("https://ledger.example{SCENARIO_HTML}")
        );
        // RFC 7239: the last element is the one our proxy added.
        let forwarded =
            "Forwarded: proto=http;host=spoof.example, for=192.0.2.1;proto=https;host=real.example";
        let page = get_with(addr, SCENARIO, &["Host: internal:3000", forwarded]).await;
        assert_eq!(
            print_link(&page),
            format!("https://real.example{SCENARIO_HTML}")
        );
    })
}

#[test]
fn invalid_settings_stop_start_up_with_a_clear_message() {
    use std::process::Command;
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    for (name, value) in [
        ("SCIM_LEDGER_PUBLIC_URL", "ledger.example/path"),
        ("SCIM_LEDGER_TRUST_PROXY", "sometimes"),
        ("SCIM_LEDGER_HEADER_TIMEOUT_SECONDS", "0"),
        ("SCIM_LEDGER_BODY_MIN_BYTES_PER_SECOND", "fast"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_scim-ledger"))
            .args(["--data", data])
            .env(name, value)
            // Were the setting ignored, start-up would stop here instead, with another message.
            .env("LEPTOS_SITE_ADDR", "no-address")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(name) && stderr.contains(value), "{stderr}");
    }
}

#[test]
fn pages_are_private_and_hsts_follows_the_public_url() {
    common::block_on(async {
        let addr = server();
        for uri in ["/vendors/mode", "/vendors/mode", "/no/such/page"] {
            let page = common::get_at(addr, uri).await;
            assert!(page.content_type.starts_with("text/html"), "{uri}");
            assert_eq!(page.header("cache-control"), "private, no-cache", "{uri}");
            assert_eq!(page.header("strict-transport-security"), "", "{uri}");
            let policy = page.header("permissions-policy");
            assert!(policy.contains("camera=()") && !policy.contains("interest-cohort"));
        }
        let https =
            common::start_with(Settings::parse(Some("https://ledger.example"), None).unwrap())
                .await;
        let http =
            common::start_with(Settings::parse(Some("http://ledger.example"), None).unwrap()).await;
        for uri in ["/vendors/mode", "/healthz", "/no/such/page"] {
            let page = common::get_at(https, uri).await;
            assert_eq!(
                page.header("strict-transport-security"),
                "max-age=31536000",
                "{uri}"
            );
            let page = common::get_at(http, uri).await;
            assert_eq!(page.header("strict-transport-security"), "", "{uri}");
        }
    })
}

#[test]
fn cached_pages_are_rendered_again_after_their_time() {
    common::block_on(async {
        let settings = Settings {
            cache_ttl: std::time::Duration::from_millis(300),
            ..Settings::default()
        };
        let addr = common::start_with(settings).await;
        let nonce = |page: &Page| page.header("content-security-policy");
        let first = common::get_at(addr, "/vendors/mode").await;
        let hit = common::get_at(addr, "/vendors/mode").await;
        assert_eq!(nonce(&first), nonce(&hit), "served from the cache");
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        let later = common::get_at(addr, "/vendors/mode").await;
        assert_eq!(later.status, StatusCode::OK);
        assert_ne!(nonce(&first), nonce(&later), "rendered again");
    })
}

#[test]
fn oversized_urls_get_a_clear_414_or_400() {
    common::block_on(async {
        let addr = server();
        let long = format!("vendor=mode&note={}", "a".repeat(5_000));
        let many = (0..100)
            .map(|i| format!("k{i}=1"))
            .collect::<Vec<_>>()
            .join("&");
        for (query, status) in [
            (&long, StatusCode::URI_TOO_LONG),
            (&many, StatusCode::BAD_REQUEST),
        ] {
            for path in [
                "/api/cost",
                "/vendors.csv",
                "/compare.csv",
                "/chart.svg",
                "/api/vendor-search",
            ] {
                let page = common::get_at(addr, &format!("{path}?{query}")).await;
                assert_eq!(page.status, status, "{path}");
                assert_clean_json_error(&page, path);
            }
            for path in ["/calculator", "/vendors/mode", "/pkg/scim-ledger.js"] {
                let page = common::get_at(addr, &format!("{path}?{query}")).await;
                assert_eq!(page.status, status, "{path}");
                assert!(page.content_type.starts_with("text/html"), "{path}");
                page.shows(&["SCIM Ledger", "See all vendors", "class=\"not-found\""]);
                assert!(
                    !page.body.contains("aaaaaaaaaa"),
                    "{path}: the URL is not echoed"
                );
                assert_eq!(page.header("x-frame-options"), "DENY", "{path}");
            }
        }
        // At the limits: 65 parameters are refused; 64, and 4,000 bytes of URL, are served.
        let query = (0..64)
            .map(|i| format!("k{i}=1"))
            .collect::<Vec<_>>()
            .join("&");
        let page = common::get_at(addr, &format!("/calculator?vendor=mode&{query}")).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "65 parameters");
        let page = common::get_at(addr, &format!("/calculator?{query}")).await;
        assert_eq!(page.status, StatusCode::OK, "64 parameters");
        let near = format!("/calculator?vendor=mode&note={}", "a".repeat(4_000));
        assert_eq!(common::get_at(addr, &near).await.status, StatusCode::OK);
    })
}

#[test]
fn unknown_parameters_are_dropped_not_echoed_nor_cached_apart() {
    common::block_on(async {
        let clean = common::get("/calculator?vendor=mode&users=120").await;
        // Junk keys, a repeat and another order: one canonical address, one cache entry.
        for junk in [
            "/calculator?users=120&vendor=mode&utm_source=mail&zzjunkkey=%3Cjunkvalue%3E",
            "/calculator?qqjunkone=1&vendor=mode&users=7&users=120",
            "/calculator?vendor=mode&users=120&qqjunktwo=2",
        ] {
            let page = common::get(junk).await;
            assert_eq!(page.status, StatusCode::OK, "{junk}");
            assert_eq!(
                common::csp_nonce(&page),
                common::csp_nonce(&clean),
                "{junk} made a cache entry of its own"
            );
            assert_eq!(page.body, clean.body, "{junk}");
            for echoed in [
                "utm_source",
                "zzjunkkey",
                "junkvalue",
                "qqjunkone",
                "qqjunktwo",
            ] {
                assert!(!page.body.contains(echoed), "{junk}: `{echoed}` echoed");
            }
        }
        // The JSON API reads the same canonical query.
        let api = common::get("/api/cost?vendor=mode&users=120&bogus=1").await;
        assert_eq!(api.status, StatusCode::OK);
    })
}

#[test]
fn every_route_answers_the_same_bad_input_the_same_way() {
    common::block_on(async {
        // Pages show the message with a 400; the JSON API, the CSV downloads and the chart
        // image give the JSON error with a 400.
        let cases: [(&str, &[&str]); 4] = [
            (
                "unknown vendor",
                &[
                    "/calculator?vendor=zz",
                    "/decide?vendor=zz",
                    "/compare?vendors=zz",
                    "/api/cost?vendor=zz",
                    "/compare.csv?vendors=zz",
                    "/chart.svg?vendor=zz",
                ],
            ),
            (
                "team size not a number",
                &[
                    "/calculator?vendor=mode&users=abc",
                    "/decide?vendor=mode&users=abc",
                    "/compare?vendors=mode&users=abc",
                    "/api/cost?vendor=mode&users=abc",
                    "/compare.csv?vendors=mode&users=abc",
                    "/chart.svg?vendor=mode&users=abc",
                ],
            ),
            (
                "negative team size",
                &[
                    "/calculator?vendor=mode&users=-5",
                    "/compare?vendors=mode&users=-5",
                    "/api/cost?vendor=mode&users=-5",
                    "/compare.csv?vendors=mode&users=-5",
                    "/chart.svg?vendor=mode&users=-5",
                ],
            ),
            (
                "a vendor search with nothing to search for",
                &[
                    "/calculator?vendor_q=%21%21",
                    "/decide?vendor_q=%21%21",
                    "/compare?vendors=mode&vendor_q=%21%21",
                    "/api/vendor-search?q=%21%21",
                ],
            ),
        ];
        for (what, uris) in cases {
            for uri in uris {
                let page = common::get(uri).await;
                assert_eq!(page.status, StatusCode::BAD_REQUEST, "{what}: {uri}");
                if uri.starts_with("/api/") || uri.contains(".csv") || uri.contains(".svg") {
                    assert_clean_json_error(&page, uri);
                } else {
                    assert!(page.content_type.starts_with("text/html"), "{uri}");
                }
            }
        }
        let sort = common::get("/vendors.csv?sort=bogus").await;
        assert_eq!(sort.status, StatusCode::BAD_REQUEST);
        assert_clean_json_error(&sort, "/vendors.csv");
        // A slug that is not UTF-8 is an unknown vendor, answered in JSON like any other.
        let odd = common::get("/api/vendors/%FF").await;
        assert_eq!(odd.status, StatusCode::NOT_FOUND);
        assert!(
            odd.content_type.starts_with("application/json"),
            "{}",
            odd.content_type
        );
        for path in ["/..", "/vendors/../calculator", "/./"] {
            assert_eq!(
                common::get(path).await.status,
                StatusCode::BAD_REQUEST,
                "{path}"
            );
        }
        for declarations in [
            "/pkg/scim-ledger.d.ts",
            "/pkg/scim-ledger.d.18Wz2Ion9vUZniT1aT3Ceg.ts",
        ] {
            assert_eq!(
                common::get(declarations).await.status,
                StatusCode::NOT_FOUND
            );
        }
    })
}

#[test]
fn one_address_per_page_and_no_page_for_other_targets() {
    common::block_on(async {
        let addr = server();
        // A trailing slash once gave the whole page afresh with a 404.
        for (from, to) in [
            ("/vendors/mode/", "/vendors/mode"),
            (
                "/calculator/?vendor=mode&users=12",
                "/calculator?vendor=mode&users=12",
            ),
            ("/stack//", "/stack"),
            ("/sources/", "/sources"),
            // Not `//evil.example`, which a browser would take for another site.
            ("//evil.example/", "/evil.example"),
        ] {
            let page = common::get_at(addr, from).await;
            assert_eq!(page.status, StatusCode::PERMANENT_REDIRECT, "{from}");
            assert_eq!(page.header("location"), to, "{from}");
            assert_eq!(page.header("x-content-type-options"), "nosniff");
        }
        // `*` once rendered the home page as a 404.
        for method in ["GET", "OPTIONS"] {
            let page = send(addr, &format!("{method} * HTTP/1.1\r\nHost: {addr}"), b"").await;
            assert_eq!(page.status, StatusCode::BAD_REQUEST, "{method} *");
            assert!(
                page.body.len() < 2_000,
                "{method} *: {} bytes",
                page.body.len()
            );
            assert_eq!(page.header("x-frame-options"), "DENY");
        }
    })
}

#[test]
fn head_and_range_are_answered_from_the_cached_response() {
    common::block_on(async {
        let addr = server();
        for uri in ["/og/vendors/mode.png", "/vendors/mode"] {
            let whole = common::get_at(addr, uri).await;
            assert_eq!(whole.status, StatusCode::OK);
            let head = send(addr, &format!("HEAD {uri} HTTP/1.1\r\nHost: {addr}"), b"").await;
            assert_eq!(head.status, StatusCode::OK, "HEAD {uri}");
            assert!(head.bytes.is_empty(), "HEAD {uri} sent a body");
            assert_eq!(head.header("etag"), whole.header("etag"), "HEAD {uri}");
            assert_eq!(
                head.header("content-length"),
                whole.bytes.len().to_string(),
                "HEAD {uri}"
            );
            let part = common::get_with_headers(addr, uri, &["Range: bytes=0-0"]).await;
            assert_eq!(part.status, StatusCode::PARTIAL_CONTENT, "{uri}");
            assert_eq!(part.bytes, whole.bytes[..1], "{uri}");
            assert_eq!(
                part.header("content-range"),
                format!("bytes 0-0/{}", whole.bytes.len())
            );
        }
    })
}

#[test]
fn invisible_characters_in_echoed_input_are_shown_not_obeyed() {
    common::block_on(async {
        // U+202E (right-to-left override) before "edom" would display as "mode".
        for uri in [
            "/compare?vendors=%E2%80%AEedom",
            "/decide?vendor=%E2%80%AEedom",
            "/calculator?vendor=%E2%80%AEedom",
        ] {
            let page = common::get(uri).await;
            assert!(page.body.contains("⟨U+202E⟩edom"), "{uri}");
            assert!(
                !page.body.contains('\u{202E}'),
                "{uri}: the override itself is echoed"
            );
        }
        let api = common::get("/api/cost?vendor=%E2%80%AEedom").await;
        assert!(api.body.contains("⟨U+202E⟩edom") && !api.body.contains('\u{202E}'));
    })
}
