//! The Leptos views. Everything here renders on the server; only `islands` (and the
//! components they use) also run in the browser.
//!
//! - `app`: the HTML shell and the route table (one file per route in `pages`)
//! - `assets`: the addresses of the bundle (fingerprinted by cargo-leptos)
//! - `pages`: one module per route, server-rendered
//! - `islands`: the interactive parts, hydrated in the browser
//! - `components`: small view pieces named after what the reader sees
//! - `server_fns`: the server functions pages and islands get data from (one per file)
//! - `status`: the HTTP status of the page being rendered
//! - `dates`: dates in words, written on the server

pub mod app;
pub mod assets;
pub mod components;
pub mod dates;
pub mod islands;
pub mod pages;
pub mod server_fns;
pub mod status;
