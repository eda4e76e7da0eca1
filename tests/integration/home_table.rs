//! The home table at index scale: counts by SCIM status, search, status, category and
//! freshness filters, all read from the server-rendered cells; and a page that carries no
//! vendor data for the browser however many vendors there are.

use crate::common::{self, attrs, catalog, get, get_at, start, text, texts};
use axum::http::StatusCode;
use scim_ledger::domain::catalog::Catalog;
use std::sync::Arc;

fn slugs(body: &str) -> Vec<String> {
    attrs(body, "tr[data-slug]", "data-slug")
}

#[test]
fn status_counts_add_up_and_link_to_their_filter() {
    common::block_on(async {
        let page = get("/").await;
        // Bitwarden has SCIM on Teams, its first business plan; nine keep it for a higher
        // plan (four of them, known from one plan only, say so in their files); three are
        // partial profiles whose sources do not say.
        assert_eq!(
            texts(&page.body, ".status-counts li"),
            [
                "No SCIM tax 1 include SCIM at no extra charge",
                "Gated 9 gate SCIM behind a higher plan or an add-on",
                "Unknown 3 do not say",
            ]
        );
        assert_eq!(
            attrs(&page.body, ".status-counts a", "href"),
            ["/?status=free", "/?status=gated", "/?status=unknown"]
        );
        let gated = get("/?status=gated").await;
        assert_eq!(
            slugs(&gated.body),
            [
                "8x8",
                "absorb-lms",
                "airbase",
                "amplitude",
                "code42",
                "ironclad",
                "juro",
                "mimecast",
                "mode"
            ]
        );
        assert_eq!(
            texts(&gated.body, "td.col-scim"),
            vec!["Gated"; 9],
            "every row shows its status"
        );
        assert_eq!(
            text(&gated.body, "#vendors-caption"),
            "9 of 13 vendors match. Download CSV"
        );
    })
}

#[test]
fn search_finds_names_whatever_their_spelling() {
    common::block_on(async {
        for (q, want) in [
            ("mode", vec!["mode"]),
            ("BIT%20warden", vec!["bitwarden"]),
            ("bill.com", vec!["bill-com"]),
            ("incydr", vec!["code42"]),
            ("nothing-like-this", vec![]),
        ] {
            let page = get(&format!("/?q={q}")).await;
            assert_eq!(page.status, StatusCode::OK, "{q}");
            assert_eq!(slugs(&page.body), want, "{q}");
        }
        // The search box shows what was searched.
        let page = get("/?q=bit%20warden").await;
        assert_eq!(attrs(&page.body, "#f-q", "value"), ["bit warden"]);
        let none = get("/?q=nothing-like-this").await;
        assert_eq!(
            text(&none.body, "#vendor-results .callout"),
            "No vendor matches. Show all vendors."
        );
    })
}

#[test]
fn category_and_sort_by_status() {
    common::block_on(async {
        let page = get("/?category=Category%20not%20stated").await;
        assert_eq!(slugs(&page.body), ["15five", "1password"]);
        let options = texts(&page.body, "#f-category option");
        assert_eq!(options.first().map(String::as_str), Some("Any category"));
        assert!(options.contains(&"Category not stated".to_string()));
        // One list, the publisher's: our own words for a product (8x8's "Business
        // communications (UCaaS)") stay on its page, not in the filter.
        let known = scim_ledger::domain::categories::CATEGORIES;
        assert!(
            options[1..]
                .iter()
                .all(|o| o == "Category not stated" || known.contains(&o.as_str())),
            "{options:?}"
        );
        assert!(options.contains(&"Communications (UCaaS/CCaaS)".to_string()));
        // A category or plan none of the vendors has is said, with a 400, and the whole
        // table shown; the CSV refuses it the same way.
        let page = get("/?category=Nonsense&plan=Gold").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        page.shows(&[
            "“Nonsense” is not a category of these vendors; it is ignored.",
            "No vendor here names its SCIM plan “Gold”; it is ignored.",
        ]);
        assert_eq!(slugs(&page.body).len(), 13);
        let csv = get("/vendors.csv?category=Nonsense").await;
        assert_eq!(csv.status, StatusCode::BAD_REQUEST);
        assert!(csv.body.contains("is not a category"), "{}", csv.body);
        // Free first, then gated, partial, none and unknown; names in order within each.
        let page = get("/?sort=scim").await;
        let order = slugs(&page.body);
        assert_eq!(order.first().map(String::as_str), Some("bitwarden"));
        assert_eq!(
            &order[10..],
            ["15five", "1password", "bill-com"],
            "unknown last"
        );
    })
}

#[test]
fn facts_older_than_six_months_are_marked_and_filtered() {
    common::block_on(async {
        // Dated against today, so the test means the same next year.
        let today = scim_ledger::render::date::today();
        let mut c = (*catalog()).clone();
        for v in &mut c.vendors {
            v.source.last_checked = today.clone();
        }
        let mode = c.vendors.iter_mut().find(|v| v.slug == "mode").unwrap();
        mode.source.last_checked = "2025-01-15".into();
        let addr = start(Arc::new(c));
        let page = get_at(addr, "/").await;
        assert_eq!(
            text(&page.body, "tr[data-slug='mode'] td.col-checked"),
            "15 January 2025 Possibly out of date"
        );
        assert_eq!(
            text(&page.body, "tr[data-slug='ironclad'] td.col-checked"),
            scim_ledger::render::date::words(&today)
        );
        let stale = get_at(addr, "/?fresh=stale").await;
        assert_eq!(slugs(&stale.body), ["mode"]);
        let current = get_at(addr, "/?fresh=current").await;
        assert_eq!(slugs(&current.body).len(), 12);
        let csv = get_at(addr, "/vendors.csv?fresh=stale").await;
        let csv = common::Csv::parse(&csv.body);
        assert_eq!(csv.cell(("slug", "mode"), "possibly_out_of_date"), "true");
    })
}

/// `n` vendors made from the shipped ones, with new names and slugs.
fn generated(n: usize) -> Catalog {
    let base = catalog();
    let mut vendors = Vec::with_capacity(n);
    for i in 0..n {
        let mut v = base.vendors[i % base.vendors.len()].clone();
        v.slug = format!("{}-{i}", v.slug);
        v.name = format!("{} {i}", v.name);
        vendors.push(v);
    }
    Catalog {
        vendors,
        api_guides: vec![],
        datasets: vec![],
        history: Default::default(),
    }
}

#[test]
fn the_page_sends_rows_as_html_only() {
    common::block_on(async {
        let addr = start(Arc::new(generated(300)));
        // A page of the table at a time: 100 rows as HTML, the rest a link away.
        let page = get_at(addr, "/").await;
        assert_eq!(slugs(&page.body).len(), 100);
        assert_eq!(
            text(&page.body, "#vendors-caption"),
            "All 300 vendors. Showing 1–100, page 1 of 3. Download CSV"
        );
        assert_eq!(slugs(&get_at(addr, "/?page=3").await.body).len(), 100);
        // No vendor data for the browser: no island props with rows, no resources.
        assert!(!page.body.contains("scim_plan_price"));
        assert!(page.body.contains("__RESOLVED_RESOURCES=[]"));
        // Mode is the 13th of 13 shipped vendors: copies 12, 25, …, 298, so 23 of them.
        let filtered = get_at(addr, "/?q=mode&status=gated").await;
        assert_eq!(
            text(&filtered.body, "#vendors-caption"),
            "23 of 300 vendors match. Download CSV"
        );
    })
}
