//! The home table: every vendor, sortable by every column and filterable. Sort and filters
//! live in the query string; the table sits in a GET form, so the header buttons and the
//! filters also work without JavaScript, and with it they update in place.

use crate::domain::format;
use crate::domain::keys::Key;
use crate::domain::listing::VendorRow;
use crate::domain::listing::{self, ListQuery, PriceFilter, SortKey};
use crate::domain::vendor::{category_label, Idp, Profile, Tri};
use crate::ui::components::badges::{PartialBadge, TriBadge};
use crate::ui::components::layout::InputErrors;
use crate::ui::islands::address_bar::{use_address_bar, AddressBar};
use crate::ui::islands::live_form::{live_update, on_submit, FormActions};
use crate::ui::status::bad_input_when;
use leptos::prelude::*;

/// The table with its filters: an island, so sorting and filtering update in place.
#[island]
pub fn VendorTable(rows: Vec<VendorRow>) -> impl IntoView {
    let query = use_address_bar();
    let parsed = Memo::new(move |_| query.with(listing::parse));
    bad_input_when(parsed.with_untracked(|(_, issues)| !issues.is_empty()));
    let list = Memo::new(move |_| parsed.with(|(q, _)| q.clone()));
    let plans = listing::plan_names(&rows);
    let total = rows.len();
    let full = rows.iter().filter(|r| r.profile == Profile::Full).count();
    let all = StoredValue::new(rows);
    let shown =
        Memo::new(move |_| list.with(|q| all.with_value(|rows| listing::apply(rows.clone(), q))));
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let update = live_update("/".into(), listing::KEYS, form_ref, listing::is_default);
    // Header buttons sort by themselves; a submit is the filters' "Apply".
    let on_submit = on_submit(update.clone());
    let caption = move || {
        let n = shown.with(Vec::len);
        if list.with(ListQuery::is_filtered) {
            format!("{n} of {total} vendors match the filters.")
        } else {
            format!(
                "{total} vendors: {full} full guides and {} partial profiles.",
                total - full
            )
        }
    };
    let csv = move || {
        let q = list.with(ListQuery::to_query);
        if q.is_empty() {
            "/vendors.csv".to_string()
        } else {
            format!("/vendors.csv?{q}")
        }
    };
    let issues = move || parsed.with(|(_, i)| i.clone());
    view! {
        <form class="vendor-list" method="get" action="/" node_ref=form_ref
            on:change=move |_| update() on:submit=on_submit>
            // First in the form: a header button's own `sort` comes later and wins.
            <input type="hidden" name="sort" value=move || list.with(|q| {
                let minus = if q.desc { "-" } else { "" };
                format!("{minus}{}", q.sort.key())
            })/>
            <Filters list plans/>
            {move || view! { <InputErrors messages=issues()/> }}
            <p class="table-caption" id="vendors-caption" aria-live="polite">
                {caption}" "
                <a class="no-print" href=csv download="">"Download CSV"</a>
            </p>
            <div class="table-wrap">
                <table class="vendors cards" aria-describedby="vendors-caption">
                    <thead>
                        <tr>
                            {SortKey::ALL.into_iter().map(|key| view! { <SortHeader key list query/> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || shown.get() key=|row| row.slug.clone() let:row>
                            <VendorTableRow row/>
                        </For>
                    </tbody>
                </table>
            </div>
            {move || shown.with(Vec::is_empty).then(|| view! {
                <p class="callout">"No vendor matches these filters. "<a href="/">"Show all vendors"</a>"."</p>
            })}
        </form>
    }
}

/// A column header: a real button that sorts by it, with `aria-sort` on the cell.
#[component]
fn SortHeader(key: SortKey, list: Memo<ListQuery>, query: AddressBar) -> impl IntoView {
    let aria = move || {
        list.with(|q| match (q.sort == key, q.desc) {
            (true, false) => "ascending",
            (true, true) => "descending",
            (false, _) => "none",
        })
    };
    let next = move || list.with(|q| q.next_sort(key));
    let on_click = move |ev: leptos::ev::MouseEvent| {
        // With JavaScript the click sorts in place; without, the button submits the form.
        ev.prevent_default();
        let q = list.with_untracked(|q| q.sorted_by(key).to_query());
        query.replace("/", &q);
    };
    let arrow = move || match aria() {
        "ascending" => "▲",
        "descending" => "▼",
        _ => "↕",
    };
    view! {
        <th scope="col" aria-sort=aria>
            <button type="submit" name="sort" value=next class="sort" on:click=on_click>
                {key.label()}
                <span class="sort-mark" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

#[component]
fn Filters(list: Memo<ListQuery>, plans: Vec<String>) -> impl IntoView {
    let tri_options = |current: Option<Tri>| {
        [
            ("", "Any"),
            ("yes", "Yes"),
            ("no", "No"),
            ("unknown", "Unknown"),
        ]
        .into_iter()
        .map(move |(v, label)| {
            let sel = current.map(|t| t.key()).as_deref() == Some(v);
            view! { <option value=v selected=sel>{label}</option> }
        })
        .collect_view()
    };
    view! {
        <fieldset class="filters no-print">
            <legend>"Filter"</legend>
            <div class="field">
                <label for="f-scim">"SCIM available"</label>
                <select id="f-scim" name="scim">{move || tri_options(list.with(|q| q.scim))}</select>
            </div>
            <div class="field">
                <label for="f-plan">"Plan that unlocks SCIM"</label>
                <select id="f-plan" name="plan">
                    <option value="" selected=move || list.with(|q| q.plan.is_none())>"Any"</option>
                    {plans.into_iter().map(|p| {
                        let (name, value) = (p.clone(), p.clone());
                        view! { <option value=value selected=move || list.with(|q| q.plan.as_deref() == Some(name.as_str()))>{p}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-sso">"SSO required first"</label>
                <select id="f-sso" name="sso_first">{move || tri_options(list.with(|q| q.sso_first))}</select>
            </div>
            <div class="field">
                <label for="f-idp">"Provisions by SCIM with"</label>
                <select id="f-idp" name="idp">
                    <option value="" selected=move || list.with(|q| q.idp.is_none())>"Any identity provider"</option>
                    {Idp::ALL.into_iter().map(|i| view! {
                        <option value=i.key() selected=move || list.with(|q| q.idp == Some(i))>{i.name()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-price">"Price of the SCIM plan"</label>
                <select id="f-price" name="price">
                    <option value="" selected=move || list.with(|q| q.price.is_none())>"Any"</option>
                    {PriceFilter::ALL
                        .into_iter()
                        .map(|f| view! {
                            <option value=f.key() selected=move || list.with(|q| q.price == Some(f))>{f.label()}</option>
                        })
                        .collect_view()}
                </select>
            </div>
            <FormActions submit="Apply filters" reset_href="/".to_string() reset_label="Clear"/>
        </fieldset>
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
        <tr data-slug=row.slug.clone()>
            <th scope="row" data-label="Vendor">
                <a href=href class="vendor-link">{row.name.clone()}</a>
                <span class="category">{category_label(row.category.as_deref()).to_string()}</span>
                {partial.then(|| view! { <PartialBadge/> })}
            </th>
            <td data-label="SCIM"><TriBadge value=row.scim/></td>
            <td data-label="Plan that unlocks SCIM">
                {row.scim_plan.clone().unwrap_or_else(|| "Not stated".into())}
            </td>
            <td data-label="Price of that plan">{price}</td>
            <td data-label="Price jump for SCIM" class="jump">{format::price_jump(&row.price_jump)}</td>
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
