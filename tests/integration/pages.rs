//! Server-rendered HTML of every page: status codes, and the key facts of each vendor
//! present before any JavaScript runs.
#![cfg(feature = "ssr")]

use crate::common::{self, attrs, catalog, get, row, text};
use axum::http::StatusCode;
use scim_ledger::domain::keys::Key;

/// Text as Leptos writes it into HTML text nodes.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn home_lists_every_vendor_with_a_link_to_its_guide() {
    common::block_on(async {
        let page = get("/").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.content_type.starts_with("text/html"));
        let catalog = catalog();
        for v in &catalog.vendors {
            page.shows(&[&html(&v.name), &format!("href=\"/vendors/{}\"", v.slug)]);
            // The table's category is the publisher's, one list for every vendor.
            let category = scim_ledger::domain::vendor::category_label(v.publisher_category());
            page.shows(&[&html(category)]);
        }
        page.shows(&[&format!("{} vendors", catalog.vendors.len())]);
    })
}

#[test]
fn every_guide_renders_its_facts_and_anchors() {
    common::block_on(async {
        for v in &catalog().vendors {
            let page = get(&format!("/vendors/{}", v.slug)).await;
            assert_eq!(page.status, StatusCode::OK, "{}", v.slug);
            page.shows(&[&html(&v.name), "id=\"facts\"", "id=\"source\""]);
            page.shows(&[&v.source.url]);
            // Each from its own table: the same names also sit in the calculator's form.
            let plan_rows = common::attrs(&page.body, "#pricing tr[data-plan]", "data-plan");
            let plan_names: Vec<String> = v.plans.iter().map(|p| p.name.clone()).collect();
            assert_eq!(plan_rows, plan_names, "{}: the plans table", v.slug);
            for plan in &v.plans {
                let css = format!("#pricing tr[data-plan='{}'] th", plan.name);
                let cell = text(&page.body, &css);
                assert!(cell.starts_with(&plan.name), "{}: {cell}", v.slug);
            }
            for idp in &v.idps {
                let cell = format!("#idp tr[data-idp='{}'] th", idp.idp.key());
                assert_eq!(text(&page.body, &cell), idp.idp.name(), "{}", v.slug);
            }
            if !v.plans.is_empty() {
                page.shows(&["id=\"pricing\""]);
            }
            if !v.decision.is_empty() {
                page.shows(&["id=\"decision\""]);
            }
            if !v.discrepancies.is_empty() {
                page.shows(&["id=\"discrepancies\""]);
                for d in &v.discrepancies {
                    page.shows(&[&html(&d.topic)]);
                }
            }
            if v.is_partial() {
                page.shows(&["id=\"unknowns\"", "Partial profile"]);
            }
        }
    })
}

#[test]
fn full_guides_have_every_section() {
    common::block_on(async {
        for slug in ["mimecast", "code42", "mode", "ironclad"] {
            let page = get(&format!("/vendors/{slug}")).await;
            assert_eq!(page.status, StatusCode::OK);
            page.shows(&[
                "id=\"idp\"",
                "id=\"pricing\"",
                "id=\"constraints\"",
                "id=\"spec\"",
                "id=\"setup\"",
                "id=\"decision\"",
                "Okta",
                "Microsoft Entra ID",
                "Google Workspace",
                "OneLogin",
            ]);
        }
    })
}

/// The text of the cell in column `label` (its `data-label`) of plan `plan`'s row in the
/// guide's plans and prices table.
#[track_caller]
fn plan_cell(html: &str, plan: &str, label: &str) -> String {
    text(
        html,
        &format!("#pricing tr[data-plan='{plan}'] td[data-label='{label}']"),
    )
}

/// The cells of row `figure` in the recomputed team-size example for `users` people:
/// what the source prints, what we get, and the check.
#[track_caller]
fn example_check(html: &str, users: u32, figure: &str) -> Vec<String> {
    row(
        html,
        &format!("#team-sizes .example[data-users='{users}'] table.checks"),
        figure,
    )
}

#[test]
fn mode_guide_states_its_prices_and_the_corrected_table() {
    common::block_on(async {
        let page = get("/vendors/mode").await;
        let html = &page.body;
        assert_eq!(
            attrs(html, "#pricing tr[data-plan]", "data-plan"),
            ["Studio", "Business/Pro", "Enterprise"]
        );
        for plan in ["Studio", "Business/Pro"] {
            assert_eq!(
                text(html, &format!("#pricing tr[data-plan='{plan}'] th")),
                plan
            );
        }
        assert_eq!(
            text(html, "#pricing tr[data-plan='Enterprise'] th .badge"),
            "Unlocks SCIM"
        );
        assert_eq!(plan_cell(html, "Studio", "Price"), "Free (up to 5 users)");
        assert_eq!(
            plan_cell(html, "Business/Pro", "Price"),
            "$49 per user per month"
        );
        assert_eq!(
            plan_cell(html, "Enterprise", "Price"),
            "Custom (contact sales); reported: $6,000–$50,000 per year"
        );
        // Enterprise's 50-seat minimum, and the seats its range is reported for, are
        // stated in its row.
        assert_eq!(
            plan_cell(html, "Enterprise", "Notes"),
            "Reported figure: typical range given by the guide. The source gives this price \
             for 50 to 100 seats; at other sizes the calculator asks for your quote. \
             Minimum 50 seats. Sold by quote. Includes SAML SSO and SCIM 2.0 with group sync."
        );
        // The source's 20-user row prints +$23,240 a year. Recomputed: Business/Pro is
        // 20 × $49 × 12 = $11,760 a year, and the row's own ~$6,000 for Enterprise gives
        // $6,000 − $11,760 = −$5,760.
        assert_eq!(
            example_check(html, 20, "Annual increase"),
            ["+$23,240", "about $5,760 less", "Does not add up"]
        );
        // 20 × $49 = $980 a month, as printed.
        assert_eq!(
            example_check(html, 20, "Business/Pro per month"),
            ["$980", "$980", "Agrees"]
        );
    })
}

#[test]
fn code42_guide_shows_the_per_year_price_and_the_table_error() {
    common::block_on(async {
        let page = get("/vendors/code42").await;
        let html = &page.body;
        assert_eq!(
            plan_cell(html, "Enterprise", "Price"),
            "Custom (contact sales); reported: ~$90+ per user per year"
        );
        // 50 users × ~$90 a year = ~$4,500 a year, ~$375 a month. The source prints
        // 50 × $90 × 12 = $54,000 a year and $4,500 a month: the yearly price read as monthly.
        assert_eq!(
            example_check(html, 50, "Enterprise per year"),
            [
                "~$54,000",
                "~$4,500+",
                "Does not add up: 12× the recomputed figure"
            ]
        );
        assert_eq!(
            example_check(html, 50, "Enterprise per month"),
            [
                "~$4,500",
                "~$375+",
                "Does not add up: 12× the recomputed figure"
            ]
        );
    })
}

#[test]
fn ironclad_guide_names_jumpcloud_and_both_price_claims() {
    common::block_on(async {
        let page = get("/vendors/ironclad").await;
        let html = &page.body;
        assert_eq!(text(html, "#idp tr[data-idp='jumpcloud'] th"), "JumpCloud");
        assert_eq!(
            text(
                html,
                "#idp tr[data-idp='jumpcloud'] td[data-label='Provisioning']"
            ),
            "SCIM"
        );
        assert_eq!(plan_cell(html, "Standard", "Price"), "$500+ per month");
        assert_eq!(
            plan_cell(html, "Enterprise", "Price"),
            "Custom (contact sales); reported: $60,000–$150,000+ per year"
        );
    })
}

#[test]
fn mimecast_guide_links_its_api_guide() {
    common::block_on(async {
        let page = get("/vendors/mimecast").await;
        page.shows(&["href=\"/vendors/mimecast/api\""]);
        let html = &page.body;
        for plan in ["Perimeter Defence", "Comprehensive Defence"] {
            assert_eq!(plan_cell(html, plan, "Price"), "Custom (contact sales)");
        }
        assert_eq!(
            plan_cell(html, "Enterprise", "Price"),
            "Custom (contact sales); reported: $3–$5+ per user per month"
        );
    })
}

#[test]
fn api_guide_renders_every_section() {
    common::block_on(async {
        let page = get("/vendors/mimecast/api").await;
        assert_eq!(page.status, StatusCode::OK);
        let guide = catalog().api_guide("mimecast").unwrap().clone();
        page.shows(&[
            "id=\"generations\"",
            "id=\"auth\"",
            "id=\"user-object\"",
            "id=\"endpoints\"",
            "id=\"rate-limits\"",
            "id=\"pagination\"",
            "id=\"events\"",
            "id=\"scim\"",
            "id=\"scenarios\"",
            "id=\"pitfalls\"",
            "href=\"#source\"",
        ]);
        for e in &guide.endpoints {
            page.shows(&[&e.method, &html(&e.url)]);
        }
        for f in &guide.user_fields {
            page.shows(&[&html(&f.name)]);
        }
        // The vendor's own reference pages that the discrepancies rest on, each linked.
        assert!(!guide.references.is_empty());
        for r in &guide.references {
            page.shows(&[&html(r.url.as_deref().unwrap()), &html(&r.fact)]);
        }
    })
}

#[test]
fn a_reference_to_our_own_api_guide_links_it_on_the_site() {
    common::block_on(async {
        let page = get("/vendors/mimecast").await;
        // Inside the site: no rel, unlike every address outside it.
        page.shows(&["<a href=\"/vendors/mimecast/api\">Our Mimecast user-management API guide"]);
    })
}

#[test]
fn unknown_vendor_and_unknown_path_are_real_404s() {
    common::block_on(async {
        for uri in [
            "/vendors/no-such-vendor",
            "/vendors/no-such-vendor/api",
            "/vendors/mode/api",
            "/no/such/page",
        ] {
            let page = get(uri).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{uri}");
            page.shows(&["Page not found"]);
        }
    })
}

#[test]
fn healthz_answers_ok() {
    common::block_on(async {
        let page = get("/healthz").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.body, "ok");
    })
}
