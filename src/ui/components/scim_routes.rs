//! A list of ways to get SCIM (`domain::alternatives`): each vendor with its one-line
//! reason, and, where the list stands beside another vendor, a link to compare the two at
//! the reader's team size. A category's page, a guide and the stack report show it.

use crate::domain::alternatives::Alternative;
use crate::domain::compare;
use crate::domain::format;
use crate::domain::routes::Route;
use leptos::prelude::*;

/// The vendor the list is an alternative to, and the team size to compare them at.
#[derive(Clone, Debug)]
pub struct CompareWith {
    pub slug: String,
    pub name: String,
    pub users: u32,
}

#[component]
pub fn ScimRouteList(items: Vec<Alternative>, compare: Option<CompareWith>) -> impl IntoView {
    view! {
        <ul class="scim-routes">
            {items.into_iter().map(|a| {
                let compare = compare.clone().map(|c| {
                    let href = compare_link(&c.slug, &a.slug, c.users);
                    let people = format::group_thousands(c.users as u64);
                    view! {
                        " "<a class="compare-link no-print" href=href>
                            {format!("Compare with {} at {people} people", c.name)}
                        </a>
                    }
                });
                view! {
                    <li>
                        <a href=Route::Vendor.fill(&[&a.slug])>{a.name.clone()}</a>
                        ": "{a.reason.clone()}"."
                        {compare}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The comparison of `v` and one alternative at `users` people.
pub fn compare_link(v: &str, alternative: &str, users: u32) -> String {
    Route::Compare.link(
        &[],
        &compare::query(&[v.to_string(), alternative.to_string()], users),
    )
}
