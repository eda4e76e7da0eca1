//! The calculator from the server's side: deep links render their figures and inputs,
//! bad input is reported on the page, and `/api/cost` returns the same numbers as JSON.
#![cfg(feature = "ssr")]

use crate::common::{self, get};
use axum::http::StatusCode;
use serde_json::Value;

const BLOCK: [&str; 7] = [
    "7",
    "12",
    "101 hours",
    "$3,925",
    "$6,088",
    "$1,741",
    "$11,754",
];

#[test]
fn defaults_at_500_show_the_sources_block() {
    common::block_on(async {
        let page = get("/calculator?users=500").await;
        assert_eq!(page.status, StatusCode::OK);
        page.shows(&BLOCK);
        page.shows(&["Total annual impact", "<svg", "Team size (people)"]);
    })
}

#[test]
fn every_full_vendor_has_a_calculator_in_its_guide() {
    common::block_on(async {
        for slug in ["mimecast", "code42", "mode", "ironclad"] {
            let page = get(&format!("/vendors/{slug}?users=500")).await;
            assert_eq!(page.status, StatusCode::OK, "{slug}");
            page.shows(&["id=\"cost\"", "What the SCIM upgrade costs", "Verdict"]);
            page.shows(&BLOCK);
        }
    })
}

#[test]
fn a_deep_link_renders_its_scenario_and_inputs() {
    common::block_on(async {
        let page = get("/calculator?vendor=mode&users=20&plan=Business%2FPro&years=1").await;
        assert_eq!(page.status, StatusCode::OK);
        // 20 × $49 × 12 = $11,760 against Enterprise's $6,000–$50,000 a year.
        page.shows(&["$11,760", "$6,000–$50,000", "−$5,760 to +$38,240"]);
        // The inputs carry the link's values.
        page.shows(&[
            "name=\"users\"",
            "value=\"20\"",
            "value=\"Business/Pro\" selected",
        ]);
        // Link previews state the scenario.
        page.shows(&[
            "property=\"og:title\"",
            "Mode at 20 people",
            "property=\"og:description\"",
        ]);
    })
}

#[test]
fn bad_input_is_reported_on_the_page_not_a_500() {
    common::block_on(async {
        let page = get("/calculator?vendor=mode&users=lots&hourly=-3&plan=Gold").await;
        assert_eq!(page.status, StatusCode::OK);
        page.shows(&[
            "“lots” is not a number; using the default, 500.",
            "Hourly cost of IT admin time cannot be negative; using 0.",
            "Mode has no plan called “Gold”; using Business/Pro.",
            "aria-invalid=\"true\"",
        ]);
        let page = get("/calculator?vendor=%3Cscript%3E").await;
        assert_eq!(page.status, StatusCode::OK);
        page.shows(&["We have no vendor “&lt;script&gt;”"]);
        assert!(!page.body.contains("“<script>”"));
    })
}

#[test]
fn custom_pricing_asks_for_a_quote_and_uses_it() {
    common::block_on(async {
        let page = get("/calculator?vendor=mimecast&users=200").await;
        assert_eq!(page.status, StatusCode::OK);
        page.shows(&["Your quote for the SCIM plan"]);
        let page =
            get("/calculator?vendor=mimecast&users=200&quote=12000&current_quote=6000").await;
        page.shows(&["$12,000", "$6,000", "+$6,000", "your figure"]);
    })
}

async fn json(uri: &str) -> (StatusCode, Value) {
    let page = get(uri).await;
    assert!(
        page.content_type.starts_with("application/json"),
        "{}",
        page.content_type
    );
    (page.status, serde_json::from_str(&page.body).unwrap())
}

#[test]
fn api_returns_the_same_figures() {
    common::block_on(async {
        let (status, v) = json("/api/cost?vendor=mode&users=500").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(v["orphaned_accounts"], 7);
        assert_eq!(v["unused_licenses"], 12);
        assert_eq!(v["it_hours"], 101.0);
        assert_eq!(v["unused_license_cost"], 3925.0);
        assert_eq!(v["it_labor_cost"], 6088.0);
        assert_eq!(v["compliance_cost"], 1741.0);
        assert_eq!(v["total_annual_impact"], 11754.0);
        assert_eq!(v["upgrade"]["target_plan"], "Enterprise");
        assert_eq!(v["upgrade"]["annual_target"]["low"], 6000.0);
        assert_eq!(v["upgrade"]["annual_target"]["high"], 50000.0);

        let (_, v) = json("/api/cost?vendor=mode&users=20&years=1").await;
        assert_eq!(v["upgrade"]["difference"]["low"], -5760.0);
        assert_eq!(v["upgrade"]["difference"]["high"], 38240.0);
    })
}

#[test]
fn two_open_ended_prices_give_no_verdict_and_no_break_even() {
    common::block_on(async {
        // Ironclad: Standard is "$500+ a month", Enterprise "$60,000+ a year".
        let (_, v) = json("/api/cost?vendor=ironclad&users=120").await;
        assert_eq!(v["verdict"]["result"]["outcome"], "unknown", "{v}");
        // The sentences that state the scenario say so instead of quoting a non-figure.
        let page = get("/decide?vendor=ironclad&users=120").await;
        page.shows(&["cannot be bounded, as both prices are open-ended"]);
        assert!(!page.body.contains("changes spend by cannot"));
        assert!(v["verdict"]["break_even"].is_null(), "{v}");
        // With the reader's quotes there is a verdict again.
        let (_, v) =
            json("/api/cost?vendor=ironclad&users=120&quote=60000&current_quote=9000").await;
        assert_eq!(v["verdict"]["result"]["outcome"], "manual_cheaper", "{v}");
    })
}

#[test]
fn api_rejects_bad_input_with_400_json() {
    common::block_on(async {
        for uri in [
            "/api/cost?users=-1",
            "/api/cost?users=abc",
            "/api/cost?vendor=nope",
            "/api/cost?vendor=mode&plan=Gold",
            "/api/cost?users=99999999999",
            "/api/cost?users=%ZZ",
        ] {
            let (status, v) = json(uri).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
            assert!(v["error"].is_string(), "{uri}");
        }
    })
}
