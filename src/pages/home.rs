//! `/`: every vendor at a glance.

use crate::components::badges::{PartialBadge, TriBadge};
use crate::components::layout::{LoadError, Loading};
use crate::format;
use crate::model::{Idp, Profile};
use crate::queries::{list_vendors, VendorRow};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let rows = Resource::new(|| (), |_| list_vendors());
    view! {
        <Title text=""/>
        <Meta name="description" content="What SaaS vendors charge for SCIM provisioning and SSO, which identity providers really provision, and what staying manual costs."/>
        <section class="hero">
            <h1>"What does SCIM really cost?"</h1>
            <p class="lede">
                "Many SaaS vendors keep automated user provisioning (SCIM), and often single sign-on, for their most expensive plan. "
                "For each vendor: the plan that unlocks it, what it costs, which identity providers really provision, and what to do about it."
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

#[component]
fn VendorTable(rows: Vec<VendorRow>) -> impl IntoView {
    let full = rows.iter().filter(|r| r.profile == Profile::Full).count();
    let count = rows.len();
    view! {
        <p class="table-caption" id="vendors-caption">
            {format!("{count} vendors: {full} full guides and {} partial profiles.", count - full)}
        </p>
        <div class="table-wrap">
            <table class="vendors cards" aria-describedby="vendors-caption">
                <thead>
                    <tr>
                        <th scope="col">"Vendor"</th>
                        <th scope="col">"SCIM"</th>
                        <th scope="col">"Plan that unlocks SCIM"</th>
                        <th scope="col">"Price of that plan"</th>
                        <th scope="col">"SSO required first"</th>
                        <th scope="col">"IdPs that provision by SCIM"</th>
                        <th scope="col">"Last checked"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! { <VendorTableRow row/> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn idp_names(idps: &[Idp]) -> String {
    idps.iter()
        .map(|i| i.short())
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
fn VendorTableRow(row: VendorRow) -> impl IntoView {
    let href = format!("/vendors/{}", row.slug);
    let partial = row.profile == Profile::Partial;
    let price = row
        .scim_plan_price
        .as_ref()
        .map(format::price)
        .unwrap_or_else(|| "Not stated".into());
    let scim_idps = if row.scim_idps.is_empty() {
        "None stated".to_string()
    } else {
        idp_names(&row.scim_idps)
    };
    let jit = (!row.jit_idps.is_empty())
        .then(|| format!("Just-in-time only: {}", idp_names(&row.jit_idps)));
    view! {
        <tr>
            <th scope="row" data-label="Vendor">
                <A href=href attr:class="vendor-link">{row.name.clone()}</A>
                <span class="category">{row.category.clone()}</span>
                {partial.then(|| view! { <PartialBadge/> })}
            </th>
            <td data-label="SCIM"><TriBadge value=row.scim/></td>
            <td data-label="Plan that unlocks SCIM">
                {row.scim_plan.clone().unwrap_or_else(|| "Not stated".into())}
            </td>
            <td data-label="Price of that plan">{price}</td>
            <td data-label="SSO required first"><TriBadge value=row.sso_required_first/></td>
            <td data-label="IdPs that provision by SCIM">
                {scim_idps}
                {jit.map(|j| view! { <span class="sub">{j}</span> })}
            </td>
            <td data-label="Last checked">
                <time datetime=row.last_checked.clone()>{format::date(&row.last_checked)}</time>
            </td>
        </tr>
    }
}
