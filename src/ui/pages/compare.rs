//! `/compare?vendors=mode,ironclad&users=120`: vendors side by side, row by row.

use crate::domain::compare::{self, Column, Selection};
use crate::domain::cost::upgrade::Costing;
use crate::domain::format;
use crate::domain::keys::Key;
use crate::domain::vendor_search::Pick;
use crate::ui::components::badges::{PartialBadge, ProvisioningBadge, TriBadge};
use crate::ui::components::layout::{InputErrors, LoadError, Loading, PageHeader};
use crate::ui::components::link_preview::PreviewText;
use crate::ui::components::lists::BulletList;
use crate::ui::components::vendor_pick::{searched, Searched, VendorPick};
use crate::ui::islands::address_bar::use_address_bar;
use crate::ui::server_fns::get_vendors;
use crate::ui::status::bad_input_when;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

const DESCRIPTION: &str = "SaaS vendors side by side: the plan SCIM needs, SSO first, identity providers, set-up effort, upgrade and manual cost at your team size.";

#[component]
pub fn ComparePage() -> impl IntoView {
    let query = use_address_bar();
    let selection = Memo::new(move |_| query.with(compare::parse));
    // A plain string, not a closure: leptos_meta writes <head> at the end of the stream,
    // when this page's reactive scope may already be gone (reading it then panicked).
    let title = selection.with_untracked(|s| {
        if s.slugs.is_empty() {
            "Compare vendors".to_string()
        } else {
            format!(
                "Compare {} at {} people",
                s.slugs.join(", "),
                format::group_thousands(s.users as u64)
            )
        }
    });
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=DESCRIPTION/>
        <PreviewText title description=DESCRIPTION/>
        <PageHeader
            title="Compare vendors"
            lede="Side by side, row by row, at your team size. The address bar holds the vendors and the team size, so the link shares this comparison."
        />
        // No resource: the data is rendered here on the server and never sent again as JSON.
        <Transition fallback=Loading>
            {move || {
                let slugs = selection.with(|s| s.slugs.clone());
                Suspend::new(async move {
                let searched = match searched().await {
                    Ok(s) => s,
                    Err(e) => return view! { <LoadError error=e.to_string()/> }.into_any(),
                };
                let set = match get_vendors(slugs).await {
                    Ok(set) => set,
                    Err(e) => return view! { <LoadError error=e.to_string()/> }.into_any(),
                };
                let sel = selection.get_untracked();
                // Unreadable or unknown names, or a bad team size: shown below, and 400.
                bad_input_when(!sel.issues.is_empty() || !set.missing.is_empty());
                let columns: Vec<Column> = set.found.iter().map(|v| compare::column(v, sel.users, &sel.answers)).collect();
                view! {
                    <Notices sel=sel.clone() missing=set.missing/>
                    <CompareControls sel=sel.clone() searched columns=columns.clone()/>
                    {if columns.is_empty() {
                        view! { <p class="callout">"Choose two or more vendors above, or start from "<a href="/compare?vendors=mode,ironclad&users=120">"Mode and Ironclad at 120 people"</a>"."</p> }.into_any()
                    } else {
                        view! { <CompareTable sel columns/> }.into_any()
                    }}
                }.into_any()
            })}}
        </Transition>
    }
}

#[component]
fn Notices(sel: Selection, missing: Vec<String>) -> impl IntoView {
    let mut messages = sel.issues;
    messages.extend(
        missing
            .into_iter()
            .map(|m| format!("We have no vendor “{m}”; it is left out.")),
    );
    view! { <InputErrors messages/> }
}

/// Team size (a plain GET form) and "add a vendor" (the vendor picker, which adds its pick
/// to `vendors`).
#[component]
fn CompareControls(sel: Selection, searched: Searched, columns: Vec<Column>) -> impl IntoView {
    let shown: Vec<String> = columns.iter().map(|c| c.slug.clone()).collect();
    let csv = format!("/compare.csv?{}", compare::query(&shown, sel.users));
    view! {
        <div class="compare-controls">
            <form class="team-size" method="get" action="/compare">
                <input type="hidden" name="vendors" value=shown.join(",")/>
                <div class="field">
                    <label for="cmp-users">"Team size (people)"</label>
                    <input id="cmp-users" name="users" type="text" inputmode="numeric" value=sel.users.to_string()/>
                </div>
                <p class="form-actions">
                    <button type="submit">"Update"</button>
                    " "
                    {(!shown.is_empty()).then(|| view! { <a href=csv download="">"Download CSV"</a> })}
                </p>
            </form>
            <VendorPick action="/compare" pick=Pick::Compare label="Add a vendor" chosen=None searched/>
        </div>
    }
}

#[component]
fn CompareTable(sel: Selection, columns: Vec<Column>) -> impl IntoView {
    let users = sel.users;
    let slugs: Vec<String> = columns.iter().map(|c| c.slug.clone()).collect();
    let remove_href = move |slug: &str| {
        let rest: Vec<String> = slugs.iter().filter(|s| *s != slug).cloned().collect();
        format!("/compare?{}", compare::query(&rest, users))
    };
    let people = format::group_thousands(users as u64);
    // A group heading spans the label column and one column per vendor, exactly: a span
    // past the table's last column is invalid HTML.
    let span = (columns.len() + 1).to_string();
    let cols = StoredValue::new(columns);
    // One row: a label and a cell per vendor.
    let row = move |label: String, cell: fn(&Column) -> AnyView| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                {cols.with_value(|cs| cs.iter().map(|c| view! { <td>{cell(c)}</td> }).collect_view())}
            </tr>
        }
    };
    let idp_rows = crate::domain::vendor::Idp::ALL.into_iter().map(|idp| {
        view! {
            <tr>
                <th scope="row">{idp.name()}</th>
                {cols.with_value(|cs| cs.iter().map(|c| {
                    let (_, sso, prov) = c.idps.iter().find(|(i, _, _)| *i == idp).cloned().unwrap_or((idp, Default::default(), Default::default()));
                    view! { <td><ProvisioningBadge value=prov/><span class="sub">{format!("SSO: {}", sso.label())}</span></td> }
                }).collect_view())}
            </tr>
        }
    }).collect_view();
    view! {
        <div class="table-wrap">
            <table class="compare">
                <caption>{format!("Side by side at {people} people")}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {cols.with_value(|cs| cs.iter().map(|c| {
                            let name = c.name.clone();
                            view! {
                            <th scope="col">
                                <A href=format!("/vendors/{}", c.slug)>{name}</A>
                                {c.partial.then(|| view! { <PartialBadge/> })}
                                <span class="category">{c.category.clone()}</span>
                                <a class="remove no-print" href=remove_href(&c.slug) aria-label=format!("Remove {}", c.name)>"Remove"</a>
                            </th>
                        }}).collect_view())}
                    </tr>
                </thead>
                <tbody>
                    {row("SCIM available".into(), |c| view! { <TriBadge value=c.scim/> }.into_any())}
                    {row("Plan required for SCIM".into(), |c| view! {
                        <strong>{c.scim_plan.clone().unwrap_or_else(|| "Not stated".into())}</strong>
                        <span class="sub">{c.scim_plan_price.as_ref().map(format::price).unwrap_or_else(|| "Price not stated".into())}</span>
                    }.into_any())}
                    {row("Price jump for SCIM".into(), |c| view! { <span>{format::price_jump(&c.price_jump)}</span> }.into_any())}
                    {row("SSO required first".into(), |c| view! { <TriBadge value=c.sso_required_first/> }.into_any())}
                    <tr class="group"><th scope="rowgroup" colspan=span.clone()>"Identity providers: provisioning, and SSO"</th></tr>
                    {idp_rows}
                    <tr class="group"><th scope="rowgroup" colspan=span.clone()>"Set-up effort"</th></tr>
                    {row("Prerequisites".into(), |c| if c.prerequisites.is_empty() {
                        view! { <span class="muted">"Not stated"</span> }.into_any()
                    } else {
                        view! { <BulletList items=c.prerequisites.clone()/> }.into_any()
                    })}
                    {row("Vendor staff needed to set up".into(), |c| view! { <TriBadge value=c.vendor_enables/> }.into_any())}
                    {row("Quote from sales needed".into(), |c| view! { <span>{if c.quote_needed { "Yes" } else { "No" }}</span> }.into_any())}
                    <tr class="group"><th scope="rowgroup" colspan=span.clone()>{format!("Cost a year at {people} people")}</th></tr>
                    {row("Upgrade to the SCIM plan: change in yearly spend".into(), upgrade_cell)}
                    {row("Our advice (as in the calculator)".into(), |c| match c.advice {
                        Some(a) => view! { <span class=format!("action {}", a.key())>{a.label()}</span> }.into_any(),
                        None => view! { <span class="muted">"Depends on your quote"</span> }.into_any(),
                    })}
                    {row("Staying manual (calculator defaults)".into(), |c| view! { <span class="num">{format::usd_whole(c.manual_annual)}</span> }.into_any())}
                    <tr class="group"><th scope="rowgroup" colspan=span.clone()>"Limits and sources"</th></tr>
                    {row("Key limitations".into(), |c| if c.limitations.is_empty() {
                        view! { <span class="muted">"None stated"</span> }.into_any()
                    } else {
                        view! { <BulletList items=c.limitations.clone()/> }.into_any()
                    })}
                    {row("Last checked".into(), |c| view! { <time datetime=c.last_checked.clone()>{format::date(&c.last_checked)}</time> }.into_any())}
                </tbody>
            </table>
        </div>
        <p class="hint">"Upgrade: the SCIM plan's yearly price minus the plan most teams are on before it, for your team size, with minimum seats applied; ranges stay ranges, and “less” means the data's estimate for the SCIM plan is below the list price of the plan before it. Manual: the calculator's model at its defaults. Open any vendor's calculator to change the inputs."</p>
    }
}

fn upgrade_cell(c: &Column) -> AnyView {
    let Some(u) = &c.upgrade else {
        return view! { <span class="muted">"No plan data"</span> }.into_any();
    };
    let Some(target) = &u.target else {
        return view! { <span class="muted">"No plan with SCIM"</span> }.into_any();
    };
    let text = match u.difference {
        Some(d) => format::change(&d),
        None => "Quote needed".to_string(),
    };
    // Why a plan with a price has none here: the source gives it for other sizes.
    let scope_note = match &target.costing {
        Costing::OutOfScope { scope } => Some(format!(
            "The source prices {} only for {}: not at this size.",
            target.plan,
            format::scope(scope)
        )),
        _ => None,
    };
    let calc = format!("/calculator?vendor={}&users={}", c.slug, u.users);
    view! {
        <span class="num">{text}</span>
        {scope_note.map(|n| view! { <span class="sub" data-note="scope">{n}</span> })}
        <span class="sub">{format!("{} → {}", u.current.plan, target.plan)}</span>
        <a class="sub no-print" href=calc>"Open in the calculator"</a>
    }
    .into_any()
}
