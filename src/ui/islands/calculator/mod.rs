//! The cost calculator, shared by `/calculator` and each guide's `#cost` section.
//!
//! The URL is the state: every figure is computed from the query string. Without
//! JavaScript the form is a plain GET form; with it, every input replaces the URL in place
//! (no reload, no history entry) and the figures follow.

mod figures;
mod form;

use crate::domain::format;
use crate::domain::report::{evaluate, headline, ScenarioReport};
use crate::domain::scenario::{self, Scenario};
use crate::domain::vendor::Vendor;
use crate::ui::components::link_preview::PageText;
use crate::ui::http_status::bad_input_when;
use crate::ui::islands::address_bar::use_address_bar;
use crate::ui::islands::vendor_props::VendorProps;
use figures::{
    ChartFigure, ManualCostTable, ShareLink, UpgradeCostTable, VerdictAnnouncement, VerdictPanel,
};
use form::ScenarioForm;
use leptos::prelude::*;

/// The scenario and report for the current URL, recomputed whenever the query changes.
pub fn use_report(vendor: Option<Vendor>) -> (Memo<ScenarioReport>, StoredValue<Option<Vendor>>) {
    let query = use_address_bar();
    let vendor = StoredValue::new(vendor);
    let report = Memo::new(move |_| {
        let (mut s, issues) = query.with(scenario::parse);
        // Inside a guide the vendor is the page's, whatever the query says.
        if let Some(v) = vendor.with_value(|v| v.as_ref().map(|v| v.slug.clone())) {
            s.vendor = Some(v);
        }
        vendor.with_value(|v| evaluate(v.as_ref(), s, issues))
    });
    (report, vendor)
}

/// The calculator with, on its own page, the title and link-preview tags of the scenario
/// the URL opens (set on the server; they describe the link as it was shared).
#[component]
pub fn Calculator(
    /// The vendor being costed; `None` on `/calculator` before one is chosen.
    vendor: Option<Vendor>,
    /// The page picks its vendor (`/calculator`, with a vendor picker beside the form);
    /// false inside a guide, where the vendor is the guide's.
    #[prop(optional)]
    picks_vendor: bool,
    /// Where the GET form submits (the page's own path).
    action: String,
    /// Set the page title and link-preview tags from the scenario.
    #[prop(optional)]
    meta: bool,
) -> impl IntoView {
    let tags = meta.then(|| {
        let (report, stored) = use_report(vendor.clone());
        let name = stored.with_value(|v| v.as_ref().map(|v| v.name.clone()));
        let (title, description) = report.with_untracked(|r| {
            let title = match &name {
                Some(n) => format!(
                    "{n} at {} people: SCIM cost",
                    format::group_thousands(r.scenario.users as u64)
                ),
                None => "SCIM cost calculator".to_string(),
            };
            (title, headline(r, name.as_deref()))
        });
        view! {
            <PageText title description/>
        }
        .into_any()
    });
    let vendor = vendor.as_ref().map(VendorProps::of);
    view! {
        {tags}
        <CalculatorIsland vendor picks_vendor action/>
    }
}

/// The interactive part: an island, hydrated on its own in the browser.
#[island]
pub fn CalculatorIsland(
    vendor: Option<VendorProps>,
    picks_vendor: bool,
    action: String,
) -> impl IntoView {
    let (report, vendor) = use_report(vendor.map(VendorProps::into_vendor));
    bad_input_when(report.with_untracked(|r| !r.issues.is_empty()));
    let svg = chart_signal(report, vendor);
    view! {
        // The answer comes before the inputs in the document, so a phone shows it first;
        // on a wide screen the grid puts it beside the form (style/main.css).
        <div class="calculator">
            <div class="answer">
                <VerdictAnnouncement report/>
                <VerdictPanel report vendor action=action.clone()/>
            </div>
            <ScenarioForm report vendor picks_vendor action/>
            <div class="results">
                <ManualCostTable report/>
                <UpgradeCostTable report vendor/>
                <ChartFigure report svg vendor/>
                <ShareLink report/>
            </div>
        </div>
    }
}

/// The chart, drawn on the server: the page arrives with it, and in the browser each new
/// scenario fetches its chart from `/chart.svg` (`server::chart_svg`). The drawing code
/// (plotters) stays out of the wasm bundle.
fn chart_signal(
    report: Memo<ScenarioReport>,
    vendor: StoredValue<Option<Vendor>>,
) -> RwSignal<String> {
    #[cfg(feature = "ssr")]
    let first = report.with_untracked(|r| {
        vendor.with_value(|v| crate::render::chart::report_chart(v.as_ref(), r))
    });
    // Hydration keeps the server's SVG in place; the empty value is never drawn. The
    // browser asks for a new chart by the scenario's query, which names the vendor.
    #[cfg(not(feature = "ssr"))]
    let first = {
        let _ = vendor;
        String::new()
    };
    let svg = RwSignal::new(first);
    #[cfg(feature = "hydrate")]
    {
        Effect::new(move |previous: Option<String>| {
            let query = report.with(|r| r.scenario.to_query());
            if previous.is_some_and(|p| p != query) {
                let wanted = query.clone();
                leptos::task::spawn_local(async move {
                    let path = crate::domain::routes::Route::ChartSvg.link(&[], &wanted);
                    let answer = crate::ui::islands::browser_fetch::fetch(&path, None).await;
                    // A slow answer for an older scenario must not replace a newer chart.
                    if let Some(a) = answer.ok().filter(|a| a.ok) {
                        if report.with_untracked(|r| r.scenario.to_query()) == wanted {
                            svg.set(a.text);
                        }
                    }
                });
            }
            query
        });
    }
    svg
}

/// The canonical query of a report's scenario (used by links that change one input).
pub fn query_with(s: &Scenario, change: impl FnOnce(&mut Scenario)) -> String {
    let mut s = s.clone();
    change(&mut s);
    s.to_query()
}
