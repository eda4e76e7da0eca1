//! Server-rendered HTML of every page: status codes, and the key facts of each vendor
//! present before any JavaScript runs.
#![cfg(feature = "ssr")]

use crate::common::{self, catalog, get};
use axum::http::StatusCode;

/// Text as Leptos writes it into HTML text nodes.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn home_lists_every_vendor_with_a_link_to_its_guide() {
    common::block_on(async {
        let page = get("/").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.content_type.starts_with("text/html"));
        let catalog = catalog();
        for v in &catalog.vendors {
            page.shows(&[&html(&v.name), &format!("href=\"/vendors/{}\"", v.slug)]);
            page.shows(&[&html(&v.category)]);
        }
        page.shows(&[&format!("{} vendors", catalog.vendors.len())]);
    })
}

#[test]
fn every_guide_renders_its_facts_and_anchors() {
    common::block_on(async {
        for v in &catalog().vendors {
            let page = get(&format!("/vendors/{}", v.slug)).await;
            assert_eq!(page.status, StatusCode::OK, "{}", v.slug);
            page.shows(&[&html(&v.name), "id=\"facts\"", "id=\"source\""]);
            page.shows(&[&v.source.url]);
            for plan in &v.plans {
                page.shows(&[&html(&plan.name)]);
            }
            for idp in &v.idps {
                page.shows(&[idp.idp.name()]);
            }
            if !v.plans.is_empty() {
                page.shows(&["id=\"pricing\""]);
            }
            if !v.decision.is_empty() {
                page.shows(&["id=\"decision\""]);
            }
            if !v.discrepancies.is_empty() {
                page.shows(&["id=\"discrepancies\""]);
                for d in &v.discrepancies {
                    page.shows(&[&html(&d.topic)]);
                }
            }
            if v.is_partial() {
                page.shows(&["id=\"unknowns\"", "Partial profile"]);
            }
        }
    })
}

#[test]
fn full_guides_have_every_section() {
    common::block_on(async {
        for slug in ["mimecast", "code42", "mode", "ironclad"] {
            let page = get(&format!("/vendors/{slug}")).await;
            assert_eq!(page.status, StatusCode::OK);
            page.shows(&[
                "id=\"idp\"",
                "id=\"pricing\"",
                "id=\"constraints\"",
                "id=\"spec\"",
                "id=\"setup\"",
                "id=\"decision\"",
                "Okta",
                "Microsoft Entra ID",
                "Google Workspace",
                "OneLogin",
            ]);
        }
    })
}

#[test]
fn mode_guide_states_its_prices_and_the_corrected_table() {
    common::block_on(async {
        let page = get("/vendors/mode").await;
        page.shows(&[
            "Studio",
            "Business/Pro",
            "$49",
            "$6,000",
            "$50,000",
            "50",
            // The source's 20-user row says +$23,240; the recomputed difference is -$5,760.
            "$23,240",
            "5,760",
        ]);
    })
}

#[test]
fn code42_guide_shows_the_per_year_price_and_the_table_error() {
    common::block_on(async {
        let page = get("/vendors/code42").await;
        page.shows(&["$90", "year", "$4,500"]);
    })
}

#[test]
fn ironclad_guide_names_jumpcloud_and_both_price_claims() {
    common::block_on(async {
        let page = get("/vendors/ironclad").await;
        page.shows(&["JumpCloud", "$500", "$60,000", "$150,000"]);
    })
}

#[test]
fn mimecast_guide_links_its_api_guide() {
    common::block_on(async {
        let page = get("/vendors/mimecast").await;
        page.shows(&["href=\"/vendors/mimecast/api\"", "Custom"]);
    })
}

#[test]
fn api_guide_renders_every_section() {
    common::block_on(async {
        let page = get("/vendors/mimecast/api").await;
        assert_eq!(page.status, StatusCode::OK);
        let guide = catalog().api_guide("mimecast").unwrap().clone();
        page.shows(&[
            "id=\"generations\"",
            "id=\"auth\"",
            "id=\"user-object\"",
            "id=\"endpoints\"",
            "id=\"rate-limits\"",
            "id=\"pagination\"",
            "id=\"events\"",
            "id=\"scim\"",
            "id=\"scenarios\"",
            "id=\"pitfalls\"",
            "href=\"#source\"",
        ]);
        for e in &guide.endpoints {
            page.shows(&[&e.method, &html(&e.url)]);
        }
        for f in &guide.user_fields {
            page.shows(&[&html(&f.name)]);
        }
    })
}

#[test]
fn unknown_vendor_and_unknown_path_are_real_404s() {
    common::block_on(async {
        for uri in [
            "/vendors/no-such-vendor",
            "/vendors/no-such-vendor/api",
            "/vendors/mode/api",
            "/no/such/page",
        ] {
            let page = get(uri).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{uri}");
            page.shows(&["Page not found"]);
        }
    })
}

#[test]
fn healthz_answers_ok() {
    common::block_on(async {
        let page = get("/healthz").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.body, "ok");
    })
}
