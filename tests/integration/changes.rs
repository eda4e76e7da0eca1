//! What changed between the index's two releases, as shipped: `/changes`, the Atom feed,
//! `/api/changes`, each vendor's History and the home table's filter. The counts are
//! checked against the two files, read here by hand, not against our own code.

use crate::common::{self, get_at, text, texts};
use axum::http::StatusCode;
use scim_ledger::domain::changes::ChangeKind;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::OnceLock;

fn server() -> std::net::SocketAddr {
    static ADDR: OnceLock<std::net::SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| common::start(common::full_catalog()))
}

fn get(uri: &str) -> common::Page {
    common::block_on(get_at(server(), uri))
}

/// Each release's status by slug, and the October rows' own `status_prev`, from the files.
struct Files {
    april: BTreeMap<String, String>,
    october: BTreeMap<String, (String, String)>,
}

fn files() -> Files {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/datasets");
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("scim-tax-2026-04/data.json")).unwrap(),
    )
    .unwrap();
    let april = json["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["slug"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut csv = csv::Reader::from_path(dir.join("scim-tax-2026-10/data.csv")).unwrap();
    let head = csv.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let (slug, status, prev) = (col("slug"), col("status"), col("status_prev"));
    let october = csv
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[slug].to_string(),
                (r[status].to_string(), r[prev].to_string()),
            )
        })
        .collect();
    Files { april, october }
}

#[test]
fn every_status_change_added_and_removed_vendor_is_counted() {
    let f = files();
    let h = &common::full_catalog().history;
    assert_eq!(h.releases, Some(("2026-04".into(), "2026-10".into())));
    // Status changes between the two files, by hand.
    let changed: BTreeSet<&str> = f
        .april
        .iter()
        .filter(|(s, st)| f.october.get(*s).is_some_and(|(now, _)| now != *st))
        .map(|(s, _)| s.as_str())
        .collect();
    assert_eq!(changed.len(), 119);
    let ours: BTreeSet<&str> = h
        .vendors
        .iter()
        .filter(|v| v.kinds().iter().any(|k| k.is_status()))
        .map(|v| v.slug.as_str())
        .collect();
    assert_eq!(ours, changed);
    assert_eq!(h.status_changes(), 119);
    // The October file's own column counts 88; for 70 rows it disagrees with the April file.
    let by_column = f
        .october
        .values()
        .filter(|(now, prev)| !prev.is_empty() && prev != now)
        .count();
    assert_eq!(by_column, 88);
    assert_eq!(h.stated_status_changes(), 88);
    let differ = f
        .october
        .iter()
        .filter(|(s, (_, prev))| !prev.is_empty() && f.april.get(*s).is_some_and(|a| a != prev))
        .count();
    assert_eq!(differ, 70);
    assert_eq!(h.stated_prev_differs(), 70);
    let counts = h.counts();
    let added = f
        .october
        .keys()
        .filter(|s| !f.april.contains_key(*s))
        .count();
    assert_eq!(counts[&ChangeKind::Added], added);
    assert_eq!(added, 570);
    let removed: Vec<&str> = f
        .april
        .keys()
        .filter(|s| !f.october.contains_key(*s))
        .map(String::as_str)
        .collect();
    assert_eq!(
        removed,
        [
            "codeium",
            "multi",
            "pivotal-tracker",
            "rows",
            "salesloft",
            "toggl-plan"
        ]
    );
    assert_eq!(counts[&ChangeKind::Removed], 6);
    // Gated to free in the files is a gate removed; every status kind sums to 119.
    let gated_to_free = f
        .april
        .iter()
        .filter(|(s, st)| *st == "gated" && f.october.get(*s).is_some_and(|(now, _)| now == "free"))
        .count();
    assert_eq!(gated_to_free, 12);
    assert_eq!(counts[&ChangeKind::GateRemoved], 12);
    let status_total: usize = counts
        .iter()
        .filter(|(k, _)| k.is_status())
        .map(|(_, n)| n)
        .sum();
    assert_eq!(status_total, 119);
}

#[test]
fn one_password_raised_its_scim_price() {
    // April "$7.99/u/mo", October "Business: $8.99/u/mo (annual)": one unit, a move up.
    let h = common::full_catalog();
    let v = h.history.of("1password").unwrap();
    assert!(v.kinds().contains(&ChangeKind::PriceUp));
    let page = get("/vendors/1password");
    assert_eq!(page.status, StatusCode::OK);
    let rows = texts(&page.body, "#history tr[data-stated-by] th");
    assert_eq!(
        rows,
        ["the index's 2026-04 release", "the index's 2026-10 release"]
    );
    let scim = text(&page.body, "#history li[data-fact=\"SCIM plan's price\"]");
    assert!(
        scim.contains("“$7.99/u/mo” → “Business: $8.99/u/mo (annual)”"),
        "{scim}"
    );
    assert!(
        scim.contains("Up $1 per user per month ($7.99 to $8.99)."),
        "{scim}"
    );
    // The team plan: a flat fee before, a fee with ten members now: not compared.
    let team = text(&page.body, "#history li[data-fact=\"Team plan's price\"]");
    assert!(team.contains("not compared"), "{team}");
}

#[test]
fn the_page_counts_and_filters_by_kind_and_category() {
    let page = get("/changes");
    assert_eq!(page.status, StatusCode::OK);
    let count = |kind: &str| {
        text(
            &page.body,
            &format!(".change-counts li[data-kind={kind}] .count"),
        )
    };
    assert_eq!(count("gate_removed"), "12");
    assert_eq!(count("added"), "570");
    assert_eq!(count("removed"), "6");
    let gates = get("/changes?kind=gate_removed");
    assert_eq!(gates.status, StatusCode::OK);
    assert_eq!(texts(&gates.body, ".change-group").len(), 1);
    assert_eq!(
        texts(&gates.body, "#kind-gate_removed .change-line").len(),
        12
    );
    // A removed vendor links its pricing page, not a page of ours.
    let removed = get("/changes?kind=removed");
    assert_eq!(texts(&removed.body, ".change-line a.external").len(), 6);
    // A category narrows every group to its vendors.
    // A category no changed vendor has: said with a 400, on the page, the feed and the JSON.
    for uri in [
        "/changes?category=Nonsense",
        "/changes.atom?category=Nonsense",
        "/api/changes?category=Nonsense",
    ] {
        let page = get(uri);
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(
            page.body
                .contains("is not a category of the vendors that changed"),
            "{uri}"
        );
    }
    let crm = get("/changes?kind=gate_removed&category=Sales%20%26%20CRM");
    let all = texts(&crm.body, ".change-line .category");
    assert!(
        !all.is_empty() && all.iter().all(|c| c.contains("Sales & CRM")),
        "{all:?}"
    );
    let bad = get("/changes?kind=cheaper");
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("is not a kind of change we list"));
}

/// The feed as an Atom reader sees it: ids, titles, dates and links of its entries.
fn entries(xml: &str) -> Vec<BTreeMap<&'static str, String>> {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    let atom = "http://www.w3.org/2005/Atom";
    let feed = doc.root_element();
    assert_eq!(
        (feed.tag_name().namespace(), feed.tag_name().name()),
        (Some(atom), "feed")
    );
    fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
        n.children()
            .find(|c| c.has_tag_name(("http://www.w3.org/2005/Atom", name)))
    }
    // RFC 4287 4.1.1: a feed has exactly one id, title and updated, and an author.
    for name in ["id", "title", "updated", "author"] {
        assert_eq!(
            feed.children()
                .filter(|c| c.has_tag_name((atom, name)))
                .count(),
            1,
            "feed/{name}"
        );
    }
    let rfc3339 = |s: &str| s.len() == 20 && s.ends_with("T00:00:00Z") && s.as_bytes()[4] == b'-';
    assert!(rfc3339(child(feed, "updated").unwrap().text().unwrap()));
    feed.children()
        .filter(|c| c.has_tag_name((atom, "entry")))
        .map(|e| {
            let mut m = BTreeMap::new();
            for name in ["id", "title", "updated", "summary"] {
                let v = child(e, name).unwrap_or_else(|| panic!("entry without {name}"));
                m.insert(name, v.text().unwrap_or("").to_string());
            }
            assert!(rfc3339(&m["updated"]), "{}", m["updated"]);
            let link = e
                .children()
                .find(|c| c.has_tag_name((atom, "link")) && c.attribute("rel") == Some("alternate"))
                .expect("an alternate link");
            m.insert("link", link.attribute("href").unwrap().to_string());
            m
        })
        .collect()
}

#[test]
fn the_feed_is_atom_with_unique_ids_stable_across_start_ups() {
    let feed = get("/changes.atom");
    assert_eq!(feed.status, StatusCode::OK);
    assert!(feed.content_type.starts_with("application/atom+xml"));
    let first = entries(&feed.body);
    let api: serde_json::Value = serde_json::from_str(&get("/api/changes").body).unwrap();
    // One entry per vendor that changed, as the JSON lists them.
    assert_eq!(first.len(), api["vendors"].as_array().unwrap().len());
    assert_eq!(api["counts"]["gate_removed"], 12);
    // 1Password, Freshdesk and Lucidchart raised a price; ChatGPT and Loom only restated
    // theirs with other billing, so no price fell, and the JSON says zero.
    assert_eq!(api["counts"]["price_up"], 3);
    assert_eq!(api["counts"]["price_down"], 0);
    // The filters are echoed as read.
    let picked: serde_json::Value =
        serde_json::from_str(&get("/api/changes?kind=price_up").body).unwrap();
    assert_eq!(
        picked["filters"],
        serde_json::json!({"kind": "price_up", "category": null})
    );
    assert_eq!(picked["vendors"].as_array().unwrap().len(), 3);
    let ids: HashSet<&str> = first.iter().map(|e| e["id"].as_str()).collect();
    assert_eq!(ids.len(), first.len(), "ids are unique");
    assert!(ids.iter().all(|i| i.starts_with("urn:uuid:")));
    let one_password = first
        .iter()
        .find(|e| e["link"].ends_with("/vendors/1password"))
        .unwrap();
    assert!(one_password["title"].starts_with("1Password: "));
    // A second start-up, from the files again, gives the same ids.
    let again = scim_ledger::server::load::load_catalog(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
    )
    .unwrap();
    let second = common::start(std::sync::Arc::new(again));
    let other = common::block_on(get_at(second, "/changes.atom"));
    let ids_again: Vec<String> = entries(&other.body)
        .into_iter()
        .map(|e| e["id"].clone())
        .collect();
    assert_eq!(
        ids_again,
        first.iter().map(|e| e["id"].clone()).collect::<Vec<_>>()
    );
    // The filters apply to the feed as to the page; a bad one is a JSON error.
    assert_eq!(
        entries(&get("/changes.atom?kind=gate_removed").body).len(),
        12
    );
    assert_eq!(
        get("/changes.atom?kind=nope").status,
        StatusCode::BAD_REQUEST
    );
}

#[test]
fn every_page_names_the_feed_and_the_home_table_shows_only_changed_vendors() {
    let home = get("/?changed=yes");
    assert_eq!(home.status, StatusCode::OK);
    let feed = texts(
        &home.body,
        "head link[rel=alternate][type='application/atom+xml'][href='/changes.atom']",
    );
    assert_eq!(feed.len(), 1, "the feed is named in the head");
    let h = &common::full_catalog().history;
    // Vendors listed before whose facts changed: not the 570 new ones, not the 6 gone.
    let changed = h.vendors.iter().filter(|v| v.revised()).count();
    assert_eq!(changed, 165);
    let caption = text(&home.body, "#vendors-caption");
    assert!(
        caption.contains(&changed.to_string()),
        "{caption} (expected {changed})"
    );
}
