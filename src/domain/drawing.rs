//! What pages print beside the pictures the server draws (`render`, server only), so the
//! browser bundle needs none of the drawing code: the charts' series colours for their HTML
//! legends, how many apps the stack chart draws, and the link-preview card's size for the
//! preview tags.

/// The charts' series colours as CSS, for the legends (`render::chart` draws with these).
pub const MANUAL_CSS: &str = "rgb(214, 94, 36)";
pub const UPGRADE_CSS: &str = "rgb(46, 120, 200)";

/// The most apps the stack chart draws; the table lists them all.
pub const STACK_CHART_APPS: usize = 20;

/// A link-preview card's size in pixels (`render::card`).
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;
