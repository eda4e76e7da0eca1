//! The unused seats' price belongs to the vendor (issue 26): the reader's current plan's
//! list price per seat, else the model's default, the same rule in the calculator and the
//! stack, so one app at one team size costs the same to leave manual on both pages.

use crate::common::{self, get};
use axum::http::StatusCode;
use serde_json::Value;

async fn json(uri: &str) -> Value {
    let page = get(uri).await;
    assert_eq!(page.status, StatusCode::OK, "{uri}: {}", page.body);
    serde_json::from_str(&page.body).unwrap()
}

#[test]
fn the_stack_and_the_calculator_cost_an_app_the_same() {
    common::block_on(async {
        let catalog = common::catalog();
        for v in &catalog.vendors {
            for seats in [1, 10, 40, 120, 500, 2_000] {
                let calc = json(&format!("/api/cost?vendor={}&users={seats}", v.slug)).await;
                let stack = json(&format!("/api/stack?apps={}:{seats}", v.slug)).await;
                let app = &stack["totals"]["apps"][0];
                assert_eq!(
                    calc["manual_cost"], app["manual"]["manual_cost"],
                    "{} at {seats}: calculator {calc} stack {app}",
                    v.slug
                );
                assert_eq!(
                    calc["inputs"]["manual"]["seat_price_monthly"], app["seat_price_monthly"],
                    "{} at {seats}",
                    v.slug
                );
            }
        }
    })
}

#[test]
fn an_unused_seat_costs_what_the_readers_plan_costs() {
    common::block_on(async {
        // Mode at 40 people on Business/Pro ($49 a user a month): 40 × 2.4 % = 0.96, so 1
        // unused licence × $49 × 12 = $588; (4 + 4) × 60.6 min = 8.08 h × $60.28 = $487;
        // 4 leavers × 14 % = 0.56, so 1 orphan × $248.71 = $249. $588 + $487 + $249.
        let v = json("/api/cost?vendor=mode&users=40").await;
        assert_eq!(v["inputs"]["manual"]["seat_price_monthly"], 49.0);
        assert_eq!(
            v["seat_source"],
            serde_json::json!({"from": "plan", "plan": "Business/Pro"})
        );
        assert_eq!(v["manual_cost"], 1324.0);
        let page = get("/calculator?vendor=mode&users=40").await;
        assert_eq!(
            common::text(
                &page.body,
                r#"tr[data-key="unused_license_cost"] td.formula"#
            ),
            "1 licence × $49 × 12 months (Business/Pro's list price per seat)"
        );
        assert_eq!(
            common::text(&page.body, r#"tr[data-key="total_annual_impact"] td.num"#),
            "$1,324"
        );
        // A price the reader types wins, and the page offers the plan's back.
        let page = get("/calculator?vendor=mode&users=40&seat=10").await;
        assert_eq!(
            common::text(
                &page.body,
                r#"tr[data-key="unused_license_cost"] td.formula"#
            ),
            "1 licence × $10 × 12 months (the price you entered)"
        );
        assert_eq!(
            common::text(&page.body, ".seat-choice"),
            "Unused licences are priced at $10 a month: the price you entered. Use your plan's price instead"
        );
        // Ironclad's Standard is a flat "$500+ a month": no price per seat, so the default.
        let v = json("/api/cost?vendor=ironclad&users=120").await;
        assert_eq!(v["inputs"]["manual"]["seat_price_monthly"], 27.26);
        assert_eq!(v["seat_source"], serde_json::json!({"from": "default"}));
    })
}
