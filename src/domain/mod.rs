//! The pure core: what the data says and what follows from it. No Leptos, no axum, no I/O;
//! compiled into both the server and the browser bundle.
//!
//! Layers inside, each using only those above it:
//! - `vendor`, `api_guide`, `catalog`: the types of `data/*.toml` and `data/api/*.toml`
//! - `url`: the one way to read and write a query string (last value of a repeated key wins)
//! - `keys`: enum values spelled as serde names them
//! - `cost`: money arithmetic on intervals (plan prices, manual cost, upgrade, verdict,
//!   the price jump)
//! - `format`: numbers and prices as the words a buyer reads
//! - `scenario`: the calculator's inputs as they live in the URL
//! - `decision`, `listing`, `compare`: the decision helper, the home table, the comparison
//! - `recommendation`: the one piece of advice those pages share
//! - `routes`: which keys each address reads, and a query's canonical form
//! - `chart`: SVG charts (plotters), drawn on the server
//! - `card`: link-preview cards as SVG text, rasterised by the server

pub mod api_guide;
pub mod card;
pub mod catalog;
pub mod chart;
pub mod compare;
pub mod cost;
pub mod decision;
pub mod format;
pub mod keys;
pub mod listing;
pub mod recommendation;
pub mod report;
pub mod routes;
pub mod scenario;
pub mod url;
pub mod vendor;
