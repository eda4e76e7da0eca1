#![recursion_limit = "256"]
//! SCIM Ledger: what the "SCIM tax" really costs.
//!
//! Four layers; dependencies point down only (`tests/integration/architecture.rs` keeps it so).
//! Every address the site answers is named once, in the route table (`domain::routes`).
//! - [`server`] (server only): the axum router, data loading, the JSON API, CSV downloads,
//!   response headers and the page cache.
//! - [`ui`]: the Leptos views. Pages render on the server only; the parts under
//!   `ui::islands` also hydrate in the browser.
//! - [`render`] (server only): link-preview cards and charts drawn as SVG; `ui`'s
//!   server-side code calls it, so none of it is in the browser bundle.
//! - [`domain`]: the pure core (vendor model, URL parameters, cost arithmetic, decision,
//!   listing, comparison, formatting). No Leptos or axum; shared by server and browser and
//!   unit-tested without either.

pub mod domain;
#[cfg(feature = "ssr")]
pub mod render;
#[cfg(feature = "ssr")]
pub mod server;
pub mod ui;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Only the islands (the interactive parts) hydrate; the rest stays server HTML.
    leptos::mount::hydrate_islands();
}
