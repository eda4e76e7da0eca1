//! A vendor guide's link-preview card (server only).

use super::canvas::{Canvas, TextWidth};
use super::style::{big, Style, FULL, LABEL, MARGIN, NO, TEXT, UNKNOWN, UPGRADE, YES};
use crate::domain::cost::jump::price_jump;
use crate::domain::format;
use crate::domain::vendor::{Profile, Tri, Vendor};

fn tri_fill(t: Tri) -> &'static str {
    match t {
        Tri::Yes => YES,
        Tri::No => NO,
        Tri::Unknown => UNKNOWN,
    }
}

/// A vendor guide: whether the vendor offers SCIM, on which plan, at what price, and the
/// price jump, as the guide's quick facts state them.
pub fn vendor(measure: &dyn TextWidth, checked_on: Option<&str>, v: &Vendor) -> String {
    let mut c = Canvas::new(measure);
    c.frame("Vendor guide", checked_on);
    c.title(&v.name, 60.0);
    let category = match v.profile {
        Profile::Partial => format!("{} · partial profile", v.category_label()),
        Profile::Index => format!("{} · index entry", v.category_label()),
        Profile::Full => v.category_label().to_string(),
    };
    c.text("category", MARGIN, 220.0, LABEL, FULL, &category);
    let half = FULL / 2.0 - 20.0;
    c.figure(
        "scim",
        MARGIN,
        280.0,
        half,
        "SCIM available",
        v.scim.available.label(),
        big(tri_fill(v.scim.available), 42.0),
    );
    let plan = v.scim.plan.as_deref().unwrap_or("Not stated");
    c.figure(
        "plan",
        MARGIN + half + 40.0,
        280.0,
        half,
        "Plan required for SCIM",
        plan,
        big(TEXT, 42.0),
    );
    let price = v
        .scim_plan()
        .map_or_else(|| "Not stated".to_string(), |p| format::price(&p.price));
    c.text("", MARGIN, 380.0, LABEL, FULL, "Price of that plan");
    c.paragraph("price", 420.0, 40.0, big(UPGRADE, 32.0), FULL, 2, &price);
    c.text(
        "jump",
        MARGIN,
        524.0,
        Style {
            size: 28.0,
            bold: false,
            fill: TEXT,
        },
        FULL,
        &format!(
            "Price jump for SCIM: {}",
            format::price_jump(&price_jump(v))
        ),
    );
    c.finish()
}
