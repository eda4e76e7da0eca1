//! The pure core: what the data says and what follows from it. No Leptos, no axum, no I/O;
//! compiled into both the server and the browser bundle.
//!
//! Layers inside, each using only those above it:
//! - `vendor`, `api_guide`, `catalog`: the types of `data/*.toml` and `data/api/*.toml`
//! - `dataset`: our record of a public dataset in `data/datasets/<name>/` (`SOURCE.toml`)
//! - `price_text`: prices written as text (`$9.50/u/mo`) read into the price model, never guessed
//! - `url`: the one way to read and write a query string (last value of a repeated key wins)
//! - `keys`: enum values spelled as serde names them
//! - `issue`: an input we could not use as given (every page's and answer's one type)
//! - `cost`: money arithmetic on intervals (plan prices, manual cost, upgrade, verdict,
//!   the price jump)
//! - `format`: numbers and prices as the words a buyer reads
//! - `questions`: the decision questions' answers as they live in the URL
//! - `scenario`: the calculator's inputs as they live in the URL, the answers among them
//! - `freshness`: when facts were last verified, and whether that is over six months ago
//! - `index`: the SCIM Tax Index's rows as vendors (v2 `data.json`, v3 `data.csv`), what
//!   they fill in on our curated profiles, and where they disagree with them
//! - `status`: a vendor's SCIM status in one word (free, gated, partial, none, unknown)
//! - `decision`, `compare`: the decision helper, the comparison
//! - `vendor_search`: finding a vendor by part of its name (with the stack's name
//!   normalising), and what picking one does to a page's address
//! - `changes`: what changed between two releases of the index (and two checks of our
//!   own profiles), computed per vendor, grouped by the kinds a buyer reads
//! - `listing`: the home table (its search box is `vendor_search`'s)
//! - `categories`: the index's 21 categories and each one's figures; `alternatives`: the
//!   vendors of a guide's category that include SCIM or sell it for less per user
//! - `recommendation`: the one piece of advice every page gives for an address (`advise`)
//! - `stack`: the SCIM tax across every app a reader runs (URL, pasted lists and exports,
//!   name matching, totals)
//! - `routes`: which keys each address reads, and a query's canonical form
//! - `drawing`: what pages print beside the server's charts and cards (legend colours,
//!   the card's size); the drawing itself is `render`, server only

pub mod alternatives;
pub mod api_guide;
pub mod catalog;
pub mod categories;
pub mod changes;
pub mod compare;
pub mod cost;
pub mod dataset;
pub mod decision;
pub mod drawing;
pub mod format;
pub mod freshness;
pub mod index;
pub mod issue;
pub mod keys;
pub mod listing;
pub mod price_text;
pub mod questions;
pub mod recommendation;
pub mod report;
pub mod routes;
pub mod scenario;
pub mod stack;
pub mod status;
pub mod url;
pub mod vendor;
pub mod vendor_search;
pub mod written_number;
