#![recursion_limit = "256"]
//! SCIM Ledger: what the "SCIM tax" really costs.
//!
//! Module map (one concern each):
//! - `model`, `api_model`: the types of `data/*.toml`, shared by server and browser
//! - `load` (server only): reading and validating `data/`
//! - `cost`: pure money arithmetic (annual prices, recomputing the sources' figures)
//! - `chart`: SVG charts as pure functions (plotters)
//! - `decide`, `compare`, `listing`, `query`: the decision helper's matching, comparison
//!   columns, the home table's sort and filters, query strings (all pure)
//! - `format`: numbers and prices as words
//! - `queries`: server functions, the one place pages get data from
//! - `app`, `pages/*` (one per route), `components/*`: the Leptos UI
//! - `server`, `api`, `export`, `response` (server only): the axum router, the JSON API, CSV
//!   downloads, and security headers with the page cache

pub mod api_model;
pub mod app;
pub mod chart;
pub mod compare;
pub mod components;
pub mod cost;
pub mod decide;
pub mod format;
pub mod listing;
pub mod model;
pub mod pages;
pub mod queries;
pub mod query;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod load;
#[cfg(feature = "ssr")]
pub mod response;
#[cfg(feature = "ssr")]
pub mod server;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Only the islands (the interactive parts) hydrate; the rest stays server HTML.
    leptos::mount::hydrate_islands();
}
