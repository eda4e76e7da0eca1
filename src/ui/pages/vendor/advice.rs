//! What the upgrade bundles, constraints, admin reports, the decision table, disagreements
//! between sources, what is not known, and where it all comes from.

use super::sections::GuideSection;
use crate::domain::cost::checks::check_examples;
use crate::domain::vendor::{Tri, Vendor};
use crate::ui::components::layout::Section;
use crate::ui::components::lists::BulletList;
use crate::ui::components::sources::{
    DatasetFacts, DiscrepancyList, ReferenceList, SourceDisagreements, SourceFacts,
};
use leptos::prelude::*;

#[component]
pub fn Bundle(v: Vendor) -> impl IntoView {
    let plan = v.scim.plan.clone().unwrap_or_else(|| "SCIM".into());
    view! {
        <Section id=GuideSection::Bundle.id() title=format!("What the {plan} plan bundles")>
            {v.bundle.note.clone().map(|n| view! { <p class="intro">{n}</p> })}
            <BulletList items=v.bundle.items.clone()/>
        </Section>
    }
}

#[component]
pub fn Constraints(v: Vendor) -> impl IntoView {
    view! {
        <Section id=GuideSection::Constraints.id() title="Constraints and limitations".into()>
            {(!v.constraints.is_empty()).then(|| view! {
                <dl class="constraints">
                    {v.constraints.iter().map(|c| view! {
                        <div class="constraint"><dt>{c.title.clone()}</dt><dd>{c.detail.clone()}</dd></div>
                    }).collect_view()}
                </dl>
            })}
            {(!v.scim.limitations.is_empty()).then(|| view! {
                <h3>"Known limitations of the SCIM implementation"</h3>
                <BulletList items=v.scim.limitations.clone()/>
            })}
        </Section>
    }
}

#[component]
pub fn AdminReports(v: Vendor) -> impl IntoView {
    let a = v.admin_reports;
    view! {
        <Section id=GuideSection::Admins.id() title="What admins report".into()>
            {a.sentiment.map(|s| view! { <p class="intro">{s}</p> })}
            {(!a.themes.is_empty()).then(|| view! { <BulletList items=a.themes.clone()/> })}
            {a.takeaway.map(|t| view! { <p class="takeaway">{t}</p> })}
        </Section>
    }
}

#[component]
pub fn Discrepancies(v: Vendor) -> impl IntoView {
    let recomputed = check_examples(&v)
        .into_iter()
        .filter(|c| c.has_error())
        .count();
    view! {
        <Section id=GuideSection::Discrepancies.id() title="Where the sources disagree".into()>
            <p class="intro">"Sources make mistakes. Where one contradicts itself, another source or plain arithmetic, we show both sides and say what we use."</p>
            {(recomputed > 0).then(|| view! {
                <p class="callout error">
                    {format!("{recomputed} team-size row(s) print figures that do not follow from the stated prices: ")}
                    <a href="#team-sizes">"see the recomputed table"</a>"."
                </p>
            })}
            {(!v.source_disagreements.is_empty()).then(|| view! {
                <SourceDisagreements items=v.source_disagreements.clone()/>
            })}
            <DiscrepancyList items=v.discrepancies.clone()/>
        </Section>
    }
}

/// For partial profiles: the facts a full guide has that this one lacks.
fn unknowns(v: &Vendor) -> Vec<String> {
    let mut out = Vec::new();
    let mut miss = |missing: bool, what: &str| {
        if missing {
            out.push(what.to_string());
        }
    };
    miss(v.scim.plan.is_none(), "Which plan unlocks SCIM");
    miss(v.plans.is_empty(), "Plans and prices");
    miss(
        v.scim.sso_required_first == Tri::Unknown,
        "Whether SSO must be set up before SCIM",
    );
    miss(
        v.idps.is_empty(),
        "Which identity providers sign in and provision",
    );
    miss(v.scim.version.is_none(), "SCIM version and operations");
    miss(v.idp_setup.is_empty(), "Step-by-step IdP configuration");
    miss(!GuideSection::Admins.shown_for(v), "What admins report");
    miss(v.decision.is_empty(), "A decision table");
    if v.is_index() {
        out.push("Whether the prices are still current: check the vendor's pricing page".into());
    }
    out
}

#[component]
pub fn Unknowns(v: Vendor) -> impl IntoView {
    view! {
        <Section id=GuideSection::Unknowns.id() title="Not known".into()>
            <p class="intro">"Our source for this vendor does not say:"</p>
            <BulletList items=unknowns(&v)/>
        </Section>
    }
}

#[component]
pub fn SourceNote(v: Vendor) -> impl IntoView {
    let facts = if v.is_index() {
        view! {
            <DatasetFacts source=v.source.clone()/>
            <p class="note">"The status, plan names and prices come from the dataset; prices were read from its text by SCIM Ledger, and every sentence here is ours. A price we could not read with certainty is shown as written and left out of every figure."</p>
        }
        .into_any()
    } else {
        view! {
            <SourceFacts source=v.source.clone()/>
            <p class="note">"Facts and figures come from the source; all wording is ours. The source's publisher sells an automation service, which we describe as one option among others."</p>
        }
        .into_any()
    };
    view! {
        <Section id=GuideSection::Source.id() title="Source".into()>
            {facts}
            {(!v.references.is_empty()).then(|| view! {
                <ReferenceList
                    heading=if v.is_index() { "The vendor's pricing page" } else { "Other references" }
                    items=v.references.clone()
                />
            })}
        </Section>
    }
}
