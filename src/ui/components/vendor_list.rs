//! The home table: every vendor, with search, filters and sorting by every column, all in
//! the query string. Rendered on the server only and sent as plain HTML inside a GET form,
//! so it works without JavaScript and carries no island props however many vendors there
//! are; with JavaScript, `islands::live_list` swaps in the server's new rows as you type.

use crate::domain::format;
use crate::domain::keys::Key;
use crate::domain::listing::{self, Freshness, ListQuery, PriceFilter, SortKey, VendorRow};
use crate::domain::routes::Route;
use crate::domain::vendor::{category_label, Confidence, Idp, IdpMatrix, Profile, ScimStatus, Tri};
use crate::ui::components::badges::{IndexBadge, PartialBadge, StaleBadge, StatusBadge, TriBadge};
use crate::ui::components::layout::InputErrors;
use crate::ui::dates;
use crate::ui::http_status::bad_input_when;
use crate::ui::islands::live_list::{LiveList, LiveListOf};
use leptos::prelude::*;

/// The table of `rows` at the page `action` (the home page, or a category's, whose rows
/// are that category's); `csv` offers the download of what it lists (the home table's).
#[component]
pub fn VendorList(
    rows: Vec<VendorRow>,
    mut list: ListQuery,
    mut issues: Vec<String>,
    action: String,
    csv: bool,
) -> impl IntoView {
    let counts = listing::status_counts(&rows);
    let plans = listing::plan_names(&rows);
    let categories = listing::categories(&rows);
    let unknown = listing::drop_unknown(&mut list, &categories, &plans);
    bad_input_when(!unknown.is_empty());
    issues.extend(unknown.into_iter().map(|i| i.message));
    let total = rows.len();
    let page = listing::page(rows, &list);
    let (counts_action, form_action, filters_action) =
        (action.clone(), action.clone(), action.clone());
    view! {
        <StatusCounts counts total action=counts_action/>
        <form id=LiveListOf::Vendors.form_id() class="vendor-list" method="get" action=form_action>
            <Filters list=list.clone() plans categories action=filters_action/>
            <Results list page total issues action csv/>
        </form>
        <LiveList of=LiveListOf::Vendors/>
    }
}

/// How many vendors have each status, each a link to just those.
#[component]
fn StatusCounts(counts: Vec<(ScimStatus, usize)>, total: usize, action: String) -> impl IntoView {
    view! {
        <section class="status-counts" aria-labelledby="status-counts-title">
            <h2 id="status-counts-title">{format!("{total} vendors at a glance")}</h2>
            <ul>
                {counts.into_iter().filter(|(_, n)| *n > 0).map(|(s, n)| view! {
                    <li>
                        <a href=format!("{action}?{}={}", listing::STATUS, s.key())><StatusBadge value=s/></a>
                        " "{s.count_phrase(n)}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The part of the form that changes with the query: replaced as a whole by the island.
#[component]
fn Results(
    list: ListQuery,
    page: listing::Page,
    total: usize,
    mut issues: Vec<String>,
    action: String,
    csv: bool,
) -> impl IntoView {
    let n = page.matching;
    let mut caption = if list.is_filtered() {
        format!("{n} of {total} vendors match.")
    } else {
        format!("All {total} vendors.")
    };
    if page.count > 1 {
        let (first, last) = page.span();
        caption.push_str(&format!(
            " Showing {first}–{last}, page {} of {}.",
            page.number, page.count
        ));
    }
    issues.extend(page.issue.clone().map(|i| i.message));
    // The CSV holds every matching vendor, whichever page is shown.
    let q = list.on_page(1).to_query();
    let csv = csv.then(|| Route::VendorsCsv.link(&[], &q));
    let sort = format!("{}{}", if list.desc { "-" } else { "" }, list.sort.key());
    view! {
        <div id=LiveListOf::Vendors.results_id()>
            // First in the form: a header button's own `sort` comes later and wins.
            <input type="hidden" name=listing::SORT value=sort/>
            <InputErrors messages=issues/>
            <p class="table-caption" id=LiveListOf::Vendors.caption_id()>
                {caption}" "
                {csv.map(|csv| view! { <a class="no-print" href=csv download="">"Download CSV"</a> })}
            </p>
            <div class="table-wrap">
                <table class="vendors cards" aria-describedby=LiveListOf::Vendors.caption_id()>
                    <thead>
                        <tr>
                            {SortKey::ALL.into_iter().map(|key| view! { <SortHeader key list=list.clone()/> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {page.rows.clone().into_iter().map(|row| view! { <VendorTableRow row/> }).collect_view()}
                    </tbody>
                </table>
            </div>
            <Pager list=list.clone() page=page.number count=page.count action=action.clone()/>
            {(n == 0).then(|| view! {
                <p class="callout">"No vendor matches. "<a href=action>"Show all vendors"</a>"."</p>
            })}
        </div>
    }
}

/// Links to the other pages of the table: previous, next, and each page by number (the
/// first, the last, and those near the current one).
#[component]
fn Pager(list: ListQuery, page: usize, count: usize, action: String) -> impl IntoView {
    (count > 1).then(|| {
        let href = |n: usize| {
            let q = list.on_page(n).to_query();
            if q.is_empty() {
                action.clone()
            } else {
                format!("{action}?{q}")
            }
        };
        let near = |n: usize| n == 1 || n == count || n.abs_diff(page) <= 2;
        let mut items = Vec::new();
        let mut gap = false;
        for n in 1..=count {
            if !near(n) {
                gap = true;
                continue;
            }
            if std::mem::take(&mut gap) {
                items.push(view! { <li class="gap" aria-hidden="true">"…"</li> }.into_any());
            }
            items.push(if n == page {
                view! { <li><a href=href(n) aria-current="page">{n}</a></li> }.into_any()
            } else {
                view! { <li><a href=href(n) aria-label=format!("Page {n}")>{n}</a></li> }.into_any()
            });
        }
        view! {
            <nav class="pager no-print" aria-label="Pages of the vendor table">
                {(page > 1).then(|| view! { <a href=href(page - 1) rel="prev">"← Previous"</a> })}
                <ul>{items}</ul>
                {(page < count).then(|| view! { <a href=href(page + 1) rel="next">"Next →"</a> })}
            </nav>
        }
    })
}

/// A column header: a real button that sorts by it, with `aria-sort` on the cell.
#[component]
fn SortHeader(key: SortKey, list: ListQuery) -> impl IntoView {
    let (aria, arrow) = sort_marks(list.sort == key, list.desc);
    view! {
        <th scope="col" aria-sort=aria class=format!("col-{}", key.key())>
            <button type="submit" name=listing::SORT value=list.next_sort(key) class="sort">
                {key.label()}
                <span class="sort-mark" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

/// A sortable column's `aria-sort` and the arrow shown beside its name.
pub fn sort_marks(sorted_by: bool, desc: bool) -> (&'static str, &'static str) {
    match (sorted_by, desc) {
        (true, false) => ("ascending", "▲"),
        (true, true) => ("descending", "▼"),
        (false, _) => ("none", "↕"),
    }
}

/// One `<select>` whose options are `(value, label)`; the empty value means "any".
#[component]
pub fn Choice(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    any: &'static str,
    options: Vec<(String, String)>,
    current: Option<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name>
                <option value="" selected=current.is_none()>{any}</option>
                {options.into_iter().map(|(value, text)| {
                    let selected = current.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(&value));
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn Filters(
    list: ListQuery,
    plans: Vec<String>,
    categories: Vec<String>,
    action: String,
) -> impl IntoView {
    let keyed = |items: Vec<(String, &'static str)>| -> Vec<(String, String)> {
        items.into_iter().map(|(k, l)| (k, l.to_string())).collect()
    };
    let same = |items: Vec<String>| -> Vec<(String, String)> {
        items.into_iter().map(|s| (s.clone(), s)).collect()
    };
    let tri = vec![
        ("yes".to_string(), "Yes".to_string()),
        ("no".to_string(), "No".to_string()),
        ("unknown".to_string(), "Unknown".to_string()),
    ];
    view! {
        <fieldset class="filters no-print">
            <legend>"Search and filter"</legend>
            <div class="field search">
                <label for="f-q">"Vendor name"</label>
                <input id="f-q" type="search" name=listing::SEARCH value=list.search.clone().unwrap_or_default()
                    placeholder="e.g. Slack" autocomplete="off" maxlength="80"/>
            </div>
            <Choice id="f-status" name=listing::STATUS label="SCIM status" any="Any"
                options=keyed(ScimStatus::ALL.into_iter().map(|s| (s.key(), s.label())).collect())
                current=list.status.map(|s| s.key())/>
            <Choice id="f-category" name=listing::CATEGORY label="Category" any="Any category"
                options=same(categories) current=list.category.clone()/>
            <Choice id="f-plan" name=listing::PLAN label="Plan that unlocks SCIM" any="Any"
                options=same(plans) current=list.plan.clone()/>
            <Choice id="f-price" name=listing::PRICE label="Price of the SCIM plan" any="Any"
                options=keyed(PriceFilter::ALL.into_iter().map(|f| (f.key(), f.label())).collect())
                current=list.price.map(|f| f.key())/>
            <Choice id="f-idp" name=listing::IDP label="Provisions by SCIM with" any="Any identity provider"
                options=keyed(Idp::ALL.into_iter().map(|i| (i.key(), i.name())).collect())
                current=list.idp.map(|i| i.key())/>
            <Choice id="f-native" name=listing::NATIVE label="Native app in (the index's rating)" any="Any identity provider"
                options=keyed(IdpMatrix::RATED.into_iter().map(|i| (i.key(), i.name())).collect())
                current=list.native.map(|i| i.key())/>
            <Choice id="f-sso" name=listing::SSO_FIRST label="SSO required first" any="Any"
                options=tri current=list.sso_first.map(|t: Tri| t.key())/>
            <Choice id="f-fresh" name=listing::FRESH label="Last verified" any="Any date"
                options=keyed(Freshness::ALL.into_iter().map(|f| (f.key(), f.label())).collect())
                current=list.fresh.map(|f| f.key())/>
            <Choice id="f-confidence" name=listing::CONFIDENCE label="The index's confidence" any="Any"
                options=keyed(Confidence::ALL.into_iter().map(|c| (c.key(), c.label())).collect())
                current=list.confidence.map(|c| c.key())/>
            <Choice id="f-changed" name=listing::CHANGED label="Since the index's previous release" any="Any"
                options=vec![("yes".to_string(), "Changed (new vendors left out)".to_string())]
                current=list.changed.then(|| "yes".to_string())/>
            <p class="form-actions">
                <button type="submit">"Apply"</button>" "
                <a href=action class="reset">"Clear"</a>
            </p>
        </fieldset>
    }
}

fn idp_names(idps: &[Idp]) -> String {
    idps.iter()
        .map(|i| i.short())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A vendor's row; on a phone a two-line card (name and status, then plan and price jump),
/// the other cells left to the vendor's page.
#[component]
fn VendorTableRow(row: VendorRow) -> impl IntoView {
    let href = Route::Vendor.fill(&[&row.slug]);
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
        <tr data-slug=row.slug.clone()>
            <th scope="row" data-label="Vendor" class="col-name">
                <a href=href class="vendor-link">{row.name.clone()}</a>
                <span class="category">{category_label(row.category.as_deref()).to_string()}</span>
                {match row.profile {
                    Profile::Partial => Some(view! { <PartialBadge/> }.into_any()),
                    Profile::Index => Some(view! { <IndexBadge/> }.into_any()),
                    Profile::Full => None,
                }}
            </th>
            <td data-label="SCIM status" class="col-scim"><StatusBadge value=row.status/></td>
            <td data-label="Plan that unlocks SCIM" class="col-plan">
                {row.scim_plan.clone().unwrap_or_else(|| "Not stated".into())}
            </td>
            <td data-label="Price of that plan" class="col-price">{price}</td>
            <td data-label="Price jump for SCIM" class="col-jump jump">
                <span class="full">{format::price_jump(&row.price_jump)}</span>
                <span class="short" aria-hidden="true">{format::price_jump_short(&row.price_jump)}</span>
            </td>
            <td data-label="SSO required first" class="col-sso_first"><TriBadge value=row.sso_required_first/></td>
            <td data-label="IdPs that provision by SCIM" class="col-idps">
                {scim_idps}
                {jit.map(|j| view! { <span class="sub">{j}</span> })}
            </td>
            <td data-label="Last verified" class="col-checked">
                <time datetime=row.last_checked.clone()>{dates::words(&row.last_checked)}</time>
                {row.stale.then(|| view! { " "<StaleBadge/> })}
            </td>
        </tr>
    }
}
