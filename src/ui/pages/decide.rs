//! `/decide?vendor={slug}&…`: the decision helper on its own page.

use crate::domain::catalog::Catalog;
use crate::domain::routes::Route;
use crate::domain::vendor::Vendor;
use crate::domain::vendor_search::Pick;
use crate::ui::components::layout::PageHeader;
use crate::ui::components::link_preview::PageText;
use crate::ui::components::vendor_pick::{searched, VendorPick};
use crate::ui::http_status::bad_input_when;
use crate::ui::islands::address_bar::use_address_bar;
use crate::ui::islands::decision_helper::DecisionHelper;
use crate::ui::islands::vendor_props::VendorProps;
use crate::ui::pages::use_catalog;
use leptos::prelude::*;

const TITLE: &str = "Upgrade, stay manual or automate another way?";
const DESCRIPTION: &str = "Answer a few questions and see which row of the vendor's decision table fits your team, with the cost figures behind it.";

/// The vendor the address names and whether we hold its API guide; `None` for none named
/// or one we do not have.
fn load<'a>(catalog: &'a Catalog, slug: &str) -> Option<(&'a Vendor, bool)> {
    let vendor = catalog.vendor(slug)?;
    Some((vendor, catalog.api_guide(slug).is_some()))
}

#[component]
pub fn DecidePage() -> impl IntoView {
    let catalog = use_catalog();
    let searched = searched(&catalog);
    let asked = use_address_bar().get("vendor").unwrap_or_default();
    let action = Route::Decide.path();
    let body = match load(&catalog, asked.trim()) {
        Some((vendor, has_api_guide)) => view! {
            <VendorPick action pick=Pick::Vendor label="Vendor" chosen=Some(vendor.name.clone()) searched/>
            // The cards below use h3, as they do inside a guide's h2 section.
            <h2 class="visually-hidden">{format!("Your situation with {}", vendor.name)}</h2>
            <DecisionHelper vendor=VendorProps::of(vendor) picks_vendor=true action=action.to_string() has_api_guide/>
        }
        .into_any(),
        None => {
            let unknown = !asked.trim().is_empty();
            // An unknown vendor in the query is bad input, as in /api/cost.
            bad_input_when(unknown);
            view! {
                {unknown.then(|| view! {
                    <p class="callout error pick-callout" role="alert">{format!("We have no vendor “{}”. Find it below.", crate::domain::format::echo(&asked, 60))}</p>
                })}
                <VendorPick action pick=Pick::Vendor label="Vendor" chosen=None searched/>
            }
            .into_any()
        }
    };
    view! {
        <PageText title=TITLE description=DESCRIPTION/>
        <PageHeader
            title="Upgrade, stay manual, or automate another way?"
            lede="Answer a few plain questions; the row of the vendor's decision table that fits you is marked, with the figures behind it. Your answers are in the address bar, so the link shares them."
        />
        {body}
    }
}
