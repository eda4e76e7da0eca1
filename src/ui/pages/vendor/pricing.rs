//! Plans and prices, other cost facts, and the source's team-size figures recomputed.

use super::sections::GuideSection;
use crate::domain::cost::checks::{check_examples, Agreement, CheckedFigure, ExampleCheck};
use crate::domain::cost::PriceSource;
use crate::domain::format;
use crate::domain::vendor::Vendor;
use crate::ui::components::badges::TriBadge;
use crate::ui::components::layout::Section;
use crate::ui::components::lists::BulletList;
use leptos::prelude::*;

#[component]
pub fn PlanTable(v: Vendor) -> impl IntoView {
    let scim_plan = v.scim.plan.clone();
    let rows = v
        .plans
        .iter()
        .map(|p| {
            let is_scim_plan = scim_plan.as_deref() == Some(p.name.as_str());
            let basis = format::price_basis(&p.price).map(|b| format!("Reported figure: {}.", b.trim_end_matches('.')));
            let scope = p.price.scope().map(|s| format!("The source gives this price for {}; at other sizes the calculator asks for your quote.", format::scope(&s)));
            let seats = p.min_seats.map(|n| format!("Minimum {n} seats."));
            let notes: Vec<String> = [basis, scope, seats, p.note.clone()].into_iter().flatten().collect();
            view! {
                <tr data-plan=p.name.clone() class:highlight=is_scim_plan>
                    <th scope="row" data-label="Plan">
                        {p.name.clone()}
                        {is_scim_plan.then(|| view! { <span class="badge yes small">"Unlocks SCIM"</span> })}
                    </th>
                    <td data-label="Price">{format::price(&p.price)}</td>
                    <td data-label="SSO"><TriBadge value=p.sso/></td>
                    <td data-label="SCIM"><TriBadge value=p.scim/></td>
                    <td data-label="Notes">{notes.join(" ")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Section id=GuideSection::Pricing.id() title="Plans and prices".into()>
            <p class="intro">"Prices as the source states them. A range stays a range and “+” means “or more”: nothing here is a midpoint."</p>
            <div class="table-wrap">
                <table class="cards">
                    <thead>
                        <tr>
                            <th scope="col">"Plan"</th>
                            <th scope="col">"Price"</th>
                            <th scope="col">"SSO"</th>
                            <th scope="col">"SCIM"</th>
                            <th scope="col">"Notes"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {(!v.pricing_notes.is_empty()).then(|| view! { <BulletList items=v.pricing_notes.clone()/> })}
        </Section>
    }
}

#[component]
pub fn OtherCosts(v: Vendor) -> impl IntoView {
    let c = v.costs;
    let fee = c.implementation_fee.as_ref().map(|f| {
        let s = format::span(&crate::domain::cost::Span::of_figure(f));
        view! { <div class="fact"><dt>"Implementation fee (one-off)"</dt><dd>{s}</dd></div> }
    });
    let renewal = c.renewal_increase_pct.as_ref().map(|r| {
        let text = if r.low == r.high {
            format!("{}% a year", r.low)
        } else {
            format!("{}–{}% a year", r.low, r.high)
        };
        view! { <div class="fact"><dt>"Typical renewal increase"</dt><dd>{text}</dd></div> }
    });
    view! {
        <Section id=GuideSection::Costs.id() title="Other costs".into()>
            {(fee.is_some() || renewal.is_some()).then(|| view! { <dl class="facts">{fee}{renewal}</dl> })}
            {(!c.contract_terms.is_empty()).then(|| view! {
                <h3>"Contract terms"</h3>
                <BulletList items=c.contract_terms.clone()/>
            })}
            {(!c.notes.is_empty()).then(|| view! { <BulletList items=c.notes.clone()/> })}
        </Section>
    }
}

fn verdict_text(f: &CheckedFigure) -> (String, &'static str) {
    match &f.agreement {
        Agreement::Agrees => ("Agrees".into(), "ok"),
        Agreement::Differs { ratio: Some(r) } => (
            format!(
                "Does not add up: {} the recomputed figure",
                format::times(*r)
            ),
            "bad",
        ),
        Agreement::Differs { ratio: None } => ("Does not add up".into(), "bad"),
        Agreement::Unverifiable(why) => (format!("Cannot be checked: {why}"), "na"),
    }
}

fn printed(f: &CheckedFigure) -> String {
    let c = &f.printed;
    let tilde = if c.approx { "~" } else { "" };
    let plus = if c.or_more { "+" } else { "" };
    let sign = if c.amount > 0.0 && f.label.contains("increase") {
        "+"
    } else {
        ""
    };
    format!("{tilde}{sign}{}{plus}", format::usd_whole(c.amount))
}

fn target_label(c: &ExampleCheck) -> &'static str {
    match c.target_source {
        Some(PriceSource::Assumed) => "the figure the source assumes for this row",
        Some(PriceSource::ListPrice) => "the plan's stated price",
        Some(PriceSource::Estimate) => "the reported estimate",
        // A reader's quote never costs a source's table.
        Some(PriceSource::YourQuote) | None => "not known",
    }
}

#[component]
fn ExampleRow(check: ExampleCheck) -> impl IntoView {
    let users = format!(
        "{}{} users",
        check.users,
        if check.users_or_more { "+" } else { "" }
    );
    let current = check.current_annual.as_ref().map(format::span);
    let target = check.target_annual.as_ref().map(format::span);
    let increase = check.increase_annual.as_ref().map(format::change);
    let from = check.from_plan.clone();
    let basis = target_label(&check);
    view! {
        <div class="example" data-users=check.users class:has-error=check.has_error()>
            <h3>{format!("{users}: {} → {}", from.clone().unwrap_or_else(|| "any plan".into()), check.to_plan)}</h3>
            <dl class="facts">
                {from.map(|f| view! {
                    <div class="fact"><dt>{format!("{f} per year (recomputed)")}</dt><dd>{current.unwrap_or_else(|| "Not known".into())}</dd></div>
                })}
                <div class="fact">
                    <dt>{format!("{} per year", check.to_plan)}</dt>
                    <dd>{target.unwrap_or_else(|| "Not known".into())}<span class="sub">{format!("from {basis}")}</span></dd>
                </div>
                {increase.map(|i| view! {
                    <div class="fact"><dt>"Change per year (recomputed)"</dt><dd>{i}</dd></div>
                })}
            </dl>
            {(!check.figures.is_empty()).then(|| view! {
                <table class="checks">
                    <thead><tr><th scope="col">"Figure"</th><th scope="col">"Source prints"</th><th scope="col">"We get"</th><th scope="col">"Check"</th></tr></thead>
                    <tbody>
                        {check.figures.iter().map(|f| {
                            let (text, class) = verdict_text(f);
                            let ours = f.recomputed.as_ref().map(|s| if f.label.contains("increase") { format::change(s) } else { format::span(s) }).unwrap_or_else(|| "—".into());
                            view! {
                                <tr>
                                    <th scope="row">{f.label.clone()}</th>
                                    <td>{printed(f)}</td>
                                    <td>{ours}</td>
                                    <td class=format!("verdict {class}")>{text}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            {check.warnings.iter().map(|w| view! { <p class="warning">{w.clone()}</p> }).collect_view()}
        </div>
    }
}

#[component]
pub fn TeamSizeChecks(v: Vendor) -> impl IntoView {
    let checks = check_examples(&v);
    let errors = checks.iter().filter(|c| c.has_error()).count();
    let summary = if errors == 0 {
        "Every figure the source prints that can be checked agrees with its stated prices."
            .to_string()
    } else {
        format!(
            "{errors} of {} rows print a figure that does not follow from the source's own prices. Ours are recomputed from the plan prices above.",
            checks.len()
        )
    };
    let summary_class = if errors > 0 {
        "callout error"
    } else {
        "callout"
    };
    view! {
        <Section id=GuideSection::TeamSizes.id() title="Team-size figures, recomputed".into()>
            <p class="intro">"The source prints these upgrade figures for a few team sizes. We recompute each from the plan prices and compare."</p>
            <p class=summary_class>{summary}</p>
            {checks.into_iter().map(|check| view! { <ExampleRow check/> }).collect_view()}
        </Section>
    }
}
