//! Turning numbers and prices into the words a buyer reads. Pure functions: the same text
//! on the server and in the browser.
//!
//! One file per idea: `numbers` (dollars, counts, decimals), `prices` (a plan's price as
//! stated), `spans` (money ranges, changes, multiples, the price jump) and `text` (echoing
//! input, capitals, titles); dates are the server's (`render::date`). Callers name them
//! all as `format::…`: the vocabulary is one, its files are for the reader of this module.

mod numbers;
mod prices;
mod spans;
mod text;

pub use numbers::{count, fixed, group_thousands, plain, read_decimal, times, usd, usd_whole};
pub use prices::{figure, per, price, price_basis, scope};
pub use spans::{amount, change, costs_or_saves, multiple, price_jump, price_jump_short, span};
pub use text::{capitalised, echo, title_safe};
