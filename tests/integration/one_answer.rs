//! One address, one answer (issue 26): for every vendor with a decision table, at team
//! sizes from 1 to 2,000, the calculator, the decision helper, the guide (both its
//! calculator and its helper), the comparison and `/api/cost` give the same advice, read
//! from each page as a reader sees it.

use crate::common::{self, get};
use axum::http::StatusCode;

const SIZES: [u32; 7] = [1, 10, 40, 60, 120, 500, 2_000];

/// The action keys of the advice shown inside `container` (`span.action`'s other class),
/// in page order.
fn actions(html: &str, container: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let css = format!("{container} span.action");
    let selector = scraper::Selector::parse(&css).unwrap();
    doc.select(&selector)
        .map(|e| {
            e.value()
                .classes()
                .find(|c| *c != "action")
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

/// The one action in `container`, or "none" where the page gives no advice.
fn one(html: &str, container: &str, case: &str) -> String {
    match actions(html, container).as_slice() {
        [] => "none".into(),
        [a] => a.clone(),
        many => panic!("{case}: `{container}` shows {many:?}"),
    }
}

#[test]
fn every_page_gives_the_same_advice_for_one_address() {
    common::block_on(async {
        let catalog = common::catalog();
        let mut walked = 0;
        let mut seen = std::collections::BTreeSet::new();
        for v in catalog.vendors.iter().filter(|v| !v.decision.is_empty()) {
            for users in SIZES {
                let q = format!("vendor={}&users={users}", v.slug);
                let case = format!("{} at {users}", v.slug);
                let page = |uri: String| async move {
                    let p = get(&uri).await;
                    assert_eq!(p.status, StatusCode::OK, "{uri}");
                    p.body
                };
                let calculator = one(
                    &page(format!("/calculator?{q}")).await,
                    ".verdict .advice",
                    &case,
                );
                let decide = one(
                    &page(format!("/decide?{q}")).await,
                    ".recommendation .rec-action",
                    &case,
                );
                let guide = page(format!("/vendors/{}?users={users}", v.slug)).await;
                let guide_calculator = one(&guide, ".verdict .advice", &case);
                let guide_helper = one(&guide, ".recommendation .rec-action", &case);
                let compare = one(
                    &page(format!("/compare?vendors={}&users={users}", v.slug)).await,
                    "table",
                    &case,
                );
                let api: serde_json::Value =
                    serde_json::from_str(&page(format!("/api/cost?{q}")).await).unwrap();
                let api = api["advice"]["action"]
                    .as_str()
                    .unwrap_or("none")
                    .to_string();
                let all = [
                    ("calculator", &calculator),
                    ("decide", &decide),
                    ("guide's calculator", &guide_calculator),
                    ("guide's decision helper", &guide_helper),
                    ("compare", &compare),
                    ("/api/cost", &api),
                ];
                for (name, action) in all {
                    assert_eq!(
                        action, &api,
                        "{case}: {name} says {action}, /api/cost {api}"
                    );
                }
                seen.insert(api);
                walked += 1;
            }
        }
        // The four curated vendors with a table (Mode, Ironclad, Code42, Mimecast), and
        // more than one kind of advice among them.
        assert_eq!(walked, 4 * SIZES.len());
        assert!(seen.len() >= 2, "{seen:?}");
    })
}
