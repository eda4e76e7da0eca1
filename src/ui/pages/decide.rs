//! `/decide?vendor={slug}&…`: the decision helper on its own page.

use crate::domain::vendor_search::Pick;
use crate::ui::components::layout::{LoadError, Loading, PageHeader};
use crate::ui::components::link_preview::PreviewText;
use crate::ui::components::vendor_pick::{searched, VendorPick};
use crate::ui::islands::address_bar::use_address_bar;
use crate::ui::islands::decision_helper::DecisionHelper;
use crate::ui::islands::vendor_props::VendorProps;
use crate::ui::server_fns::get_guide;
use crate::ui::status::bad_input_when;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

const TITLE: &str = "Upgrade, stay manual or automate another way?";
const DESCRIPTION: &str = "Answer a few questions and see which row of the vendor's decision table fits your team, with the cost figures behind it.";

#[component]
pub fn DecidePage() -> impl IntoView {
    let query = use_address_bar();
    let slug = move || query.get("vendor").unwrap_or_default();
    let guide = |slug: String| async move {
        let slug = slug.trim().to_string();
        if slug.is_empty() {
            Ok(None)
        } else {
            get_guide(slug).await
        }
    };
    view! {
        <Title text=TITLE/>
        <Meta name="description" content=DESCRIPTION/>
        <PreviewText title=TITLE description=DESCRIPTION/>
        <PageHeader
            title="Upgrade, stay manual, or automate another way?"
            lede="Answer a few plain questions; the row of the vendor's decision table that fits you is marked, with the figures behind it. Your answers are in the address bar, so the link shares them."
        />
        // No resource: the data is rendered here on the server and never sent again as JSON.
        <Transition fallback=Loading>
            {move || {
                let asked = slug();
                Suspend::new(async move {
                let searched = match searched().await {
                    Ok(s) => s,
                    Err(e) => return view! { <LoadError error=e.to_string()/> }.into_any(),
                };
                match guide(asked.clone()).await {
                    Ok(Some(data)) => view! {
                        <VendorPick action="/decide" pick=Pick::Vendor label="Vendor" chosen=Some(data.vendor.name.clone()) searched/>
                        // The cards below use h3, as they do inside a guide's h2 section.
                        <h2 class="visually-hidden">{format!("Your situation with {}", data.vendor.name)}</h2>
                        <DecisionHelper vendor=VendorProps::of(&data.vendor) picks_vendor=true action="/decide".to_string() has_api_guide=data.has_api_guide/>
                    }.into_any(),
                    Ok(None) => {
                        let unknown = !asked.trim().is_empty();
                        // An unknown vendor in the query is bad input, as in /api/cost.
                        bad_input_when(unknown);
                        view! {
                            {unknown.then(|| view! {
                                <p class="callout error pick-callout" role="alert">{format!("We have no vendor “{}”. Find it below.", crate::domain::format::echo(&asked, 60))}</p>
                            })}
                            <VendorPick action="/decide" pick=Pick::Vendor label="Vendor" chosen=None searched/>
                        }.into_any()
                    }
                    Err(e) => view! { <LoadError error=e.to_string()/> }.into_any(),
                }
            })}}
        </Transition>
    }
}
