//! The decision helper, the comparison, the home table's sort and filters from the query
//! string, CSV downloads (parsed back by the `csv` crate) and the JSON API (parsed back into
//! the data types), all on the real server.
#![cfg(feature = "ssr")]

use crate::common::{self, attr, attrs, catalog, get, row, text, texts, Csv};
use axum::http::StatusCode;
use scim_ledger::domain::vendor::Vendor;

/// The `data-row` of the one row marked as fitting, from the server-rendered HTML.
#[track_caller]
fn chosen_row(body: &str) -> usize {
    let row = attr(body, "tr[aria-current='true']", "data-row");
    row.parse()
        .unwrap_or_else(|_| panic!("data-row `{row}` is not a row number"))
}

/// The action the recommendation card advises.
fn advice(body: &str) -> Option<String> {
    let at = body.find("class=\"rec-action\"")?;
    let span = at + body[at..].find("<span")?;
    let text = span + body[span..].find('>')? + 1;
    Some(body[text..text + body[text..].find('<')?].to_string())
}

#[test]
fn the_figures_overrule_a_cost_row_they_show_dearer_and_the_page_says_so() {
    common::block_on(async {
        // Mode at 100 people on Business/Pro: 100 × $49 × 12 = $58,800 a year against
        // Enterprise's $6,000–$50,000 (reported for 50 to 100 seats), so Enterprise costs
        // $8,800 to $52,800 less. The answers fit row 0 ("automate another way"), which
        // would keep the dearer plan.
        let page = get("/decide?vendor=mode&users=100&plan=Business%2FPro&automate=yes").await;
        assert_eq!(chosen_row(&page.body), 0, "the row still fits the answers");
        assert_eq!(
            advice(&page.body).as_deref(),
            Some("Upgrade to the SCIM plan")
        );
        page.shows(&[
            "class=\"callout conflict\"",
            "Enterprise costs $8,800 to $52,800 less a year than Business/Pro.",
            "We follow the figures",
        ]);
        // The calculator at the same scenario advises the same, and says why.
        let calc = get("/calculator?vendor=mode&users=100&plan=Business%2FPro").await;
        calc.shows(&["Our advice: <span class=\"action upgrade\">Upgrade to the SCIM plan</span>"]);
        // And so does the comparison at 100 people.
        let cmp = get("/compare?vendors=mode,code42&users=100").await;
        cmp.shows(&["<span class=\"action upgrade\">Upgrade to the SCIM plan</span>"]);
        // At 500 people the range is not used, so the figures no longer overrule the row.
        let page = get("/decide?vendor=mode&plan=Business%2FPro&automate=yes").await;
        assert_eq!(advice(&page.body).as_deref(), Some("Automate another way"));
        assert!(!page.body.contains("class=\"callout conflict\""));
    })
}

#[test]
fn the_decision_helper_marks_the_row_that_fits_the_answers() {
    common::block_on(async {
        // Mode on Business/Pro at 20 people, needing automation: row 0 ("automate another
        // way"); Enterprise costs $5,760 less to $38,240 more, so the figures do not object.
        let page = get("/decide?vendor=mode&users=20&plan=Business%2FPro&automate=yes").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(chosen_row(&page.body), 0, "Business/Pro row");
        assert_eq!(advice(&page.body).as_deref(), Some("Automate another way"));
        page.shows(&["Every condition of this row holds"]);
        assert!(!page.body.contains("class=\"callout conflict\""));
        // Already on Enterprise: the native-SCIM row.
        let page = get("/decide?vendor=mode&plan=Enterprise").await;
        assert_eq!(chosen_row(&page.body), 1);
        // A small, quiet team that does not need automation: stay manual.
        let page = get("/decide?vendor=code42&users=20&automate=no").await;
        assert_eq!(chosen_row(&page.body), 2);
        page.shows(&["Stay manual, with checks"]);
        // Code42 on legacy: plan a migration is offered as an option.
        let page = get("/decide?vendor=code42&legacy=yes&automate=no").await;
        assert_eq!(chosen_row(&page.body), 4);
        page.shows(&["Plan a migration"]);
        // Mimecast with Google Workspace (just-in-time only): the IdP row.
        let page = get("/decide?vendor=mimecast&idp=google_workspace&automate=no").await;
        assert_eq!(chosen_row(&page.body), 4);
        // The API guide is offered as one way to automate.
        page.shows(&["href=\"/vendors/mimecast/api\""]);
    })
}

#[test]
fn the_guide_has_the_helper_and_keeps_the_calculators_inputs() {
    common::block_on(async {
        let page = get("/vendors/ironclad?users=300&seat=40&groups=yes&automate=no#decision").await;
        assert_eq!(page.status, StatusCode::OK);
        page.shows(&["id=\"decision\"", "class=\"situation-form\""]);
        // Complex groups: the last row.
        assert_eq!(chosen_row(&page.body), 4);
        // The helper's form carries the calculator's `seat` as a hidden input, and the
        // calculator's form carries the helper's answers.
        let hidden = |form: &str, name: &str| {
            attr(
                &page.body,
                &format!("form.{form} input[type='hidden'][name='{name}']"),
                "value",
            )
        };
        assert_eq!(hidden("situation-form", "seat"), "40");
        assert_eq!(hidden("scenario-form", "groups"), "yes");
    })
}

#[test]
fn bad_answers_and_an_unknown_vendor_get_a_message_and_a_400() {
    common::block_on(async {
        let page = get("/decide?vendor=mode&automate=perhaps&idp=%3Cscript%3E").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        page.shows(&["is not yes or no", "&lt;script&gt;"]);
        assert!(!page.body.contains("<script>\u{201d}"));
        let page = get("/decide?vendor=nope").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        page.shows(&["We have no vendor"]);
        let page = get("/decide").await;
        assert_eq!(page.status, StatusCode::OK);
        page.shows(&["class=\"vendor-picker\""]);
    })
}

#[test]
fn compare_shows_vendors_side_by_side_at_the_team_size() {
    common::block_on(async {
        let page = get("/compare?vendors=mode,ironclad&users=100").await;
        assert_eq!(page.status, StatusCode::OK);
        let html = &page.body;
        assert_eq!(
            text(html, "table.compare caption"),
            "Side by side at 100 people"
        );
        page.shows(&[
            "href=\"/vendors/mode\"",
            "href=\"/vendors/ironclad\"",
            "Plan required for SCIM",
            "Vendor staff needed to set up",
            "/compare.csv?vendors=mode,ironclad&amp;users=100",
        ]);
        // Manual cost at 100 people, as each vendor's calculator works it out: 20 changes ×
        // 60.6 min = 20.2 hours × $60.28 = $1,218; 100 seats × 2.4 % = 2.4, so 2 unused
        // licences; 10 leavers × 14 % = 1.4, so 1 account × $248.71 = $249. The licences
        // cost Mode's Business/Pro $49 a seat (2 × $49 × 12 = $1,176; $2,643 in all) and
        // Ironclad's default $27.26 (its Standard is flat: 2 × $27.26 × 12 = $654; $2,121).
        assert_eq!(
            row(
                html,
                "table.compare",
                "Staying manual (calculator defaults)"
            ),
            ["$2,643", "$2,121"]
        );
        for (slug, total) in [("mode", "$2,643"), ("ironclad", "$2,121")] {
            let calculator = get(&format!("/calculator?vendor={slug}&users=100")).await;
            assert_eq!(
                text(
                    &calculator.body,
                    "tr[data-key='total_annual_impact'] td.num"
                ),
                total
            );
        }
        // The bottom line leads: Mode's Enterprise is an estimate of $6,000 to $50,000 a
        // year, Ironclad's $60,000 or more; the ranges do not overlap, so Mode is the
        // cheapest way to SCIM and Ironclad costs at least $60,000 − $50,000 more.
        assert_eq!(
            text(html, ".bottom-line-lead"),
            "At 100 people, the cheapest way to get SCIM here is Mode: $6,000 to $50,000 a year, an estimate (sold by quote)."
        );
        let bottom = row(
            html,
            "table.compare",
            "Bottom line: SCIM a year at 100 people",
        );
        assert_eq!(
            bottom,
            [
                "Cheapest SCIM plan: $6,000 to $50,000 a year, an estimate (sold by quote)",
                "Costs at least $10,000 more a year than Mode SCIM plan: $60,000 or more a year, an estimate (sold by quote)",
            ]
        );
        // It is the table's first row, and each phone card's first line.
        assert_eq!(
            texts(html, "table.compare tbody tr:first-child th"),
            ["Bottom line: SCIM a year at 100 people"]
        );
        assert_eq!(
            texts(
                html,
                ".compare-cards .vendor-card dl:first-of-type > div:first-child dd"
            ),
            bottom
        );
        assert_eq!(
            texts(html, ".compare-cards .vendor-card h3 > a:first-child"),
            ["Mode", "Ironclad"]
        );
        // Signs are words: Mode's upgrade saves money, said so, never "less" or a minus.
        assert_eq!(
            row(html, "table.compare", "Upgrade to the SCIM plan: change in yearly spend")[0],
            "Moving from Business/Pro to Enterprise saves $8,800 to $52,800 a year Open in the calculator"
        );
        let words = texts(html, "main").join(" ");
        assert!(!words.contains(" less") && !words.contains('−'), "{words}");
        // Plan prices are readable text, not the grey small print.
        assert_eq!(
            texts(html, "table.compare .plan-price")[0],
            "Custom (contact sales); reported: $6,000–$50,000 per year"
        );
        // Removing one vendor is a link; adding is the form's `add`.
        page.shows(&["href=\"/compare?vendors=ironclad&amp;users=100\""]);
        let page = get("/compare?vendors=mode&add=code42&users=50").await;
        page.shows(&["href=\"/vendors/code42\""]);
        assert_eq!(
            text(&page.body, "table.compare caption"),
            "Side by side at 50 people"
        );
        // Unknown vendors are named on the page, which answers 400 as for any bad input.
        let page = get("/compare?vendors=mode,nope").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        page.shows(&["We have no vendor “nope”"]);
        let page = get("/compare?vendors=nope").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
    })
}

/// The vendor slugs in the home table, in page order.
fn table_order(body: &str) -> Vec<String> {
    attrs(body, "tr[data-slug]", "data-slug")
}

#[test]
fn home_sorts_and_filters_from_the_query_string() {
    common::block_on(async {
        let page = get("/").await;
        let all = table_order(&page.body);
        assert_eq!(all.len(), catalog().vendors.len());
        page.shows(&["aria-sort=\"ascending\"", "name=\"sort\" value=\"-name\""]);
        let page = get("/?sort=-name").await;
        let mut reversed = all.clone();
        reversed.reverse();
        assert_eq!(table_order(&page.body), reversed);
        page.shows(&["aria-sort=\"descending\""]);
        // Only vendors Okta provisions by SCIM, quote-only price.
        let page = get("/?idp=okta&price=custom").await;
        let shown = table_order(&page.body);
        assert!(!shown.is_empty() && shown.len() < all.len(), "{shown:?}");
        for slug in &shown {
            let v = catalog().vendor(slug).unwrap().clone();
            assert!(
                v.scim_idps()
                    .contains(&scim_ledger::domain::vendor::Idp::Okta),
                "{slug}"
            );
        }
        assert_eq!(
            text(&page.body, "#vendors-caption"),
            format!(
                "{} of {} vendors match. Download CSV",
                shown.len(),
                all.len()
            )
        );
        assert_eq!(
            attr(&page.body, "#vendors-caption a", "href"),
            "/vendors.csv?idp=okta&price=custom"
        );
        let page = get("/?sort=bogus&status=perhaps").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        page.shows(&[
            "is not a column we sort by",
            "“perhaps” is not a SCIM status we know (free, gated, partial, none or unknown)",
        ]);
    })
}

#[test]
fn csv_downloads_parse_back_to_the_page_rows() {
    common::block_on(async {
        let page = get("/vendors.csv?sort=-price").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.content_type.starts_with("text/csv"));
        let csv = Csv::parse(&page.body);
        assert_eq!(csv.header, scim_ledger::server::csv::VENDOR_HEADER);
        assert_eq!(csv.rows.len(), catalog().vendors.len());
        // Mode's SCIM plan, Enterprise, is quote-only with a $6,000–$50,000 a year estimate.
        let mode = ("slug", "mode");
        assert_eq!(csv.cell(mode, "scim_plan"), "Enterprise");
        assert_eq!(csv.cell(mode, "price_kind"), "quote");
        assert_eq!(csv.cell(mode, "price_low"), "6000");
        assert_eq!(csv.cell(mode, "price_high"), "50000");
        // The guide reports that range for 50 to 100 seats.
        assert_eq!(csv.cell(mode, "price_scope_min"), "50");
        assert_eq!(csv.cell(mode, "price_scope_max"), "100");
        assert_eq!(csv.cell(("slug", "ironclad"), "price_scope_max"), "");
        assert_eq!(csv.cell(mode, "currency"), "USD");
        // Same order as the page for the same query.
        let page = get("/?sort=-price").await;
        assert_eq!(csv.column("slug"), table_order(&page.body));

        let page = get("/compare.csv?vendors=mode,ironclad&users=100").await;
        assert_eq!(page.status, StatusCode::OK);
        let csv = Csv::parse(&page.body);
        assert_eq!(csv.column("slug"), ["mode", "ironclad"]);
        assert_eq!(csv.column("users"), ["100", "100"]);
        // At 100 people Mode's Enterprise range applies (it is reported for 50 to 100
        // seats): $6,000–$50,000 against Business/Pro's 100 × $49 × 12 = $58,800.
        let mode = ("slug", "mode");
        assert_eq!(csv.cell(mode, "scim_extra_low"), "-52800");
        assert_eq!(csv.cell(mode, "scim_extra_high"), "-8800");
        assert_eq!(csv.cell(mode, "scim_extra_or_more"), "false");
        assert_eq!(csv.cell(mode, "needs_quote"), "true");
        // Ironclad's Enterprise estimate is open-ended ($60K+): no high end.
        let ironclad = ("slug", "ironclad");
        assert_eq!(csv.cell(ironclad, "scim_extra_high"), "");
        assert_eq!(csv.cell(ironclad, "scim_extra_or_more"), "true");
        // The bottom line, as on the page: a key, its words, the SCIM plan's yearly price
        // and how much more than the cheapest way (open-ended: no high end).
        assert_eq!(csv.column("bottom_line"), ["cheapest", "costs_more"]);
        assert_eq!(
            csv.cell(mode, "bottom_line_words"),
            "Cheapest: $6,000–$50,000 a year (estimate)"
        );
        assert_eq!(
            csv.cell(ironclad, "bottom_line_words"),
            "Costs at least $10,000 more a year than Mode"
        );
        assert_eq!(csv.cell(mode, "scim_annual_low"), "6000");
        assert_eq!(csv.cell(mode, "scim_annual_high"), "50000");
        assert_eq!(csv.cell(mode, "more_than_cheapest_low"), "");
        assert_eq!(csv.cell(ironclad, "scim_annual_low"), "60000");
        assert_eq!(csv.cell(ironclad, "scim_annual_or_more"), "true");
        assert_eq!(csv.cell(ironclad, "more_than_cheapest_low"), "10000");
        assert_eq!(csv.cell(ironclad, "more_than_cheapest_high"), "");
        assert_eq!(csv.cell(ironclad, "more_than_cheapest_or_more"), "true");
        // Each vendor's calculator at 100 people, as the page shows (worked out above).
        assert_eq!(csv.column("manual_cost"), ["2643", "2121"]);
        assert_eq!(csv.column("currency"), ["USD", "USD"]);
        let page = get("/compare.csv?vendors=nope").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
    })
}

#[test]
fn the_json_api_returns_the_data_files_shape() {
    common::block_on(async {
        let page = get("/api/vendors").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.content_type.starts_with("application/json"));
        let vendors: Vec<Vendor> = serde_json::from_str(&page.body).expect("vendors parse back");
        assert_eq!(vendors, catalog().vendors);
        // One vendor is its file's shape, with the alternatives its guide offers beside it.
        let page = get("/api/vendors/ironclad").await;
        let mut json: serde_json::Value = serde_json::from_str(&page.body).unwrap();
        let alternatives = json.as_object_mut().unwrap().remove("alternatives");
        assert!(alternatives.is_some_and(|a| a["rule"].is_string()));
        let v: Vendor = serde_json::from_value(json).expect("a vendor parses back");
        assert_eq!(&v, catalog().vendor("ironclad").unwrap());
        let page = get("/api/vendors/nope").await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        let err: serde_json::Value = serde_json::from_str(&page.body).unwrap();
        assert!(err["error"].as_str().unwrap().contains("no vendor"));
    })
}

/// The Nu HTML Checker (`.ci/measure/html.sh`) refuses a cell spanning past the table.
#[test]
fn the_comparisons_group_headings_span_exactly_its_columns() {
    common::block_on(async {
        for (vendors, columns) in [("mode,ironclad", 3), ("mode,ironclad,code42", 4)] {
            let page = common::get(&format!("/compare?vendors={vendors}&users=120")).await;
            assert_eq!(page.status, StatusCode::OK);
            let spans: Vec<&str> = page.body.split("colspan=\"").skip(1).collect();
            assert_eq!(spans.len(), 4, "{vendors}");
            for rest in spans {
                assert!(rest.starts_with(&format!("{columns}\"")), "{vendors}");
            }
        }
    })
}
