//! `/categories`: every category of the SCIM Tax Index that our data has vendors in, with
//! how many include SCIM, gate it or lack it, and the typical price jump with the number
//! of vendors it rests on. Sorted by any column in the address (`?sort=-gated`).

use crate::domain::catalog::Catalog;
use crate::domain::categories::{self, Figures, Share, Sort, SortKey, CATEGORIES};
use crate::domain::issue::Issue;
use crate::domain::routes::Route;
use crate::domain::url;
use crate::ui::components::layout::InputErrors;
use crate::ui::components::link_preview::PageText;
use crate::ui::components::vendor_list::sort_marks;
use crate::ui::http_status::bad_input_when;
use crate::ui::islands::address_bar::use_address_bar;
use crate::ui::pages::use_catalog;
use leptos::prelude::*;

pub const TITLE: &str = "Categories: where SCIM comes without the tax";
pub const DESCRIPTION: &str = "For each kind of SaaS product: how many vendors include SCIM, how many gate it behind a higher plan, and the typical price jump for it.";

fn load(catalog: &Catalog) -> Vec<Figures> {
    categories::all_figures(&catalog.vendors)
}

#[component]
pub fn CategoriesPage() -> impl IntoView {
    let (sort, issues) = use_address_bar().with(categories::parse);
    bad_input_when(!issues.is_empty());
    let figures = categories::sorted(load(&use_catalog()), sort);
    view! {
        <PageText title=TITLE description=DESCRIPTION/>
        <section class="hero">
            <h1>{TITLE}</h1>
            <p class="lede">
                "Who sells the same kind of product with SCIM included? Each category below is the SCIM Tax Index's own; "
                "open one for its vendors, and for the cheapest documented ways to get SCIM in it."
            </p>
        </section>
        <InputErrors messages=Issue::messages(&issues)/>
        {if figures.is_empty() {
            view! { <NoCategories/> }.into_any()
        } else {
            view! { <CategoryTable figures sort/> }.into_any()
        }}
    }
}

/// Said where no vendor has a category: the categories come from the index's rows.
#[component]
fn NoCategories() -> impl IntoView {
    view! {
        <p class="callout">
            "No vendor in this copy of the data has one of the index's categories yet. "
            "The categories come from the SCIM Tax Index's rows, and this site runs without that dataset."
        </p>
    }
}

/// The figures of every category, one row each, sortable by every column.
#[component]
fn CategoryTable(figures: Vec<Figures>, sort: Sort) -> impl IntoView {
    let shown = figures.len();
    view! {
        <p class="table-caption" id="categories-caption">
            {format!("{shown} of the index's {} categories have vendors in our data. ", CATEGORIES.len())}
            "Shares are of each category's vendors; the typical price jump is the median of the exact ones only (a range, a quote or an estimate is left out), with the number of vendors it rests on."
        </p>
        <div class="table-wrap">
            <table class="categories cards" aria-describedby="categories-caption">
                <thead>
                    <tr>
                        {SortKey::ALL.into_iter().map(|key| view! { <SortLink key sort/> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {figures.into_iter().map(|f| view! { <CategoryRow f/> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A column header: a link that sorts by it, with `aria-sort` on the cell.
#[component]
fn SortLink(key: SortKey, sort: Sort) -> impl IntoView {
    let (aria, arrow) = sort_marks(sort.key == key, sort.desc);
    let href = Route::Categories.link(&[], &url::encode(&[(categories::SORT, sort.next(key))]));
    view! {
        <th scope="col" aria-sort=aria>
            <a href=href class="sort">
                {key.label()}
                <span class="sort-mark" aria-hidden="true">{arrow}</span>
            </a>
        </th>
    }
}

/// A share cell: "40%", with the count beside it.
#[component]
fn ShareCell(f: Figures, share: Share) -> impl IntoView {
    let n = f.count(share);
    view! {
        <td data-label=share.label()>
            {format!("{}%", f.percent(share))}
            <span class="sub">{format!(" ({n})")}</span>
        </td>
    }
}

#[component]
fn CategoryRow(f: Figures) -> impl IntoView {
    let href = Route::Category.fill(&[&f.slug]);
    let jump = crate::domain::format::capitalised(&categories::jump_text(&f));
    view! {
        <tr>
            <th scope="row" data-label=SortKey::Name.label()><a href=href>{f.name.clone()}</a></th>
            <td data-label=SortKey::Vendors.label()>{f.vendors}</td>
            {Share::ALL.into_iter().map(|share| view! { <ShareCell f=f.clone() share/> }).collect_view()}
            <td data-label=SortKey::Jump.label()>{jump}</td>
        </tr>
    }
}
