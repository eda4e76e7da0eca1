//! `/`: every vendor at a glance: counts by SCIM status, then the table with search,
//! filters and sorting by every column, all in the query string (`components::vendor_list`).

use crate::domain::listing;
use crate::ui::components::layout::{LoadError, Loading};
use crate::ui::components::link_preview::PreviewText;
use crate::ui::components::vendor_list::VendorList;
use crate::ui::islands::address_bar::use_address_bar;
use crate::ui::server_fns::list_vendors;
use crate::ui::status::bad_input_when;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

const DESCRIPTION: &str = "What SaaS vendors charge for SCIM provisioning and SSO, which identity providers really provision, and what staying manual costs.";

#[component]
pub fn HomePage() -> impl IntoView {
    let (list, issues) = use_address_bar().with(listing::parse);
    bad_input_when(!issues.is_empty());
    let issues = crate::domain::issue::Issue::messages(&issues);
    view! {
        <Title text=""/>
        <Meta name="description" content=DESCRIPTION/>
        <PreviewText title="SCIM Ledger" description=DESCRIPTION/>
        <section class="hero">
            <h1>"What does SCIM really cost?"</h1>
            <p class="lede">
                "Many SaaS vendors keep automated user provisioning (SCIM), and often single sign-on, for their most expensive plan. "
                "For each vendor: the plan that unlocks it, what it costs, which identity providers really provision, and what to do about it."
            </p>
            <p class="hero-links no-print">
                <A href="/calculator">"Cost calculator"</A>" · "
                <A href="/decide">"Upgrade, stay manual or automate?"</A>" · "
                <A href="/compare?vendors=mode,ironclad&users=120">"Compare vendors"</A>
            </p>
        </section>
        // No resource: the rows are rendered here on the server and never sent as data.
        <Suspense fallback=Loading>
            {move || {
                let (list, issues) = (list.clone(), issues.clone());
                Suspend::new(async move {
                    match list_vendors().await {
                        Ok(rows) => view! { <VendorList rows list issues/> }.into_any(),
                        Err(e) => view! { <LoadError error=e.to_string()/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
