//! The stack's link-preview card (server only).

use super::canvas::{Canvas, TextWidth};
use super::style::{big, FULL, LABEL, MANUAL, MARGIN, UPGRADE};
use crate::domain::format;
use crate::domain::stack::totals::StackTotals;

/// The stack's bottom line: how many apps, what getting SCIM costs a year where prices are
/// known (a range stays one), how many need a quote, and what staying manual costs.
pub fn stack(measure: &dyn TextWidth, checked_on: Option<&str>, t: &StackTotals) -> String {
    let mut c = Canvas::new(measure);
    c.frame("Your stack", checked_on);
    let n = t.apps.len();
    c.title(
        &format!("The SCIM tax of {}", format::count(n, "app", "apps")),
        52.0,
    );
    c.subtitle("Getting SCIM, a year, where prices are known");
    c.shrinking(
        "known-extra",
        MARGIN,
        282.0,
        big(UPGRADE, 50.0),
        FULL,
        &format::change(&t.scim_extra),
    );
    let open = t.needs_quote.len() + t.unknown_price.len();
    let rest = if open == 0 {
        "Every app's price is known.".to_string()
    } else {
        format!(
            "Not in that total: {} needing a quote or a price.",
            format::count(open, "app", "apps")
        )
    };
    c.text("open", MARGIN, 340.0, LABEL, FULL, &rest);
    c.text(
        "",
        MARGIN,
        410.0,
        LABEL,
        FULL,
        "Staying manual, a year, every app",
    );
    c.shrinking(
        "manual",
        MARGIN,
        470.0,
        big(MANUAL, 50.0),
        FULL,
        &format::usd_whole(t.manual_cost),
    );
    c.finish()
}
