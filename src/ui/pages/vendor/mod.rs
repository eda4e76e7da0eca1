//! `/vendors/{slug}`: one vendor's guide. It leads with the answer for the reader's team
//! (the calculator's verdict and figures, then what to do), and the reference sections
//! follow behind a contents list that stays in reach. Each section has a stable anchor;
//! sections with nothing to show are left out, and a partial profile says plainly what is
//! not known.

mod advice;
mod alternatives;
mod facts;
mod history;
mod index_row;
mod pricing;
mod sections;
mod setup;

use crate::domain::catalog::Catalog;
use crate::domain::changes::VendorHistory;
use crate::domain::routes::Route;
use crate::domain::vendor::Vendor;
use crate::ui::components::badges::{IndexBadge, PartialBadge};
use crate::ui::components::layout::Section;
use crate::ui::components::link_preview::PageText;
use crate::ui::components::lists::Paragraphs;
use crate::ui::islands::calculator::Calculator;
use crate::ui::islands::decision_helper::DecisionHelper;
use crate::ui::islands::vendor_props::VendorProps;
use crate::ui::pages::not_found::NotFound;
use crate::ui::pages::use_catalog;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use sections::GuideSection;

/// A guide's data: the vendor, whether we hold its API guide, and the title and
/// attribution line of the dataset release its index facts come from, where it has any.
struct GuideData {
    vendor: Vendor,
    has_api_guide: bool,
    index_source: Option<(String, String)>,
    history: Option<VendorHistory>,
    /// Who sells the same kind of product with SCIM for less (where the section shows).
    alternatives: crate::domain::alternatives::Alternatives,
}

fn load(catalog: &Catalog, slug: &str) -> Option<GuideData> {
    let v = catalog.vendor(slug)?;
    Some(GuideData {
        alternatives: crate::domain::alternatives::alternatives(v, &catalog.vendors),
        vendor: v.clone(),
        has_api_guide: catalog.api_guide(slug).is_some(),
        index_source: v
            .index
            .as_ref()
            .and_then(|f| catalog.release(&f.release))
            .map(|d| (d.record.title.clone(), d.record.licence.attribution.clone())),
        history: catalog.history.of(slug).cloned(),
    })
}

#[component]
pub fn VendorPage() -> impl IntoView {
    let slug = use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default();
    match load(&use_catalog(), &slug) {
        Some(data) => view! { <VendorGuide data/> }.into_any(),
        None => view! { <NotFound what="We have no guide for this vendor."/> }.into_any(),
    }
}

/// The calculator for this vendor; its inputs live in the guide's own query string.
#[component]
fn CostSection(v: Vendor) -> impl IntoView {
    let action = Route::Vendor.fill(&[&v.slug]);
    view! {
        <Section id=GuideSection::Cost.id() title="What SCIM costs your team: manual work against the upgrade".into()>
            <Calculator vendor=Some(v) action/>
        </Section>
    }
}

/// The decision helper for this vendor; its answers live in the guide's own query string.
#[component]
fn DecisionSection(v: Vendor, has_api_guide: bool) -> impl IntoView {
    let action = Route::Vendor.fill(&[&v.slug]);
    view! {
        <Section id=GuideSection::Decision.id() title="What to do: upgrade, stay manual or automate another way".into()>
            <p class="intro">"Answer what you know; the row of the decision table that fits is marked, with the figures behind it. Every option is described without a preference for any tool."</p>
            <DecisionHelper vendor=VendorProps::of(&v) action has_api_guide picks_vendor=false/>
        </Section>
    }
}

#[component]
fn VendorGuide(data: GuideData) -> impl IntoView {
    let GuideData {
        vendor: v,
        has_api_guide,
        index_source,
        history,
        alternatives,
    } = data;
    // The reader's team size, as the guide's calculator reads it, for the comparisons.
    let users = crate::ui::islands::address_bar::use_address_bar()
        .with(crate::domain::scenario::parse)
        .0
        .users;
    let (index_title, index_attribution) = match index_source {
        Some((t, a)) => (t, Some(a)),
        None => ("the SCIM Tax Index".to_string(), None),
    };
    let mut toc = GuideSection::of(&v);
    // With one release loaded there is no history to tell.
    toc.retain(|s| *s != GuideSection::History || history.is_some());
    let description = v.summary.first().cloned().unwrap_or_else(|| {
        format!(
            "{}: SCIM and SSO plans, prices and identity providers.",
            v.name
        )
    });
    let api_link = has_api_guide.then(|| {
        let href = Route::ApiGuide.fill(&[&v.slug]);
        view! {
            <p class="callout">
                "Prefer to script it? "
                <A href=href>{format!("Read the {} user-management API guide", v.name)}</A>
                "."
            </p>
        }
    });
    let aka = (!v.also_known_as.is_empty()).then(|| {
        view! { <p class="aka">{format!("Also known as {}", v.also_known_as.join(", "))}</p> }
    });
    let v = StoredValue::new(v);
    let section = move |section: GuideSection| {
        let v = v.get_value();
        match section {
            GuideSection::Summary => view! {
                <Section id=section.id() title="In short".into()>
                    <Paragraphs items=v.summary.iter().skip(1).cloned().collect()/>
                </Section>
            }
            .into_any(),
            GuideSection::Facts => view! { <facts::QuickFacts v/> }.into_any(),
            GuideSection::Index => {
                let (title, attribution) = (index_title.clone(), index_attribution.clone());
                view! { <index_row::IndexRow v title attribution/> }.into_any()
            }
            GuideSection::History => match history.clone() {
                Some(h) => view! { <history::VendorHistorySection h/> }.into_any(),
                None => ().into_any(),
            },
            GuideSection::Idp => view! { <facts::IdpMatrix v/> }.into_any(),
            GuideSection::Pricing => view! { <pricing::PlanTable v/> }.into_any(),
            GuideSection::Costs => view! { <pricing::OtherCosts v/> }.into_any(),
            GuideSection::TeamSizes => view! { <pricing::TeamSizeChecks v/> }.into_any(),
            GuideSection::Cost => view! { <CostSection v/> }.into_any(),
            GuideSection::Bundle => view! { <advice::Bundle v/> }.into_any(),
            GuideSection::Constraints => view! { <advice::Constraints v/> }.into_any(),
            GuideSection::Spec => view! { <facts::TechSpec v/> }.into_any(),
            GuideSection::Setup => view! { <setup::IdpSetupGuide v/> }.into_any(),
            GuideSection::Admins => view! { <advice::AdminReports v/> }.into_any(),
            GuideSection::Decision => view! { <DecisionSection v has_api_guide/> }.into_any(),
            GuideSection::Alternatives => {
                let list = alternatives.clone();
                view! { <alternatives::AlternativesSection v list users/> }.into_any()
            }
            GuideSection::Discrepancies => view! { <advice::Discrepancies v/> }.into_any(),
            GuideSection::Unknowns => view! { <advice::Unknowns v/> }.into_any(),
            GuideSection::Source => view! { <advice::SourceNote v/> }.into_any(),
        }
    };
    let (answer, reference): (Vec<_>, Vec<_>) = toc.iter().partition(|s| s.is_answer());
    let answer = answer.into_iter().map(&section).collect_view();
    let body = reference.into_iter().map(section).collect_view();
    let name = v.with_value(|v| v.name.clone());
    let category = v.with_value(|v| v.category_label().to_string());
    // The header keeps the first paragraph, so the answer below it fits a phone's first
    // screen; the rest opens the reference sections ("In short").
    let summary = v.with_value(|v| v.summary.iter().take(1).cloned().collect::<Vec<_>>());
    let partial = v.with_value(|v| v.is_partial());
    let index = v.with_value(|v| {
        v.is_index()
            .then(|| (v.source.title.clone(), v.source.licence.clone()))
    });
    let disagree = v.with_value(|v| {
        let n = v.source_disagreements.len();
        let by: Vec<String> = v
            .source_disagreements
            .iter()
            .map(|d| d.theirs.source.clone())
            .fold(Vec::new(), |mut acc, s| {
                if !acc.contains(&s) {
                    acc.push(s);
                }
                acc
            });
        (n > 0).then(|| (n, by.join(", ")))
    });
    view! {
        <PageText title=format!("{name}: SCIM and SSO costs") description/>
        <article class="guide">
            <header class="guide-header">
                <p class="crumbs"><A href=Route::Home.path()>"Vendors"</A>" / "{name.clone()}</p>
                <h1>{name.clone()}</h1>
                <p class="category">{category}</p>
                {aka}
                {partial.then(|| view! {
                    <p class="callout partial-note">
                        <PartialBadge/>
                        " We know this vendor only from a short summary on another vendor's page. "
                        "Everything below is what that summary states; the rest is marked as not known."
                    </p>
                })}
                {index.map(|(title, licence)| view! {
                    <p class="callout partial-note index-note">
                        <IndexBadge/>
                        {format!(" Everything on this page comes from one row of {title}, a public dataset; we have not checked it ourselves. ")}
                        "What the row does not say is listed under "<a href="#unknowns">"Not known"</a>"."
                        {licence.map(|l| view! { <span class="attribution">{format!(" Source: {}.", l.attribution)}</span> })}
                    </p>
                })}
                {disagree.map(|(n, by)| view! {
                    <p class="callout sources-disagree">
                        <strong>"Sources disagree. "</strong>
                        {format!("{by} differs from this profile on {n} fact(s); both are shown under ")}
                        <a href="#discrepancies">"Where the sources disagree"</a>"."
                    </p>
                })}
                <div class="summary"><Paragraphs items=summary/></div>
                {api_link}
            </header>
            <div class="answer-first">{answer}</div>
            <nav class="toc" id="contents" aria-label="On this page">
                <h2>"On this page"</h2>
                <ol>
                    {toc.iter().map(|s| view! {
                        <li><a href=format!("#{}", s.id())>{s.label()}</a></li>
                    }).collect_view()}
                </ol>
            </nav>
            <div class="sections">{body}</div>
            // On a narrow screen the contents sit above the reference sections; this keeps
            // them one tap away from anywhere below (style/main.css shows it there only).
            <a class="to-contents no-print" href="#contents">"Contents ↑"</a>
        </article>
    }
}
