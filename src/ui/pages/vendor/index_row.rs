//! "What the SCIM Tax Index says": every fact of the vendor's row in the index's current
//! release, in our words, with the publisher's confidence, dates and links. On a curated
//! profile it also names the facts the row filled in.

use super::sections::GuideSection;
use crate::domain::format;
use crate::domain::vendor::{IndexFacts, IndexPrice, PriceCheck, Tri, Vendor};
use crate::ui::components::badges::TriBadge;
use crate::ui::components::layout::Section;
use crate::ui::components::lists::Fact;
use crate::ui::components::sources::DatedFact;
use leptos::prelude::*;

/// A plan and its price as the index writes them, with the publisher's per-user figure
/// and what we make of the two.
fn plan_price(plan: Option<&str>, p: &IndexPrice) -> Option<String> {
    let plan = plan?;
    // The index often writes the plan's name before its price; it is named once here.
    let written = p
        .text
        .strip_prefix(plan)
        .and_then(|rest| rest.strip_prefix(':'))
        .map_or(p.text.as_str(), str::trim);
    let text = if written.is_empty() {
        "no price given".to_string()
    } else {
        format!("“{written}”")
    };
    let figure = p
        .per_user_month
        .map(|n| format!("; the index's per-user figure: {} a month", format::usd(n)))
        .unwrap_or_default();
    let check = match p.check {
        PriceCheck::Agree => " (text and figure agree)",
        PriceCheck::Contradict => " (text and figure disagree: neither is costed as certain)",
        PriceCheck::TextSaysMore => " (we cost the text; the figure is the index's normalisation)",
        PriceCheck::FigureOnly => " (the text is not machine-readable: not costed)",
        PriceCheck::Unread => " (not machine-readable: shown as written, not costed)",
        PriceCheck::TextOnly | PriceCheck::NoPrice => "",
    };
    Some(format!("{plan}: {text}{figure}{check}"))
}

fn yes_no(v: Tri, yes: &str, no: &str) -> String {
    match v {
        Tri::Yes => yes.into(),
        Tri::No => no.into(),
        Tri::Unknown => "Not documented".into(),
    }
}

#[component]
pub fn IndexRow(v: Vendor, title: String, attribution: Option<String>) -> impl IntoView {
    let Some(f) = v.index.clone() else {
        return ().into_any();
    };
    let f: IndexFacts = *f;
    let sso_tier = match (&f.sso_plan, &f.scim_plan) {
        (Some(sso), Some(scim)) if !sso.eq_ignore_ascii_case(scim) => Some(format!(
            "{sso}: single sign-on without SCIM (SCIM needs {scim})"
        )),
        (Some(sso), _) => Some(sso.clone()),
        _ => None,
    };
    let sso_price = f.sso_price_per_user_month.map(|n| {
        format!(
            "{} per user a month (the index's normalised figure)",
            format::usd(n)
        )
    });
    let previous = Some(match f.status_prev {
        Some(prev) if prev != f.status => format!(
            "{} (the row says it changed to {})",
            prev.label(),
            f.status.label()
        ),
        Some(prev) => format!("{} (unchanged)", prev.label()),
        None => "Not in the previous release (a new row)".into(),
    });
    let ops = f.operations.rows().map(|(name, t)| {
        view! {
            <div class="fact">
                <dt>{name}</dt>
                <dd><TriBadge value=t/></dd>
            </div>
        }
    });
    let idps = f.idps.rows().map(|(idp, route)| {
        let route = route
            .map(|r| r.label().to_string())
            .unwrap_or_else(|| "Not documented".into());
        view! { <Fact term=idp.name() value=Some(route)/> }
    });
    let filled = (!f.filled.is_empty()).then(|| {
        view! {
            <p class="note filled">
                {format!(
                    "Our own profile does not state these facts; they come from this row (verified {}): {}.",
                    crate::ui::dates::words(&f.last_verified),
                    f.filled.join(", ")
                )}
            </p>
        }
    });
    view! {
        <Section id=GuideSection::Index.id() title=format!("What {title} says")>
            <p class="intro">
                {format!("The row for {} in the {} release, fact by fact, in our words. The publisher's confidence in it: ", v.name, f.release)}
                <strong>{f.confidence.label()}</strong>
                {format!(" ({}).", f.confidence.meaning())}
            </p>
            {filled}
            <dl class="facts index-facts">
                <Fact term="Category" value=Some(f.category.clone())/>
                <Fact term="SCIM status" value=Some(f.status.label().to_string())/>
                <Fact term="Plan with SCIM and its price" value=plan_price(f.scim_plan.as_deref(), &f.scim_price).or(Some("None named".into()))/>
                <Fact term="Team plan and its price" value=plan_price(f.team_plan.as_deref(), &f.team_price).or(Some("None named".into()))/>
                <Fact term="SCIM plan's price over the team plan's" value=f.price_multiplier.map(|m| format!("{} times (the index's figure)", format::plain(m)))/>
                <Fact term="Plan with SSO" value=sso_tier.or(Some("Not documented".into()))/>
                <Fact term="SSO plan's price" value=sso_price/>
                <Fact term="SSO must be set up before SCIM" value=Some(yes_no(f.sso_required_for_scim, "Yes", "No"))/>
                <Fact term="SCIM add-on's price" value=f.scim_addon_price.clone().map(|t| format!("“{t}”"))/>
                <Fact term="Seat minimum on the SCIM plan" value=f.min_seats.map(|n| format!("{n} seats"))/>
                <Fact term="Standard SCIM 2.0 endpoint" value=Some(yes_no(f.idps.generic_endpoint, "Yes: any identity provider can call it", "No"))/>
                <Fact term="Status in the previous release" value=previous/>
                <Fact term="Added in release" value=Some(f.first_added.clone())/>
                <DatedFact term="Verified by the index" date=f.last_verified.clone()/>
            </dl>
            <h3>"SCIM operations the vendor documents"</h3>
            <dl class="facts index-ops">{ops.collect_view()}</dl>
            <h3>"How each identity provider reaches it"</h3>
            <dl class="facts index-idps">{idps.collect_view()}</dl>
            <p class="links">
                <a href=f.pricing_url.clone() rel="noopener noreferrer">"Pricing page"</a>
                {f.docs_url.clone().map(|u| view! { " · " <a href=u rel="noopener noreferrer">"Provisioning documentation"</a> })}
                " · "<a href=crate::domain::routes::Route::Sources.path()>"About the index"</a>
            </p>
            {attribution.map(|a| view! { <p class="attribution">{format!("Source: {a}.")}</p> })}
        </Section>
    }
    .into_any()
}
