//! `/categories`, each category's page and the alternatives a guide offers, on the shipped
//! data with the SCIM Tax Index placed (850 vendors in 21 categories), and on our curated
//! files alone (no dataset: few categories, and still no error).
#![cfg(feature = "ssr")]

use crate::common::{self, attrs, get_at, text, texts};
use axum::http::StatusCode;
use scim_ledger::domain::alternatives::{self, applies};
use scim_ledger::domain::categories::{self, CATEGORIES};
use scim_ledger::domain::routes::Route;
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn server() -> std::net::SocketAddr {
    static ADDR: OnceLock<std::net::SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| common::start(common::full_catalog()))
}

fn get(uri: &str) -> common::Page {
    common::block_on(get_at(server(), uri))
}

#[test]
fn every_category_and_its_page_answer() {
    let page = get(Route::Categories.path());
    assert_eq!(page.status, StatusCode::OK);
    let links = attrs(&page.body, "table.categories tbody th a", "href");
    assert_eq!(links.len(), CATEGORIES.len(), "{links:?}");
    let c = common::full_catalog();
    for name in CATEGORIES {
        let href = Route::Category.fill(&[&categories::slug(name)]);
        assert!(links.contains(&href), "{href}");
        let page = get(&href);
        assert_eq!(page.status, StatusCode::OK, "{href}");
        // The page opens with the category's figures, as the core computes them.
        let vendors = categories::vendors_of(&c.vendors, name);
        let figures = categories::figures(name, &vendors);
        assert_eq!(
            text(&page.body, ".hero .lede"),
            categories::summary(&figures)
        );
        // Its table lists the category's vendors (the first page of them), in the home
        // table's form, which submits to the category's own address.
        let rows = attrs(&page.body, "table.vendors tbody tr", "data-slug");
        assert_eq!(rows.len(), vendors.len().min(100), "{href}");
        assert_eq!(attrs(&page.body, "form#vendor-list", "action"), [href]);
    }
}

#[test]
fn a_category_page_searches_filters_and_sorts_in_its_address() {
    let href = Route::Category.fill(&["design-creative"]);
    let page = get(&format!("{href}?status=gated&sort=-name"));
    assert_eq!(page.status, StatusCode::OK);
    let names = texts(&page.body, "table.vendors tbody th a.vendor-link");
    assert!(names.contains(&"Figma".to_string()), "{names:?}");
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| std::cmp::Reverse(n.to_lowercase()));
    assert_eq!(names, sorted);
    for status in texts(&page.body, "table.vendors tbody td.col-scim") {
        assert_eq!(status, "Gated");
    }
    // A bad filter value is said, with 400, as on the home table.
    let page = get(&format!("{href}?status=cheap"));
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    page.shows(&["is not a SCIM status we know"]);
}

#[test]
fn an_unknown_category_or_sort_is_said_not_a_500() {
    let page = get(&Route::Category.fill(&["no-such-category"]));
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    page.shows(&["no category at this address"]);
    let page = get(&Route::Categories.link(&[], "sort=price"));
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    page.shows(&["is not a column we sort by"]);
    let page = get(&Route::Categories.link(&[], "sort=-gated"));
    assert_eq!(page.status, StatusCode::OK);
    let shares: Vec<u32> = texts(&page.body, "table.categories tbody td:nth-of-type(3)")
        .iter()
        .map(|t| t.split('%').next().unwrap().trim().parse().unwrap())
        .collect();
    let mut sorted = shares.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(shares, sorted, "sorted by the share that gates SCIM");
}

#[test]
fn every_alternative_links_a_comparison_that_answers() {
    let c = common::full_catalog();
    let mut compares = BTreeSet::new();
    let mut with = 0;
    for v in c.vendors.iter().filter(|v| applies(v)) {
        let offered = alternatives::alternatives(v, &c.vendors).offered;
        let page = get(&Route::Vendor.fill(&[&v.slug]));
        assert_eq!(page.status, StatusCode::OK, "{}", v.slug);
        let links = attrs(&page.body, "#alternatives a.compare-link", "href");
        assert_eq!(links.len(), offered.len(), "{}", v.slug);
        with += usize::from(!offered.is_empty());
        compares.extend(links);
    }
    assert!(with > 300, "only {with} guides offer alternatives");
    for href in &compares {
        let page = get(href);
        assert_eq!(page.status, StatusCode::OK, "{href}");
    }
    // The reader's team size goes with them.
    let page = get(&Route::Vendor.link(&["figma"], "users=40"));
    let links = attrs(&page.body, "#alternatives a.compare-link", "href");
    assert!(
        !links.is_empty() && links.iter().all(|l| l.ends_with("&users=40")),
        "{links:?}"
    );
    // A guide of a vendor that includes SCIM offers none.
    let page = get(&Route::Vendor.fill(&["bitwarden"]));
    assert!(!page.body.contains("id=\"alternatives\""));
}

#[test]
fn the_vendor_json_carries_the_same_alternatives() {
    let c = common::full_catalog();
    let page = get(&Route::ApiVendor.fill(&["notion"]));
    assert_eq!(page.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&page.body).unwrap();
    let v = c.vendor("notion").unwrap();
    let expected = serde_json::to_value(alternatives::alternatives(v, &c.vendors)).unwrap();
    assert_eq!(json["alternatives"], expected);
    assert_eq!(json["alternatives"]["rule"], alternatives::RULE);
    assert_eq!(json["slug"], "notion");
    let page = get(&Route::ApiVendor.fill(&["bitwarden"]));
    let json: serde_json::Value = serde_json::from_str(&page.body).unwrap();
    assert!(json["alternatives"].is_null());
}

#[test]
fn without_the_dataset_the_curated_files_still_have_their_categories() {
    let addr = common::start(common::catalog());
    let page = common::block_on(get_at(addr, Route::Categories.path()));
    assert_eq!(page.status, StatusCode::OK);
    let names = texts(&page.body, "table.categories tbody th a");
    assert_eq!(
        names,
        [
            "Communications (UCaaS/CCaaS)",
            "Data, Analytics & BI",
            "Finance, Accounting & Spend",
            "Learning & Development",
            "Legal, Contracts & Compliance",
            "Security & Identity",
        ]
    );
    // A category none of them is in still answers, and says so.
    let page = common::block_on(get_at(addr, &Route::Category.fill(&["sales-crm"])));
    assert_eq!(page.status, StatusCode::OK);
    page.shows(&["None of our vendors is in this category"]);
    let page = common::block_on(get_at(
        addr,
        &Route::Category.fill(&["legal-contracts-compliance"]),
    ));
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        attrs(&page.body, "table.vendors tbody tr", "data-slug"),
        ["ironclad", "juro"]
    );
}

#[test]
fn the_stack_offers_cheaper_routes_for_the_lines_that_pay_the_most_tax() {
    let page = get(&Route::Stack.link(&[], "apps=figma:40,asana:30,zoom:20,mode:40"));
    assert_eq!(page.status, StatusCode::OK);
    // Figma pays the most known tax, then Zoom; Asana's SCIM plan is sold by quote and
    // Mode's extra may be a saving (its range starts below zero), so neither is listed.
    let lines = texts(&page.body, ".cheaper-routes h3 a");
    assert_eq!(lines, ["Figma", "Zoom"]);
    let links = attrs(&page.body, ".cheaper-routes a.compare-link", "href");
    assert!(
        links
            .iter()
            .any(|l| l.starts_with("/compare?vendors=figma,") && l.ends_with("&users=40")),
        "{links:?}"
    );
    for href in &links {
        assert_eq!(get(href).status, StatusCode::OK, "{href}");
    }
    page.shows(&[alternatives::RULE]);
}
