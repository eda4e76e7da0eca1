//! The scenario form: a GET form that works without JavaScript; with it, each change
//! replaces the URL in place.

use crate::domain::cost::upgrade::{current_plan, plan_param};
use crate::domain::cost::PlanCost;
use crate::domain::cost::SeatSource;
use crate::domain::format::plain;
use crate::domain::report::Report;
use crate::domain::scenario::{Field, CURRENT_QUOTE, MANUAL_FIELDS, QUOTE, USERS, VENDOR, YEARS};
use crate::domain::vendor::Vendor;
use crate::domain::vendor_search::SEARCH;
use crate::ui::islands::address_bar::use_address_bar;
use crate::ui::islands::live_form::{FormActions, LiveForm};
use leptos::prelude::*;
use std::sync::LazyLock;

/// The keys the form owns: the scenario's, and the vendor picker's search text, so that
/// submitting the form ends a search (the list of vendors found goes).
static OWN: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut own = crate::domain::scenario::KEYS.to_vec();
    own.push(SEARCH);
    own
});

#[component]
pub fn ScenarioForm(
    report: Memo<Report>,
    vendor: StoredValue<Option<Vendor>>,
    picks_vendor: bool,
    action: String,
) -> impl IntoView {
    let has_vendor = vendor.with_value(|v| v.is_some());
    let slug = vendor.with_value(|v| v.as_ref().map(|v| v.slug.clone()));
    let reset_href = match slug.clone() {
        Some(slug) => format!("{action}?vendor={slug}#cost"),
        None => format!("{action}#cost"),
    };
    view! {
        <LiveForm class="scenario-form" action own=OWN.as_slice() is_default=crate::domain::scenario::is_default>
            <fieldset>
                <legend>"Your team"</legend>
                // The vendor is picked beside the form (the vendor picker); the form keeps it.
                {picks_vendor.then(|| view! {
                    {slug.map(|s| view! { <input type="hidden" name=VENDOR value=s/> })}
                    <FieldMessage report key=VENDOR/>
                })}
                {has_vendor.then(|| view! { <PlanSelect report vendor/> })}
                <NumberField field=USERS report/>
                {has_vendor.then(|| view! {
                    <NumberField field=YEARS report/>
                    <QuoteFields report/>
                })}
            </fieldset>
            <details class="assumptions" open>
                <summary>"Assumptions for the cost of staying manual"</summary>
                <p class="hint">
                    "The sources print one cost block for 500 employees without its inputs. "
                    "These defaults are derived from it, so 500 people at the defaults reproduce it exactly; change any of them to match your team."
                </p>
                <div class="field-grid">
                    {MANUAL_FIELDS.into_iter().map(|field| view! { <NumberField field report/> }).collect_view()}
                </div>
                <SeatPriceChoice report/>
            </details>
            <FormActions submit="Update figures" reset_href reset_label="Reset to defaults"/>
        </LiveForm>
    }
}

/// The raw text of a query parameter, or the field's default, for the input's value.
fn raw_value(field: Field) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let query = use_address_bar();
    move || {
        query
            .get(field.key)
            .unwrap_or_else(|| field.default.map(plain).unwrap_or_default())
    }
}

fn issue_for(report: Memo<Report>, key: &'static str) -> impl Fn() -> Option<String> + Copy {
    move || {
        report.with(|r| {
            r.issues
                .iter()
                .find(|i| i.field == key)
                .map(|i| i.message.clone())
        })
    }
}

#[component]
fn FieldMessage(report: Memo<Report>, key: &'static str) -> impl IntoView {
    let issue = issue_for(report, key);
    move || {
        issue()
            .map(|m| view! { <p class="field-error" id=format!("err-{key}") role="alert">{m}</p> })
    }
}

#[component]
pub fn NumberField(field: Field, report: Memo<Report>) -> impl IntoView {
    let raw = raw_value(field);
    let issue = issue_for(report, field.key);
    let id = format!("in-{}", field.key);
    let default = match field.default {
        Some(d) => format!("Default {}: {}.", plain(d), field.default_source),
        None => "Optional.".to_string(),
    };
    view! {
        <div class="field" class:invalid=move || issue().is_some()>
            <label for=id.clone()>
                {field.label}
                <span class="unit">{format!(" ({})", field.unit)}</span>
            </label>
            <input
                id=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                name=field.key
                value=raw
                prop:value=raw
                aria-invalid=move || issue().is_some().then_some("true")
                aria-describedby=move || issue().map(|_| format!("err-{}", field.key))
            />
            <FieldMessage report key=field.key/>
            <p class="hint">{default}</p>
        </div>
    }
}

#[component]
fn PlanSelect(report: Memo<Report>, vendor: StoredValue<Option<Vendor>>) -> impl IntoView {
    let plans: Vec<(String, String, String)> = vendor.with_value(|v| {
        v.iter()
            .flat_map(|v| v.plans.iter().map(move |p| (v, p)))
            .map(|(v, p)| {
                (
                    p.name.clone(),
                    plan_param(v, &p.name),
                    crate::domain::format::price(&p.price),
                )
            })
            .collect()
    });
    let selected = move || {
        report.with(|r| {
            vendor.with_value(|v| {
                current_plan(v.as_ref()?, &r.scenario.upgrade).map(|p| p.name.clone())
            })
        })
    };
    view! {
        <div class="field">
            <label for="in-plan">"Your current plan"</label>
            <select id="in-plan" name="plan">
                {plans.into_iter().map(|(name, value, price)| {
                    let n = name.clone();
                    view! {
                        <option value=value selected=move || selected().as_deref() == Some(n.as_str())>
                            {format!("{name}: {price}")}
                        </option>
                    }
                }).collect_view()}
            </select>
            <FieldMessage report key="plan"/>
        </div>
    }
}

/// Quote inputs, explained: needed where a plan is sold by quote, optional otherwise.
#[component]
fn QuoteFields(report: Memo<Report>) -> impl IntoView {
    // Why the SCIM plan has no usable figure, if it has none: sold by quote, or no price
    // we can use (none given, or one written in a form we cannot read).
    let target_costing = move || {
        report.with(|r| {
            r.upgrade
                .as_ref()
                .and_then(|u| u.scim.as_ref())
                .map(|t| t.cost.clone())
                .filter(|c| !matches!(c, PlanCost::Known { .. }))
        })
    };
    let target_needs_quote = move || target_costing().is_some();
    let current_needs_quote = move || {
        report.with(|r| {
            r.upgrade
                .as_ref()
                .is_some_and(|u| !matches!(u.current.cost, PlanCost::Known { .. }))
        })
    };
    view! {
        <div class="quote-group">
        <p class="hint quote-hint" class:needed=target_needs_quote>
            {move || match target_costing() {
                Some(PlanCost::Quote) => "The SCIM plan is sold by quote and the data has no estimate: enter your quote to see the upgrade cost.".to_string(),
                Some(PlanCost::OutOfScope { scope }) => format!(
                    "The source prices the SCIM plan only for {}, so it gives no price at your team size: enter your quote to see the upgrade cost.",
                    crate::domain::format::scope(&scope)
                ),
                Some(_) => "The data has no price for the SCIM plan that we can use: enter your quote to see the upgrade cost.".to_string(),
                None => "Have a quote? Enter it to use it instead of the figures in the data.".to_string(),
            }}
        </p>
        <NumberField field=QUOTE report/>
        </div>
        <div class="quote-group">
        <p class="hint" class:needed=current_needs_quote>
            {move || if current_needs_quote() {
                "Your current plan has no price we can use: enter what you pay a year."
            } else {
                "Pay a different price today? Enter it to use it instead of the list price."
            }}
        </p>
        <NumberField field=CURRENT_QUOTE report/>
        </div>
    }
}

/// Says which price the unused-licence cost uses: the reader's, their plan's list price per
/// seat, or the model's default; with the reader's own price, a link back to the plan's.
#[component]
fn SeatPriceChoice(report: Memo<Report>) -> impl IntoView {
    move || {
        let r = report.get();
        let used = format!(
            "Unused licences are priced at {} a month: {}.",
            crate::domain::format::usd(r.scenario.manual.seat_price_monthly),
            crate::domain::report::seat_source_words(&r.seat_source)
        );
        let back = (r.seat_source == SeatSource::Given).then(|| {
            let href = format!(
                "?{}#cost",
                super::query_with(&r.scenario, |s| s.seat = None)
            );
            view! { " "<a href=href>"Use your plan's price instead"</a> }
        });
        view! { <p class="seat-choice">{used}{back}</p> }
    }
}
