//! What every chart shares (server only): the drawing's size and text, the series colours,
//! the grid and axes' look, and the finishing that makes plotters' SVG follow the page.
//!
//! Colours: plotters writes black as `#000000`; we turn it into `currentColor` so axes and
//! labels follow the page's text colour in light and dark mode. The two series use mid-tone
//! colours that read on both backgrounds. Text: the page scales the SVG to its box, so
//! the drawing is small and its text large enough to read on a phone ([`PHONE_CHART_PX`]).

use plotters::chart::MeshStyle;
use plotters::coord::ranged1d::Ranged;
use plotters::prelude::*;

/// The drawing's size; the page scales it to the chart's box.
pub(super) const WIDTH: u32 = 480;
pub(super) const HEIGHT: u32 = 320;
/// Space around the plot, and between side-by-side labels.
pub(super) const MARGIN: u32 = 12;
/// The text size, as plotters takes it: it writes `FONT / 1.24` into the SVG.
pub(super) const FONT: f64 = 25.0;

/// The narrowest box a chart gets on a 390 px phone, in CSS pixels, from
/// `style/main.css`: 390 less `main`'s side padding (2 × 1.25rem), a guide section's
/// padding and border (2 × (1.25rem + 1px)) and the chart card's (2 × (1rem + 1px)). The
/// calculator and stack pages, without the section, give it 316.
pub const PHONE_CHART_PX: f64 = 274.0;
/// The smallest text a chart shows there, in CSS pixels: [`FONT`] is chosen for it.
pub const MIN_TEXT_PX: f64 = 11.0;
/// The series colours, as `domain::drawing`'s `MANUAL_CSS` and `UPGRADE_CSS` name them for the
/// legend.
pub(super) const MANUAL: RGBColor = RGBColor(214, 94, 36);
pub(super) const UPGRADE: RGBColor = RGBColor(46, 120, 200);

/// How wide `text` is drawn, about: a digit of a sans-serif font is some 0.6 em.
pub(super) fn text_width(text: &str) -> u32 {
    (text.chars().count() as f64 * 0.6 * FONT / 1.24).ceil() as u32
}

/// The height of a line of text.
pub(super) fn text_height() -> u32 {
    (FONT / 1.24).ceil() as u32
}

/// Escapes text for the SVG (its title).
pub(super) use crate::render::xml::xml as escape;

/// Makes the SVG follow the page's colours, scale with its box, and carry its title.
pub(super) fn finish_sized(svg: String, title: &str, width: u32, height: u32) -> String {
    // plotters writes a viewBox of its own; add one only where it did not (one attribute
    // twice is not valid XML).
    let head = svg.split('>').next().unwrap_or("");
    let view_box = if head.contains("viewBox") {
        String::new()
    } else {
        format!("viewBox=\"0 0 {width} {height}\" ")
    };
    let svg = svg.replace("#000000", "currentColor").replacen(
        &format!("width=\"{width}\" height=\"{height}\""),
        &format!("{view_box}role=\"img\" preserveAspectRatio=\"xMidYMid meet\""),
        1,
    );
    match svg.find('>') {
        Some(i) if svg.starts_with("<svg") => {
            format!(
                "{}<title>{}</title>{}",
                &svg[..=i],
                escape(title),
                &svg[i + 1..]
            )
        }
        _ => svg,
    }
}

/// The grid, axes and labels every chart shares (the page's CSS recolours them in dark mode).
pub(super) fn house_style<'m, 'a, 'b, X, Y, DB>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB>
where
    X: Ranged,
    Y: Ranged,
    DB: DrawingBackend,
{
    mesh.light_line_style(BLACK.mix(0.06))
        .bold_line_style(BLACK.mix(0.12))
        .axis_style(BLACK.mix(0.6))
        .label_style(("sans-serif", FONT).into_font().color(&BLACK))
        .axis_desc_style(("sans-serif", FONT).into_font().color(&BLACK))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_series_colours_are_the_legends() {
        use crate::domain::drawing::{MANUAL_CSS, UPGRADE_CSS};
        let css = |c: RGBColor| format!("rgb({}, {}, {})", c.0, c.1, c.2);
        assert_eq!(css(MANUAL), MANUAL_CSS);
        assert_eq!(css(UPGRADE), UPGRADE_CSS);
    }
}
