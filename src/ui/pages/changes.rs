//! `/changes`: what changed between the index's two releases, computed row by row
//! (`domain::changes`), grouped the way a buyer reads it, filtered by kind and category
//! in the query string. The same list is the Atom feed and `/api/changes`.

use crate::domain::catalog::Catalog;
use crate::domain::changes::query::{self, ChangesQuery};
use crate::domain::changes::words::{counted, headline, stated_by};
use crate::domain::changes::{ChangeKind, StatedBy, VendorHistory};
use crate::domain::keys::Key;
use crate::domain::routes::Route;
use crate::domain::vendor::category_label;
use crate::ui::components::change_list::StepChanges;
use crate::ui::components::layout::InputErrors;
use crate::ui::components::link_preview::PageText;
use crate::ui::components::vendor_list::Choice;
use crate::ui::http_status::bad_input_when;
use crate::ui::islands::address_bar::use_address_bar;
use crate::ui::islands::live_list::{LiveList, LiveListOf};
use crate::ui::pages::use_catalog;
use leptos::prelude::*;
use std::collections::BTreeMap;

const TITLE: &str = "What changed in the SCIM Tax Index";

/// The page's data: the releases compared, the counts, and the filtered vendors by kind.
struct ChangesData {
    releases: Option<(String, String)>,
    counts: BTreeMap<ChangeKind, usize>,
    /// Each kind's vendors, each with whether it has a page here (a removed vendor has none).
    groups: Vec<(ChangeKind, Vec<(VendorHistory, bool)>)>,
    categories: Vec<String>,
    query: ChangesQuery,
    status_changes: usize,
    stated_status_changes: usize,
    prev_differs: usize,
}

fn load(catalog: &Catalog, q: ChangesQuery) -> ChangesData {
    let h = &catalog.history;
    let chosen = q.select(h);
    let pages: std::collections::HashSet<&str> =
        catalog.vendors.iter().map(|v| v.slug.as_str()).collect();
    let groups = ChangeKind::ALL
        .into_iter()
        .filter(|k| q.kind.is_none_or(|want| want == *k))
        .map(|k| {
            let of_kind = chosen
                .iter()
                .filter(|v| v.kinds().contains(&k))
                .map(|v| ((*v).clone(), pages.contains(v.slug.as_str())));
            (k, of_kind.collect::<Vec<_>>())
        })
        .filter(|(_, v)| !v.is_empty())
        .collect();
    ChangesData {
        releases: h.releases.clone(),
        counts: h.counts(),
        groups,
        categories: query::categories(h),
        query: q,
        status_changes: h.status_changes(),
        stated_status_changes: h.stated_status_changes(),
        prev_differs: h.stated_prev_differs(),
    }
}

/// The headline counts, for the page's description and its card.
pub fn description(catalog: &Catalog) -> String {
    match &catalog.history.releases {
        Some((from, to)) => format!(
            "Between the SCIM Tax Index's {from} and {to} releases: {}.",
            headline(&catalog.history.counts())
        ),
        None => "What changed between releases of the SCIM Tax Index, computed row by row.".into(),
    }
}

#[component]
pub fn ChangesPage() -> impl IntoView {
    let catalog = use_catalog();
    let (q, issues) = use_address_bar().with(|a| query::parse(a, &catalog.history));
    bad_input_when(!issues.is_empty());
    let description = description(&catalog);
    let d = load(&catalog, q);
    view! {
        <PageText title=TITLE description/>
        <header class="page-header">
            <h1>{TITLE}</h1>
            <p class="lede">
                "Gates removed and added, SCIM dropped, prices up and down: computed row by row from two releases of the index, never written by hand. "
                "Follow it: "
                <a href=Route::ChangesFeed.path() type="application/atom+xml">"Atom feed"</a>
                " · "
                <a href=Route::ApiChanges.path() type="application/json">"JSON"</a>
            </p>
        </header>
        <InputErrors messages=crate::domain::issue::Issue::messages(&issues)/>
        <Changes d/>
    }
}

#[component]
fn Changes(d: ChangesData) -> impl IntoView {
    let Some((from, to)) = d.releases.clone() else {
        return view! {
            <p class="callout">"Only one release of the index is loaded here, so there is nothing to compare it with yet."</p>
        }
        .into_any();
    };
    view! {
        <ChangeCounts counts=d.counts.clone()/>
        <p class="note status-check">
            {format!(
                "{} vendors changed SCIM status between the two files. The {to} file also states each older row's previous status; by that column {} changed. For {} rows that previous status is not what the {from} file says; their lines say so.",
                d.status_changes, d.stated_status_changes, d.prev_differs
            )}
        </p>
        <ChangeFilters query=d.query.clone() categories=d.categories.clone() counts=d.counts.clone()/>
        <ChangeGroups d/>
    }
    .into_any()
}

/// How many vendors each kind has, each a link to that kind alone.
#[component]
fn ChangeCounts(counts: BTreeMap<ChangeKind, usize>) -> impl IntoView {
    view! {
        <ul class="change-counts" aria-label="Changes by kind">
            {ChangeKind::ALL.into_iter().map(|k| {
                let n = counts.get(&k).copied().unwrap_or(0);
                // The counts are over every category, so each link is its kind alone.
                let q = ChangesQuery { kind: Some(k), category: None };
                view! {
                    <li data-kind=k.key()>
                        <a href=Route::Changes.link(&[], &q.encode())>
                            <strong class="count">{n}</strong>" "{k.label()}
                        </a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn ChangeFilters(
    query: ChangesQuery,
    categories: Vec<String>,
    counts: BTreeMap<ChangeKind, usize>,
) -> impl IntoView {
    let kinds = ChangeKind::ALL
        .into_iter()
        .map(|k| (k.key(), counted(k, counts.get(&k).copied().unwrap_or(0))))
        .collect();
    let categories = categories.into_iter().map(|c| (c.clone(), c)).collect();
    view! {
        <form id=LiveListOf::Changes.form_id() method="get" action=Route::Changes.path() class="changes-form">
            <LiveList of=LiveListOf::Changes/>
            <fieldset class="filters no-print">
                <legend>"Filter the changes"</legend>
                <Choice id="c-kind" name=query::KIND label="Kind of change" any="Every kind"
                    options=kinds current=query.kind.map(|k| k.key())/>
                <Choice id="c-category" name=query::CATEGORY label="Category" any="Any category"
                    options=categories current=query.category.clone()/>
                <p class="form-actions">
                    <button type="submit">"Apply"</button>" "
                    <a href=Route::Changes.path() class="reset">"Clear"</a>
                </p>
            </fieldset>
        </form>
    }
}

#[component]
fn ChangeGroups(d: ChangesData) -> impl IntoView {
    let shown: usize = d.groups.iter().map(|(_, v)| v.len()).sum();
    let caption = match shown {
        0 => "No vendor changed in this way.".to_string(),
        _ => format!(
            "{} in {}.",
            if d.query == ChangesQuery::default() {
                "Every change"
            } else {
                "The changes you picked"
            },
            crate::domain::format::count(d.groups.len(), "group", "groups")
        ),
    };
    view! {
        <div id=LiveListOf::Changes.results_id()>
            <p id=LiveListOf::Changes.caption_id() class="caption">{caption}</p>
            {d.groups.into_iter().map(|(k, vendors)| {
                view! {
                    <section id=format!("kind-{}", k.key()) class="change-group" data-kind=k.key()>
                        <h2>{format!("{} ({})", k.label(), vendors.len())}</h2>
                        <p class="meaning">{k.meaning()}</p>
                        <ul class="change-lines">
                            {vendors.into_iter().map(|(v, page)| view! { <ChangeLine v page/> }).collect_view()}
                        </ul>
                    </section>
                }
            }).collect_view()}
        </div>
    }
}

/// One vendor: its name (a link to its page, where it has one), its category, and what
/// changed.
#[component]
fn ChangeLine(v: VendorHistory, page: bool) -> impl IntoView {
    let name = if page {
        view! { <a href=Route::Vendor.fill(&[&v.slug])>{v.name.clone()}</a> }.into_any()
    } else {
        let url = v.pricing_url().to_string();
        view! {
            <span>{v.name.clone()}</span>
            " "<a class="external" href=url rel="noopener noreferrer">"(its pricing page)"</a>
        }
        .into_any()
    };
    let steps = v
        .steps
        .clone()
        .into_iter()
        .filter(|s| !s.kinds.is_empty())
        .map(|s| {
            let presence = if s.kinds.contains(&ChangeKind::Added) {
                v.rows.last().map(|r| {
                    format!(
                        "New in {}: {}, SCIM plan {}.",
                        stated_by(&s.to),
                        r.status.label(),
                        r.scim_plan.clone().unwrap_or_else(|| "none named".into())
                    )
                })
            } else if s.kinds.contains(&ChangeKind::Removed) {
                v.rows.first().map(|r| {
                    format!(
                        "In {} ({}), not in {}.",
                        stated_by(&s.from),
                        r.status.label(),
                        stated_by(&s.to)
                    )
                })
            } else {
                None
            };
            match presence {
                Some(p) => view! { <p class="presence">{p}</p> }.into_any(),
                None => view! { <StepChanges step=s/> }.into_any(),
            }
        })
        .collect_view();
    let ours = v.steps.iter().any(|s| matches!(s.to, StatedBy::Profile(_)));
    view! {
        <li class="change-line" data-slug=v.slug.clone()>
            <p class="who">
                {name}
                <span class="category">{category_label(v.category.as_deref()).to_string()}</span>
                {ours.then(|| view! { <span class="badge">" · our profile"</span> })}
            </p>
            {steps}
        </li>
    }
}
