//! `/compare?vendors=mode,ironclad&users=120`: vendors side by side, row by row.

use crate::domain::catalog::Catalog;
use crate::domain::compare::{self, BottomLine, Column, ScimPrice, Selection};
use crate::domain::cost::PlanCost;
use crate::domain::format;
use crate::domain::keys::Key;
use crate::domain::routes::Route;
use crate::domain::vendor::{Idp, Vendor};
use crate::domain::vendor_search::Pick;
use crate::ui::components::badges::{PartialBadge, ProvisioningBadge, TriBadge};
use crate::ui::components::layout::{InputErrors, PageHeader};
use crate::ui::components::link_preview::PageText;
use crate::ui::components::lists::BulletList;
use crate::ui::components::vendor_pick::{searched, Searched, VendorPick};
use crate::ui::http_status::bad_input_when;
use crate::ui::islands::address_bar::use_address_bar;
use crate::ui::pages::use_catalog;
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

const DESCRIPTION: &str = "SaaS vendors side by side: the plan SCIM needs, SSO first, identity providers, set-up effort, upgrade and manual cost at your team size.";

#[component]
pub fn ComparePage() -> impl IntoView {
    let catalog = use_catalog();
    let sel = use_address_bar().with(compare::parse);
    // A plain string, not a closure: leptos_meta writes <head> at the end of the stream,
    // when this page's reactive scope may already be gone (reading it then panicked).
    let title = if sel.slugs.is_empty() {
        "Compare vendors".to_string()
    } else {
        format!(
            "Compare {} at {} people",
            sel.slugs.join(", "),
            format::group_thousands(sel.users as u64)
        )
    };
    let searched = searched(&catalog);
    let (found, missing) = load(&catalog, &sel.slugs);
    // Unreadable or unknown names, or a bad team size: shown below, and 400.
    bad_input_when(!sel.issues.is_empty() || !missing.is_empty());
    let columns: Vec<Column> = found
        .iter()
        .map(|v| compare::column(v, sel.users, &sel.answers))
        .collect();
    view! {
        <PageText title=title description=DESCRIPTION/>
        <PageHeader
            title="Compare vendors"
            lede="Side by side, row by row, at your team size. The address bar holds the vendors and the team size, so the link shares this comparison."
        />
        <Notices sel=sel.clone() missing/>
        <CompareControls sel=sel.clone() searched columns=columns.clone()/>
        {if columns.is_empty() {
            view! { <p class="callout">"Choose two or more vendors above, or start from "<a href=example()>"Mode and Ironclad at 120 people"</a>"."</p> }.into_any()
        } else {
            view! { <CompareTable sel columns/> }.into_any()
        }}
    }
}

/// The address of a comparison of `slugs` at `users` people.
fn link(slugs: &[String], users: u32) -> String {
    Route::Compare.link(&[], &compare::query(slugs, users))
}

/// The comparison a page suggests to start from: Mode and Ironclad at 120 people.
pub fn example() -> String {
    link(&["mode".into(), "ironclad".into()], 120)
}

/// The vendors a comparison asks for, in the order asked (at most
/// [`MAX_VENDORS`](compare::MAX_VENDORS)), and the slugs we do not know.
fn load(catalog: &Catalog, slugs: &[String]) -> (Vec<Vendor>, Vec<String>) {
    let (mut found, mut missing) = (Vec::new(), Vec::new());
    for slug in slugs.iter().take(compare::MAX_VENDORS) {
        match catalog.vendor(slug) {
            Some(v) => found.push(v.clone()),
            None => missing.push(slug.clone()),
        }
    }
    (found, missing)
}

#[component]
fn Notices(sel: Selection, missing: Vec<String>) -> impl IntoView {
    let mut messages = crate::domain::issue::Issue::messages(&sel.issues);
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
    let csv = Route::CompareCsv.link(&[], &compare::query(&shown, sel.users));
    view! {
        <div class="compare-controls">
            <form class="team-size" method="get" action=Route::Compare.path()>
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
            <VendorPick action=Route::Compare.path() pick=Pick::Compare label="Add a vendor" chosen=None searched/>
        </div>
    }
}

/// The comparison's facts, in order, grouped: each drawn once per vendor, as a row of the
/// wide table and as a line of each phone card, from the same cell function.
struct Group {
    heading: Option<String>,
    facts: Vec<FactRow>,
}

/// Draws a vendor's cell, given the vendor's column index and column.
type Cell = Box<dyn Fn(usize, &Column) -> AnyView>;

/// One fact: its label, and a vendor's cell.
struct FactRow {
    label: String,
    /// A class for the row (the bottom line stands out).
    class: &'static str,
    cell: Cell,
}

fn fact(label: impl Into<String>, cell: impl Fn(usize, &Column) -> AnyView + 'static) -> FactRow {
    FactRow {
        label: label.into(),
        class: "",
        cell: Box::new(cell),
    }
}

/// A fact whose cell reads only the vendor's column.
fn plain(label: &str, cell: fn(&Column) -> AnyView) -> FactRow {
    fact(label, move |_, c| cell(c))
}

fn groups(bottom: BottomLine, people: &str) -> Vec<Group> {
    let bottom = Arc::new(bottom);
    let idps = Idp::ALL
        .into_iter()
        .map(|idp| {
            fact(idp.name(), move |_, c| {
                let (_, sso, prov) = c.idps.iter().find(|(i, _, _)| *i == idp).cloned().unwrap_or((idp, Default::default(), Default::default()));
                view! { <ProvisioningBadge value=prov/><span class="sub">{format!("SSO: {}", sso.label())}</span> }.into_any()
            })
        })
        .collect();
    vec![
        Group {
            heading: None,
            facts: vec![
                FactRow {
                    class: "bottom-line",
                    ..fact(
                        format!("Bottom line: SCIM a year at {people}"),
                        move |i, _| bottom_cell(&bottom, i),
                    )
                },
                plain("SCIM available", |c| {
                    view! { <TriBadge value=c.scim/> }.into_any()
                }),
                plain("Plan required for SCIM", |c| {
                    view! {
                    <strong>{c.scim_plan.clone().unwrap_or_else(|| "Not stated".into())}</strong>
                    " "
                    <span class="plan-price">{c.scim_plan_price.as_ref().map(format::price).unwrap_or_else(|| "Price not stated".into())}</span>
                }.into_any()
                }),
                plain("Price jump for SCIM", |c| {
                    view! { <span>{format::price_jump(&c.price_jump)}</span> }.into_any()
                }),
                plain("SSO required first", |c| {
                    view! { <TriBadge value=c.sso_required_first/> }.into_any()
                }),
            ],
        },
        Group {
            heading: Some("Identity providers: provisioning, and SSO".into()),
            facts: idps,
        },
        Group {
            heading: Some("Set-up effort".into()),
            facts: vec![
                plain("Prerequisites", |c| {
                    bullets_or(&c.prerequisites, "Not stated")
                }),
                plain("Vendor staff needed to set up", |c| {
                    view! { <TriBadge value=c.vendor_enables/> }.into_any()
                }),
                plain("Quote from sales needed", |c| {
                    view! { <span>{if c.needs_quote { "Yes" } else { "No" }}</span> }.into_any()
                }),
            ],
        },
        Group {
            heading: Some(format!("Cost a year at {people}")),
            facts: vec![
                plain(
                    "Upgrade to the SCIM plan: change in yearly spend",
                    upgrade_cell,
                ),
                plain("Our advice (as in the calculator)", |c| match c.advice {
                    Some(a) => {
                        view! { <span class=format!("action {}", a.key())>{a.label()}</span> }
                            .into_any()
                    }
                    None => view! { <span class="muted">"Depends on your quote"</span> }.into_any(),
                }),
                plain("Staying manual (calculator defaults)", |c| {
                    view! { <span class="num">{format::usd_whole(c.manual_cost)}</span> }.into_any()
                }),
            ],
        },
        Group {
            heading: Some("Limits and sources".into()),
            facts: vec![
                plain("Key limitations", |c| {
                    bullets_or(&c.limitations, "None stated")
                }),
                plain("Last checked", |c| {
                    view! { <time datetime=c.last_checked.clone()>{crate::ui::dates::words(&c.last_checked)}</time> }.into_any()
                }),
            ],
        },
    ]
}

/// The bottom line, before the details: one sentence, then a row (or a card line) per vendor.
#[component]
fn BottomLineLead(headline: String) -> impl IntoView {
    view! { <p class="bottom-line-lead">{headline}</p> }
}

/// A vendor's bottom line: where it stands, and the SCIM plan's yearly price where known.
fn bottom_cell(bottom: &BottomLine, i: usize) -> AnyView {
    let Some(s) = bottom.standings.get(i) else {
        return ().into_any();
    };
    let price = s.price.as_ref().ok().map(ScimPrice::words);
    view! {
        <strong class=format!("standing {}", s.rank.key())>{bottom.standing_words(i)}</strong>
        " "
        {price.map(|p| view! { <span class="scim-price">{format!("SCIM plan: {p}")}</span> })}
    }
    .into_any()
}

#[component]
fn CompareTable(sel: Selection, columns: Vec<Column>) -> impl IntoView {
    let users = sel.users;
    let slugs: Vec<String> = columns.iter().map(|c| c.slug.clone()).collect();
    let remove_href = move |slug: &str| {
        let rest: Vec<String> = slugs.iter().filter(|s| *s != slug).cloned().collect();
        link(&rest, users)
    };
    let people = format::count(users as usize, "person", "people");
    let bottom = compare::bottom_line(&columns, users);
    let headline = bottom.headline();
    let groups = groups(bottom, &people);
    // A group heading spans the label column and one column per vendor, exactly: a span
    // past the table's last column is invalid HTML.
    let span = (columns.len() + 1).to_string();
    let head = |c: &Column| {
        let name = c.name.clone();
        view! {
            <A href=Route::Vendor.fill(&[&c.slug])>{name}</A>
            {c.partial.then(|| view! { <PartialBadge/> })}
            <span class="category">{c.category.clone()}</span>
            <a class="remove no-print" href=remove_href(&c.slug) aria-label=format!("Remove {}", c.name)>"Remove"</a>
        }
    };
    let rows = groups
        .iter()
        .map(|g| {
            view! {
                {g.heading.clone().map(|h| view! { <tr class="group"><th scope="rowgroup" colspan=span.clone()>{h}</th></tr> })}
                {g.facts.iter().map(|f| view! {
                    <tr class=f.class>
                        <th scope="row">{f.label.clone()}</th>
                        {columns.iter().enumerate().map(|(i, c)| view! { <td>{(f.cell)(i, c)}</td> }).collect_view()}
                    </tr>
                }).collect_view()}
            }
        })
        .collect_view();
    // Phones get one card per vendor instead of the wide table (style/main.css shows one
    // or the other), so the second vendor is never off to the side.
    let cards = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            view! {
                <section class="vendor-card" aria-label=c.name.clone()>
                    <h3>{head(c)}</h3>
                    {groups.iter().map(|g| view! {
                        {g.heading.clone().map(|h| view! { <h4>{h}</h4> })}
                        <dl>
                            {g.facts.iter().map(|f| view! {
                                <div class=f.class>
                                    <dt>{f.label.clone()}</dt>
                                    <dd>{(f.cell)(i, c)}</dd>
                                </div>
                            }).collect_view()}
                        </dl>
                    }).collect_view()}
                </section>
            }
        })
        .collect_view();
    view! {
        <BottomLineLead headline/>
        <div class="table-wrap compare-wide">
            <table class="compare">
                <caption>{format!("Side by side at {people}")}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {columns.iter().map(|c| view! { <th scope="col">{head(c)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <div class="compare-cards">{cards}</div>
        <p class="hint">"Bottom line: the yearly price of each vendor's cheapest plan with SCIM at your team size. One vendor is cheaper than another only where its highest possible price is at most the other's lowest; ranges that overlap are not ranked, and a plan sold by quote without an estimate cannot be. Upgrade: the SCIM plan's yearly price minus the plan most teams are on before it, for your team size, with minimum seats applied; ranges stay ranges. Manual: the calculator's model at its defaults. Open any vendor's calculator to change the inputs."</p>
    }
}

/// A cell listing `items`, or saying in grey that the data states none.
fn bullets_or(items: &[String], none: &'static str) -> AnyView {
    if items.is_empty() {
        view! { <span class="muted">{none}</span> }.into_any()
    } else {
        view! { <BulletList items=items.to_vec()/> }.into_any()
    }
}

/// What moving to the SCIM plan does to the yearly bill, as a sentence with its verb.
fn upgrade_cell(c: &Column) -> AnyView {
    let Some(u) = &c.upgrade else {
        return view! { <span class="muted">"No plan data"</span> }.into_any();
    };
    let Some(target) = &u.scim else {
        return view! { <span class="muted">"No plan with SCIM"</span> }.into_any();
    };
    let text = match u.scim_extra {
        _ if u.current.has_scim => format!("{} already includes SCIM", u.current.plan),
        Some(d) => format!(
            "Moving from {} to {} {} a year",
            u.current.plan,
            target.plan,
            format::costs_or_saves(&d)
        ),
        None => "Cannot be worked out without a quote".to_string(),
    };
    // Why a plan with a price has none here: the source gives it for other sizes.
    let scope_note = match &target.cost {
        PlanCost::OutOfScope { scope } => Some(format!(
            "The source prices {} only for {}: not at this size.",
            target.plan,
            format::scope(scope)
        )),
        _ => None,
    };
    let calc = Route::Calculator.link(&[], &format!("vendor={}&users={}", c.slug, u.users));
    view! {
        <span>{text}</span>
        {scope_note.map(|n| view! { <span class="sub" data-note="scope">{n}</span> })}
        " "
        <a class="sub no-print" href=calc>"Open in the calculator"</a>
    }
    .into_any()
}
