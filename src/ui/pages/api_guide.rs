//! `/vendors/{slug}/api`: the vendor's user-management API, for teams that script it.

use crate::domain::api_guide::{
    ApiAuth, ApiGeneration, ApiGuide, ApiQuickFacts, ApiScim, Endpoint, Events, Pagination,
    Pitfall, RateLimits, Scope, UserField, Walkthrough,
};
use crate::domain::catalog::Catalog;
use crate::domain::routes::Route;
use crate::ui::components::badges::TriBadge;
use crate::ui::components::layout::Section;
use crate::ui::components::link_preview::PageText;
use crate::ui::components::lists::{BulletList, Fact, Paragraphs, StepList};
use crate::ui::components::sources::{DiscrepancyList, ReferenceList, SourceFacts};
use crate::ui::pages::not_found::NotFound;
use crate::ui::pages::use_catalog;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// A vendor's API guide and the vendor's name.
struct ApiGuideData {
    guide: ApiGuide,
    vendor_name: String,
}

fn load(catalog: &Catalog, slug: &str) -> Option<ApiGuideData> {
    Some(ApiGuideData {
        guide: catalog.api_guide(slug)?.clone(),
        vendor_name: catalog.vendor(slug)?.name.clone(),
    })
}

#[component]
pub fn ApiGuidePage() -> impl IntoView {
    let slug = use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default();
    match load(&use_catalog(), &slug) {
        Some(data) => view! { <ApiGuideView data/> }.into_any(),
        None => view! { <NotFound what="We have no API guide for this vendor."/> }.into_any(),
    }
}

fn endpoint_id(e: &Endpoint) -> String {
    let slug: String = e
        .name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("endpoint-{slug}")
}

#[component]
fn EndpointBlock(e: Endpoint) -> impl IntoView {
    let id = endpoint_id(&e);
    view! {
        <div class="endpoint" id=id.clone()>
            <h3><a class="anchor" href=format!("#{id}")>{e.name.clone()}</a></h3>
            <p class="endpoint-line"><code class="method">{e.method.clone()}</code>" "<code class="url">{e.url.clone()}</code></p>
            <p><span class="label">"Watch out: "</span>{e.watch_out.clone()}</p>
            {e.request.clone().map(|r| view! { <details><summary>"Request example"</summary><pre><code>{r}</code></pre></details> })}
            {e.response.clone().map(|r| view! { <details><summary>"Response example"</summary><pre><code>{r}</code></pre></details> })}
        </div>
    }
}

#[component]
fn WalkthroughBlock(s: Walkthrough) -> impl IntoView {
    let id = format!("scenario-{}", s.id);
    view! {
        <div class="scenario" id=id.clone()>
            <h3><a class="anchor" href=format!("#{id}")>{s.title.clone()}</a></h3>
            {s.context.clone().map(|c| view! { <p>{c}</p> })}
            <StepList items=s.steps.clone()/>
            <p class="warning"><span class="label">"Watch out: "</span>{s.watch_out.clone()}</p>
        </div>
    }
}

/// The sections in page order, as (anchor, title); those with nothing to show are left out,
/// so the table of contents lists only what the page has.
fn sections(g: &ApiGuide) -> Vec<(&'static str, &'static str)> {
    [
        ("facts", "Quick reference", true),
        ("generations", "API generations", !g.generations.is_empty()),
        ("auth", "Authentication", true),
        ("scopes", "Scopes", !g.scopes.is_empty()),
        ("user-object", "User object", !g.user_fields.is_empty()),
        ("endpoints", "Endpoints", !g.endpoints.is_empty()),
        ("rate-limits", "Rate limits", true),
        ("pagination", "Pagination", true),
        ("events", "Webhooks and events", true),
        ("scim", "SCIM endpoint", true),
        (
            "scenarios",
            "Scenarios, step by step",
            !g.scenarios.is_empty(),
        ),
        ("pitfalls", "Pitfalls", !g.pitfalls.is_empty()),
        (
            "discrepancies",
            "Where the sources disagree",
            !g.discrepancies.is_empty(),
        ),
        ("source", "Source", true),
    ]
    .into_iter()
    .filter(|(_, _, shown)| *shown)
    .map(|(id, title, _)| (id, title))
    .collect()
}

#[component]
fn ApiGuideView(data: ApiGuideData) -> impl IntoView {
    let ApiGuideData {
        guide: g,
        vendor_name,
    } = data;
    let shown = sections(&g);
    let has = |id: &str| shown.iter().any(|(s, _)| *s == id);
    let title_of = |id: &str| {
        shown
            .iter()
            .find(|(s, _)| *s == id)
            .map(|(_, t)| t.to_string())
            .unwrap_or_default()
    };
    let description = g.summary.first().cloned().unwrap_or_default();
    let vendor = g.vendor.clone();
    let back = format!("Back to the {vendor_name} SCIM guide");
    view! {
        <PageText title=g.title.clone() description/>
        <article class="guide api-guide">
            <header class="guide-header">
                <p class="crumbs">
                    <A href=Route::Home.path()>"Vendors"</A>" / "
                    <A href=Route::Vendor.fill(&[&vendor])>{vendor_name}</A>" / API"
                </p>
                <h1>{g.title.clone()}</h1>
                <div class="summary"><Paragraphs items=g.summary.clone()/></div>
                <p class="callout">
                    <A href=Route::Vendor.fill(&[&vendor])>{back}</A>
                    " for plans, prices and IdP set-up."
                </p>
            </header>
            <nav class="toc" aria-label="On this page">
                <h2>"On this page"</h2>
                <ol>{shown.iter().map(|(id, label)| view! { <li><a href=format!("#{id}")>{*label}</a></li> }).collect_view()}</ol>
            </nav>
            <div class="sections">
                <Section id="facts" title=title_of("facts")><QuickReference q=g.quick_facts/></Section>
                {has("generations").then(|| view! {
                    <Section id="generations" title=title_of("generations")>
                        <Generations items=g.generations telling_apart=g.telling_apart/>
                    </Section>
                })}
                <Section id="auth" title=title_of("auth")><Authentication auth=g.auth/></Section>
                {has("scopes").then(|| view! { <Section id="scopes" title=title_of("scopes")><Scopes items=g.scopes/></Section> })}
                {has("user-object").then(|| view! { <Section id="user-object" title=title_of("user-object")><UserObject fields=g.user_fields/></Section> })}
                {has("endpoints").then(|| view! {
                    <Section id="endpoints" title=title_of("endpoints")>
                        {g.endpoints.into_iter().map(|e| view! { <EndpointBlock e/> }).collect_view()}
                    </Section>
                })}
                <Section id="rate-limits" title=title_of("rate-limits")><RateLimitFacts rl=g.rate_limits/></Section>
                <Section id="pagination" title=title_of("pagination")><PaginationFacts pg=g.pagination/></Section>
                <Section id="events" title=title_of("events")><EventFacts events=g.events/></Section>
                <Section id="scim" title=title_of("scim")><ScimEndpoint scim=g.scim/></Section>
                {has("scenarios").then(|| view! {
                    <Section id="scenarios" title=title_of("scenarios")>
                        {g.scenarios.into_iter().map(|s| view! { <WalkthroughBlock s/> }).collect_view()}
                    </Section>
                })}
                {has("pitfalls").then(|| view! { <Section id="pitfalls" title=title_of("pitfalls")><Pitfalls items=g.pitfalls/></Section> })}
                {has("discrepancies").then(|| view! { <Section id="discrepancies" title=title_of("discrepancies")><DiscrepancyList items=g.discrepancies/></Section> })}
                <Section id="source" title=title_of("source")>
                    <SourceFacts source=g.source/>
                    {(!g.references.is_empty()).then(|| view! { <ReferenceList heading="Other references" items=g.references/> })}
                </Section>
            </div>
        </article>
    }
}

#[component]
fn QuickReference(q: ApiQuickFacts) -> impl IntoView {
    view! {
        <dl class="facts">
            <div class="fact"><dt>"User API"</dt><dd><TriBadge value=q.has_user_api/></dd></div>
            <Fact term="Authentication" value=Some(q.auth_method)/>
            <Fact term="Base URL" value=Some(q.base_url)/>
            <div class="fact"><dt>"SCIM available"</dt><dd><TriBadge value=q.scim_available/></dd></div>
            <Fact term="Plan required for SCIM" value=q.scim_plan/>
        </dl>
    }
}

#[component]
fn Generations(items: Vec<ApiGeneration>, telling_apart: Vec<String>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="cards">
                <thead><tr><th scope="col">"Generation"</th><th scope="col">"Authentication"</th><th scope="col">"Request style"</th><th scope="col">"Notes"</th></tr></thead>
                <tbody>
                    {items.into_iter().map(|gen| view! {
                        <tr>
                            <th scope="row" data-label="Generation">{gen.name}</th>
                            <td data-label="Authentication">{gen.auth}</td>
                            <td data-label="Request style">{gen.request_style}</td>
                            <td data-label="Notes">{gen.notes.join(" ")}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(!telling_apart.is_empty()).then(|| view! { <h3>"How to tell them apart"</h3><BulletList items=telling_apart/> })}
    }
}

#[component]
fn Authentication(auth: ApiAuth) -> impl IntoView {
    let about = if auth.token_lifetime_approx {
        "about "
    } else {
        ""
    };
    let lifetime = auth
        .token_lifetime_minutes
        .map(|m| format!("{about}{m} minutes"));
    view! {
        <dl class="facts">
            <Fact term="Method" value=Some(auth.method)/>
            <Fact term="Token endpoint" value=auth.token_url/>
            <Fact term="Token lifetime" value=lifetime/>
            <Fact term="Regions" value=(!auth.regions.is_empty()).then(|| auth.regions.join(", "))/>
        </dl>
        {(!auth.setup_steps.is_empty()).then(|| view! { <h3>"Set-up steps"</h3><StepList items=auth.setup_steps/> })}
        {(!auth.notes.is_empty()).then(|| view! { <BulletList items=auth.notes/> })}
    }
}

#[component]
fn Scopes(items: Vec<Scope>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="cards">
                <thead><tr><th scope="col">"Scope"</th><th scope="col">"Grants"</th><th scope="col">"Needed for"</th></tr></thead>
                <tbody>
                    {items.into_iter().map(|s| view! {
                        <tr><th scope="row" data-label="Scope"><code>{s.name}</code></th><td data-label="Grants">{s.grants}</td><td data-label="Needed for">{s.needed_for}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn UserObject(fields: Vec<UserField>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="cards">
                <thead><tr><th scope="col">"Field"</th><th scope="col">"Type"</th><th scope="col">"Meaning"</th><th scope="col">"On create"</th><th scope="col">"On update"</th><th scope="col">"Notes"</th></tr></thead>
                <tbody>
                    {fields.into_iter().map(|f| view! {
                        <tr>
                            <th scope="row" data-label="Field"><code>{f.name}</code></th>
                            <td data-label="Type">{f.ty}</td>
                            <td data-label="Meaning">{f.meaning}</td>
                            <td data-label="On create">{f.on_create.label()}</td>
                            <td data-label="On update">{f.on_update.label()}</td>
                            <td data-label="Notes">{f.notes.unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn RateLimitFacts(rl: RateLimits) -> impl IntoView {
    view! {
        <p>{rl.summary}</p>
        <dl class="facts">
            <Fact term="Status when limited" value=rl.status_when_limited.map(|s| s.to_string())/>
            <Fact term="Headers" value=(!rl.headers.is_empty()).then(|| rl.headers.join(", "))/>
            <div class="fact"><dt>"Retry-After header"</dt><dd><TriBadge value=rl.retry_after/></dd></div>
            <Fact term="Advice" value=rl.advice/>
        </dl>
        {(!rl.per_plan.is_empty()).then(|| view! {
            <table class="checks">
                <thead><tr><th scope="col">"Plan"</th><th scope="col">"Limit"</th><th scope="col">"Concurrent requests"</th></tr></thead>
                <tbody>
                    {rl.per_plan.into_iter().map(|p| view! {
                        <tr><th scope="row">{p.plan}</th><td>{p.limit}</td><td>{p.concurrent.unwrap_or_else(|| "Not stated".into())}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
    }
}

#[component]
fn PaginationFacts(pg: Pagination) -> impl IntoView {
    view! {
        <dl class="facts">
            <Fact term="Method" value=Some(pg.method)/>
            <Fact term="Cursor parameter" value=pg.cursor_param/>
            <Fact term="Default page size" value=pg.default_page_size.map(|n| n.to_string())/>
            <Fact term="Maximum page size" value=pg.max_page_size.map(|n| n.to_string())/>
        </dl>
    }
}

#[component]
fn EventFacts(events: Events) -> impl IntoView {
    view! {
        <dl class="facts">
            <div class="fact"><dt>"Webhooks"</dt><dd><TriBadge value=events.webhooks/></dd></div>
        </dl>
        <p>{events.notes}</p>
        <p><span class="label">"Instead: "</span>{events.alternative}</p>
    }
}

#[component]
fn ScimEndpoint(scim: ApiScim) -> impl IntoView {
    view! {
        <dl class="facts">
            <div class="fact"><dt>"Available"</dt><dd><TriBadge value=scim.available/></dd></div>
            <Fact term="Version" value=scim.version/>
            <Fact term="Plan required" value=scim.plan/>
            <Fact term="Endpoint" value=scim.endpoint/>
        </dl>
        {(!scim.operations.is_empty()).then(|| view! {
            <h3>"Operations"</h3>
            <ul class="ops">{scim.operations.into_iter().map(|o| view! { <li><code>{o}</code></li> }).collect_view()}</ul>
        })}
        {(!scim.limitations.is_empty()).then(|| view! { <h3>"Limitations"</h3><BulletList items=scim.limitations/> })}
    }
}

#[component]
fn Pitfalls(items: Vec<Pitfall>) -> impl IntoView {
    view! {
        <dl class="constraints">
            {items.into_iter().map(|p| view! { <div class="constraint"><dt>{p.title}</dt><dd>{p.detail}</dd></div> }).collect_view()}
        </dl>
    }
}
