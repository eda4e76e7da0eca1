//! A page's vendor picker: the search box (`islands::vendor_picker`) and, when the page
//! was opened with a search (`vendor_q`, as the box submits without JavaScript), the
//! vendors it found as links to this page with that vendor picked.

use crate::domain::catalog::Catalog;
use crate::domain::url::Query;
use crate::domain::vendor_search::{self, Found, Pick, SEARCH};
use crate::ui::http_status::bad_input_when;
use crate::ui::islands::address_bar::use_address_bar;
use crate::ui::islands::vendor_picker::VendorPicker;
use leptos::prelude::*;

/// The search a page was opened with, answered.
#[derive(Clone, Debug, Default)]
pub struct Searched {
    /// The text searched for, as read.
    text: Option<String>,
    found: Option<Found>,
    /// What could not be used as typed; the page answers 400, as for any bad input.
    issue: Option<String>,
}

/// Reads the page's `vendor_q` and finds its vendors (nothing to do without one): at most
/// [`LISTED`](vendor_search::LISTED), best first.
pub fn searched(catalog: &Catalog) -> Searched {
    let raw = use_address_bar().get(SEARCH);
    let (text, issue) = vendor_search::read(raw.as_deref());
    bad_input_when(issue.is_some());
    let found = text
        .as_ref()
        .map(|t| vendor_search::find(&catalog.vendors, t, vendor_search::LISTED));
    Searched { text, found, issue }
}

#[component]
pub fn VendorPick(
    /// The page's own path, which a pick opens.
    action: &'static str,
    pick: Pick,
    label: &'static str,
    /// The vendor's name, where the page has one.
    chosen: Option<String>,
    searched: Searched,
) -> impl IntoView {
    let value = searched.text.clone().or(chosen).unwrap_or_default();
    view! {
        <div class="vendor-pick">
            <VendorPicker action pick label value/>
            {searched.issue.map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            {searched.found.map(|found| view! { <VendorMatches action pick found/> })}
        </div>
    }
}

/// The answer to a search without JavaScript: each vendor found, as a link.
#[component]
fn VendorMatches(action: &'static str, pick: Pick, found: Found) -> impl IntoView {
    let query: Query = use_address_bar().with(Query::clone);
    let shown = crate::domain::format::echo(&found.query, 60);
    let count = match (found.total, found.vendors.len()) {
        (0, _) => format!("No vendor matches “{shown}”. Try fewer letters, or another name for it."),
        (1, _) => format!("1 vendor matches “{shown}”:"),
        (n, listed) if n > listed => format!(
            "{} vendors match “{shown}”; the first {listed} are listed. Type more of the name to narrow them.",
            crate::domain::format::group_thousands(n as u64)
        ),
        (n, _) => format!("{n} vendors match “{shown}”:"),
    };
    view! {
        <div class="vendor-matches">
            <p>{count}</p>
            {(!found.vendors.is_empty()).then(|| view! {
                <ul>
                    {found.vendors.into_iter().map(|s| view! {
                        <li>
                            <a href=pick.href(action, &query, &s.slug)>{s.name}</a>
                            " "
                            <span class="pick-status">{s.status}</span>
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
}
