//! The SCIM Tax Index's v3 release (2026-10, 850 rows) as shipped: placed by `.ci/datasets`
//! beside our record, read by the v3 adapter, and shown on every vendor's page; the 2026-04
//! release kept as the previous one. Also the adapter's checks on rows written here.

use crate::common::{self, fact, get_at};
use axum::http::StatusCode;
use scim_ledger::domain::changes::StatedBy;
use scim_ledger::domain::vendor::{IdpRoute, PriceCheck, ScimStatus, Tri};
use std::sync::OnceLock;

fn server() -> std::net::SocketAddr {
    static ADDR: OnceLock<std::net::SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| common::start(common::full_catalog()))
}

#[test]
fn both_releases_load_and_the_later_one_is_current() {
    let c = common::full_catalog();
    assert_eq!(c.vendors.len(), 850, "13 curated + 837 new rows");
    let current: Vec<(&str, bool)> = c
        .datasets
        .iter()
        .map(|d| (d.record.dataset_date.as_str(), d.current))
        .collect();
    assert_eq!(current, [("2026-04", false), ("2026-10", true)]);
    // Every vendor but the 13 curated ones comes from the index; each carries its row.
    assert_eq!(c.vendors.iter().filter(|v| v.index.is_some()).count(), 850);
    // A row of 2026-04 is in its current vendor's history; a vendor new in 2026-09 has none.
    let onepassword = c.history.of("1password").unwrap();
    assert_eq!(
        onepassword.rows[0].stated_by,
        StatedBy::Release("2026-04".into())
    );
    assert_eq!(onepassword.rows[0].scim_price.text, "$7.99/u/mo");
    let mode = c.history.of("mode").unwrap();
    assert_eq!(mode.rows.len(), 1);
    assert!(c
        .vendor("mode")
        .unwrap()
        .index
        .as_ref()
        .unwrap()
        .status_prev
        .is_none());
}

#[test]
fn every_v3_fact_of_a_row_is_kept() {
    let c = common::full_catalog();
    let m = c.vendor("metabase").unwrap();
    let f = m.index.as_ref().unwrap();
    assert_eq!(m.category.as_deref(), Some("Data, Analytics & BI"));
    assert_eq!(f.scim_plan.as_deref(), Some("Pro"));
    assert_eq!(f.team_plan.as_deref(), Some("Starter"));
    assert_eq!(f.scim_price.per_user_month, Some(10.83));
    assert_eq!(f.price_multiplier, Some(2.0));
    assert_eq!(f.sso_plan.as_deref(), Some("Pro"));
    assert_eq!(f.sso_required_for_scim, Tri::Unknown);
    assert_eq!(
        (f.operations.create, f.operations.delete),
        (Tri::Yes, Tri::No)
    );
    assert_eq!(f.idps.okta, Some(IdpRoute::ViaGeneric));
    assert_eq!(f.idps.google, None);
    assert_eq!(f.idps.generic_endpoint, Tri::Yes);
    assert_eq!(f.last_verified, "2026-10-05");
    // Metabase's text says more than a per-user price: the 10.83 is not costed as one.
    assert_ne!(f.scim_price.check, PriceCheck::Agree);
}

#[test]
fn an_index_vendor_page_shows_the_row_and_credits_it() {
    let page = common::block_on(get_at(server(), "/vendors/metabase"));
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(fact(&page.body, "Category"), "Data, Analytics & BI");
    assert_eq!(
        fact(&page.body, "Seat minimum on the SCIM plan"),
        "Not stated"
    );
    assert_eq!(
        fact(&page.body, "Okta"),
        "Through the generic SCIM endpoint"
    );
    assert_eq!(fact(&page.body, "Google Workspace"), "Not documented");
    assert_eq!(fact(&page.body, "Delete"), "No");
    assert_eq!(fact(&page.body, "Added in release"), "2026-04");
    page.shows(&[
        "What The SCIM Tax Index says",
        "Medium",
        "SCIM Tax Index (Iden, 2026), CC-BY 4.0",
    ]);
    // The publisher's prose is never shown.
    assert!(!page.body.contains("evidence"), "no evidence column");
}

#[test]
fn a_curated_profile_keeps_its_facts_and_lists_where_the_index_differs() {
    let c = common::full_catalog();
    let mode = c.vendor("mode").unwrap();
    assert_eq!(
        mode.source.publisher, "Stitchflow",
        "our profile stays primary"
    );
    assert!(!mode.source_disagreements.is_empty());
    let page = common::block_on(get_at(server(), "/vendors/mode"));
    page.shows(&["Sources disagree.", "Where the sources disagree"]);
}

#[test]
fn the_api_lists_every_vendor() {
    let page = common::block_on(get_at(server(), "/api/vendors"));
    assert_eq!(page.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&page.body).unwrap();
    let n = json
        .as_array()
        .or_else(|| json["vendors"].as_array())
        .map(Vec::len)
        .unwrap_or(0);
    assert!(n >= 850, "{n} vendors in /api/vendors");
}

const HEADER: &str = "vendor,slug,category,status,scim_plan,scim_price_text,scim_price_per_user_mo,team_plan,team_price_text,team_price_per_user_mo,price_multiplier,sso_plan,sso_price_per_user_mo,sso_required_for_scim,scim_addon_price_text,min_seats,scim_create,scim_update,scim_deactivate,scim_delete,scim_groups,idp_okta,idp_entra,idp_google,idp_onelogin,idp_jumpcloud,idp_generic,pricing_page_url,docs_url,evidence,notes,confidence,last_verified,first_added,status_prev";

/// A copy of our files with a v3 release of `rows` (CSV lines after the header).
fn v3_dir(rows: &[&str]) -> tempfile::TempDir {
    let dir = common::curated_data();
    let ds = dir.path().join("datasets/scim-tax-2026-10");
    std::fs::create_dir_all(&ds).unwrap();
    let record = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/datasets/scim-tax-2026-10/SOURCE.toml"),
    )
    .unwrap();
    std::fs::write(ds.join("SOURCE.toml"), record).unwrap();
    for f in ["LICENSE", "METHODOLOGY.md", "SCHEMA.md"] {
        std::fs::write(ds.join(f), "placeholder\n").unwrap();
    }
    std::fs::write(
        ds.join("data.csv"),
        format!("{HEADER}\n{}\n", rows.join("\n")),
    )
    .unwrap();
    dir
}

const GOOD: [&str; 3] = [
    "Acme,acme,Sales & CRM,gated,Enterprise,Enterprise: $20/u/mo,20,Team,Team: $10/u/mo,10,2,Business,15,true,,25,true,true,true,false,,native,via_generic,sso_only,none,,true,https://acme.example/pricing,https://acme.example/docs,prose,prose,high,2026-10-05,2026-04,free",
    "Beta,beta,Other,none,—,—,,,,,,,,,,,,,,,,,,,,,,https://beta.example/pricing,,x,y,low,2026-10-05,2026-09,",
    "Gamma,gamma,Design & Creative,unknown,—,Not disclosed,,Pro,Pro: $8/u/mo,8,,,,false,Contact Sales,,,,,,,,,,,,false,https://gamma.example/pricing,,x,y,medium,2026-10-05,2026-09,partial",
];

#[test]
fn the_adapter_reads_every_enum_value_and_empty_cells() {
    let dir = v3_dir(&GOOD);
    let c = scim_ledger::server::load::load_catalog(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.vendors.len(), 16);
    let a = c.vendor("acme").unwrap().index.as_ref().unwrap();
    assert_eq!(
        [
            a.idps.okta,
            a.idps.entra,
            a.idps.google,
            a.idps.onelogin,
            a.idps.jumpcloud
        ],
        [
            Some(IdpRoute::Native),
            Some(IdpRoute::ViaGeneric),
            Some(IdpRoute::SsoOnly),
            Some(IdpRoute::None),
            None
        ]
    );
    assert_eq!(a.operations.delete, Tri::No);
    assert_eq!(a.operations.groups, Tri::Unknown);
    assert_eq!(a.min_seats, Some(25));
    assert_eq!(a.scim_price.check, PriceCheck::Agree);
    assert_eq!(
        (a.status_prev, a.status),
        (Some(ScimStatus::Free), ScimStatus::Gated),
        "free in the previous release, gated now"
    );
    let b = c.vendor("beta").unwrap().index.as_ref().unwrap();
    assert_eq!(b.scim_plan, None);
    assert_eq!(b.sso_required_for_scim, Tri::Unknown);
    assert_eq!(b.idps.generic_endpoint, Tri::Unknown);
    assert_eq!(b.status_prev, None);
    let g = c.vendor("gamma").unwrap().index.as_ref().unwrap();
    assert_eq!(g.scim_addon_price.as_deref(), Some("Contact Sales"));
    assert_eq!(g.sso_required_for_scim, Tri::No);
}

#[test]
fn a_bad_cell_stops_start_up_with_row_column_and_reason() {
    let cases: [(&str, &str, &str); 6] = [
        ("gated", "gatd", "column status"),
        ("via_generic", "generic", "column idp_entra"),
        (",high,", ",certain,", "column confidence"),
        ("false,,native", "nope,,native", "column scim_delete"),
        (
            "2026-10-05,2026-04",
            "2026-13-05,2026-04",
            "column last_verified",
        ),
        ("Sales & CRM", "Sales", "column category"),
    ];
    for (from, to, expect) in cases {
        let bad = GOOD[0].replacen(from, to, 1);
        let dir = v3_dir(&[&bad, GOOD[1]]);
        let e = match scim_ledger::server::load::load_catalog(dir.path()) {
            Ok(_) => panic!("{to} was accepted"),
            Err(e) => e.to_string(),
        };
        assert!(e.contains("data.csv"), "{e}");
        assert!(e.contains("row 2"), "{to}: {e}");
        assert!(e.contains(expect), "{to}: {e}");
    }
    // A column missing from the header.
    let dir = v3_dir(&GOOD);
    let path = dir.path().join("datasets/scim-tax-2026-10/data.csv");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("idp_generic", "idp_other", 1);
    std::fs::write(&path, text).unwrap();
    let e = scim_ledger::server::load::load_catalog(dir.path())
        .unwrap_err()
        .to_string();
    assert!(e.contains("column `idp_generic` is missing"), "{e}");
    assert!(e.contains("column `idp_other` is not in schema v3"), "{e}");
}

#[test]
fn the_home_table_filters_by_confidence_and_by_change_since_the_previous_release() {
    // 142 rows of the release are of high confidence; 165 vendors of 2026-04 changed by
    // 2026-10 (status, SCIM plan or a price: `tests/integration/changes.rs`).
    let page = common::block_on(get_at(server(), "/?confidence=high"));
    page.shows(&["142 of 850 vendors match."]);
    let page = common::block_on(get_at(server(), "/?changed=yes"));
    page.shows(&["165 of 850 vendors match."]);
    let page = common::block_on(get_at(server(), "/?confidence=certain"));
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    page.shows(&["is not a confidence we know (high, medium or low)"]);
}

#[test]
fn the_home_table_filters_by_native_app_in_an_idp() {
    // Counted in the release's file: `idp_okta` is `native` on 199 rows, `idp_google` on 22;
    // 73 of Okta's are of high confidence.
    let page = common::block_on(get_at(server(), "/?native=okta"));
    page.shows(&["199 of 850 vendors match."]);
    let page = common::block_on(get_at(server(), "/?native=google_workspace"));
    page.shows(&["22 of 850 vendors match."]);
    let rows = common::texts(&page.body, "table.vendors tbody tr th a");
    assert_eq!(rows.len(), 22);
    let page = common::block_on(get_at(server(), "/?native=okta&confidence=high"));
    page.shows(&["73 of 850 vendors match."]);
    // Ping Identity is one of ours, not one the index rates.
    let page = common::block_on(get_at(server(), "/?native=ping_identity"));
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    page.shows(&["is not an identity provider the index rates (okta,"]);
}

#[test]
fn the_home_table_shows_a_hundred_vendors_a_page() {
    let first = common::block_on(get_at(server(), "/"));
    assert_eq!(first.status, StatusCode::OK);
    first.shows(&["All 850 vendors. Showing 1–100, page 1 of 9."]);
    let names = common::texts(&first.body, "table.vendors tbody tr th a.vendor-link");
    assert_eq!(names.len(), 100);
    let pager = common::texts(&first.body, "nav.pager a");
    assert_eq!(pager, ["1", "2", "3", "9", "Next →"]);
    // The last page holds the 50 left; its links go back and keep the filters.
    let last = common::block_on(get_at(server(), "/?sort=-name&page=9"));
    last.shows(&["Showing 801–850, page 9 of 9."]);
    let last_names = common::texts(&last.body, "table.vendors tbody tr th a.vendor-link");
    assert_eq!(last_names.len(), 50);
    assert!(last
        .body
        .contains(r#"href="/?sort=-name&amp;page=8" rel="prev""#));
    // Descending by name, the last page's last row is the first page's first.
    assert_eq!(last_names.last(), names.first());
    // A page past the last shows the last and says so; the CSV holds every page's rows.
    let past = common::block_on(get_at(server(), "/?page=12"));
    assert_eq!(past.status, StatusCode::OK);
    past.shows(&["There is no page 12 of these vendors (9 pages); this is the last."]);
    assert!(past.body.contains(r#"href="/vendors.csv" download"#));
    let csv = common::block_on(get_at(server(), "/vendors.csv?page=3"));
    assert_eq!(common::Csv::parse(&csv.body).rows.len(), 850);
}

#[test]
fn the_csv_row_carries_every_fact_of_the_index_row() {
    let page = common::block_on(get_at(server(), "/vendors.csv?q=metabase"));
    assert_eq!(page.status, StatusCode::OK);
    let csv = common::Csv::parse(&page.body);
    let cell = |column: &str| csv.cell(("slug", "metabase"), column).to_string();
    assert_eq!(cell("index_category"), "Data, Analytics & BI");
    assert_eq!(cell("index_scim_plan"), "Pro");
    assert_eq!(cell("index_scim_price_per_user_month"), "10.83");
    assert_eq!(cell("index_scim_price_check"), "text_says_more");
    assert_eq!(cell("index_team_plan"), "Starter");
    assert_eq!(cell("index_price_multiplier"), "2");
    assert_eq!(cell("index_sso_required_for_scim"), "unknown");
    assert_eq!(cell("index_scim_delete"), "no");
    assert_eq!(cell("index_idp_okta"), "via_generic");
    assert_eq!(cell("index_idp_google_workspace"), "");
    assert_eq!(cell("index_generic_endpoint"), "yes");
    assert_eq!(cell("index_confidence"), "medium");
    assert_eq!(cell("index_last_verified"), "2026-10-05");
    assert_eq!(cell("index_status_prev"), "gated");
    // Metabase's SCIM plan is costed as the text says: a fee with ten users included.
    assert_eq!(cell("price_kind"), "seats");
}

#[test]
fn sources_name_both_releases_and_which_is_current() {
    let page = common::block_on(get_at(server(), "/sources"));
    assert_eq!(page.status, StatusCode::OK);
    let roles = common::texts(&page.body, "article.dataset .release-role");
    assert_eq!(roles.len(), 2, "{roles:?}");
    assert!(roles[0].starts_with("An earlier release, kept for history"));
    assert!(roles[1].starts_with("The current release"));
    page.shows(&[
        "fb516026e4bf",
        "4c67c724d40e",
        "prices parsed and facts restated by SCIM Ledger",
    ]);
}

#[test]
fn the_stack_reader_finds_every_vendor_by_its_name_and_its_slug() {
    use scim_ledger::domain::stack::matcher::{Matcher, NameMatch};
    let c = common::full_catalog();
    let m = Matcher::new(&c);
    let mut ambiguous = Vec::new();
    for v in &c.vendors {
        for typed in [v.name.as_str(), v.slug.as_str()] {
            match m.find(typed, None) {
                NameMatch::Matched { slug } => assert_eq!(slug, v.slug, "{typed}"),
                NameMatch::Ambiguous { candidates } => {
                    assert!(candidates.contains(&v.slug), "{typed}: {candidates:?}");
                    ambiguous.push(format!("{typed} → {}", candidates.join(" | ")));
                }
                other => panic!("{typed}: {other:?}"),
            }
        }
    }
    assert_eq!(ambiguous, Vec::<String>::new());
}

#[test]
fn a_pasted_list_of_every_vendor_name_is_read_whole() {
    // Names with commas, parentheses and digits ("Microsoft 365", "8x8", "Bynder (Content
    // Workflow, formerly GatherContent)") are each one app, matched to its vendor. In two
    // halves: a list holds at most 500 apps.
    let c = common::full_catalog();
    // As a spreadsheet row (tab), and as typed ("name, 10", "name 10", "name x10").
    let lines: [fn(&str) -> String; 4] = [
        |n| format!("{n}\t10\n"),
        |n| format!("{n}, 10\n"),
        |n| format!("{n} 10\n"),
        |n| format!("{n} x10\n"),
    ];
    for (half, line) in c
        .vendors
        .chunks(425)
        .flat_map(|h| lines.iter().map(move |l| (h, l)))
    {
        let list: String = half.iter().map(|v| line(&v.name)).collect();
        let page = common::block_on(common::post_at(
            server(),
            "/api/stack",
            "text/plain",
            list.as_bytes(),
        ));
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let json: serde_json::Value = serde_json::from_str(&page.body).unwrap();
        assert_eq!(
            json["pending"],
            serde_json::json!([]),
            "{}",
            json["pending"]
        );
        let apps = json["query"].as_str().unwrap();
        let slugs: Vec<&str> = apps
            .trim_start_matches("apps=")
            .split('&')
            .next()
            .unwrap()
            .split(',')
            .map(|item| item.split(':').next().unwrap())
            .collect();
        let mut expected: Vec<&str> = half.iter().map(|v| v.slug.as_str()).collect();
        let mut got = slugs.clone();
        expected.sort();
        got.sort();
        assert_eq!(got, expected);
    }
}

/// `/api/cost` for `uri` on the full data: (status, JSON).
fn cost(uri: &str) -> serde_json::Value {
    let page = common::block_on(get_at(server(), uri));
    assert_eq!(page.status, StatusCode::OK, "{uri}: {}", page.body);
    serde_json::from_str(&page.body).unwrap()
}

#[test]
fn index_prices_are_costed_by_hand_arithmetic_with_seat_minimums() {
    let target = |v: &serde_json::Value| {
        let t = &v["upgrade"]["scim_annual"];
        (t["low"].as_f64().unwrap(), t["high"].as_f64().unwrap())
    };
    // Granola Enterprise: "$35/u/mo", at least 50 seats. 20 people pay for 50:
    // 50 × $35 × 12 = $21,000; 60 people pay for 60: 60 × $35 × 12 = $25,200.
    let v = cost("/api/cost?vendor=granola&users=20");
    assert_eq!(target(&v), (21_000.0, 21_000.0), "{v}");
    let v = cost("/api/cost?vendor=granola&users=60");
    assert_eq!(target(&v), (25_200.0, 25_200.0), "{v}");
    // Hippo Video Enterprise: "$80/u/mo billed annually, minimum 10 seats": 4 people pay
    // for 10, 10 × $80 × 12 = $9,600; at exactly 10 the same.
    let v = cost("/api/cost?vendor=hippo-video&users=4");
    assert_eq!(target(&v), (9_600.0, 9_600.0), "{v}");
    let v = cost("/api/cost?vendor=hippo-video&users=10");
    assert_eq!(target(&v), (9_600.0, 9_600.0), "{v}");
    // Metabase Pro: "$6,210/yr incl. 10 users, +$130/user/yr": 8 people pay the fee alone;
    // 25 pay $6,210 + 15 × $130 = $8,160. Never 25 × $10.83 × 12 (the publisher's figure).
    let v = cost("/api/cost?vendor=metabase&users=8");
    assert_eq!(target(&v), (6_210.0, 6_210.0), "{v}");
    let v = cost("/api/cost?vendor=metabase&users=25");
    assert_eq!(target(&v), (8_160.0, 8_160.0), "{v}");
    // Apollo Organization: "$119/seat/mo billed annually (min 3 seats)": 2 people pay for
    // 3, 3 × $119 × 12 = $4,284; 40 people 40 × $119 × 12 = $57,120.
    let v = cost("/api/cost?vendor=apollo&users=2");
    assert_eq!(target(&v), (4_284.0, 4_284.0), "{v}");
    let v = cost("/api/cost?vendor=apollo&users=40");
    assert_eq!(target(&v), (57_120.0, 57_120.0), "{v}");
}
