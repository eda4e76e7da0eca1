//! The calculator from the server's side: deep links render their figures and inputs,
//! bad input is reported on the page, and `/api/cost` returns the same numbers as JSON.
#![cfg(feature = "ssr")]

use crate::common::{self, attr, attrs, figure, get, text, Csv};
use axum::http::StatusCode;
use serde_json::Value;

/// The sources' 500-employee block, figure by figure, as the calculator's table shows it at
/// the defaults: 10 % joiners and leavers, 60.6 minutes each at $60.28 an hour, 14 % of
/// leavers missed, 2.4 % of seats unused at $27.26 a month, $248.71 per orphaned account.
const BLOCK: [(&str, &str); 7] = [
    // 500 people × 10 % leavers = 50 leavers; × 14 % missed = 7 orphaned accounts.
    ("orphaned_accounts", "7"),
    // 500 seats × 2.4 % unused = 12 licences.
    ("unused_licenses", "12"),
    // (50 joiners + 50 leavers) × 60.6 min = 6,060 min = 101 hours.
    ("it_hours", "101 hours"),
    // 12 licences × $27.26 × 12 months = $3,925.44.
    ("unused_license_cost", "$3,925"),
    // 101 hours × $60.28 = $6,088.28.
    ("it_labor_cost", "$6,088"),
    // 7 accounts × $248.71 = $1,740.97.
    ("compliance_cost", "$1,741"),
    // $3,925 + $6,088 + $1,741, each rounded to the dollar first.
    ("total_annual_impact", "$11,754"),
];

#[track_caller]
fn shows_the_block(html: &str, context: &str) {
    for (key, expected) in BLOCK {
        assert_eq!(figure(html, key), expected, "{context}: {key}");
    }
}

#[test]
fn defaults_at_500_show_the_sources_block() {
    common::block_on(async {
        let page = get("/calculator?users=500").await;
        assert_eq!(page.status, StatusCode::OK);
        shows_the_block(&page.body, "/calculator");
        assert_eq!(
            text(&page.body, "tr[data-key='total_annual_impact'] th"),
            "Total annual impact"
        );
        assert_eq!(
            text(&page.body, "label[for='in-users']"),
            "Team size (people)"
        );
        assert_eq!(attr(&page.body, "#in-users", "value"), "500");
        // The chart is drawn, titled with the scenario's headline.
        assert_eq!(
            text(&page.body, ".chart-svg svg title"),
            "Any app at 500 people: staying manual costs about $11,754 a year."
        );
    })
}

#[test]
fn every_full_vendor_has_a_calculator_in_its_guide() {
    common::block_on(async {
        // At the seat price the sources' block is worked out from ($27.26), each guide's
        // calculator gives that block; without it, each vendor's own plan prices the seats.
        for slug in ["mimecast", "code42", "mode", "ironclad"] {
            let page = get(&format!("/vendors/{slug}?users=500&seat=27.26")).await;
            assert_eq!(page.status, StatusCode::OK, "{slug}");
            page.shows(&["id=\"cost\"", "What the SCIM upgrade costs", "Verdict"]);
            shows_the_block(&page.body, slug);
        }
    })
}

#[test]
fn a_deep_link_renders_its_scenario_and_inputs() {
    common::block_on(async {
        let page = get("/calculator?vendor=mode&users=20&plan=Business%2FPro&years=1").await;
        assert_eq!(page.status, StatusCode::OK);
        let html = &page.body;
        // Business/Pro: 20 people × $49 × 12 months = $11,760 a year.
        assert_eq!(figure(html, "current"), "$11,760");
        // Enterprise: the data's $6,000–$50,000 a year.
        assert_eq!(figure(html, "target"), "$6,000–$50,000");
        // $6,000 − $11,760 = −$5,760; $50,000 − $11,760 = +$38,240.
        assert_eq!(figure(html, "difference"), "$5,760 less to $38,240 more");
        // The inputs carry the link's values.
        assert_eq!(attr(html, "#in-users", "value"), "20");
        // Business/Pro is Mode's default plan: its option is selected, and its value is
        // empty so that choosing it adds nothing to the address.
        assert_eq!(
            text(html, "select[name='plan'] option[selected]"),
            "Business/Pro: $49 per user per month"
        );
        assert_eq!(
            attr(html, "select[name='plan'] option[selected]", "value"),
            ""
        );
        // Link previews state the scenario. Manual cost at 20 people: (2 joiners + 2 leavers)
        // × 60.6 min = 4.04 hours × $60.28 = $243.53, so $244; 2 leavers × 14 % and
        // 20 seats × 2.4 % both round to 0 accounts.
        assert_eq!(
            attr(html, "meta[property='og:title']", "content"),
            "Mode at 20 people: SCIM cost"
        );
        assert_eq!(
            attr(html, "meta[property='og:description']", "content"),
            "Mode at 20 people: staying manual costs about $244 a year. \
             Enterprise costs $5,760 less to $38,240 more a year than Business/Pro."
        );
    })
}

#[test]
fn bad_input_is_reported_on_the_page_with_a_400_as_the_api_does() {
    common::block_on(async {
        // The page still shows its figures (with the values used instead) and the
        // messages, and answers 400 as /api/cost does for the same query.
        let page = get("/calculator?vendor=mode&users=lots&hourly=-3&plan=Gold").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        page.shows(&[
            "“lots” is not a number; using the default, 500.",
            "Hourly cost of IT admin time cannot be negative; using 0.",
            "Mode has no plan called “Gold”; using Business/Pro.",
            "aria-invalid=\"true\"",
        ]);
        let page = get("/calculator?vendor=%3Cscript%3E").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        page.shows(&["We have no vendor “&lt;script&gt;”"]);
        assert!(!page.body.contains("“<script>”"));
    })
}

#[test]
fn custom_pricing_asks_for_a_quote_and_uses_it() {
    common::block_on(async {
        let page = get("/calculator?vendor=mimecast&users=200").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(
            text(&page.body, "label[for='in-quote']"),
            "Your quote for the SCIM plan ($ per year)"
        );
        assert_eq!(attr(&page.body, "#in-quote", "value"), "");
        let page =
            get("/calculator?vendor=mimecast&users=200&quote=12000&current_quote=6000").await;
        let html = &page.body;
        // The reader's two quotes replace the data's figures, and say so.
        assert_eq!(figure(html, "target"), "$12,000");
        assert_eq!(
            text(html, "tr[data-key='target'] td.formula"),
            "Enterprise: your figure"
        );
        assert_eq!(figure(html, "current"), "$6,000");
        assert_eq!(
            text(html, "tr[data-key='current'] td.formula"),
            "Comprehensive Defence: your figure"
        );
        // $12,000 − $6,000 = +$6,000 a year; ÷ 200 people = +$30 each.
        assert_eq!(figure(html, "difference"), "$6,000 more");
        assert_eq!(figure(html, "per_user"), "$30 more");
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
        // An unused seat costs Business/Pro's $49 a month: 12 × $49 × 12 = $7,056, and
        // $7,056 + $6,088 + $1,741 = $14,885.
        assert_eq!(v["unused_license_cost"], 7056.0);
        assert_eq!(v["it_labor_cost"], 6088.0);
        assert_eq!(v["compliance_cost"], 1741.0);
        assert_eq!(v["manual_cost"], 14885.0);
        // At the source's own seat price the sources' block comes back exactly.
        let (_, v) = json("/api/cost?vendor=mode&users=500&seat=27.26").await;
        assert_eq!(v["unused_license_cost"], 3925.0);
        assert_eq!(v["manual_cost"], 11754.0);
        assert_eq!(v["upgrade"]["scim_plan"], "Enterprise");
        // Enterprise's range is reported for 50 to 100 seats: at 500 it is not used (below).
        assert_eq!(v["upgrade"]["scim_source"], "out_of_scope");
        let (_, v) = json("/api/cost?vendor=mode&users=50").await;
        assert_eq!(v["upgrade"]["scim_annual"]["low"], 6000.0);
        assert_eq!(v["upgrade"]["scim_annual"]["high"], 50000.0);

        let (_, v) = json("/api/cost?vendor=mode&users=20&years=1").await;
        assert_eq!(v["upgrade"]["scim_extra"]["low"], -5760.0);
        assert_eq!(v["upgrade"]["scim_extra"]["high"], 38240.0);
    })
}

#[test]
fn a_range_is_not_stretched_past_the_team_sizes_it_is_reported_for() {
    common::block_on(async {
        // Mode's Enterprise, "$6,000–$50,000 a year", is reported for 50 to 100 seats. At
        // 500 people it was 2 % to 17 % of Business/Pro (500 × $49 × 12 = $294,000) and
        // "saved $685,262 to $891,427" over three years: a range stretched five times past
        // its source. Now the source gives no price at that size, and the API says so.
        let (status, v) = json("/api/cost?vendor=mode&users=500").await;
        assert_eq!(status, StatusCode::OK);
        let up = &v["upgrade"];
        assert_eq!(up["scim_source"], "out_of_scope", "{up}");
        assert_eq!(up["scim_scope"], serde_json::json!({"min": 50, "max": 100}));
        assert_eq!(up["current_scope"], Value::Null);
        assert_eq!(up["current_source"], "list_price");
        for key in [
            "scim_annual",
            "scim_extra",
            "multiple",
            "per_user",
            "over_years",
        ] {
            assert!(up[key].is_null(), "{key}: {up}");
        }
        // No saving stated: the verdict waits on the reader's quote.
        assert_eq!(v["verdict"]["result"]["outcome"], "unknown", "{v}");
        assert!(v["verdict"]["break_even"].is_null(), "{v}");
        // The reader's quote prices it, as for a plan sold by quote: $120,000 − $294,000.
        let (_, v) = json("/api/cost?vendor=mode&users=500&quote=120000").await;
        assert_eq!(v["upgrade"]["scim_source"], "your_quote");
        assert_eq!(v["upgrade"]["scim_extra"]["low"], -174_000.0);
        assert_eq!(v["verdict"]["result"]["outcome"], "upgrade_cheaper");

        // At 50 people the range is used as before: $6,000–$50,000 against 50 × $49 × 12 =
        // $29,400, so $23,400 less to $20,600 more.
        let (_, v) = json("/api/cost?vendor=mode&users=50").await;
        let up = &v["upgrade"];
        assert_eq!(up["scim_source"], "estimate");
        assert_eq!(up["scim_scope"], serde_json::json!({"min": 50, "max": 100}));
        assert_eq!(up["scim_annual"]["low"], 6000.0);
        assert_eq!(up["scim_annual"]["high"], 50000.0);
        assert_eq!(up["scim_extra"]["low"], -23_400.0);
        assert_eq!(up["scim_extra"]["high"], 20_600.0);
        // The break-even search stops where the range's sizes end.
        assert_eq!(v["verdict"]["break_even"]["searched_to"], 100, "{v}");

        // The calculator and the guide, at their default 500 people, ask for the quote.
        let calc = get("/calculator?vendor=mode").await;
        assert_eq!(figure(&calc.body, "difference"), "unknown");
        calc.shows(&[
            "The source prices the SCIM plan only for 50 to 100 seats, so it gives no price at your team size",
            "the source gives a price only for 50 to 100 seats, not at this size: enter your quote above",
        ]);
        let guide = get("/vendors/mode").await;
        for stretched in ["saves $685,262", "$891,427", "2% to 17%", "$244,000"] {
            assert!(!guide.body.contains(stretched), "{stretched}");
        }
        guide.shows(&[
            "The source prices Enterprise only for 50 to 100 seats; at 500 people it gives no price, so it needs your quote.",
        ]);
        // The comparison says why there is no figure.
        let cmp = get("/compare?vendors=mode,code42&users=500").await;
        cmp.shows(&["The source prices Enterprise only for 50 to 100 seats: not at this size."]);
        // And the vendor's JSON carries the scope inside the price.
        let api = get("/api/vendors/mode").await;
        let mode: Value = serde_json::from_str(&api.body).unwrap();
        assert_eq!(
            mode["plans"][2]["price"]["estimate"]["scope"],
            serde_json::json!({"min": 50, "max": 100})
        );
    })
}

#[test]
fn two_open_ended_prices_give_no_verdict_and_no_break_even() {
    common::block_on(async {
        // Ironclad: Standard is "$500+ a month", Enterprise "$60,000+ a year".
        let (_, v) = json("/api/cost?vendor=ironclad&users=120").await;
        assert_eq!(v["verdict"]["result"]["outcome"], "unknown", "{v}");
        // The sentences that state the scenario say so instead of quoting a non-figure.
        // Manual cost at 120 people: (12 joiners + 12 leavers) × 60.6 min = 24.24 hours ×
        // $60.28 = $1,461; 120 × 2.4 % = 2.88, so 3 licences × $27.26 × 12 = $981;
        // 12 leavers × 14 % = 1.68, so 2 accounts × $248.71 = $497; $981 + $1,461 + $497.
        let page = get("/decide?vendor=ironclad&users=120").await;
        assert_eq!(
            text(&page.body, "p.rec-figures"),
            "Staying manual costs about $2,939 a year at 120 people. What Enterprise costs \
             against Standard cannot be bounded: both prices are open-ended."
        );
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
            // A plan without its vendor names nothing (it was echoed back with 200).
            "/api/cost?plan=%E2%80%AEevil%3Cb%3E",
        ] {
            let (status, v) = json(uri).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
            assert!(v["error"].is_string(), "{uri}");
            assert!(v["issues"][0]["message"].is_string(), "{uri}");
            assert!(!v.to_string().contains("evil"), "{uri}: {v}");
        }
        // The calculator page answers the same.
        let page = common::get("/calculator?plan=Business%2FPro").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        page.shows(&["Choose a vendor to cost your current plan"]);
    })
}

#[test]
fn every_route_takes_the_last_value_of_a_repeated_key() {
    common::block_on(async {
        // One URL codec for every route: `users=10&users=20` means 20 everywhere (the JSON
        // API once took the first value while the pages took the last).
        let (status, v) = json("/api/cost?vendor=mode&users=10&users=20").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(v["users"], 20);
        // Mode at 20 people: (2 joiners + 2 leavers) × 60.6 min = 4.04 hours × $60.28 =
        // $243.53, so $244; 2 leavers × 14 % and 20 seats × 2.4 % both round to nothing.
        let (_, at_20) = json("/api/cost?vendor=mode&users=20").await;
        assert_eq!(at_20["manual_cost"], 244.0);
        assert_eq!(v["manual_cost"], at_20["manual_cost"]);

        let page = get("/calculator?vendor=mode&users=10&users=20").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(attr(&page.body, "#in-users", "value"), "20");
        assert_eq!(figure(&page.body, "total_annual_impact"), "$244");

        let page = get("/compare.csv?vendors=mode&users=10&users=20").await;
        assert_eq!(page.status, StatusCode::OK);
        let csv = Csv::parse(&page.body);
        assert_eq!(csv.column("users"), ["20"]);
        assert_eq!(csv.column("manual_cost"), ["244"]);

        let page = get("/decide?vendor=mode&users=10&users=20").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(attr(&page.body, "#dq-users", "value"), "20");

        // The home table's sort too: the last `sort` wins, and it is not the first's order.
        let both = slugs("/vendors.csv?sort=name&sort=-name").await;
        let descending = slugs("/vendors.csv?sort=-name").await;
        let ascending = slugs("/vendors.csv?sort=name").await;
        assert_eq!(both, descending);
        assert_ne!(both, ascending);
    })
}

/// The `slug` column of a CSV download, top to bottom.
async fn slugs(uri: &str) -> Vec<String> {
    let page = get(uri).await;
    assert_eq!(page.status, StatusCode::OK, "{uri}");
    let csv = Csv::parse(&page.body);
    csv.column("slug").into_iter().map(str::to_string).collect()
}

#[test]
fn chart_image_is_the_pages_chart_and_its_link_names_the_scenario() {
    common::block_on(async {
        // The island asks for `/chart.svg?` + the scenario's query: the same chart the
        // page arrived with, as an image a reader can save.
        let page = get("/vendors/mode?users=20&hourly=80").await;
        let link = attr(&page.body, "a.chart-download", "href");
        assert_eq!(link, "/chart.svg?vendor=mode&users=20&hourly=80");
        let image = get(&link).await;
        assert_eq!(image.status, StatusCode::OK);
        assert_eq!(image.content_type, "image/svg+xml; charset=utf-8");
        let drawn = scraper::Html::parse_fragment(&image.body);
        let title = scraper::Selector::parse("svg > title").unwrap();
        let title: String = drawn.select(&title).next().unwrap().text().collect();
        assert_eq!(title, text(&page.body, ".chart-svg svg title"));
        // 2 joiners + 2 leavers × 60.6 minutes = 4.04 hours × $80 = $323.20; at 20 people
        // the unused (2.4 %) and orphaned shares of 20 people round to no licence at all.
        assert_eq!(
            title,
            "Mode at 20 people: staying manual costs about $323 a year. \
             Enterprise costs $5,760 less to $38,240 more a year than Business/Pro."
        );
        // Unknown keys are dropped before anything is drawn; bad input is a 400 naming it.
        let bad = get("/chart.svg?vendor=mode&users=lots").await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert!(bad.content_type.starts_with("application/json"));
        assert!(bad.body.contains("“lots” is not a number"), "{}", bad.body);
        let unknown = get("/chart.svg?vendor=nope").await;
        assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    })
}

#[test]
fn the_ironclad_chart_of_the_issue_reads_round_distinct_labels() {
    common::block_on(async {
        // Issue 26: its y axis read "$0, $500, $1k, $2k, $2k, $2k, $3k".
        let image = get("/chart.svg?vendor=ironclad&users=60").await;
        assert_eq!(image.status, StatusCode::OK);
        let drawn = scraper::Html::parse_fragment(&image.body);
        let labels = |anchor: &str| -> Vec<String> {
            let s = scraper::Selector::parse(&format!("text[text-anchor='{anchor}']")).unwrap();
            drawn
                .select(&s)
                .map(|t| t.text().collect::<String>().trim().to_string())
                .collect()
        };
        assert_eq!(
            labels("end"),
            ["$0", "$500", "$1k", "$1.5k", "$2k", "$2.5k", "$3k", "$3.5k"]
        );
        assert_eq!(
            labels("middle"),
            [
                "Dollars a year",
                "Team size (people)",
                "0",
                "20",
                "40",
                "60",
                "80",
                "100",
                "120"
            ]
        );
    })
}

/// A live region re-reads all it holds at every change: the calculator's and the decision
/// helper's each hold one short sentence, empty on load (the page states it once already),
/// never the tables around it.
#[test]
fn live_regions_hold_one_short_sentence_not_the_tables() {
    common::block_on(async {
        for (path, island) in [
            ("/calculator?vendor=mode&users=120", ".calculator"),
            ("/decide?vendor=mode", ".decision-helper"),
            ("/vendors/mode", ".calculator"),
            ("/vendors/mode", ".decision-helper"),
        ] {
            let page = get(path).await;
            let live = format!("{island} [aria-live]");
            assert_eq!(
                attrs(&page.body, &live, "class"),
                ["visually-hidden"],
                "{path}"
            );
            assert_eq!(text(&page.body, &live), "", "{path}");
        }
        // The stack page already announces its totals' heading alone.
        let page = get("/stack?apps=mode:40,ironclad:12").await;
        assert_eq!(attrs(&page.body, "[aria-live]", "id"), ["stack-announce"]);
    })
}
