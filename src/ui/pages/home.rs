//! `/`: every vendor at a glance: counts by SCIM status, then the table with search,
//! filters and sorting by every column, all in the query string (`components::vendor_list`).

use crate::domain::catalog::Catalog;
use crate::domain::listing::{self, VendorRow};
use crate::domain::routes::Route;
use crate::ui::components::link_preview::PageText;
use crate::ui::components::vendor_list::VendorList;
use crate::ui::http_status::bad_input_when;
use crate::ui::islands::address_bar::use_address_bar;
use crate::ui::pages::use_catalog;
use leptos::prelude::*;
use leptos_router::components::A;

const DESCRIPTION: &str = "What SaaS vendors charge for SCIM provisioning and SSO, which identity providers really provision, and what staying manual costs.";

/// Every vendor's row of the table, as of today (a row says how long ago it was checked).
fn load(catalog: &Catalog) -> Vec<VendorRow> {
    let stale_before = crate::ui::dates::stale_before_today();
    catalog
        .vendors
        .iter()
        .map(|v| VendorRow::of(v, &stale_before, &catalog.history))
        .collect()
}

#[component]
pub fn HomePage() -> impl IntoView {
    let (list, issues) = use_address_bar().with(listing::parse);
    bad_input_when(!issues.is_empty());
    let issues = crate::domain::issue::Issue::messages(&issues);
    let rows = load(&use_catalog());
    view! {
        <PageText title="" description=DESCRIPTION/>
        <section class="hero">
            <h1>"What does SCIM really cost?"</h1>
            <p class="lede">
                "Many SaaS vendors keep automated user provisioning (SCIM), and often single sign-on, for their most expensive plan. "
                "For each vendor: the plan that unlocks it, what it costs, which identity providers really provision, and what to do about it."
            </p>
            <p class="hero-links no-print">
                <A href=Route::Calculator.path()>"Cost calculator"</A>" · "
                <A href=Route::Decide.path()>"Upgrade, stay manual or automate?"</A>" · "
                <A href=super::compare::example()>"Compare vendors"</A>
            </p>
        </section>
        <VendorList rows list issues action=Route::Home.path().to_string() csv=true/>
    }
}
