//! The Leptos views. Everything here renders on the server; only `islands` (and the
//! components they use) also run in the browser.
//!
//! - `app`: the HTML shell and the pages of the route table (one file per page in `pages`,
//!   each with the function that loads its data from the catalog)
//! - `route_path`: the route table's paths as the Leptos router matches them
//! - `assets`: the addresses of the bundle (fingerprinted by cargo-leptos)
//! - `pages`: one module per route, server-rendered
//! - `islands`: the interactive parts, hydrated in the browser
//! - `components`: small view pieces named after what the reader sees
//! - `http_status`: the HTTP status of the page being rendered
//! - `dates`: dates in words, written on the server

pub mod app;
pub mod assets;
pub mod components;
pub mod dates;
pub mod http_status;
pub mod islands;
pub mod pages;
pub mod route_path;
