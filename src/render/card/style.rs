//! The look of a link-preview card (server only): its size, margins, font, colours (the
//! site's light theme and the chart's series) and the style of a line of text.

pub use crate::domain::drawing::{CARD_HEIGHT as HEIGHT, CARD_WIDTH as WIDTH};

/// The family every card's text is set in; the server loads this font and no other.
pub const FONT_FAMILY: &str = "DejaVu Sans";
pub(super) const SITE: &str = "SCIM Ledger";

/// Left and right margin: text boxes run from `MARGIN` to `WIDTH - MARGIN`.
pub(super) const MARGIN: f32 = 60.0;
pub(super) const FULL: f32 = WIDTH as f32 - 2.0 * MARGIN;

// The site's light theme (style/main.css) and the chart's series colours.
pub(super) const BG: &str = "#f7f7f4";
pub(super) const TEXT: &str = "#1d1f23";
pub(super) const MUTED: &str = "#5a5f69";
pub(super) const RULE: &str = "#d9d8d0";
pub(super) const ACCENT: &str = "#0b5cad";
pub(super) const MANUAL: &str = "#b8501f";
pub(super) const UPGRADE: &str = "#2e6fb8";
pub(super) const YES: &str = "#14532d";
pub(super) const NO: &str = "#7f1d1d";
pub(super) const UNKNOWN: &str = "#3f3f46";

/// The look of one line of text.
#[derive(Clone, Copy)]
pub(super) struct Style {
    pub(super) size: f32,
    pub(super) bold: bool,
    pub(super) fill: &'static str,
}

/// A small label over a figure, or a line of muted text.
pub(super) const LABEL: Style = Style {
    size: 26.0,
    bold: false,
    fill: MUTED,
};

/// Large bold text in `fill`: a card's figures.
pub(super) fn big(fill: &'static str, size: f32) -> Style {
    Style {
        size,
        bold: true,
        fill,
    }
}
