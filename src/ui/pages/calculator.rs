//! `/calculator?vendor=…&users=…`: the cost calculator on its own page, with link-preview
//! tags that state the scenario.

use crate::domain::catalog::Catalog;
use crate::domain::routes::Route;
use crate::domain::vendor::Vendor;
use crate::domain::vendor_search::Pick;
use crate::ui::components::layout::PageHeader;
use crate::ui::components::vendor_pick::{searched, VendorPick};
use crate::ui::islands::address_bar::use_address_bar;
use crate::ui::islands::calculator::Calculator;
use crate::ui::pages::use_catalog;
use leptos::prelude::*;

/// The vendor the address names, if we have it (an unknown one is the calculator's to say).
fn load(catalog: &Catalog, slug: Option<String>) -> Option<Vendor> {
    catalog.vendor(slug?.trim()).cloned()
}

#[component]
pub fn CalculatorPage() -> impl IntoView {
    let catalog = use_catalog();
    let searched = searched(&catalog);
    let vendor = load(&catalog, use_address_bar().get("vendor"));
    let chosen = vendor.as_ref().map(|v| v.name.clone());
    let action = Route::Calculator.path();
    view! {
        <PageHeader
            title="SCIM cost calculator"
            lede="What staying manual costs you a year, what the plan that unlocks SCIM costs for your team, and which is cheaper. Every input is in the address bar: copy it to share this exact scenario."
        />
        <VendorPick action pick=Pick::Vendor label="Vendor" chosen searched/>
        // The cards below use h3, as they do inside a guide's h2 section.
        <h2 class="visually-hidden">"Your scenario and its figures"</h2>
        <Calculator vendor picks_vendor=true action=action.to_string() meta=true/>
    }
}
