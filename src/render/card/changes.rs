//! The card of `/changes`: the headline counts between the two releases.

use super::canvas::{Canvas, TextWidth};
use super::style::{big, Style, ACCENT, FULL, LABEL, TEXT};
use crate::domain::changes::words::{counted, headline};
use crate::domain::changes::{ChangeKind, History};

pub fn changes(measure: &dyn TextWidth, checked_on: Option<&str>, history: &History) -> String {
    let mut c = Canvas::new(measure);
    c.frame("What changed", checked_on);
    c.title("What changed in the index", 60.0);
    let counts = history.counts();
    let body = Style {
        size: 28.0,
        bold: false,
        fill: TEXT,
    };
    let about = match &history.releases {
        Some((from, to)) => format!(
            "Between its {from} and {to} releases, computed row by row: {}.",
            [
                ChangeKind::Added,
                ChangeKind::Removed,
                ChangeKind::NewlyDocumented
            ]
            .map(|k| counted(k, counts.get(&k).copied().unwrap_or(0)))
            .join(", ")
        ),
        None => "Only one release is loaded: nothing to compare yet.".into(),
    };
    c.paragraph("about", 232.0, 38.0, body, FULL, 2, &about);
    c.paragraph(
        "counts",
        374.0,
        44.0,
        big(ACCENT, 34.0),
        FULL,
        2,
        &headline(&counts),
    );
    c.paragraph(
        "more",
        500.0,
        36.0,
        LABEL,
        FULL,
        1,
        "Each line names the vendor, the old and the new value, and both dates.",
    );
    c.finish()
}
