//! `/vendors/{slug}/api`: the vendor's user-management API, for teams that script it.

use crate::domain::api_guide::{ApiGuide, Endpoint, Walkthrough};
use crate::ui::components::badges::TriBadge;
use crate::ui::components::layout::{LoadError, Loading, Section};
use crate::ui::components::lists::{BulletList, Fact, Paragraphs, StepList};
use crate::ui::components::sources::{DiscrepancyList, SourceFacts};
use crate::ui::pages::not_found::NotFound;
use crate::ui::server_fns::{get_api_guide, ApiGuideData};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ApiGuidePage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let guide = Resource::new(slug, get_api_guide);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match guide.await {
                    Ok(Some(data)) => view! { <ApiGuideView data/> }.into_any(),
                    Ok(None) => view! { <NotFound what="We have no API guide for this vendor."/> }.into_any(),
                    Err(e) => view! { <LoadError error=e.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

const TOC: [(&str, &str); 14] = [
    ("facts", "Quick reference"),
    ("generations", "Two API generations"),
    ("auth", "Authentication"),
    ("scopes", "Scopes"),
    ("user-object", "User object"),
    ("endpoints", "Endpoints"),
    ("rate-limits", "Rate limits"),
    ("pagination", "Pagination"),
    ("events", "Webhooks and events"),
    ("scim", "SCIM endpoint"),
    ("scenarios", "Scenarios"),
    ("pitfalls", "Pitfalls"),
    ("discrepancies", "Where sources disagree"),
    ("source", "Source"),
];

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

#[component]
fn ApiGuideView(data: ApiGuideData) -> impl IntoView {
    let ApiGuideData {
        guide: g,
        vendor_name,
    } = data;
    let ApiGuide {
        vendor,
        title,
        source,
        summary,
        quick_facts: q,
        generations,
        telling_apart,
        auth,
        scopes,
        user_fields,
        endpoints,
        rate_limits: rl,
        pagination: pg,
        events,
        scim,
        scenarios,
        pitfalls,
        discrepancies,
    } = g;
    let crumb_name = vendor_name.clone();
    let description = summary.first().cloned().unwrap_or_default();
    let lifetime = auth.token_lifetime_minutes.map(|m| {
        format!(
            "{}{m} minutes",
            if auth.token_lifetime_approx {
                "about "
            } else {
                ""
            }
        )
    });
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=description/>
        <article class="guide api-guide">
            <header class="guide-header">
                <p class="crumbs">
                    <A href="/">"Vendors"</A>" / "
                    <A href=format!("/vendors/{vendor}")>{crumb_name}</A>" / API"
                </p>
                <h1>{title.clone()}</h1>
                <div class="summary"><Paragraphs items=summary/></div>
                <p class="callout">
                    <A href=format!("/vendors/{vendor}")>{format!("Back to the {} SCIM guide", vendor_name.clone())}</A>
                    " for plans, prices and IdP set-up."
                </p>
            </header>
            <nav class="toc" aria-label="On this page">
                <h2>"On this page"</h2>
                <ol>{TOC.iter().map(|(id, label)| view! { <li><a href=format!("#{id}")>{*label}</a></li> }).collect_view()}</ol>
            </nav>
            <div class="sections">
                <Section id="facts" title="Quick reference".into()>
                    <dl class="facts">
                        <div class="fact"><dt>"User API"</dt><dd><TriBadge value=q.has_user_api/></dd></div>
                        <Fact term="Authentication" value=Some(q.auth_method.clone())/>
                        <Fact term="Base URL" value=Some(q.base_url.clone())/>
                        <div class="fact"><dt>"SCIM available"</dt><dd><TriBadge value=q.scim_available/></dd></div>
                        <Fact term="Plan required for SCIM" value=q.scim_plan.clone()/>
                    </dl>
                </Section>
                <Section id="generations" title="Two API generations".into()>
                    <div class="table-wrap">
                        <table class="cards">
                            <thead><tr><th scope="col">"Generation"</th><th scope="col">"Authentication"</th><th scope="col">"Request style"</th><th scope="col">"Notes"</th></tr></thead>
                            <tbody>
                                {generations.into_iter().map(|gen| view! {
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
                    {(!telling_apart.is_empty()).then(|| view! { <h3>"How to tell them apart"</h3><BulletList items=telling_apart.clone()/> })}
                </Section>
                <Section id="auth" title="Authentication".into()>
                    <dl class="facts">
                        <Fact term="Method" value=Some(auth.method.clone())/>
                        <Fact term="Token endpoint" value=auth.token_url.clone()/>
                        <Fact term="Token lifetime" value=lifetime/>
                        <Fact term="Regions" value=(!auth.regions.is_empty()).then(|| auth.regions.join(", "))/>
                    </dl>
                    {(!auth.setup_steps.is_empty()).then(|| view! { <h3>"Set-up steps"</h3><StepList items=auth.setup_steps.clone()/> })}
                    {(!auth.notes.is_empty()).then(|| view! { <BulletList items=auth.notes.clone()/> })}
                </Section>
                <Section id="scopes" title="Scopes".into()>
                    <div class="table-wrap">
                        <table class="cards">
                            <thead><tr><th scope="col">"Scope"</th><th scope="col">"Grants"</th><th scope="col">"Needed for"</th></tr></thead>
                            <tbody>
                                {scopes.into_iter().map(|s| view! {
                                    <tr><th scope="row" data-label="Scope"><code>{s.name}</code></th><td data-label="Grants">{s.grants}</td><td data-label="Needed for">{s.needed_for}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </Section>
                <Section id="user-object" title="User object".into()>
                    <div class="table-wrap">
                        <table class="cards">
                            <thead><tr><th scope="col">"Field"</th><th scope="col">"Type"</th><th scope="col">"Meaning"</th><th scope="col">"On create"</th><th scope="col">"On update"</th><th scope="col">"Notes"</th></tr></thead>
                            <tbody>
                                {user_fields.into_iter().map(|f| view! {
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
                </Section>
                <Section id="endpoints" title="Endpoints".into()>
                    {endpoints.into_iter().map(|e| view! { <EndpointBlock e/> }).collect_view()}
                </Section>
                <Section id="rate-limits" title="Rate limits".into()>
                    <p>{rl.summary.clone()}</p>
                    <dl class="facts">
                        <Fact term="Status when limited" value=rl.status_when_limited.map(|s| s.to_string())/>
                        <Fact term="Headers" value=(!rl.headers.is_empty()).then(|| rl.headers.join(", "))/>
                        <div class="fact"><dt>"Retry-After header"</dt><dd><TriBadge value=rl.retry_after/></dd></div>
                        <Fact term="Advice" value=rl.advice.clone()/>
                    </dl>
                    {(!rl.per_plan.is_empty()).then(|| view! {
                        <table class="checks">
                            <thead><tr><th scope="col">"Plan"</th><th scope="col">"Limit"</th><th scope="col">"Concurrent requests"</th></tr></thead>
                            <tbody>
                                {rl.per_plan.iter().map(|p| view! {
                                    <tr><th scope="row">{p.plan.clone()}</th><td>{p.limit.clone()}</td><td>{p.concurrent.clone().unwrap_or_else(|| "Not stated".into())}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    })}
                </Section>
                <Section id="pagination" title="Pagination".into()>
                    <dl class="facts">
                        <Fact term="Method" value=Some(pg.method.clone())/>
                        <Fact term="Cursor parameter" value=pg.cursor_param.clone()/>
                        <Fact term="Default page size" value=pg.default_page_size.map(|n| n.to_string())/>
                        <Fact term="Maximum page size" value=pg.max_page_size.map(|n| n.to_string())/>
                    </dl>
                </Section>
                <Section id="events" title="Webhooks and events".into()>
                    <dl class="facts">
                        <div class="fact"><dt>"Webhooks"</dt><dd><TriBadge value=events.webhooks/></dd></div>
                    </dl>
                    <p>{events.notes.clone()}</p>
                    <p><span class="label">"Instead: "</span>{events.alternative.clone()}</p>
                </Section>
                <Section id="scim" title="SCIM endpoint".into()>
                    <dl class="facts">
                        <div class="fact"><dt>"Available"</dt><dd><TriBadge value=scim.available/></dd></div>
                        <Fact term="Version" value=scim.version.clone()/>
                        <Fact term="Plan required" value=scim.plan.clone()/>
                        <Fact term="Endpoint" value=scim.endpoint.clone()/>
                    </dl>
                    {(!scim.operations.is_empty()).then(|| view! {
                        <h3>"Operations"</h3>
                        <ul class="ops">{scim.operations.iter().map(|o| view! { <li><code>{o.clone()}</code></li> }).collect_view()}</ul>
                    })}
                    {(!scim.limitations.is_empty()).then(|| view! { <h3>"Limitations"</h3><BulletList items=scim.limitations.clone()/> })}
                </Section>
                <Section id="scenarios" title="Scenarios, step by step".into()>
                    {scenarios.into_iter().map(|s| view! { <WalkthroughBlock s/> }).collect_view()}
                </Section>
                <Section id="pitfalls" title="Pitfalls".into()>
                    <dl class="constraints">
                        {pitfalls.into_iter().map(|p| view! { <div class="constraint"><dt>{p.title}</dt><dd>{p.detail}</dd></div> }).collect_view()}
                    </dl>
                </Section>
                <Section id="discrepancies" title="Where the sources disagree".into()>
                    <DiscrepancyList items=discrepancies/>
                </Section>
                <Section id="source" title="Source".into()>
                    <SourceFacts source/>
                </Section>
            </div>
        </article>
    }
}
