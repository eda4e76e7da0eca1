//! A dataset beside the vendor files (`data/datasets/scim-tax/`): a copy of `data/` plus a
//! small SCIM Tax Index file written here (nine rows, no text of the real index), served
//! through the real router. Every new vendor gets a page, a CSV row and JSON; the
//! calculator costs its prices; a curated vendor the dataset contradicts shows both sides.
#![cfg(feature = "ssr")]

use crate::common::{self, fact, get_at, Csv};
use axum::http::StatusCode;
use scim_ledger::server::load::load_catalog;
use std::fs;
use std::path::Path;
use std::sync::{Arc, OnceLock};

const SOURCE_TOML: &str = r#"
adapter = "scim-tax-index"
series = "scim-tax"
title = "The SCIM Tax Index"
publisher = "Iden"
url = "https://scimtax.org/"
dataset_date = "2026-04"
retrieved = "2026-11-24"
data = "data.json"
files = ["data.json", "LICENSE", "METHODOLOGY.md"]
changes = ["Prices read into typed prices; statuses kept."]

[licence]
name = "CC-BY 4.0"
url = "https://creativecommons.org/licenses/by/4.0/"
attribution = "SCIM Tax Index (Iden, 2026), CC-BY 4.0, https://scimtax.org/; prices parsed and statuses mapped by SCIM Ledger"

[upstream]
repository = "https://github.com/IdenWorks/scim-tax"
commit = "0123456789abcdef0123456789abcdef01234567"
"#;

/// One row of the test file.
fn row(name: &str, slug: &str, status: &str, plan: &str, scim: &str, base: &str) -> String {
    format!(
        r#"{{"vendor": "{name}", "slug": "{slug}", "status": "{status}", "plan_required": "{plan}", "scim_price": "{scim}", "base_plan_price": "{base}", "pricing_page_url": "https://{slug}.example/pricing"}}"#
    )
}

fn rows() -> Vec<String> {
    vec![
        // Per user, with the entry plan named.
        row(
            "Acme Seats",
            "acme-seats",
            "gated",
            "Business",
            "$15/u/mo",
            "Team: $8/u/mo",
        ),
        // Flat.
        row(
            "Flatco",
            "flatco",
            "gated",
            "Pro",
            "$400/mo flat",
            "Starter: $100/mo",
        ),
        // Quote only, with and without the index's estimate.
        row(
            "Quoteco",
            "quoteco",
            "gated",
            "Enterprise",
            "Contact Sales",
            "Pro: $10/u/mo",
        ),
        row(
            "Bigco",
            "bigco",
            "gated",
            "Enterprise",
            "Contact Sales (~$21K+/yr)",
            "Free",
        ),
        row("Freeco", "freeco", "free", "All plans", "Free", "Free"),
        row("Noscim", "noscim", "none", "—", "—", "Starter: $15/mo"),
        // Prices that cannot be read with certainty.
        row(
            "Oddco",
            "oddco",
            "gated",
            "Enterprise",
            "€149/mo",
            "Usage-based",
        ),
        // Curated vendors: Amplitude's profile says Growth at ~$36K+ a year (differs);
        // Bitwarden's says Teams at $4 a user a month on its first plan (agrees).
        row(
            "Amplitude",
            "amplitude",
            "gated",
            "Enterprise",
            "Contact Sales",
            "Plus: $49/mo",
        ),
        row(
            "Bitwarden",
            "bitwarden",
            "free",
            "Teams",
            "$4/u/mo",
            "Free (≤2 users)",
        ),
    ]
}

fn data_json(rows: &[String]) -> String {
    format!(
        r#"{{"name": "The SCIM Tax Index", "source": "https://scimtax.org/", "license": "CC-BY 4.0", "last_updated": "2026-04", "count": {}, "vendors": [{}]}}"#,
        rows.len(),
        rows.join(",\n")
    )
}

/// A copy of `data/` with a `datasets/scim-tax/` holding `data` as its data.json.
fn data_dir_with(data: &str) -> tempfile::TempDir {
    let dir = common::curated_data();
    let ds = dir.path().join("datasets/scim-tax");
    fs::create_dir_all(&ds).unwrap();
    fs::write(ds.join("SOURCE.toml"), SOURCE_TOML).unwrap();
    fs::write(ds.join("data.json"), data).unwrap();
    fs::write(ds.join("LICENSE"), "Licence text placeholder for tests.\n").unwrap();
    fs::write(
        ds.join("METHODOLOGY.md"),
        "Methodology placeholder for tests.\n",
    )
    .unwrap();
    dir
}

/// The server around the copy with the dataset, started once.
fn server() -> std::net::SocketAddr {
    static ADDR: OnceLock<std::net::SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let dir = data_dir_with(&data_json(&rows()));
        let catalog = load_catalog(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        common::start(Arc::new(catalog))
    })
}

async fn get(uri: &str) -> common::Page {
    get_at(server(), uri).await
}

const NEW: [&str; 7] = [
    "acme-seats",
    "flatco",
    "quoteco",
    "bigco",
    "freeco",
    "noscim",
    "oddco",
];

#[test]
fn every_row_is_a_vendor_with_a_page_and_the_curated_ones_stay() {
    common::block_on(async {
        let shipped = common::catalog().vendors.len();
        let page = get("/api/vendors").await;
        let all: Vec<serde_json::Value> = serde_json::from_str(&page.body).unwrap();
        assert_eq!(all.len(), shipped + NEW.len());
        for slug in NEW {
            let page = get(&format!("/vendors/{slug}")).await;
            assert_eq!(page.status, StatusCode::OK, "{slug}");
            page.shows(&[
                "Index entry",
                "SCIM Tax Index (Iden, 2026), CC-BY 4.0, https://scimtax.org/; prices parsed and statuses mapped by SCIM Ledger",
                &format!("https://{slug}.example/pricing"),
                "Possibly out of date",
                "April 2026",
            ]);
        }
        // The curated profile wins: Amplitude keeps its own category and plans.
        let amplitude: serde_json::Value =
            serde_json::from_str(&get("/api/vendors/amplitude").await.body).unwrap();
        assert_eq!(amplitude["profile"], "partial");
        assert_eq!(amplitude["scim"]["plan"], "Growth");

        let html = get("/vendors/acme-seats").await.body;
        assert_eq!(fact(&html, "SCIM status"), "Gated");
        assert_eq!(fact(&html, "Plan required for SCIM"), "Business");
        let html = get("/vendors/oddco").await.body;
        assert!(html.contains("price not machine-readable: €149/mo"));
        assert!(html.contains("price not machine-readable: Usage-based"));
        let html = get("/vendors/noscim").await.body;
        assert_eq!(fact(&html, "SCIM status"), "No SCIM");
    })
}

#[test]
fn csv_rows_carry_the_parsed_prices() {
    common::block_on(async {
        let csv = Csv::parse(&get("/vendors.csv").await.body);
        let acme = ("slug", "acme-seats");
        assert_eq!(csv.cell(acme, "profile"), "index");
        assert_eq!(csv.cell(acme, "scim_plan"), "Business");
        assert_eq!(csv.cell(acme, "price_kind"), "stated");
        assert_eq!(csv.cell(acme, "price_basis"), "per_user");
        assert_eq!(csv.cell(acme, "price_period"), "month");
        assert_eq!(csv.cell(acme, "price_low"), "15");
        assert_eq!(csv.cell(acme, "last_checked"), "2026-04");
        let flat = ("slug", "flatco");
        assert_eq!(csv.cell(flat, "price_basis"), "flat");
        assert_eq!(csv.cell(flat, "price_low"), "400");
        let odd = ("slug", "oddco");
        assert_eq!(csv.cell(odd, "price_kind"), "text");
        assert_eq!(csv.cell(odd, "price_text"), "€149/mo");
        assert_eq!(csv.cell(("slug", "bigco"), "price_kind"), "quote");
        assert_eq!(csv.cell(("slug", "noscim"), "scim_status"), "none");
        // The index dates itself by month; by November 2026 April is over six months back.
        assert_eq!(csv.cell(acme, "possibly_out_of_date"), "true");
    })
}

#[test]
fn disagreements_show_where_values_differ_and_nowhere_else() {
    common::block_on(async {
        let amplitude: serde_json::Value =
            serde_json::from_str(&get("/api/vendors/amplitude").await.body).unwrap();
        let topics: Vec<&str> = amplitude["source_disagreements"]
            .as_array()
            .expect("Amplitude's disagreements")
            .iter()
            .map(|d| d["topic"].as_str().unwrap())
            .collect();
        assert_eq!(topics, ["scim_plan", "scim_plan_price"]);
        let plan = &amplitude["source_disagreements"][0];
        assert_eq!(plan["ours"]["value"], "Growth");
        assert_eq!(plan["theirs"]["value"], "Enterprise");
        assert_eq!(plan["theirs"]["date"], "2026-04");
        assert_eq!(plan["ours"]["date"], "2026-11-23");
        let page = get("/vendors/amplitude").await;
        page.shows(&["Sources disagree", "The SCIM Tax Index (Iden)"]);
        let cells = common::row(
            &page.body,
            "table.source-disagreements",
            "Plan that unlocks SCIM",
        );
        assert!(cells[0].starts_with("Growth"), "{cells:?}");
        assert!(cells[1].starts_with("Enterprise"), "{cells:?}");

        // Bitwarden agrees on status, plan and price: no note, no field.
        let bitwarden: serde_json::Value =
            serde_json::from_str(&get("/api/vendors/bitwarden").await.body).unwrap();
        assert!(bitwarden.get("source_disagreements").is_none());
        let page = get("/vendors/bitwarden").await;
        assert!(!page.body.contains("Sources disagree"));
        // New vendors have nothing to disagree with.
        for slug in NEW {
            let v: serde_json::Value =
                serde_json::from_str(&get(&format!("/api/vendors/{slug}")).await.body).unwrap();
            assert!(v.get("source_disagreements").is_none(), "{slug}");
        }
    })
}

/// The calculator's figures for an index vendor, by hand: per user, flat, and by quote.
#[test]
fn the_calculator_costs_index_prices() {
    common::block_on(async {
        let cost = |slug: &str| {
            let slug = slug.to_string();
            async move {
                let page = get(&format!("/api/cost?vendor={slug}&users=100&years=1")).await;
                assert_eq!(page.status, StatusCode::OK, "{}", page.body);
                serde_json::from_str::<serde_json::Value>(&page.body).unwrap()
            }
        };
        // $15 a user a month at 100 users: 15 × 100 × 12 = $18,000 a year; from Team at
        // $8: 8 × 100 × 12 = $9,600, so $8,400 more.
        let u = &cost("acme-seats").await["upgrade"];
        assert_eq!(u["current_plan"], "Team");
        assert_eq!(u["scim_plan"], "Business");
        assert_eq!(u["scim_annual"]["low"], 18000.0);
        assert_eq!(u["current_annual"]["low"], 9600.0);
        assert_eq!(u["scim_extra"]["low"], 8400.0);
        assert_eq!(u["scim_extra"]["high"], 8400.0);
        // $400 a month flat: $4,800 a year whatever the team; from $100 a month ($1,200).
        let u = &cost("flatco").await["upgrade"];
        assert_eq!(u["scim_annual"]["low"], 4800.0);
        assert_eq!(u["current_annual"]["low"], 1200.0);
        assert_eq!(u["scim_extra"]["low"], 3600.0);
        // Quote only: the reader's quote is needed, and the page asks for it.
        let u = &cost("quoteco").await["upgrade"];
        assert_eq!(u["scim_source"], "quote");
        let page = get("/calculator?vendor=quoteco&users=100").await;
        page.shows(&[
            "The SCIM plan is sold by quote and the data has no estimate: enter your quote",
        ]);
        let u = &cost("bigco").await["upgrade"];
        assert_eq!(u["scim_source"], "estimate");
        assert_eq!(u["scim_annual"]["low"], 21000.0);
        // A price we cannot read is costed as unknown, and said so.
        let u = &cost("oddco").await["upgrade"];
        assert_eq!(u["scim_source"], "unknown");
        let page = get("/calculator?vendor=oddco&users=100").await;
        page.shows(&["The data has no price for the SCIM plan that we can use"]);
        // With a quote, the arithmetic runs: $30,000 against Pro at $10 a user a month
        // (10 × 100 × 12 = $12,000) is $18,000 more.
        let page = get("/api/cost?vendor=quoteco&users=100&years=1&quote=30000").await;
        let v: serde_json::Value = serde_json::from_str(&page.body).unwrap();
        assert_eq!(v["upgrade"]["scim_extra"]["low"], 18000.0);
        // Compare and decide take index vendors too.
        let page = get("/compare?vendors=acme-seats,flatco,amplitude&users=100").await;
        assert_eq!(page.status, StatusCode::OK);
        page.shows(&["Acme Seats", "Flatco"]);
        let page = get("/decide?vendor=acme-seats").await;
        assert_eq!(page.status, StatusCode::OK);
    })
}

#[test]
fn sources_page_and_footer_credit() {
    common::block_on(async {
        let page = get("/sources").await;
        assert_eq!(page.status, StatusCode::OK);
        page.shows(&[
            "The SCIM Tax Index",
            "CC-BY 4.0",
            "https://creativecommons.org/licenses/by/4.0/",
            "Prices read into typed prices; statuses kept.",
            "24 November 2026",
            "0123456789ab",
            // Seed pages of the curated profiles.
            "https://www.stitchflow.com/scim/mode",
        ]);
        let home = get("/").await;
        home.shows(&[
            "Includes data from SCIM Tax Index (Iden, 2026)",
            "href=\"/sources\"",
        ]);
        // Without a dataset: the link, no credit.
        let plain = common::get("/").await;
        assert!(!plain.body.contains("Includes data from"));
        assert!(plain.body.contains("href=\"/sources\""));
        assert_eq!(common::get("/sources").await.status, StatusCode::OK);
    })
}

fn load_error(dir: &Path) -> String {
    match load_catalog(dir) {
        Ok(_) => panic!("the broken dataset was accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn broken_datasets_stop_start_up_with_file_field_and_reason() {
    // A record whose data file set-up has not placed: the site starts without it.
    let dir = data_dir_with(&data_json(&rows()));
    fs::remove_file(dir.path().join("datasets/scim-tax/data.json")).unwrap();
    let loaded = scim_ledger::server::load::load(dir.path()).unwrap();
    assert_eq!(loaded.not_placed, ["datasets/scim-tax"]);
    assert_eq!(loaded.catalog.vendors.len(), 13);
    // A release placed in part: one of the files the record lists is missing.
    let dir = data_dir_with(&data_json(&rows()));
    fs::remove_file(dir.path().join("datasets/scim-tax/LICENSE")).unwrap();
    let e = load_error(dir.path());
    assert!(
        e.contains("SOURCE.toml: field `files[1]`: `LICENSE` is missing"),
        "{e}"
    );

    // A folder without our record.
    let dir = data_dir_with(&data_json(&rows()));
    fs::remove_file(dir.path().join("datasets/scim-tax/SOURCE.toml")).unwrap();
    let e = load_error(dir.path());
    assert!(
        e.contains("scim-tax: field `-`: a dataset folder needs our SOURCE.toml"),
        "{e}"
    );

    // A status the index does not use, a duplicate slug, a wrong count.
    let mut bad = rows();
    bad[1] = row(
        "Flatco",
        "flatco",
        "maybe",
        "Pro",
        "$400/mo flat",
        "Starter: $100/mo",
    );
    let dir = data_dir_with(&data_json(&bad));
    let e = load_error(dir.path());
    assert!(
        e.contains("data.json: field `vendors[1].status`: unknown variant `maybe`"),
        "{e}"
    );
    // Any field is named by its path, not only the status (serde_path_to_error).
    let mut bad = rows();
    bad[1] = bad[1].replace("\"vendor\": \"Flatco\"", "\"vendor\": 7");
    let e = load_error(data_dir_with(&data_json(&bad)).path());
    assert!(
        e.contains("data.json: field `vendors[1].vendor`: invalid type: integer `7`"),
        "{e}"
    );
    let text = data_json(&rows()).replace("\"count\": 9", "\"count\": \"nine\"");
    let e = load_error(data_dir_with(&text).path());
    assert!(e.contains("data.json: field `count`: invalid type"), "{e}");
    let mut dup = rows();
    dup[1] = dup[0].clone();
    let e = load_error(data_dir_with(&data_json(&dup)).path());
    assert!(
        e.contains("field `vendors[1].slug`: `acme-seats` is used by an earlier row"),
        "{e}"
    );
    let text = data_json(&rows()).replace("\"count\": 9", "\"count\": 10");
    let e = load_error(data_dir_with(&text).path());
    assert!(
        e.contains("field `count`: the file says 10 rows but has 9"),
        "{e}"
    );
    // A file whose date is not the one our record has.
    let text = data_json(&rows()).replace(
        "\"last_updated\": \"2026-04\"",
        "\"last_updated\": \"2026-06\"",
    );
    let e = load_error(data_dir_with(&text).path());
    assert!(e.contains("field `last_updated`"), "{e}");
    // An unknown key in our record.
    let dir = data_dir_with(&data_json(&rows()));
    let record = dir.path().join("datasets/scim-tax/SOURCE.toml");
    fs::write(&record, format!("bogus = 1\n{SOURCE_TOML}")).unwrap();
    let e = load_error(dir.path());
    assert!(e.contains("SOURCE.toml: field `bogus`"), "{e}");
    // A vendor file may not claim to come from a dataset.
    let dir = data_dir_with(&data_json(&rows()));
    let mode = dir.path().join("mode.toml");
    let text = fs::read_to_string(&mode).unwrap().replacen(
        "\n[source]",
        "\nprofile = \"index\"\n[source]",
        1,
    );
    fs::write(&mode, text).unwrap();
    let e = load_error(dir.path());
    assert!(e.contains("mode.toml: field `profile`"), "{e}");
}
