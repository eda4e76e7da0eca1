//! `/`: every vendor at a glance, sortable by every column and filterable. Sort and filters
//! live in the query string; the table sits in a GET form, so the header buttons and the
//! filters also work without JavaScript.

use crate::ui::components::layout::{LoadError, Loading};
use crate::ui::components::link_preview::PreviewText;
use crate::ui::islands::vendor_table::VendorTable;
use crate::ui::server_fns::list_vendors;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

const DESCRIPTION: &str = "What SaaS vendors charge for SCIM provisioning and SSO, which identity providers really provision, and what staying manual costs.";

#[component]
pub fn HomePage() -> impl IntoView {
    let rows = Resource::new(|| (), |_| list_vendors());
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
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match rows.await {
                    Ok(rows) => view! { <VendorTable rows/> }.into_any(),
                    Err(e) => view! { <LoadError error=e.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
