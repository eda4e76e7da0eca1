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

#[test]
fn a_verdict_that_waits_on_a_quote_says_what_it_turns_on_and_asks_for_it() {
    common::block_on(async {
        // Ironclad at 60: Standard "$500+ a month" and Enterprise "$60,000+ a year" are both
        // open-ended. Manual: 1 unused licence × $27.26 (Standard has no price per seat) ×
        // 12 = $327; 12 changes × 60.6 min = 12.12 h × $60.28 = $731; 1 orphan × $248.71 =
        // $249; $1,307 in all. No fee, no renewal increase: the threshold is exact.
        let page = get("/calculator?vendor=ironclad&users=60").await;
        assert_eq!(
            common::text(&page.body, ".verdict-text"),
            "It depends on your Enterprise quote and what you pay for Standard today: upgrading \
             pays for itself if Enterprise costs less than $1,307 a year more than Standard (the \
             manual work it replaces costs $1,307 a year)."
        );
        // The fields it waits on, right under the sentence, in a form that works without
        // JavaScript (a GET to the same page, the other inputs carried).
        assert_eq!(
            common::texts(&page.body, "form.ask-quote label"),
            [
                "Your Enterprise quote ($ a year)",
                "What you pay for Standard ($ a year)"
            ]
        );
        let doc = scraper::Html::parse_document(&page.body);
        let hidden = scraper::Selector::parse("form.ask-quote input[type=hidden]").unwrap();
        let carried: Vec<(&str, &str)> = doc
            .select(&hidden)
            .map(|e| (e.attr("name").unwrap(), e.attr("value").unwrap()))
            .collect();
        assert_eq!(carried, [("vendor", "ironclad"), ("users", "60")]);
        let form = scraper::Selector::parse("form.ask-quote").unwrap();
        let form = doc.select(&form).next().unwrap();
        assert_eq!(
            (form.attr("method"), form.attr("action")),
            (Some("get"), Some("/calculator"))
        );
        // The link-preview card says the same, not "cannot be worked out".
        let svg = crate::og_images::card_svg(
            &common::catalog(),
            "/og/calculator.png?vendor=ironclad&users=60",
        );
        assert!(svg.contains("It depends on your Enterprise quote"), "{svg}");
        // Mode at 120: Enterprise is priced for 50 to 100 seats only, so only its quote is
        // missing. Manual $3,722 a year (3 unused seats at Business/Pro's $49); a fee of
        // $5,000 to $50,000 over 3 years: $3,722 − $5,000 ÷ 3 = $2,055 at its low end,
        // below nothing at its high end. Renewal increases make it "about".
        let page = get("/calculator?vendor=mode&users=120").await;
        assert_eq!(
            common::text(&page.body, ".verdict-text"),
            "It depends on your Enterprise quote: upgrading pays for itself only if Enterprise \
             costs less than about $2,055 a year more than Business/Pro and the implementation \
             fee is at its low end; at its high end it never does (the manual work it replaces \
             costs $3,722 a year)."
        );
        assert_eq!(
            common::texts(&page.body, "form.ask-quote label"),
            ["Your Enterprise quote ($ a year)"]
        );
        // With both prices the verdict is back, and nothing is asked.
        let page = get("/calculator?vendor=ironclad&users=60&quote=70000&current_quote=9000").await;
        assert!(
            common::text(&page.body, ".verdict-text").starts_with("Staying manual is cheaper"),
            "{}",
            common::text(&page.body, ".verdict-text")
        );
        assert!(common::texts(&page.body, "form.ask-quote").is_empty());
    })
}

#[test]
fn a_guide_leads_with_the_answer_for_the_addresss_team() {
    common::block_on(async {
        let page = get("/vendors/ironclad?users=60").await;
        assert_eq!(page.status, StatusCode::OK);
        let doc = scraper::Html::parse_document(&page.body);
        let ids = |css: &str| -> Vec<String> {
            let s = scraper::Selector::parse(css).unwrap();
            doc.select(&s)
                .filter_map(|e| e.attr("id").map(str::to_string))
                .collect()
        };
        // The answer first, then the contents, then the reference sections.
        assert_eq!(ids(".answer-first > section"), ["cost", "decision"]);
        assert_eq!(ids("article.guide > nav.toc"), ["contents"]);
        assert_eq!(
            ids(".sections > section").first().map(String::as_str),
            Some("summary")
        );
        let s = scraper::Selector::parse("article.guide > *").unwrap();
        let order: Vec<String> = doc
            .select(&s)
            .map(|e| {
                e.attr("class")
                    .unwrap_or("")
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        assert_eq!(
            order,
            [
                "guide-header",
                "answer-first",
                "toc",
                "sections",
                "to-contents"
            ]
        );
        // The verdict is the address's team's, not the default 500.
        assert!(
            common::text(&page.body, "#cost .verdict-text").contains("$1,307 a year"),
            "{}",
            common::text(&page.body, "#cost .verdict-text")
        );
    })
}
