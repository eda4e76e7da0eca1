//! Page frame: header, footer, sections with stable anchors, input errors.

use crate::domain::routes::Route;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <nav aria-label="Main">
                <A href=Route::Home.path() attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"§"</span>
                    "SCIM Ledger"
                </A>
                // One row under the brand on a phone, scrolled sideways rather than wrapped.
                <div class="nav-links">
                    <A href=Route::Home.path() attr:class="nav-link">"Vendors"</A>
                    <A href=Route::Categories.path() attr:class="nav-link">"Categories"</A>
                    <A href=Route::Calculator.path() attr:class="nav-link">"Calculator"</A>
                    <A href=Route::Decide.path() attr:class="nav-link">"Decide"</A>
                    <A href=Route::Compare.path() attr:class="nav-link">"Compare"</A>
                    <A href=Route::Stack.path() attr:class="nav-link">"Your stack"</A>
                    <A href=Route::Changes.path() attr:class="nav-link">"Changes"</A>
                </div>
            </nav>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "SCIM Ledger recomputes every figure from the facts its sources state, and says where a source disagrees with itself. "
                "Prices are in US dollars, as published; quotes vary. "
                <A href=Route::Sources.path()>"Sources and licences"</A>"."
            </p>
            {dataset_credits().into_iter().map(|credit| view! { <p class="credit">{credit}</p> }).collect_view()}
        </footer>
    }
}

/// The credit line of every dataset loaded (none without datasets). The footer is drawn
/// on the server only, where the catalog is in context.
fn dataset_credits() -> Vec<String> {
    #[cfg(feature = "ssr")]
    {
        use_context::<std::sync::Arc<crate::domain::catalog::Catalog>>()
            .map(|c| {
                c.datasets
                    .iter()
                    .map(|d| format!("Includes data from {}.", d.record.licence.attribution))
                    .collect()
            })
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    Vec::new()
}

/// A titled section whose heading links to itself, so any part of a guide can be shared.
#[component]
pub fn Section(id: &'static str, title: String, children: Children) -> impl IntoView {
    let heading = format!("{id}-title");
    view! {
        <section id=id class="section" aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>
                <a class="anchor" href=format!("#{id}")>{title}</a>
            </h2>
            {children()}
        </section>
    }
}

/// Where readers reach the site (`https://ledger.example`), provided by the server for each
/// request: the configured public URL, else the request's own scheme and host.
#[derive(Clone, Debug, Default)]
pub struct SiteOrigin {
    pub origin: String,
    /// From the configured public URL: fit for canonical and Open Graph links.
    pub configured: bool,
}

/// The page's address as the reader would type it, from the request.
fn page_address() -> String {
    #[cfg(feature = "ssr")]
    {
        let parts = use_context::<axum::http::request::Parts>();
        let origin = use_context::<SiteOrigin>()
            .map(|o| o.origin)
            .unwrap_or_else(|| "http://localhost".into());
        let path = parts
            .as_ref()
            .and_then(|p| p.uri.path_and_query().map(|pq| pq.to_string()))
            .unwrap_or_else(|| "/".into());
        format!("{origin}{path}")
    }
    #[cfg(not(feature = "ssr"))]
    String::new()
}

/// The page's canonical and Open Graph address, only from a configured public URL (one
/// taken from the request's headers is not ours to advertise).
#[component]
pub fn CanonicalLinks() -> impl IntoView {
    let configured = use_context::<SiteOrigin>().is_some_and(|o| o.configured);
    configured.then(|| {
        let address = page_address();
        view! {
            <leptos_meta::Link rel="canonical" href=address.clone()/>
            <leptos_meta::Meta property="og:url" content=address/>
        }
    })
}

/// Shown only on paper: where the report came from and when, so a printout can be
/// opened again as the same scenario. Rendered on the server only (it is no island), so
/// its helpers have no browser side; islands that change the address update the link
/// (`AddressBar::replace`).
#[component]
pub fn PrintInfo() -> impl IntoView {
    view! {
        <p class="print-only print-info">
            "SCIM Ledger report, printed "{crate::ui::dates::today()}". Open it again at: "
            <span class="print-link">{page_address()}</span>
        </p>
    }
}

/// The heading block of a page of its own (calculator, decision helper, comparison).
#[component]
pub fn PageHeader(title: &'static str, lede: &'static str) -> impl IntoView {
    view! {
        <header class="page-header">
            <h1>{title}</h1>
            <p class="lede">{lede}</p>
        </header>
    }
}

/// Values from the URL we could not use, each with what we did instead.
#[component]
pub fn InputErrors(messages: Vec<String>) -> impl IntoView {
    (!messages.is_empty()).then(|| {
        view! {
            <ul class="callout error field-errors" role="alert">
                {messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
            </ul>
        }
    })
}
