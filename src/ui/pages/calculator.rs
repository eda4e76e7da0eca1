//! `/calculator?vendor=…&users=…`: the cost calculator on its own page, with link-preview
//! tags that state the scenario.

use crate::domain::vendor_search::Pick;
use crate::ui::components::layout::{LoadError, Loading, PageHeader};
use crate::ui::components::vendor_pick::{searched, VendorPick};
use crate::ui::islands::address_bar::use_address_bar;
use crate::ui::islands::calculator::Calculator;
use crate::ui::server_fns::get_guide;
use leptos::prelude::*;

#[component]
pub fn CalculatorPage() -> impl IntoView {
    let query = use_address_bar();
    let slug = move || query.get("vendor").unwrap_or_default();
    let guide = |slug: String| async move {
        if slug.trim().is_empty() {
            Ok(None)
        } else {
            get_guide(slug.trim().to_string()).await
        }
    };
    view! {
        <PageHeader
            title="SCIM cost calculator"
            lede="What staying manual costs you a year, what the plan that unlocks SCIM costs for your team, and which is cheaper. Every input is in the address bar: copy it to share this exact scenario."
        />
        // No resource: the data is rendered here on the server and never sent again as JSON.
        <Transition fallback=Loading>
            {move || {
                let slug = slug();
                Suspend::new(async move {
                let searched = match searched().await {
                    Ok(s) => s,
                    Err(e) => return view! { <LoadError error=e.to_string()/> }.into_any(),
                };
                match guide(slug).await {
                    Ok(data) => {
                        let vendor = data.map(|d| d.vendor);
                        let chosen = vendor.as_ref().map(|v| v.name.clone());
                        view! {
                            <VendorPick action="/calculator" pick=Pick::Vendor label="Vendor" chosen searched/>
                            // The cards below use h3, as they do inside a guide's h2 section.
                            <h2 class="visually-hidden">"Your scenario and its figures"</h2>
                            <Calculator vendor picks_vendor=true action="/calculator".to_string() meta=true/>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <LoadError error=e.to_string()/> }.into_any(),
                }
            })}}
        </Transition>
    }
}
