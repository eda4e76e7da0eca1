//! What only the server writes: link-preview cards as SVG text (`card`, rasterised by
//! `server::og_image`), charts as SVG (`chart`, plotters), the Atom feed (`feed`) and dates in words (`date`,
//! jiff). Functions of domain values: this layer imports only `domain`, and `ui`'s
//! server-side code and `server` call it. None of it reaches the browser bundle; what a page
//! prints beside a picture (legend colours, the card's size) is in `domain::drawing`.

pub mod card;
pub mod chart;
pub mod date;
pub mod feed;
pub mod xml;
