//! The comparison's link-preview card (server only).

use super::canvas::{visible, Canvas, TextWidth};
use super::style::{big, Style, FULL, LABEL, MARGIN, TEXT, UPGRADE};
use crate::domain::compare::{self, Column};
use crate::domain::format;

/// The comparison's bottom line, as the page leads with it: the cheapest way to get SCIM
/// at the team size in one sentence, then where each vendor stands, in the words of the
/// page's first row (`compare::BottomLine`).
pub fn comparison(
    measure: &dyn TextWidth,
    checked_on: Option<&str>,
    users: u32,
    columns: &[Column],
) -> String {
    let mut c = Canvas::new(measure);
    c.frame("Comparison", checked_on);
    c.title(
        &format!(
            "Getting SCIM at {}",
            format::count(users as usize, "person", "people")
        ),
        52.0,
    );
    let columns = &columns[..columns.len().min(compare::MAX_VENDORS)];
    let bottom = compare::bottom_line(columns, users);
    // The sentence the page leads with, in the text's colour: it is the answer.
    let lead = Style {
        fill: TEXT,
        ..LABEL
    };
    c.paragraph("headline", 222.0, 32.0, lead, FULL, 2, &bottom.headline());
    let name = big(TEXT, 28.0);
    let value = big(UPGRADE, 28.0);
    // The names' column is as wide as the longest name, within bounds, so the figures
    // have the rest of the line.
    let names = columns
        .iter()
        .map(|col| c.width(&visible(&col.name), name))
        .fold(160.0, f32::max)
        .min(380.0);
    let mut y = 300.0;
    for (i, col) in columns.iter().enumerate() {
        c.text(&format!("name-{i}"), MARGIN, y, name, names, &col.name);
        let x = MARGIN + names + 36.0;
        c.shrinking(
            &format!("standing-{i}"),
            x,
            y,
            value,
            FULL - names - 36.0,
            &bottom.summary(i),
        );
        y += 38.0;
    }
    if let Some(first) = columns.first() {
        let text = format!(
            "Staying manual (calculator defaults): {} a year",
            format::usd_whole(first.manual_cost)
        );
        c.text("manual", MARGIN, 528.0, LABEL, FULL, &text);
    }
    c.finish()
}
