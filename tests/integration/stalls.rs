//! No request may stall the others (issue 27): heavy work waits in a bounded queue and is
//! turned away with 503 when it is full, while probes and cached pages keep answering.
#![cfg(feature = "ssr")]

use crate::common::{self, Page};
use axum::http::StatusCode;
use scim_ledger::server::config::Settings;
use std::net::SocketAddr;

/// A server around the shipped data with these settings, on the tests' runtime.
async fn start(settings: Settings) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mut options = scim_ledger::server::leptos_options();
    options.site_root = concat!(env!("CARGO_MANIFEST_DIR"), "/public").into();
    let app = scim_ledger::server::router_with(common::catalog(), options, settings);
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

#[test]
fn heavy_work_waits_in_a_bounded_queue_and_the_rest_is_turned_away() {
    common::block_on(async {
        // One thread and two places waiting: a burst of new cards fills it at once (a
        // card takes far longer to draw than a burst takes to arrive).
        let addr = start(Settings {
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
