//! The scenario form: a GET form that works without JavaScript; with it, each change
//! replaces the URL in place.

use crate::domain::cost::PlanCost;
use crate::domain::cost::SeatSource;
use crate::domain::report::ScenarioReport;
use crate::domain::scenario::{CURRENT_QUOTE, MANUAL_FIELDS, QUOTE, USERS, VENDOR, YEARS};
use crate::domain::vendor::Vendor;
use crate::domain::vendor_search::SEARCH;
use crate::ui::islands::form_fields::{FieldMessage, Form, NumberField, PlanSelect};
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
    report: Memo<ScenarioReport>,
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
                    <FieldMessage report key=VENDOR form=Form::Calculator/>
                })}
                {has_vendor.then(|| view! { <PlanSelect report vendor form=Form::Calculator/> })}
                <NumberField field=USERS report form=Form::Calculator/>
                {has_vendor.then(|| view! {
                    <NumberField field=YEARS report form=Form::Calculator/>
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
                    {MANUAL_FIELDS.into_iter().map(|field| view! { <NumberField field report form=Form::Calculator/> }).collect_view()}
                </div>
                <SeatPriceChoice report/>
            </details>
            <FormActions submit="Update figures" reset_href reset_label="Reset to defaults"/>
        </LiveForm>
    }
}

/// Quote inputs, explained: needed where a plan is sold by quote, optional otherwise.
#[component]
fn QuoteFields(report: Memo<ScenarioReport>) -> impl IntoView {
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
        <NumberField field=QUOTE report form=Form::Calculator/>
        </div>
        <div class="quote-group">
        <p class="hint" class:needed=current_needs_quote>
            {move || if current_needs_quote() {
                "Your current plan has no price we can use: enter what you pay a year."
            } else {
                "Pay a different price today? Enter it to use it instead of the list price."
            }}
        </p>
        <NumberField field=CURRENT_QUOTE report form=Form::Calculator/>
        </div>
    }
}

/// Says which price the unused-licence cost uses: the reader's, their plan's list price per
/// seat, or the model's default; with the reader's own price, a link back to the plan's.
#[component]
fn SeatPriceChoice(report: Memo<ScenarioReport>) -> impl IntoView {
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
