//! The HTML shell and the pages of the route table (`domain::routes`), one file per page in
//! `pages/`.

use crate::domain::routes::Route;
use crate::ui::assets::{use_assets, Assets};
use crate::ui::components::layout::{CanonicalLinks, PrintInfo, SiteFooter, SiteHeader};
use crate::ui::components::link_preview::LinkPreview;
use crate::ui::islands::hydrated_marker::HydratedMarker;
use crate::ui::pages::{
    api_guide::ApiGuidePage, calculator::CalculatorPage, categories::CategoriesPage,
    category::CategoryPage, changes::ChangesPage, compare::ComparePage, decide::DecidePage,
    home::HomePage, not_found::NotFound, sources::SourcesPage, stack::StackPage,
    vendor::VendorPage,
};
use crate::ui::route_path::TablePath;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route as PageRoute, Router, Routes};
use leptos_router::SsrMode;

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <IslandLoader options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Loads the islands' code when the browser is idle, then hydrates each island.
///
/// Leptos's `HydrationScripts` does the same but also adds preload hints that fetch the
/// bundle at normal priority while the page is still painting, which on a slow link delays
/// the largest paint by seconds (Lighthouse measured 2.6 s against 1.0 s). Nothing here
/// runs before the page is idle; forms work without it.
#[component]
fn IslandLoader(options: LeptosOptions) -> impl IntoView {
    let Assets { js, wasm, .. } =
        leptos::prelude::use_context::<Assets>().unwrap_or_else(|| Assets::plain(&options));
    let script = format!(
        r#"((js, wasm) => {{
  const start = () => import(js).then((mod) =>
    mod.default({{ module_or_path: wasm }}).then(() => {{
      mod.hydrate();
      for (const el of document.querySelectorAll("leptos-island")) {{
        const island = mod[el.dataset.component];
        if (island) island(el); else console.warn(`no code for island ${{el.dataset.component}}`);
      }}
    }}));
  if ("requestIdleCallback" in window) requestIdleCallback(start, {{ timeout: 2000 }}); else start();
}})({js:?}, {wasm:?});"#
    );
    view! { <script type="module" nonce=leptos::nonce::use_nonce()>{script}</script> }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Async mode: every page is rendered whole before the first byte, so the status code
    // (404 for an unknown vendor) and the <head> tags are right for crawlers and previews.
    let ssr = SsrMode::Async;
    view! {
        <Stylesheet id="leptos" href=use_assets().css/>
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        // Every page names the feed, so a reader subscribes from wherever they are.
        <Link rel="alternate" type_="application/atom+xml" title="SCIM Ledger: what changed" href=Route::ChangesFeed.path()/>
        <CanonicalLinks/>
        <LinkPreview/>
        <Title formatter=|t: String| if t.is_empty() { "SCIM Ledger".to_string() } else { format!("{} · SCIM Ledger", crate::domain::format::title_safe(&t)) }/>
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader/>
            <main id="main">
                <Routes fallback=|| view! { <NotFound/> }>
                    <PageRoute path=TablePath(Route::Home) view=HomePage ssr=ssr.clone()/>
                    <PageRoute path=TablePath(Route::Calculator) view=CalculatorPage ssr=ssr.clone()/>
                    <PageRoute path=TablePath(Route::Decide) view=DecidePage ssr=ssr.clone()/>
                    <PageRoute path=TablePath(Route::Compare) view=ComparePage ssr=ssr.clone()/>
                    <PageRoute path=TablePath(Route::Stack) view=StackPage ssr=ssr.clone()/>
                    <PageRoute path=TablePath(Route::Sources) view=SourcesPage ssr=ssr.clone()/>
                    <PageRoute path=TablePath(Route::Changes) view=ChangesPage ssr=ssr.clone()/>
                    <PageRoute path=TablePath(Route::Categories) view=CategoriesPage ssr=ssr.clone()/>
                    <PageRoute path=TablePath(Route::Category) view=CategoryPage ssr=ssr.clone()/>
                    <PageRoute path=TablePath(Route::Vendor) view=VendorPage ssr=ssr.clone()/>
                    <PageRoute path=TablePath(Route::ApiGuide) view=ApiGuidePage ssr/>
                </Routes>
            </main>
            <PrintInfo/>
            <HydratedMarker/>
            <SiteFooter/>
        </Router>
    }
}
