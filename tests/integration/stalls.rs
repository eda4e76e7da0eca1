//! No request may stall the others (issue 27): heavy work waits in a bounded queue and is
//! turned away with 503 when it is full, while probes and cached pages keep answering;
//! slow, silent and idle connections are closed; what hyper refuses below the app still
//! gets a body in the route's format and the security headers.
#![cfg(feature = "ssr")]

use crate::common::{self, Page};
use axum::http::StatusCode;
use scim_ledger::server::config::Settings;
use std::time::Duration;

#[test]
fn heavy_work_waits_in_a_bounded_queue_and_the_rest_is_turned_away() {
    common::block_on(async {
        // One thread and two places waiting: a burst of new cards fills it at once (a
        // card takes far longer to draw than a burst takes to arrive).
        let addr = common::start_with(Settings {
            work_threads: 1,
            work_queue: 2,
            ..Settings::default()
        })
        .await;
        let page = common::get_at(addr, "/vendors/mode").await;
        assert_eq!(page.status, StatusCode::OK);
        let cards: Vec<_> = (0..12)
            .map(|i| {
                let uri = format!("/og/calculator.png?vendor=mode&users={}", 1_000 + i);
                tokio::spawn(async move { common::get_at(addr, &uri).await })
            })
            .collect();
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        // Meanwhile: probes, cached pages and light pages answer; a heavy POST is refused
        // in its route's format.
        assert_eq!(
            common::get_at(addr, "/healthz").await.status,
            StatusCode::OK
        );
        let cached = common::get_at(addr, "/vendors/mode").await;
        assert_eq!(cached.status, StatusCode::OK);
        let api = common::post_at(addr, "/api/stack", "text/plain", b"Mode, 4").await;
        assert_busy(&api, "POST /api/stack");
        assert!(api.content_type.starts_with("application/json"));
        let mut answered = 0;
        let mut busy = 0;
        for card in cards {
            let page = card.await.unwrap();
            match page.status {
                StatusCode::OK => answered += 1,
                _ => {
                    assert_busy(&page, "a card");
                    busy += 1;
                }
            }
        }
        assert!(answered >= 3, "{answered} cards drawn");
        assert!(busy >= 1, "no card was turned away: the queue is unbounded");
        // Once the queue is drained, heavy work is taken again.
        let page = common::post_at(addr, "/api/stack", "text/plain", b"Mode, 4").await;
        assert_eq!(page.status, StatusCode::OK);
    })
}

#[track_caller]
fn assert_busy(page: &Page, what: &str) {
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE, "{what}");
    assert_eq!(page.header("retry-after"), "1", "{what}");
    assert_eq!(page.header("x-content-type-options"), "nosniff", "{what}");
}

/// Writes `request` as it is (the server may close before taking all of it) and reads the
/// answer until the server closes, for 10 s at most: `None` if it is still open by then.
async fn raw(addr: std::net::SocketAddr, request: &[u8]) -> Option<Vec<u8>> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let _ = stream.write_all(request).await;
    let mut answer = Vec::new();
    let read = stream.read_to_end(&mut answer);
    match tokio::time::timeout(Duration::from_secs(10), read).await {
        Ok(_) => Some(answer),
        Err(_) => None,
    }
}

#[test]
fn slow_silent_and_idle_connections_are_closed() {
    common::block_on(async {
        let addr = common::start_with(Settings {
            header_timeout: Duration::from_secs(1),
            body_min_rate: 1024,
            ..Settings::default()
        })
        .await;
        // Each stayed open for good (watched for 90 s).
        let silent = raw(addr, b"").await;
        assert_eq!(silent.as_deref(), Some(&b""[..]), "a silent connection");
        let half = raw(addr, b"GET / HTTP/1.1\r\nHost: x\r\n").await;
        assert_eq!(half.as_deref(), Some(&b""[..]), "half-sent headers");
        // Kept alive after an answer, then idle: the answer, then the close.
        let idle = raw(addr, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").await;
        let idle = common::parse_response(&idle.expect("an idle connection is closed")).unwrap();
        assert_eq!((idle.status, idle.body.as_str()), (StatusCode::OK, "ok"));
        // A body declared 1,000 bytes long that stops after 3: 408 in the route's format.
        let post = b"POST /api/stack HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nabc";
        let slow = raw(addr, post)
            .await
            .expect("a stalled body's connection is closed");
        let slow = common::parse_response(&slow).unwrap();
        assert_eq!(slow.status, StatusCode::REQUEST_TIMEOUT);
        assert!(
            slow.content_type.starts_with("application/json"),
            "{}",
            slow.content_type
        );
        assert_eq!(slow.header("x-content-type-options"), "nosniff");
    })
}

#[test]
fn refusals_below_the_app_carry_a_body_and_the_security_headers() {
    common::block_on(async {
        let addr = common::server_addr();
        let long = "a".repeat(70_000);
        let headers = |n: usize| -> String { (0..n).map(|i| format!("X-H{i}: 1\r\n")).collect() };
        let big = format!("X-Big: {}\r\n", "b".repeat(1024 * 1024));
        let cases: [(String, StatusCode, bool); 7] = [
            // hyper's own: no URI type holds 64 KiB, a head over its buffer, an unreadable line.
            (
                format!("GET /api/cost?x={long} HTTP/1.1\r\nHost: x\r\n\r\n"),
                StatusCode::URI_TOO_LONG,
                true,
            ),
            (
                format!("GET /calculator?x={long} HTTP/1.1\r\nHost: x\r\n\r\n"),
                StatusCode::URI_TOO_LONG,
                false,
            ),
            (
                format!("GET /api/vendors HTTP/1.1\r\nHost: x\r\n{big}\r\n"),
                StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                true,
            ),
            (
                format!(
                    "GET /api/vendors HTTP/1.1\r\nHost: x\r\n{}\r\n",
                    headers(500)
                ),
                StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                true,
            ),
            (
                "GARBAGE\r\n\r\n".to_string(),
                StatusCode::BAD_REQUEST,
                false,
            ),
            // The app's, below hyper's limits.
            (
                format!("GET /api/cost HTTP/1.1\r\nHost: x\r\n{}\r\n", headers(150)),
                StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                true,
            ),
            (
                format!(
                    "GET /calculator HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
                    "c".repeat(40_000)
                ),
                StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                false,
            ),
        ];
        for (request, status, json) in cases {
            let what = &request[..40.min(request.len())];
            let answer = raw(addr, request.as_bytes())
                .await
                .expect("an answer and a close");
            let page =
                common::parse_response(&answer).unwrap_or_else(|| panic!("{what}: no answer"));
            assert_eq!(page.status, status, "{what}");
            assert_eq!(page.header("x-content-type-options"), "nosniff", "{what}");
            assert!(
                page.header("content-security-policy")
                    .contains("default-src"),
                "{what}"
            );
            if json {
                let v: serde_json::Value =
                    serde_json::from_str(&page.body).unwrap_or_else(|e| panic!("{what}: {e}"));
                assert!(v["error"].is_string(), "{what}");
            } else {
                page.shows(&["class=\"not-found\"", "SCIM Ledger"]);
            }
            assert!(
                !page.body.contains("aaaaaaaa"),
                "{what}: the request is echoed"
            );
        }
    })
}
