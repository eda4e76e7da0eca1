//! The decision helper's link-preview card (server only).

use super::canvas::{Canvas, TextWidth};
use super::style::{big, Style, ACCENT, FULL, LABEL, MARGIN, TEXT};
use crate::domain::format;
use crate::domain::recommendation::{advise, conflict_sentence};
use crate::domain::report::ScenarioReport;
use crate::domain::vendor::Vendor;

/// The decision helper's answer for a vendor and the reader's answers: the action that
/// fits and the situation of the decision-table row behind it.
pub fn decision(
    measure: &dyn TextWidth,
    checked_on: Option<&str>,
    v: &Vendor,
    r: &ScenarioReport,
) -> String {
    let mut c = Canvas::new(measure);
    c.frame("Decision helper", checked_on);
    c.title(
        &format!(
            "{} at {}",
            v.name,
            format::count(r.scenario.users as usize, "person", "people")
        ),
        56.0,
    );
    let rec = advise(Some(v), r);
    let action = rec.action.map_or("Depends on your quote", |a| a.label());
    c.figure(
        "action",
        MARGIN,
        232.0,
        FULL,
        "What fits your situation",
        action,
        big(ACCENT, 46.0),
    );
    // Why, in the page's own words: where answers and figures disagree, the page's note;
    // else the row behind the advice; else that the figures chose.
    let row = rec.row.and_then(|i| v.decision.get(i));
    let why = match (rec.conflict.as_ref(), row, rec.action) {
        (Some(conflict), _, _) => conflict_sentence(conflict, v, r),
        (None, Some(row), _) => format!("Matching row: {}", row.situation),
        (None, None, Some(_)) => {
            "No row fits your answers on its own, so this is where the cost figures point."
                .to_string()
        }
        (None, None, None) => {
            "Enter your quote to see which option the figures favour.".to_string()
        }
    };
    let style = Style {
        size: 26.0,
        bold: false,
        fill: TEXT,
    };
    c.paragraph("why", 350.0, 36.0, style, FULL, 3, &why);
    let manual = format!(
        "Staying manual: {} a year",
        format::usd_whole(r.manual.manual_cost)
    );
    c.text("manual", MARGIN, 510.0, LABEL, FULL, &manual);
    c.finish()
}
