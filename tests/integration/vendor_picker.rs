//! The vendor picker from the server's side: the calculator, the decision helper and the
//! comparison carry no list of every vendor (neither as `<option>`s nor in island props),
//! however many vendors there are; a search without JavaScript answers with links that
//! keep the reader's inputs and drop the old vendor's; `/api/vendor-search` suggests.
#![cfg(feature = "ssr")]

use crate::common::{self, attr, attrs, get, get_at, text, texts};
use axum::http::StatusCode;
use scim_ledger::domain::catalog::Catalog;
use serde_json::Value;
use std::sync::{Arc, OnceLock};

/// How many vendors the large catalog adds to the shipped ones.
const GENERATED: usize = 900;

/// The shipped vendors and 900 more (copies of Mode named "Generated Vendor 0001" …), served
/// once per test binary.
fn large() -> std::net::SocketAddr {
    static ADDR: OnceLock<std::net::SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let mut catalog: Catalog = (*common::catalog()).clone();
        let mode = catalog.vendor("mode").unwrap().clone();
        for i in 1..=GENERATED {
            let mut v = mode.clone();
            v.slug = format!("gen-{i:04}");
            v.name = format!("Generated Vendor {i:04}");
            v.also_known_as.clear();
            catalog.vendors.push(v);
        }
        catalog.vendors.sort_by(|a, b| a.name.cmp(&b.name));
        common::start(Arc::new(catalog))
    })
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

#[test]
fn pages_with_a_picker_carry_no_list_of_vendors() {
    common::block_on(async {
        let addr = large();
        for uri in [
            "/calculator",
            "/calculator?vendor=gen-0007&users=120",
            "/decide",
            "/decide?vendor=gen-0007",
            "/compare?vendors=gen-0007,ironclad&users=120",
        ] {
            let page = get_at(addr, uri).await;
            assert_eq!(page.status, StatusCode::OK, "{uri}");
            let html = &page.body;
            // The only <option>s left are the chosen vendor's plans and the helper's
            // identity providers: a handful, not one per vendor.
            let options = html.matches("<option").count();
            assert!(options < 20, "{uri}: {options} <option>s");
            for other in ["Generated Vendor 0008", "gen-0900", "Bitwarden"] {
                assert!(!html.contains(other), "{uri} names {other}");
            }
            // The picker instead: an ARIA combobox, in a GET form of its own.
            assert_eq!(attr(html, "#vendor-pick", "role"), "combobox", "{uri}");
            assert_eq!(attr(html, "#vendor-pick", "aria-expanded"), "false");
            assert_eq!(
                attr(html, "#vendor-pick", "aria-controls"),
                "vendor-pick-list"
            );
            assert_eq!(attr(html, "#vendor-pick-list", "role"), "listbox");
            assert_eq!(attr(html, "form.vendor-picker", "method"), "get");
            // As light as with the 13 shipped vendors (the calculator is about 35 KB raw):
            // the old select and props cost about 700 bytes a vendor, 600 KB here.
            assert!(html.len() < 60_000, "{uri}: {} bytes", html.len());
        }
        // The chosen vendor's name is in the box.
        let page = get_at(addr, "/calculator?vendor=gen-0007").await;
        assert_eq!(
            attr(&page.body, "#vendor-pick", "value"),
            "Generated Vendor 0007"
        );
        // The form keeps the vendor for its own submit.
        assert_eq!(
            attr(
                &page.body,
                ".scenario-form input[type=hidden][name=vendor]",
                "value"
            ),
            "gen-0007"
        );
    })
}

#[test]
fn a_search_without_javascript_lists_the_matches_as_links() {
    common::block_on(async {
        // The reader's other inputs are kept; the old vendor's plan and quotes go.
        let page = get(
            "/calculator?vendor=mode&users=120&plan=Enterprise&quote=9000&current_quote=5000&hourly=80&vendor_q=iron",
        )
        .await;
        assert_eq!(page.status, StatusCode::OK);
        let html = &page.body;
        assert_eq!(text(html, ".vendor-matches p"), "1 vendor matches “iron”:");
        assert_eq!(
            attrs(html, ".vendor-matches a", "href"),
            ["/calculator?vendor=ironclad&users=120&hourly=80"]
        );
        assert_eq!(texts(html, ".vendor-matches a"), ["Ironclad"]);
        // The box holds what was typed, and the page still shows Mode's figures.
        assert_eq!(attr(html, "#vendor-pick", "value"), "iron");
        assert!(html.contains("Business/Pro"));
        // The search goes when the scenario form is submitted: the form owns `vendor_q`.
        assert!(attrs(html, ".scenario-form input[type=hidden]", "name")
            .iter()
            .all(|n| n != "vendor_q"));
        // The picker's own form carries what a pick keeps, so its search lands on that.
        let carried = attrs(html, ".vendor-picker input[type=hidden]", "name");
        assert_eq!(carried, ["users", "hourly"]);

        // On the decision helper too: a pick keeps the answers, not the old vendor's plan
        // and quotes.
        let page = get("/decide?vendor=mode&users=120&plan=Enterprise&quote=9000&current_quote=5&automate=yes&vendor_q=iron").await;
        assert_eq!(
            attrs(&page.body, ".vendor-matches a", "href"),
            ["/decide?vendor=ironclad&users=120&automate=yes"]
        );
        let page = get("/decide?vendor_q=MODE").await;
        assert_eq!(
            attrs(&page.body, ".vendor-matches a", "href"),
            ["/decide?vendor=mode"]
        );
        let page = get("/compare?vendors=mode&users=50&vendor_q=code").await;
        assert_eq!(
            attrs(&page.body, ".vendor-matches a", "href"),
            ["/compare?vendors=mode,code42&users=50"]
        );
        let page = get("/calculator?vendor_q=zzzz").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(
            text(&page.body, ".vendor-matches p"),
            "No vendor matches “zzzz”. Try fewer letters, or another name for it."
        );
        // Nothing to search for is bad input, as everywhere: a message and a 400.
        let page = get("/calculator?vendor=mode&vendor_q=%21%21").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        page.shows(&["has no letter or digit to search for"]);

        // At full size, a short word's matches are listed up to 50, best first.
        let page = get_at(large(), "/calculator?users=40&vendor_q=generated+vendor").await;
        let html = &page.body;
        assert_eq!(
            text(html, ".vendor-matches p"),
            "900 vendors match “generated vendor”; the first 50 are listed. Type more of the name to narrow them."
        );
        let links = attrs(html, ".vendor-matches a", "href");
        assert_eq!(links.len(), 50);
        assert_eq!(links[0], "/calculator?vendor=gen-0001&users=40");
        let page = get_at(large(), "/calculator?vendor_q=vendor+0042").await;
        assert_eq!(
            attrs(&page.body, ".vendor-matches a", "href"),
            ["/calculator?vendor=gen-0042"]
        );
    })
}

#[test]
fn the_endpoint_suggests_ranked_vendors_as_json() {
    common::block_on(async {
        let page = get("/api/vendor-search?q=Iron").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.content_type.starts_with("application/json"));
        let v = json(&page.body);
        assert_eq!(v["query"], "Iron");
        assert_eq!(v["total"], 1);
        assert_eq!(v["vendors"][0]["slug"], "ironclad");
        assert_eq!(v["vendors"][0]["name"], "Ironclad");
        assert!(v["vendors"][0]["status"].is_string());
        // Cached like every GET: an ETag, and junk keys dropped from the cache key.
        assert!(!page.header("etag").is_empty());
        let junk = get("/api/vendor-search?q=Iron&utm_source=x").await;
        assert_eq!(junk.header("etag"), page.header("etag"));

        // At full size: at most 10, best first, and how many match in all.
        let v = json(&get_at(large(), "/api/vendor-search?q=gen").await.body);
        assert_eq!(v["total"], GENERATED);
        assert_eq!(v["vendors"].as_array().unwrap().len(), 10);
        assert_eq!(v["vendors"][0]["slug"], "gen-0001");
        let v = json(&get_at(large(), "/api/vendor-search?q=mode").await.body);
        assert_eq!(v["vendors"][0]["slug"], "mode", "the exact name first");

        for (uri, says) in [
            ("/api/vendor-search", "q is missing"),
            ("/api/vendor-search?q=%20", "q is missing"),
            ("/api/vendor-search?q=%21%3F", "no letter or digit"),
            (
                &*format!("/api/vendor-search?q={}", "a".repeat(81)),
                "at most 80 characters",
            ),
        ] {
            let page = get(uri).await;
            assert_eq!(page.status, StatusCode::BAD_REQUEST, "{uri}");
            let v = json(&page.body);
            assert!(v["error"].as_str().unwrap().contains("q="), "{uri}");
            assert_eq!(v["issues"][0]["field"], "q", "{uri}");
            assert!(
                v["issues"][0]["message"].as_str().unwrap().contains(says),
                "{uri}: {v}"
            );
        }
    })
}
