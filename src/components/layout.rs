//! Page frame: header, footer, sections with stable anchors, loading and error states.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <nav aria-label="Main">
                <A href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"§"</span>
                    "SCIM Ledger"
                </A>
                <A href="/" attr:class="nav-link">"Vendors"</A>
                <A href="/calculator" attr:class="nav-link">"Calculator"</A>
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
                "Prices are in US dollars, as published; quotes vary."
            </p>
        </footer>
    }
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

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">"Loading…"</p> }
}

/// Shown when the server could not answer; the page around it still works.
#[component]
pub fn LoadError(error: String) -> impl IntoView {
    view! {
        <div class="callout error" role="alert">
            <p><strong>"This part of the page could not be loaded."</strong></p>
            <p>{error}</p>
        </div>
    }
}
