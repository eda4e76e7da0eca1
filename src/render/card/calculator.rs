//! The calculator's link-preview card (server only).

use super::canvas::{Canvas, TextWidth};
use super::style::{big, Style, FULL, MANUAL, MARGIN, TEXT, UPGRADE};
use crate::domain::cost::PlanCost;
use crate::domain::format;
use crate::domain::recommendation::advise;
use crate::domain::report::{verdict_text, ScenarioReport};
use crate::domain::vendor::Vendor;

/// The calculator's answer for one scenario: the vendor and team size, what staying manual
/// costs a year, what the plan with SCIM costs a year more (or less) than the reader's plan,
/// and the verdict. Every figure is the page's own (`report::evaluate`, `format`).
pub fn calculator(
    measure: &dyn TextWidth,
    checked_on: Option<&str>,
    vendor: Option<&Vendor>,
    r: &ScenarioReport,
) -> String {
    let mut c = Canvas::new(measure);
    c.frame("Cost calculator", checked_on);
    let who = vendor.map_or("Any app", |v| v.name.as_str());
    c.title(
        &format!(
            "{who} at {}",
            format::count(r.scenario.users as usize, "person", "people")
        ),
        56.0,
    );
    c.figure(
        "manual",
        MARGIN,
        232.0,
        FULL,
        "Staying manual costs",
        &format!("{} a year", format::usd_whole(r.manual.manual_cost)),
        big(MANUAL, 46.0),
    );
    let (label, value) = match r.upgrade.as_ref() {
        None if vendor.is_some() => (
            "The SCIM upgrade".to_string(),
            "no plans in our data".to_string(),
        ),
        None => (
            "The SCIM upgrade".to_string(),
            "choose a vendor to price it".to_string(),
        ),
        Some(u) => match (u.scim.as_ref(), u.scim_extra) {
            (None, _) => (
                "The SCIM upgrade".to_string(),
                "no plan includes SCIM".to_string(),
            ),
            (Some(_), _) if u.current.has_scim => (
                format!("{} already includes SCIM", u.current.plan),
                "nothing to upgrade".to_string(),
            ),
            (Some(t), Some(d)) => (
                format!("Upgrade to {} from {}, a year", t.plan, u.current.plan),
                format::change(&d),
            ),
            (Some(t), None) => (
                format!("Upgrade to {} from {}", t.plan, u.current.plan),
                if [t, &u.current]
                    .iter()
                    .any(|s| matches!(s.cost, PlanCost::OutOfScope { .. }))
                {
                    "no price at this size: quote needed"
                } else {
                    "sold by quote: price unknown"
                }
                .to_string(),
            ),
        },
    };
    c.figure(
        "upgrade",
        MARGIN,
        334.0,
        FULL,
        &label,
        &value,
        big(UPGRADE, 40.0),
    );
    // The page's own verdict sentence: where it waits on a quote, what it turns on.
    if let Some(sentence) = verdict_text(r) {
        let advice = advise(vendor, r)
            .action
            .map(|a| format!("Our advice: {}. ", a.label()))
            .unwrap_or_default();
        let style = Style {
            size: 26.0,
            bold: false,
            fill: TEXT,
        };
        c.paragraph(
            "verdict",
            440.0,
            34.0,
            style,
            FULL,
            3,
            &format!("{advice}{sentence}"),
        );
    }
    c.finish()
}
