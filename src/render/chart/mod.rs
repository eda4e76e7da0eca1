//! Charts as pure functions returning SVG strings, drawn with plotters (server only). The
//! page arrives with its chart, and the calculator island fetches a new one per scenario
//! from `/chart.svg` (`server::chart_svg`), so plotters stays out of the browser bundle.
//!
//! - `style`: what every chart shares: its size, text, colours, axes' look, and the SVG's
//!   finishing touches
//! - `axis`: round ticks, their labels, and the label areas beside an axis
//! - `report`: the calculator's cost chart across team sizes
//! - `stack`: the stack page's chart, a row per app
//!
//! The legend is HTML beside the chart, coloured with `domain::drawing`'s `MANUAL_CSS` and
//! `UPGRADE_CSS`, so it follows the page's theme and fonts.

mod axis;
mod report;
mod stack;
mod style;

pub use axis::{short_usd, ticks, Ticks};
pub use report::{cost_chart, report_chart, CostChart};
pub use stack::{stack_chart, stack_chart_height, StackBar};
pub use style::{MIN_TEXT_PX, PHONE_CHART_PX};
