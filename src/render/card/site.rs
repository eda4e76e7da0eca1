//! The link-preview cards of pages without a scenario (server only): the home page's
//! index, a title with a few lines of text, and the site's own card for anything else.

use super::canvas::{Canvas, TextWidth};
use super::style::{big, Style, ACCENT, FULL, LABEL, MARGIN, TEXT};
use crate::domain::format;
use crate::domain::vendor::{Price, Tri, Vendor};

/// The index in one line: how many vendors, how many offer SCIM, how many sell the plan
/// with SCIM only by quote; and the vendors' names.
pub fn home(measure: &dyn TextWidth, checked_on: Option<&str>, vendors: &[Vendor]) -> String {
    let mut c = Canvas::new(measure);
    c.frame("Vendor index", checked_on);
    c.title("What does SCIM really cost?", 60.0);
    let body = Style {
        size: 28.0,
        bold: false,
        fill: TEXT,
    };
    c.paragraph(
        "about",
        232.0,
        38.0,
        body,
        FULL,
        2,
        "For each SaaS vendor: the plan that unlocks SCIM and SSO, what it costs, which identity providers really provision, and what staying manual costs.",
    );
    let offer = vendors
        .iter()
        .filter(|v| v.scim.available == Tri::Yes)
        .count();
    let by_quote = vendors
        .iter()
        .filter(|v| matches!(v.scim_plan().map(|p| &p.price), Some(Price::Quote { .. })))
        .count();
    let line = format!(
        "{} vendors · SCIM on {} · its plan sold by quote only on {}",
        format::group_thousands(vendors.len() as u64),
        format::group_thousands(offer as u64),
        format::group_thousands(by_quote as u64),
    );
    c.shrinking("index", MARGIN, 374.0, big(ACCENT, 36.0), FULL, &line);
    let names: Vec<&str> = vendors.iter().map(|v| v.name.as_str()).collect();
    c.paragraph("names", 440.0, 36.0, LABEL, FULL, 2, &names.join(", "));
    c.finish()
}

/// A card with a title and a few lines of text: for pages without figures, and for any
/// address whose query a page would refuse.
pub fn generic(
    measure: &dyn TextWidth,
    checked_on: Option<&str>,
    kind: &str,
    title: &str,
    text: &str,
) -> String {
    let mut c = Canvas::new(measure);
    c.frame(kind, checked_on);
    c.title(title, 56.0);
    let body = Style {
        size: 30.0,
        bold: false,
        fill: TEXT,
    };
    c.paragraph("text", 250.0, 42.0, body, FULL, 5, text);
    c.finish()
}

/// The card for anything else: what the site is.
pub fn site(measure: &dyn TextWidth, checked_on: Option<&str>) -> String {
    generic(
        measure,
        checked_on,
        "",
        "What the SCIM tax really costs",
        "SaaS vendors' plans and prices for single sign-on and SCIM provisioning, which identity providers really provision, and what staying manual costs your team a year.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::card::canvas::Half;

    #[test]
    fn a_hostile_string_stays_text() {
        let svg = generic(
            &Half,
            Some("2026-01-11"),
            "<k>",
            "</text><script>x</script>",
            "a & b",
        );
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;/text&gt;&lt;script&gt;"));
        assert!(svg.contains("a &amp; b"));
        assert!(svg.contains("Data checked 11 January 2026"));
    }
}
