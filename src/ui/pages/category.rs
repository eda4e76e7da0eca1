//! `/categories/{slug}`: one category of the SCIM Tax Index. Its figures and the cheapest
//! documented ways to get SCIM in it head the page; its vendors follow in the home table's
//! form (`components::vendor_list`), with the same search, filters and sort in the address.

use crate::domain::alternatives::{self, Alternative};
use crate::domain::catalog::Catalog;
use crate::domain::categories::{self, Figures};
use crate::domain::issue::Issue;
use crate::domain::listing::{self, VendorRow};
use crate::domain::routes::Route;
use crate::ui::components::link_preview::PageText;
use crate::ui::components::scim_routes::ScimRouteList;
use crate::ui::components::vendor_list::VendorList;
use crate::ui::http_status::bad_input_when;
use crate::ui::islands::address_bar::use_address_bar;
use crate::ui::pages::not_found::NotFound;
use crate::ui::pages::use_catalog;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A category's page: its figures, its cheapest SCIM, and its vendors' rows.
struct CategoryData {
    figures: Figures,
    cheapest: Vec<Alternative>,
    rows: Vec<VendorRow>,
}

/// The category named by `slug`, or none for a slug that names none of the index's.
fn load(catalog: &Catalog, slug: &str) -> Option<CategoryData> {
    let name = categories::by_slug(slug)?;
    let vendors = categories::vendors_of(&catalog.vendors, name);
    let stale_before = crate::ui::dates::stale_before_today();
    Some(CategoryData {
        figures: categories::figures(name, &vendors),
        cheapest: alternatives::cheapest(&vendors),
        rows: vendors
            .iter()
            .map(|v| VendorRow::of(v, &stale_before, &catalog.history))
            .collect(),
    })
}

#[component]
pub fn CategoryPage() -> impl IntoView {
    let slug = use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default();
    match load(&use_catalog(), &slug) {
        Some(data) => view! { <CategoryView data/> }.into_any(),
        None => view! {
            <NotFound what="The SCIM Tax Index has no category at this address; the categories page lists every one."/>
        }
        .into_any(),
    }
}

#[component]
fn CategoryView(data: CategoryData) -> impl IntoView {
    let CategoryData {
        figures,
        cheapest,
        rows,
    } = data;
    let (list, issues) = use_address_bar().with(listing::parse);
    bad_input_when(!issues.is_empty());
    let issues = Issue::messages(&issues);
    let name = figures.name.clone();
    let summary = categories::summary(&figures);
    let action = Route::Category.fill(&[&figures.slug]);
    let empty = rows.is_empty();
    view! {
        <PageText title=format!("{name}: SCIM by vendor") description=summary.clone()/>
        <section class="hero">
            <p class="crumbs"><a href=Route::Categories.path()>"Categories"</a>" / "{name.clone()}</p>
            <h1>{name.clone()}</h1>
            <p class="lede">{summary}</p>
        </section>
        <CheapestScim cheapest/>
        {if empty {
            view! {
                <p class="callout">"None of our vendors is in this category in this copy of the data: the categories come from the SCIM Tax Index's rows."</p>
            }.into_any()
        } else {
            view! { <VendorList rows list issues action csv=false/> }.into_any()
        }}
    }
}

/// The cheapest documented ways to get SCIM in the category.
#[component]
fn CheapestScim(cheapest: Vec<Alternative>) -> impl IntoView {
    view! {
        <section class="card cheapest-scim" aria-labelledby="cheapest-scim-title">
            <h2 id="cheapest-scim-title">"The cheapest documented ways to get SCIM here"</h2>
            {if cheapest.is_empty() {
                view! { <p>"No vendor in this category states the price of its SCIM plan as one figure per user, so none is ranked."</p> }.into_any()
            } else {
                view! {
                    <p class="intro">"The plans with SCIM, cheapest per user a month first, whether the vendor includes it or sells it on a higher plan; only exact per-user prices are ranked (ranges, quotes and flat fees are left out)."</p>
                    <ScimRouteList items=cheapest compare=None/>
                }.into_any()
            }}
        </section>
    }
}
